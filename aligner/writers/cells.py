"""Text in spreadsheet cells: never a formula, never a character a workbook refuses.

Every spreadsheet hexaglot writes (alignment tables, check reports, glossary
tables, term candidates) carries text taken from documents and glossaries,
which may start like a formula: ``=HYPERLINK(...)``, ``+cmd|...``, ``@SUM(...)``,
``-2+3``. A spreadsheet program opening such a cell would run it. The rules,
shared by all writers:

CSV and TSV
    A text cell that starts with a formula character (``= + - @``, a tab or a
    carriage return, or the full-width ``＝ ＋ － ＠`` that East Asian input
    methods type and spreadsheets read as their ASCII twins) gets one leading
    apostrophe ``'``, which spreadsheets take as "this is text" (OWASP's advice
    against CSV injection). So that this mark can be told from text that really
    begins with apostrophes, text whose leading apostrophes are followed by a
    formula character also gets one more. ``unescape_cell`` undoes exactly what
    ``escape_cell`` did: ``unescape_cell(escape_cell(t)) == t`` for every ``t``.
    hexaglot's own readers of its CSV files (the glossary reader) unescape.

    A cell that is only a signed number (``-5``, ``+1``, ``-5 %``, ``-0,25``)
    is left as it is: a spreadsheet reads it as that number, and a number
    cannot call anything. Text that merely *starts* with one (``-5 % des
    crédits``) is escaped. Numbers hexaglot writes as numbers (scores, line
    numbers, ranks) are never strings, so never escaped.

XLSX
    A text is stored as a string cell, never a formula, whatever it starts
    with; a text starting with a formula character is also marked with the
    "quote prefix" style, so that editing the cell in Excel keeps it text. The
    text itself is not changed (no apostrophe), so it reads back as written.

    Characters a workbook cannot hold (XML cannot: C0 controls other than tab,
    line feed and carriage return, U+FFFE, U+FFFF, lone surrogates) are
    replaced: a vertical tab (Word's manual line break) and a form feed (a page
    break, from pdftotext) by a space, as they separate words; any other by
    U+FFFD, so that the reader sees something was there. This is the one lossy
    step: an XLSX glossary read back has the replacement, not the control
    character. The TBX writer replaces them alike (``xlsx_text``).
"""

from __future__ import annotations

import re
from typing import Any, Iterable

#: Characters that make a spreadsheet read a cell as a formula.
FORMULA_START: frozenset[str] = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")

_NUMBER = re.compile(r"[+\-\uff0b\uff0d]?\d[\d \u00a0\u202f.,]*%?")
#: The characters XML cannot hold, and so openpyxl refuses in a cell (C0 controls but tab, LF, CR;
#: U+FFFE, U+FFFF; lone surrogates); the TMX writer drops them.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BREAKS = {"\x0b": " ", "\x0c": " "}
REPLACEMENT = "\ufffd"


def starts_formula(text: str) -> bool:
    """True when a spreadsheet would read ``text`` (its leading apostrophes aside) as a formula."""
    body = text.lstrip("'")
    return bool(body) and body[0] in FORMULA_START and not _NUMBER.fullmatch(body)


def escape_cell(value: Any) -> Any:
    """``value`` made safe for a CSV/TSV cell (see the module's rules); non-strings unchanged."""
    if isinstance(value, str) and starts_formula(value):
        return "'" + value
    return value


def unescape_cell(value: str) -> str:
    """The text ``escape_cell`` was given, from the cell it produced."""
    if value.startswith("'") and starts_formula(value):
        return value[1:]
    return value


def escape_row(values: Iterable[Any]) -> list[Any]:
    """Each value of a CSV/TSV row through ``escape_cell``."""
    return [escape_cell(v) for v in values]


def xlsx_text(text: str) -> str:
    """``text`` without the characters a workbook (or any XML file) cannot hold (see the module's rules)."""
    return NOT_XML.sub(lambda m: _BREAKS.get(m.group(), REPLACEMENT), text)


def protect_cell(cell) -> Any:
    """Make an openpyxl cell holding text a string cell, quote-prefixed when it starts a formula."""
    if isinstance(cell.value, str):
        cell.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
        if starts_formula(cell.value):
            cell.quotePrefix = True
    return cell


def put_cell(sheet, row: int, column: int, value: Any):
    """Write ``value`` into an openpyxl sheet as data: numbers stay numbers, text stays text."""
    if isinstance(value, str):
        value = xlsx_text(value)
    return protect_cell(sheet.cell(row=row, column=column, value=value))


def append_row(sheet, values: Iterable[Any]) -> int:
    """Append ``values`` as the next row of an openpyxl sheet, as ``put_cell`` writes them; the row number."""
    sheet.append([xlsx_text(v) if isinstance(v, str) else v for v in values])
    row = sheet.max_row
    for cell in sheet[row]:
        protect_cell(cell)
    return row


def text_alignment(lang: str):
    """How a workbook cell of text in ``lang`` is laid out: wrapped, top-aligned; Arabic
    right-aligned and read right to left (openpyxl's ``Alignment``)."""
    from openpyxl.styles import Alignment

    from aligner.model import RTL_LANGUAGES

    rtl = lang.split("-")[0].lower() in RTL_LANGUAGES
    return Alignment(wrap_text=True, vertical="top", horizontal="right" if rtl else "left",
                     readingOrder=2 if rtl else 1)
