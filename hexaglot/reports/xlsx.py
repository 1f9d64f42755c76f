"""The XLSX report (openpyxl): a ``Findings`` sheet and an ``Aligned text`` sheet.

``Findings``: a header row then one row per finding (the CSV report's
columns), with an autofilter and frozen header, severity shown in colour.
``Aligned text``: one row per aligned row, a column per language (Arabic
right-aligned, right-to-left), the unit ids and the ids of the findings on
that row. Both sheets end with the signature line. Text is always written as
text (``aligner.writers.cells``): a cell starting with ``=`` is never a
formula, and control characters a workbook cannot hold are replaced.
"""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment as CellAlignment
from openpyxl.styles import Font, PatternFill

from aligner.writers.cells import put_cell

from hexaglot.reports import places_text
from hexaglot.reports.csv import COLUMNS, finding_record, target_status
from hexaglot.reports.placement import cell_status, is_rtl, place, report_signature

FINDINGS_SHEET = "Findings"
ALIGNED_SHEET = "Aligned text"

_FILL = {
    "error": PatternFill("solid", fgColor="FFC9C9"),
    "warning": PatternFill("solid", fgColor="FFF3BF"),
    "info": PatternFill("solid", fgColor="E7F5FF"),
}
_WIDTH = {"message": 60, "expected": 30, "found": 30, "source_path": 24, "target_path": 24, "name": 26,
          "places": 60, "consequences": 60}


def render_xlsx(report: Any) -> bytes:
    """The report as the bytes of an .xlsx workbook (write it with ``write_atomic``)."""
    wb = Workbook()
    ws = wb.active
    ws.title = FINDINGS_SHEET
    _findings_sheet(ws, report)
    _aligned_sheet(wb.create_sheet(ALIGNED_SHEET), report)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _findings_sheet(ws, report: Any) -> None:
    bold = Font(bold=True)
    for col, name in enumerate(COLUMNS, start=1):
        put_cell(ws, 1, col, name).font = bold
        ws.column_dimensions[ws.cell(row=1, column=col).column_letter].width = _WIDTH.get(name, 12)
    row = 1
    for finding in report.findings:
        row += 1
        record = finding_record(finding, target_status(report, finding))
        record["places"] = places_cell(finding)
        for col, name in enumerate(COLUMNS, start=1):
            value: Any = record[name]
            if (name.endswith("_line") or name == "count") and value:
                value = int(value)
            cell = put_cell(ws, row, col, value)
            if name == "severity":
                cell.fill = _FILL.get(finding.severity, PatternFill())
            if name in ("message", "expected", "found", "places", "consequences"):
                cell.alignment = CellAlignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{ws.cell(row=1, column=len(COLUMNS)).column_letter}{max(row, 1)}"
    put_cell(ws, row + 2, 1, f"signature: {report_signature(report)}").font = Font(italic=True, color="666666")


#: The most characters a workbook cell holds (Excel refuses a file with more).
CELL_LIMIT = 32_767


def places_cell(finding: Any) -> str:
    """A systematic finding's places as they fit in one cell: all of them, or the first ones
    and ``… (N places)`` (the JSON and CSV reports list every place)."""
    shown = len(finding.places)
    text = places_text(finding)
    while len(text) > CELL_LIMIT and shown > 1:
        shown //= 2
        text = places_text(finding, shown)
    return text


def _aligned_sheet(ws, report: Any) -> None:
    alignment = getattr(report, "alignment", None)
    bold = Font(bold=True)
    if alignment is None:
        put_cell(ws, 1, 1, "(no alignment in this report)")
        put_cell(ws, 3, 1, f"signature: {report_signature(report)}")
        return
    languages = tuple(alignment.languages)
    headers = ["row"] + list(languages) + [f"{lang} units" for lang in languages] + ["status", "findings"]
    for col, name in enumerate(headers, start=1):
        put_cell(ws, 1, col, name).font = bold
    for col in range(2, 2 + len(languages)):
        ws.column_dimensions[ws.cell(row=1, column=col).column_letter].width = 50
    placement = place(tuple(report.findings), alignment, report)
    n = len(languages)
    for i, aligned in enumerate(alignment.rows):
        r = i + 2
        put_cell(ws, r, 1, i + 1)
        ids, statuses = [], []
        for k, lang in enumerate(languages):
            cell = aligned.cells.get(lang)
            text = cell.text if cell is not None else ""
            c = put_cell(ws, r, 2 + k, text)
            c.alignment = CellAlignment(wrap_text=True, vertical="top",
                                        horizontal="right" if is_rtl(lang) else "left",
                                        readingOrder=2 if is_rtl(lang) else 1)
            units = tuple(cell.units) if cell is not None else ()
            put_cell(ws, r, 2 + n + k, ", ".join(units))
            status = cell_status(alignment, lang, units)
            if status:
                statuses.append(f"{lang}: {status}")
            ids += [f.id for f in placement.placed.get((i, lang), ())]
        put_cell(ws, r, 2 + 2 * n, "; ".join(statuses))
        put_cell(ws, r, 3 + 2 * n, " ".join(ids))
    ws.freeze_panes = "B2"
    put_cell(ws, len(alignment.rows) + 3, 1, f"signature: {report_signature(report)}").font = Font(italic=True)


def render(report: Any, *, color: bool = False) -> bytes:
    """The ``hexaglot.reports`` entry point (``color`` is for the text report only)."""
    return render_xlsx(report)
