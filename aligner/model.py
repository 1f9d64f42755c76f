"""The values that flow through hexaglot: file -> Document -> Alignment.

Every value here is a frozen dataclass. A reader builds a ``Document``; an
aligner takes documents and builds an ``Alignment``; QA rules take an
``Alignment`` and yield findings (see ``qa_rules.model``). Nothing here knows
how it was produced or what will read it.

Line numbers are 1-based line numbers of the input file, so that every report
can point a reviewer at the place to look.
"""

from __future__ import annotations

import sys
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal, Mapping

#: The six official languages of the United Nations, in UN order (English
#: alphabetical order of the language names).
OFFICIAL_LANGUAGES: tuple[str, ...] = ("ar", "zh", "en", "fr", "ru", "es")

#: Languages written right to left.
RTL_LANGUAGES: frozenset[str] = frozenset({"ar"})

Role = Literal["meta", "title", "preambular", "operative", "footnote", "closing", "segment"]
#: Roles a unit can have. ``segment`` is a unit of a pre-segmented (lines) input.
ROLES: tuple[str, ...] = ("meta", "title", "preambular", "operative", "footnote", "closing", "segment")


@dataclass(frozen=True)
class Span:
    """A stretch of a unit's clean text: ``text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class FootnoteRef:
    """A footnote marker cited in a unit's text (``<sup>3</sup>``)."""

    number: int
    offset: int  # offset in the unit's clean text where the marker stood
    line: int


@dataclass(frozen=True)
class Cut:
    """A place where the reader joined two pieces of one paragraph across a gap in the file.

    ``kind`` is ``"page"`` when page furniture stood in the gap (a ``---``
    separator, a page number, a running header, a footnote block) and
    ``"blank"`` when only a blank line did: the one a person could also have
    typed to split the paragraph.
    """

    offset: int  # offset in the unit's clean text where the second piece starts
    line: int  # 1-based input line where the second piece starts
    kind: str  # "page" or "blank"


@dataclass(frozen=True)
class Sentence:
    """One sentence of a unit, with its offsets in the unit's clean text."""

    text: str
    start: int
    end: int
    line: int  # 1-based input line where the sentence starts


@dataclass(frozen=True)
class Unit:
    """One structural unit of a document: a paragraph, a footnote, a title.

    ``id`` is stable and readable: ``meta.1``, ``title``, ``pp.3``, ``op.9``,
    ``fn.2``, ``closing.1``, ``seg.17`` (lines input). ``text`` is the clean
    text (markup removed, hard line breaks and page-break cuts joined).
    """

    id: str
    role: str
    text: str
    lines: tuple[int, int]
    number: int | None = None
    sentences: tuple[Sentence, ...] = ()
    footnotes: tuple[FootnoteRef, ...] = ()
    italic: tuple[Span, ...] = ()
    #: Input lines of each character run: (offset in text, line). Lets a rule
    #: point at the line where an offending piece of text is.
    line_offsets: tuple[tuple[int, int], ...] = ()
    #: Inline tags of pre-aligned (XLIFF/TMX) input: Span(offset, offset, "g#1"), compared by rules, not text.
    markup: tuple[Span, ...] = ()
    #: CAT-tool segment status (``Translated``, ``Draft``, ``ApprovedSignOff locked``...); "" if none.
    status: str = ""
    #: Where the reader rejoined this paragraph across a page break or a blank line.
    cuts: tuple[Cut, ...] = ()

    def line_at(self, offset: int) -> int:
        """The 1-based input line holding character ``offset`` of ``text`` (by bisection:
        a unit may have many lines, and rules ask for many offsets)."""
        index = bisect_right(self.line_offsets, (offset, sys.maxsize))
        return self.line_offsets[index - 1][1] if index else self.lines[0]

    def sentence_unit(self, number: int) -> Unit:
        """The ``number``-th (1-based) sentence as a unit of its own (id ``op.9.s2``), offsets rebased."""
        sent = self.sentences[number - 1]
        start, end = sent.start, sent.end
        return Unit(
            id=f"{self.id}.s{number}",
            role=self.role,
            text=sent.text,
            lines=(sent.line, sent.line),
            number=self.number,
            sentences=(Sentence(sent.text, 0, len(sent.text), sent.line),),
            footnotes=tuple(FootnoteRef(f.number, f.offset - start, f.line)
                            for f in self.footnotes if start <= f.offset <= end),
            italic=tuple(Span(s.start - start, s.end - start, s.text) for s in self.italic if start <= s.start < end),
            line_offsets=tuple((max(o - start, 0), ln) for o, ln in self.line_offsets if o < end),
            cuts=tuple(Cut(c.offset - start, c.line, c.kind) for c in self.cuts if start < c.offset < end),
        )


