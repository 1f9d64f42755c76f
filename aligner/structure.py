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

from aligner import limits
from aligner.errors import InputError
from aligner.model import Cut, Document, Sentence, Unit
from aligner.readers.keywords import LANGS, LangFacts
from aligner.readers.markup import Inline, Piece, clean_inline, first_line_offsets, shift_inline, split_inline_lines
from aligner.segment import split_sentences

_SEPARATOR = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*/\s*\d{1,3}\s*$")
_SYMBOL_LINE = re.compile(r"^\s*\**[A-Z]{1,4}(?:/[A-Za-z0-9.]+){2,}\**\s*$")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")  # closing hashes: see _heading_text
_FOOTNOTE = re.compile(r"^\s*(?:<sup>\s*(\d{1,3})\s*</sup>|\[\^(\d{1,3})\]:)\s*(.*)$")
_OPERATIVE = re.compile(r"^[\s*]*(\d{1,3})\s*(?:[.．]|\s[-–]|-(?=\s))\s*")
_RESOLUTION_NUMBER = re.compile(r"^\s*\d{2,4}\s*/\s*\d{1,4}")
_OPEN_QUOTES = "«“\"'(["
#: Longest paragraph read, in characters of its input lines (markup included). The longest
#: paragraph of the sample resolutions has 1,311; a numbered paragraph with all its lettered
#: sub-paragraphs a few thousand. A longer one is a file that is not a UN document (a log,
#: a data dump, a text without paragraph breaks), refused here, early, rather than read
#: into one unit that every later step (alignment, every QA rule) must search.
MAX_PARAGRAPH_CHARS = limits.MAX_PARAGRAPH_CHARS

_META_KEY = re.compile(r"^\s*([A-Za-z][\w -]{0,40}?)\s*:(.*)$")


