"""Glossaries as XLSX: the first sheet, in the long or wide form of ``table``.

Written cells are always text, never formulas, and control characters a
workbook cannot hold are replaced (``aligner.writers.cells``); what is written
reads back unchanged otherwise.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from aligner.errors import InputError
from aligner.fileio import read_bytes
from aligner.writers.cells import append_row
from qa_rules.glossary.model import Glossary, content_digest
from qa_rules.glossary.table import glossary_rows, rows_to_concepts


def read_xlsx(path: str | Path, name: str | None = None, bundled: bool = False) -> Glossary:
    from openpyxl import load_workbook

    path = str(path)
    data = read_bytes(path)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(path, f"is not a readable XLSX workbook ({exc})") from None
    sheet = book.worksheets[0]
    rows = ((i, list(r)) for i, r in enumerate(sheet.iter_rows(values_only=True), 1))
    concepts = rows_to_concepts(f"{path} (sheet {sheet.title})", rows)
    book.close()
    return Glossary(name=name or Path(path).stem, path=path, concepts=concepts, format="xlsx",
                    bundled=bundled, digest=content_digest(data))


def xlsx_bytes(glossary: Glossary) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "glossary"
    for row in glossary_rows(glossary):
        append_row(sheet, row)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