def sentence_id(unit_id: str) -> tuple[str, int] | None:
    """``op.9.s2`` -> ``("op.9", 2)``; None when ``unit_id`` names no sentence."""
    parent, _, tail = unit_id.rpartition(".s")
    return (parent, int(tail)) if parent and tail.isdigit() else None


@dataclass(frozen=True)
class Document:
    """A document read from one file, in one language, with its structure."""

    path: str
    lang: str
    units: tuple[Unit, ...]
    input_format: str = "md"
    #: Odd but readable structure (numbering gaps, a marker with no footnote).
    warnings: tuple[str, ...] = ()
    #: Free metadata from the file (e.g. provenance lines), never interpreted.
    metadata: Mapping[str, str] = field(default_factory=dict)

    def unit(self, unit_id: str) -> Unit | None:
        for unit in self.units:
            if unit.id == unit_id:
                return unit
        return None

    def by_role(self, role: str) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.role == role)

    def find(self, unit_id: str) -> Unit | None:
        """The unit a cell names: a unit id (``op.9``) or a sentence of one (``op.9.s2``, 1-based).

        A sentence comes back as a unit of its own (``Unit.sentence_unit``); a
        unit without sentences is its own ``.s1``. None if nothing matches.
        """
        unit = self.unit(unit_id)
        parts = sentence_id(unit_id) if unit is None else None
        if parts is None:
            return unit
        parent = self.unit(parts[0])
        if parent is None:
            return None
        if 1 <= parts[1] <= len(parent.sentences):
            return parent.sentence_unit(parts[1])
        return parent if parts[1] == 1 and not parent.sentences else None


@dataclass(frozen=True)
class Cell:
    """What one language contributes to one aligned row.

    ``units`` are unit ids (paragraph level: ``op.9``; sentence level:
    ``op.9.s2`` for the 1-based second sentence of op.9). An empty ``units``
    means the language has nothing there (an omission or an insertion).
    """

    units: tuple[str, ...]
    lines: tuple[int, ...]
    text: str
    #: How many rows this cell covers, its own first: where one language merges
    #: what the pivot keeps apart (the English pp.3 translating the French pp.3
    #: and pp.4), its cell spans the pivot's rows instead of coarsening them, so
    #: that the other languages' pp.3 and pp.4 keep a row each.
    span: int = 1
    #: Set on the cells a span covers below its first row: the units of the
    #: spanning cell above, which this empty cell continues (never a gap).
    continues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    """One aligned row: a cell per language and a confidence in [0, 1]."""

    cells: Mapping[str, Cell]
    score: float


Level = Literal["paragraph", "sentence"]


@dataclass(frozen=True)
class Alignment:
    """Several versions of one document aligned row by row.

    ``languages`` are in input order, the pivot first. ``documents`` holds
    the aligned documents by language so that later steps can read the full
    units (italic spans, footnote markers) a row's cells name.
    """

    languages: tuple[str, ...]
    pivot: str
    level: str
    rows: tuple[Row, ...]
    documents: Mapping[str, Document]
    signature: str = ""
    #: Per target language, its own alignment with the pivot: one two-cell row
    #: (pivot, target) per bead, in order, either cell possibly empty. These are
    #: the same whatever other languages are aligned; ``rows`` join them, and
    #: where a target merges pivot units its joined cell spans several rows
    #: (``Cell.span``) while its bead is one pair row here (per-language checks
    #: read these). Empty when the alignment came from a pre-aligned file (TMX, XLIFF).
    pair_rows: Mapping[str, tuple[Row, ...]] = field(default_factory=dict)
