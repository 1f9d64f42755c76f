"""TE02: a deprecated or superseded glossary term in a target."""

from __future__ import annotations

from typing import Iterator

from qa_rules.base import Context, Pair, Rule
from qa_rules.model import Finding
from qa_rules.terminology.common import GlossaryConfig, expected_terms, form_group, located, rejected_in_target


class RejectedTerm(Rule):
    """A deprecated or superseded term is used in the target; the preferred term is expected.

    Each target paragraph is matched against the glossaries (inflected forms
    included, longest match first, so the preferred name is never mistaken
    for a deprecated one it contains). Country names are TE03's.

    Flags:
        fr: Prie l'Office des Nations Unies contre la drogue et le crime de continuer ;
        es: Solicita a la Oficina de las Naciones Unidas contra las Drogas y el Crimen que siga ;

    Passes:
        fr: Prie l'Office des Nations Unies contre la drogue et le crime de continuer ;
        es: Solicita a la Oficina de las Naciones Unidas contra la Droga y el Delito que siga ;
    """

    code = "TE02"
    name = "terminology.rejected_term"
    category = "terminology"
    severity = "error"

    Config = GlossaryConfig

    @classmethod
    def example_config(cls) -> GlossaryConfig:
        return cls.Config(bundled_when_none=True)

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        for match in rejected_in_target(pair, context, self.config.bundled_when_none, countries=False):
            expected = expected_terms(match.concept, pair.target.lang, form_group(match.term))
            note = f" ({match.term.note})" if match.term.note else ""
            yield self.finding(
                pair,
                f"«{match.text}» is a {match.term.status} term{note}; use the preferred term "
                f"(glossary {match.glossary}, concept {match.concept.id})",
                expected=expected,
                target=located(pair.target, match.start),
                found=match.text,
            )
