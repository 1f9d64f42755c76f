"""What the numbers rules share: each side's numbers as mentions (no rule lives here)."""

from __future__ import annotations

from typing import Callable

from qa_rules.base import Side
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
