"""The HTML report: one self-contained page an editor opens offline.

It opens on a summary: findings by language and severity and by category and language, each
count a link that sets the filters to it (``#lang=en&severity=error``) and each count following
the filters as they change; then every finding in document order (language by language, whole
documents first, then row by row), each a link to its row. The aligned versions follow side by
side (one column per language, ``lang`` and ``dir="rtl"`` for Arabic, headed by the file's name,
each cell with its units and line); each finding is listed in the cell it concerns and its
problem highlighted in place; italics are rendered. Every finding element carries
``data-finding-id``, ``data-category``, ``data-severity`` and ``data-lang``; filters (plain JS,
no network) show or hide them by category, severity and language, and rows and columns as in the
alignment page, whose look this page shares (``aligner.writers.page``). Every text is escaped.
The page ends with the signature line.

Test hook: a URL fragment presets the filters
(``report.html#category=numbers,dates&severity=error&lang=en&rows=findings``)
and ``<body data-visible-findings="N">`` always holds the number of findings
shown, so a headless browser's ``--dump-dom`` proves the filters work.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from aligner.writers.page import (cell_meta, e, gap_cell, italic_ranges, legend, page, row_filters, row_open,
                                  styled, table_head, text_cell)
from qa_rules.model import CATEGORIES, SEVERITIES, Finding

from hexaglot.reports import consequence_lines, places_text, problem_span, problem_words
from hexaglot.reports.placement import cell_status, finding_lang, place, report_signature

TITLE = "hexaglot QA report"


def render_html(report: Any) -> str:
    """The report as one HTML page (a string)."""
    findings: tuple[Finding, ...] = tuple(report.findings)
    alignment = getattr(report, "alignment", None)
    placement = place(findings, alignment, report)
    languages = tuple(alignment.languages) if alignment is not None else tuple(getattr(report, "languages", ()))
    body = [
        _header(report, findings, languages, alignment),
        _summary(report, findings, languages, placement),
        _unplaced(placement.unplaced, report),
        _table(alignment, placement, report) if alignment is not None else "",
        f'<footer><p class="signature">signature: {e(report_signature(report))}</p></footer>',
    ]
    return page(TITLE, body, total_findings=len(findings))


def _count(n: int, href: str, **dims: str) -> str:
    """A count that links to the filters showing it and follows the filters (``aligner.writers.page``)."""
    attrs = "".join(f' data-n-{k}="{e(v)}"' for k, v in dims.items())
    return f'<a class="n{" zero" if not n else ""}" href="#{e(href)}"{attrs}>{n}</a>'


def _header(report: Any, findings: tuple[Finding, ...], languages: tuple[str, ...], alignment: Any) -> str:
    by_cat = Counter(f.category for f in findings)
    by_sev = Counter(f.severity for f in findings)
    by_lang = Counter(finding_lang(f, report) for f in findings)
    docs = "".join(
        f'<li><span lang="{e(d.lang)}">{e(d.lang)}</span>: {e(d.path)}</li>'
        for d in getattr(report, "documents", ())
    )
    notices = "".join(f"<li>{e(n)}</li>" for n in getattr(report, "notices", ()))
    notices += "".join(f"<li>stale accept entry {e(getattr(s, 'id', s))}: it matches no finding any more</li>"
                       for s in getattr(report, "stale", ()))
    cats = "".join(
        f'<label><input type="checkbox" name="category" value="{e(c)}" checked> {e(c)} '
        f'<span class="count">(<span class="n" data-n-category="{e(c)}">{by_cat[c]}</span>)</span></label>'
        for c in CATEGORIES if by_cat.get(c)
    )
    sevs = "".join(
        f'<label class="sev-{e(s)}"><input type="checkbox" name="severity" value="{e(s)}" checked> {e(s)} '
        f'<span class="count">(<span class="n" data-n-severity="{e(s)}">{by_sev.get(s, 0)}</span>)</span></label>'
        for s in SEVERITIES
    )
    lang_options = ['<option value="">all languages</option>'] + [
        f'<option class="n" value="{e(lang)}" data-n-lang="{e(lang)}" data-label="{e(lang)}">'
        f'{e(lang)} ({by_lang.get(lang, 0)})</option>'
        for lang in _languages(languages, by_lang)
    ]
    accepted = getattr(report, "accepted", 0)
    pivot = alignment.pivot if alignment is not None else ""
    return (
        f"<header><h1>{e(TITLE)}</h1>"
        f'<ul class="documents">{docs}</ul>'
        + (f'<ul class="notices">{notices}</ul>' if notices else "")
        + f'<form id="filters" data-pivot="{e(pivot)}" onsubmit="return false">'
        f'<fieldset><legend>Category</legend>{cats or "<em>no findings</em>"}</fieldset>'
        f"<fieldset><legend>Severity</legend>{sevs}</fieldset>"
        f'<fieldset><legend>Language</legend><select name="lang">{"".join(lang_options)}</select></fieldset>'
        + (row_filters(alignment, findings=True) if alignment is not None else "")
        + "</form>"
        f'<p class="counter">Showing <span id="visible-count">{len(findings)}</span> of '
        f"{len(findings)} findings" + (f" ({e(accepted)} accepted and hidden)" if accepted else "")
        + '. <a href="#all">Show all</a></p>'
        + (legend(alignment) if alignment is not None else "")
        + "</header>"
    )


def _languages(languages: tuple[str, ...], by_lang: Counter) -> list[str]:
    return [lang for lang in dict.fromkeys(list(languages) + sorted(by_lang)) if lang]


def _summary(report: Any, findings: tuple[Finding, ...], languages: tuple[str, ...], placement: Any) -> str:
    """Counts by language and severity, by category and language, and every finding in document order."""
    if not findings:
        return '<section id="summary"><p>No findings.</p></section>'
    lang_of = {f.id: finding_lang(f, report) for f in findings}
    langs = [lang for lang in _languages(languages, Counter(lang_of.values())) if lang in lang_of.values()]
    cats = [c for c in CATEGORIES if any(f.category == c for f in findings)]
    # every count under "" too: the "all" row and column
    by_sev = Counter((lang, s) for f in findings for lang in (lang_of[f.id], "") for s in (f.severity, ""))
    by_cat = Counter((c, lang) for f in findings for c in (f.category, "") for lang in (lang_of[f.id], ""))
    every_sev, every_cat = ",".join(SEVERITIES), ",".join(cats)

    def table(ident: str, caption: str, corner: str, rows: list[str], columns: list[str], cell) -> str:
        head = "".join(f"<th>{e(c or 'all')}</th>" for c in columns)
        body = "".join(
            f'<tr class="{"" if r else "all"}"><th>{e(r or "all")}</th>'
            + "".join(f'<td class="{"" if c else "all"}">{cell(r, c)}</td>' for c in columns) + "</tr>"
            for r in rows)
        return (f'<table class="counts" id="{ident}"><caption>{caption}</caption>'
                f"<thead><tr><th>{corner}</th>{head}</tr></thead><tbody>{body}</tbody></table>")

    def lang_sev(lang: str, sev: str) -> str:
        return _count(by_sev[lang, sev], f"lang={lang}&severity={sev or every_sev}", lang=lang, severity=sev)

    def cat_lang(cat: str, lang: str) -> str:
        return _count(by_cat[cat, lang], f"category={cat or every_cat}&lang={lang}", category=cat, lang=lang)

    return ('<section id="summary">'
            + table("by-severity", "Findings by language and severity", "language", langs + [""],
                    list(SEVERITIES) + [""], lang_sev)
            + table("by-category", "Findings by category and language", "category", cats + [""], langs + [""],
                    cat_lang)
            + f'<div id="in-order"><h2>Findings in document order</h2>'
            f"{_in_order(findings, langs, lang_of, placement)}</div></section>")


def _in_order(findings: tuple[Finding, ...], langs: list[str], lang_of: dict[str, str], placement: Any) -> str:
    """Each version's findings: those on the whole document, then row by row; each links to its row."""
    row_of = {f.id: row for (row, _), placed in placement.placed.items() for f in placed}
    parts = []
    for lang in langs:
        mine = [f for f in findings if lang_of[f.id] == lang]
        mine.sort(key=lambda f: (row_of.get(f.id, -1), _line(f)))
        items = []
        for f in mine:
            side = f.target or f.source
            where = (f"line {side.line}" if side and side.line is not None else "whole document") \
                + (f" ({side.unit})" if side and side.unit else "")
            href = f"row-{row_of[f.id] + 1}" if f.id in row_of else f"f-{f.id}"
            items.append(f'<li class="sev-{e(f.severity)}" data-ref="{e(f.id)}"><a href="#{e(href)}">{e(where)}</a> '
                         f'<b>{e(f.rule)}</b> <span class="cat">{e(f.category)}</span> {e(f.message)}</li>')
        parts.append(f'<div class="group"><h3 lang="{e(lang)}">{e(lang)}</h3>'
                     f'<ol class="in-order">{"".join(items)}</ol></div>')
    return "".join(parts)


