"""Docstring examples and fixture pairs as one-row alignments, and running a rule on them.

An example is ``{"fr": text, "en": text, ...}`` (source first), optionally with
a ``"role"`` hint (``preambular``, ``operative``, ``title``, ``footnote``...).
Inside a text, a little markup stands for what a reader would have found:

- ``¶`` separates units of one cell (``A ¶ B`` is two paragraphs merged into
  one row, as the aligner reports a 2-1 match);
- a unit starting ``12. `` is operative paragraph 12 (role ``operative``);
- ``[^3]: text`` is footnote 3; ``<sup>3</sup>`` or ``[^3]`` inline is a marker
  citing it (removed from the clean text, kept as a ``FootnoteRef``);
- ``*text*`` is italic (removed markup, kept as a ``Span``);
- ``⏎`` inside a unit is a blank line the reader joined the paragraph across
  (a ``Cut`` of kind ``blank``, as a page break with no page furniture leaves);
- an empty text is a missing cell (an omission on that side).

Without a hint a unit is preambular, operative if numbered::

    >>> alignment = example_alignment({"fr": "1. Prie l'Office,", "en": "1. Requests the Office,"})
    >>> alignment.documents["en"].units[0].id, alignment.rows[0].cells["en"].text
    ('op.1', '1. Requests the Office,')
"""

from __future__ import annotations

import re
from typing import Any, Mapping, Sequence

from aligner.model import Alignment, Cell, Cut, Document, FootnoteRef, Row, Span, Unit
from qa_rules.base import Rule
from qa_rules.model import Finding

_UNIT_SEP = "¶"
_NUMBERED = re.compile(r"^(\d+)\.\s")
_FOOTNOTE_UNIT = re.compile(r"^\[\^(\d+)\]:\s*")
_MARKER = re.compile(r"<sup>(\d+)</sup>|\[\^(\d+)\]")
_ITALIC = re.compile(r"\*([^*]+)\*")
_BLANK_CUT = re.compile(r"\s*⏎\s*")
_SENTINEL = "\x00"  # stands for a cut while the markup is stripped; one character, like the space it becomes


def _clean(text: str, line: int) -> tuple[str, tuple[FootnoteRef, ...], tuple[Span, ...]]:
    """Strip the example markup; return the clean text, markers, italic spans."""
    refs: list[FootnoteRef] = []
    out = []
    pos = 0
    for match in _MARKER.finditer(text):
        out.append(text[pos : match.start()])
        number = int(match.group(1) or match.group(2))
        refs.append(FootnoteRef(number=number, offset=len("".join(out)), line=line))
        pos = match.end()
    out.append(text[pos:])
    text = "".join(out)
    spans: list[Span] = []
    out, pos, removed = [], 0, 0
    for match in _ITALIC.finditer(text):
        out.append(text[pos : match.start()])
        start = match.start() - removed
        spans.append(Span(start, start + len(match.group(1)), match.group(1)))
        out.append(match.group(1))
        removed += 2
        pos = match.end()
    out.append(text[pos:])
    return "".join(out), tuple(refs), tuple(spans)


def _units(text: str, role_hint: str | None) -> list[Unit]:
    units: list[Unit] = []
    counters: dict[str, int] = {}
    for index, raw in enumerate(p.strip() for p in text.split(_UNIT_SEP)):
        if not raw:
            continue
        line = index + 1
        number = None
        fn = _FOOTNOTE_UNIT.match(raw)
        if fn:
            role, number = "footnote", int(fn.group(1))
            raw = raw[fn.end() :]
        else:
            numbered = _NUMBERED.match(raw)
            role = role_hint or ("operative" if numbered else "preambular")
            if numbered and role == "operative":
                number = int(numbered.group(1))
        clean, refs, spans = _clean(_BLANK_CUT.sub(_SENTINEL, raw), line)
        cuts = tuple(Cut(offset, line, "blank") for offset, char in enumerate(clean) if char == _SENTINEL)
        clean = clean.replace(_SENTINEL, " ")
        counters[role] = counters.get(role, 0) + 1
        prefix = {"preambular": "pp", "operative": "op", "footnote": "fn"}.get(role, role)
        if role == "title":
            uid = "title"
        else:
            uid = f"{prefix}.{number if number is not None else counters[role]}"
        units.append(
            Unit(id=uid, role=role, text=clean, lines=(line, line), number=number, footnotes=refs, italic=spans,
                 cuts=cuts)
        )
    return units


def example_alignment(example: Mapping[str, str], path_prefix: str = "example") -> Alignment:
    """A one-row alignment of an example (first language = pivot/source)."""
    role = example.get("role")
    langs = [key for key in example if key != "role"]
    documents: dict[str, Document] = {}
    cells: dict[str, Cell] = {}
    for lang in langs:
        units = _units(example[lang], role)
        documents[lang] = Document(path=f"{path_prefix}/{lang}.md", lang=lang, units=tuple(units))
        cells[lang] = Cell(
            units=tuple(u.id for u in units),
            lines=tuple(u.lines[0] for u in units),
            text=" ".join(u.text for u in units),
        )
    return Alignment(
        languages=tuple(langs),
        pivot=langs[0],
        level="paragraph",
        rows=(Row(cells=cells, score=1.0),),
        documents=documents,
        signature="example",
    )


def run_example(rule: Rule | type[Rule], example: Mapping[str, str], glossaries: Sequence[Any] = ()) -> tuple[Finding, ...]:
    """The findings of one rule on one example (through the real engine)."""
    from qa_rules.engine import check

    instance = (rule(rule.example_config()) if hasattr(rule, "example_config") else rule()) if isinstance(rule, type) else rule
    return check(example_alignment(example), [instance], glossaries).findings


def check_rule_examples(rule: type[Rule], glossaries: Sequence[Any] = ()) -> list[str]:
    """Problems with a rule's docstring examples: a Flags pair with no finding,
    a Passes pair with one. Empty when the rule does what its docstring says."""
    problems = []
    examples = rule.examples()
    for index, example in enumerate(examples["flags"], 1):
        if not run_example(rule, example, glossaries):
            problems.append(f"{rule.code}: Flags example {index} yields no finding")
    for index, example in enumerate(examples["passes"], 1):
        found = run_example(rule, example, glossaries)
        if found:
            problems.append(f"{rule.code}: Passes example {index} yields {found[0].message!r}")
    return problems
