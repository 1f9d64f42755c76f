"""One safe way to parse the XML files hexaglot reads: TBX glossaries, XLIFF and TMX.

Every XML reader goes through ``parse_xml``, which

1. works out the encoding as the XML specification does (a byte-order mark;
   else UTF-16/UTF-32 from the zero bytes around the first ``<``; else the
   ``encoding`` of the XML declaration; else UTF-8) and decodes the file with
   it, so that the checks below read the same characters as the parser;
2. refuses a DOCTYPE whose internal subset declares entities, at the line of
   the first ``<!ENTITY``. That is the shape of an entity expansion attack
   ("billion laughs") or of an external entity reading local files. Glossaries
   and CAT files never need entities of their own. The subset is found by a
   scan that skips quoted literals, comments and processing instructions, so a
   ``>`` inside a SYSTEM literal does not hide it;
3. parses with lxml with entity resolution, DTD loading and network access off
   and ``huge_tree`` off: an external DTD named by a DOCTYPE (``tmx14.dtd``) is
   never read;
4. checks the parsed tree again: a DTD that declares entities the scan missed,
   or any entity reference left in the tree (an entity from an unread external
   DTD), is refused rather than read as empty text, so no segment or term
   loses words without a word said.

Every problem is an ``InputError`` with the file, the line where known, and a
one-line message that quotes no more of the file than a short escaped token.
"""

from __future__ import annotations

import codecs
import re

from lxml import etree

from aligner.errors import InputError

ENTITY_PROBLEM = "declares XML entities (an entity expansion attack?); hexaglot refuses to expand them"

#: Longest piece of a parser message or of a name from the file quoted in an error.
MAX_QUOTED = 120

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose mark is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_DECLARED = re.compile(rb"<\?xml\s[^>]*?\bencoding\s*=\s*([\"'])([A-Za-z][A-Za-z0-9._-]{0,39})\1")

#: Python codec names (``codecs.lookup(...).name``) of character encodings an XML file may use.
#: Anything else Python can "decode" (punycode, idna, unicode_escape, utf-7...) is refused.
_TEXT_CODECS = re.compile(
    r"(utf[-_]8|utf[-_]16(-[bl]e)?|utf[-_]32(-[bl]e)?|ascii|latin[-_]1|iso8859[-_]\d+|cp\d+|mac[-_][a-z]+"
    r"|koi8[-_][a-z]|shift[-_]jis(2004|x0213)?|euc[-_][a-z0-9_]+|gb2312|gbk|gb18030|big5(hkscs)?"
    r"|iso2022[-_][a-z0-9_]+|hz|johab|tis[-_]620|ptcp154|kz1048)"
)

#: Characters of a file's start read by the scan for entity declarations before parsing.
SCAN_LIMIT = 1024 * 1024

# The scan before parsing, as possessive patterns (no backtracking, linear time): what may stand
# before the DOCTYPE; the DOCTYPE's name and external id up to its internal subset; the subset up
# to its end or its first entity declaration. Quoted literals, comments and PIs are skipped whole.
_PI = r"<\?(?:[^?]++|\?(?!>))*+\?>"
_COMMENT = r"<!--(?:[^-]++|-(?!->))*+-->"
_LITERAL = r"\"[^\"]*+\"|'[^']*+'"
_PROLOG = re.compile(rf"(?:\s++|{_PI}|{_COMMENT})*+")
_DOCTYPE_HEAD = re.compile(rf"(?:[^\"'\[>]++|{_LITERAL})*+")
_SUBSET = re.compile(rf"(?:[^\"'<\]]++|{_LITERAL}|{_PI}|{_COMMENT}|<(?!!ENTITY|!--|\?))*+")


def parse_xml(data: bytes, path: str, *, remove_pis: bool = False) -> etree._Element:
    """The root element of the XML document ``data`` (read from ``path``).

    Raises ``InputError`` naming ``path`` for an empty or undecodable file, a
    declared entity, an entity reference, and XML that is not well-formed.
    """
    text = decode_xml(data, path)
    index = _entity_declaration(text)
    if index is not None:
        raise InputError(path, ENTITY_PROBLEM, _line_at(text, index))
    parser = etree.XMLParser(
        encoding="utf-8",  # the text decoded above, whatever its declaration says
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_pis=remove_pis,
    )
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        if "<!ENTITY" in text and any(e.type == etree.ErrorTypes.ERR_ENTITY_LOOP or "amplification" in (e.message or "")
                                      for e in parser.error_log):
            raise _declared(path, text) from None  # a bomb the scan did not reach: libxml2 stopped it
        line = exc.lineno if getattr(exc, "lineno", None) else None
        raise InputError(path, f"is not well-formed XML ({syntax_problem(exc)}); fix the file or export it again",
                         line) from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and next(iter(dtd.iterentities()), None) is not None:
        raise _declared(path, text)
    for entry in parser.error_log:  # in an attribute, such an entity leaves no node, only a warning
        if entry.type in _UNDECLARED_ENTITY:
            name = re.search(r"Entity '([^']*)'", entry.message or "")
            raise _unexpanded(path, name.group(1) if name else "", entry.line or None)
    for node in root.iter(etree.Entity):
        raise _unexpanded(path, node.name, node.sourceline)
    return root


