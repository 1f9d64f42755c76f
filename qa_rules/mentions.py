"""Mentions: a value found in a unit (a number, a date, a symbol), and comparing them across a pair.

The numbers, references and dates rules all work the same way: extract the
mentions of each side (per unit, so each has a line), compare them as
multisets of normalised keys, and report what the source has that the target
lacks (missing), what the target has that the source lacks (extra), or, when
there are as many of each, altered values (paired in text order)::

    >>> src = [Mention("74/175", "74/175")]
    >>> tgt = [Mention("74/157", "74/157")]
    >>> [m.key for m in compare(src, tgt)[0]], [m.key for m in compare(src, tgt)[1]]
    (['74/175'], ['74/157'])
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from aligner.model import Unit
from qa_rules.base import Pair, Rule, Side
from qa_rules.model import Finding, Location

Extractor = Callable[[str, str], Iterable[tuple[str, str, int, int]]]


@dataclass(frozen=True)
class Mention:
    """A value found in a unit: its comparison ``key`` and where it stands."""

    key: str
    text: str
    unit: Unit | None = None
    start: int = 0
    end: int = 0

    @property
    def line(self) -> int | None:
        return self.unit.line_at(self.start) if self.unit is not None else None


def side_mentions(side: Side, extract: Extractor) -> list[Mention]:
    """``extract(text, lang)`` -> (key, text, start, end) run on each unit of the side."""
    found = []
    for unit in side.units:
        for key, text, start, end in extract(unit.text, side.lang):
            found.append(Mention(key, text, unit, start, end))
    return found


def compare(source: list[Mention], target: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """(source mentions the target lacks, target mentions the source lacks), by key counts."""
    budget = Counter(m.key for m in target)
    missing = []
    for mention in source:
        if budget[mention.key] > 0:
            budget[mention.key] -= 1
        else:
            missing.append(mention)
    budget = Counter(m.key for m in source)
    extra = []
    for mention in target:
        if budget[mention.key] > 0:
            budget[mention.key] -= 1
        else:
            extra.append(mention)
    return missing, extra


def at(pair: Pair, mention: Mention | None) -> Location | None:
    """The target location of a mention (its line), or of the target unit."""
    side = pair.target
    if side.missing:
        return None
    if mention is None or mention.unit is None:
        return Location(side.doc.path, side.lang, side.unit_id, side.line)
    return Location(side.doc.path, side.lang, mention.unit.id, mention.line)


def source_at(pair: Pair, mention: Mention) -> Location | None:
    side = pair.source
    if side.missing:
        return None
    if mention.unit is None:
        return Location(side.doc.path, side.lang, side.unit_id, side.line)
    return Location(side.doc.path, side.lang, mention.unit.id, mention.line)


def mention_findings(
    rule: Rule, pair: Pair, missing: list[Mention], extra: list[Mention], what: str,
    report_extra: bool = True, expected_of: Callable[[Mention], str] | None = None,
) -> Iterator[Finding]:
    """Findings for a comparison: one 'altered' when one value replaced another.

    ``expected_of`` writes a missing source value as the target language would
    (``18 December 2019`` for ``18 décembre 2019``); by default the source's text.
    """
    lang = pair.target.lang
    write = expected_of or (lambda m: m.text)
    if missing and len(missing) == len(extra) and report_extra:
        # as many values replaced as replacing: pair them in text order
        for m, e in zip(missing, sorted(extra, key=lambda x: (x.unit.id if x.unit else "", x.start))):
            yield rule.finding(
                pair, f"{what} {m.text} of the source is {e.text} in the {lang} version",
                expected=write(m), found=e.text, source=source_at(pair, m), target=at(pair, e), in_source=m.text,
            )
        return
    for m in missing:
        yield rule.finding(
            pair, f"{what} {m.text} of the source is missing in the {lang} version",
            expected=write(m), source=source_at(pair, m), target=at(pair, None), in_source=m.text,
        )
    if report_extra:
        for e in extra:
            yield rule.finding(
                pair, f"{what} {e.text} in the {lang} version is not in the source",
                found=e.text, target=at(pair, e),
            )
