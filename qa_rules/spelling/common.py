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
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from aligner.model import OFFICIAL_LANGUAGES, Document
from qa_rules import langdata
from qa_rules.base import Context, Pair
from qa_rules.spelling import hunspell
from qa_rules.spelling.words import Accepted

#: Where a run keeps each language's accepted words: ``Context.facts[ACCEPTED_FACT]``.
ACCEPTED_FACT = "spelling.accepted"
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
    language = langdata.value(lang, "name", lang)
    if not names:
        return langdata.value(lang, "spelling.absent", f"Hunspell has no {language} dictionary")
    for name in names:
        loaded = hunspell.load(name)
        if isinstance(loaded, hunspell.Dictionary):
            cited = tuple(d for d in (hunspell.load(n) for n in langdata.value(lang, "spelling.cited", ()))
                          if isinstance(d, hunspell.Dictionary))
            return Speller(lang, loaded, cited)
    package = langdata.value(lang, "spelling.package", "")
    library = hunspell.library()
    if isinstance(library, str):
        return f"{library} (Debian: apt-get install {hunspell.LIBRARY_PACKAGE} {package})"
    install = f"; Debian: apt-get install {package}" if package else ""
    return f"no {language} Hunspell dictionary is installed ({' or '.join(n + '.dic' for n in names)}{install})"


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


def accepted(context: Context, lang: str, glossaries: Iterable, user_words: Iterable[str]) -> Accepted:
    """The words ``lang`` accepts in this run (built once per run, language and word list)."""
    key = (lang, tuple(user_words))
    store = context.facts.setdefault(ACCEPTED_FACT, {}) if isinstance(context.facts, dict) else {}
    if key not in store:
        store[key] = Accepted.build(lang, glossaries, key[1])
    return store[key]


class NeedsDictionary:
    """Mixed into the spelling rules: they cannot run on a version whose language has no
    dictionary here (``Rule.unavailable``), and judge a pair's target with its speller."""

    def unavailable(self, lang: str) -> str | None:
        found = speller(lang)
        return found if isinstance(found, str) else None

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
