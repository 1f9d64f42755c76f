"""Aligning two sequences of segments: the two-pass algorithm.

Pass 1: length model from the documents' totals, shared keys only; for long
inputs the band is shaped by lexical anchors. Pass 2: the length model is
re-estimated from pass 1's confident 1-1 beads, a lexicon is learned from
pass 1's beads, and the programme runs again in a band around pass 1's path.
Structural anchors (when given) add a bonus to any bead that contains them.
"""

from __future__ import annotations

from typing import Sequence

from aligner.align.anchors import fill_gaps, lexical_anchors
from aligner.align.beads import Bead
from aligner.align.confidence import bead_confidence
from aligner.align.cost import CostModel, CostParams, estimate_length_model
from aligner.align.dp import Band, band_around_path, band_from_anchors, best_path
from aligner.align.features import Segment
from aligner.align.lexicon import learn_lexicon, with_lexicon
from aligner.align.plain import plain_path

#: Above this many cells the first pass runs in an anchored band, not the full matrix.
FULL_MATRIX_LIMIT = 60_000
#: Segments of slack around the boxes between structure anchors (a merge or an
#: omission next to an anchor, a wrong anchor's neighbourhood).
ANCHOR_MARGIN = 4


def is_long(n: int, m: int) -> bool:
    """Whether ``n`` x ``m`` segments are searched in an anchored band rather than the full matrix."""
    return (n + 1) * (m + 1) > FULL_MATRIX_LIMIT


def align_segments(src: Sequence[Segment], tgt: Sequence[Segment], shapes: Sequence[tuple[int, int]],
                   anchors: Sequence[tuple[int, int]] = (), params: CostParams = CostParams(),
                   learn: bool = True, scorer=None, like: CostModel | None = None,
                   lexical: Sequence[tuple[int, int]] | None = None, shared: dict | None = None) -> list[Bead]:
    """Beads covering ``src`` and ``tgt`` in order, each with a confidence.

    ``like``: a cost model already made over these very segments (the structure
    probe), whose lengths and key counts the first pass reuses; ``lexical``:
    ``lexical_anchors(src, tgt)`` when already found (for long inputs); ``shared``: a
    dict kept across the alignments of these same ``src`` segments with other
    targets, where what is learned of the source side alone is kept
    (``learn_lexicon``'s ``memo``)."""
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        # nothing to choose: each segment is a null bead, certainly
        return [Bead(src=(i,), tgt=(), score=1.0) for i in range(n)] + \
            [Bead(src=(), tgt=(j,), score=1.0) for j in range(m)]
    shapes = tuple(shapes)
    band = None
    long = is_long(n, m)
    if long:
        # structure anchors where there are some, lexical anchors in the gaps
        # they leave: a band of bounded width everywhere, so time grows linearly
        if lexical is None:
            lexical = lexical_anchors(src, tgt)
        band = band_from_anchors(fill_gaps(anchors, lexical), n, m, margin=3)
    elif anchors:
        # structure anchors (verified operative/footnote numbers) bound the first
        # pass to strips along the lines between them
        band = band_from_anchors(anchors, n, m, margin=ANCHOR_MARGIN, diagonal=True)
    second = learn and n + m >= 6
    # the first pass's index of the target keys is kept for the second pass to extend, unless
    # the input is long: there it would stay in memory through the first programme
    model = CostModel(src, tgt, estimate_length_model(src, tgt), params, anchors, band, like=like,
                      keep_index=second and not long)
    # the first pass only shapes the band and the lexicon: common bead shapes suffice
    first_shapes = tuple(sh for sh in shapes if max(sh) <= 3 and sum(sh) <= 4) if long else shapes
    path = _best_path(n, m, first_shapes, model, band)
    if second:
        ones = [(i0, j0) for i0, i1, j0, j1, c in path if i1 - i0 == 1 and j1 - j0 == 1 and c < 3.0]
        length = estimate_length_model(src, tgt, ones) if len(ones) >= 5 else model.length
        lexicon = learn_lexicon(src, tgt, [(range(i0, i1), range(j0, j1)) for i0, i1, j0, j1, _ in
                                           (path if model.plain else _away_from_gaps(path))], memo=shared)
        src2, tgt2 = with_lexicon(src, tgt, lexicon) if lexicon else (src, tgt)
        if band is not None:  # pass 2 runs within 2 columns of pass 1's path in each row
            # between plain segments, 3 between paragraphs (the boxes between the path's
            # points, as pass 1's band is built, were twice as wide: the same paths on the
            # dev article at 1x-20x and the six-way sets at 1x-20x)
            band = band_around_path(path, n, m, 2 if model.plain else 3)
        model = CostModel(src2, tgt2, length, params, anchors, band, like=model)
        path = _best_path(n, m, shapes, model, band)
    path = split_null_runs(path)
    if scorer is not None:  # e.g. ``confidence.paragraph_scores``: evidence read on the whole path
        scores = scorer(model, path)
    else:
        scores = [bead_confidence(model, i0, i1, j0, j1, c) for i0, i1, j0, j1, c in path]
    return [Bead(src=tuple(range(i0, i1)), tgt=tuple(range(j0, j1)), cost=c, score=score)
            for (i0, i1, j0, j1, c), score in zip(path, scores)]


def _away_from_gaps(path):
    """The beads of ``path`` that are not next to a null bead: where a paragraph is missing, the
    beads beside the gap are those whose place is in doubt, and the words they pair, learned as
    translations, would confirm the first pass's guess."""
    gap = [i0 == i1 or j0 == j1 for i0, i1, j0, j1, _ in path]
    return [bead for k, bead in enumerate(path)
            if not gap[k] and not (k > 0 and gap[k - 1]) and not (k + 1 < len(path) and gap[k + 1])]


def split_null_runs(path):
    """A run of segments with no counterpart as single null beads (each is
    unaligned on its own), the run's cost shared equally."""
    out = []
    for i0, i1, j0, j1, c in path:
        size = (i1 - i0) + (j1 - j0)
        if (i1 == i0 or j1 == j0) and size > 1:
            out.extend((i, i + 1, j0, j0, c / size) for i in range(i0, i1))
            out.extend((i1, i1, j, j + 1, c / size) for j in range(j0, j1))
        else:
            out.append((i0, i1, j0, j1, c))
    return out


def _best_path(n, m, shapes, model, band):
    """``plain_path`` for a ``CostModel`` (``best_path`` with its ``cost``: the same
    path, faster; ``best_path`` for a bare cost function), falling back to a band twice as wide around the same centre (then to the
    full matrix) should a band ever leave no path."""
    while True:
        try:
            if isinstance(model, CostModel):
                return plain_path(model, shapes, band)
            return best_path(n, m, shapes, getattr(model, "cost", model), band)
        except ValueError:
            if band is None:
                raise
            band = _widen(band, n, m) if band.area() * 4 < (n + 1) * (m + 1) else None


def _widen(band: Band, n: int, m: int) -> Band:
    lo = [max(0, l - (h - l + 1)) for l, h in zip(band.lo, band.hi)]
    hi = [min(m, h + (h - l + 1)) for l, h in zip(band.lo, band.hi)]
    for r in range(n - 1, -1, -1):
        lo[r] = min(lo[r], lo[r + 1])
    for r in range(1, n + 1):
        hi[r] = max(hi[r], hi[r - 1])
    return Band(lo=tuple(lo), hi=tuple(hi))
