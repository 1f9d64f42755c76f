"""What the spelling rules share: each language's speller and the words it accepts.

``speller(lang)`` is the language's Hunspell dictionary (named in ``[spelling]``
of its language data) with the dictionaries of the languages its texts cite
(``cited``: English titles in French, Spanish, Russian and Arabic footnotes),
loaded once per process; or, where there is none, the sentence the report's
notice gives (Chinese: Hunspell has no dictionary for it). ``preload`` starts
loading them in the background as soon as a run knows its target languages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Sequence

from aligner.model import OFFICIAL_LANGUAGES, Document
from qa_rules import langdata
from qa_rules.base import Pair
from qa_rules.glossary.matcher import same_objects
from qa_rules.spelling import hunspell
from qa_rules.spelling.words import Accepted

_APOSTROPHES = str.maketrans({"’": "'", "'": "’"})
#: Where a word may be cut in parts judged alone: at a hyphen, and between a lower-case letter
#: and a capital (two words glued).
_GLUED = re.compile(r"-|(?<=[a-zà-ÿа-яё])(?=[A-ZÀ-ÞА-ЯЁ])")


@dataclass(frozen=True)
class Speller:
    """A language's dictionary and the dictionaries of the languages its texts cite."""

    lang: str
    main: hunspell.Dictionary
    cited: tuple[hunspell.Dictionary, ...] = ()

    def knows(self, word: str) -> bool:
        """Whether the language (or, failing it, a cited language) spells ``word`` so; each part
        of a hyphenated word may be judged alone (``counter-terrorism``), and so may the words
        of two glued together with no space (``DesarrolloInforme``: a footnote's text run into
        its paragraph, a missing space rather than a misspelling). Arabic's tatweel (ـ, a
        stretching of the line) is not a letter."""
        word = word.replace("\u0640", "")
        if self._known(word):
            return True
        parts = [p for p in _GLUED.split(word.replace("‐", "-")) if p and p != "-"]
        return len(parts) > 1 and all(self._known(p) for p in parts)

    def _known(self, word: str) -> bool:
        forms = (word, word.translate(_APOSTROPHES)) if ("'" in word or "’" in word) else (word,)
        return any(d.checks(form) for d in (self.main, *self.cited) for form in forms)


@lru_cache(maxsize=None)
def speller(lang: str) -> Speller | str:
    """The speller of ``lang``, or why there is none on this machine (a sentence for a notice)."""
    names = langdata.value(lang, "spelling.dictionaries", ())
    if not names:
        return _absent(lang)
    for name in names:
        loaded = hunspell.load(name)
        if isinstance(loaded, hunspell.Dictionary):
            cited = tuple(d for d in (hunspell.load(n) for n in langdata.value(lang, "spelling.cited", ()))
                          if isinstance(d, hunspell.Dictionary))
            return Speller(lang, loaded, cited)
    return _not_installed(lang, names)


def why_no_speller(lang: str) -> str | None:
    """Why ``speller(lang)`` will have no dictionary (its sentence), or ``None`` when the library
    and one of the language's dictionaries are installed, decided from the files without
    loading anything: what a run must know before it starts, while the dictionaries may still
    be loading in the background (``preload``). Hunspell builds a dictionary from any pair of
    files it finds, so a dictionary found here is one ``speller`` loads."""
    names = langdata.value(lang, "spelling.dictionaries", ())
    if not names:
        return _absent(lang)
    if not isinstance(hunspell.library(), str) and any(hunspell.find(name) for name in names):
        return None
    return _not_installed(lang, names)


def _absent(lang: str) -> str:
    language = langdata.value(lang, "name", lang)
    return langdata.value(lang, "spelling.absent", f"Hunspell has no {language} dictionary")


def _not_installed(lang: str, names: Sequence[str]) -> str:
    language = langdata.value(lang, "name", lang)
    package = langdata.value(lang, "spelling.package", "")
    library = hunspell.library()
    if isinstance(library, str):
        return f"{library} (Debian: apt-get install {hunspell.LIBRARY_PACKAGE} {package})"
    install = f"; Debian: apt-get install {package}" if package else ""
    return f"no {language} Hunspell dictionary is installed ({' or '.join(n + '.dic' for n in names)}{install})"


