"""Rendering a ``qa_rules.engine.Report``: one module per output format.

Each module named in ``FORMATS`` defines ``render(report, *, color=False)``
returning ``str`` (text formats) or ``bytes`` (binary formats such as xlsx).
Add a format by writing its module and adding one line here. A renderer
never re-runs a rule: it reads the report's findings, documents and alignment.
"""

from __future__ import annotations

import re
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
    total = getattr(finding, "places_total", len(places))
    return text + (f", … ({total} places)" if len(shown) < total else "")


def consequence_lines(finding: Any) -> list[str]:
    """The findings folded under ``finding`` (``Finding.consequences``: what its cause explains),
    one line each: ``ST05 es_draft.md:155 op.25: operative numbering ... (id 5a988aee4284)``."""
    lines = []
    for consequence in finding.consequences:
        side = consequence.target or consequence.source
        where = ""
        if side is not None:
            where = side.path.replace("\\", "/").rsplit("/", 1)[-1]
            where += f":{side.line}" if side.line is not None else ""
            where += f" {side.unit}" if side.unit else ""
        lines.append(f"{consequence.rule} {where + ': ' if where else ''}{consequence.message} (id {consequence.id})")
    return lines


#: How far (in characters) ``problem_words`` reaches either side of the problem for its words
#: (a language written without spaces has no word to end at: three characters are shown).
WORD_REACH = 12


def problem_words(finding: Any) -> str:
    """What a reader is shown as found: ``found`` itself, or when ``found`` shows the problem
    with context around it (``Finding.mark``), the problem with the rest of the words it
    touches, never a word cut by the context window: ``Compact,and`` for a missing space
    after a comma, ``of  the`` for a double space, ``"soft`` for a straight quotation mark;
    the start of a long problem, to a whole word, then ``…``."""
    found, mark = finding.found or "", getattr(finding, "mark", None)
    if not mark:
        return found
    start, end = mark
    if end > len(found):  # found shows only the start of a longer problem: end on a whole word
        space = found.rfind(" ", start)
        return found[start:space if space > start else len(found)] + "…"
    low, budget = start, WORD_REACH
    while low > 0 and not found[low - 1].isspace() and budget > 0:
        low -= 1
        budget -= _width(found[low])
    high, budget = end, WORD_REACH
    while high < len(found) and not found[high].isspace() and budget > 0:
        budget -= _width(found[high])
        high += 1
    return found[low:high]


def _width(char: str) -> int:
    """A character's share of ``WORD_REACH``: a Han, kana or hangul one counts as a short word."""
    return 4 if "\u2e80" <= char <= "\ufaff" else 1


def problem_span(text: str, finding: Any) -> tuple[int, int] | None:
    """The offsets in ``text`` of the problem a finding shows: its ``found`` text where it first
    occurs, narrowed to ``Finding.mark`` when it has one (the space, the mark, the digits
    themselves, not the window around them). None when ``found`` is empty or not in ``text``."""
    found = finding.found or ""
    mark = getattr(finding, "mark", None)
    needle = found if mark else found.strip()
    if not needle.strip():
        return None
    at = text.find(needle)
    if at < 0:
        return None
    if mark:
        return at + mark[0], min(at + mark[1], len(text))
    return at, at + len(needle)


def unit_text(report: Any, location: Any) -> str:
    """The clean text of the unit a location names (from the report's documents)."""
    if location is None or location.unit is None:
        return ""
    for doc in report.documents:
        if doc.path == location.path and doc.lang == location.lang:
            unit = doc.find(location.unit)
            return unit.text if unit else ""
    return ""


#: About how many characters of a paragraph a spreadsheet's excerpt shows.
EXCERPT_CHARS = 110
_BREAK = re.compile(r"[\t\n\r\v\f]")


def excerpt_at(text: str, span: tuple[int, int] | None, limit: int = EXCERPT_CHARS) -> tuple[str, tuple[int, int] | None]:
    """The part of ``text`` around ``span`` (its start when None), about ``limit`` characters cut at
    words, ``…`` where cut, on one line (a tab or line break becomes one space: every other
    character, a double space too, is kept); and where ``span`` stands in that excerpt.

    >>> text = "Recalling also its resolution of 2019 and the Global Compact,and noting with appreciation"
    >>> excerpt_at(text + " the work of the Office in this field", (60, 61), limit=40)
    ('…Compact,and noting with appreciation…', (8, 9))
    """
    flat = _BREAK.sub(" ", text)
    if len(flat) <= limit:
        return flat, span
    first, last = span if span else (0, 0)
    start = max(0, min(first - limit // 3, len(flat) - limit))
    if 0 < start and " " in flat[start:first]:  # begin on a whole word
        start = flat.index(" ", start, first) + 1
    end = min(len(flat), max(start + limit, min(last, start + 2 * limit)))
    if end < len(flat):  # end on a whole word, after the problem
        space = flat.rfind(" ", max(last, start + limit // 2), end)
        end = space if space > 0 else end
    prefix = "…" if start else ""
    shown = prefix + flat[start:end] + ("…" if end < len(flat) else "")
    if span is None or first >= end:
        return shown, None
    return shown, (len(prefix) + max(first, start) - start, len(prefix) + min(last, end) - start)


def finding_excerpts(report: Any, finding: Any) -> dict[str, tuple[str, tuple[int, int] | None]]:
    """Per side (``source``, ``target``), the excerpt of its paragraph that holds what the finding
    is about and where that stands in it: in the target its problem (``problem_span``: the exact
    space, mark or number, ``Finding.mark``), in the source the source's own value
    (``in_source``, else ``expected``). ``("", None)`` for a side with no paragraph."""
    out = {}
    target_text = unit_text(report, finding.target)
    out["target"] = excerpt_at(target_text, problem_span(target_text, finding)) if target_text else ("", None)
    source_text = unit_text(report, finding.source)
    needle = (finding.in_source or finding.expected or "").strip()
    at = source_text.find(needle) if needle else -1
    out["source"] = excerpt_at(source_text, (at, at + len(needle)) if at >= 0 else None) if source_text else ("", None)
    return out


def render(report: Any, fmt: str = "text", *, color: bool = False) -> str | bytes:
    """The report in format ``fmt`` (one of ``FORMATS``)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r} (known: {', '.join(FORMATS)})")
    return import_module(FORMATS[fmt]).render(report, color=color)
