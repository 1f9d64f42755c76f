"""Small helpers the structure rules share (no rule lives here)."""

from __future__ import annotations

from qa_rules.base import Side
from qa_rules.model import Location


def excerpt(text: str, limit: int = 80) -> str:
    """The first ``limit`` characters of ``text`` on one line."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def absent(side: Side) -> Location:
    """The location of a side that has no unit in the row: its file, no unit, no line."""
    return Location(path=side.doc.path, lang=side.lang, unit=None, line=None)


def units_label(side: Side) -> str:
    return "+".join(u.id for u in side.units)