def _line(finding: Finding) -> int:
    side = finding.target or finding.source
    return side.line if side is not None and side.line is not None else -1


def _finding_item(finding: Finding, report: Any) -> str:
    where = []
    for label, loc in (("source", finding.source), ("target", finding.target)):
        if loc is not None:
            where.append(f"{label} {loc.lang} {loc.unit or ''} line {loc.line if loc.line is not None else '?'}")
    detail = ""
    if finding.expected or finding.found:
        detail = (
            f'<span class="expected">expected: <q>{e(finding.expected)}</q></span> '
            f'<span class="found">found: <q>{e(problem_words(finding))}</q></span>'
        )
    if finding.grouped:
        detail += f'<span class="places">{e(finding.count)} times at {e(places_text(finding))}</span>'
    if finding.consequences:  # folded under the cause: not findings of their own (filters count causes)
        items = "".join(f'<li class="consequence" data-consequence-id="{e(c.id)}">{e(line)}</li>'
                        for c, line in zip(finding.consequences, consequence_lines(finding)))
        detail += (f'<details class="consequences"><summary>explains {len(finding.consequences)} other '
                   f'finding(s)</summary><ul>{items}</ul></details>')
    lang = finding_lang(finding, report)
    return (
        f'<li class="finding sev-{e(finding.severity)}" id="f-{e(finding.id)}" data-finding-id="{e(finding.id)}" '
        f'data-category="{e(finding.category)}" data-severity="{e(finding.severity)}" data-lang="{e(lang)}">'
        f'<span class="badge">{e(finding.severity)}</span> <b>{e(finding.rule)}</b> '
        f'<span class="cat">{e(finding.category)}</span> {e(finding.message)} {detail}'
        f'<span class="where">{e("; ".join(where))}</span></li>'
    )


