"""Pointing a finding at the line where the offending text is.

A side's text is its units' texts joined; ``locate`` maps an offset in that
text back to the unit that holds it and to the input line (``Unit.line_at``).
"""

from __future__ import annotations

from qa_rules.base import Side
from qa_rules.model import Location


def locate(side: Side, offset: int) -> Location | None:
    """The location of character ``offset`` of ``side.text`` (None if missing)."""
    if side.missing:
        return None
    pos = 0
    for unit in side.units:
        start = side.text.find(unit.text, pos) if unit.text else -1
        if start < 0:
            continue
        end = start + len(unit.text)
        if offset < end or unit is side.units[-1]:
            local = min(max(offset - start, 0), max(len(unit.text) - 1, 0))
            return Location(path=side.doc.path, lang=side.lang, unit=unit.id, line=unit.line_at(local))
        pos = end
    return Location(path=side.doc.path, lang=side.lang, unit=side.unit_id, line=side.line)
