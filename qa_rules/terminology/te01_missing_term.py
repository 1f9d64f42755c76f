"""TE01: a glossary term of the source has no accepted equivalent in the target."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from qa_rules.base import Context, Pair, Rule
from qa_rules.model import Finding
from qa_rules.terminology.common import concept_in, expected_terms, find, located, run_glossaries
from qa_rules.terminology.instead import written_instead


class MissingTerm(Rule):
    """A source glossary term has none of its accepted equivalents in the aligned target paragraph.

    The source paragraph's terms are found in all their inflected forms; for
    each concept found, the target paragraph must contain one of the concept's
    preferred or admitted terms in the target language (inflected forms
    count, also inside a longer term: "Member States" inside "requesting Member
    States", and split by a coordinated word: "technical assistance" in "technical
    and legislative assistance"). A target that uses a deprecated or superseded term is reported by
    TE02 (or TE03 for country names), not here. Concepts with no accepted
    term in the target language are skipped, and so are rows the aligner is
    unsure of and targets that lack most of the source's terms (another
    paragraph, or untranslated text: the structure, consistency and
    untranslated rules report those), and a term written in the target in
    another language's form (text left in French or pasted from the Spanish
    version: UT01 reports it).

    The finding's ``found`` is what the target wrote instead, when one span of it
    clearly stands for the term (``qa_rules.terminology.instead``: «foreign fighters»
    below), and its line is that span's; otherwise ``found`` is empty and the line is
    the paragraph's.

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
    needs_both_sides = True

    @dataclass(frozen=True)
    class Config:
        """bundled_when_none: with no glossary in the run at all, use the bundled ones (the docstring examples do).
        min_row_score: rows the aligner is less sure of (a dropped, merged or moved paragraph) are not
        checked; the structure rules report them.
        max_missing_share: when at least two source terms are missing and they are this share of the
        source's terms or more, the target is another paragraph or untranslated (reported by the
        structure, consistency and untranslated rules), not a terminology error: nothing is reported.
        """

        bundled_when_none: bool = False
        min_row_score: float = field(default=0.3, metadata={"range": (0, 1)})
        max_missing_share: float = field(default=0.66, metadata={"range": (0, 1)})

    @classmethod
    def example_config(cls) -> "MissingTerm.Config":
        return cls.Config(bundled_when_none=True)

    @staticmethod
    def _in_another_language(match, pair: Pair, context: Context) -> bool:
        for lang in match.concept.languages:
            if lang == pair.target.lang or lang == "zh" and pair.target.lang != "zh":
                continue
            if concept_in(pair.target.text, lang, match, context):
                return True
        return False

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        glossaries = run_glossaries(context, self.config.bundled_when_none)
        source = find(pair.source.text, pair.source.lang, glossaries, context=context)
        if not source:
            return
        if pair.row.score < self.config.min_row_score:
            return
        present = {(m.glossary, m.concept.id)
                   for m in find(pair.target.text, pair.target.lang, glossaries, nested=True, context=context)}
        checkable: dict[tuple[str, str], object] = {}
        for match in source:
            key = (match.glossary, match.concept.id)
            if key not in checkable and expected_terms(match.concept, pair.target.lang):
                checkable[key] = match
        missing = [m for cid, m in checkable.items() if cid not in present
                   and not concept_in(pair.target.text, pair.target.lang, m, context, coordinated=True)]
        if len(missing) >= 2 and len(missing) >= self.config.max_missing_share * len(checkable):
            return
        for match in missing:
            concept = match.concept
            if self._in_another_language(match, pair, context):
                continue  # the target is untranslated or pasted from another version: UT01's finding
            expected = expected_terms(concept, pair.target.lang)
            span = written_instead(pair.target.text, pair.target.lang, match.text, expected.split(" | "),
                                   source_lang=pair.source.lang)
            found = pair.target.text[span[0]:span[1]] if span else ""
            instead = f"; the target has «{found}»" if found else ""
            yield self.finding(
                pair,
                f"the source term «{match.text}» has no accepted {pair.target.lang} equivalent in the target "
                f"(glossary {match.glossary}, concept {concept.id}){instead}",
                expected=expected,
                found=found,
                target=located(pair.target, span[0]) if span else None,
                in_source=match.text,
            )
