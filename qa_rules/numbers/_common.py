"""What the numbers rules share: each side's numbers as mentions (no rule lives here)."""

from __future__ import annotations

from collections import Counter
from typing import Callable, NamedTuple

from qa_rules.base import Pair, Side
from qa_rules.mentions import Mention
from qa_rules.numbers.extract import Number, numbers


def number_mentions(side: Side, keep: Callable[[Number], bool] = lambda n: True) -> list[tuple[Mention, Number]]:
    """(mention, number) for each number of each unit of the side that ``keep`` accepts."""
    found = []
    for unit in side.units:
        for number in numbers(unit.text, side.lang):
            if keep(number):
                found.append((Mention(number.key, number.text, unit, number.start, number.end), number))
    return found


class PairNumbers(NamedTuple):
    """The numbers of both sides of a pair, as ``(mention, number)`` lists."""

    source: list[tuple[Mention, Number]]
    target: list[tuple[Mention, Number]]

    def counts(self, side: str, keep: Callable[[Number], bool] = lambda n: True) -> Counter:
        """How many times each value occurs on ``side`` (``"source"``/``"target"``) among numbers ``keep`` accepts."""
        return Counter(m.key for m, n in getattr(self, side) if keep(n))

    def of_kind(self, side: str, key: str, kind: str) -> list[Mention]:
        """The mentions of value ``key`` written as ``kind`` (``digits``, ``ordinal``...) on ``side``."""
        return [m for m, n in getattr(self, side) if m.key == key and n.kind == kind]


def strong(number: Number) -> bool:
    """A number that must be matched (not a weak reading such as une dizaine)."""
    return number.kind != "weak"


def pair_numbers(pair: Pair) -> PairNumbers:
    """Both sides' numbers (the rules declare ``needs_both_sides``; the engine
    only calls them on pairs with both sides, in languages they cover)."""
    return PairNumbers(number_mentions(pair.source), number_mentions(pair.target))


def unmatched(both: PairNumbers, kind: str) -> tuple[list[Mention], list[Mention]]:
    """Numbers written as ``kind`` whose value the other side lacks: (missing in the target, extra in it).

    A value counts as present in any form (digits, words, ordinal, weak); only
    strong mentions must be matched, and the last ones of a value are reported.
    """
    if not both.source and not both.target:
        return [], []  # no number on either side (most pairs): nothing to count
    src_all, tgt_all = both.counts("source"), both.counts("target")
    src_strong, tgt_strong = both.counts("source", strong), both.counts("target", strong)
    missing: list[Mention] = []
    extra: list[Mention] = []
    for key in dict.fromkeys([*src_all, *tgt_all]):  # first-seen order: reports stay in text order
        src_kind = both.of_kind("source", key, kind)
        tgt_kind = both.of_kind("target", key, kind)
        lacking = min(len(src_kind), src_strong[key] - tgt_all[key])
        surplus = min(len(tgt_kind), tgt_strong[key] - src_all[key])
        missing += src_kind[len(src_kind) - lacking :] if lacking > 0 else []
        extra += tgt_kind[len(tgt_kind) - surplus :] if surplus > 0 else []
    return missing, extra
