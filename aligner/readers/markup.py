"""Inline markup of the UN text form: what is text, what is italic, where footnotes are cited.

A paragraph arrives as raw pieces (one per input line, already joined in order);
``clean_inline`` removes the markup and returns the clean text with

- italic spans (``*Réaffirmant*``; an italic run may cross a line break),
- footnote markers (``<sup>3</sup>``; digits only -- ``43<sup>e</sup>``,
  ``1<sup>er</sup>``, ``2<sup>nd</sup>`` are ordinals and stay in the text as ``43e``),
- links reduced to their text (``[74/175](#)`` -> ``74/175``),
- ``**bold**`` markers and backslash escapes removed,

and the input line of every clean character run, so that each offset can be
traced back to a 1-based input line. ``shift_inline``, ``split_inline_lines`` and
``first_line_offsets`` cut a clean ``Inline`` and keep its spans, markers and lines.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import islice, takewhile

from aligner.model import FootnoteRef, Span

# Every alternative costs time linear in the text it scans: the spaces after ``<sup>`` are
# taken possessively (giving them back never helps the match, and trying each split of a
# long run of spaces is quadratic), and a link target stops at the next ``[``, so that
# ``[a](`` repeated on one long line is not scanned to the line's end again and again.
_TOKEN = re.compile(
    r"<sup>\s*+(?P<sup>[^<]{0,12}?)\s*</sup>"
    r"|\[(?P<link>[^\[\]\n]*)\]\([^)\n\[]*\)"
    r"|\\(?P<esc>[\\*_\[\]()#<>`-])"
    r"|(?P<bold>\*\*)"
    r"|(?P<star>\*)"
    r"|<(?P<tag>/?(?:em|i|b|strong|br)\s*/?)>",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Piece:
    """A raw stretch of text and the input line it comes from."""

    text: str
    line: int


@dataclass(frozen=True)
class Inline:
    text: str
    italic: tuple[Span, ...]
    footnotes: tuple[FootnoteRef, ...]
    line_offsets: tuple[tuple[int, int], ...]
    unclosed_italic: bool


def clean_inline(pieces: list[Piece]) -> Inline:
    """Clean text, italic spans, footnote markers and line map of raw pieces."""
    out: list[str] = []
    length = 0
    line_offsets: list[tuple[int, int]] = []
    italic_starts: list[int] = []
    italic_pairs: list[tuple[int, int]] = []
    notes: list[FootnoteRef] = []
    open_at: int | None = None

    def emit(s: str, line: int) -> None:
        nonlocal length
        if not s:
            return
        if not line_offsets or line_offsets[-1][1] != line:
            line_offsets.append((length, line))
        out.append(s)
        length += len(s)

    for piece in pieces:
        raw, line = piece.text, piece.line
        pos = 0
        for m in _TOKEN.finditer(raw):
            emit(raw[pos:m.start()], line)
            pos = m.end()
            if m.group("sup") is not None:
                content = m.group("sup")
                if content.isdigit() and content.isascii():
                    notes.append(FootnoteRef(number=int(content), offset=length, line=line))
                else:
                    emit(content, line)  # an ordinal: 43<sup>e</sup> reads 43e
            elif m.group("link") is not None:
                emit(m.group("link"), line)
            elif m.group("esc") is not None:
                emit(m.group("esc"), line)
            elif m.group("star") is not None or (m.group("tag") or "").lower().strip("/ ") in ("em", "i"):
                closing = (m.group("tag") or "").startswith("/")
                if m.group("star") is not None:
                    closing = open_at is not None
                if not closing and open_at is None:
                    open_at = length
                    italic_starts.append(length)
                elif closing and open_at is not None:
                    italic_pairs.append((open_at, length))
                    open_at = None
            # bold markers and other tags are dropped
        emit(raw[pos:], line)
    unclosed = open_at is not None
    if unclosed:
        italic_pairs.append((open_at, length))
    text = "".join(out)
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    if lead:
        italic_pairs = [(max(a - lead, 0), max(b - lead, 0)) for a, b in italic_pairs]
        notes = [FootnoteRef(n.number, max(n.offset - lead, 0), n.line) for n in notes]
        line_offsets = [(max(o - lead, 0), ln) for o, ln in line_offsets]
    notes = [FootnoteRef(n.number, min(n.offset, len(text)), n.line) for n in notes]
    spans = _trim_spans(text, [(min(a, len(text)), min(b, len(text))) for a, b in italic_pairs])
    return Inline(text, spans, tuple(notes), _dedupe(line_offsets), unclosed)


def _dedupe(offsets: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Keep, for each offset, the last line that starts there."""
    kept: dict[int, int] = {}
    for offset, line in offsets:
        kept[offset] = line
    return tuple(sorted(kept.items()))


def _trim_spans(text: str, pairs: list[tuple[int, int]]) -> tuple[Span, ...]:
    spans = []
    for start, end in pairs:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(Span(start, end, text[start:end]))
    return tuple(spans)


def shift_inline(inline: Inline, cut: int) -> Inline:
    """``inline`` without its first ``cut`` characters and the spaces after them, its spans,
    footnote markers and line offsets moved with the text."""
    rest = inline.text[cut:]
    lead = len(rest) - len(rest.lstrip())
    cut += lead
    text = inline.text[cut:]
    spans = tuple(Span(max(s.start - cut, 0), s.end - cut, text[max(s.start - cut, 0):s.end - cut])
                  for s in inline.italic if s.end - cut > 0)
    notes = tuple(FootnoteRef(n.number, max(n.offset - cut, 0), n.line) for n in inline.footnotes)
    offsets: dict[int, int] = {}
    for off, ln in inline.line_offsets:
        offsets[max(off - cut, 0)] = ln
    return Inline(text, spans, notes, tuple(sorted(offsets.items())), inline.unclosed_italic)


def split_inline_lines(inline: Inline) -> list[Inline]:
    """One ``Inline`` per input line of a block (front-page and closing lines are units each).

    Italic spans and footnote markers are in text order: each line looks only at
    those near it (bisection), so a block of many lines stays linear.
    """
    bounds = [off for off, _ in inline.line_offsets] + [len(inline.text)]
    span_ends = [s.end for s in inline.italic]
    note_offsets = [n.offset for n in inline.footnotes]
    parts = []
    for i, (start, line) in enumerate(inline.line_offsets):
        end = bounds[i + 1]
        raw = inline.text[start:end]
        lead = len(raw) - len(raw.lstrip())
        a, b = start + lead, start + len(raw.rstrip())
        if b <= a:
            continue
        text = inline.text[a:b]
        spans = tuple(Span(max(s.start, a) - a, min(s.end, b) - a, inline.text[max(s.start, a):min(s.end, b)])
                      for s in takewhile(lambda s: s.start < b, islice(inline.italic, bisect_right(span_ends, a), None)))
        first_note = bisect_left(note_offsets, a)
        last_note = bisect_right(note_offsets, b)
        notes = tuple(FootnoteRef(n.number, n.offset - a, n.line) for n in inline.footnotes[first_note:last_note]
                      if n.line == line)
        parts.append(Inline(text, spans, notes, ((0, line),), False))
    return parts


def first_line_offsets(line_offsets: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """(offset, line) of the first character of each input line in a unit's clean text."""
    seen: set[int] = set()
    firsts = []
    for offset, line in line_offsets:
        if line not in seen:
            seen.add(line)
            firsts.append((offset, line))
    return firsts
