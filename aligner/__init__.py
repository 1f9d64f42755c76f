"""Documents in, alignments out: readers, structure, segmentation, alignment, writers."""

from aligner.errors import InputError
from aligner.model import Alignment, Cell, Document, Row, Sentence, Span, Unit

__all__ = ["Alignment", "Cell", "Document", "InputError", "Row", "Sentence", "Span", "Unit"]
