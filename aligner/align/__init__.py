"""Alignment: documents in, an ``Alignment`` (rows of cells) out.

- ``align_documents(documents, level, lexicon)``: any number of versions, the
  first one the pivot, joined into rows (``aligner.model.Alignment``).
- ``align_pair(src, tgt, level)``: the beads between two documents.
- ``align_segments(src, tgt, shapes)``: the engine, on plain segment lists.
- ``score``: strict and lax precision/recall/F1 against gold beads.

How it aligns is described in ``docs/alignment.md``.
"""

from aligner.align.beads import PARAGRAPH_BEADS, SENTENCE_BEADS, Bead
from aligner.align.pair import LEVELS, align_pair
from aligner.align.rows import align_documents, signature
from aligner.align.segments import align_segments

__all__ = ["Bead", "LEVELS", "PARAGRAPH_BEADS", "SENTENCE_BEADS", "align_documents", "align_pair",
           "align_segments", "signature"]
