"""Which of a scan's candidate term occurrences a matcher reports.

A scan (``Matcher._scan``) yields candidates: (start char, end char, number of tokens, index
entries). Longest match wins: matches are chosen longest first and one overlapping a chosen one
is dropped (``longest_first``), so ``Office des Nations Unies contre la drogue et le crime`` is
one match, not also ``drogue`` and ``crime``. Terms of several concepts with the very same span
are all reported; of one concept, the most specific term (``_preference``) is reported once.
With ``nested`` every candidate is reported (``every_match``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from qa_rules.glossary.model import STATUSES, Concept, Term
from qa_rules.glossary.normalise import russian_forms


@dataclass(frozen=True)
class Match:
    """One occurrence of a glossary term in a text."""

    start: int
    end: int
    text: str
    term: Term
    concept: Concept
    glossary: str


#: Matches made for one text, by (start, end, id of the index entry): ``every_match`` and
#: ``longest_first`` of one scan report the same occurrence as the same (immutable) object.
Made = dict[tuple[int, int, int], Match]


def _match(text: str, start: int, end: int, entry, made: Made | None) -> Match:
    if made is None:
        return Match(start, end, text[start:end], entry.term, entry.concept, entry.glossary)
    key = (start, end, id(entry))
    found = made.get(key)
    if found is None:
        found = made[key] = Match(start, end, text[start:end], entry.term, entry.concept, entry.glossary)
    return found


def every_match(text: str, candidates, made: Made | None = None) -> list[Match]:
    """Every candidate's matches, in text order, longer first where two begin together."""
    return [_match(text, s, e, entry, made)
            for s, e, _, entries in sorted(candidates, key=lambda c: (c[0], -c[2])) for entry in entries]


def longest_at_each_start(candidates) -> list:
    """Of the candidates that begin at one character, the longest (in tokens), their entries
    together, in the order they were found (what a scan without ``nested`` keeps)."""
    longest: dict[int, list] = {}
    for start, end, size, entries in candidates:
        best = longest.get(start)
        if best is None or size > best[2]:
            longest[start] = [start, end, size, list(entries)]
        elif size == best[2]:
            best[1] = max(best[1], end)
            best[3].extend(entries)
    return list(longest.values())


def longest_first(text: str, candidates, made: Made | None = None) -> list[Match]:
    """The candidates no longer one overlaps, in text order, one term per concept on a span."""
    merged: dict[tuple[int, int], tuple[int, int, int, list]] = {}
    for start, end, size, entries in candidates:  # a pattern and a term on the same span compete as one
        other = merged.get((start, end))
        if other is not None:
            merged[(start, end)] = (start, end, max(size, other[2]), other[3] + list(entries))
        else:
            merged[(start, end)] = (start, end, size, list(entries))
    chosen: list[tuple[int, int, list]] = []
    taken = bytearray(max(end for _, end, _, _ in merged.values()) if merged else 0)  # 1: in a chosen match
    for start, end, _, entries in sorted(merged.values(), key=lambda c: (-c[2], -(c[1] - c[0]), c[0])):
        if taken.find(1, start, end) >= 0:  # overlaps a chosen match (spans are never empty)
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append((start, end, entries))
    chosen.sort(key=lambda c: c[0])
    matches = []
    for start, end, entries in chosen:
        if len(entries) > 1:
            best: dict[tuple[str, str], object] = {}
            for entry in sorted(entries, key=_preference):
                best.setdefault((entry.glossary, entry.concept.id), entry)
            entries = _closest_names(list(best.values()), text[start:end])
        for entry in entries:
            matches.append(_match(text, start, end, entry, made))
    return matches


def _closest_names(entries: list, found: str) -> list:
    """Of several proper nouns of different concepts matching one span by their stems, the ones
    written most like the text: Russian «Нигерия» stems as «Нигер» does, but it is Nigeria."""
    if len(entries) < 2 or any(e.term.pos != "properNoun" for e in entries):
        return entries
    found = found.casefold()

    def shared(entry) -> tuple[bool, int]:
        text = entry.text.casefold()
        declined = entry.lang == "ru" and found.replace("ё", "е") in russian_forms(text)
        return declined, len(os.path.commonprefix([text, found]))

    most = max(shared(e) for e in entries)
    return [e for e in entries if shared(e) == most]


def _preference(entry) -> tuple[int, int]:
    """Among terms of one concept matching the same span: an ``exact`` or
    ``pattern`` term is more specific than an inflected one (``États membres`` written exactly
    as the deprecated form); then preferred before admitted before rejected."""
    return (0 if entry.term.match in ("exact", "pattern") else 1, STATUSES.index(entry.term.status))
