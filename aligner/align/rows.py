"""Several versions into rows: each version aligned to the pivot, then joined.

A row holds one pivot item, or one version's items with no pivot counterpart
(an inserted note, right after the pivot item they follow); a language
missing from a row has an empty cell. Where a version's bead takes several
consecutive pivot items (the English pp.3 translating the French pp.3 and
pp.4), the pivot's rows stay as they are, so that every other version keeps
its own pp.3 and pp.4 rows: the merging version's cell sits in the first row
and spans the others (``Cell.span``), which hold a cell that continues it
(``Cell.continues``). Only pivot items a bead takes out of order (footnotes,
aligned in the order of their numbers) are joined into one row, and, when two
versions are aligned alone, the pivot items of any bead: there is no other
version to keep apart, and a bead is a row (a translation unit in TMX). A row's
score is the lowest confidence of the beads it is part of.

Each target's own beads (identical whatever other versions are aligned) are
kept as two-cell rows in ``Alignment.pair_rows``: there a merge is one pair.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Mapping, Sequence

from aligner.align.beads import Bead
from aligner.align.items import Item
from aligner.align.pair import pair_items
from aligner.align.version import tool_version
from aligner.errors import InputError
from aligner.model import Alignment, Cell, Document, Row


def signature(languages: Sequence[str], pivot: str, level: str) -> str:
    return f"hexaglot {tool_version()} | align | level={level} | pivot={pivot} | langs={','.join(languages)}"


def _find(parent: list[int], k: int) -> int:
    while parent[k] != k:
        parent[k] = parent[parent[k]]
        k = parent[k]
    return k


def items_cell(items: Sequence[Item], indices, lang: str, singles: dict | None = None) -> Cell:
    """The cell holding ``items[k]`` for each k of ``indices``, in document order, text joined as ``lang`` writes.

    ``singles``: the one-item cells made so far for ``items``, by index (a cell is
    frozen: the pivot's serve its row and every version's pair rows)."""
    if len(indices) == 1:  # most cells: one item, as it is
        k = indices[0]
        if singles is not None:
            cell = singles.get(k)
            if cell is None:
                item = items[k]
                cell = singles[k] = Cell(units=(item.id,), lines=tuple(sorted(set(item.lines))), text=item.text)
            return cell
        item = items[k]
        return Cell(units=(item.id,), lines=tuple(sorted(set(item.lines))), text=item.text)
    chosen = [items[k] for k in sorted(set(indices))]
    joiner = "" if lang in ("zh", "ja") else " "
    lines = sorted({line for it in chosen for line in it.lines})
    return Cell(units=tuple(it.id for it in chosen), lines=tuple(lines), text=joiner.join(it.text for it in chosen))


def _consecutive(indices) -> bool:
    return all(b == a + 1 for a, b in zip(indices, indices[1:]))


def join_cells(cells: Sequence[Cell], lang: str) -> Cell:
    """Cells of consecutive rows as one cell (a span's pivot cells, for its pair), text joined as ``lang`` writes."""
    held = [c for c in cells if c.units]
    joiner = "" if lang in ("zh", "ja") else " "
    return Cell(units=tuple(u for c in held for u in c.units), lines=tuple(sorted({ln for c in held for ln in c.lines})),
                text=joiner.join(c.text for c in held))


def span_pairs(rows: Sequence[Row], pivot: str, lang: str) -> tuple[Row, ...]:
    """``lang``'s pairs with the pivot read from joined rows: one per row where
    either has units, a spanning cell with the pivot cells of all the rows it
    spans (the aligner's ``pair_rows`` when the rows hold these two languages)."""
    out = []
    for k, row in enumerate(rows):
        cell, source = row.cells[lang], row.cells[pivot]
        if cell.continues:
            continue  # part of the spanning cell's pair
        if cell.span > 1:
            source = join_cells([r.cells[pivot] for r in rows[k:k + cell.span]], pivot)
            cell = replace(cell, span=1)
        if source.units or cell.units:
            out.append(Row(cells={pivot: source, lang: cell}, score=row.score))
    return tuple(out)


def check_documents(documents: Sequence[Document]) -> None:
    if len(documents) < 2:
        raise InputError(documents[0].path if documents else "align", "alignment needs at least two documents")
    seen: dict[str, str] = {}
    for doc in documents:
        if doc.lang in seen:
            raise InputError(doc.path, f"is in the same language ({doc.lang}) as {seen[doc.lang]}; "
                                       "give one version per language (or set --lang)")
        seen[doc.lang] = doc.path


def align_documents(documents: Sequence[Document], level: str = "paragraph",
                    lexicon: Mapping[str, Sequence[tuple[str, str]]] | None = None) -> Alignment:
    """Align ``documents`` (the first one is the pivot) into rows.

    ``lexicon``: optional glossary pairs per target language,
    ``{"en": [(pivot term, English term), ...]}``, used as extra shared keys.
    """
    check_documents(documents)
    pivot = documents[0]
    languages = tuple(d.lang for d in documents)
    pairs: list[tuple[list[Item], list[Item], list[Bead]]] = []
    # what is read of the pivot alone, once for all the versions (one version: nothing to keep)
    read: dict | None = {} if len(documents) > 2 else None
    for doc in documents[1:]:
        glossary = tuple((lexicon or {}).get(doc.lang, ()))
        pairs.append(pair_items(pivot, doc, level, glossary, pivot=read))
    pivot_items = pairs[0][0]
    parent = list(range(len(pivot_items)))
    alone = len(pairs) == 1  # two versions: no other version keeps a merge's pivot items apart
    for _, _, beads in pairs:
        for bead in beads:
            # one row for a bead taken out of order (a span could cross other rows), and for any
            # bead of two versions aligned alone (a bead is then a row, as a TMX unit is)
            if alone and len(bead.src) > 1 or not _consecutive(bead.src):
                for k in bead.src[1:]:
                    a, b = _find(parent, bead.src[0]), _find(parent, k)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
    groups: dict[int, dict] = {}
    for k in range(len(pivot_items)):
        root = _find(parent, k)
        group = groups.setdefault(root, {"key": (float(k), 0, 0, 0), "pivot": [], "cells": {}, "score": 1.0})
        group["pivot"].append(k)
    spans: list[tuple[str, int, int]] = []  # (language, first, last pivot item) of a bead spanning rows
    extra: list[dict] = []
    for order, ((_, tgt_items, beads), doc) in enumerate(zip(pairs, documents[1:])):
        last = -1.0
        for n, bead in enumerate(beads):
            if bead.src:
                # a target unit goes to the row of its bead's first pivot unit;
                # the bead's other pivot units keep their rows, covered by a span
                group = groups[_find(parent, min(bead.src))]
                group["cells"].setdefault(doc.lang, []).extend(bead.tgt)
                for k in bead.src:
                    covered = groups[_find(parent, k)]
                    covered["score"] = min(covered["score"], bead.score)
                if bead.tgt and _find(parent, min(bead.src)) != _find(parent, max(bead.src)):
                    spans.append((doc.lang, min(bead.src), max(bead.src)))
                last = float(max(bead.src))
            else:
                # insertions after the same pivot unit: by language, then in order
                extra.append({"key": (last + 0.5, 1, order, n), "pivot": [], "cells": {doc.lang: list(bead.tgt)},
                              "score": bead.score, "lang": doc.lang})
    items_by_lang = {pivot.lang: pivot_items}
    items_by_lang.update({doc.lang: tgt for (_, tgt, _), doc in zip(pairs, documents[1:])})
    ordered = sorted(list(groups.values()) + extra, key=lambda g: g["key"])
    cells_of: list[dict[str, Cell]] = []
    row_of: dict[int, int] = {}
    singles: dict[str, dict[int, Cell]] = {lang: {} for lang in languages}
    for r, group in enumerate(ordered):
        cells = {pivot.lang: items_cell(pivot_items, group["pivot"], pivot.lang, singles[pivot.lang])}
        for lang in languages[1:]:
            cells[lang] = items_cell(items_by_lang[lang], group["cells"].get(lang, ()), lang, singles[lang])
        cells_of.append(cells)
        row_of.update((k, r) for k in group["pivot"])
    for lang, first, last in spans:
        top, bottom = row_of[first], row_of[last]
        cell = cells_of[top][lang]
        covered = top
        # a row between that holds this language's own units (never seen: beads
        # are in order) would end the span there rather than be overwritten
        while covered < bottom and not cells_of[covered + 1][lang].units:
            covered += 1
            cells_of[covered][lang] = Cell(units=(), lines=(), text="", continues=cell.units)
        cells_of[top][lang] = replace(cell, span=covered - top + 1)
    rows = [Row(cells=cells, score=round(group["score"], 4)) for cells, group in zip(cells_of, ordered)]
    pair_rows = {}
    for (_, tgt_items, beads), doc in zip(pairs, documents[1:]):
        pair_rows[doc.lang] = tuple(Row(cells={pivot.lang: items_cell(pivot_items, b.src, pivot.lang, singles[pivot.lang]),
                                               doc.lang: items_cell(tgt_items, b.tgt, doc.lang, singles[doc.lang])},
                                        score=round(b.score, 4))
                                    for b in beads)
    return Alignment(languages=languages, pivot=pivot.lang, level=level, rows=tuple(rows),
                     documents={d.lang: d for d in documents}, signature=signature(languages, pivot.lang, level),
                     pair_rows=pair_rows)