def _unplaced(findings: tuple[Finding, ...], report: Any) -> str:
    if not findings:
        return ""
    items = "".join(_finding_item(f, report) for f in findings)
    return f'<section id="document-findings"><h2>Findings on whole documents</h2><ul class="findings">{items}</ul></section>'


def highlight(text: str, findings: tuple[Finding, ...], italics: tuple[tuple[int, int], ...] = ()) -> str:
    """``text`` escaped, with each finding's problem marked where its ``found`` text first occurs
    (``reports.problem_span``: the exact space, mark or number when the finding has a ``mark``),
    and its ``italics`` (offsets in ``text``) in ``<i>``."""
    spans: list[tuple[int, int, Finding]] = []
    for finding in findings:
        span = problem_span(text, finding)
        if span is not None:
            spans.append((*span, finding))
    spans.sort(key=lambda s: (s[0], -s[1]))
    out, pos = [], 0
    for start, end, finding in spans:
        if start < pos:
            continue  # overlaps an earlier highlight: the finding is still listed below the text
        out.append(styled(text, pos, start, italics))
        out.append(
            f'<mark class="hl sev-{e(finding.severity)}" data-for="{e(finding.id)}" '
            f'title="{e(finding.rule + ": " + finding.message)}">{styled(text, start, end, italics)}</mark>'
        )
        pos = end
    out.append(styled(text, pos, len(text), italics))
    return "".join(out)


def _table(alignment: Any, placement: Any, report: Any) -> str:
    rows = []
    for i, row in enumerate(alignment.rows):
        cells = []
        for lang in alignment.languages:
            cell = row.cells.get(lang)
            found = placement.placed.get((i, lang), ())
            items = "".join(_finding_item(f, report) for f in found)
            if cell is None or not cell.units:
                continues = cell.continues if cell is not None else ()
                cells.append(gap_cell(lang, f'<ul class="findings">{items}</ul>' if items else "", continues))
                continue
            meta = cell_meta(cell, cell_status(alignment, lang, tuple(cell.units)))
            text = highlight(cell.text, found, italic_ranges(alignment, lang, cell))
            listed = f'<ul class="findings" dir="ltr">{items}</ul>' if items else ""
            cells.append(text_cell(lang, cell, text, meta, listed))
        n_findings = sum(len(placement.placed.get((i, lang), ())) for lang in alignment.languages)
        rows.append(row_open(i, row, n_findings) + "".join(cells) + "</tr>")
    return f'<table class="aligned">{table_head(alignment)}<tbody>{"".join(rows)}</tbody></table>'


def render(report: Any, *, color: bool = False) -> str:
    """The ``hexaglot.reports`` entry point (``color`` is for the text report only)."""
    return render_html(report)
