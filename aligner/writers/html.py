"""An alignment as one self-contained HTML page, with the QA report's look (``aligner.writers.page``).

One column per language (``lang``; ``dir="rtl"`` for Arabic), headed by the language and its
file's name; each cell gives its units and first line in the file; an empty cell is a hatched
gap; a row below the review threshold has its number on orange (a legend says so) and its
confidence in the number's tooltip; italics are rendered. Filters: only rows to review, only rows
with a gap, the pivot beside one language (``x.html#rows=review&cols=en``). A language's cell that
merges what the pivot keeps apart spans the rows it covers (``rowspan``, class ``spans`` and a note
of how many rows). All text is escaped.
"""

from __future__ import annotations

from aligner.model import Alignment
from aligner.writers.page import (cell_meta, e, gap_cell, italic_ranges, legend, page, row_filters, row_open,
                                  styled, table_head, text_cell)


def render_html(alignment: Alignment) -> str:
    langs = alignment.languages
    rows = []
    for i, row in enumerate(alignment.rows):
        cells = [row_open(i, row)]
        for lang in langs:
            cell = row.cells[lang]
            if cell.continues:
                continue  # covered by the spanning cell above
            if not cell.units:
                cells.append(gap_cell(lang))
                continue
            text = styled(cell.text, 0, len(cell.text), italic_ranges(alignment, lang, cell))
            cells.append(text_cell(lang, cell, text, cell_meta(cell), rowspan=True))
        rows.append("".join(cells) + "</tr>")
    n = len(alignment.rows)
    header = (
        f"<header><h1>Alignment, {e(alignment.level)} level, pivot {e(alignment.pivot)}</h1>"
        f'<form id="filters" data-pivot="{e(alignment.pivot)}" onsubmit="return false">'
        f"{row_filters(alignment, findings=False)}</form>"
        f'<p class="counter">Showing <span id="visible-rows">{n}</span> of {n} rows.</p>'
        f"{legend(alignment)}</header>"
    )
    table = f'<table class="aligned">{table_head(alignment)}<tbody>{"".join(rows)}</tbody></table>'
    footer = f'<footer><p class="signature">{e(alignment.signature)}</p></footer>'
    return page(f"hexaglot alignment ({', '.join(langs)})", [header, table, footer])
