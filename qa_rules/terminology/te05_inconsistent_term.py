"""TE05: one source term rendered with different target terms within a document."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence

from qa_rules.base import Context, Pair, Rule
from qa_rules.candidates import Candidates, location, side_at
from qa_rules.model import Finding
from qa_rules.terminology.common import GlossaryConfig, find, form_group, located_line, run_glossaries


class InconsistentTerm(Rule):
    """The same source term is rendered with different target terms within a document.

    For every concept of the glossaries found in a source paragraph, the
    target terms of that concept used in the aligned target paragraph are
    counted over the whole document (by glossary entry, so inflected forms of
    one term are the same rendering). A full name and its short form or
    acronym are alternatives, not inconsistencies, terms recorded as
    grammatical variants (term type ``variant``) are not compared, and a
    paragraph that gives two renderings side by side glosses one with the
    other (the official French of E/RES/2023/26 op. 20 has «cibles
    particulièrement vulnérables, dites « molles »», rendered "particularly
    vulnerable targets, known as “soft targets”"): it is not counted. Within one group the
    rendering used most often is expected (with a tie, the preferred term),
    and every other one is reported.

    Flags:
        fr: Encourage l'entraide judiciaire. ¶ Renforce l'entraide judiciaire. ¶ Développe l'entraide judiciaire.
        es: Alienta la asistencia judicial recíproca. ¶ Refuerza la asistencia judicial recíproca. ¶ Desarrolla la asistencia jurídica mutua.

    Passes:
        fr: Encourage l'entraide judiciaire. ¶ Renforce l'entraide judiciaire. ¶ Développe l'entraide judiciaire.
        es: Alienta la asistencia judicial recíproca. ¶ Refuerza la asistencia judicial recíproca. ¶ Desarrolla la asistencia judicial recíproca.
    """

    code = "TE05"
    name = "terminology.inconsistent_term"
    category = "consistency"
    severity = "warning"

    Config = GlossaryConfig

    @classmethod
    def example_config(cls) -> GlossaryConfig:
        return cls.Config(bundled_when_none=True)

    def begin_document(self, context: Context) -> _Uses | None:
        glossaries = run_glossaries(context, self.config.bundled_when_none)
        return _Uses(glossaries) if glossaries else None

    def fold(self, state: _Uses, pair: Pair, context: Context) -> None:
        if pair.source.missing or pair.target.missing or not self.applies_to(pair.target.lang):
            return
        glossaries = state.glossaries
        source_concepts = {(m.glossary, m.concept.id) for m in find(pair.source.text, pair.source.lang, glossaries, context=context)}
        if not source_concepts:
            return
        here: dict[tuple, list] = {}
        starts = _unit_starts(pair.target)
        for m in find(pair.target.text, pair.target.lang, glossaries, context=context):
            if (m.glossary, m.concept.id) in source_concepts and m.term.accepted and m.term.term_type != "variant":
                unit = bisect_right(starts, m.start)
                here.setdefault((pair.target.lang, f"{m.glossary}/{m.concept.id}", form_group(m.term), unit), []).append(m)
        uses = []
        for key, found in here.items():
            if len({m.term.text for m in found}) > 1:
                continue  # a gloss in one paragraph: "particularly vulnerable targets, known as “soft targets”"
            number = state.groups.get(key[:3])
            if number is None:
                number = state.groups[key[:3]] = len(state.counts)
                state.counts.append(Counter())
                state.concepts.append(found[0].concept)
            counts = state.counts[number]
            for m in found:
                counts[m.term.text] += 1
                uses.append((number, m.term.text, m.text, located_line(pair.target, m.start)))
        if uses:  # one place a pair: its sides, and each use's group, term, text and line
            state.places.add((side_at(pair.source), side_at(pair.target), uses))

    def end_document(self, state: _Uses, context: Context) -> Iterator[Finding]:
        keys = list(state.groups)
        state.groups.clear()
        usual: list[str | None] = []
        for (lang, _, _), counts, concept in zip(keys, state.counts, state.concepts):
            if len(counts) < 2:
                usual.append(None)
                continue
            rank = {t.text: i for i, t in enumerate(concept.accepted(lang))}
            usual.append(max(counts, key=lambda text: (counts[text], -rank.get(text, 99))))
        # the uses that are findings (each of a rendering other than the usual one), by group
        flagged: dict[int, list] = {}
        for source_at, target_at, uses in state.places:
            for number, term, text, line in uses:
                best = usual[number]
                if best is not None and term != best:
                    at_line = target_at if line is None else target_at[:3] + (line,)
                    flagged.setdefault(number, []).append((text, source_at, at_line))
        for number in sorted(flagged):
            best = usual[number]
            for text, source_at, target_at in flagged[number]:
                yield self.finding(
                    None,
                    f"«{text}» renders a term the document renders {state.counts[number][best]} time(s) as «{best}» "
                    f"(concept {keys[number][1]})",
                    expected=best,
                    source=location(source_at),
                    target=location(target_at),
                    found=text,
                )


@dataclass
class _Uses:
    """What TE05 keeps of a run: by (language, concept, form group), in order of first use, how
    often each target term renders it and the concept (for the preferred term), and the places
    of the uses, one entry a pair in the run's order (``Candidates``): once the usual renderings
    are known, one reading keeps the uses that are findings, which are reported group by group."""

    glossaries: Sequence[Any]
    groups: dict[tuple[str, str, str], int] = field(default_factory=dict)
    counts: list[Counter] = field(default_factory=list)
    concepts: list[Any] = field(default_factory=list)
    places: Candidates = field(default_factory=Candidates)


def _unit_starts(side) -> list[int]:
    """Where each unit of the side begins in its text (a cell may hold several paragraphs)."""
    starts, offset = [], 0
    for unit in side.units:
        found = side.text.find(unit.text, offset) if unit.text else -1
        if found < 0:
            return [0]
        starts.append(found)
        offset = found + len(unit.text)
    return starts or [0]
