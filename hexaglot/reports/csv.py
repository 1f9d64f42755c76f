"""The CSV report: one row per finding, for spreadsheets and scripts.

Columns (``COLUMNS``): the finding's ``id``, ``rule``, ``name``, ``category``,
``severity``, each side's ``path``/``lang``/``unit``/``line`` (empty when a
side is missing), the target unit's CAT ``status`` (pre-aligned input only),
``message``, ``expected``, ``found``, then ``count`` (occurrences: more than 1
for a systematic pattern), its ``places`` (``line 12 (op.1), line 40 (pp.2)``,
empty for a finding of one place), the ``consequences`` folded under it
(``qa_rules.causes``: the findings its cause explains, one per line, each with
its rule, place, message and id; empty for most findings), and an excerpt of
each side's paragraph (``source_excerpt``: around the source's own value;
``target_excerpt``: around the problem itself, ``Finding.mark``; about 110
characters, ``…`` where cut). Every field is quoted; the file is UTF-8
with a byte-order mark (so Excel reads Arabic and Chinese) and ends with one
comment line ``# signature: ...``. A text that a spreadsheet would run as a
formula (it starts with ``=``, ``+``, ``-``, ``@``...) is written with a
leading apostrophe (``aligner.writers.cells``; ``unescape_cell`` removes it).
It round-trips through pandas::

    pandas.read_csv(path, comment="#", dtype=str, keep_default_na=False)
"""

from __future__ import annotations

import csv
import io
from typing import Any

from aligner.writers.cells import escape_cell
from qa_rules.model import Finding

from hexaglot.reports import consequence_lines, finding_excerpts, places_text
from hexaglot.reports.placement import report_signature

COLUMNS: tuple[str, ...] = (
    "id", "rule", "name", "category", "severity",
    "source_path", "source_lang", "source_unit", "source_line",
    "target_path", "target_lang", "target_unit", "target_line",
    "status", "message", "expected", "found", "count", "places", "consequences",
    "source_excerpt", "target_excerpt",
)


def finding_record(finding: Finding, status: str = "", report: Any = None) -> dict[str, str]:
    """A finding as a flat record of strings (``COLUMNS``); the excerpts come from ``report``'s
    documents (empty without it)."""
    excerpts = finding_excerpts(report, finding) if report is not None else {}
    record = {"id": finding.id, "rule": finding.rule, "name": finding.name, "category": finding.category,
              "severity": finding.severity, "status": status, "message": finding.message,
              "expected": finding.expected, "found": finding.found,
              "count": str(finding.count), "places": places_text(finding),
              "consequences": "\n".join(consequence_lines(finding)),
              "source_excerpt": excerpts.get("source", ("", None))[0],
              "target_excerpt": excerpts.get("target", ("", None))[0]}
    for label, loc in (("source", finding.source), ("target", finding.target)):
        record[f"{label}_path"] = loc.path if loc else ""
        record[f"{label}_lang"] = loc.lang if loc else ""
        record[f"{label}_unit"] = (loc.unit or "") if loc else ""
        record[f"{label}_line"] = str(loc.line) if loc and loc.line is not None else ""
    return record


def target_status(report: Any, finding: Finding) -> str:
    """The CAT status of the unit a finding's target names ('' for ordinary documents)."""
    alignment = getattr(report, "alignment", None)
    loc = finding.target
    if alignment is None or loc is None or not loc.unit or loc.lang not in alignment.documents:
        return ""
    unit = alignment.documents[loc.lang].find(loc.unit)
    return getattr(unit, "status", "") if unit is not None else ""


def render_csv(report: Any) -> str:
    """The findings of ``report`` as CSV text (write it with ``write_atomic``)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writeheader()
    for finding in report.findings:
        record = finding_record(finding, target_status(report, finding), report)
        writer.writerow({name: escape_cell(value) for name, value in record.items()})
    signature = " ".join(report_signature(report).split())
    return "\ufeff" + buffer.getvalue() + f"# signature: {signature}\n"


def render(report: Any, *, color: bool = False) -> str:
    """The ``hexaglot.reports`` entry point (``color`` is for the text report only)."""
    return render_csv(report)
