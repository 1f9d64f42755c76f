"""CO01: the same source text translated in different ways."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from qa_rules.base import Context, Pair, Rule
from qa_rules.candidates import Candidates, at, location
from qa_rules.consistency.segments import Segment, folded_segments, word_count
from qa_rules.model import Finding


class SourceVariants(Rule):
    """The same source paragraph, sentence or opening phrase is translated in different ways.

    Paragraphs, sentences (when both sides have as many), italic opening
    phrases (*Réaffirmant* -> *Reaffirming*) and italic titles are compared
    across the whole run after normalizing case, white space and final
    punctuation. The rendering used most often is taken as the expected one;
    with a tie, the first. Opening phrases are only flagged against a strict
    majority (some verbs are legitimately rendered two ways).

    Flags:
        fr: *Réaffirmant* sa résolution 60/288, ¶ *Réaffirmant* sa résolution 74/175, ¶ *Réaffirmant* sa résolution 77/298,
        en: *Reaffirming* its resolution 60/288, ¶ *Reaffirming* its resolution 74/175, ¶ *Reaffirming* its resolution 77/298,
        es: *Reafirmando* su resolución 60/288, ¶ *Reafirmando* su resolución 74/175, ¶ *Reiterando* su resolución 77/298,

    Passes:
        fr: *Réaffirmant* sa résolution 60/288, ¶ *Réaffirmant* sa résolution 74/175, ¶ *Réaffirmant* sa résolution 77/298,
        es: *Reafirmando* su resolución 60/288, ¶ *Reafirmando* su resolución 74/175, ¶ *Reafirmando* su resolución 77/298,
    """

    code = "CO01"
    name = "consistency.source_variants"
    category = "consistency"
    severity = "warning"

    @dataclass(frozen=True)
    class Config:
        """min_words: paragraphs and sentences with fewer source words are not compared."""

        min_words: int = 4

    def begin_document(self, context: Context) -> _Renderings:
        return _Renderings()

    def fold(self, state: _Renderings, pair: Pair, context: Context) -> None:
        rank, compared = folded_segments(state.languages, pair, context, self.applies_to, self._compared)
        lang = pair.target.lang
        places = []
        for seg in compared:
            key = (lang, seg.kind, seg.source)
            number = state.groups.get(key)
            if number is None:
                number = state.groups[key] = len(state.renderings)
                state.renderings.append({})
                state.kinds.append(seg.kind)
            renderings = state.renderings[number]
            seen = renderings.get(seg.target)
            if seen is None:
                seen = renderings[seg.target] = [0, len(renderings), seg.target_text]
            seen[0] += 1
            places.append((rank, number, seen[1], seg.source_text, seg.target_text, at(seg.source_at),
                           at(seg.target_at)))
        if places:  # one entry a pair
            state.places.add(places)

    def end_document(self, state: _Renderings, context: Context) -> Iterator[Finding]:
        usual = [self._usual(kind, renderings) for kind, renderings in zip(state.kinds, state.renderings)]
        state.groups.clear()
        # the occurrences that are findings (a rendering other than the usual one), by group
        flagged: dict[tuple[int, int], list] = {}
        for places in state.places:
            for rank, number, rendering, *place in places:
                expected = usual[number]
                if expected is not None and rendering != expected[0]:
                    flagged.setdefault((rank, number), []).append(place)
        for (_, number), source, found, source_at, target_at in (
                (group, *place) for group in sorted(flagged) for place in flagged[group]):
            expected = usual[number]
            what = {"text": "paragraph", "sentence": "sentence", "opening": "opening phrase",
                    "italic": "title"}[state.kinds[number]]
            source = source if len(source) <= 40 else source[:40] + "…"
            text, best_n = expected[2], expected[1]
            yield self.finding(
                None,
                f"the source {what} «{source}» is rendered otherwise here than the {best_n} time(s) "
                f"it is rendered «{text if len(text) <= 40 else text[:40] + '…'}»",
                expected=text,
                found=found,
                source=location(source_at),
                target=location(target_at),
            )

    def _compared(self, seg: Segment) -> bool:
        if seg.kind in ("text", "sentence") and word_count(seg.source_text) < self.config.min_words:
            return False
        return bool(seg.source and seg.target)

    @staticmethod
    def _usual(kind: str, renderings: dict[str, list]) -> tuple[int, int, str] | None:
        """The rendering taken as the expected one (the most used; with a tie, the first seen),
        as (its number, how often it is used, its text), or None when nothing is flagged: a
        single rendering, or an opening phrase without a strict majority."""
        if len(renderings) < 2:
            return None
        best_n, number, text = max(renderings.values(), key=lambda seen: (seen[0], -seen[1]))
        if kind == "opening" and sum(1 for seen in renderings.values() if seen[0] == best_n) > 1:
            return None
        return number, best_n, text


@dataclass
class _Renderings:
    """What CO01 keeps of a run: each compared source segment (by language, kind and key) as a
    group, the renderings of each group with their count, order and first text, and the places
    of every occurrence, one entry a pair in the run's order (``Candidates``): once the usual
    renderings are known, one reading keeps the occurrences that are findings, reported group by
    group."""

    languages: dict[str, int] = field(default_factory=dict)
    groups: dict[tuple[str, str, str], int] = field(default_factory=dict)
    #: by group number: target key -> [count, order first seen, text first seen]
    renderings: list[dict[str, list]] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    places: Candidates = field(default_factory=Candidates)
