"""Glossaries as XLSX: the first sheet, in the long or wide form of ``table``.

Written cells are always text, never formulas, and control characters a
workbook cannot hold are replaced (``aligner.writers.cells``); what is written
reads back unchanged otherwise.

A workbook read is first checked as a zip package (member sizes, compression
ratios: ``aligner.readers.package``); one openpyxl then cannot read is an
``InputError`` naming the file, whatever the damage. openpyxl's warnings about
features it drops (data validation, conditional formatting) are silenced, as
only the cell values are read.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path
from typing import Sequence

from aligner.errors import InputError
from aligner.fileio import read_bytes
from aligner.readers.package import check_package
from aligner.writers.cells import append_row
from qa_rules.glossary.model import Glossary, glossary_digest
from qa_rules.glossary.rejected import Rejection, add_to_xlsx
from qa_rules.glossary.table import glossary_rows, rows_to_table

_ADVICE = "open it in a spreadsheet program and save it again as .xlsx, or export it as .csv"


def open_workbook(path: str, data: bytes | None = None):
    """A workbook opened read-only (values, not formulas), checked as a package first;
    ``InputError`` naming the file if it cannot be read. The caller closes it."""
    from openpyxl import load_workbook

    if data is None:
        data = read_bytes(path)
    check_package(data, path, ".xlsx")  # sizes and compression checked before openpyxl unpacks anything
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InputError, MemoryError):
        raise
    except Exception as exc:  # a damaged workbook makes openpyxl raise nearly anything
        raise _unreadable(path, exc) from None


def sheet_rows(path: str, sheet):
    """``(line, values)`` of a sheet of a workbook from ``open_workbook``; damage found
    while reading (sheets are parsed lazily) is an ``InputError`` naming the file."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for i, r in enumerate(sheet.iter_rows(values_only=True), 1):
                yield i, list(r)
    except (InputError, MemoryError):
        raise
    except Exception as exc:
        raise _unreadable(path, exc) from None


def read_xlsx(path: str | Path, name: str | None = None, bundled: bool = False) -> Glossary:
    path = str(path)
    data = read_bytes(path)
    book = open_workbook(path, data)
    if not book.worksheets:
        book.close()
        raise InputError(path, f"has no worksheet; {_ADVICE}")
    sheet = book.worksheets[0]
    try:
        concepts, description = rows_to_table(f"{path} (sheet {sheet.title})", sheet_rows(path, sheet))
    finally:
        book.close()
    return Glossary(name=name or Path(path).stem, path=path, concepts=concepts, format="xlsx",
                    bundled=bundled, digest=glossary_digest(concepts, description), description=description)


def _unreadable(path: str, exc: Exception) -> InputError:
    """One line naming the file and the kind of damage; the parser's own message (which may
    quote the file) is left out."""
    if isinstance(exc, zipfile.BadZipFile):
        what = "not a zip package"
    elif isinstance(exc, KeyError):
        what = "a part of the workbook is missing"
    elif isinstance(exc, SyntaxError):  # lxml's and expat's XML errors
        what = "a part of the workbook is not well-formed XML"
    else:
        what = f"damaged workbook: {type(exc).__name__}"
    return InputError(path, f"is not a readable XLSX workbook ({what}); {_ADVICE}")


def xlsx_bytes(glossary: Glossary, rejected: Sequence[Rejection] = ()) -> bytes:
    """The glossary as a workbook: the long form on the first sheet, the rejected
    candidates (if any) on a sheet of their own (``rejected``)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "glossary"
    for row in glossary_rows(glossary):
        append_row(sheet, row)
    sheet.freeze_panes = "A2"
    add_to_xlsx(book, rejected)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