class _ParagraphTooLong(Exception):
    """A paragraph over ``MAX_PARAGRAPH_CHARS``; its first input line."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


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
    no_structure = InputError(
        path,
        "no recognisable structure (no preambular or operative paragraphs); "
        "check --lang, or use --input-format lines for plain text",
    )
    try:
        blocks = _blocks(text.split("\n"), metadata)
        builder = _Builder(lang, facts)
        if not builder.build(blocks):
            raise no_structure
    except _ParagraphTooLong as long:
        raise InputError(
            path,
            f"a paragraph of more than {MAX_PARAGRAPH_CHARS:,} characters starts here (no blank line or "
            "paragraph number ends it), which no UN document has; check the file, "
            "or use --input-format lines for text with one segment per line",
            line=long.line,
        ) from None
    units = builder.units + builder.footnotes
    if not builder.units_by_role("preambular") and not builder.units_by_role("operative"):
        raise no_structure
    warnings = builder.warnings + _check(units)
    return Document(path=path, lang=lang, units=tuple(units), input_format=input_format,
                    warnings=tuple(warnings), metadata=metadata)


# -- pass 1: lines -> blocks ---------------------------------------------------------------

def _blocks(lines: list[str], metadata: dict[str, str]) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    size = 0  # characters in ``current``
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
            blocks.append(Block("heading", [(_heading_text(heading.group(2)), number)], gap=gap))
            current, gap = None, "heading"
            _check_size(len(line), number)
            continue
        if note:
            current = Block("footnote", [(note.group(3), number)], number=int(note.group(1) or note.group(2)))
            blocks.append(current)
            gap = "page"  # a footnote block between two halves of a paragraph is a page break
            size = 0
        elif current is not None:
            current.pieces.append((line, number))
        else:
            current = Block("para", [(line, number)], gap=gap)
            blocks.append(current)
            gap = "line"
            size = 0
        size += len(line)
        _check_size(size, current.pieces[0][1])
    return blocks


def _check_size(size: int, line: int) -> None:
    if size > MAX_PARAGRAPH_CHARS:
        raise _ParagraphTooLong(line)


def _size(pieces: list[tuple[str, int]]) -> int:
    return sum(len(raw) for raw, _ in pieces)


def _heading_text(rest: str) -> str:
    """A heading's text without the closing hashes and spaces (``## Title ##`` -> ``Title``).

    Done with ``rstrip`` rather than a lazy group before ``\\s*#*\\s*$``, whose
    backtracking is quadratic on a long line full of spaces.
    """
    return rest.rstrip().rstrip("#").rstrip()


def _meta_kv(line: str) -> tuple[str, str] | None:
    """``key: value`` of a front-matter or comment line, else None (value stripped of spaces)."""
    m = _META_KEY.match(line)
    if not m:
        return None
    value = m.group(2)
    stripped = value.strip()
    if stripped:
        return m.group(1), stripped
    return (m.group(1), value[-1]) if value else None  # "key: " keeps its last space, as it always has


def _front_matter(lines: list[str], metadata: dict[str, str]) -> int:
    """A ``---`` block of ``key: value`` lines at the very top: its length, else 0."""
    if not lines or not _SEPARATOR.match(lines[0]) or lines[0].strip() != "---":
        return 0
    for index in range(1, min(len(lines), 60)):
        line = lines[index].strip()
        if line == "---":
            found = [_meta_kv(lines[i]) for i in range(1, index)]
            if index > 1 and all(m or not lines[i].strip() for i, m in zip(range(1, index), found)):
                for m in found:
                    if m:
                        metadata[m[0].strip()] = m[1]
                return index + 1
            return 0
        if line and not _meta_kv(line) and not line.startswith("- "):
            return 0
    return 0


def _comment_line(line: str, metadata: dict[str, str], in_comment: bool) -> bool:
    body = line
    if not in_comment:
        body = body[4:]
    ends = "-->" in body
    body = body.split("-->", 1)[0]
    m = _meta_kv(body)
    if m:
        metadata[m[0].strip()] = m[1]
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
        self._next_suffix: dict[str, int] = {}  # id -> the suffix to try first for its next repeat
        self._counts: dict[str, int] = {}  # role -> units numbered so far (meta.N, pp.N, closing.N)
        self._openers = [re.compile(p) for p in facts.openers]
        self._meeting = re.compile(facts.meeting, re.IGNORECASE)
        # the last operative paragraph while unnumbered paragraphs may still join it: its place in
        # ``units``, id, number and pieces; built once it is complete (see ``_flush_operative``)
        self._open_operative: tuple[int, str, int, list[tuple[str, int]]] | None = None
        self._open_size = 0  # characters in its pieces
        self._open_inline: Inline | None = None  # its clean text, until a sub-paragraph joins it
        self._cuts: dict[int, str] = {}  # input line where a rejoined piece starts -> "page"/"blank"

    def units_by_role(self, role: str) -> list[Unit]:
        return [u for u in self.units if u.role == role]

    def build(self, blocks: list[Block]) -> bool:
        """Read ``blocks`` into units; False, before reading more, if they have no body at all
        (no paragraph after the title or opener: no preambular or operative paragraph to find)."""
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
        if not any(block.kind == "para" for block in main[body_from:]):
            return False
        for index, block in enumerate(main[:body_from]):
            inline = self._inline(block.pieces)
            if not inline.text:
                continue  # markup only (a stray "*" line)
            if index == title_at:
                self.units.append(self._unit("title", "title", inline, None))
            elif title_at is not None and index < title_at and block.kind == "para":
                for part in split_inline_lines(inline):
                    self._add_numbered("meta", "meta", part)
            else:
                self._add_numbered("meta", "meta", inline)
        self._body(main[body_from:])
        return True

    def _add_numbered(self, prefix: str, role: str, inline: Inline) -> None:
        count = self._counts.get(role, 0) + 1
        self._counts[role] = count
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
        """Rejoin the paragraphs a page break or blank line cut, and read each one as it is complete.

        One pass, each block cleaned once: a paragraph is read as soon as the next block
        does not continue it, so an overlong one is refused before the rest is read.
        """
        self._closing = False
        self._closing_parts: list[Inline] = []
        self._seen_operative = False
        current: Block | None = None
        current_inline: Inline | None = None  # the clean text of ``current`` while it is one block
        last_char = ""  # the last visible character of ``current``
        size = 0  # characters in ``current``
        for block in blocks:
            inline = self._inline(block.pieces)
            own_size = _size(block.pieces)
            if current is not None and block.kind == "para" and current.kind == "para" \
                    and block.gap in ("blank", "page") and self._is_continuation(last_char, block, inline):
                self._cuts[block.pieces[0][1]] = block.gap
                current.pieces.extend(block.pieces)
                current_inline = None
                last_char = inline.text[-1:] or last_char
                size += own_size
                _check_size(size, current.pieces[0][1])
                continue
            if current is not None:
                self._read_body_block(current, current_inline or self._inline(current.pieces))
            current = Block(block.kind, list(block.pieces), gap=block.gap)
            current_inline, last_char, size = inline, inline.text[-1:], own_size
        if current is not None:
            self._read_body_block(current, current_inline or self._inline(current.pieces))
        self._flush_operative()
        # closing.1 is the meeting line in every language (Chinese writes the date first)
        self._closing_parts.sort(key=lambda part: not self._meeting.search(part.text))
        for part in self._closing_parts:
            self._add_numbered("closing", "closing", part)

    def _read_body_block(self, block: Block, inline: Inline) -> None:
        """One paragraph or heading of the body (rejoined): its unit, or its part of one."""
        if not inline.text:
            return
        if block.kind == "heading":
            self._add_numbered("meta", "meta", inline)
            return
        numbered = _OPERATIVE.match(block.pieces[0][0])
        if not self._closing and not numbered and self._seen_operative and self._meeting.search(inline.text):
            self._closing = True
        if self._closing:
            self._closing_parts.extend(split_inline_lines(inline))
        elif numbered:
            self._flush_operative()
            self._seen_operative = True
            number = int(numbered.group(1))
            uid = self._claim_id(f"op.{number}", inline.line_offsets)
            self._open_operative = (len(self.units), uid, number, list(block.pieces))
            self._open_inline = inline
            self._open_size = _size(block.pieces)
            self.units.append(None)  # type: ignore[arg-type]  # its place, filled by _flush_operative
        elif self._seen_operative:
            self._extend_last_operative(block)
        else:
            self._add_numbered("pp", "preambular", inline)

    def _is_continuation(self, head_last: str, second: Block, second_inline: Inline) -> bool:
        """Whether ``second`` (clean text ``second_inline``) continues the paragraph before it,
        whose clean text ends with ``head_last`` ("" if it has none), cut by a page break or
        a blank line."""
        start = second.pieces[0][0].lstrip()
        if _OPERATIVE.match(start) or start.startswith(("*", "<sup>", "_", "[^")):
            return False
        if not head_last:
            return False
        tail = second_inline.text
        if len(tail) < 80 and self._meeting.search(tail):
            return False  # the closing meeting line
        open_end = head_last not in self.facts.closing_punct
        if not self.facts.cased:
            return open_end
        first = tail.lstrip(_OPEN_QUOTES)[:1]
        return first.islower() or (open_end and not first.isupper())

    def _extend_last_operative(self, block: Block) -> None:
        """An unnumbered paragraph after an operative one: a sub-paragraph, joined to it."""
        if self._open_operative is None:
            return
        _, uid, _, pieces = self._open_operative
        self.warnings.append(f"line {block.pieces[0][1]}: unnumbered paragraph after {uid} read as part of it")
        pieces.extend(block.pieces)
        self._open_inline = None
        self._open_size += _size(block.pieces)
        _check_size(self._open_size, pieces[0][1])

    def _flush_operative(self) -> None:
        """Build the last operative paragraph, now that no more sub-paragraphs can join it.

        Built once with all its sub-paragraphs, rather than rebuilt for each one,
        which made a long run of sub-paragraphs quadratic.
        """
        if self._open_operative is None:
            return
        index, uid, number, pieces = self._open_operative
        self._open_operative = None
        number_match = _OPERATIVE.match(pieces[0][0])
        whole = self._open_inline or self._inline(pieces)
        inline = _drop_prefix(whole, number_match.end() if number_match else 0, pieces)
        self.units[index] = self._unit(uid, "operative", inline, number, replace=True)

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

    def _claim_id(self, uid: str, line_offsets: tuple[tuple[int, int], ...]) -> str:
        """``uid``, or ``uid`` with the first free suffix (``op.3b``) when it is taken (with a warning)."""
        base = uid
        if uid in self._ids:
            suffix = self._next_suffix.get(base, 1)  # ids are never released: earlier suffixes stay taken
            uid = f"{base}{chr(ord('a') + suffix) if suffix < 26 else suffix + 1}"
            while uid in self._ids:
                suffix += 1
                uid = f"{base}{chr(ord('a') + suffix) if suffix < 26 else suffix + 1}"
            self._next_suffix[base] = suffix + 1
            where = line_offsets[0][1] if line_offsets else "?"
            self.warnings.append(f"line {where}: {base} appears more than once; this one is {uid}")
        self._ids.add(uid)
        return uid

    def _unit(self, uid: str, role: str, inline: Inline, number: int | None, replace: bool = False) -> Unit:
        if not replace:
            uid = self._claim_id(uid, inline.line_offsets)
        if inline.unclosed_italic:
            self.warnings.append(f"{uid}: an italic mark (*) is never closed")
        lines = [ln for _, ln in inline.line_offsets] or [0]
        cuts = tuple(Cut(offset, line, self._cuts[line]) for offset, line in first_line_offsets(inline.line_offsets)
                     if line in self._cuts and offset > 0)
        unit = Unit(id=uid, role=role, text=inline.text, lines=(min(lines), max(lines)), number=number,
                    footnotes=inline.footnotes, italic=inline.italic, line_offsets=inline.line_offsets, cuts=cuts)
        return _with_sentences(unit, self.lang)


def _with_sentences(unit: Unit, lang: str) -> Unit:
    sentences = tuple(Sentence(unit.text[a:b], a, b, unit.line_at(a)) for a, b in split_sentences(unit.text, lang))
    return replace(unit, sentences=sentences)


def _drop_prefix(inline: Inline, raw_end: int, pieces: list[tuple[str, int]]) -> Inline:
    """Remove the operative number (``12.``) from the start of the clean text."""
    prefix = clean_inline([Piece(pieces[0][0][:raw_end], 0)]).text
    cut = len(prefix)
    text = inline.text
    if not text.startswith(prefix):
        match = _OPERATIVE.match(text)
        cut = match.end() if match else 0
    return shift_inline(inline, cut)


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
