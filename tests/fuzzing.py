"""Mutations for the input fuzzing tests (``test_fuzz_inputs.py``).

Every mutation is plain data drawn by a hypothesis strategy (a tuple naming the
operation and its arguments) and applied by a deterministic function, so a
failing example shrinks to a short list of readable operations on a valid seed
file and can be replayed from the test report. Sizes are bounded: no mutated
file grows past ``MAX_FUZZ_BYTES``, no zip member past the largest of ``BOMB_SIZES``.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
import zipfile

from hypothesis import strategies as st

#: Largest mutated file (a repeated slice stops here).
MAX_FUZZ_BYTES = 192 * 1024
#: Largest zip member a "bomb" operation writes (highly compressible).
BOMB_SIZES = (2 * 1024 * 1024, 12 * 1024 * 1024)

#: A token written in a file that an external XML entity may point at: it must never come out.
SECRET = "HEXAGLOT-FUZZ-SECRET-93b1"

# -- bytes ------------------------------------------------------------------------------

SPECIAL_CHUNKS = [
    b"\x00", b"\x00" * 8, b"\x0b", b"\x0c", b"\x1b[2J\x1b]0;title\x07", b"\x7f", b"\x85", b"\x08\x08",
    "\u2028".encode(), "\u202e".encode(), "\ufeff".encode(), "\ufffe".encode("utf-8", "surrogatepass"),
    codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE,
    b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xef\xbf\xbf",
    b"\r", b"\r\n", b"\n\n\n", b"\t", b"\xa0", b"\xc2\xa0",
    b"---\n", b"<sup>", b"</sup>", b"<sup>99</sup>", b"*", b"**", b"# ", b"\n1. ", b"[", b"](",
    b"<!--", b"-->", b"<", b">", b"&", b"&amp;", b"&#0;", b"&#x1;", b"&e;", b"]]>", b"\"", b"'", b"=",
    b"=HYPERLINK(\"http://x\")", b"\\", b"\x1a",
]

_POS = st.integers(min_value=0, max_value=1 << 20)
_CHUNK = st.one_of(
    st.sampled_from(SPECIAL_CHUNKS),
    st.binary(min_size=1, max_size=12),
    st.text(min_size=1, max_size=20).map(lambda t: t.encode("utf-8", "surrogatepass")),
)
CODECS = ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig", "latin-1", "cp1252", "shift_jis", "koi8-r")
NEWLINES = ("\r\n", "\r", "\u2028", "\x85", "\x0c", "\x0b", "\n\n")

byte_op = st.one_of(
    st.tuples(st.just("flip"), _POS, st.integers(1, 255)),
    st.tuples(st.just("truncate"), _POS),
    st.tuples(st.just("insert"), _POS, _CHUNK),
    st.tuples(st.just("delete"), _POS, st.integers(1, 4096)),
    st.tuples(st.just("repeat"), _POS, st.integers(1, 512), st.integers(2, 50_000)),
    st.tuples(st.just("encode"), st.sampled_from(CODECS)),
    st.tuples(st.just("newlines"), st.sampled_from(NEWLINES)),
)


def _at(data: bytes, pos: int) -> int:
    return pos % (len(data) + 1)


def apply_byte_op(data: bytes, op: tuple) -> bytes:
    kind = op[0]
    if kind == "flip":
        if not data:
            return data
        i = op[1] % len(data)
        return data[:i] + bytes([data[i] ^ op[2]]) + data[i + 1:]
    if kind == "truncate":
        return data[:_at(data, op[1])]
    if kind == "insert":
        i = _at(data, op[1])
        return data[:i] + op[2] + data[i:]
    if kind == "delete":
        i = _at(data, op[1])
        return data[:i] + data[i + op[2]:]
    if kind == "repeat":
        i = _at(data, op[1])
        piece = data[i:i + op[2]] or b"x"
        times = min(op[3], max(1, (MAX_FUZZ_BYTES - len(data)) // len(piece)))
        return data[:i] + piece * times + data[i:]
    if kind == "encode":
        return data.decode("utf-8", "replace").encode(op[1], "replace")
    if kind == "newlines":
        return data.replace(b"\n", op[1].encode("utf-8"))
    raise ValueError(kind)


def apply_ops(data: bytes, ops, apply_one=None) -> bytes:
    for op in ops:
        data = (apply_one or apply_byte_op)(data, op)
        data = data[:MAX_FUZZ_BYTES]
    return data


def byte_mutations(max_size: int = 4):
    return st.lists(byte_op, min_size=1, max_size=max_size)


# -- markdown / UN text ---------------------------------------------------------------

MD_FRAGMENTS = [
    "\n\n---\n\n", "\n\n# ", "\n\n## 55/100. Titre\n\n", "\n\n1. *Prie* ", "\n\n*L'Assemblée générale*,\n\n",
    "<sup>1</sup>", "<sup>", "\n\n<sup>1</sup> Note.\n\n", "[74/175](#)", "<!-- a: b", "-->", "\n\n" + "9. " * 200,
    "\n" * 5000, "*" * 3000, "<sup>" * 500, "<sup>1</sup>" * 2000, "# " * 2000, " " * 100_000, "a" * 200_000,
]

md_op = st.one_of(byte_op, st.tuples(st.just("insert"), _POS, st.sampled_from(MD_FRAGMENTS).map(str.encode)))


# -- XML --------------------------------------------------------------------------------

def doctypes(secret_url: str) -> list[str]:
    """DOCTYPEs an attacker would write; ``secret_url`` points at a file holding ``SECRET``."""
    laughs = '<!ENTITY l0 "ha">' + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 7))
    return [
        '<!DOCTYPE r [<!ENTITY e "entity text">]>',
        f"<!DOCTYPE r [{laughs}<!ENTITY e \"&l6;\">]>",
        f'<!DOCTYPE r [<!ENTITY e SYSTEM "{secret_url}">]>',
        f'<!DOCTYPE r SYSTEM "a>b" [<!ENTITY e SYSTEM "{secret_url}">]>',
        '<!DOCTYPE r PUBLIC "-//x//y" "a>b" [<!ENTITY e "entity text">]>',
        f'<!DOCTYPE r [<!ENTITY % p SYSTEM "{secret_url}"> %p;]>',
        '<!DOCTYPE r PUBLIC "-//X//Y" "http://127.0.0.1:9/x.dtd">',
        '<!DOCTYPE r>',
        '<!DOCTYPE r [<!ELEMENT r ANY><!ATTLIST r a CDATA "d">]>',
        '<!DOCTYPE r [<!ENTITY e "<b>unbalanced">]>',
    ]


XML_INSERTS = [
    "&e;", "&l6;", "&undefined;", "&#0;", "&#xFFFE;", "&#x1F600;", "&#1114112;", "<!-- c -- c -->",
    "<?pi data?>", "<?xml version='1.0'?>", "<![CDATA[<seg>x</seg>]]>", "<![CDATA[", "</", "<x", "<a b='1' b='2'/>",
    '<x xmlns="urn:x"/>', "<xi:include xmlns:xi='http://www.w3.org/2001/XInclude' href='/etc/passwd' parse='text'/>",
    "\x00", "\x0c", "\ud800", "\ufffe", "]]>", "<b>", "</b>", "<g id='1'>", "</g>", "<x id='1'/>",
    "<ph id='1'>&lt;b&gt;</ph>", "<bpt i='1'>", "<ept i='1'/>", "<mrk mtype='seg' mid='1'>", "</mrk>",
    "<pc id='9'>", "</pc>", "<sub>", "</sub>", "<w:t>", "</w:t>", "<w:p>", "</w:p>", "<w:r><w:t>x</w:t></w:r>",
    "<w:footnoteReference w:id='999'/>", "<w:footnoteReference/>",
]
TAG_NAMES = [
    "tmx", "xliff", "martif", "tbx", "body", "tu", "tuv", "seg", "trans-unit", "source", "target", "unit",
    "segment", "file", "termEntry", "conceptEntry", "langSet", "langSec", "tig", "termSec", "term", "note",
    "w:document", "w:body", "w:p", "w:r", "w:t", "w:footnotes", "w:footnote", "worksheet", "sheetData", "row", "c",
    "v", "is", "sst", "si", "workbook", "sheets", "sheet", "Relationships", "Relationship", "x",
]
ATTR_VALUES = [
    "", " ", "x", "fr", "en", "zz", "fr-FR", "EN_us", "-1", "0", "99999999999999999999", "1e400", "nan", "a" * 5000,
    "2.0", "1.2", "3.0", "final", "new", "translated", "obsolete", "&e;", "&#0;", "<", "\u202e", "../../x",
    "preferredTerm-admn-sts", "deprecatedTerm-admn-sts", "pattern", "exact", "inflected",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
]
#: Regular expressions a glossary "pattern" term might hold: invalid ones, slow ones.
PATTERN_TERMS = [
    "(", "[", "a{2,1}", "(?P<x>a)(?P<x>b)", r"(\w+\s?)+\d{20}", r"(a|aa)+$", r"(.*,)*x", r"(\S+ )+\d\d\d\d\d\d",
    "(?<=a+)b", "", " ", "\\", "x" * 3000, r"États? membres?\b", r"\b\d+\b",
]
TEXT_VALUES = ["", " ", "\t", "0", "-1", "x" * 20_000, "&amp;&lt;", "&e;", "=1+1", "@SUM(A1)", "+1", "-1",
               "\u202etxt", "\x1b[31mred", "<b>bold</b>"] + PATTERN_TERMS
_TEXT_VALUE = st.one_of(st.sampled_from(TEXT_VALUES), st.text(max_size=30))


def xml_op(secret_url: str):
    k = st.integers(0, 200)
    return st.one_of(
        byte_op,
        st.tuples(st.just("doctype"), st.sampled_from(doctypes(secret_url))),
        st.tuples(st.just("after_tag"), k, st.sampled_from(XML_INSERTS)),
        st.tuples(st.just("nest"), k, st.sampled_from([10, 300, 3000, 60_000])),
        st.tuples(st.just("rename"), st.sampled_from(TAG_NAMES), st.sampled_from(TAG_NAMES), st.booleans()),
        st.tuples(st.just("attr"), k, st.sampled_from(ATTR_VALUES)),
        st.tuples(st.just("text"), k, _TEXT_VALUE),
        st.tuples(st.just("encoding"), st.sampled_from(["UTF-16", "UTF-8", "windows-1252", "EBCDIC-US", "x-bogus",
                                                        "ISO-8859-1", "UTF-32"])),
    )


_TAG_END = re.compile(rb">")
_ATTR = re.compile(rb'(\s[\w:.-]+\s*=\s*)(["\'])(.*?)\2', re.S)
_TEXT = re.compile(rb">([^<>]*[^\s<>][^<>]*)<")


def _nth(matches: list, k: int):
    return matches[k % len(matches)] if matches else None


def _xml_escape_free(value: str) -> bytes:
    return value.encode("utf-8", "surrogatepass")


def apply_xml_op(data: bytes, op: tuple) -> bytes:
    kind = op[0]
    if kind == "doctype":
        data = re.sub(rb"<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", b"", data, count=1, flags=re.S)
        decl = re.match(rb"\s*<\?xml[^>]*\?>", data)
        i = decl.end() if decl else 0
        return data[:i] + op[1].encode() + data[i:]
    if kind == "after_tag":
        m = _nth(list(_TAG_END.finditer(data)), op[1])
        i = m.end() if m else 0
        return data[:i] + _xml_escape_free(op[2]) + data[i:]
    if kind == "nest":
        m = _nth(list(_TAG_END.finditer(data)), op[1])
        i = m.end() if m else 0
        return data[:i] + b"<n>" * op[2] + b"</n>" * op[2] + data[i:]
    if kind == "rename":
        old, new, every = op[1].encode(), op[2].encode(), op[3]
        pattern = re.compile(rb"(</?)" + re.escape(old) + rb"(?=[\s/>])")
        return pattern.sub(rb"\g<1>" + new, data, count=0 if every else 2)
    if kind == "attr":
        m = _nth(list(_ATTR.finditer(data)), op[1])
        if m is None:
            return data
        return data[:m.start(3)] + _xml_escape_free(op[2]) + data[m.end(3):]
    if kind == "text":
        m = _nth(list(_TEXT.finditer(data)), op[1])
        if m is None:
            return data
        value = op[2].replace("&", "&amp;").replace("<", "&lt;") if not op[2].startswith("&") else op[2]
        return data[:m.start(1)] + _xml_escape_free(value) + data[m.end(1):]
    if kind == "encoding":
        decl = re.match(rb"\s*<\?xml[^>]*\?>", data)
        new = f"<?xml version='1.0' encoding='{op[1]}'?>".encode()
        return new + (data[decl.end():] if decl else data)
    return apply_byte_op(data, op)


def xml_mutations(secret_url: str, max_size: int = 4):
    return st.lists(xml_op(secret_url), min_size=1, max_size=max_size)


# -- zip packages (docx, xlsx) ----------------------------------------------------------

def zip_op(secret_url: str):
    k = st.integers(0, 30)
    return st.one_of(
        st.tuples(st.just("member"), k, xml_mutations(secret_url, 3)),
        st.tuples(st.just("drop"), k),
        st.tuples(st.just("duplicate"), k),
        st.tuples(st.just("bomb"), k, st.sampled_from(BOMB_SIZES)),
        st.tuples(st.just("stored")),
        st.tuples(st.just("raw"), st.lists(byte_op, min_size=1, max_size=3)),
    )


def zip_mutations(secret_url: str, max_size: int = 3):
    return st.lists(zip_op(secret_url), min_size=1, max_size=max_size)


def zip_members(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return [(info.filename, package.read(info)) for info in package.infolist()]


def apply_zip_ops(seed: bytes, ops) -> bytes:
    """The seed package with ``ops`` applied to its members, then to its raw bytes."""
    members = zip_members(seed)
    method = zipfile.ZIP_DEFLATED
    raw_ops = []
    for op in ops:
        kind = op[0]
        if kind == "raw":
            raw_ops.extend(op[1])
            continue
        if kind == "stored":
            method = zipfile.ZIP_STORED
            continue
        if not members:
            continue
        i = op[1] % len(members)
        name, content = members[i]
        if kind == "member":
            members[i] = (name, apply_ops(content, op[2], apply_xml_op))
        elif kind == "drop":
            del members[i]
        elif kind == "duplicate":
            members.append((name, content))
        elif kind == "bomb":
            # whitespace between the first element and the rest: still well-formed XML, a thousand to one compressed
            cut = content.find(b">", content.find(b"<", 1 if content.startswith(b"<?") else 0)) + 1
            members[i] = (name, content[:cut] + b" " * op[2] + content[cut:])
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name"
        with zipfile.ZipFile(out, "w", method, compresslevel=9 if method == zipfile.ZIP_DEFLATED else None) as package:
            for name, content in members:
                package.writestr(name, content)
    return apply_ops(out.getvalue(), raw_ops) if raw_ops else out.getvalue()


def compression_bomb(data: bytes, ratio: float, floor: int) -> bool:
    """Whether a readable zip package has a member over ``floor`` bytes unpacked that
    compresses more than ``ratio`` to one (what the readers must refuse)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return any(i.file_size > floor and i.file_size > ratio * max(i.compress_size, 1)
                       for i in package.infolist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        return False


# -- tables (CSV and XLSX glossaries) ---------------------------------------------------

CELL_VALUES = TEXT_VALUES + ["preferred", "admitted", "deprecated", "superseded", "obsolete", "pattern", "exact",
                             "inflected", "fr", "en", "zz", "FR", "concept_id", "lang", "term", "status", "match"]


def table_op():
    k = st.integers(0, 60)
    return st.one_of(
        st.tuples(st.just("cell"), k, k, st.one_of(st.sampled_from(CELL_VALUES), st.text(max_size=30))),
        st.tuples(st.just("drop_row"), k),
        st.tuples(st.just("dup_row"), k),
        st.tuples(st.just("drop_col"), k),
        st.tuples(st.just("add_col"), k, st.sampled_from(CELL_VALUES)),
        st.tuples(st.just("widen"), k),
        st.tuples(st.just("repeat_rows"), st.integers(2, 3000)),
    )


def apply_table_op(rows: list[list], op: tuple) -> list[list]:
    rows = [list(r) for r in rows]
    kind = op[0]
    if not rows:
        return rows
    if kind == "cell":
        row = rows[op[1] % len(rows)]
        if row:
            row[op[2] % len(row)] = op[3]
        else:
            row.append(op[3])
    elif kind == "drop_row":
        del rows[op[1] % len(rows)]
    elif kind == "dup_row":
        i = op[1] % len(rows)
        rows.insert(i, list(rows[i]))
    elif kind == "drop_col":
        for row in rows:
            if row:
                del row[op[1] % len(row)]
    elif kind == "add_col":
        for row in rows:
            row.insert(op[1] % (len(row) + 1), op[2])
    elif kind == "widen":  # a ragged row
        row = rows[op[1] % len(rows)]
        row.extend(["x"] * (op[1] % 7 + 1))
    elif kind == "repeat_rows":
        body = rows[1:] or rows
        room = max(1, MAX_FUZZ_BYTES // max(1, len(csv_bytes(body))))
        rows = rows[:1] + body * min(op[1], room)
    return rows


def table_mutations(max_size: int = 4):
    return st.lists(table_op(), min_size=0, max_size=max_size)


def csv_bytes(rows: list[list]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([["" if c is None else str(c) for c in r] for r in rows])
    return out.getvalue().encode("utf-8", "surrogatepass")


def xlsx_bytes(rows: list[list]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    book = Workbook()
    sheet = book.active
    for row in rows:
        try:
            sheet.append(row)
        except (IllegalCharacterError, ValueError):
            sheet.append([re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]", "?", str(c)) for c in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# -- TOML (config and accept files) ----------------------------------------------------

def _deep(n: int) -> list[str]:
    return ["x = " + "[" * n + "]" * n, "x = " + "{a=" * n + "1" + "}" * n, "[" + ".".join(["a"] * n) + "]",
            "x = [" + "[1]," * n + "]"]


TOML_LINES = [
    "[hexaglot]", "[hexaglot.rules]", "[hexaglot.rules.NU03]", "[hexaglot.rules.LE01]", "[hexaglot.rules.XX99]",
    "[[hexaglot.rules.NU03]]", "[[accept]]", "[accept]", "[hexaglot.x]",
    "accept = 5", "accept = [1, 2]", "accept = []", "hexaglot = 5", "rules = 5", "rules = []",
    "select = 5", "select = [1, 2]", "select = []", 'select = ["", ","]', 'select = ["NU01", "numbers"]',
    'ignore = ["*"]', 'fail_on = "x"', 'fail_on = ["error"]', 'fail_on = "never"', "level = 3", 'level = "word"',
    'format = "pdf"', 'format = "xlsx"', 'format = "html"', 'default_glossaries = "yes"', "default_glossaries = 1",
    'minimum = "3"', "minimum = -1", "minimum = 0", "minimum = 1e400", "minimum = nan", "minimum = 99999999999999999",
    "threshold = inf", "threshold = -inf", "threshold = 0", "min_pairs = -5", "roles = 5", "roles = []",
    'roles = ["x"]', 'severity = "fatal"', "severity = 1", 'severity = "error"',
    'id = "000000000000"', 'id = "0123456789ab"', "id = 5", 'id = "ZZ"', 'reason = ""', "reason = 5",
    'reason = "   "', 'reason = """multi\nline"""', 'extra = "x"', '"a.b" = 1', "a.b.c = 1", "x = {a = {b = 1}}",
    "x = 1979-05-27T07:32:00Z", 'x = """', "x = 'unterminated", "= 1", "x = 1\nx = 2", "x.y = 1\nx = 2",
    "\x00", "\x1b[2J", "\ufeff", "\u202e = 1",
] + _deep(60) + _deep(2000) + _deep(50_000)

toml_op = st.one_of(
    byte_op,
    st.tuples(st.just("line"), st.integers(0, 60), st.sampled_from(TOML_LINES)),
)


def apply_toml_op(data: bytes, op: tuple) -> bytes:
    if op[0] == "line":
        lines = data.split(b"\n")
        i = op[1] % (len(lines) + 1)
        return b"\n".join(lines[:i] + [op[2].encode("utf-8", "surrogatepass")] + lines[i:])
    return apply_byte_op(data, op)


def toml_mutations(max_size: int = 4):
    return st.lists(toml_op, min_size=1, max_size=max_size)
