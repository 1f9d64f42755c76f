"""Anchors: pairs (src i, tgt j) the alignment should go through.

Two sources, both checked against the evidence before they are trusted:

- ``structure_anchors``: same operative number, same footnote number, the
  title. A pair is kept only if it is at least as good as its neighbours
  (``i`` against ``j-1``/``j+1``, ``j`` against ``i-1``/``i+1``) on length and
  shared keys, and only the longest monotone chain of kept pairs survives: a
  version whose operative paragraphs were renumbered after a deletion does not
  force ``op.6`` onto ``op.6``. Runs of same-numbered pairs that the pairs one
  or two paragraphs off fit better, five at a time, are dropped first
  (``shifted_numbering``): one pair at a time, a chance fit of lengths would
  pass and anchor the wrong numbering around it.
- ``lexical_anchors``: for long inputs, pairs of segments sharing a key that
  occurs the same number of times in both documents, k-th occurrence with k-th
  occurrence, reduced to their longest monotone chain. They only shape the
  band of the dynamic programme (see ``dp.band_from_anchors``). On long
  structured inputs they fill the gaps the structure anchors leave
  (``fill_gaps``): a document whose annexes restart the numbering, or whose
  second half has no numbered paragraphs, is still searched in a narrow band.

A number that occurs more than once (an annex restarting at op.1) pairs its
k-th occurrence in one version with its k-th in the other (``same_key_pairs``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from typing import Callable, Sequence

from aligner.align.features import Segment, counted


def longest_chain(points: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence strictly increasing in both coordinates (O(k log k))."""
    pts = sorted(set(points), key=lambda p: (p[0], -p[1]))
    tails: list[int] = []  # smallest j ending a chain of each length
    tail_idx: list[int] = []
    parent = [-1] * len(pts)
    for k, (_, j) in enumerate(pts):
        pos = bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_idx.append(k)
        else:
            tails[pos] = j
            tail_idx[pos] = k
        parent[k] = tail_idx[pos - 1] if pos > 0 else -1
    chain = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        chain.append(pts[k])
        k = parent[k]
    chain.reverse()
    return chain


def key_positions(segments: Sequence[Segment]) -> dict[str, list[int]]:
    """The segments holding each key, in order (a segment once per key)."""
    where: dict[str, list[int]] = defaultdict(list)
    for i, seg in enumerate(segments):
        for key in counted(seg):
            where[key].append(i)
    return where


def lexical_anchors(src: Sequence[Segment], tgt: Sequence[Segment], min_shared: int = 2,
                    src_positions: dict[str, list[int]] | None = None) -> list[tuple[int, int]]:
    """Monotone chain of segment pairs linked by equally frequent keys.

    ``src_positions``: ``key_positions(src)``, when already counted (the pivot's
    serve every version aligned with it)."""
    where_s = key_positions(src) if src_positions is None else src_positions
    where_t = key_positions(tgt)
    votes: Counter = Counter()
    for key, occ_s in where_s.items():
        occ_t = where_t.get(key)
        if occ_t and len(occ_t) == len(occ_s):
            votes.update(zip(occ_s, occ_t))  # the k-th occurrence with the k-th
    strong = [p for p, v in votes.items() if v >= min_shared]
    if len(strong) < 2:
        strong = list(votes)
    return longest_chain(strong)


