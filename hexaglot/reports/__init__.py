"""Rendering a ``qa_rules.engine.Report``: one module per output format.

Each module named in ``FORMATS`` defines ``render(report, *, color=False)``
returning ``str`` (text formats) or ``bytes`` (binary formats such as xlsx).
Add a format by writing its module and adding one line here. A renderer
never re-runs a rule: it reads the report's findings, documents and alignment.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from aligner.errors import escape_controls  # noqa: F401 (re-exported: every text output uses it)

#: Output formats of ``hexaglot check --format``, by name -> module.
FORMATS: dict[str, str] = {
    "text": "hexaglot.reports.text",
    "json": "hexaglot.reports.json",
    "html": "hexaglot.reports.html",
    "xlsx": "hexaglot.reports.xlsx",
    "csv": "hexaglot.reports.csv",
}

#: The format an output file's extension implies when ``--format`` is not given.
EXTENSIONS: dict[str, str] = {".html": "html", ".htm": "html", ".xlsx": "xlsx", ".csv": "csv", ".json": "json", ".txt": "text"}


def places_text(finding: Any, limit: int | None = None) -> str:
    """The places of a systematic finding (``Finding.places``) as ``line 12 (op.1), line 40
    (pp.2)``, at most ``limit`` of them then ``… (N places)``; ``""`` for a finding of one place."""
    places = finding.places
    shown = places if limit is None else places[:limit]
    text = ", ".join(f"line {p.line if p.line is not None else '?'}" + (f" ({p.unit})" if p.unit else "")
                     for p in shown)
    return text + (f", … ({len(places)} places)" if len(shown) < len(places) else "")


def render(report: Any, fmt: str = "text", *, color: bool = False) -> str | bytes:
    """The report in format ``fmt`` (one of ``FORMATS``)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r} (known: {', '.join(FORMATS)})")
    return import_module(FORMATS[fmt]).render(report, color=color)
