"""Beads: the units of an alignment between two sequences of segments."""

from __future__ import annotations

from dataclasses import dataclass

#: Bead shapes (source count, target count) allowed between paragraphs.
PARAGRAPH_BEADS: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2))
#: Runs of up to four segments with no counterpart (a block of photo captions,
#: OCR debris, a translator's note): searched as one bead, whose prior is paid
#: once, and returned as single null beads (see ``segments.split_null_runs``).
NULL_RUNS: tuple[tuple[int, int], ...] = ((0, 2), (2, 0), (0, 3), (3, 0), (0, 4), (4, 0))
#: Bead shapes allowed between sentences (up to 1-4 / 4-1, and null runs).
SENTENCE_BEADS: tuple[tuple[int, int], ...] = PARAGRAPH_BEADS + ((1, 3), (3, 1), (1, 4), (4, 1), (2, 3), (3, 2)) \
    + NULL_RUNS


@dataclass(frozen=True)
class Bead:
    """Source segments ``src`` aligned with target segments ``tgt`` (0-based
    indices, consecutive, either side possibly empty) and a confidence in [0, 1]:
    the estimated probability that the bead is exactly right."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float = 1.0
    cost: float = 0.0
    #: Item ids (``op.9``, ``op.9.s2``, ``seg.17``) when aligned from documents.
    src_ids: tuple[str, ...] = ()
    tgt_ids: tuple[str, ...] = ()

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.src), len(self.tgt))
