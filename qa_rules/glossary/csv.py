"""Glossaries as CSV (UTF-8, comma-separated; long or wide form, see ``table``).

A cell that starts with an apostrophe followed by a formula character
(``'=...``, ``'-...``) is read without that apostrophe: it is the mark
``csv_text`` (and a careful spreadsheet user) puts there so that no spreadsheet
runs the text as a formula (``aligner.writers.cells``).

The file is read strictly: a quoted field that is never closed (it would swallow
the rest of the file) is refused at the line where it begins, and text after a
closing quote is refused at its line.
"""

from __future__ import annotations

import csv as _csv
import io
from pathlib import Path

from aligner.errors import InputError
from aligner.fileio import decode_bytes, read_bytes
from aligner.writers.cells import escape_row, unescape_cell
from qa_rules.glossary.model import Glossary, glossary_digest
from qa_rules.glossary.table import glossary_rows, rows_to_table


def read_csv(path: str | Path, name: str | None = None, bundled: bool = False, data: bytes | None = None) -> Glossary:
    path = str(path)
    if data is None:
        data = read_bytes(path)
    text = decode_bytes(data, path)
    reader = _csv.reader(io.StringIO(text), strict=True)

    def rows():
        start = 1  # the line the row being read begins on
        try:
            for cells in reader:
                yield reader.line_num, [unescape_cell(c) for c in cells]
                start = reader.line_num + 1
        except _csv.Error as exc:
            raise _not_csv(path, text, start, reader.line_num, exc) from None

    concepts, description = rows_to_table(path, rows())
    return Glossary(name=name or Path(path).stem, path=path, concepts=concepts, format="csv",
                    bundled=bundled, digest=glossary_digest(concepts, description), description=description)


def _not_csv(path: str, text: str, start: int, line: int, exc: _csv.Error) -> InputError:
    """The error for a CSV the csv module (strict) refused. A quote never closed would swallow
    the rest of the file into one cell: the error names the line the quoted field begins on,
    not the end of the file. A quote closed lines later is followed by text, not a comma,
    and is refused at that line."""
    message = str(exc)
    if "unexpected end of data" in message or "field larger than field limit" in message:
        opened = _open_quote_line(text, start)
        return InputError(path, "a quoted field that begins on this line is never closed, so the rest of the "
                          "file would be read as one cell; close the quote, and double any quote inside "
                          'a quoted field ("")', opened)
    return InputError(path, f"is not valid CSV ({message}); quote a field that holds a comma or a quote, "
                      'and double the quotes inside it ("")', line)


def _open_quote_line(text: str, start: int) -> int:
    """The line of the last quoted field opened (and not closed) in the row beginning on line ``start``."""
    lines = text.split("\n")
    opened = start
    quoted = False
    for number in range(start, len(lines) + 1):
        line = lines[number - 1]
        field_start = not quoted
        i = 0
        while i < len(line):
            ch = line[i]
            if quoted:
                if ch == '"' and line[i + 1:i + 2] == '"':
                    i += 1
                elif ch == '"':
                    quoted = False
            elif ch == '"' and field_start:
                quoted, opened = True, number
            field_start = not quoted and ch == ","
            i += 1
        if not quoted:
            break
    return opened


def csv_text(glossary: Glossary) -> str:
    """The long-form CSV twin of a glossary. A text a spreadsheet would run as a formula
    (``=``, ``+``, ``-``, ``@``...) is written with a leading apostrophe
    (``aligner.writers.cells.escape_cell``), which ``read_csv`` removes again."""
    out = io.StringIO()
    writer = _csv.writer(out, lineterminator="\n")
    writer.writerows(escape_row(row) for row in glossary_rows(glossary))
    return out.getvalue()
