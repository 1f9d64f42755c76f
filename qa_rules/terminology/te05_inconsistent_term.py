"""TE05: one source term rendered with different target terms within a document."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from typing import Iterator

from qa_rules.base import Context, Rule
from qa_rules.consistency.segments import pairs_of
from qa_rules.model import Finding
from qa_rules.terminology.common import GlossaryConfig, find, form_group, located, run_glossaries


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

    def check_document(self, context: Context) -> Iterator[Finding]:
        glossaries = run_glossaries(context, self.config.bundled_when_none)
        if not glossaries:
            return
        # (lang, concept, group) -> [(pair, match)]
        uses: dict[tuple[str, str, str], list] = {}
        for pair in pairs_of(context):
            if pair.source.missing or pair.target.missing or not self.applies_to(pair.target.lang):
                continue
            source_concepts = {(m.glossary, m.concept.id) for m in find(pair.source.text, pair.source.lang, glossaries, context=context)}
            if not source_concepts:
                continue
            here: dict[tuple, list] = {}
            starts = _unit_starts(pair.target)
            for m in find(pair.target.text, pair.target.lang, glossaries, context=context):
                if (m.glossary, m.concept.id) in source_concepts and m.term.accepted and m.term.term_type != "variant":
                    unit = bisect_right(starts, m.start)
                    here.setdefault((pair.target.lang, f"{m.glossary}/{m.concept.id}", form_group(m.term), unit), []).append((pair, m))
            for key, found in here.items():
                if len({m.term.text for _, m in found}) > 1:
                    continue  # a gloss in one paragraph: "particularly vulnerable targets, known as “soft targets”"
                uses.setdefault(key[:3], []).extend(found)
        for (lang, concept_id, _), group in uses.items():
            counts = Counter(m.term.text for _, m in group)
            if len(counts) < 2:
                continue
            rank = {t.text: i for i, t in enumerate(group[0][1].concept.accepted(lang))}
            best = max(counts, key=lambda text: (counts[text], -rank.get(text, 99)))
            for pair, m in group:
                if m.term.text == best:
                    continue
                yield self.finding(
                    pair,
                    f"«{m.text}» renders a term the document renders {counts[best]} time(s) as «{best}» "
                    f"(concept {concept_id})",
                    expected=best,
                    target=located(pair.target, m.start),
                    found=m.text,
                )


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
