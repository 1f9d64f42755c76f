"""The structure of a UN resolution in its text form (``.md``/``.txt``): lines -> units.

Reading happens in three passes:

1. ``_blocks``: input lines -> blocks (paragraphs, headings, footnote blocks),
   dropping page furniture: ``---`` separators, the running header after a
   separator (the symbol, e.g. ``E/RES/2023/26``), page numbers (``3/9``),
   HTML comments and a front-matter block (their ``key: value`` lines go to
   ``Document.metadata``).
2. ``_zones``: blocks -> roles. Headings before the body are ``meta``, except the
   one carrying the resolution number (``## 2023/26. ...``) or, failing that,
   the last heading, which is the ``title``; the lines of the front page before
   the title are one ``meta`` unit each; paragraphs between the title and the
   body opener (the ECOSOC lines before "L'Assemblée générale,") and the opener
   itself are ``meta``. In the body, paragraphs cut by a page break or a blank
   line are rejoined (see ``_is_continuation``); numbered ones are
   ``operative`` (``op.N``), unnumbered ones before the first operative are
   ``preambular`` (``pp.N``), unnumbered ones after it are sub-paragraphs
   joined to the operative before them, until the meeting line, from which on
   every line is ``closing``: ``closing.1`` is the meeting line, ``closing.2``
   the date, whatever their order in the file (Chinese puts the date first).
   Footnote blocks are ``fn.N`` and come last, in file order.
3. checks: numbering gaps and repeats, markers with no footnote, footnotes never
   cited -> ``Document.warnings``. No preambular or operative paragraph at all
   is an ``InputError``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from aligner.errors import InputError
from aligner.model import Cut, Document, FootnoteRef, Sentence, Span, Unit
from aligner.readers.keywords import LANGS, LangFacts
from aligner.readers.markup import Inline, Piece, clean_inline
from aligner.segment import split_sentences

_SEPARATOR = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*/\s*\d{1,3}\s*$")
_SYMBOL_LINE = re.compile(r"^\s*\**[A-Z]{1,4}(?:/[A-Za-z0-9.]+){2,}\**\s*$")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_FOOTNOTE = re.compile(r"^\s*(?:<sup>\s*(\d{1,3})\s*</sup>|\[\^(\d{1,3})\]:)\s*(.*)$")
_OPERATIVE = re.compile(r"^[\s*]*(\d{1,3})\s*(?:[.．]|\s[-–]|-(?=\s))\s*")
_RESOLUTION_NUMBER = re.compile(r"^\s*\d{2,4}\s*/\s*\d{1,4}")
_OPEN_QUOTES = "«“\"'(["
_META_KV = re.compile(r"^\s*([A-Za-z][\w -]{0,40}?)\s*:\s*(.+?)\s*$")


@dataclass
class Block:
    kind: str  # "para", "heading" or "footnote"
    pieces: list[tuple[str, int]] = field(default_factory=list)
    number: int | None = None  # footnote number
    gap: str = "start"  # what separates it from the previous paragraph: "line", "blank", "page", "heading"


def parse_structure(text: str, path: str, lang: str, input_format: str = "md") -> Document:
    """Read the UN text form of a resolution into a ``Document``."""
    facts = LANGS[lang]
    metadata: dict[str, str] = {}
    blocks = _blocks(text.split("\n"), metadata)
    builder = _Builder(lang, facts)
    builder.build(blocks)
    units = builder.units + builder.footnotes
    if not builder.units_by_role("preambular") and not builder.units_by_role("operative"):
        raise InputError(
            path,
            "no recognisable structure (no preambular or operative paragraphs); "
            "check --lang, or use --input-format lines for plain text",
        )
    warnings = builder.warnings + _check(units)
    return Document(path=path, lang=lang, units=tuple(units), input_format=input_format,
                    warnings=tuple(warnings), metadata=metadata)


# -- pass 1: lines -> blocks ---------------------------------------------------------------

def _blocks(lines: list[str], metadata: dict[str, str]) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    gap = "start"
    after_break = False
    in_comment = False
    skip_to = _front_matter(lines, metadata)
    for index, raw in enumerate(lines):
        number = index + 1
        if index < skip_to:
            continue
        line = raw.strip()
        if in_comment or line.startswith("<!--"):
            in_comment = _comment_line(line, metadata, in_comment)
            continue
        if not line:
            current = None
            if gap in ("line", "start"):
                gap = "blank" if blocks else "start"
            continue
        if _SEPARATOR.match(line):
            current, gap, after_break = None, "page", True
            continue
        if _PAGE_NUMBER.match(line) or (after_break and _SYMBOL_LINE.match(line)):
            current, gap = None, "page" if after_break else gap
            continue
        after_break = False
        heading = _HEADING.match(line)
        note = _FOOTNOTE.match(line)
        if heading:
            blocks.append(Block("heading", [(heading.group(2), number)], gap=gap))
            current, gap = None, "heading"
        elif note:
            current = Block("footnote", [(note.group(3), number)], number=int(note.group(1) or note.group(2)))
            blocks.append(current)
            gap = "page"  # a footnote block between two halves of a paragraph is a page break
        elif current is not None:
            current.pieces.append((line, number))
        else:
            current = Block("para", [(line, number)], gap=gap)
            blocks.append(current)
            gap = "line"
    return blocks


def _front_matter(lines: list[str], metadata: dict[str, str]) -> int:
    """A ``---`` block of ``key: value`` lines at the very top: its length, else 0."""
    if not lines or not _SEPARATOR.match(lines[0]) or lines[0].strip() != "---":
        return 0
    for index in range(1, min(len(lines), 60)):
        line = lines[index].strip()
        if line == "---":
            found = [_META_KV.match(lines[i]) for i in range(1, index)]
            if index > 1 and all(m or not lines[i].strip() for i, m in zip(range(1, index), found)):
                for m in found:
                    if m:
                        metadata[m.group(1).strip()] = m.group(2)
                return index + 1
            return 0
        if line and not _META_KV.match(line) and not line.startswith("- "):
            return 0
    return 0


def _comment_line(line: str, metadata: dict[str, str], in_comment: bool) -> bool:
    body = line
    if not in_comment:
        body = body[4:]
    ends = "-->" in body
    body = body.split("-->", 1)[0]
    m = _META_KV.match(body)
    if m:
        metadata[m.group(1).strip()] = m.group(2)
    return not ends


# -- pass 2: blocks -> units ---------------------------------------------------------------

class _Builder:
    def __init__(self, lang: str, facts: LangFacts) -> None:
        self.lang = lang
        self.facts = facts
        self.units: list[Unit] = []
        self.footnotes: list[Unit] = []
        self.warnings: list[str] = []
        self._ids: set[str] = set()
        self._openers = [re.compile(p) for p in facts.openers]
        self._meeting = re.compile(facts.meeting, re.IGNORECASE)
        self._pieces: dict[str, list[tuple[str, int]]] = {}
        self._cuts: dict[int, str] = {}  # input line where a rejoined piece starts -> "page"/"blank"

    def units_by_role(self, role: str) -> list[Unit]:
        return [u for u in self.units if u.role == role]

    def build(self, blocks: list[Block]) -> None:
        for block in blocks:
            if block.kind == "footnote":
                self.footnotes.append(self._unit(f"fn.{block.number}", "footnote", self._inline(block.pieces), block.number))
        main = [b for b in blocks if b.kind != "footnote"]
        title_at = self._title_index(main)
        opener_at = self._opener_index(main, title_at)
        first_numbered = self._first_numbered(main)
        if opener_at is not None:
            body_from = opener_at + 1
        elif first_numbered == len(main):
            body_from = len(main)  # no opener, no numbered paragraph: nothing to read as a body
        elif title_at is not None and title_at < first_numbered:
            body_from = title_at + 1
            self.warnings.append("no opening line (e.g. \"The General Assembly,\"); the body is read from the title on")
        else:
            body_from = first_numbered
            self.warnings.append("no opening line (e.g. \"The General Assembly,\") and no title; "
                                 "the body is read from the first numbered paragraph on")
        for index, block in enumerate(main[:body_from]):
            inline = self._inline(block.pieces)
            if not inline.text:
                continue  # markup only (a stray "*" line)
            if index == title_at:
                self.units.append(self._unit("title", "title", inline, None))
            elif title_at is not None and index < title_at and block.kind == "para":
                for part in _split_lines(inline):
                    self._add_numbered("meta", "meta", part)
            else:
                self._add_numbered("meta", "meta", inline)
        self._body(main[body_from:])

    def _add_numbered(self, prefix: str, role: str, inline: Inline) -> None:
        count = len(self.units_by_role(role)) + 1
        self.units.append(self._unit(f"{prefix}.{count}", role, inline, None))

    def _title_index(self, blocks: list[Block]) -> int | None:
        headings = [i for i, b in enumerate(blocks) if b.kind == "heading"]
        for i in headings:
            if _RESOLUTION_NUMBER.match(self._inline(blocks[i].pieces).text):
                return i
        return headings[-1] if headings else None

    def _opener_index(self, blocks: list[Block], title_at: int | None) -> int | None:
        start = title_at + 1 if title_at is not None else 0
        for pattern in self._openers:
            for i in range(start, len(blocks)):
                if blocks[i].kind == "para" and len(blocks[i].pieces) == 1 and pattern.match(blocks[i].pieces[0][0]):
                    return i
        return None

    def _first_numbered(self, blocks: list[Block]) -> int:
        for i, b in enumerate(blocks):
            if b.kind == "para" and _OPERATIVE.match(b.pieces[0][0]):
                return i
        return len(blocks)

    def _body(self, blocks: list[Block]) -> None:
        merged: list[Block] = []
        for block in blocks:
            if merged and block.kind == "para" and merged[-1].kind == "para" and block.gap in ("blank", "page") \
                    and self._is_continuation(merged[-1], block):
                self._cuts[block.pieces[0][1]] = block.gap
                merged[-1].pieces.extend(block.pieces)
            else:
                merged.append(Block(block.kind, list(block.pieces), gap=block.gap))
        closing = False
        closing_parts: list[Inline] = []
        seen_operative = False
        for block in merged:
            inline = self._inline(block.pieces)
            if not inline.text:
                continue
            if block.kind == "heading":
                self._add_numbered("meta", "meta", inline)
                continue
            numbered = _OPERATIVE.match(block.pieces[0][0])
            if not closing and not numbered and seen_operative and self._meeting.search(inline.text):
                closing = True
            if closing:
                closing_parts.extend(_split_lines(inline))
            elif numbered:
                seen_operative = True
                number = int(numbered.group(1))
                unit = self._unit(f"op.{number}", "operative", _drop_prefix(inline, numbered.end(), block.pieces), number)
                self._pieces[unit.id] = list(block.pieces)
                self.units.append(unit)
            elif seen_operative:
                self._extend_last_operative(block)
            else:
                self._add_numbered("pp", "preambular", inline)
        # closing.1 is the meeting line in every language (Chinese writes the date first)
        closing_parts.sort(key=lambda part: not self._meeting.search(part.text))
        for part in closing_parts:
            self._add_numbered("closing", "closing", part)

    def _is_continuation(self, first: Block, second: Block) -> bool:
        """Whether ``second`` continues ``first`` (cut by a page break or a blank line)."""
        start = second.pieces[0][0].lstrip()
        if _OPERATIVE.match(start) or start.startswith(("*", "<sup>", "_", "[^")):
            return False
        head = self._inline(first.pieces).text.rstrip()
        if not head:
            return False
        tail = self._inline(second.pieces).text
        if len(tail) < 80 and self._meeting.search(tail):
            return False  # the closing meeting line
        open_end = head[-1] not in self.facts.closing_punct
        if not self.facts.cased:
            return open_end
        first = tail.lstrip(_OPEN_QUOTES)[:1]
        return first.islower() or (open_end and not first.isupper())

    def _extend_last_operative(self, block: Block) -> None:
        """An unnumbered paragraph after an operative one: a sub-paragraph, joined to it."""
        last = next((i for i in range(len(self.units) - 1, -1, -1) if self.units[i].role == "operative"), None)
        if last is None:
            return
        unit = self.units[last]
        self.warnings.append(f"line {block.pieces[0][1]}: unnumbered paragraph after {unit.id} read as part of it")
        pieces = self._pieces[unit.id] + list(block.pieces)
        self._pieces[unit.id] = pieces
        number_match = _OPERATIVE.match(pieces[0][0])
        inline = _drop_prefix(self._inline(pieces), number_match.end() if number_match else 0, pieces)
        self.units[last] = self._unit(unit.id, "operative", inline, unit.number, replace=True)

    # -- helpers

    def _inline(self, pieces: list[tuple[str, int]]) -> Inline:
        parts: list[Piece] = []
        previous = ""
        for raw, line in pieces:
            joiner = self.facts.joiner
            if parts and not joiner and previous[-1:].isascii() and previous[-1:].isalnum() \
                    and raw[:1].isascii() and raw[:1].isalnum():
                joiner = " "
            parts.append(Piece((joiner if parts else "") + raw, line))
            previous = raw
        inline = clean_inline(parts)
        if not inline.line_offsets and pieces:
            inline = Inline(inline.text, inline.italic, inline.footnotes, ((0, pieces[0][1]),), inline.unclosed_italic)
        return inline

    def _unit(self, uid: str, role: str, inline: Inline, number: int | None, replace: bool = False) -> Unit:
        if not replace:
            base, suffix = uid, 0
            while uid in self._ids:
                suffix += 1
                uid = f"{base}{chr(ord('a') + suffix) if suffix < 26 else suffix + 1}"
            if suffix:
                where = inline.line_offsets[0][1] if inline.line_offsets else "?"
                self.warnings.append(f"line {where}: {base} appears more than once; this one is {uid}")
            self._ids.add(uid)
        if inline.unclosed_italic:
            self.warnings.append(f"{uid}: an italic mark (*) is never closed")
        lines = [ln for _, ln in inline.line_offsets] or [0]
        cuts = tuple(Cut(offset, line, self._cuts[line]) for offset, line in _first_offsets(inline.line_offsets)
                     if line in self._cuts and offset > 0)
        unit = Unit(id=uid, role=role, text=inline.text, lines=(min(lines), max(lines)), number=number,
                    footnotes=inline.footnotes, italic=inline.italic, line_offsets=inline.line_offsets, cuts=cuts)
        return _with_sentences(unit, self.lang)


def _first_offsets(line_offsets: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """(offset, line) of the first character of each input line in a unit's clean text."""
    seen: set[int] = set()
    firsts = []
    for offset, line in line_offsets:
        if line not in seen:
            seen.add(line)
            firsts.append((offset, line))
    return firsts