@dataclass(eq=False)
class WordJudge:
    """Whether a word of one language is spelt right in a run: accepted as it is (``Accepted``:
    the glossaries' words, the language's UN vocabulary, the user's list) or known to the
    speller. Each word's verdict is worked out once and kept with the judge, which lives as
    long as what it depends on (``word_judge``): a warm process asks the dictionary once per word,
    not once per occurrence in each document (the dictionary calls are most of SC01's cost)."""

    accepted: Accepted
    speller: Speller
    verdicts: dict[str, bool] = field(default_factory=dict)

    def spelt_right(self, word: str) -> bool:
        verdict = self.verdicts.get(word)
        if verdict is None:
            if len(self.verdicts) >= _VERDICTS_KEPT:
                self.verdicts.clear()
            verdict = self.verdicts[word] = word in self.accepted or self.speller.knows(word)
        return verdict


#: Verdicts a judge keeps before it starts again (the words of many documents): about 5 MiB
#: per language at most (a word and its verdict, about 100 bytes), where 200,000 held 20 MiB
#: per language; a document's own vocabulary rarely reaches a tenth of it.
_VERDICTS_KEPT = 50_000
#: (lang, the user's words, ids of the glossaries) -> (the glossaries, their judge). An entry
#: keeps its glossaries alive and is used only for those very objects (an ``id()`` is reused
#: once its object is collected) and the same speller.
_JUDGES: dict[tuple, tuple[tuple, WordJudge]] = {}


def word_judge(lang: str, glossaries: Sequence, user_words: Iterable[str], speller: Speller) -> WordJudge:
    """The judge of ``lang``'s words for these glossaries, word list and speller: built once
    per process for each such set (``Accepted.build`` reads every glossary term), not per
    document; other glossaries or another word list (a config of another run in the same
    worker) get their own."""
    glossaries = tuple(glossaries)
    words = tuple(user_words)
    key = (lang, words, tuple(id(g) for g in glossaries))
    hit = _JUDGES.get(key)
    if hit is not None and same_objects(hit[0], glossaries) and hit[1].speller is speller:
        return hit[1]
    if len(_JUDGES) >= 64:
        _JUDGES.clear()
    judge = WordJudge(Accepted.build(lang, glossaries, words), speller)
    _JUDGES[key] = (glossaries, judge)
    return judge


def dictionary_names(lang: str) -> tuple[str, ...]:
    """The dictionaries ``speller(lang)`` will load: the first of the language's that is
    installed, then those of the languages it cites (none when the language has none here)."""
    if lang not in OFFICIAL_LANGUAGES:
        return ()
    main = next((n for n in langdata.value(lang, "spelling.dictionaries", ()) if hunspell.find(n)), None)
    return (main, *langdata.value(lang, "spelling.cited", ())) if main else ()


def preload(langs: Iterable[str]) -> None:
    """Start loading the dictionaries of ``langs`` in a background thread (``hunspell.preload``)."""
    hunspell.preload(name for lang in langs for name in dictionary_names(lang))


class NeedsDictionary:
    """Mixed into the spelling rules: they cannot run on a version whose language has no
    dictionary here (``Rule.unavailable``), and judge a pair's target with its speller."""

    def unavailable(self, lang: str) -> str | None:
        """Decided from the files (``why_no_speller``), without waiting for the dictionary: it
        may still be loading in the background while the rules start on the first pairs."""
        return why_no_speller(lang)

    def preload(self, langs: Iterable[str]) -> None:
        preload(langs)

    @staticmethod
    def speller_for(pair: Pair) -> Speller | None:
        """The speller of the pair's target, or ``None``: no dictionary, or a paragraph left
        untranslated or written in another language (the untranslated rules report it once,
        not word by word)."""
        from qa_rules.untranslated.detect import guess_language, left_untranslated

        found = speller(pair.target.lang)
        if isinstance(found, str) or not_in_its_language(pair.target.doc) or left_untranslated(pair) \
                or guess_language(pair.target.text, pair.target.lang):
            return None
        return found


def not_in_its_language(doc: Document) -> bool:
    """Whether the reader found the whole version written in another language than the one it
    is declared in (the report's first notice says so): its words are not judged one by one."""
    from aligner.langid import DECLARED_LANGUAGE_WARNING

    return any(warning.startswith(DECLARED_LANGUAGE_WARNING) for warning in doc.warnings)