def _declared(path: str, text: str) -> InputError:
    """The entity refusal, at the line of the first ``<!ENTITY`` of the text."""
    index = text.find("<!ENTITY")
    return InputError(path, ENTITY_PROBLEM, _line_at(text, index) if index >= 0 else None)


_UNDECLARED_ENTITY = frozenset({etree.ErrorTypes.WAR_UNDECLARED_ENTITY, etree.ErrorTypes.ERR_UNDECLARED_ENTITY})


def _unexpanded(path: str, name: str, line: int | None) -> InputError:
    """An entity reference that nothing here declares: the external DTD that might is never read,
    so its text would silently be lost."""
    return InputError(path, f"uses the entity &{quote(name)}; that hexaglot does not expand; replace it with its text",
                      line)


def decode_xml(data: bytes, path: str) -> str:
    """The characters of an XML file, decoded as the XML specification says to find its encoding."""
    codec, start = xml_encoding(data, path)
    try:
        text = data[start:].decode(codec)
    except UnicodeDecodeError as exc:
        before = data[start:start + exc.start].decode(codec, errors="replace")
        raise InputError(
            path,
            f"is not valid {codec} (byte 0x{data[start + exc.start]:02X} at offset {start + exc.start}); "
            "save it as UTF-8, or declare its real encoding in its <?xml ... encoding=...?> line",
            _line_at(before, len(before)),
        ) from None
    if text.startswith("\ufeff"):  # a second mark, or one the declaration made a character
        text = text[1:]
    if not text.strip():
        raise InputError(path, "is empty")
    return text


def xml_encoding(data: bytes, path: str) -> tuple[str, int]:
    """The Python codec of an XML file and where its text starts (after a byte-order mark)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    head = data[:4]
    if len(head) == 4 and head[:3] == b"\0\0\0" and head[3]:
        return "utf-32-be", 0
    if len(head) == 4 and head[0] and head[1:] == b"\0\0\0":
        return "utf-32-le", 0
    if len(head) >= 2 and not head[0] and head[1] and (len(head) < 3 or not head[2]):
        return "utf-16-be", 0
    if len(head) >= 2 and head[0] and not head[1] and (len(head) < 4 or not head[3]):
        return "utf-16-le", 0
    if head == b"\x4c\x6f\xa7\x94":
        raise InputError(path, "is encoded in EBCDIC, which hexaglot does not read; save it as UTF-8", 1)
    declared = _DECLARED.match(data[:1024].lstrip(b" \t\r\n"))
    if declared is None:
        return "utf-8", 0
    name = declared.group(2).decode("ascii")
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise InputError(path, f"declares an unknown encoding ({quote(name)}); save it as UTF-8", 1) from None
    if _TEXT_CODECS.fullmatch(codec) is None:
        raise InputError(path, f"declares the encoding {quote(name)}, which hexaglot does not read; "
                         "save it as UTF-8", 1)
    if codec.startswith(("utf-16", "utf-32", "utf_16", "utf_32")):
        return "utf-8", 0  # bytes of an ASCII-based encoding labelled UTF-16: read them as they are
    return codec, 0


def syntax_problem(exc: etree.XMLSyntaxError) -> str:
    """libxml2's message as one short line: no position (the error has its own line), no
    second line, no control characters, at most ``MAX_QUOTED`` characters."""
    message = str(exc.msg or exc or "unknown error").strip()
    message = message.splitlines()[0] if message else "unknown error"
    message = re.sub(r",? line \d+, column \d+\s*$", "", message).strip(" ,")
    return quote(message or "unknown error")


def quote(text: str) -> str:
    """``text`` safe for a one-line message: control and formatting characters escaped, cut
    to ``MAX_QUOTED`` characters."""
    escaped = "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" if ord(ch) < 256 else f"\\u{ord(ch):04x}"
                      for ch in text[:MAX_QUOTED + 1])
    if len(text) > MAX_QUOTED or len(escaped) > MAX_QUOTED:
        return escaped[:MAX_QUOTED] + "..."
    return escaped


def _entity_declaration(text: str) -> int | None:
    """Where the first ``<!ENTITY`` of the DOCTYPE's internal subset starts, or None.

    Reads the prolog as the XML grammar does: the XML declaration, comments,
    processing instructions, then the DOCTYPE, whose quoted literals may hold
    ``>``, ``[`` or ``]``. Only a text holding ``<!ENTITY`` at all is scanned,
    and only its first ``SCAN_LIMIT`` characters: past them (a prolog no real
    file has), the DTD that lxml parsed decides, as it does for any declaration
    this scan might miss.
    """
    if "<!ENTITY" not in text:
        return None
    head = text[:SCAN_LIMIT]
    index = _PROLOG.match(head, 1 if head.startswith("\ufeff") else 0).end()
    if not head.startswith("<!DOCTYPE", index):
        return None
    index = _DOCTYPE_HEAD.match(head, index + len("<!DOCTYPE")).end()
    if not head.startswith("[", index):
        return None  # no internal subset: an external DTD alone is never read
    index = _SUBSET.match(head, index + 1).end()
    return index if head.startswith("<!ENTITY", index) else None


def _line_at(text: str, index: int) -> int:
    """The line of ``text[index]``, counting ``\\n``, ``\\r\\n`` and a lone ``\\r`` as XML does."""
    return (text.count("\n", 0, index) + text.count("\r", 0, index) - text.count("\r\n", 0, index)) + 1
