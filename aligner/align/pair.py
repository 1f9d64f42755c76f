"""Aligning two documents: ``align_pair``.

Paragraph level: each stream (body, footnotes) is aligned on its own; in
structured documents, operative and footnote numbers and the title give
anchors, kept only where the evidence agrees (see ``anchors``). Sentence
level: paragraphs first, then the sentences inside each aligned paragraph
group, with the lexicon learned at paragraph level. Pre-segmented (lines)
input is aligned segment by segment directly, with sentence-level beads.
"""

from __future__ import annotations

import math
from dataclasses import replace
from functools import lru_cache
from typing import Sequence

from aligner.align.anchors import (fill_gaps, key_positions, lexical_anchors, longest_chain, same_key_pairs,
                                   structure_anchors)
from aligner.align.beads import PARAGRAPH_BEADS, SENTENCE_BEADS, Bead
from aligner.align.confidence import paragraph_scores
from aligner.align.dp import band_from_anchors
from aligner.align.cost import PARAGRAPH_PRIORS, CostModel, CostParams, estimate_length_model
from aligner.align.features import Segment, segment
from aligner.align.items import Item, paragraph_items, sentence_items, structure_key
from aligner.align.lexicon import glossary_keys, learn_lexicon, with_lexicon
from aligner.align.segments import align_segments, is_long
from aligner.model import Document

LEVELS: tuple[str, ...] = ("paragraph", "sentence")
#: Length-cost cap of a null bead between paragraphs of structured documents.
PARAGRAPH_NULL_COST = 0.5
#: Shared-key ratio above which two same-numbered paragraphs count as sharing
#: evidence (a doubted anchor is then confirmed by the numbering around it).
MIN_SHARED = 0.2


def paragraph_params(params: CostParams) -> CostParams:
    """Costs between paragraphs of structured documents.

    Paragraphs are long: a capped Gale-Church length cost keeps an omitted
    paragraph or an inserted note cheaper than a wrong merge. And a 1-1 pair's
    length cost is capped at what its two null beads (1-0 + 0-1) would cost,
    plus one nat: a paragraph cut in half or given an extra clause is still
    paired with its original whenever the two share any evidence (numbers,
    names, symbols, learned words, the anchor of their number); only two
    paragraphs that share nothing become a gap each. Every key counts once: a
    resolution's recurring names and symbols are what its paragraphs share
    (``CostParams.common_key_share`` and ``rare_key_weight`` were measured on
    sentences only).
    """
    prior = {shape: -math.log(p) for shape, p in PARAGRAPH_PRIORS.items()}
    nulls = prior[(1, 0)] + prior[(0, 1)] + 2 * PARAGRAPH_NULL_COST
    return replace(params, null_cost=PARAGRAPH_NULL_COST, priors=PARAGRAPH_PRIORS,
                   match_cost=nulls - prior[(1, 1)] + 1.0, common_key_share=1.0,
                   rare_key_weight=1, weak_boundary=0.0)


@lru_cache(maxsize=4096)
def _segment(text: str, role: str) -> Segment:
    """``segment``, cached: the pivot's paragraphs are read once for all the
    versions aligned with it (a ``Segment`` is frozen, so sharing is safe)."""
    return segment(text, role)


def _segments(items: Sequence[Item]) -> list[Segment]:
    return [_segment(it.text, it.role) for it in items]


def _is_lines(doc: Document) -> bool:
    return doc.input_format == "lines" or all(u.role == "segment" for u in doc.units)


def stream_side(items: Sequence[Item], stream: str, structured: bool) -> tuple[list[int], list[Segment], list | None]:
    """What the aligner reads of one document's stream: the items' indices (footnotes in
    number order: footnote blocks move around pages), their segments and, in
    structured documents, their structural keys (``op.9``). The pivot's are read once
    for all the versions aligned with it (``pair_items``' ``pivot``)."""
    idx = [k for k, it in enumerate(items) if it.stream == stream]
    if stream == "notes":  # footnote blocks move around pages: their numbers give the order
        idx.sort(key=lambda k: (items[k].number is None, items[k].number or 0, k))
    chosen = [items[k] for k in idx]
    return idx, _segments(chosen), [structure_key(it) for it in chosen] if structured else None


