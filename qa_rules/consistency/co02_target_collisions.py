"""CO02: different source paragraphs or sentences translated identically."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterator, NamedTuple

from qa_rules.base import Context, Pair, Rule
from qa_rules.candidates import Candidates, at, location
from qa_rules.causes import Explains
from qa_rules.consistency.segments import Segment, folded_segments, word_count
from qa_rules.model import Finding
from qa_rules.punctuation.langfacts import SCRIPTS


class TargetCollision(Rule):
    """Different source paragraphs or sentences have the same translation (a paste in the wrong place?).

    Whole paragraphs and sentences are compared after normalizing case, white
    space and final punctuation; paragraphs without their italic opening phrase
    (a paragraph pasted in the wrong place under its own opening verb, *Requests*
    kept before the text of an *Also requests* paragraph). The occurrence kept as the right one is the
    one whose source fits the translation's length best (measured against the
    language pair's median length ratio in the run), else the one whose source
    shares clearly more anchors with it (numbers, acronyms and, between two
    versions in the same script, word stems: *radiologique* / *radiological*).
    A paragraph pasted in the wrong place is usually much longer or shorter
    than the source it stands against, or shares little with it. When neither
    measure tells them apart (``min_length_gap``, ``min_anchor_gap``), the
    first occurrence is kept; the others are flagged. What the other rules
    find when they compare the pasted text with the source it stands against
    (its terms, opening phrase, numbers, references, dates, footnote markers,
    length) is folded under the finding (``explains``): it is the paste, once.

    Flags:
        fr: Prie l'Office de continuer à aider les États Membres qui en font la demande ; ¶ Encourage l'Office à continuer d'aider les États Membres à protéger les infrastructures critiques ;
        en: Requests the Office to continue to assist requesting Member States; ¶ Requests the Office to continue to assist requesting Member States;

    Passes:
        fr: Prie l'Office de continuer à aider les États Membres qui en font la demande ; ¶ Encourage l'Office à continuer d'aider les États Membres à protéger les infrastructures critiques ;
        en: Requests the Office to continue to assist requesting Member States; ¶ Encourages the Office to continue to assist Member States in protecting critical infrastructure;
    """

    code = "CO02"
    name = "consistency.target_collision"
    category = "consistency"
    severity = "warning"
    #: what comparing a pasted text with the source it stands against finds
    explains = (Explains(("CO01", "TE01", "TE05", "NU01", "NU02", "NU03", "RF01", "RF02", "RF03",
                          "DA01", "ST08", "LE01"), "pair"),)

    @dataclass(frozen=True)
    class Config:
        """min_words: translations with fewer words are not compared (short titles legitimately repeat); min_length_gap: how much better, in log length ratio, another source must fit the translation's length than the first one to be taken as the one it translates; min_anchor_gap: how much larger another source's share of anchors (numbers, acronyms, same-script word stems) found in the translation must be."""

        min_words: int = 4
        #: how much better (in log length ratio) a later source must fit the translation's
        #: length than the first one to be kept as the right one instead.
        min_length_gap: float = field(default=0.2, metadata={"range": (0, 5)})
        #: how much larger a later source's share of anchors found in the translation must be.
        min_anchor_gap: float = field(default=0.1, metadata={"range": (0, 1)})

    def _compared(self, seg: Segment) -> bool:
        return seg.kind in ("text", "sentence") and word_count(seg.target_text) >= self.config.min_words

    def begin_document(self, context: Context) -> _Collisions:
        return _Collisions()

    def fold(self, state: _Collisions, pair: Pair, context: Context) -> None:
        rank, compared = folded_segments(state.languages, pair, context, self.applies_to, self._compared)
        lang = pair.target.lang
        places = []
        for seg in compared:
            key = (lang, seg.body("target"))
            number = state.groups.get(key)
            if number is None:
                number = state.groups[key] = len(state.sources)
                state.sources.append({})
            sources = state.sources[number]
            source = sources.setdefault(seg.body("source"), len(sources))
            places.append((rank, number, source, seg.source_text, seg.target_text, at(seg.source_at),
                           at(seg.target_at)))
        if places:  # one entry a pair
            state.places.add(places)

    def end_document(self, state: _Collisions, context: Context) -> Iterator[Finding]:
        several = [len(sources) > 1 for sources in state.sources]
        state.groups.clear()
        state.sources.clear()
        # the occurrences of the translations that stand against several sources, by group
        collisions: dict[tuple[int, int], list[_Place]] = {}
        for places in state.places:
            for rank, number, *place in places:
                if several[number]:
                    collisions.setdefault((rank, number), []).append(_Place(*place))
        for group in sorted(collisions):
            yield from self._collisions(collisions.pop(group), context)

    def _collisions(self, group: list[_Place], context: Context) -> Iterator[Finding]:
        """One finding for each source of the group's translation but the one it is kept for."""
        kept = self._kept(group, context)
        kept_at = location(kept.source_at)
        seen = {kept.source}
        for place in group:
            if place.source in seen:
                continue
            target_at = location(place.target_at)
            yield self.finding(
                None,
                f"this {target_at.lang} text also translates a different source "
                f"({kept_at.unit}, line {kept_at.line})",
                expected=f"a translation of: {place.source_text[:80]}",
                found=place.target_text[:80],
                mark=(0, len(place.target_text)),  # the whole text; found shows its start
                source=location(place.source_at),
                target=target_at,
            )
            seen.add(place.source)

    def _kept(self, group: list[_Place], context: Context) -> _Place:
        """The occurrence taken to be the right one: the first, unless another source fits the
        translation's length better by ``min_length_gap`` (log of the length ratio)."""
        first = group[0]
        ratio = context.facts.get("length_ratio", {}).get((first.source_at[1], first.target_at[1]))
        if not ratio or ratio[0] <= 0:
            return first

        def misfit(place: _Place) -> float:
            src, tgt = len(place.source_text.strip()), len(place.target_text.strip())
            return abs(math.log(tgt / (src * ratio[0]))) if src and tgt else math.inf

        best = min(group, key=misfit)
        if misfit(first) - misfit(best) > self.config.min_length_gap:
            return best
        best = max(group, key=_anchor_share)
        return best if _anchor_share(best) - _anchor_share(first) > self.config.min_anchor_gap else first


