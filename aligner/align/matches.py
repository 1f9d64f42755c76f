"""Shared keys between the segments of two documents: the pair matches.

``pair_matches`` counts, for every pair (src i, tgt j) of a band, how many keys
the two segments share (a key held ``a`` times by one and ``b`` times by the
other is ``min(a, b)`` shared keys); ``MatchesOnDemand`` counts the same for
the few pairs a probe asks about. ``cost.CostModel`` reads them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from typing import Sequence

from aligner.align.features import Segment, counted


#: key -> the targets holding it (in order), and those holding it more than once with their counts
KeyIndex = dict[str, tuple[list[int], list[int], list[int]]]


def key_index(tgt: Sequence[Segment], ignore: frozenset[str] = frozenset()) -> KeyIndex:
    """Where each key of the targets is (``pair_matches`` reads it), keys in ``ignore`` left out."""
    index: KeyIndex = {}
    for j, seg in enumerate(tgt):
        for key, count in counted(seg).items():
            where = index.get(key)
            if where is None:
                where = index[key] = ([], [], [])
            where[0].append(j)
            if count > 1:
                where[1].append(j)
                where[2].append(count)
    for key in ignore:
        index.pop(key, None)
    return index


def extended_index(index: KeyIndex, tgt: Sequence[Segment], extended: Sequence[Segment]) -> KeyIndex | None:
    """``key_index(extended)`` from ``index = key_index(tgt)`` (no key ignored),
    where each segment of ``extended`` is that of ``tgt`` or a copy of it with keys
    added at the end that no target holds (the learned lexicon's, ``with_lexicon``):
    the targets' own keys are not indexed again. None if ``extended`` is not so."""
    if len(tgt) != len(extended):
        return None
    out = dict(index)  # the entries of the targets' own keys are shared, never changed
    for j, (old, new) in enumerate(zip(tgt, extended)):
        if new is old:
            continue
        size = len(old.keys)
        if new.keys[:size] != old.keys:
            return None
        counts = Counter(new.keys[size:])  # (the added keys: no target held them)
        for key in counts:
            where = out.get(key)
            if where is None:
                where = out[key] = ([], [], [])
            elif key in index:  # a key some target held before: not an added one
                return None
            where[0].append(j)
            count = counts[key]
            if count > 1:
                where[1].append(j)
                where[2].append(count)
    return out


def pair_matches(src: Sequence[Segment], tgt: Sequence[Segment], band=None, ignore: frozenset[str] = frozenset(),
                 rare: frozenset[str] = frozenset(), rare_weight: int = 1, index: KeyIndex | None = None
                 ) -> dict[int, dict[int, int]]:
    """Shared keys of every (src i, tgt j) pair, sparse; within ``band`` if
    given; keys in ``ignore`` left out, keys in ``rare`` counted ``rare_weight`` times.
    ``index``: ``key_index(tgt, ignore)``, when already made.

    A key that src i holds ``a`` times and tgt j ``b`` times is ``min(a, b)``
    shared keys. Most keys occur once in a segment: each target holding a key
    the source holds counts 1, and a row is one count over the concatenated
    target lists (one pass in C); the few keys repeated on both sides then add
    ``min(a, b) - 1``.
    """
    if index is None:
        index = key_index(tgt, ignore)
    out: dict[int, dict[int, int]] = {}
    get = index.get
    m = len(tgt)
    for i, seg in enumerate(src):
        if not seg.keys:
            continue
        if band is not None:
            lo, hi = band.lo[i] - 4, band.hi[i + 1] + 4
        else:
            lo, hi = 0, m
        found: list[int] = []  # each target once per key both hold
        extra: list[tuple[int, int]] = []  # (target, count beyond that one)
        for key, count in counted(seg).items():
            where = get(key)
            if where is None:
                continue
            positions, repeated, counts = where
            if rare and key in rare:
                for j, other in zip(positions, _counts(positions, repeated, counts)):
                    if lo <= j < hi:
                        extra.append((j, rare_weight * (count if count < other else other)))
                continue
            if positions[0] >= lo and positions[-1] < hi:
                found += positions
            else:
                start, stop = bisect_left(positions, lo), bisect_left(positions, hi)
                if start == stop:
                    continue
                found += positions[start:stop]
            if count > 1 and repeated:
                for j, other in zip(repeated, counts):
                    if lo <= j < hi:
                        extra.append((j, (count if count < other else other) - 1))
        if not found and not extra:
            continue
        row = Counter(found)
        for j, more in extra:
            row[j] += more
        out[i] = row
    return out


def _counts(positions: list[int], repeated: list[int], counts: list[int]) -> list[int]:
    """How often each target of ``positions`` holds a key, from the targets that
    hold it more than once (``repeated``, ``counts``)."""
    more = dict(zip(repeated, counts))
    return [more.get(j, 1) for j in positions]


class MatchesOnDemand:
    """``pair_matches(src, tgt, band, ...)`` read the same way (``.get(i)`` a
    row, ``row.get(j, 0)`` a count), each pair counted when it is read: a
    probe reads a few pairs of each row."""

    def __init__(self, src: Sequence[Segment], tgt: Sequence[Segment], band=None,
                 ignore: frozenset[str] = frozenset(), rare: frozenset[str] = frozenset(), rare_weight: int = 1):
        self.src, self.tgt, self.band = src, tgt, band
        self.ignore, self.rare, self.rare_weight = ignore, rare, rare_weight

    def get(self, i: int, default=None) -> "_RowOnDemand | None":
        if not 0 <= i < len(self.src) or not self.src[i].keys:
            return default
        return _RowOnDemand(self, i)

    def count(self, i: int, j: int) -> int:
        """Shared keys of src i and tgt j (0 outside the band, as ``pair_matches`` stores them)."""
        band = self.band
        if not 0 <= j < len(self.tgt) or band is not None and not band.lo[i] - 4 <= j < band.hi[i + 1] + 4:
            return 0
        mine, theirs = counted(self.src[i]), counted(self.tgt[j])
        total = 0
        for key in mine.keys() & theirs.keys():
            if key in self.ignore:
                continue
            a, b = mine[key], theirs[key]
            shared = a if a < b else b
            total += self.rare_weight * shared if key in self.rare else shared
        return total


class _RowOnDemand:
    def __init__(self, matches: MatchesOnDemand, i: int) -> None:
        self.matches, self.i = matches, i

    def get(self, j: int, default: int = 0) -> int:
        return self.matches.count(self.i, j) or default
