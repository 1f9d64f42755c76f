"""MK01: the italic opening phrase present in one version and not the other."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from aligner.model import OFFICIAL_LANGUAGES
from qa_rules.base import Context, Pair, Rule
from qa_rules.markup.italics import italic_languages_of, opening_span
from qa_rules.model import Finding


def _first_words(text: str, count: int = 3) -> str:
    return " ".join(text.split()[:count])


class ItalicOpening(Rule):
    """The opening phrase of a paragraph is italic in one version and not in the other.

    Preambular and operative paragraphs open with an italic phrase (*Recalling*,
    *Requests also*) in English, French, Spanish and Russian. Chinese and
    Arabic UN texts do not italicize and are not compared, unless the version
    checked has adopted the convention itself (most of its paragraphs open in
    italics): then a paragraph of it that does not is flagged like any other.

    Flags:
        fr: *Rappelant* sa résolution 74/175 du 18 décembre 2019,
        en: Recalling its resolution 74/175 of 18 December 2019,

        fr: 2. *Prie* l'Office de continuer à fournir une assistance technique ;
        es: 2. Solicita a la Oficina que siga prestando asistencia técnica;

    Passes:
        fr: *Rappelant* sa résolution 74/175 du 18 décembre 2019,
        en: *Recalling* its resolution 74/175 of 18 December 2019,

        fr: *Rappelant* sa résolution 74/175 du 18 décembre 2019,
        zh: 回顾其2019年12月18日第74/175号决议，
    """

    code = "MK01"
    name = "markup.italic_opening"
    category = "markup"
    severity = "warning"
    needs_both_sides = True
    source_in_languages = True
    languages = OFFICIAL_LANGUAGES

    @dataclass(frozen=True)
    class Config:
        """roles: the unit roles whose opening phrase is compared."""

        roles: tuple[str, ...] = ("preambular", "operative")

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        italic = italic_languages_of(context)
        if pair.source.lang not in italic or pair.target.lang not in italic:
            return
        if len(pair.source.units) != 1 or len(pair.target.units) != 1:
            return
        src, tgt = pair.source.units[0], pair.target.units[0]
        if src.role not in self.config.roles:
            return
        src_open, tgt_open = opening_span(src), opening_span(tgt)
        if (src_open is None) == (tgt_open is None):
            return
        if src_open is not None:
            yield self.finding(
                pair,
                f"the opening phrase is italic in {pair.source.lang} (*{src_open.text}*) but not in {pair.target.lang}",
                expected="italic opening phrase",
                found=_first_words(tgt.text),
            )
        else:
            yield self.finding(
                pair,
                f"the opening phrase is italic in {pair.target.lang} but not in {pair.source.lang}",
                expected="no italic opening phrase",
                found=f"*{tgt_open.text}*",
            )