class _Place(NamedTuple):
    """One compared occurrence of a translation: which of its group's sources it stands against
    (numbered in order of appearance), both texts and where they stand (``candidates.at``)."""

    source: int
    source_text: str
    target_text: str
    source_at: tuple
    target_at: tuple


@dataclass
class _Collisions:
    """What CO02 keeps of a run: each compared translation (by language and key) as a group,
    the distinct sources it stands against, and the places of every occurrence, one entry a pair
    in the run's order (``Candidates``); at the end, one reading keeps the occurrences of the
    translations that stand against several sources."""

    languages: dict[str, int] = field(default_factory=dict)
    groups: dict[tuple[str, str], int] = field(default_factory=dict)
    #: by group number: source key -> its number in the group
    sources: list[dict[str, int]] = field(default_factory=list)
    places: Candidates = field(default_factory=Candidates)


_NUMBER = re.compile(r"\d+")
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
_LONG_WORD = re.compile(r"[^\W\d_]{6,}")


def _anchors(text: str, stems: bool) -> set[str]:
    found = set(_NUMBER.findall(text)) | set(_ACRONYM.findall(text))
    if stems:
        plain = unicodedata.normalize("NFKD", text.casefold())
        found |= {word[:5] for word in _LONG_WORD.findall("".join(c for c in plain if not unicodedata.combining(c)))}
    return found


def _anchor_share(place: _Place) -> float:
    """The share of the source's anchors that the translation has (stems only between two
    versions written in the same script)."""
    same_script = SCRIPTS.get(place.source_at[1]) == SCRIPTS.get(place.target_at[1]) is not None
    source = _anchors(place.source_text, same_script)
    return len(source & _anchors(place.target_text, same_script)) / len(source) if source else 0.0