def fill_gaps(anchors: Sequence[tuple[int, int]], points: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``anchors`` (a monotone chain) with the ``points`` lying strictly inside
    the boxes before, between and after them, as one monotone chain: an anchor
    is never displaced by a point, a point only narrows a gap.
    """
    chain = sorted(anchors)
    bounds = [(-1, -1)] + chain + [(float("inf"), float("inf"))]
    inside = []
    for i, j in sorted(set(points)):
        k = bisect_left(chain, (i, j))  # bounds[k] is the anchor before, bounds[k + 1] the one after
        (ia, ja), (ib, jb) = bounds[k], bounds[k + 1]
        if ia < i < ib and ja < j < jb:
            inside.append((i, j))
    return longest_chain(chain + inside) if inside else chain


def same_key_pairs(src_keys: Sequence[str | None], tgt_keys: Sequence[str | None]) -> list[tuple[int, int]]:
    """(i, j) for each key both sides have, the k-th occurrence of a key on one
    side with its k-th on the other (an annex restarting at op.1 pairs with the
    other version's annex, not with its first op.1). A key that one side has
    more often than the other (a paragraph misnumbered 28 beside the real 28,
    a paragraph added as a second 15) says nothing about which occurrence is
    which: it anchors nothing, and the text decides there."""
    where_t: dict[str, list[int]] = defaultdict(list)
    for j, key in enumerate(tgt_keys):
        if key is not None:
            where_t[key].append(j)
    in_src = Counter(key for key in src_keys if key is not None)
    seen: Counter = Counter()
    out = []
    for i, key in enumerate(src_keys):
        if key is None:
            continue
        occ = where_t.get(key)
        if occ and len(occ) == in_src[key]:
            out.append((i, occ[seen[key]]))
        seen[key] += 1
    return out


def structure_anchors(src: Sequence[Segment], tgt: Sequence[Segment], src_keys: Sequence[str | None],
                      tgt_keys: Sequence[str | None], pair_cost: Callable[[int, int], float],
                      tolerance: float = 0.5, shares: Callable[[int, int], bool] | None = None
                      ) -> list[tuple[int, int]]:
    """Pairs with the same structural key (``op.9``, ``fn.2``, ``title``) that the
    length and lexical evidence does not contradict, as a monotone chain.

    A pair a neighbour beats (a paragraph cut in half or given a clause loses on
    length to its neighbours) is still kept when ``shares(i, j)`` (the two have
    evidence in common) and it lies between two kept anchors whose numbers
    enclose its own: its number is then confirmed by the numbering around it
    (``op.13`` and ``op.16`` kept around ``op.15``). A renumbered version's pairs, which
    a chance fit here and there would otherwise enclose, are dropped before any of this
    (``shifted_numbering``).
    A pair with no evidence in common (Chinese or Russian against French share
    few keys; a paragraph cut to its first clause may share none) is kept on
    the same condition when, on both sides, it directly follows the kept anchor
    before it with the next number(s): nothing is missing between them, so the
    numbering alone places it.
    """
    kept, doubted = [], []
    pairs = same_key_pairs(src_keys, tgt_keys)
    shifted = shifted_numbering(pairs, pair_cost, len(tgt))
    for i, j in pairs:
        if (i, j) in shifted:
            continue
        here = pair_cost(i, j)
        rivals = [pair_cost(i, jj) for jj in (j - 1, j + 1) if 0 <= jj < len(tgt)]
        rivals += [pair_cost(ii, j) for ii in (i - 1, i + 1) if 0 <= ii < len(src)]
        if all(here <= r + tolerance for r in rivals):
            kept.append((i, j))
        else:
            doubted.append((i, j))
    chain = longest_chain(kept)
    if not shares or not doubted or len(chain) < 2:
        return chain
    confirmed = []
    for i, j in doubted:
        number = _number(src_keys[i])
        k = bisect_left(chain, (i, j))
        if 0 < k < len(chain) and number is not None:
            (ip, jp), (inext, jnext) = chain[k - 1], chain[k]
            before, after = _number(src_keys[ip]), _number(src_keys[inext])
            if jp < j < jnext and before is not None and after is not None and before < number < after \
                    and src_keys[ip][:3] == src_keys[i][:3] == src_keys[inext][:3] \
                    and (shares(i, j) or i - ip == j - jp == number - before):
                confirmed.append((i, j))
    return longest_chain(chain + confirmed) if confirmed else chain


#: Same-numbered pairs read together by ``shifted_numbering``; how much better (in cost, a pair on
#: the window's total) the shifted pairs must fit them; and the most one pair may add to that total
#: (a paragraph cut short fits its own number badly, and alone it must not make a shift).
SHIFT_WINDOW = 5
SHIFT_MARGIN = 2.0
SHIFT_CAP = 4.0
#: The shifts looked for: one or two paragraphs deleted (or added) before the run.
SHIFT_STEPS = (-1, 1, -2, 2)


def shifted_numbering(pairs: Sequence[tuple[int, int]], pair_cost: Callable[[int, int], float],
                      n_tgt: int, window: int = SHIFT_WINDOW, margin: float = SHIFT_MARGIN,
                      cap: float = SHIFT_CAP) -> set[tuple[int, int]]:
    """The same-numbered pairs of a version renumbered after a deletion or an addition.

    Along each run of pairs numbered in step on both sides (``op.5``-``op.20`` against
    ``op.5``-``op.20``), every ``window`` consecutive pairs are read together: when the pairs
    one or two paragraphs off (``i`` with ``j - 1``, ``j + 1``, ``j - 2`` or ``j + 2``) fit
    them better, by ``margin`` a pair on the total (each pair adding at most ``cap``), the
    numbering has shifted there. A pair between two shifted ones, a window apart at most, goes
    with them: its lengths fit its own number by chance (the version's ``op.24``, which
    translates ``op.25``, against the French ``op.24``). One pair at a time such a chance fit
    is kept, and the numbering around it then confirms the wrong pairs before it
    (``structure_anchors``); five shifted the same way are no chance."""
    found: set[tuple[int, int]] = set()
    start = 0
    while start < len(pairs):
        end = start + 1  # the run of pairs each one further on both sides than the one before
        while end < len(pairs) and pairs[end][0] == pairs[end - 1][0] + 1 and pairs[end][1] == pairs[end - 1][1] + 1:
            end += 1
        run = pairs[start:end]
        shifted: set[int] = set()
        if len(run) >= window:
            own = [pair_cost(i, j) for i, j in run]
            for step in SHIFT_STEPS:
                # how much better each pair's shifted one fits (None where there is none)
                gains = [min(here - pair_cost(i, j + step), cap) if 0 <= j + step < n_tgt else None
                         for (i, j), here in zip(run, own)]
                for k in range(len(run) - window + 1):
                    part = gains[k:k + window]
                    if None not in part and sum(part) > margin * window:  # type: ignore[arg-type]
                        shifted.update(range(k, k + window))
        # a pair between two shifted ones, a window apart at most, is a chance fit of the same
        # renumbering (its windows each held it and a shifted pair or two)
        marked = sorted(shifted)
        for a, b in zip(marked, marked[1:]):
            if b - a <= window:
                shifted.update(range(a + 1, b))
        found.update(run[k] for k in shifted)
        start = end
    return found


def _number(key: str | None) -> int | None:
    """The number of a structural key (``op.15`` -> 15), if it has one."""
    if key is None:
        return None
    _, _, tail = key.partition(".")
    return int(tail) if tail.isdigit() else None
