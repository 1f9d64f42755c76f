"""Reading an alignment as a reviser would: a paragraph merged into (or split from) its neighbour.

When a version merges two source paragraphs into one, an aligner that keeps
1-1 rows often pairs the first source paragraph with the merged target and
leaves the second source paragraph with nothing (1-0). Reported as it stands,
that is an omission (wrong: nothing was left out) and a paragraph far longer
than its source. The length of the text tells the two readings apart: if the
target paragraph is much longer than its source alone and about as long as
the source with its unpaired neighbour (by the language pair's own length
ratio), the two source paragraphs were merged. The same holds for splits.

``regroup_by_length(pairs)`` takes the pairs of one target language in row
order and returns them with such neighbours regrouped into one 2-1 (or 1-2)
pair, which the structure rules then report as a merge (or split).
"""

from __future__ import annotations

import math
import statistics
from typing import Sequence

from qa_rules.base import Pair, Side

#: The pair alone must be off the language pair's ratio by more than this factor...
MISFIT = 1.2
#: ...and the regrouped pair within this factor of it, and clearly closer (by a quarter).
FIT = 1.2
#: Fewer full pairs than this and the ratio is not worth trusting.
MIN_PAIRS = 5


def _length(side: Side) -> int:
    return len(side.text.strip())


def _misfit(target_len: int, source_len: int, ratio: float) -> float:
    return abs(math.log(max(target_len, 1) / (max(source_len, 1) * ratio)))


def _joined(first: Side, second: Side) -> Side:
    return Side(
        doc=first.doc,
        units=first.units + second.units,
        text=f"{first.text} {second.text}".strip(),
        lines=first.lines + second.lines,
    )


def _operative_ids(side: Side) -> list[str]:
    return [u.id for u in side.units if u.role == "operative"]


def _suspicious(pair: Pair) -> bool:
    """One-sided, or two numbered operative paragraphs that do not carry the same number."""
    if pair.source.missing != pair.target.missing:
        side = pair.source if not pair.source.missing else pair.target
        return len(side.units) == 1 and side.units[0].role == "operative"
    if pair.source.missing:
        return False
    src, tgt = _operative_ids(pair.source), _operative_ids(pair.target)
    return len(src) == len(pair.source.units) == 1 and len(tgt) == len(pair.target.units) == 1 and src != tgt


def _single(side: Side, unit) -> Side:
    return Side(doc=side.doc, units=(unit,), text=unit.text, lines=(unit.lines[0],))


def _empty(side: Side) -> Side:
    return Side(doc=side.doc, units=(), text="", lines=())


def _numbers_kept(source_doc, target_doc) -> bool:
    """Whether the target's operative numbers can be trusted to name the source's paragraphs.

    Not when the translator renumbered: fewer paragraphs than the source,
    numbered 1..n without a gap or repeat. Otherwise (same count, or a gap or
    repeat showing the original numbers were kept) they can.
    """
    source = [u.number for u in source_doc.by_role("operative")]
    target = [u.number for u in target_doc.by_role("operative")]
    return len(target) == len(source) or target != list(range(1, len(target) + 1))


def repair_operative_runs(pairs: Sequence[Pair], window: int = 4) -> list[Pair]:
    """Operative paragraphs re-paired by their number where the aligner crossed them.

    Within a run of at most ``window`` consecutive pairs that are one-sided or
    pair ``op.N`` with ``op.M``, each ``op.N`` of the source is paired with the
    target's ``op.N`` of the same run (the translator kept the numbering), the
    rest stay one-sided, if that makes more same-number pairs without crossing.
    Only when the target's numbering shows it was kept (``_numbers_kept``).
    """
    if not pairs or not _numbers_kept(pairs[0].source.doc, pairs[0].target.doc):
        return list(pairs)
    result: list[Pair] = []
    index = 0
    while index < len(pairs):
        end = index
        while end < len(pairs) and end - index < window and _suspicious(pairs[end]):
            end += 1
        run = list(pairs[index:end])
        repaired = _repair(run) if len(run) >= 2 else None
        result += repaired if repaired is not None else run or [pairs[index]]
        index = max(end, index + 1)
    return result


def _repair(run: list[Pair]) -> list[Pair] | None:
    sources = [(u, p) for p in run for u in p.source.units]
    targets = [(u, p) for p in run for u in p.target.units]
    target_ids = {u.id for u, _ in targets}
    source_ids = {u.id for u, _ in sources}
    before = sum(1 for p in run if p.source.units and p.target.units and p.source.units[0].id == p.target.units[0].id)
    out: list[Pair] = []
    i = j = 0
    src_side = next((p.source for p in run if not p.source.missing), None)
    tgt_side = next((p.target for p in run if not p.target.missing), None)
    if src_side is None or tgt_side is None:
        return None  # only omissions, or only additions: nothing to re-pair
    while i < len(sources) or j < len(targets):
        if i < len(sources) and j < len(targets) and sources[i][0].id == targets[j][0].id:
            unit, owner = sources[i]
            out.append(Pair(_single(src_side, unit), _single(tgt_side, targets[j][0]), owner.row, owner.index))
            i, j = i + 1, j + 1
        elif i < len(sources) and sources[i][0].id not in target_ids:
            unit, owner = sources[i]
            out.append(Pair(_single(src_side, unit), _empty(tgt_side), owner.row, owner.index))
            i += 1
        elif j < len(targets) and targets[j][0].id not in source_ids:
            unit, owner = targets[j]
            out.append(Pair(_empty(src_side), _single(tgt_side, unit), owner.row, owner.index))
            j += 1
        else:
            return None  # crossing numbers: leave the aligner's reading
    after = sum(1 for p in out if p.source.units and p.target.units)
    return out if after > before else None