def _stream_beads(src_side, tgt_side, shapes, structured: bool, glossary: Sequence[tuple[str, str]],
                  params: CostParams, src_read: dict | None):
    s_idx, segs_s, keys_s = src_side
    t_idx, segs_t, keys_t = tgt_side
    segs_s, segs_t = glossary_keys(segs_s, segs_t, glossary)
    anchors: list[tuple[int, int]] = []
    probe = None
    lexical = None
    if is_long(len(segs_s), len(segs_t)):
        # found once for the probe's band and the first pass's; the source's key
        # positions once for every version (``src_read``), unless a glossary adds keys
        positions = None
        if src_read is not None and not glossary:
            positions = src_read.get("positions")
            if positions is None:
                positions = src_read["positions"] = key_positions(segs_s)
        lexical = lexical_anchors(segs_s, segs_t, src_positions=positions)
    if structured and segs_s and segs_t:
        # the probe only costs same-numbered pairs and their neighbours: shared
        # keys are counted along those pairs, not over the whole matrix
        candidates = longest_chain(same_key_pairs(keys_s, keys_t))
        if lexical is not None:  # where the numbering stops or restarts, the words place the band
            candidates = fill_gaps(candidates, lexical)
        band = band_from_anchors(candidates, len(segs_s), len(segs_t), margin=2, diagonal=True) if candidates else None
        probe = CostModel(segs_s, segs_t, estimate_length_model(segs_s, segs_t), params, band=band, probe=True)
        costed: dict[tuple[int, int], float] = {}  # neighbouring anchors ask for the same pairs

        def pair_cost(i: int, j: int) -> float:
            value = costed.get((i, j))
            if value is None:
                value = costed[(i, j)] = probe.cost(i, i + 1, j, j + 1)
            return value

        anchors = structure_anchors(segs_s, segs_t, keys_s, keys_t, pair_cost,
                                    shares=lambda i, j: probe.lexical(i, i + 1, j, j + 1)[1] >= MIN_SHARED)
    scorer = (lambda model, path: paragraph_scores(model, path, anchors)) if structured else None
    beads = align_segments(segs_s, segs_t, shapes, anchors=anchors, params=params, scorer=scorer, like=probe,
                           lexical=lexical, shared=None if glossary else src_read)
    return [Bead(src=tuple(s_idx[i] for i in b.src), tgt=tuple(t_idx[j] for j in b.tgt), score=b.score, cost=b.cost)
            for b in beads], \
        segs_s, segs_t, s_idx, t_idx


def document_order(beads: Sequence[Bead]) -> list[Bead]:
    """One stream's beads sorted by their first source index; a bead with no
    source item stays right after the source item that precedes it."""
    keyed = []
    last = -1.0
    for n, bead in enumerate(beads):
        if bead.src:
            last = float(bead.src[-1])
            keyed.append(((float(bead.src[0]), n), bead))
        else:
            keyed.append(((last + 0.5, n), bead))
    return [b for _, b in sorted(keyed, key=lambda kb: kb[0])]


