"""The HTML report: one self-contained page an editor opens offline.

The aligned versions stand side by side (one column per language, ``lang``
and ``dir="rtl"`` for Arabic); each finding is listed in the cell it concerns
and its ``found`` text is highlighted in place. Every finding element carries
``data-finding-id``, ``data-category``, ``data-severity`` and ``data-lang``;
filters (plain JS, no network) show or hide them by category, severity and
language. Every text is escaped. The page ends with the signature line.

Test hook: a URL fragment presets the filters
(``report.html#category=numbers,dates&severity=error&lang=en&rows=findings``)
and ``<body data-visible-findings="N">`` always holds the number of findings
shown, so a headless browser's ``--dump-dom`` proves the filters work.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import Any

from qa_rules.model import CATEGORIES, SEVERITIES, Finding

from hexaglot.reports import consequence_lines, places_text, problem_span, problem_words
from hexaglot.reports.placement import cell_status, finding_lang, is_rtl, place, report_signature

TITLE = "hexaglot QA report"
RTL = ' dir="rtl"'


def e(value: Any) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return escape("" if value is None else str(value), quote=True)


def render_html(report: Any) -> str:
    """The report as one HTML page (a string)."""
    findings: tuple[Finding, ...] = tuple(report.findings)
    alignment = getattr(report, "alignment", None)
    placement = place(findings, alignment, report)
    languages = tuple(alignment.languages) if alignment is not None else tuple(getattr(report, "languages", ()))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(TITLE)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        f'<body data-total-findings="{len(findings)}" data-visible-findings="{len(findings)}">',
        _header(report, findings, languages),
        _unplaced(placement.unplaced, report),
        _table(alignment, placement, report) if alignment is not None else "",
        f'<footer><p class="signature">signature: {e(report_signature(report))}</p></footer>',
        f"<script>{JS}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def _header(report: Any, findings: tuple[Finding, ...], languages: tuple[str, ...]) -> str:
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
        f'<span class="count">({by_cat[c]})</span></label>'
        for c in CATEGORIES if by_cat.get(c)
    )
    sevs = "".join(
        f'<label class="sev-{e(s)}"><input type="checkbox" name="severity" value="{e(s)}" checked> {e(s)} '
        f'<span class="count">({by_sev.get(s, 0)})</span></label>'
        for s in SEVERITIES
    )
    lang_options = ['<option value="">all languages</option>'] + [
        f'<option value="{e(lang)}">{e(lang)} ({by_lang.get(lang, 0)})</option>'
        for lang in dict.fromkeys(list(languages) + sorted(by_lang)) if lang
    ]
    accepted = getattr(report, "accepted", 0)
    return (
        f"<header><h1>{e(TITLE)}</h1>"
        f'<ul class="documents">{docs}</ul>'
        + (f'<ul class="notices">{notices}</ul>' if notices else "")
        + '<form id="filters" onsubmit="return false">'
        f'<fieldset><legend>Category</legend>{cats or "<em>no findings</em>"}</fieldset>'
        f"<fieldset><legend>Severity</legend>{sevs}</fieldset>"
        f'<fieldset><legend>Language</legend><select name="lang">{"".join(lang_options)}</select>'
        '<label><input type="checkbox" name="rows" value="findings"> only rows with findings shown</label>'
        "</fieldset></form>"
        f'<p class="counter">Showing <span id="visible-count">{len(findings)}</span> of '
        f"{len(findings)} findings" + (f" ({e(accepted)} accepted and hidden)" if accepted else "") + ".</p>"
        "</header>"
    )


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


def highlight(text: str, findings: tuple[Finding, ...]) -> str:
    """``text`` escaped, with each finding's problem marked where its ``found`` text first occurs
    (``reports.problem_span``: the exact space, mark or number when the finding has a ``mark``)."""
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
        out.append(e(text[pos:start]))
        out.append(
            f'<mark class="hl sev-{e(finding.severity)}" data-for="{e(finding.id)}" '
            f'title="{e(finding.rule + ": " + finding.message)}">{e(text[start:end])}</mark>'
        )
        pos = end
    out.append(e(text[pos:]))
    return "".join(out)


def _table(alignment: Any, placement: Any, report: Any) -> str:
    languages = tuple(alignment.languages)
    docs = alignment.documents
    head = "".join(
        f'<th lang="{e(lang)}"{RTL if is_rtl(lang) else ""}>{e(lang)}'
        f'<span class="path" dir="ltr">{e(docs[lang].path if lang in docs else "")}</span></th>'
        for lang in languages
    )
    rows = []
    for i, row in enumerate(alignment.rows):
        cells = []
        row_findings = 0
        for lang in languages:
            cell = row.cells.get(lang)
            found = placement.placed.get((i, lang), ())
            row_findings += len(found)
            direction = ' dir="rtl"' if is_rtl(lang) else ""
            if cell is None or not cell.units:
                items = "".join(_finding_item(f, report) for f in found)
                cells.append(
                    f'<td class="cell gap" lang="{e(lang)}"{direction}><div class="meta">(nothing)</div>'
                    + (f'<ul class="findings">{items}</ul>' if items else "") + "</td>"
                )
                continue
            status = cell_status(alignment, lang, tuple(cell.units))
            meta = f'{e(", ".join(cell.units))} · line {e(cell.lines[0] if cell.lines else "?")}'
            if status:
                locked = " locked" if "locked" in status else ""
                meta += f' <span class="status{locked}" data-status="{e(status)}">{e(status)}</span>'
            items = "".join(_finding_item(f, report) for f in found)
            cells.append(
                f'<td class="cell" lang="{e(lang)}"{direction}><div class="meta" dir="ltr">{meta}</div>'
                f'<div class="text">{highlight(cell.text, found)}</div>'
                + (f'<ul class="findings" dir="ltr">{items}</ul>' if items else "") + "</td>"
            )
        low = " low" if row.score < 0.5 else ""
        rows.append(
            f'<tr class="row{low}" id="row-{i + 1}" data-findings="{row_findings}">'
            f'<td class="rownum" title="confidence {row.score:.2f}">{i + 1}</td>{"".join(cells)}</tr>'
        )
    return (
        f'<table class="aligned"><thead><tr><th>#</th>{head}</tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table>'
    )


CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:1em;color:#222;background:#fff}
h1{font-size:1.4em;margin:.2em 0}h2{font-size:1.1em}
header ul.documents{columns:3;font-size:.85em;color:#555}
ul.notices{background:#fff8d6;border:1px solid #e6d28a;padding:.4em 1.6em;font-size:.9em}
#filters{display:flex;flex-wrap:wrap;gap:.6em;margin:.4em 0}
#filters fieldset{border:1px solid #ccc;border-radius:4px;padding:.2em .6em}
#filters label{margin-right:.8em;white-space:nowrap;font-size:.9em}
.count{color:#777}.counter{font-weight:600}
table.aligned{border-collapse:collapse;width:100%;table-layout:fixed}
table.aligned th,table.aligned td{border:1px solid #ddd;vertical-align:top;padding:.3em .4em;font-size:.85em;
 overflow-wrap:anywhere}
table.aligned th{background:#f1f3f5;position:sticky;top:0}
th .path{display:block;font-weight:normal;font-size:.75em;color:#666}
td.rownum,th:first-child{width:2.5em;color:#888;text-align:right}
tr.low td.rownum{background:#ffe0b3}
td.gap{background:repeating-linear-gradient(45deg,#fafafa,#fafafa 6px,#f0f0f0 6px,#f0f0f0 12px)}
.meta{font-size:.75em;color:#888}
.status{border-radius:3px;padding:0 .3em;background:#e7f0ff;color:#234}.status.locked{background:#ddd;color:#000}
mark.hl{background:#ffe066;border-bottom:2px solid #e0a800}mark.sev-error{background:#ffc9c9;border-color:#e03131}
mark.sev-info{background:#e7f5ff;border-color:#74c0fc}
ul.findings{list-style:none;margin:.3em 0 0;padding:0}
li.finding{margin:.2em 0;padding:.2em .3em;border-left:4px solid #f59f00;background:#fff9db;font-size:.9em}
li.finding.sev-error{border-color:#e03131;background:#fff5f5}li.finding.sev-info{border-color:#74c0fc;background:#f1f8ff}
.badge{font-size:.75em;text-transform:uppercase;color:#555}.cat{color:#666;font-style:italic}
.where,.places{display:block;color:#888;font-size:.8em}details.consequences{font-size:.85em}q{font-family:ui-monospace,monospace}
[hidden]{display:none!important}
footer{margin-top:1em;border-top:1px solid #ccc;color:#555;font-size:.8em;overflow-wrap:anywhere}
li.finding{overflow-wrap:anywhere}
"""

