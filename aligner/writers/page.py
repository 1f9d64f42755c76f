"""The look shared by hexaglot's HTML pages: an alignment (``align -o x.html``) and the QA report.

One stylesheet (``CSS``), one script (``JS``) and the parts of the aligned table both pages show:
a header per language naming its file, each cell's units and first line, Arabic right to left, a
gap hatched, a row of low alignment confidence marked (with a legend saying what the mark means),
italics rendered as italics. Both pages are self-contained (no external resource, work offline).

The script filters rows (only rows with findings, only rows to review, only rows with a gap) and
columns (the pivot beside one language) and, in the QA report, findings by category, severity
and language; every element of class ``n`` holds a count that follows the filters (the findings
that match its ``data-n-category``, ``data-n-severity``, ``data-n-lang``, an empty value meaning
any, and the current filters for a dimension it does not name). A URL fragment presets the
filters: ``#category=numbers,dates&severity=error&lang=en&rows=findings,review&cols=en``
(``#all`` shows everything); ``<body data-visible-findings="N" data-visible-rows="M">`` always
holds what is shown, so a headless browser's ``--dump-dom`` can prove the filters work.
"""

from __future__ import annotations

from html import escape
from typing import Any, Sequence

from aligner.align.confidence import REVIEW_BELOW
from aligner.model import RTL_LANGUAGES, Alignment, Cell, Row

#: The fonts every page asks for, CJK ones named so that Chinese is drawn by a font that has it
#: (Debian's fonts-wqy-zenhei or fonts-noto-cjk; Windows and macOS have their own).
FONTS = ('system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","WenQuanYi Zen Hei",'
         '"Microsoft YaHei","PingFang SC",sans-serif')


def e(value: Any) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return escape("" if value is None else str(value), quote=True)


def is_rtl(lang: str) -> bool:
    return lang.split("-")[0].lower() in RTL_LANGUAGES


def dir_attr(lang: str) -> str:
    return ' dir="rtl"' if is_rtl(lang) else ""


def page(title: str, body: Sequence[str], *, total_findings: int = 0) -> str:
    """A whole page: ``body``'s parts inside the shared head and script."""
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title>", f"<style>{CSS}</style>", "</head>",
        f'<body data-total-findings="{total_findings}" data-visible-findings="{total_findings}">',
        *body, f"<script>{JS}</script>", "</body>", "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def table_head(alignment: Alignment) -> str:
    """The header row: ``#`` then each language with its file's name."""
    docs = alignment.documents
    head = "".join(
        f'<th lang="{e(lang)}"{dir_attr(lang)} data-col="{e(lang)}">{e(lang)}'
        f'<span class="path" dir="ltr">{e(docs[lang].path if lang in docs else "")}</span></th>'
        for lang in alignment.languages
    )
    return f"<thead><tr><th>#</th>{head}</tr></thead>"


def row_open(index: int, row: Row, n_findings: int | None = None) -> str:
    """``<tr>`` of the ``index``-th row (0-based) and its row-number cell: ``low`` below the review
    threshold, ``gap`` when a language has nothing there, ``data-findings`` in the QA report."""
    low = row.score < REVIEW_BELOW
    classes = "row" + (" low" if low else "") + (" gap" if any(not c.units and not c.continues for c in row.cells.values()) else "")
    findings = "" if n_findings is None else f' data-findings="{n_findings}"'
    note = " (low: check this row is aligned right)" if low else ""
    return (f'<tr class="{classes}" id="row-{index + 1}"{findings}>'
            f'<td class="rownum" title="alignment confidence {row.score:.2f}{note}">{index + 1}</td>')


def gap_cell(lang: str, inner: str = "", continues: Sequence[str] = ()) -> str:
    """A cell with nothing of ``lang``, or one that a merge in the row above covers (``continues``:
    the ids of that merge), which is not a gap."""
    if continues:
        return (f'<td class="cell continues" lang="{e(lang)}"{dir_attr(lang)} data-col="{e(lang)}">'
                f'<div class="meta">(continues {e(" ".join(continues))} above)</div>{inner}</td>')
    return (f'<td class="cell gap" lang="{e(lang)}"{dir_attr(lang)} data-col="{e(lang)}">'
            f'<div class="meta">(nothing)</div>{inner}</td>')


