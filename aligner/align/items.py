"""What gets aligned in a document at a given level: paragraphs or sentences.

An ``Item`` is one paragraph-level unit or one sentence of a unit, with the
id a ``Cell`` will carry (``op.9`` / ``op.9.s2``), its input lines and text.
Footnotes form their own stream: footnote blocks fall at different places in
each version, so they are aligned among themselves, never against the body.
"""

from __future__ import annotations

from dataclasses import dataclass

from aligner.model import Document, Unit


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    lines: tuple[int, ...]
    role: str
    unit: int  # index of the unit in the document
    number: int | None = None

    @property
    def stream(self) -> str:
        return "notes" if self.role == "footnote" else "body"


def unit_lines(unit: Unit) -> tuple[int, ...]:
    """The input lines a unit's text comes from (its line runs, else its range)."""
    if unit.line_offsets:
        return tuple(sorted({line for _, line in unit.line_offsets}))
    return tuple(range(unit.lines[0], unit.lines[1] + 1))


def paragraph_items(doc: Document) -> list[Item]:
    return [Item(id=u.id, text=u.text, lines=unit_lines(u), role=u.role, unit=k, number=u.number)
            for k, u in enumerate(doc.units)]


def sentence_items(doc: Document, unit_index: int) -> list[Item]:
    """The sentences of one unit (the whole unit as ``.s1`` if it has none)."""
    unit = doc.units[unit_index]
    if doc.input_format == "lines" or unit.role == "segment":
        return [Item(id=unit.id, text=unit.text, lines=unit_lines(unit), role=unit.role, unit=unit_index,
                     number=unit.number)]
    sentences = unit.sentences or ()
    if not sentences:
        return [Item(id=f"{unit.id}.s1", text=unit.text, lines=unit_lines(unit)[:1], role=unit.role,
                     unit=unit_index, number=unit.number)]
    return [Item(id=f"{unit.id}.s{k}", text=s.text, lines=(s.line,), role=unit.role, unit=unit_index,
                 number=unit.number) for k, s in enumerate(sentences, start=1)]


def structure_key(item: Item) -> str | None:
    """The structural identity that anchors an item across versions, if any."""
    if item.role == "operative" and item.number is not None:
        return f"op.{item.number}"
    if item.role == "footnote" and item.number is not None:
        return f"fn.{item.number}"
    if item.role == "title":
        return "title"
    return None