def _with_sentences(unit: Unit, lang: str) -> Unit:
    sentences = tuple(
        Sentence(unit.text[a:b], a, b, unit.line_at(a)) for a, b in split_sentences(unit.text, lang)
    )
    return replace(unit, sentences=sentences)


def _drop_prefix(inline: Inline, raw_end: int, pieces: list[tuple[str, int]]) -> Inline:
    """Remove the operative number (``12.``) from the start of the clean text."""
    prefix = clean_inline([Piece(pieces[0][0][:raw_end], 0)]).text
    cut = len(prefix)
    text = inline.text
    if not text.startswith(prefix):
        match = _OPERATIVE.match(text)
        cut = match.end() if match else 0
    return _shift(inline, cut)


def _shift(inline: Inline, cut: int) -> Inline:
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


def _split_lines(inline: Inline) -> list[Inline]:
    """One ``Inline`` per input line of a block (front-page and closing lines are units each)."""
    bounds = [off for off, _ in inline.line_offsets] + [len(inline.text)]
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
                      for s in inline.italic if s.start < b and s.end > a)
        notes = tuple(FootnoteRef(n.number, n.offset - a, n.line) for n in inline.footnotes if a <= n.offset <= b
                      and n.line == line)
        parts.append(Inline(text, spans, notes, ((0, line),), False))
    return parts


# -- pass 3: checks -----------------------------------------------------------------------

def _check(units: list[Unit]) -> list[str]:
    warnings: list[str] = []
    for role, label in (("operative", "operative paragraph"), ("footnote", "footnote")):
        numbers = [u.number for u in units if u.role == role and u.number is not None]
        expected = 1
        for unit_number in numbers:
            if unit_number != expected:
                kind = "repeats" if unit_number < expected else "skips to"
                warnings.append(f"{label} numbering {kind} {unit_number} where {expected} was expected")
            expected = max(expected, unit_number + 1)
    notes = {u.number for u in units if u.role == "footnote"}
    cited: dict[int, int] = {}
    for unit in units:
        for ref in unit.footnotes:
            cited.setdefault(ref.number, ref.line)
            if ref.number not in notes:
                warnings.append(f"line {ref.line}: footnote marker {ref.number} in {unit.id} has no footnote")
    for unit in units:
        if unit.role == "footnote" and unit.number not in cited:
            warnings.append(f"line {unit.lines[0]}: footnote {unit.number} ({unit.id}) is never cited")
    return warnings
