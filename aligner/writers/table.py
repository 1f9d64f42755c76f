"""Spreadsheet forms of an alignment: TSV/CSV (the standard library's csv) and XLSX (openpyxl).

One row per aligned row: ``row``, ``score``, then for each language (pivot
first) its text and its unit ids (``fr``, ``fr_units``); in XLSX an Arabic
column is right-aligned and reads right to left. The signature is the
last line of TSV/CSV (a ``#`` comment) and a second sheet of the workbook.
Text never becomes a formula (``aligner.writers.cells``): in TSV/CSV a text
starting with ``=``, ``+``, ``-``, ``@``... gets a leading apostrophe; in XLSX
it is a string cell, and control characters a workbook cannot hold are
replaced.
"""

from __future__ import annotations

import csv
import io
import re

from aligner.model import Alignment, Cell
from aligner.writers.cells import append_row, escape_cell, text_alignment

#: A tab or line break inside a cell would break the row structure of TSV.
_TSV_BREAKS = re.compile(r"[\t\n\r]")


def alignment_columns(alignment: Alignment) -> list[str]:
    return ["row", "score"] + [c for lang in alignment.languages for c in (lang, f"{lang}_units")]


#: Marks a units cell that continues the spanning cell above it (``^pp.3``).
CONTINUES = "^"


def units_text(cell: Cell) -> str:
    """A cell's ids as its units column shows them: ``pp.3 pp.4``, or ``^pp.3`` for a continuation."""
    return CONTINUES + " ".join(cell.continues) if cell.continues else " ".join(cell.units)


def alignment_records(alignment: Alignment) -> list[list]:
    """One list per aligned row, in ``alignment_columns`` order."""
    records = []
    for n, row in enumerate(alignment.rows, start=1):
        record: list = [n, row.score]
        for lang in alignment.languages:
            cell = row.cells[lang]
            record += [cell.text, units_text(cell)]
        records.append(record)
    return records


def render_table(alignment: Alignment, sep: str = "\t") -> str:
    """The rows as CSV (``sep=","``) or TSV, minimal quoting, the signature as a last ``#`` line.
    (The standard library's writer: pandas wrote the same bytes for a second of import.)"""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\n")
    writer.writerow(alignment_columns(alignment))
    for n, score, *cells in alignment_records(alignment):
        texts = cells[0::2] if sep != "\t" else [_TSV_BREAKS.sub(" ", text) for text in cells[0::2]]
        row: list = [n, score]
        for text, units in zip(texts, cells[1::2]):
            row += [escape_cell(text), escape_cell(units)]
        writer.writerow(row)
    return buffer.getvalue() + f"# {alignment.signature}\n"


def render_xlsx(alignment: Alignment) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    from aligner.align.confidence import REVIEW_BELOW

    book = Workbook()
    sheet = book.active
    sheet.title = "alignment"
    append_row(sheet, alignment_columns(alignment))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    review = PatternFill("solid", fgColor="FFF2CC")
    for record in alignment_records(alignment):
        append_row(sheet, record)
        if record[1] < REVIEW_BELOW:
            for cell in sheet[sheet.max_row]:
                cell.fill = review
    for n, row in enumerate(alignment.rows, start=2):
        for k, lang in enumerate(alignment.languages):
            if row.cells[lang].span > 1:  # the text of a language's merge, over the rows it covers
                column = 3 + 2 * k
                sheet.merge_cells(start_row=n, start_column=column, end_row=n + row.cells[lang].span - 1,
                                  end_column=column)
    for column in sheet.columns:
        letter = column[0].column_letter
        header = column[0].value
        if header in alignment.languages:
            sheet.column_dimensions[letter].width = 60
            for cell in column[1:]:
                cell.alignment = text_alignment(header)
    sheet.freeze_panes = "A2"
    about = book.create_sheet("about")
    append_row(about, ["signature", alignment.signature])
    append_row(about, ["pivot", alignment.pivot])
    append_row(about, ["level", alignment.level])
    append_row(about, ["review", f"rows with score < {REVIEW_BELOW} are shaded"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
