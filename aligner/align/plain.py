"""The programme with the bead cost written out.

The general ``dp.best_path`` calls ``CostModel.cost`` once per cell and bead
shape, and spends most of its time in the calls. Here the same sums are made
inline, row by row and shape by shape (the row's source length, source keys,
source roles, anchors and previous row are read once per shape, not once per
cell), and the shared keys of a bead come from a two-dimensional prefix sum of
the pair matches: four lookups instead of a loop over the bead's pairs.

Lines input and the sentences inside aligned paragraphs are plain (no roles, no
anchors, no cap on a 1-1 bead's length cost); the paragraphs of structured
documents add the role penalty, the anchor bonus (once per bead) and the 1-1
cap, in ``CostModel.cost``'s order.

Same costs to the last bit (the same operations in the same order), same ties
(the first shape in ``shapes`` order wins a cell), hence the same path as
``dp.best_path`` with ``CostModel.cost`` (``tests/test_align_plain.py``).
Memory: the cost table and back pointers of the band (9 bytes a cell), and
the prefix sums and costs (as lists, read without making float objects) of
the last few rows only.
"""

from __future__ import annotations

import math
from array import array
from itertools import accumulate
from operator import add
from typing import Sequence

from aligner.align.cost import CostModel, _changes, neg_log_tail
from aligner.align.dp import Band, trace_back

INF = math.inf
#: Columns of slack kept around each row's band in the prefix sums: the pair
#: matches are stored up to 4 columns beyond the band (``matches.pair_matches``).
_PAD = 4


