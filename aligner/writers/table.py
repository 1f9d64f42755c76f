"""Spreadsheet forms of an alignment: TSV/CSV (pandas) and XLSX (openpyxl).

One row per aligned row: ``row``, ``score``, then for each language (pivot
first) its text and its unit ids (``fr``, ``fr_units``). The signature is the
last line of TSV/CSV (a ``#`` comment) and a second sheet of the workbook.
Text never becomes a formula (``aligner.writers.cells``): in TSV/CSV a text
starting with ``=``, ``+``, ``-``, ``@``... gets a leading apostrophe; in XLSX
it is a string cell, and control characters a workbook cannot hold are
replaced.
"""

from __future__ import annotations

import io

import pandas as pd

from aligner.model import Alignment
from aligner.writers.cells import append_row, escape_cell


def alignment_frame(alignment: Alignment) -> pd.DataFrame:
    records = []
    for n, row in enumerate(alignment.rows, start=1):
        record = {"row": n, "score": row.score}
        for lang in alignment.languages:
            cell = row.cells[lang]
            record[lang] = cell.text
            record[f"{lang}_units"] = " ".join(cell.units)
        records.append(record)
    columns = ["row", "score"] + [c for lang in alignment.languages for c in (lang, f"{lang}_units")]
    return pd.DataFrame.from_records(records, columns=columns)


def render_table(alignment: Alignment, sep: str = "\t") -> str:
    frame = alignment_frame(alignment)
    if sep == "\t":
        # a tab or newline inside a cell would break the row structure of TSV
        for lang in alignment.languages:
            frame[lang] = frame[lang].str.replace(r"[\t\n\r]", " ", regex=True)
    for lang in alignment.languages:
        for column in (lang, f"{lang}_units"):
            frame[column] = frame[column].map(escape_cell)
    text = frame.to_csv(sep=sep, index=False, lineterminator="\n")
    return text + f"# {alignment.signature}\n"


def render_xlsx(alignment: Alignment) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment as CellAlignment, Font, PatternFill

    from aligner.align.confidence import REVIEW_BELOW

    frame = alignment_frame(alignment)
    book = Workbook()
    sheet = book.active
    sheet.title = "alignment"
    append_row(sheet, frame.columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    review = PatternFill("solid", fgColor="FFF2CC")
    for record in frame.itertuples(index=False):
        append_row(sheet, record)
        if record.score < REVIEW_BELOW:
            for cell in sheet[sheet.max_row]:
                cell.fill = review
    for column in sheet.columns:
        letter = column[0].column_letter
        header = column[0].value
        if header in alignment.languages:
            sheet.column_dimensions[letter].width = 60
            for cell in column[1:]:
                cell.alignment = CellAlignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    about = book.create_sheet("about")
    append_row(about, ["signature", alignment.signature])
    append_row(about, ["pivot", alignment.pivot])
    append_row(about, ["level", alignment.level])
    append_row(about, ["review", f"rows with score < {REVIEW_BELOW} are shaded"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
