"""The places a whole-document rule may report, kept in bounded memory until the run ends.

A rule that looks across a whole run (CO01, CO02, LE01, TE05) learns only at the end which of
the places it has seen are findings: which rendering of a source paragraph is the usual one,
what a language pair's median length ratio is. It keeps its keys and counts in memory and hands
the places it may report, one entry a pair, to ``Candidates``: past a chunk of entries they wait
on disk (pickled, in the order added), so that the rule's memory does not grow with the number
of pairs. Read once at the end, in the order added, they give the rule what it reports; it keeps
only those::

    >>> held = Candidates(chunk=2)
    >>> for place in ["a", "b", "c"]:
    ...     held.add(place)
    >>> list(held), held.file is None
    (['a', 'b', 'c'], True)

A place is written as plain values: ``at`` and ``side_at`` make a finding's location a tuple,
``location`` makes it a ``Location`` again.
"""

from __future__ import annotations

import pickle
import tempfile
from typing import IO, Any, Iterator

from qa_rules.base import Side
from qa_rules.model import Location

#: Entries (a pair's places) held in memory before they go to disk.
CHUNK = 256


class Candidates:
    """``add(entry)``; iterating gives the entries in the order added, once (the file is deleted
    after the reading)."""

    def __init__(self, chunk: int | None = None) -> None:
        self.chunk = chunk or CHUNK
        self.buffer: list[Any] = []
        self.file: IO[bytes] | None = None
        self.written = 0  # chunks on disk
        self.added = 0

    def __len__(self) -> int:
        return self.added

    def add(self, entry: Any) -> None:
        self.buffer.append(entry)
        self.added += 1
        if len(self.buffer) >= self.chunk:
            if self.file is None:
                self.file = tempfile.TemporaryFile(prefix="hexaglot-places-")
            pickle.dump(self.buffer, self.file, protocol=pickle.HIGHEST_PROTOCOL)
            self.written += 1
            self.buffer = []

    def __iter__(self) -> Iterator[Any]:
        try:
            if self.file is not None:
                self.file.seek(0)
                for _ in range(self.written):
                    yield from pickle.load(self.file)
            yield from self.buffer
        finally:
            self.close()

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None
        self.buffer, self.written = [], 0


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
