"""The XLSX report (openpyxl): sheets ``Findings``, ``Aligned text`` and ``About``.

``Findings``: a header row then one row per finding (the CSV report's
columns), with an autofilter and frozen header, severity shown in colour, the
problem in bold red in the excerpts. ``Aligned text``: one row per aligned row,
a column per language (Arabic right-aligned, right-to-left), the unit ids and
the ids of the findings on that row. ``About``: the signature and the run's
languages and counts, on a sheet of their own so that the data sheets hold
data only (a line under the data would make pandas read the line columns as
floats). Text is always written as text (``aligner.writers.cells``): a cell
starting with ``=`` is never a formula, and control characters a workbook
cannot hold are replaced.
"""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment as CellAlignment
from openpyxl.styles import Font, PatternFill

from aligner.writers.cells import put_cell, starts_formula, text_alignment, xlsx_text

from hexaglot.reports import finding_excerpts, places_text
from hexaglot.reports.csv import COLUMNS, finding_record, target_status
from hexaglot.reports.placement import cell_status, place, report_signature

FINDINGS_SHEET = "Findings"
ALIGNED_SHEET = "Aligned text"
ABOUT_SHEET = "About"

_FILL = {
    "error": PatternFill("solid", fgColor="FFC9C9"),
    "warning": PatternFill("solid", fgColor="FFF3BF"),
    "info": PatternFill("solid", fgColor="E7F5FF"),
}
_WIDTH = {"message": 60, "expected": 30, "found": 30, "source_path": 24, "target_path": 24, "name": 26,
          "places": 60, "consequences": 60, "source_excerpt": 50, "target_excerpt": 50}


def render_xlsx(report: Any) -> bytes:
    """The report as the bytes of an .xlsx workbook (write it with ``write_atomic``)."""
    wb = Workbook()
    ws = wb.active
    ws.title = FINDINGS_SHEET
    _findings_sheet(ws, report)
    _aligned_sheet(wb.create_sheet(ALIGNED_SHEET), report)
    _about_sheet(wb.create_sheet(ABOUT_SHEET), report)
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
        excerpts = finding_excerpts(report, finding)
        for col, name in enumerate(COLUMNS, start=1):
            value: Any = record[name]
            if (name.endswith("_line") or name == "count") and value:
                value = int(value)
            if name.endswith("_excerpt"):
                cell = excerpt_cell(ws, row, col, *excerpts[name.split("_")[0]])
            else:
                cell = put_cell(ws, row, col, value)
            if name == "severity":
                cell.fill = _FILL.get(finding.severity, PatternFill())
            if name in ("message", "expected", "found", "places", "consequences"):
                cell.alignment = CellAlignment(wrap_text=True, vertical="top")
            if name.endswith("_excerpt"):
                cell.alignment = text_alignment(record[name.replace("excerpt", "lang")])
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{ws.cell(row=1, column=len(COLUMNS)).column_letter}{max(row, 1)}"


#: How the problem shows in an excerpt.
_PROBLEM = InlineFont(b=True, color="C92A2A")


def excerpt_cell(ws, row: int, column: int, text: str, span: tuple[int, int] | None):
    """An excerpt whose problem (``span``) is in bold red (rich text, so never a formula)."""
    if span is None or not text:
        return put_cell(ws, row, column, text)
    start, end = span
    before, problem, after = (xlsx_text(t) for t in (text[:start], text[start:end], text[end:]))
    parts = ([before] if before else []) + [TextBlock(_PROBLEM, problem)] + ([after] if after else [])
    cell = ws.cell(row=row, column=column)
    cell.value = CellRichText(*parts)
    cell.quotePrefix = starts_formula(text)  # kept as text when edited in a spreadsheet, as put_cell does
    return cell


def _about_sheet(ws, report: Any) -> None:
    summary = report.summary() if hasattr(report, "summary") else {}
    rows = [("signature", report_signature(report)),
            ("languages", ", ".join(getattr(report, "languages", ()))),
            ("source", getattr(report, "pivot", "")),
            ("findings", len(tuple(report.findings))),
            ("occurrences", summary.get("occurrences", len(tuple(report.findings)))),
            ("accepted", getattr(report, "accepted", 0))]
    for r, (name, value) in enumerate(rows, start=1):
        put_cell(ws, r, 1, name).font = Font(bold=True)
        put_cell(ws, r, 2, value)
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 100


#: The most characters a workbook cell holds (Excel refuses a file with more).
CELL_LIMIT = 32_767


def places_cell(finding: Any) -> str:
    """A systematic finding's places as they fit in one cell: all of them, or the first ones
    and ``… (N places)`` (the JSON and CSV reports list the places the finding keeps)."""
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
            c.alignment = text_alignment(lang)
            units = tuple(cell.units) if cell is not None else ()
            continued = cell.continues if cell is not None else ()
            put_cell(ws, r, 2 + n + k, ", ".join(units) if not continued else f"(continues {', '.join(continued)})")
            status = cell_status(alignment, lang, units)
            if status:
                statuses.append(f"{lang}: {status}")
            ids += [f.id for f in placement.placed.get((i, lang), ())]
        put_cell(ws, r, 2 + 2 * n, "; ".join(statuses))
        put_cell(ws, r, 3 + 2 * n, " ".join(ids))
    ws.freeze_panes = "B2"


def render(report: Any, *, color: bool = False) -> bytes:
    """The ``hexaglot.reports`` entry point (``color`` is for the text report only)."""
    return render_xlsx(report)
