"""UT01: a target paragraph written in another language than the target's."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from aligner.model import OFFICIAL_LANGUAGES
from qa_rules.base import Context, Pair, Rule
from qa_rules.model import Finding
from qa_rules.untranslated.detect import guess_language, normalized


class WrongLanguage(Rule):
    """A target paragraph is written in another language (left untranslated or pasted from another version).

    The script decides for Chinese, Arabic and Russian targets (and for Latin
    targets holding Cyrillic, Han or Arabic text); between English, French and
    Spanish, a function-word profile picks out suspicious paragraphs and seeded
    langdetect gives the verdict. Segments shorter than ``min_letters`` letters
    are not judged, nor the document's header lines (``Distr.: General`` stays
    English in every version) or citations UN practice leaves in English
    (``United Nations, Treaty Series`` in Russian footnotes). A target
    identical to its source is left to UT02.

    Flags:
        fr: Prie l'Office de continuer à aider les États Membres qui en font la demande à renforcer la sécurité de leurs frontières ;
        ru: Requests the Office to continue to assist requesting Member States in strengthening their border security;

        fr: Prie l'Office de continuer à aider les États Membres qui en font la demande à renforcer la sécurité de leurs frontières ;
        en: Solicita a la Oficina que siga ayudando a los Estados Miembros que lo soliciten a reforzar la seguridad de sus fronteras;

    Passes:
        fr: Prie l'Office de continuer à aider les États Membres qui en font la demande à renforcer la sécurité de leurs frontières ;
        ru: просит Управление продолжать оказывать государствам-членам по их просьбе помощь в укреплении безопасности их границ;
    """

    code = "UT01"
    name = "untranslated.wrong_language"
    category = "untranslated"
    severity = "error"
    needs_both_sides = True
    languages = OFFICIAL_LANGUAGES

    @dataclass(frozen=True)
    class Config:
        """min_letters: segments with fewer letters are not judged;
        roles: the unit roles judged (header lines, ``meta``, are not);
        exempt: regular expressions of text UN practice leaves untranslated."""

        min_letters: int = 12
        roles: tuple[str, ...] = ("title", "preambular", "operative", "footnote", "closing", "segment")
        exempt: tuple[str, ...] = field(default=(r"\bTreaty Series\b",), metadata={"regex": True})

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        if normalized(pair.target.text) == normalized(pair.source.text):
            return
        if pair.target.units[0].role not in self.config.roles:
            return
        if any(re.search(pattern, pair.target.text) for pattern in self.config.exempt):
            return
        found = guess_language(pair.target.text, pair.target.lang, self.config.min_letters)
        if found:
            excerpt = pair.target.text[:60]
            yield self.finding(
                pair,
                f"the {pair.target.lang} paragraph is written in {found}",
                expected=f"text in {pair.target.lang}",
                found=excerpt,
            )
