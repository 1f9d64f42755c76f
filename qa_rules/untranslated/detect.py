"""Which official language a paragraph is written in, cheaply and deterministically.

Two kinds of evidence, cheapest first:

1. the script: Latin letters in a Chinese, Arabic or Russian target (or Han,
   Arabic, Cyrillic letters in an English, French or Spanish one) are decisive;
2. among the Latin-script languages, a function-word profile (``the``/``of``,
   ``les``/``des``, ``los``/``del``) picks out suspicious paragraphs, and only
   those go to langdetect (seeded, loaded lazily once) for the verdict, so a
   clean document never pays for loading langdetect's profiles.

    >>> guess_language("Requests the Office to continue to assist Member States in preventing terrorism", "en")
    >>> guess_language("Prie l'Office de continuer à aider les États Membres à prévenir le terrorisme", "en")
    'fr'

It also says whether a target is its source left as it was (``left_untranslated``):
UT02 reports such a paragraph, and the punctuation, spacing and consistency rules
skip it so that it is reported once.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from aligner.model import OFFICIAL_LANGUAGES
from qa_rules.punctuation.langfacts import SCRIPTS, script_counts

#: Frequent words that are distinctive of one Latin-script official language.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in on its for with that by from which as this are be is their have".split()),
    "fr": frozenset("les des et du le au aux pour dans sur par qui leur ses est sont une avec".split()),
    "es": frozenset("los del el las y para con por su sus que una al se sobre como".split()),
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SPACE = re.compile(r"\s+")

#: Symbols, acronyms and codes (E/RES/2023/26, UNODC, INTERPOL): not evidence of a language.
#: A symbol is a whole run of non-space characters with a digit or a slash: read from the run's
#: start only, up to its first digit or slash without going back (as ``\S*[\d/]\S*`` was, the
#: search tried every character of a run with none, a whole Chinese paragraph, to its end).
_SYMBOLS = re.compile(r"(?<!\S)[^\s\d/]*+[\d/]\S*|\b[A-Z]{2,}\b")
#: Below this many letters langdetect is not asked (its guesses become noise).
MIN_DETECT_LETTERS = 40
#: langdetect's probability must reach this for a verdict.
MIN_PROBABILITY = 0.90


@lru_cache(maxsize=8192)
def dominant_script(text: str) -> tuple[str | None, int, int]:
    """The most frequent script of ``text``, its letter count and all letters (kept for the
    last texts asked: UT01, the consistency segments and others ask about the same paragraph)."""
    counts = script_counts(text)
    total = sum(counts.values())
    if not counts:
        return None, 0, 0
    script = max(counts, key=lambda s: counts[s])
    return script, counts[script], total


def function_word_profile(text: str) -> dict[str, int]:
    words = [w.lower() for w in _WORD.findall(text)]
    return {lang: sum(1 for w in words if w in vocab) for lang, vocab in FUNCTION_WORDS.items()}


class _ProfileRows:
    """langdetect's table of n-gram probabilities per language (its factory's
    ``word_lang_prob_map``), made row by row for the n-grams texts have, from the profiles
    ``aligner.langid`` has already read: langdetect's own factory reads the 55 profiles a
    second time and makes the rows of all ~180,000 n-grams first (1-2 s). Each row is the
    one langdetect's ``add_profile`` makes (count / n-grams of that length, 0 where a
    language lacks the n-gram), so its detector gives the same answers."""

    def __init__(self, tables) -> None:
        self.tables = tables
        self.rows: dict[str, list[float] | None] = {}

    def _row(self, gram: str) -> list[float] | None:
        if gram in self.rows:
            return self.rows[gram]
        row = None
        if any(gram in freq for freq, _ in self.tables):
            row = [1.0 * freq[gram] / n_words[len(gram) - 1] if gram in freq and 1 <= len(gram) <= 3 else 0.0
                   for freq, n_words in self.tables]
        self.rows[gram] = row
        return row

    def __contains__(self, gram: object) -> bool:
        return isinstance(gram, str) and self._row(gram) is not None

    def __getitem__(self, gram: str) -> list[float]:
        row = self._row(gram)
        if row is None:
            raise KeyError(gram)
        return row


@lru_cache(maxsize=1)
def _factory():
    """langdetect's detector factory (seeded) over the profiles read once by ``aligner.langid``."""
    from langdetect import DetectorFactory

    from aligner.langid import _profiles

    langs, tables = _profiles()
    factory = DetectorFactory()
    factory.langlist = list(langs)
    factory.word_lang_prob_map = _ProfileRows(tables)
    factory.seed = 0
    return factory


@lru_cache(maxsize=4096)
def langdetect_language(text: str) -> tuple[str | None, float]:
    """langdetect's best official language and its probability (seeded)."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    try:
        detector.append(text[:5000])
        guesses = detector.get_probabilities()
    except LangDetectException:
        return None, 0.0
    best = guesses[0]
    code = best.lang.split("-")[0]
    return (code if code in OFFICIAL_LANGUAGES else None), best.prob


def guess_language(text: str, expected: str, min_letters: int = 12) -> str | None:
    """The language ``text`` is in when it is clearly not ``expected``; else None.

    ``None`` means "no evidence against ``expected``" (too short, or fine). A pure function of
    its arguments (langdetect is seeded), kept for the last texts asked: UT01 and the spelling
    rules ask about the same targets, one with ``min_letters`` and one without, and both calls
    share one entry.
    """
    return _guess_language(text, expected, min_letters)


@lru_cache(maxsize=8192)
def _guess_language(text: str, expected: str, min_letters: int) -> str | None:
    script, major, total = dominant_script(_SYMBOLS.sub(" ", text))
    if script is None or total < min_letters:
        return None
    want = SCRIPTS.get(expected)
    if want is None:
        raise KeyError(f"no script known for language {expected!r}")
    if script != want and major * 2 > total:
        if script == "latin":
            return _latin_language(text) or "a Latin-script language"
        return {"cyrillic": "ru", "han": "zh", "arabic": "ar"}.get(script, f"{script} script")
    if want != "latin" or total < MIN_DETECT_LETTERS:
        return None
    profile = function_word_profile(text)
    own = profile.get(expected, 0)
    rival = max((n for lang, n in profile.items() if lang != expected), default=0)
    if own >= 2 and own >= rival:
        return None  # looks like the expected language: do not pay for langdetect
    code, prob = langdetect_language(text)
    if code and code != expected and prob >= MIN_PROBABILITY:
        return code
    return None


def _latin_language(text: str) -> str | None:
    profile = function_word_profile(text)
    best = max(profile, key=lambda lang: profile[lang])
    if profile[best] >= 2:
        return best
    if sum(1 for ch in text if ch.isalpha()) >= MIN_DETECT_LETTERS:
        code, prob = langdetect_language(text)
        if code and prob >= MIN_PROBABILITY:
            return code
    return None


# -- a target that is its source ------------------------------------------------------


@lru_cache(maxsize=65536)
def normalized(text: str) -> str:
    """Case-folded, NFC, with every run of white space one ordinary space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()


def left_untranslated(pair) -> bool:
    """Whether the target is the source text itself: the punctuation and
    spacing rules leave such a paragraph to UT02 (it is reported once, as
    untranslated, not again for keeping the source's typography)."""
    if pair.source.missing or pair.target.missing:
        return False
    return normalized(pair.target.text) == normalized(pair.source.text)
