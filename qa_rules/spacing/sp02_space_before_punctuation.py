"""SP02: a space before punctuation (or inside brackets) where the language has none."""

from __future__ import annotations

from typing import Iterator

from qa_rules.base import Context, Pair, Rule
from qa_rules.model import Finding, Location
from qa_rules.punctuation.langfacts import facts, is_space
from qa_rules.untranslated.ut02_identical import left_untranslated


def misplaced_spaces(text: str, no_before: frozenset[str], no_after: frozenset[str]) -> list[tuple[int, str]]:
    """(offset of the space, description) for each space the language forbids."""
    bad = []
    for index, char in enumerate(text):
        if char in no_before and index > 0 and is_space(text[index - 1]):
            start = index - 1
            while start > 0 and is_space(text[start - 1]):
                start -= 1
            if start > 0 and not (char == "." and text[start - 1] == "."):
                bad.append((start, f"space before {char!r}"))
        if char in no_after and index + 1 < len(text) and is_space(text[index + 1]):
            if index + 2 < len(text):
                bad.append((index + 1, f"space after {char!r}"))
    return bad


class SpaceBeforePunctuation(Rule):
    """A space before a punctuation mark, or inside brackets or quotes, where the target language has none.

    English, Spanish, Russian, Arabic and Chinese write ``;``, ``:``, ``!``,
    ``?`` (and ``،``, ``؛``, ``；``...) against the preceding word and quote
    without inner spaces (``«texto»``); French keeps its spaces (SP03) but no
    language spaces before a comma or full stop.

    Flags:
        fr: Prie l'Office de continuer à aider les États Membres ;
        en: Requests the Office to continue to assist Member States ;

        fr: au titre de la question intitulée « Prévention du crime et justice pénale ».
        es: en relación con el tema titulado « Prevención del delito y justicia penal ».

    Passes:
        fr: Prie l'Office de continuer à aider les États Membres ;
        en: Requests the Office to continue to assist Member States;

        fr: au titre de la question intitulée « Prévention du crime et justice pénale ».
        es: en relación con el tema titulado «Prevención del delito y justicia penal».
    """

    code = "SP02"
    name = "spacing.space_before_punctuation"
    category = "spacing"
    severity = "warning"

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        if left_untranslated(pair):
            return
        lang = facts(pair.target.lang)
        for unit in pair.target.units:
            text = unit.text
            for offset, what in misplaced_spaces(text, lang.no_space_before, lang.no_space_after):
                yield self.finding(
                    pair,
                    f"{what} in {pair.target.lang}",
                    expected="no space",
                    found=text[max(offset - 20, 0) : offset + 20],
                    target=Location(pair.target.doc.path, pair.target.lang, unit.id, unit.line_at(offset)),
                )