def _same_count(role: str, pair: Pair) -> bool:
    return len(pair.source.doc.by_role(role)) == len(pair.target.doc.by_role(role))


def split_overgrouped(pairs: Sequence[Pair]) -> list[Pair]:
    """A 1-2 (or 2-1) pair next to a lone paragraph that is its extra unit's namesake, re-split.

    ``pp.3`` paired with ``pp.3+pp.4`` beside a lone source ``pp.4`` is two 1-1
    pairs the aligner grouped (typically when the two languages' lengths differ
    a lot, as Chinese and French do). Only when both versions have as many
    paragraphs of that role, so that the ids name the same paragraphs.
    """
    result = list(pairs)
    k = 0
    while k < len(result):
        pair = result[k]
        grouped_target = len(pair.source.units) == 1 and len(pair.target.units) == 2
        grouped_source = len(pair.source.units) == 2 and len(pair.target.units) == 1
        if not (grouped_target or grouped_source):
            k += 1
            continue
        done = False
        for at in (k + 1, k - 1):
            if not 0 <= at < len(result):
                continue
            lone = result[at]
            if grouped_target and not lone.source.missing and lone.target.missing and len(lone.source.units) == 1:
                first, second = pair.target.units
                keep, other = (first, second) if at > k else (second, first)
                unit = pair.source.units[0]
                if unit.id == keep.id and lone.source.units[0].id == other.id and _same_count(unit.role, pair):
                    mine = Pair(pair.source, _single(pair.target, keep), pair.row, pair.index)
                    theirs = Pair(lone.source, _single(pair.target, other), lone.row, lone.index)
                    done = True
            elif grouped_source and lone.source.missing and not lone.target.missing and len(lone.target.units) == 1:
                first, second = pair.source.units
                keep, other = (first, second) if at > k else (second, first)
                unit = pair.target.units[0]
                if unit.id == keep.id and lone.target.units[0].id == other.id and _same_count(unit.role, pair):
                    mine = Pair(_single(pair.source, keep), pair.target, pair.row, pair.index)
                    theirs = Pair(_single(pair.source, other), lone.target, lone.row, lone.index)
                    done = True
            if done:
                low = min(k, at)
                result[low : low + 2] = [mine, theirs] if at > k else [theirs, mine]
                break
        k += 1
    return result


def regroup_by_length(pairs: Sequence[Pair]) -> list[Pair]:
    """``pairs`` (one target language, row order) with merges and splits regrouped."""
    full = [p for p in pairs if not p.source.missing and not p.target.missing]
    if len(full) < MIN_PAIRS:
        return list(pairs)
    ratio = statistics.median(_length(p.target) / max(_length(p.source), 1) for p in full)
    result = list(pairs)
    index = 0
    while index < len(result):
        lone = result[index]
        one_sided = lone.source.missing != lone.target.missing
        if not one_sided:
            index += 1
            continue
        best = None
        for neighbour_at in (index - 1, index + 1):
            if not 0 <= neighbour_at < len(result):
                continue
            neighbour = result[neighbour_at]
            if neighbour.source.missing or neighbour.target.missing:
                continue
            if len(neighbour.source.units) != 1 or len(neighbour.target.units) != 1:
                continue
            extra_side = lone.source if not lone.source.missing else lone.target
            if extra_side.units[0].role != neighbour.source.units[0].role:
                continue
            src, tgt = _length(neighbour.source), _length(neighbour.target)
            before = _misfit(tgt, src, ratio)
            if lone.target.missing:
                after = _misfit(tgt, src + _length(lone.source), ratio)
            else:
                after = _misfit(tgt + _length(lone.target), src, ratio)
            fits = before > math.log(MISFIT) and after < math.log(FIT) and after < before * 0.75
            if fits and (best is None or after < best[0]):
                best = (after, neighbour_at)
        if best is None:
            index += 1
            continue
        neighbour_at = best[1]
        neighbour = result[neighbour_at]
        first, second = (neighbour, lone) if neighbour_at < index else (lone, neighbour)
        if lone.target.missing:
            merged = Pair(source=_joined(first.source, second.source), target=neighbour.target,
                          row=neighbour.row, index=neighbour.index)
        else:
            merged = Pair(source=neighbour.source, target=_joined(first.target, second.target),
                          row=neighbour.row, index=neighbour.index)
        low = min(index, neighbour_at)
        result[low : low + 2] = [merged]
        index = low + 1
    return result
