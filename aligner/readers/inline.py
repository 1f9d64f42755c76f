"""Inline content of CAT-tool files (XLIFF 1.2/2.x, TMX) as clean text plus markup.

A CAT tool's segment mixes text with inline codes: ``<g>``/``<pc>``/``<hi>``/``<mrk>``
wrap translatable text, ``<x/>``/``<ph>``/``<bpt>``/``<ept>``/``<it>``/``<sc>``/``<ec>``
stand for native formatting whose content (``&lt;B>``) is not text. ``flatten``
returns the segment's text with the codes removed, and each code as a
``Span(start, end, "kind#id")`` in ``Unit.markup`` so rules compare the codes of
source and target as markup rather than as words. Line numbers are those of the
input file (``lxml`` ``sourceline``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from aligner.model import Span

#: Codes that wrap translatable text: their content stays text.
CONTAINERS = frozenset({"g", "pc", "hi", "mrk", "span"})
#: Codes that stand for native data: their content is not text (``sub`` flows excepted).
PLACEHOLDERS = frozenset({"x", "ph", "bpt", "ept", "it", "bx", "ex", "sc", "ec", "em", "ut", "cp", "ude"})
#: Elements of a segment that are not content at all.
SKIPPED = frozenset({"sub"})

_LAYOUT_SPACE = re.compile(r"[ \t]*\n\s*")


def local(tag: object) -> str:
    """The local name of an element tag (``{ns}g`` -> ``g``); '' for comments and PIs."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def code_id(el: etree._Element) -> str:
    """``kind#id`` of an inline code, with the attribute that pairs it across languages."""
    kind = local(el.tag)
    for attr in ("id", "i", "x", "mid", "rid", "startRef"):
        value = el.get(attr)
        if value is not None:
            return f"{kind}#{value}"
    mtype = el.get("mtype") or el.get("type")
    return f"{kind}:{mtype}" if mtype else kind


@dataclass
class Flat:
    """A flattened segment: clean text, its codes, and where its lines change."""

    text: str
    markup: tuple[Span, ...]
    line_offsets: tuple[tuple[int, int], ...]
    first_line: int
    last_line: int


class _Builder:
    def __init__(self, line: int) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.line = line
        self.line_offsets: list[tuple[int, int]] = [(0, line)]
        self.spans: list[tuple[int, int, str]] = []

    def add(self, raw: str | None) -> None:
        if not raw:
            return
        piece = _LAYOUT_SPACE.sub(" ", raw)  # layout newlines and indentation of the XML file
        if piece.startswith(" ") and self.parts and self.parts[-1].endswith(" "):
            piece = piece[1:]
        if piece:
            self.parts.append(piece)
            self.length += len(piece)
        self.advance(raw)

    def advance(self, raw: str | None) -> None:
        if raw and "\n" in raw:
            self.line += raw.count("\n")
            self.line_offsets.append((self.length, self.line))


def flatten(el: etree._Element, skip: frozenset[str] = frozenset()) -> Flat:
    """Flatten the inline content of ``el`` (a ``source``, ``target``, ``seg`` or ``mrk``).

    ``skip``: local names of children left out entirely (e.g. nested segment
    ``mrk`` handled by the caller).
    """
    builder = _Builder(el.sourceline or 0)
    builder.add(el.text)
    for child in el:
        _walk(child, builder, skip)
    raw = "".join(builder.parts)
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    end = len(text)

    def clamp(offset: int) -> int:
        return min(max(offset - lead, 0), end)

    spans = tuple(Span(clamp(s), clamp(e), name) for s, e, name in builder.spans)
    offsets = tuple(sorted({(clamp(o), ln) for o, ln in builder.line_offsets}))
    return Flat(text, spans, offsets, el.sourceline or 0, builder.line)


def _walk(el: etree._Element, builder: _Builder, skip: frozenset[str]) -> None:
    kind = local(el.tag)
    if kind and kind not in skip:
        start = builder.length
        if kind in PLACEHOLDERS or kind in SKIPPED:
            builder.advance("".join(el.itertext()))  # native code: not text, but it has lines
        else:  # containers and unknown elements: their content is text
            builder.add(el.text)
            for child in el:
                _walk(child, builder, skip)
        builder.spans.append((start, builder.length, code_id(el)))
    builder.add(el.tail)


def base_lang(code: str | None) -> str:
    """``fr-FR`` -> ``fr``; ``zh-Hans-CN`` -> ``zh``; '' for none."""
    if not code:
        return ""
    return code.replace("_", "-").split("-")[0].lower()
