"""SC01: a word the target language's Hunspell dictionary does not know."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from aligner.model import OFFICIAL_LANGUAGES
from qa_rules.base import Context, Pair, Rule, window
from qa_rules.model import Finding, Location
from qa_rules.spelling.common import NeedsDictionary, Speller, word_judge
from qa_rules.spelling.suggest import read_slips, suggest
from qa_rules.spelling.words import distinct_words, lower_words, words
from qa_rules.terminology.common import run_glossaries


class Misspelling(NeedsDictionary, Rule):
    """A word of the target that its language's Hunspell dictionary does not know (nor the glossaries, nor the UN word lists).

    The dictionaries are the system's (Debian: ``hunspell-en-gb``, ``hunspell-fr``,
    ``hunspell-es``, ``hunspell-ru``, ``hunspell-ar``). The words of the run's
    glossaries (by default the bundled UN terms and country names), the language's UN vocabulary
    (``[spelling] words`` in its language data) and the ``words`` option are
    accepted as they are; English words cited in another language's text (titles
    in footnotes) are accepted if British English knows them. A word the source
    paragraph has too is a name or text left untranslated (the untranslated rules
    report that), not a misspelling. Acronyms, words
    glued to digits or slashes (``A/RES/74/175``), list numerals and URLs are not
    judged. Chinese has no Hunspell dictionary: the report says the rule did not
    run on it, as for any language whose dictionary is not installed.

    Flags:
        fr: Prie l'Office de continuer à aider les États Membres qui en font la demande ;
        en: Requests the Office to continue to asist requesting Member States;

        fr: Prie l'Office de continuer à aider les États Membres qui en font la demande ;
        es: Solicita a la Oficina que siga ayduando a los Estados Miembros que lo soliciten;

    Passes:
        fr: Prie l'Office de continuer à aider les États Membres qui en font la demande ;
        en: Requests the Office to continue to assist requesting Member States;

        fr: Prie l'Office de continuer à aider les États Membres qui en font la demande ;
        es: Solicita a la Oficina que siga ayudando a los Estados Miembros que lo soliciten;
    """

    code = "SC01"
    name = "spelling.misspelling"
    category = "spelling"
    severity = "warning"
    languages = OFFICIAL_LANGUAGES

    @dataclass(frozen=True)
    class Config:
        """words: the user's word list, accepted in every language as written (names, terms of the
        house); case does not matter, and each part of a hyphenated entry is accepted too."""

        words: tuple[str, ...] = ()

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        spell = self.speller_for(pair)
        if spell is None:
            return
        judge = word_judge(pair.target.lang, run_glossaries(context, False), self.config.words, spell)
        copied: frozenset[str] | None = None  # the source's words: read only for a paragraph with an unknown word
        for unit in pair.target.units:
            unknown = [word for word in distinct_words(unit.text) if not judge.spelt_right(word)]
            if not unknown:
                continue  # most paragraphs: nothing to place
            if copied is None:
                copied = lower_words(pair.source.text) if not pair.source.missing else frozenset()
            if all(word.lower() in copied for word in unknown):
                continue
            for start, end, word in words(unit.text):
                if judge.spelt_right(word) or word.lower() in copied:
                    continue
                shown, mark = window(unit.text, start, end)
                yield self.finding(
                    pair,
                    f"{word!r} is not in the {spell.main.name} dictionary",
                    expected=" / ".join(suggestions(spell, word)),
                    found=shown,
                    mark=mark,
                    target=Location(pair.target.doc.path, pair.target.lang, unit.id, unit.line_at(start)),
                )

    def pattern(self, finding: Finding) -> str | None:
        """One unknown word throughout a version (a name the dictionary lacks) is one finding."""
        return finding.message


@lru_cache(maxsize=4096)
def suggestions(spell: Speller, word: str) -> tuple[str, ...]:
    """The words of the language's dictionary one typing slip away from ``word``, likeliest first
    (``qa_rules.spelling.suggest``: the same on every machine, where Hunspell's own suggestions
    depend on how fast its search runs; asked once per word and process)."""
    main = spell.main
    return suggest(word, main.checks, read_slips(str(Path(main.path).with_suffix(".aff")), main.encoding))
