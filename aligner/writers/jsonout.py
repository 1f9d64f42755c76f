"""The JSON form of an alignment: the interface other tools rely on.

``{"languages": [...], "pivot": "fr", "level": "paragraph", "rows": [{"score":
0.97, "cells": {"fr": {"units": ["op.9"], "lines": [97], "text": "..."}, ...}}],
"signature": "hexaglot 0.1.0 | align | level=paragraph | pivot=fr | langs=fr,en"}``
A language missing from a row has ``"units": [], "lines": [], "text": ""``.
Where a language merges what the pivot keeps apart, its cell spans the rows
(``"span": 2`` on the first) and the rows it covers have a cell that continues
it: ``{"units": [], "lines": [], "text": "", "continues": ["pp.3"]}``.
"""

from __future__ import annotations

import json

from aligner.model import Alignment, Cell


def cell_dict(cell: Cell) -> dict:
    out = {"units": list(cell.units), "lines": list(cell.lines), "text": cell.text}
    if cell.span > 1:
        out["span"] = cell.span
    if cell.continues:
        out["continues"] = list(cell.continues)
    return out


def alignment_dict(alignment: Alignment) -> dict:
    return {
        "languages": list(alignment.languages),
        "pivot": alignment.pivot,
        "level": alignment.level,
        "rows": [
            {"score": row.score,
             "cells": {lang: cell_dict(row.cells[lang]) for lang in alignment.languages}}
            for row in alignment.rows
        ],
        "signature": alignment.signature,
    }


def render_json(alignment: Alignment) -> str:
    return json.dumps(alignment_dict(alignment), ensure_ascii=False, indent=1) + "\n"
