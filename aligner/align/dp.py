"""Dynamic programme over a band: the cheapest monotone sequence of beads.

Rows are ``i`` = source segments consumed (0..n), columns ``j`` = target
segments consumed (0..m). Only cells inside the band are stored, so memory and
time grow with the band's area (near-linear for an anchored band), never with
the full ``n x m`` matrix.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Callable, Sequence

INF = float("inf")
_INF_ROW = (INF,)
_NO_PTR = (-1,)


@dataclass(frozen=True)
class Band:
    """Allowed columns per row: ``lo[i] <= j <= hi[i]`` (inclusive), i = 0..n."""

    lo: tuple[int, ...]
    hi: tuple[int, ...]

    @classmethod
    def full(cls, n: int, m: int) -> "Band":
        return cls(lo=(0,) * (n + 1), hi=(m,) * (n + 1))

    def area(self) -> int:
        return sum(h - l + 1 for l, h in zip(self.lo, self.hi))


def band_from_anchors(points: Sequence[tuple[int, int]], n: int, m: int, margin: int = 6,
                      diagonal: bool = False) -> Band:
    """A band through anchor points (src i, tgt j): the boxes between
    consecutive anchors, widened by ``margin`` plus a tenth of the gap.

    ``diagonal``: between two anchors, only the strip along the line joining
    them, as wide as the margin, the tenth of the gap and the difference of the
    two sides' gaps (the nulls a path there needs), not the whole box.
    """
    chain = [(0, 0)] + sorted(points) + [(n, m)]
    lo = [m] * (n + 1)
    hi = [0] * (n + 1)
    for (i1, j1), (i2, j2) in zip(chain, chain[1:]):
        extra = margin + (max(i2 - i1, j2 - j1)) // 10
        if diagonal and i2 > i1:
            width = extra + abs((i2 - i1) - (j2 - j1))
            slope = (j2 - j1) / (i2 - i1)
            for r in range(max(0, i1 - extra), min(n, i2 + 1 + extra) + 1):
                # (conditional expressions rather than min/max calls: a call per row costs more)
                centre = int(j1 + slope * ((i1 if r < i1 else i2 if r > i2 else r) - i1))
                first = centre - width if centre > width else 0
                last = centre + 1 + width
                if last > m:
                    last = m
                if first < lo[r]:
                    lo[r] = first
                if last > hi[r]:
                    hi[r] = last
            continue
        first, last = max(0, j1 - extra), min(m, j2 + 1 + extra)
        for r in range(max(0, i1 - extra), min(n, i2 + 1 + extra) + 1):
            if first < lo[r]:
                lo[r] = first
            if last > hi[r]:
                hi[r] = last
    return _monotone(lo, hi, n, m)


def band_around_path(path: Sequence[tuple[int, int, int, int, float]], n: int, m: int, margin: int) -> Band:
    """The cells of each row within ``margin`` columns of a path's cells in that row
    (a bead ``(i0, i1, j0, j1, cost)`` holds columns ``j0..j1`` in rows ``i0..i1``)."""
    lo = [m] * (n + 1)
    hi = [0] * (n + 1)
    for i0, i1, j0, j1, _ in path:
        first = j0 - margin if j0 > margin else 0
        last = j1 + margin if j1 + margin < m else m
        for r in range(i0, i1 + 1):
            if first < lo[r]:
                lo[r] = first
            if last > hi[r]:
                hi[r] = last
    return _monotone(lo, hi, n, m)


def _monotone(lo: list[int], hi: list[int], n: int, m: int) -> Band:
    """The band of rows ``lo``/``hi`` made to run from cell (0, 0) to (n, m) without stepping back."""
    lo[0], hi[n] = 0, m
    low = lo[n]
    for r in range(n - 1, -1, -1):  # lo never decreases along rows
        if lo[r] > low:
            lo[r] = low
        else:
            low = lo[r]
    high = hi[0]
    for r in range(1, n + 1):  # hi never decreases either
        if hi[r] < high:
            hi[r] = high
        else:
            high = hi[r]
    return Band(lo=tuple(lo), hi=tuple(hi))


def best_path(n: int, m: int, shapes: Sequence[tuple[int, int]],
              cost: Callable[[int, int, int, int, float], float],
              band: Band | None = None) -> list[tuple[int, int, int, int, float]]:
    """The cheapest bead sequence from (0, 0) to (n, m).

    ``cost(i0, i1, j0, j1, limit)`` may return any value above ``limit`` for a
    bead that cannot beat it (``CostModel.cost`` prunes that way). A ``cost``
    with a ``null_costs`` attribute (a function giving the cost of each source
    segment's 1-0 bead and of each target segment's 0-1 bead, as
    ``CostModel.cost`` has) is not called for those beads: they are read there.

    Returns beads as ``(i0, i1, j0, j1, cost)`` in order.
    """
    band = band or Band.full(n, m)
    lo, hi = band.lo, band.hi
    nulls = getattr(cost, "null_costs", None)
    src_null, tgt_null = nulls() if nulls is not None else (None, None)
    table: list[array] = []
    back: list[array] = []
    for i in range(n + 1):
        row_lo, row_hi = lo[i], hi[i]
        row = array("d", _INF_ROW) * (row_hi - row_lo + 1)  # 8 bytes a cell, not a float object
        ptr = array("b", _NO_PTR) * (row_hi - row_lo + 1)
        # per shape, what a cell of this row reads: (index, b, previous row, its
        # first and last column, source start); the row itself for a == 0
        # and, for a null bead whose cost is known, that cost (1-0: one number
        # for the row; 0-1: the list, read at the column)
        steps = [(k, b, row if a == 0 else table[i - a], row_lo if a == 0 else lo[i - a],
                  row_hi if a == 0 else hi[i - a], i - a,
                  src_null[i - 1] if src_null and (a, b) == (1, 0) else
                  tgt_null if tgt_null and (a, b) == (0, 1) else None)
                 for k, (a, b) in enumerate(shapes) if i - a >= 0]
        for j in range(row_lo, row_hi + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            best, best_k = INF, -1
            for k, b, prev_row, plo, phi, pi, known in steps:
                pj = j - b
                if pj < plo or pj > phi:  # plo >= 0
                    continue
                prev = prev_row[pj - plo]
                if prev == INF:
                    continue
                if known is None:
                    value = prev + cost(pi, i, pj, j, best - prev)
                else:
                    value = prev + (known[pj] if b else known)
                if value < best:
                    best, best_k = value, k
            row[j - row_lo] = best
            ptr[j - row_lo] = best_k
        table.append(row)
        back.append(ptr)
    return trace_back(table, back, lo, hi, n, m, shapes)


def trace_back(table: Sequence[Sequence[float]], back: Sequence[Sequence[int]], lo: Sequence[int],
               hi: Sequence[int], n: int, m: int, shapes: Sequence[tuple[int, int]]
               ) -> list[tuple[int, int, int, int, float]]:
    """The beads of the cheapest path, read back from (n, m) along the back
    pointers (indices into ``shapes``) of a banded cost table."""
    if m < lo[n] or m > hi[n] or table[n][m - lo[n]] == INF:
        raise ValueError("no path through the band")
    beads = []
    i, j = n, m
    while i > 0 or j > 0:
        a, b = shapes[back[i][j - lo[i]]]
        pi, pj = i - a, j - b
        step = table[i][j - lo[i]] - table[pi][pj - lo[pi]]
        beads.append((pi, i, pj, j, step))
        i, j = pi, pj
    beads.reverse()
    return beads
