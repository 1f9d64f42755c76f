"""Several versions into rows: each version aligned to the pivot, then joined.

Pivot items that any version puts in one bead share a row (union-find), so a
row is the smallest pivot group every version agrees on. A version's items
with no pivot counterpart (an inserted note) get a row of their own, right
after the pivot item they follow; a language missing from a row has an empty
cell. A row's score is the lowest confidence of the beads it is made of.

A row may span several pivot items when one version merges what another keeps
apart, but it never separates a target item from the pivot items of its bead;
each target's own beads (identical whatever other versions are aligned) are
kept as two-cell rows in ``Alignment.pair_rows``.
"""

from __future__ import annotations

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


def items_cell(items: Sequence[Item], indices, lang: str) -> Cell:
    """The cell holding ``items[k]`` for each k of ``indices``, in document order, text joined as ``lang`` writes."""
    chosen = [items[k] for k in sorted(set(indices))]
    joiner = "" if lang in ("zh", "ja") else " "
    lines = sorted({line for it in chosen for line in it.lines})
    return Cell(units=tuple(it.id for it in chosen), lines=tuple(lines), text=joiner.join(it.text for it in chosen))


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
    for doc in documents[1:]:
        glossary = tuple((lexicon or {}).get(doc.lang, ()))
        pairs.append(pair_items(pivot, doc, level, glossary))
    pivot_items = pairs[0][0]
    parent = list(range(len(pivot_items)))
    for _, _, beads in pairs:
        for bead in beads:
            for k in bead.src[1:]:
                a, b = _find(parent, bead.src[0]), _find(parent, k)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups: dict[int, dict] = {}
    for k in range(len(pivot_items)):
        root = _find(parent, k)
        group = groups.setdefault(root, {"key": (float(k), 0, 0, 0), "pivot": [], "cells": {}, "score": 1.0})
        group["pivot"].append(k)
    extra: list[dict] = []
    for order, ((_, tgt_items, beads), doc) in enumerate(zip(pairs, documents[1:])):
        last = -1.0
        for n, bead in enumerate(beads):
            if bead.src:
                # every unit of a bead goes to the row of its pivot units (unioned
                # above): a target unit is never apart from the pivot unit it pairs
                group = groups[_find(parent, bead.src[0])]
                group["cells"].setdefault(doc.lang, []).extend(bead.tgt)
                group["score"] = min(group["score"], bead.score)
                last = float(max(bead.src))
            else:
                # insertions after the same pivot unit: by language, then in order
                extra.append({"key": (last + 0.5, 1, order, n), "pivot": [], "cells": {doc.lang: list(bead.tgt)},
                              "score": bead.score, "lang": doc.lang})
    items_by_lang = {pivot.lang: pivot_items}
    items_by_lang.update({doc.lang: tgt for (_, tgt, _), doc in zip(pairs, documents[1:])})
    rows = []
    for group in sorted(list(groups.values()) + extra, key=lambda g: g["key"]):
        cells = {pivot.lang: items_cell(pivot_items, group["pivot"], pivot.lang)}
        for lang in languages[1:]:
            cells[lang] = items_cell(items_by_lang[lang], group["cells"].get(lang, ()), lang)
        rows.append(Row(cells=cells, score=round(group["score"], 4)))
    pair_rows = {}
    for (_, tgt_items, beads), doc in zip(pairs, documents[1:]):
        pair_rows[doc.lang] = tuple(Row(cells={pivot.lang: items_cell(pivot_items, b.src, pivot.lang),
                                               doc.lang: items_cell(tgt_items, b.tgt, doc.lang)}, score=round(b.score, 4))
                                    for b in beads)
    return Alignment(languages=languages, pivot=pivot.lang, level=level, rows=tuple(rows),
                     documents={d.lang: d for d in documents}, signature=signature(languages, pivot.lang, level),
                     pair_rows=pair_rows)