JS = r"""
(function(){
  var form=document.getElementById('filters');
  function values(name){var out={};form.querySelectorAll('input[name="'+name+'"]').forEach(function(b){if(b.checked)out[b.value]=true;});return out;}
  function apply(){
    var cats=values('category'),sevs=values('severity'),lang=form.elements['lang'].value;
    var onlyRows=form.querySelector('input[name="rows"]').checked,shown={},n=0;
    document.querySelectorAll('.finding').forEach(function(f){
      var ok=cats[f.dataset.category]&&sevs[f.dataset.severity]&&(!lang||f.dataset.lang===lang);
      f.hidden=!ok;if(ok){n++;shown[f.dataset.findingId]=true;}
    });
    document.querySelectorAll('mark.hl').forEach(function(m){m.classList.toggle('off',!shown[m.dataset.for]);
      if(!shown[m.dataset.for]){m.style.background='none';m.style.borderBottom='none';}else{m.style.background='';m.style.borderBottom='';}});
    document.querySelectorAll('tr.row').forEach(function(r){r.hidden=onlyRows&&!r.querySelector('.finding:not([hidden])');});
    document.body.setAttribute('data-visible-findings',String(n));
    document.getElementById('visible-count').textContent=String(n);
  }
  function fromHash(){
    var h=decodeURIComponent((location.hash||'').replace(/^#/,''));if(!h)return;
    h.split('&').forEach(function(kv){var p=kv.split('='),k=p[0],v=(p[1]||'').split(',');
      if(k==='category'||k==='severity'){form.querySelectorAll('input[name="'+k+'"]').forEach(function(b){b.checked=v.indexOf(b.value)>=0;});}
      else if(k==='lang'){form.elements['lang'].value=v[0];}
      else if(k==='rows'){form.querySelector('input[name="rows"]').checked=(v[0]==='findings');}
    });
  }
  form.addEventListener('change',apply);
  window.addEventListener('hashchange',function(){fromHash();apply();});
  fromHash();apply();
})();
"""


def render(report: Any, *, color: bool = False) -> str:
    """The ``hexaglot.reports`` entry point (``color`` is for the text report only)."""
    return render_html(report)
