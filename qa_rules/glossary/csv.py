"""Glossaries as CSV (UTF-8, comma-separated; long or wide form, see ``table``).

A cell that starts with an apostrophe followed by a formula character
(``'=...``, ``'-...``) is read without that apostrophe: it is the mark
``csv_text`` (and a careful spreadsheet user) puts there so that no spreadsheet
runs the text as a formula (``aligner.writers.cells``).
"""

from __future__ import annotations

import csv as _csv
import io
from pathlib import Path

from aligner.errors import InputError
from aligner.fileio import decode_bytes, read_bytes
from aligner.writers.cells import escape_row, unescape_cell
from qa_rules.glossary.model import Glossary, content_digest
from qa_rules.glossary.table import glossary_rows, rows_to_concepts


def read_csv(path: str | Path, name: str | None = None, bundled: bool = False, data: bytes | None = None) -> Glossary:
    path = str(path)
    if data is None:
        data = read_bytes(path)
    text = decode_bytes(data, path)
    reader = _csv.reader(io.StringIO(text))

    def rows():
        try:
            for cells in reader:
                yield reader.line_num, [unescape_cell(c) for c in cells]
        except _csv.Error as exc:
            raise InputError(path, f"is not valid CSV ({exc})", reader.line_num) from None

    concepts = rows_to_concepts(path, rows())
    return Glossary(name=name or Path(path).stem, path=path, concepts=concepts, format="csv",
                    bundled=bundled, digest=content_digest(data))


def csv_text(glossary: Glossary) -> str:
    """The long-form CSV twin of a glossary. A text a spreadsheet would run as a formula
    (``=``, ``+``, ``-``, ``@``...) is written with a leading apostrophe
    (``aligner.writers.cells.escape_cell``), which ``read_csv`` removes again."""
    out = io.StringIO()
    writer = _csv.writer(out, lineterminator="\n")
    writer.writerows(escape_row(row) for row in glossary_rows(glossary))
    return out.getvalue()