def plain_path(model: CostModel, shapes: Sequence[tuple[int, int]], band: Band | None = None
               ) -> list[tuple[int, int, int, int, float]]:
    """``dp.best_path(n, m, shapes, model.cost, band)``, faster."""
    n, m = len(model.src), len(model.tgt)
    band = band or Band.full(n, m)
    lo, hi = band.lo, band.hi
    pad = max([_PAD] + [max(shape) for shape in shapes])
    wlo = [max(0, x - pad) for x in lo]
    whi = [min(m, x + pad) for x in hi]
    ls_, lt_, ks_, kt_, matches = model._ls, model._lt, model._ks, model._kt, model.matches
    c, inv_c, s2 = model._c, model._inv_c, model._s2
    weight, smoothing, null_cost = model._lex_weight, model._smoothing, model._null_cost
    sqrt, log, erfc, tail, inv_sqrt2 = math.sqrt, math.log, math.erfc, neg_log_tail, 1.0 / math.sqrt(2.0)
    sqrt2, sqrt_pi = math.sqrt(2.0), math.sqrt(math.pi)
    joint = [(k, a, b, model._prior[(a, b)]) for k, (a, b) in enumerate(shapes) if a and b]
    # structured paragraphs: roles (a bead mixes roles when its first source and target
    # roles differ or a side changes role), anchors, the cap on a 1-1 bead's length cost
    structured = bool(model.anchors) or model._many_roles
    names = {r: k for k, r in enumerate(sorted({s.role for s in model.src} | {t.role for t in model.tgt}))}
    rs, rt = [names[s.role] for s in model.src], [names[t.role] for t in model.tgt]
    cs, ct = _changes(rs), _changes(rt)
    anchor_j = [-1] * (n + 1)
    for ai, aj in model.anchors.items():
        anchor_j[ai] = aj
    role_penalty, anchor_bonus = model.params.role_penalty, model.params.anchor_bonus
    match_cost = model._match_cost
    source_nulls = [(k, a, model._prior[(a, b)]) for k, (a, b) in enumerate(shapes) if a and not b]
    weak_s, weak_t, weak_cost = model._weak_s, model._weak_t, model._weak_cost

    def null_total(prior: float, ls: int, lt: int) -> float:
        """A null bead's cost (``CostModel.cost``'s operations, in its order)."""
        total = prior
        if ls or lt:
            mean = (ls + lt * inv_c) * 0.5
            z = abs(lt - c * ls) / sqrt(s2 * mean if s2 * mean > 1e-9 else 1e-9)
            length = -log(erfc(z * inv_sqrt2)) if z < 8.0 else tail(z)
            total += length if length < null_cost else null_cost
        return total

    # a target null bead's cost depends on its column only: computed once, not once a row
    target_nulls = [(k, b, [INF] * b + [null_total(model._prior[(a, b)], 0, lt_[j] - lt_[j - b])
                                        for j in range(b, m + 1)])
                    for k, (a, b) in enumerate(shapes) if b and not a]
    max_a = max([a for a, _ in shapes] + [0])
    single_null = (target_nulls[0][0], target_nulls[0][2]) if [b for _, b, _ in target_nulls] == [1] else None

    table: list[array] = []
    back: list[array] = []
    # the rows the beads read (i - max_a .. i) also as lists: a list hands back the float
    # it holds, an array makes a new one at each read (older rows are dropped)
    recent: list[list[float] | None] = []
    sums: list[list[int]] = []  # prefix sums of rows i - max_a .. i (the others are dropped)
    for i in range(n + 1):
        row_lo, row_hi = lo[i], hi[i]
        width = row_hi - row_lo + 1
        # S(i, j) = shared keys of src[:i] x tgt[:j], for j in [wlo[i], whi[i]]
        if i == 0:
            cur = [0] * (whi[0] - wlo[0] + 1)
        else:
            cur = _next_sums(sums[-1], wlo[i - 1], whi[i - 1], matches.get(i - 1), wlo[i], whi[i])
        sums.append(cur)
        if len(sums) > max_a + 1:
            sums[-max_a - 2] = None  # type: ignore[call-overload]
        cur_lo = wlo[i]
        row = [INF] * width
        ptr = [-1] * width
        # source nulls first: their cost is the row's, and a cell's best so far prunes the joint beads
        for k, a, prior in source_nulls:
            pi = i - a
            if pi < 0:
                continue
            plo, phi = lo[pi], hi[pi]
            start, stop = max(row_lo, plo), min(row_hi, phi)
            prev_row = recent[pi]
            total = null_total(prior, ls_[i] - ls_[pi], 0)  # the same for the whole row
            for j in range(start, stop + 1):
                prev = prev_row[j - plo]
                if prev == INF:
                    continue
                value = prev + total
                here = row[j - row_lo]
                if value < here or (value == here and k < ptr[j - row_lo]):
                    row[j - row_lo] = value
                    ptr[j - row_lo] = k
        for k, a, b, prior in joint:
            pi = i - a
            if pi < 0:
                continue
            plo, phi = lo[pi], hi[pi]
            start, stop = max(row_lo, plo + b), min(row_hi, phi + b)
            if start > stop:
                continue
            prev_row = recent[pi]
            prev_sums = sums[-1 - a]
            prev_lo = wlo[pi]
            ls = ls_[i] - ls_[pi]
            ks = ks_[i] - ks_[pi]
            c_ls = c * ls
            capped = a == 1 and b == 1
            if structured:
                src_role, src_mixed = rs[pi], cs[i - 1] != cs[pi]
                anchored = [x for x in anchor_j[pi:i] if x >= 0]
                # no bead of this row costs less than its prior less the anchor bonus
                # (if any of its source segments is anchored): a lower bound that skips
                # the roles and anchors of a bead losing even so
                floor = floor_roles = prior - anchor_bonus if anchored else prior
            else:
                floor = prior
            # nor less than that less the largest bonus its source keys allow (as many
            # keys on the target side, all shared); with a margin far above rounding
            floor -= weight * 2.0 * ks / (ks + ks + smoothing) if ks else 0.0
            floor -= 1e-9  # the bound's margin, once per row and shape rather than per cell
            weak_i = weak_s[i] if weak_s is not None else None
            first = b + plo  # the previous row's cell of column j: j - first
            for j in range(start, stop + 1):
                prev = prev_row[j - first]
                col = j - row_lo
                here = row[col]
                if prev + floor > here or prev == INF:
                    continue
                jb = j - b
                # the shared keys first (four lookups): a bead that loses to the cell's
                # best even at no length cost is not costed further (it cannot win nor tie)
                shared = cur[j - cur_lo] - prev_sums[j - prev_lo] - cur[jb - cur_lo] + prev_sums[jb - prev_lo]
                bonus = 0.0
                if shared:
                    kt = kt_[j] - kt_[jb]
                    if shared > ks:
                        shared = ks
                    if shared > kt:
                        shared = kt
                    bonus = weight * 2.0 * shared / (ks + kt + smoothing)
                total = prior
                if structured:
                    if prev + (floor_roles - bonus) > here:
                        continue
                    if src_mixed or src_role != rt[jb] or ct[j - 1] != ct[jb]:
                        total += role_penalty
                    for x in anchored:  # one bonus per bead
                        if jb <= x < j:
                            total -= anchor_bonus
                            break
                if prev + (total - bonus) > here:
                    continue
                lt = lt_[j] - lt_[jb]
                if ls or lt:
                    mean = (ls + lt * inv_c) * 0.5
                    v = s2 * mean
                    z = abs(lt - c_ls) / sqrt(v if v > 1e-9 else 1e-9)
                    if z < 8.0:
                        length = -log(erfc(z * inv_sqrt2))
                    else:  # ``neg_log_tail``'s asymptotic tail, written out
                        x = z / sqrt2
                        length = x * x + log(x * sqrt_pi)
                    total += length if (length < match_cost or not capped) else match_cost
                if shared:
                    total -= bonus
                if weak_i is not None and weak_i != weak_t[j]:
                    total += weak_cost
                value = prev + total
                if value < here or (value == here and k < ptr[col]):
                    row[col] = value
                    ptr[col] = k
        if i == 0:
            row[0] = 0.0
        if single_null is not None:  # paragraphs: 0-1 beads only, the cell to the left
            k, totals = single_null
            value = row[0]
            for x in range(1, width):
                value = value + totals[row_lo + x]  # from the cell to the left, final by now
                here = row[x]
                if value < here or (value == here and k < ptr[x]):
                    row[x] = value
                    ptr[x] = k
                else:
                    value = here
        elif target_nulls:  # left to right: these read the row's own earlier cells
            for j in range(row_lo, row_hi + 1):
                best, best_k = row[j - row_lo], ptr[j - row_lo]
                if i == 0 and j == 0:
                    continue
                for k, b, totals in target_nulls:
                    pj = j - b
                    if pj < row_lo:
                        continue
                    prev = row[pj - row_lo]
                    if prev == INF:
                        continue
                    value = prev + totals[j]
                    if value < best or (value == best and k < best_k):
                        best, best_k = value, k
                row[j - row_lo] = best
                ptr[j - row_lo] = best_k
        table.append(array("d", row))
        back.append(array("b", ptr))
        recent.append(row)
        if i > max_a:
            recent[i - max_a - 1] = None
    return trace_back(table, back, lo, hi, n, m, shapes)


def _next_sums(prev: list[int], prev_lo: int, prev_hi: int, row_matches: dict[int, int] | None,
               new_lo: int, new_hi: int) -> list[int]:
    """S(i+1, j) for j in [new_lo, new_hi] from S(i, j) on [prev_lo, prev_hi] and
    row i's matches. Beyond ``prev_hi`` S(i, j) is constant: the matches of the
    rows above stop 4 columns after their band, and the band never moves left."""
    # S(i, j) on the new columns (new_lo >= prev_lo: the band never moves left)
    above = prev[new_lo - prev_lo:min(prev_hi, new_hi) - prev_lo + 1]
    if new_hi > prev_hi:
        above += [prev[-1]] * (new_hi - max(prev_hi, new_lo - 1))
    if not row_matches:
        return above
    # plus row i's matches left of each column: those left of the window at once,
    # the others as steps summed along the row
    width = new_hi - new_lo + 1
    steps = [0] * width
    base = 0
    for j, count in row_matches.items():
        if j < new_lo:
            base += count
        elif j < new_hi:
            steps[j - new_lo + 1] += count
    steps[0] += base
    return list(map(add, above, accumulate(steps)))
