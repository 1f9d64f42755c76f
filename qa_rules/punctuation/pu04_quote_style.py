"""PU04: quotation marks that are not the target language's."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from aligner.model import OFFICIAL_LANGUAGES
from qa_rules.base import Context, Pair, Rule, window
from qa_rules.model import Finding
from qa_rules.untranslated.detect import left_untranslated
from qa_rules.punctuation.langfacts import facts
from qa_rules.punctuation.locate import locate

#: Every quotation mark the rule recognises (apostrophes ’ ‘ are not judged).
QUOTE_MARKS = frozenset("«»“”„\"《》「」‹›")


@lru_cache(maxsize=None)
def _foreign_marks(allowed: frozenset[str]) -> re.Pattern:
    """The quotation marks outside ``allowed``, as one character class (searched in C)."""
    foreign = "".join(sorted(QUOTE_MARKS - allowed))
    return re.compile("[" + re.escape(foreign) + "]") if foreign else re.compile("(?!)")


class QuoteStyle(Rule):
    """A target paragraph uses quotation marks that are not its language's.

    French and Russian quote with ``« »`` (Russian nests ``„ “``), English and
    Spanish with ``“ ”`` (a straight ``"`` in English and ``« »`` in Spanish are
    reported), Arabic with ``« »`` or ``“ ”``, Chinese with ``“ ”`` and ``《 》``.
    Marks are reported, never straightened.

    Flags:
        fr: au titre de la question intitulée « Prévention du crime et justice pénale ».
        en: under the item entitled « Crime prevention and criminal justice ».

        fr: des cibles vulnérables, dites « molles », comme les sites touristiques
        en: vulnerable targets, so-called "soft targets", such as tourist sites

        fr: des cibles vulnérables, dites « molles », comme les sites touristiques
        es: objetivos vulnerables, denominados «blandos», como los lugares turísticos

        fr: au titre de la question intitulée « Prévention du crime et justice pénale ».
        ru: в рамках пункта, озаглавленного "Предупреждение преступности и уголовное правосудие".

    Passes:
        fr: au titre de la question intitulée « Prévention du crime et justice pénale ».
        en: under the item entitled “Crime prevention and criminal justice”.

        fr: des cibles vulnérables, dites « molles », comme les sites touristiques
        es: objetivos vulnerables, denominados “blandos”, como los lugares turísticos

        fr: au titre de la question intitulée « Prévention du crime et justice pénale ».
        ru: в рамках пункта, озаглавленного «Предупреждение преступности и уголовное правосудие».
    """

    code = "PU04"
    name = "punctuation.quote_style"
    category = "punctuation"
    severity = "warning"
    languages = OFFICIAL_LANGUAGES

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        if pair.target.missing:
            return
        if left_untranslated(pair):
            return
        allowed = facts(pair.target.lang).quote_chars
        text = pair.target.text
        foreign = [(m.start(), m.group()) for m in _foreign_marks(frozenset(allowed)).finditer(text)]
        if not foreign:
            return
        offset, char = foreign[0]
        marks = "".join(sorted({c for _, c in foreign}))
        shown, mark = window(text, offset, offset + 1, 20, 39)
        yield self.finding(
            pair,
            f"quotation marks {marks} are not used in {pair.target.lang}",
            expected=" ".join("".join(p) for p in sorted(facts(pair.target.lang).quote_pairs)),
            found=shown,
            mark=mark,
            target=locate(pair.target, offset),
        )

    def pattern(self, finding: Finding) -> str | None:
        """Foreign quotation marks throughout a version are one systematic finding."""
        return finding.message
