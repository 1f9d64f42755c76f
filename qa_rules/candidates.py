"""The places a whole-document rule may report, kept in bounded memory until the run ends.

A rule that looks across a whole run (CO01, CO02, LE01, TE05) learns only at the end which of
the places it has seen are findings: which rendering of a source paragraph is the usual one,
what a language pair's median length ratio is. It keeps its keys and counts in memory and hands
each place it may report to ``Candidates``, under the group it belongs to (a source paragraph,
a language): they come back group by group, in the order added, and past a chunk they wait on
disk (``qa_rules.spill``), so that the rule's memory does not grow with the number of pairs::

    >>> held = Candidates()
    >>> for group, place in [(2, "b"), (1, "a"), (2, "b2")]:
    ...     held.add(group, place)
    >>> list(held)
    [(1, 'a'), (2, 'b'), (2, 'b2')]

A place is written as plain values: ``at`` and ``location`` turn a finding's ``Location``
into a tuple and back.
"""

from __future__ import annotations

from typing import Any, Iterator

from qa_rules.base import Side
from qa_rules.model import Location
from qa_rules.spill import SortedSpill


class Candidates:
    """``add(group, item)``; iterating gives ``(group, item)`` by group, then in the order added
    (once: the file is deleted after the reading)."""

    def __init__(self, chunk: int | None = None) -> None:
        self.spill = SortedSpill(chunk)

    def __len__(self) -> int:
        return len(self.spill)

    def add(self, group: Any, item: Any) -> None:
        self.spill.add(group, item)

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        try:
            yield from self.spill.keyed()
        finally:
            self.spill.close()


def at(location: Location | None) -> tuple | None:
    """``location`` as plain values (quick to write to disk and read back)."""
    return None if location is None else (location.path, location.lang, location.unit, location.line)


def side_at(side: Side, line: int | None = None) -> tuple | None:
    """``at(side.location)`` (``line``: another line of the side's), without making the location."""
    if side.missing:
        return None
    return side.doc.path, side.doc.lang, side.unit_id, side.line if line is None else line


def location(values: tuple | None) -> Location | None:
    """The ``Location`` ``at`` wrote."""
    return None if values is None else Location(*values)
