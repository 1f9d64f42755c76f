"""SP02: a space before punctuation (or inside brackets) where the language has none."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from aligner.model import OFFICIAL_LANGUAGES
from qa_rules.base import Context, Pair, Rule, window
from qa_rules.model import Finding, Location
from qa_rules.punctuation.langfacts import facts
from qa_rules.untranslated.detect import left_untranslated
from qa_rules.systematic import any_character


_SPACES = "[ \u00a0\u202f\u2009\u2007\u2002\u2003]"


@lru_cache(maxsize=None)
def _patterns(no_before: frozenset[str], no_after: frozenset[str]):
    before = re.compile(f"(?<=\\S)({_SPACES}+)([{re.escape(''.join(sorted(no_before)))}])") if no_before else None
    after = re.compile(f"([{re.escape(''.join(sorted(no_after)))}])({_SPACES})(?=\\S)") if no_after else None
    return before, after


def misplaced_spaces(text: str, no_before: frozenset[str], no_after: frozenset[str]) -> list[tuple[int, str]]:
    """(offset of the space, description) for each space the language forbids.

    A space at the start or end of the text is not judged, nor the space
    before a second full stop (``etc. ...``).
    """
    before, after = _patterns(frozenset(no_before), frozenset(no_after))
    bad = []
    if before is not None:
        for match in before.finditer(text):
            char = match.group(2)
            if char == "." and text[match.start() - 1] == ".":
                continue
            bad.append((match.start(), f"space before {char!r}"))
    if after is not None:
        for match in after.finditer(text):
            bad.append((match.start(2), f"space after {match.group(1)!r}"))
    return sorted(bad)


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
    languages = OFFICIAL_LANGUAGES

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        if left_untranslated(pair):
            return
        lang = facts(pair.target.lang)
        for unit in pair.target.units:
            text = unit.text
            for offset, what in misplaced_spaces(text, lang.no_space_before, lang.no_space_after):
                shown, mark = window(text, offset, offset + 1, 20, 19)
                yield self.finding(
                    pair,
                    f"{what} in {pair.target.lang}",
                    expected="no space",
                    found=shown,
                    mark=mark,
                    target=Location(pair.target.doc.path, pair.target.lang, unit.id, unit.line_at(offset)),
                )

    def pattern(self, finding: Finding) -> str | None:
        """The same misplaced space throughout a version (a tokenised text) is one systematic finding."""
        return any_character(finding.message)
