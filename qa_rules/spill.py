"""Items sorted by key in bounded memory: a run's findings, held on disk once there are many.

``SortedSpill`` keeps up to ``chunk`` items in memory; past that it sorts them and writes them
(pickled, in blocks) to one temporary file as a sorted run, and reading merges the runs
(``heapq.merge``). Each reading goes through the file again, so the items can be read several
times (the engine reads a run's findings once to find causes, once to find what they explain,
once to report them) while memory holds one chunk and one block per run::

    >>> spill = SortedSpill(chunk=2)
    >>> for key, item in [(3, "c"), (1, "a"), (2, "b"), (1, "a2")]:
    ...     spill.add(key, item)
    >>> list(spill), list(spill)
    (['a', 'a2', 'b', 'c'], ['a', 'a2', 'b', 'c'])

Items with equal keys come in the order they were added. The file is deleted on ``close``
(or when the spill is collected).
"""

from __future__ import annotations

import heapq
import pickle
import tempfile
from typing import IO, Any, Iterator

#: Items held in memory before a sorted run goes to disk.
CHUNK = 2000
#: Items pickled together (one read brings a block of a run into memory).
BLOCK = 100


class SortedSpill:
    """Add ``(key, item)``; iterate the items by key, then by order added (see the module)."""

    def __init__(self, chunk: int | None = None) -> None:
        self.chunk = chunk or CHUNK
        self.buffer: list[tuple[Any, int, Any]] = []
        self.runs: list[tuple[int, int]] = []  # (offset, number of blocks) of each sorted run
        self.file: IO[bytes] | None = None
        self.added = 0

    def __len__(self) -> int:
        return self.added

    def add(self, key: Any, item: Any) -> None:
        self.buffer.append((key, self.added, item))
        self.added += 1
        if len(self.buffer) >= self.chunk:
            self._write_run()

    def _write_run(self) -> None:
        if self.file is None:
            self.file = tempfile.TemporaryFile(prefix="hexaglot-findings-")
        self.buffer.sort()  # by key, then order added (never the item: no two were added at once)
        self.file.seek(0, 2)
        offset, blocks = self.file.tell(), 0
        for start in range(0, len(self.buffer), BLOCK):
            pickle.dump(self.buffer[start:start + BLOCK], self.file, protocol=pickle.HIGHEST_PROTOCOL)
            blocks += 1
        self.runs.append((offset, blocks))
        self.buffer = []

    def __iter__(self) -> Iterator[Any]:
        for _, _, item in self._entries():
            yield item

    def keyed(self) -> Iterator[tuple[Any, Any]]:
        """``(key, item)`` in the same order."""
        for key, _, item in self._entries():
            yield key, item

    def _entries(self) -> Iterator[tuple[Any, int, Any]]:
        # entries compare by key, then by the order added, which no two share: never by item
        if not self.runs:
            self.buffer.sort()  # in place: read again, it is sorted already
            return iter(self.buffer)
        if self.buffer:
            self._write_run()
        return heapq.merge(*(self._read_run(offset, blocks) for offset, blocks in self.runs))

    def _read_run(self, offset: int, blocks: int) -> Iterator[tuple[Any, int, Any]]:
        assert self.file is not None
        for _ in range(blocks):
            self.file.seek(offset)
            block = pickle.load(self.file)
            offset = self.file.tell()
            yield from block

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None
        self.buffer, self.runs = [], []