def cell_meta(cell: Cell, status: str = "") -> str:
    """``op.9 · line 171``, and the CAT status of its units when there is one."""
    meta = f'{e(", ".join(cell.units))} · line {e(cell.lines[0] if cell.lines else "?")}'
    if status:
        locked = " locked" if "locked" in status else ""
        meta += f' <span class="status{locked}" data-status="{e(status)}">{e(status)}</span>'
    return f'<div class="meta" dir="ltr">{meta}</div>'


def text_cell(lang: str, cell: Cell, text_html: str, meta: str, inner: str = "", *, rowspan: bool = False) -> str:
    """A cell with text. A cell that merges what the pivot keeps apart (``cell.span`` > 1) says how
    many rows it covers, and with ``rowspan`` also spans them (the page then leaves out the
    covered rows' cells of that language)."""
    spans = cell.span > 1
    attrs = f' rowspan="{cell.span}"' if spans and rowspan else ""
    note = f'<div class="meta spans" dir="ltr">(spans {cell.span} rows)</div>' if spans else ""
    return (f'<td class="cell{" spans" if spans else ""}" lang="{e(lang)}"{dir_attr(lang)} data-col="{e(lang)}"'
            f'{attrs}>{meta}<div class="text">{text_html}</div>{note}{inner}</td>')


def italic_ranges(alignment: Alignment, lang: str, cell: Cell) -> tuple[tuple[int, int], ...]:
    """Where the cell's text is in italics (its units' ``italic`` spans, at their place in the
    cell's text, which joins the units' texts)."""
    doc = alignment.documents.get(lang)
    if doc is None:
        return ()
    ranges: list[tuple[int, int]] = []
    pos = 0
    for uid in cell.units:
        unit = doc.find(uid)
        if unit is None:
            continue
        at = cell.text.find(unit.text, pos) if unit.text else -1
        if at < 0:
            continue
        ranges += [(at + s.start, at + s.end) for s in unit.italic if s.end > s.start]
        pos = at + len(unit.text)
    return tuple(sorted(ranges))


def styled(text: str, start: int, end: int, italics: Sequence[tuple[int, int]]) -> str:
    """``text[start:end]`` escaped, its parts in italics wrapped in ``<i>``."""
    out, pos = [], start
    for i_start, i_end in italics:
        a, b = max(i_start, pos), min(i_end, end)
        if a >= b:
            continue
        out += [e(text[pos:a]), f"<i>{e(text[a:b])}</i>"]
        pos = b
    out.append(e(text[pos:end]))
    return "".join(out)


def legend(alignment: Alignment) -> str:
    """What the marks on rows mean (only the marks the page shows)."""
    rows = alignment.rows
    parts = []
    low = sum(1 for r in rows if r.score < REVIEW_BELOW)
    if low:
        parts.append(f'<span class="key low">12</span> row number on orange: the versions in that row were '
                     f"aligned with low confidence (below {REVIEW_BELOW}; {low} of {len(rows)} rows): check "
                     "they say the same thing before trusting what is reported there")
    if any(not c.units and not c.continues for r in rows for c in r.cells.values()):
        parts.append('<span class="key gap">&#160;&#160;&#160;</span> hatched cell: nothing in that language there')
    if any(c.span > 1 for r in rows for c in r.cells.values()):
        parts.append('<span class="key spans">&#160;&#160;&#160;</span> blue left edge: that version merges what '
                     "the pivot keeps apart, and its cell covers several rows")
    return f'<p class="legend">{"<br>".join(parts)}</p>' if parts else ""


def row_filters(alignment: Alignment, *, findings: bool) -> str:
    """The fieldset filtering rows and columns (the QA report adds its findings' filters)."""
    rows = [("review", "only rows to review")] if any(r.score < REVIEW_BELOW for r in alignment.rows) else []
    rows.append(("gaps", "only rows with a gap"))
    if findings:
        rows.insert(0, ("findings", "only rows with findings"))
    boxes = "".join(f'<label><input type="checkbox" name="rows" value="{v}"> {label}</label>' for v, label in rows)
    others = [lang for lang in alignment.languages if lang != alignment.pivot]
    options = ['<option value="">all languages</option>'] + [
        f'<option value="{e(lang)}">{e(alignment.pivot)} and {e(lang)}</option>' for lang in others]
    return (f'<fieldset><legend>Rows and columns</legend>{boxes}'
            f'<label>columns <select name="cols">{"".join(options)}</select></label></fieldset>')