def pair_items(src: Document, tgt: Document, level: str = "paragraph",
               glossary: Sequence[tuple[str, str]] = (), params: CostParams = CostParams(),
               pivot: dict | None = None) -> tuple[list[Item], list[Item], list[Bead]]:
    """Items of both documents at ``level`` and the beads (indices into them).

    ``pivot``: a dict kept by the caller across the versions aligned with the
    same ``src`` (``rows.align_documents``): what is read of ``src`` alone (its
    items, each stream's segments, structural keys, key positions and the
    lexicon's word classes) is read once and kept there. Without it (one
    version) nothing is kept beyond what the pair needs.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    lines = _is_lines(src) and _is_lines(tgt)
    keep = pivot is not None
    if pivot is None:
        pivot = {}
    if pivot.get("document") is not src:
        pivot.clear()
        pivot["document"] = src
        pivot["items"] = paragraph_items(src)
    src_par, tgt_par = pivot["items"], paragraph_items(tgt)
    shapes = SENTENCE_BEADS if lines else PARAGRAPH_BEADS
    par_params = params
    if not lines:
        par_params = paragraph_params(params)
    sentences = level == "sentence" and not lines
    par_beads: list[Bead] = []
    lexicon_links, all_s, all_t = [], [], []
    for stream in ("body", "notes"):
        src_read = pivot.get((stream, lines))
        if src_read is None:
            src_read = pivot[(stream, lines)] = {"side": stream_side(src_par, stream, not lines)}
        beads, segs_s, segs_t, s_idx, t_idx = _stream_beads(src_read["side"], stream_side(tgt_par, stream, not lines),
                                                            shapes, not lines, glossary, par_params,
                                                            src_read if keep else None)
        # each stream restarts the "previous source item" used to place insertions
        par_beads.extend(document_order(beads))
        if sentences:  # the paragraph beads teach the sentence level its lexicon
            offset_s, offset_t = len(all_s), len(all_t)
            all_s.extend(segs_s)
            all_t.extend(segs_t)
            pos_s = {k: offset_s + n for n, k in enumerate(s_idx)}
            pos_t = {k: offset_t + n for n, k in enumerate(t_idx)}
            lexicon_links += [([pos_s[i] for i in b.src], [pos_t[j] for j in b.tgt]) for b in beads]
    if not sentences:
        return src_par, tgt_par, par_beads
    lexicon = learn_lexicon(all_s, all_t, lexicon_links)
    src_sent: list[Item] = []
    tgt_sent: list[Item] = []
    first_s = {}
    first_t = {}
    for k in range(len(src.units)):
        first_s[k] = len(src_sent)
        src_sent.extend(sentence_items(src, k))
    for k in range(len(tgt.units)):
        first_t[k] = len(tgt_sent)
        tgt_sent.extend(sentence_items(tgt, k))
    count_s = {k: len(sentence_items(src, k)) for k in range(len(src.units))}
    count_t = {k: len(sentence_items(tgt, k)) for k in range(len(tgt.units))}
    out: list[Bead] = []
    for bead in par_beads:
        s_idx = [first_s[u] + n for u in bead.src for n in range(count_s[u])]
        t_idx = [first_t[u] + n for u in bead.tgt for n in range(count_t[u])]
        segs_s = _segments([src_sent[k] for k in s_idx])
        segs_t = _segments([tgt_sent[k] for k in t_idx])
        if lexicon:
            segs_s, segs_t = with_lexicon(segs_s, segs_t, lexicon)
        segs_s, segs_t = glossary_keys(segs_s, segs_t, glossary)
        inner = align_segments(segs_s, segs_t, SENTENCE_BEADS, params=params, learn=False)
        for b in inner:
            out.append(Bead(src=tuple(s_idx[i] for i in b.src), tgt=tuple(t_idx[j] for j in b.tgt),
                            score=min(b.score, bead.score), cost=b.cost))
    return src_sent, tgt_sent, out


def align_pair(src: Document, tgt: Document, level: str = "paragraph",
               glossary: Sequence[tuple[str, str]] = ()) -> list[Bead]:
    """Beads between two documents, with item ids filled in (``op.9``,
    ``op.9.s2``, ``seg.17``) and a confidence in [0, 1] each."""
    src_items, tgt_items, beads = pair_items(src, tgt, level, glossary)
    return [replace(b, src_ids=tuple(src_items[i].id for i in b.src), tgt_ids=tuple(tgt_items[j].id for j in b.tgt))
            for b in beads]
