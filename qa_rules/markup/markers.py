"""Footnote markers that lost their markup: the number is in the text, the marker is not.

A reader takes ``<sup>7</sup>`` (or ``[^7]``, a Word superscript) out of the text
as a ``FootnoteRef``. When a translator pastes a marker as plain text
(``thereto,7 and``) or breaks its tag (``<sup>11<sup>``), the number stays in
the text and no marker is read: the footnote is lost in the published version.
``stray_markers`` finds, for each marker the source cites and the target does
not, its number standing in the target text

- in a broken tag: next to a ``<sup>`` or ``</sup>`` the reader could not pair;
- as plain text: glued to the word or sign before it (no space, not part of a
  longer number), and more often than the source writes that number.

The markup rule (MK03) reports them; the footnote-marker (ST08) and number
(NU01) rules leave them to it, so that one lost superscript is one finding.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from aligner.model import Unit
from qa_rules.base import Pair

_DIGITS = re.compile(r"(?<!\d)\d+(?!\d)")
_TAG = re.compile(r"</?sup>", re.IGNORECASE)
#: Signs that join a number to another rather than to a word (74/175, 2022-2027, 1,250, 1.5).
_NUMBER_JOINERS = "/-–.,"


@dataclass(frozen=True)
class StrayMarker:
    """Marker ``number`` standing as text in ``unit`` at ``start:end`` (``kind``: ``plain`` or ``broken tag``)."""

    number: int
    unit: Unit
    start: int
    end: int
    kind: str


def _numbers(units) -> Counter:
    return Counter(int(m.group()) for unit in units for m in _DIGITS.finditer(_TAG.sub(" ", unit.text)))


_TAG_BEFORE = re.compile(r"</?sup>\s*$", re.IGNORECASE)
_TAG_AFTER = re.compile(r"\s*</?sup>", re.IGNORECASE)


def _kind(text: str, start: int, end: int) -> str | None:
    if _TAG_BEFORE.search(text, 0, start) or _TAG_AFTER.match(text, end):
        return "broken tag"
    if start == 0 or text[start - 1].isspace() or text[start - 1].isdigit():
        return None
    if text[start - 1] in _NUMBER_JOINERS and start >= 2 and text[start - 2].isdigit():
        return None
    return "plain"


def stray_markers(pair: Pair) -> tuple[StrayMarker, ...]:
    """The source's footnote markers that stand as text in the target (see the module)."""
    cited = Counter(ref.number for unit in pair.source.units for ref in unit.footnotes)
    cited.subtract(ref.number for unit in pair.target.units for ref in unit.footnotes)
    lost = +cited
    if not lost or pair.target.missing:
        return ()
    surplus = _numbers(pair.target.units)
    surplus.subtract(_numbers(pair.source.units))
    found = []
    for unit in pair.target.units:
        for match in _DIGITS.finditer(unit.text):
            number = int(match.group())
            if lost[number] <= 0:
                continue
            kind = _kind(unit.text, match.start(), match.end())
            if kind is None or (kind == "plain" and surplus[number] <= 0):
                continue
            found.append(StrayMarker(number, unit, match.start(), match.end(), kind))
            lost[number] -= 1
            surplus[number] -= 1
    return tuple(found)
