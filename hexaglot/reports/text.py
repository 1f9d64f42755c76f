"""The text report: findings grouped by paragraph, with excerpts, then a summary.

::

    fr.md:45 op.9 -> en.md:47 op.9
      fr  Prie l'Office des Nations Unies contre la drogue et le crime de …
      en  Requests the United Nations Office on Drugs and Crime to …
      error    NU01  numbers.mismatch  74/175 of the source is 74/157 in the en version
               expected 74/175 · found 74/157 · id 3f2a9c01b7de

Colour (severities, codes) only when asked, i.e. on a terminal; the last line
is the signature. Control characters from the documents (an ESC that would start
a terminal escape sequence) are shown escaped (``\\x1b``), never written raw.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import click

from hexaglot.reports import escape_controls as safe
from hexaglot.reports import consequence_lines, places_text, problem_words, unit_text
from qa_rules.model import Finding, Location

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}
EXCERPT = 110
#: How many places of a systematic finding the text report lists (the JSON, CSV, XLSX reports list all it keeps).
PLACES = 30


def excerpt(text: str, focus: str = "", limit: int = EXCERPT) -> str:
    """``text`` on one line, cut to about ``limit`` characters around ``focus`` if it occurs,
    at word boundaries (a language written without spaces is cut where the limit falls)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    focus = " ".join(focus.split())
    at = text.find(focus) if focus.strip() else -1
    if at < 0:
        return _at_word(text, 0, limit) + "…"
    start = max(0, min(at - limit // 3, len(text) - limit))
    if start:  # begin on a whole word, if one begins before the focus
        space = text.find(" ", start, at)
        start = space + 1 if space >= 0 else start
    cut = _at_word(text, start, limit)
    return ("…" if start else "") + cut + ("…" if start + len(cut) < len(text) else "")


def _at_word(text: str, start: int, limit: int) -> str:
    """``text[start:start + limit]``, shortened to end on a whole word when it ends in one."""
    cut = text[start:start + limit]
    if start + limit < len(text) and not text[start + limit].isspace():
        space = cut.rfind(" ")
        if space > limit // 2:
            cut = cut[:space]
    return cut


def _where(location: Location | None, lang: str = "") -> str:
    """``fr.md:88 pp.12``: a side's own file, line and unit (each side has its own ids)."""
    if location is None:
        return f"(nothing in {lang})" if lang else "(none)"
    name = location.path.rsplit("/", 1)[-1]
    if location.line is None and location.unit is None:
        return name  # a document-level finding (ST07, ST10): the file is the place
    where = f"{name}:{location.line}" if location.line is not None else f"{name}:(none)"
    return f"{where} {location.unit}" if location.unit else where


def _version_alone(finding: Finding, version: str | None) -> Location | None:
    """The place of a finding about one version on its own (its numbering, its footnotes: a
    rule's ``check_document`` finding with one side), source or target alike; None for a
    finding on an aligned pair (its pair named its ``version``), an omission or an addition
    included, whose heading shows both sides."""
    if (finding.source is None) == (finding.target is None) or version:
        return None
    return finding.target or finding.source


def _lang(finding: Finding, version: str | None) -> str:
    """The language of the version a finding concerns (``Report.version_of``)."""
    side = finding.target or finding.source
    return version or (side.lang if side else "")


def group_key(finding: Finding, version: str | None) -> tuple:
    """The findings shown under one heading: same source unit, version and target unit."""
    source, target = finding.source, finding.target
    return (
        source.unit if source else None,
        _lang(finding, version),
        target.unit if target else None,
    )


def _styles(color: bool) -> tuple[Callable[..., str], Callable[[str], str]]:
    # every piece of report or document text goes through ``safe`` before it is styled or joined
    style = (lambda text, **kw: click.style(safe(text), **kw)) if color else (lambda text, **kw: safe(text))
    return style, safe


def head_lines(report: Any, total: int, *, color: bool = False) -> list[str]:
    """The first lines: languages, rules, ``total`` findings, then the run's notices."""
    style, _ = _styles(color)
    targets = [lang for lang in report.languages if lang != report.pivot]
    lines = [safe(
        f"hexaglot check: {report.pivot} (source) -> {', '.join(targets)}; "
        f"{len(report.rules)} rules; {total} finding(s)"
    )]
    # notices concern the run as a whole (a version not in its declared language, rules that
    # did not run): said first, not under hundreds of findings they may explain
    for notice in getattr(report, "notices", ()):
        lines.append(style(f"  notice: {notice}", bold=True))
    return lines


def group_lines(report: Any, findings: Sequence[tuple[Finding, str | None]], *, color: bool = False) -> list[str]:
    """The lines of one heading's findings (``(finding, the version its pair named)``, one ``group_key``)."""
    style, _ = _styles(color)
    lines: list[str] = []
    first, first_version = findings[0]
    whole = not ((first.target and first.target.unit) or (first.source and first.source.unit))
    lines.append("")
    version = _lang(first, first_version)
    source_where = _where(first.source, report.pivot if version != report.pivot else "")
    alone = _version_alone(first, first_version)
    if alone is not None:  # about the version itself (its numbering), the source's included
        heading = f"{_where(alone)} (the {alone.lang} version itself)"
    else:
        heading = f"{source_where} -> {_where(first.target, version)}"
    lines.append(style(("(document)  " if whole else "") + heading, bold=True))
    focus = next((problem_words(f) for f, _ in findings if f.found), "")
    # the source excerpt around the source's own value, else around the expected text
    expected = next((f.in_source or f.expected for f, _ in findings if f.in_source or f.expected), "")
    for location, hint in ((first.source, expected), (first.target, focus)):
        text = unit_text(report, location)
        if text:
            lines.append(safe(f"  {location.lang:<3} {excerpt(text, hint)}"))
    for finding, _ in findings:
        sev = style(f"{finding.severity:<8}", fg=_COLOURS.get(finding.severity), bold=True)
        lines.append(f"  {sev} {style(finding.rule, bold=True)}  {safe(finding.name)}  {safe(finding.message)}")
        details = []
        if finding.expected:
            details.append(f"expected {finding.expected}")
        if finding.found:
            details.append(f"found {problem_words(finding)}")
        details.append(f"id {finding.id}")
        lines.append(" " * 12 + safe(" · ".join(details)))
        if finding.grouped:
            lines.append(" " * 12 + safe(f"{finding.count} times at {places_text(finding, PLACES)}"))
        if finding.consequences:  # what the cause explains: said under it, not counted again
            lines.append(" " * 12 + safe(f"explains {len(finding.consequences)} other finding(s):"))
            lines.extend(" " * 14 + safe(f"↳ {line}") for line in consequence_lines(finding))
    return lines


def tail_lines(report: Any, summary: dict[str, Any], *, color: bool = False) -> list[str]:
    """The summary (``Report.summary``), stale accept entries and the signature."""
    style, _ = _styles(color)
    lines = [""]
    sev = summary["by_severity"]
    extra = f"; {summary['accepted']} accepted" if summary["accepted"] else ""
    if summary.get("consequences"):
        extra += f"; {summary['consequences']} finding(s) folded under the cause that explains them"
    if summary["systematic"]:
        extra += (f"; {summary['systematic']} systematic pattern(s) counted once, "
                  f"{summary['occurrences']} occurrences in all")
    lines.append(
        style("Summary: ", bold=True)
        + safe(f"{sev['error']} error(s), {sev['warning']} warning(s), {sev['info']} info{extra}")
    )
    if summary["by_category"]:
        lines.append(safe("  by category: " + ", ".join(f"{k} {v}" for k, v in summary["by_category"].items())))
    if summary["by_language"]:
        lines.append(safe("  by language: " + ", ".join(f"{k} {v}" for k, v in summary["by_language"].items())))
    for entry in report.stale:
        where = f"{entry.path}:{entry.line}" if entry.line else entry.path
        lines.append(safe(f"  stale accept entry {entry.id} ({where}): matches no finding; remove it"))
    lines.append(safe(f"signature: {report.signature}"))
    return lines


def render(report: Any, *, color: bool = False) -> str:
    lines = head_lines(report, len(report.findings), color=color)
    groups: dict[tuple, list[tuple[Finding, str | None]]] = {}
    versions = getattr(report, "versions", {})
    for finding in report.findings:
        version = versions.get(finding.id)
        groups.setdefault(group_key(finding, version), []).append((finding, version))
    for findings in groups.values():
        lines.extend(group_lines(report, findings, color=color))
    lines.extend(tail_lines(report, report.summary(), color=color))
    return "\n".join(lines) + "\n"