CSS = """
body{font-family:%s;margin:1em;color:#222;background:#fff}
h1{font-size:1.4em;margin:.2em 0}h2{font-size:1.1em}h3{font-size:1em;margin:.6em 0 .2em}
header ul.documents{columns:3;font-size:.85em;color:#555}
ul.notices{background:#fff8d6;border:1px solid #e6d28a;padding:.4em 1.6em;font-size:.9em}
#filters{display:flex;flex-wrap:wrap;gap:.6em;margin:.4em 0}
#filters fieldset{border:1px solid #ccc;border-radius:4px;padding:.2em .6em}
#filters label{margin-right:.8em;white-space:nowrap;font-size:.9em}
.count{color:#777}.counter{font-weight:600}.n.zero{color:#bbb}
.legend{font-size:.85em;color:#444}.key{display:inline-block;min-width:2em;text-align:right;padding:0 .2em;color:#888}
.key.low{background:#ffe0b3}.key.gap{background:repeating-linear-gradient(45deg,#fafafa,#fafafa 6px,#e0e0e0 6px,#e0e0e0 12px)}
#summary{display:flex;flex-wrap:wrap;gap:1.2em;align-items:flex-start}
table.counts{border-collapse:collapse;font-size:.85em}
table.counts th,table.counts td{border:1px solid #ddd;padding:.15em .5em;text-align:right}
table.counts th{background:#f1f3f5}table.counts tr.all td,table.counts td.all{font-weight:600}
ol.in-order{font-size:.85em;margin:.2em 0;padding-left:2.2em;max-height:24em;overflow:auto}
ol.in-order li{margin:.1em 0}ol.in-order li.sev-error b{color:#c92a2a}
table.aligned{border-collapse:collapse;width:100%%;table-layout:fixed}
table.aligned th,table.aligned td{border:1px solid #ddd;vertical-align:top;padding:.3em .4em;font-size:.85em;
 overflow-wrap:anywhere}
table.aligned th{background:#f1f3f5;position:sticky;top:0;z-index:1}
tr.row{scroll-margin-top:4em}tr.row:target td{outline:2px solid #339af0}
th .path{display:block;font-weight:normal;font-size:.75em;color:#666}
td.rownum,th:first-child{width:2.5em;color:#888;text-align:right}
tr.low td.rownum{background:#ffe0b3}
td.gap{background:repeating-linear-gradient(45deg,#fafafa,#fafafa 6px,#f0f0f0 6px,#f0f0f0 12px)}
td.spans,.key.spans{border-left:3px solid #7a9cc6}td.continues{color:#888;border-left:3px solid #7a9cc6}
.meta{font-size:.75em;color:#888}
.status{border-radius:3px;padding:0 .3em;background:#e7f0ff;color:#234}.status.locked{background:#ddd;color:#000}
mark.hl{background:#ffe066;border-bottom:2px solid #e0a800;color:inherit}
mark.sev-error{background:#ffc9c9;border-color:#e03131}mark.sev-info{background:#e7f5ff;border-color:#74c0fc}
mark.hl.off{background:transparent;border-bottom:0;font-weight:inherit;color:inherit}
ul.findings{list-style:none;margin:.3em 0 0;padding:0}
li.finding{margin:.2em 0;padding:.2em .3em;border-left:4px solid #f59f00;background:#fff9db;font-size:.9em;
 overflow-wrap:anywhere}
li.finding.sev-error{border-color:#e03131;background:#fff5f5}li.finding.sev-info{border-color:#74c0fc;background:#f1f8ff}
.badge{font-size:.75em;text-transform:uppercase;color:#555}.cat{color:#666;font-style:italic}
.where,.places{display:block;color:#888;font-size:.8em}details.consequences{font-size:.85em}q{font-family:ui-monospace,monospace}
[hidden]{display:none!important}
footer{margin-top:1em;border-top:1px solid #ccc;color:#555;font-size:.8em;overflow-wrap:anywhere}
""" % FONTS

