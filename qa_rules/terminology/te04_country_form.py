"""TE04: the source uses a country's short name and the target its formal name, or the reverse."""

from __future__ import annotations

from typing import Iterator

from qa_rules.base import Context, Pair, Rule
from qa_rules.model import Finding
from qa_rules.terminology.common import GlossaryConfig, find, is_country, located, run_glossaries

_FORMS = {"shortForm": "short name", "fullForm": "formal name"}


class CountryNameForm(Rule):
    """The source names a country by its short name and the target by its formal name (or the reverse).

    UNTERM records each country's short name (France) and formal name (the
    French Republic); a translation keeps the form the source chose.

    Flags:
        fr: Déclaration de la République française
        en: Statement by France

    Passes:
        fr: Déclaration de la République française
        en: Statement by the French Republic
    """

    code = "TE04"
    name = "terminology.country_name_form"
    category = "terminology"
    severity = "warning"
    needs_both_sides = True

    Config = GlossaryConfig

    @classmethod
    def example_config(cls) -> GlossaryConfig:
        return cls.Config(bundled_when_none=True)

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        glossaries = run_glossaries(context, self.config.bundled_when_none)
        source_forms: dict[str, set[str]] = {}
        for m in find(pair.source.text, pair.source.lang, glossaries, context=context):
            if is_country(m.concept) and m.term.accepted and m.term.term_type in _FORMS:
                # a name written alike as short and formal (Mongolie) says nothing about the form
                alike = {t.term_type for t in m.concept.terms_in(pair.source.lang)
                         if t.text.casefold() == m.term.text.casefold() and t.term_type in _FORMS}
                source_forms.setdefault(m.concept.id, set()).update(alike)
        if not source_forms:
            return
        target_forms: dict[str, list] = {}
        for m in find(pair.target.text, pair.target.lang, glossaries, context=context):
            if m.concept.id in source_forms and m.term.accepted and m.term.term_type in _FORMS:
                target_forms.setdefault(m.concept.id, []).append(m)
        for concept_id, matches in target_forms.items():
            wanted = source_forms[concept_id]
            if len(wanted) != 1 or any(m.term.term_type in wanted for m in matches):
                continue
            (want,) = wanted
            match = matches[0]
            same_text = {t.text.casefold() for t in match.concept.terms_in(pair.target.lang) if t.term_type == want}
            if match.term.text.casefold() in same_text:
                continue  # the short and formal names are written alike (Japón)
            expected = [t.text for t in match.concept.preferred(pair.target.lang) if t.term_type == want]
            yield self.finding(
                pair,
                f"the source uses the country's {_FORMS[want]}, the target its "
                f"{_FORMS[match.term.term_type]} «{match.text}»",
                expected=" | ".join(expected),
                target=located(pair.target, match.start),
                found=match.text,
            )
