"""Small helpers the structure rules share (no rule lives here)."""

from __future__ import annotations

from pathlib import PurePath
from typing import Iterator

from qa_rules.base import Context, Pair, Rule, Side
from qa_rules.pairing import target_rows
from qa_rules.model import Finding


def excerpt(text: str, limit: int = 80) -> str:
    """The first ``limit`` characters of ``text`` on one line."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def where_missing(side: Side, pair: Pair, context: Context) -> str:
    """Where a side's missing unit would be: ``after line 84 of en_draft.md`` ('' if unknown).

    A finding's side is ``None`` when the unit is missing there; this sentence
    keeps, in its message, the place a reviser would insert the paragraph
    (after the previous unit of that side).
    """
    other = pair.source if side is pair.target else pair.target
    line = after_previous_number(side, other) or insertion_line(side.lang, pair.index, context)
    if line is None:
        return ""
    name = PurePath(side.doc.path).name
    first = side.doc.units[0].lines[0] if side.doc.units else None
    return f"before line {line} of {name}" if line == first else f"after line {line - 1} of {name}"


def unpaired(rule: Rule, pair: Pair, context: Context, present: str) -> Iterator[Finding]:
    """ST01 and ST02: a row where the ``present`` side (``"source"``/``"target"``) has a unit and the other none.

    The other side of the finding is ``None`` (the unit is missing there); the
    message says where the paragraph would be. The present side's text is the
    finding's ``expected`` (an omission) or ``found`` (an addition).
    """
    here, other = (pair.source, pair.target) if present == "source" else (pair.target, pair.source)
    if here.missing or not other.missing or other.untranslated:
        return  # an untranslated CAT segment is there, only empty: UT02 reports it
    name = label(here.units[0].id)
    lang = pair.target.lang
    what = (f"{name} of the source is missing in the {lang} version" if present == "source"
            else f"{name} of the {lang} version has no counterpart in the source")
    where = where_missing(other, pair, context)
    text = excerpt(here.text)
    yield rule.finding(pair, what + (f" (it would be {where})" if where else ""),
                       expected=text if present == "source" else "", found=text if present == "target" else "")


def after_previous_number(side: Side, other: Side) -> int | None:
    """For a missing operative paragraph N: the line after this side's paragraph N-1."""
    numbered = [u for u in other.units if u.role == "operative" and u.number]
    if not numbered:
        return None
    previous = [u for u in side.doc.by_role("operative") if u.number == numbered[0].number - 1]
    return previous[0].lines[1] + 1 if len(previous) == 1 else None


def insertion_line(lang: str, index: int, context: Context) -> int | None:
    """The line after the last unit ``lang`` has in the rows before row ``index``.

    The rows are the ones the engine built ``lang``'s pairs from
    (``qa_rules.pairing.target_rows``), which ``Pair.index`` counts.
    """
    doc = context.alignment.documents[lang]
    for row in reversed(target_rows(context.alignment, lang)[:index]):
        cell = row.cells.get(lang)
        if cell is not None and cell.units:
            unit = doc.unit(cell.units[-1].split(".s")[0]) or doc.unit(cell.units[-1])
            if unit is not None:
                return unit.lines[1] + 1
    return doc.units[0].lines[0] if doc.units else None


def units_label(side: Side) -> str:
    return "+".join(u.id for u in side.units)


def paragraphs(side: Side) -> list[str]:
    """The paragraph ids of a side's units, in order, once each (``op.9.s2`` -> ``op.9``)."""
    seen: list[str] = []
    for unit in side.units:
        parent = unit.id.split(".s")[0] if ".s" in unit.id and unit.id.rsplit(".s", 1)[1].isdigit() else unit.id
        if parent not in seen:
            seen.append(parent)
    return seen


_ROLE_NAMES = {"pp": "preambular paragraph", "op": "operative paragraph", "fn": "footnote",
               "meta": "heading line", "closing": "closing line", "seg": "segment"}


def label(unit_id: str) -> str:
    """A reviser's name for a unit: ``op.14`` -> ``operative paragraph 14 (op.14)``."""
    head, _, rest = unit_id.partition(".")
    if unit_id == "title":
        return "the title"
    name = _ROLE_NAMES.get(head)
    return f"{name} {rest} ({unit_id})" if name and rest else unit_id
