"""A self-contained side-by-side HTML page: one column per language.

Every cell carries its language (``lang``) and direction (``dir="rtl"`` for
Arabic); an empty cell is shown as a gap; rows below the review threshold are
marked (class ``review`` and a note in the score column). A language's cell
that merges what the pivot keeps apart spans the rows it covers
(``rowspan``, class ``spans`` and a note of how many rows). All text goes
through ``html.escape``. No scripts, no external resources.
"""

from __future__ import annotations

from html import escape

from aligner.align.confidence import REVIEW_BELOW
from aligner.model import RTL_LANGUAGES, Alignment

_STYLE = """
body { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; margin: 1em; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #ccc; padding: 0.4em; vertical-align: top; }
th { background: #eee; position: sticky; top: 0; }
td.ids { font-size: 0.75em; color: #666; display: block; }
td.score, th.score { width: 5em; text-align: right; }
tr.review { background: #fff2cc; }
td.gap { background: repeating-linear-gradient(45deg, #f6f6f6, #f6f6f6 6px, #e8e8e8 6px, #e8e8e8 12px); }
span.ids { display: block; font-size: 0.75em; color: #777; }
td.spans { border-left: 3px solid #7a9cc6; }
p.signature { font-size: 0.8em; color: #555; }
""".strip()


def _dir(lang: str) -> str:
    return "rtl" if lang in RTL_LANGUAGES else "ltr"


def render_html(alignment: Alignment) -> str:
    langs = alignment.languages
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           f"<title>hexaglot alignment ({escape(', '.join(langs))})</title>",
           f"<style>\n{_STYLE}\n</style>", "</head>", "<body>",
           f"<h1>Alignment, {escape(alignment.level)} level, pivot {escape(alignment.pivot)}</h1>",
           f"<p>{len(alignment.rows)} rows. Rows with a score below {REVIEW_BELOW} are marked for review;"
           " a hatched cell is a gap (nothing in that language); a cell with a blue edge spans"
           " several rows (that language merges what the pivot keeps apart).</p>",
           "<table>", "<thead><tr><th class=\"score\">score</th>"]
    out += [f'<th lang="{escape(lang)}" dir="{_dir(lang)}">{escape(lang)}</th>' for lang in langs]
    out.append("</tr></thead>")
    out.append("<tbody>")
    for n, row in enumerate(alignment.rows, start=1):
        review = row.score < REVIEW_BELOW
        cls = ' class="review"' if review else ""
        mark = " &#9888; review" if review else ""
        cells = [f'<tr id="row-{n}"{cls}><td class="score">{row.score:.2f}{mark}</td>']
        for lang in langs:
            cell = row.cells[lang]
            if cell.continues:
                continue  # covered by the spanning cell above
            if not cell.units:
                cells.append(f'<td class="gap" lang="{escape(lang)}" dir="{_dir(lang)}" title="gap"></td>')
                continue
            ids = escape(" ".join(cell.units))
            span = (f' rowspan="{cell.span}" class="spans" title="spans {cell.span} rows"' if cell.span > 1 else "")
            note = f" (spans {cell.span} rows)" if cell.span > 1 else ""
            cells.append(f'<td lang="{escape(lang)}" dir="{_dir(lang)}"{span}>{escape(cell.text)}'
                         f'<span class="ids" dir="ltr">{ids}{note}</span></td>')
        cells.append("</tr>")
        out.append("".join(cells))
    out += ["</tbody>", "</table>", f'<p class="signature">{escape(alignment.signature)}</p>', "</body>", "</html>"]
    return "\n".join(out) + "\n"
