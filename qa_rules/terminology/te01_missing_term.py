"""TE01: a glossary term of the source has no accepted equivalent in the target."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from qa_rules.base import Context, Pair, Rule
from qa_rules.model import Finding
from qa_rules.terminology.common import expected_terms, find, run_glossaries


class MissingTerm(Rule):
    """A source glossary term has none of its accepted equivalents in the aligned target paragraph.

    The source paragraph's terms are found in all their inflected forms; for
    each concept found, the target paragraph must contain one of the concept's
    preferred or admitted terms in the target language (inflected forms
    count, also inside a longer term: "Member States" inside "requesting Member
    States"). A target that uses a deprecated or superseded term is reported by
    TE02 (or TE03 for country names), not here. Concepts with no accepted
    term in the target language are skipped.

    Flags:
        fr: Prie l'Office d'aider les États Membres à faire face aux combattants terroristes étrangers ;
        en: Requests the Office to assist Member States in addressing foreign fighters;

    Passes:
        fr: Prie l'Office d'aider les États Membres à faire face aux combattants terroristes étrangers ;
        en: Requests the Office to assist Member States in addressing foreign terrorist fighters;
    """

    code = "TE01"
    name = "terminology.missing_term"
    category = "terminology"
    severity = "warning"

    @dataclass(frozen=True)
    class Config:
        """bundled_when_none: with no glossary in the run at all, use the bundled ones (the docstring examples do)."""

        bundled_when_none: bool = False

    @classmethod
    def example_config(cls) -> "MissingTerm.Config":
        return cls.Config(bundled_when_none=True)

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        if pair.source.missing or pair.target.missing:
            return
        glossaries = run_glossaries(context, self.config.bundled_when_none)
        source = find(pair.source.text, pair.source.lang, glossaries)
        if not source:
            return
        present = {m.concept.id for m in find(pair.target.text, pair.target.lang, glossaries, nested=True)}
        reported = set()
        for match in source:
            concept = match.concept
            if concept.id in present or concept.id in reported:
                continue
            expected = expected_terms(concept, pair.target.lang)
            if not expected:
                continue
            reported.add(concept.id)
            yield self.finding(
                pair,
                f"the source term «{match.text}» has no accepted {pair.target.lang} equivalent in the target "
                f"(glossary {match.glossary}, concept {concept.id})",
                expected=expected,
                found="",
            )