JS = r"""
(function(){
  var form=document.getElementById('filters');if(!form)return;
  var findings=[].slice.call(document.querySelectorAll('.finding'));
  var DIMS=['category','severity','lang'];
  function boxes(name){return [].slice.call(form.querySelectorAll('input[name="'+name+'"]'));}
  function checked(name){var b=boxes(name);if(!b.length)return null;var out={};b.forEach(function(x){if(x.checked)out[x.value]=true;});return out;}
  function pick(name){return form.elements[name]?form.elements[name].value:'';}
  function state(){return {category:checked('category'),severity:checked('severity'),lang:pick('lang'),rows:checked('rows')||{},cols:pick('cols')};}
  function matches(f,s,fixed){
    for(var i=0;i<DIMS.length;i++){var d=DIMS[i],v=f.getAttribute('data-'+d);
      if(fixed&&fixed.hasOwnProperty(d)){if(fixed[d]!==''&&fixed[d]!==v)return false;}
      else if(d==='lang'){if(s.lang&&s.lang!==v)return false;}
      else if(s[d]&&!s[d][v])return false;}
    return true;
  }
  function apply(){
    var s=state(),shown={},n=0,rows=0;
    findings.forEach(function(f){var ok=matches(f,s,null);f.hidden=!ok;if(ok){n++;shown[f.getAttribute('data-finding-id')]=true;}});
    document.querySelectorAll('[data-ref]').forEach(function(x){x.hidden=!shown[x.getAttribute('data-ref')];});
    document.querySelectorAll('.group').forEach(function(g){g.hidden=!g.querySelector('[data-ref]:not([hidden])');});
    document.querySelectorAll('mark.hl').forEach(function(m){m.classList.toggle('off',!shown[m.getAttribute('data-for')]);});
    document.querySelectorAll('.n').forEach(function(c){
      var fixed={},k=0;DIMS.forEach(function(d){if(c.hasAttribute('data-n-'+d))fixed[d]=c.getAttribute('data-n-'+d);});
      findings.forEach(function(f){if(matches(f,s,fixed))k++;});
      if(c.tagName==='OPTION'){c.textContent=c.getAttribute('data-label')+' ('+k+')';}else{c.textContent=String(k);}
      c.classList.toggle('zero',k===0);
    });
    var pivot=form.getAttribute('data-pivot')||'';
    document.querySelectorAll('[data-col]').forEach(function(x){var l=x.getAttribute('data-col');x.hidden=!!s.cols&&l!==s.cols&&l!==pivot;});
    document.querySelectorAll('tr.row').forEach(function(r){
      var hide=(s.rows.findings&&!r.querySelector('.finding:not([hidden])'))||(s.rows.review&&!r.classList.contains('low'))
        ||(s.rows.gaps&&!r.querySelector('td.gap:not([hidden])'));
      r.hidden=!!hide;if(!hide)rows++;
    });
    document.body.setAttribute('data-visible-findings',String(n));
    document.body.setAttribute('data-visible-rows',String(rows));
    var counter=document.getElementById('visible-count');if(counter)counter.textContent=String(n);
    var shownRows=document.getElementById('visible-rows');if(shownRows)shownRows.textContent=String(rows);
  }
  function fromHash(){
    var h=decodeURIComponent((location.hash||'').replace(/^#/,''));if(h.indexOf('=')<0&&h!=='all')return;
    h.split('&').forEach(function(kv){var p=kv.split('='),k=p[0],v=(p[1]||'').split(',');
      if(k==='all'){['category','severity'].forEach(function(n){boxes(n).forEach(function(b){b.checked=true;});});
        boxes('rows').forEach(function(b){b.checked=false;});['lang','cols'].forEach(function(n){if(form.elements[n])form.elements[n].value='';});}
      else if(k==='category'||k==='severity'||k==='rows'){boxes(k).forEach(function(b){b.checked=v.indexOf(b.value)>=0;});}
      else if((k==='lang'||k==='cols')&&form.elements[k]){form.elements[k].value=v[0];}
    });
  }
  form.addEventListener('change',apply);
  window.addEventListener('hashchange',function(){fromHash();apply();});
  document.addEventListener('click',function(ev){var a=ev.target.closest&&ev.target.closest('a[href^="#"]');
    if(a&&a.getAttribute('href')===location.hash){fromHash();apply();}});
  fromHash();apply();
})();
"""
