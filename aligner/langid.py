"""Which language a document is in: the ``--lang`` option, the file name, or langdetect.

Order of evidence:

1. an explicit code (``--lang fr``; ``fr-CA``/``zh_CN`` are reduced to ``fr``/``zh``);
2. the file name: ``fr.md``, ``report_fr.md``, ``report-FR.docx``, ``en_draft.md``, or an
   extension that is itself a code (``dev.fr``, the convention of parallel corpora);
3. the text itself (``identify``): the script first (Han -> ``zh``, Arabic -> ``ar``,
   Cyrillic -> ``ru``), then, for Latin script, langdetect's n-gram model restricted
   to the official languages written in it (``en``, ``es``, ``fr``), with a floor: a
   text that one of langdetect's other languages explains clearly better (German,
   Italian, Dutch...) is never called one of the six. An error (never a guess) when
   the text is too short or the answer is unsure.

When the file name or ``--lang`` states the language, the text is still read:
``declared_language_warning`` says when it plainly is in another language. A
Latin-script text whose commonest words plainly are its declared language's
(``aligner.function_words``) is taken at its word without the n-gram profiles.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from aligner import function_words
from aligner.errors import InputError
from aligner.model import OFFICIAL_LANGUAGES

#: ISO 639-1 codes: the languages the lines mode accepts.
ISO_639_1: frozenset[str] = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy
    da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy
    hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li
    ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa
    pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th
    ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu""".split()
)

#: Languages whose document structure (roles, keywords) hexaglot knows.
STRUCTURE_LANGUAGES: tuple[str, ...] = OFFICIAL_LANGUAGES

#: Extensions that name a format, never a language.
_FORMAT_EXTENSIONS = frozenset({"md", "txt", "docx", "text", "markdown"})

#: Letters (a Han character counts as one) below which no answer is worth having.
MIN_LETTERS = 4
#: langdetect's probability for its best language must reach this (scripts outside
#: the six, whose language langdetect decides unrestricted).
MIN_PROBABILITY = 0.90
#: Characters of a text that identification looks at (the answer for a whole
#: document is settled long before; the cost stays bounded on huge inputs).
SCAN_CHARS = 20000
#: Latin-script n-grams scored at most (the first ones of the text).
MAX_NGRAMS = 6000
#: The floor: when the best of langdetect's languages outside the six explains a
#: Latin-script text better than the best of en/es/fr by this many nats per n-gram,
#: the text is not called en, es or fr. Official text of MIN_NGRAMS_SURE n-grams or
#: more is within 0.06 of its neighbours (ca, pt, ro, id), except a bare list of
#: country names (one, "Tanzania, ..., Zimbabwe", reads as Swahili); German prose
#: runs at 0.1-0.6.
OTHER_LANGUAGE_MARGIN = 0.12
#: n-grams (about 20 letters) needed for a sure answer in Latin script and before the
#: floor can say "another language". Shorter pieces ("Distr.: General") get the best
#: of en/es/fr, marked unsure: a document's language is never decided on them.
MIN_NGRAMS_SURE = 60
#: Letters of text needed before a declared language is second-guessed.
MIN_LETTERS_TO_DOUBT = 200
#: Latin-script official languages: the statistical decision chooses among these.
LATIN_OFFICIAL: tuple[str, ...] = ("en", "es", "fr")
#: Weight langdetect gives an n-gram a language never showed (its alpha / BASE_FREQ).
_UNSEEN_WEIGHT = 0.5 / 10000
_LOG_UNSEEN = math.log(_UNSEEN_WEIGHT)

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_CYRILLIC = re.compile(r"[\u0400-\u052f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
#: Letters of other languages written in Arabic script (Persian, Urdu, Pashto...).
_NOT_ARABIC = re.compile(r"[\u067e\u0686\u0698\u06a9\u06af\u06cc\u06d2\u0679\u0688\u0691\u06ba\u06be]")
#: Cyrillic letters the Russian alphabet does not have (Ukrainian, Serbian, Kazakh...).
_NOT_RUSSIAN = re.compile(r"[\u0402-\u040f\u0452-\u045f\u0460-\u052f]")
#: A Cyrillic text this long with neither ы nor э is Bulgarian or Macedonian, not Russian.
_CYRILLIC_WITHOUT_Y = 300
#: Languages written in the script that decides ru, ar or zh: declared, they are not doubted on script alone.
_SAME_SCRIPT = {
    "ru": frozenset("ab av ba be bg ce cv kk kv ky mk mn os sr tg tt uk".split()),
    "ar": frozenset("fa ks ku ps sd ug ur".split()),
    "zh": frozenset("ja ko".split()),
}


@dataclass(frozen=True)
class Identification:
    """What ``identify`` makes of a text.

    ``lang``: an ISO 639-1 code, or None when the text cannot tell. ``official``:
    ``lang`` is one of the six official languages. ``sure``: enough text for the
    answer to stand for a document (a short Latin-script piece gets the likeliest of
    en/es/fr, not sure). ``evidence``: how it was decided, in words ("Han script",
    "n-grams (en/es/fr)", or why it cannot tell).
    """

    lang: str | None
    evidence: str
    official: bool = False
    sure: bool = True


def normalize_code(code: str, source: str) -> str:
    """``FR`` -> ``fr``, ``zh-CN`` -> ``zh``; an unknown code is an ``InputError``."""
    base = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    if base not in ISO_639_1:
        raise InputError(source, f"unknown language code {code!r}; use an ISO 639-1 code such as fr or zh")
    return base


def lang_from_name(path: str) -> str | None:
    """The language code the file name states, or None."""
    p = Path(path)
    name = p.name
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    ext = ext.lower()
    if ext and ext not in _FORMAT_EXTENSIONS and ext in ISO_639_1:
        return ext
    low = stem.lower()
    if low in ISO_639_1:
        return low
    match = re.search(r"[_\-.]([A-Za-z]{2})$", stem)
    if match and match.group(1).lower() in ISO_639_1:
        return match.group(1).lower()
    # ``en_draft.md``, ``ZH-final.docx``: a leading code, trusted only for the six
    # official languages (``my_notes``, ``no_footnotes`` must not read as Burmese
    # or Norwegian).
    match = re.match(r"([A-Za-z]{2})[_\-.]", stem)
    if match and match.group(1).lower() in OFFICIAL_LANGUAGES:
        return match.group(1).lower()
    return None


_SCRIPTS = (("han", _HAN), ("kana", _KANA), ("hangul", _HANGUL), ("arabic", _ARABIC), ("cyrillic", _CYRILLIC),
            ("latin", _LATIN))


def _script_counts(text: str) -> dict[str, int]:
    """Characters of each script (the ranges above; they do not overlap), and the letters of none
    (``other``). Each distinct character is classified once (a text has a few hundred)."""
    return _letters_and_scripts(text)[1]


def _letters_and_scripts(text: str) -> tuple[int, dict[str, int]]:
    """The letters of ``text`` (``str.isalpha``) and ``_script_counts``, from one count of its characters."""
    counts = dict.fromkeys((name for name, _ in _SCRIPTS), 0)
    letters = 0
    for char, n in Counter(text).items():
        letters += n if char.isalpha() else 0
        for name, pattern in _SCRIPTS:
            if pattern.match(char):
                counts[name] += n
                break
    counts["other"] = max(0, letters - sum(counts.values()))
    return letters, counts


def identify(text: str) -> Identification:
    """The language of ``text``: the script first, then n-gram statistics for Latin script.

    Han, Arabic and Cyrillic script are Chinese, Arabic and Russian, unless letters
    those languages do not use show another language of the same script (Japanese
    kana, Persian or Ukrainian letters), which langdetect then decides unrestricted.
    Latin script is decided among en, es and fr by langdetect's profiles, every
    n-gram scored (no random sampling, hence the same answer on every run), with
    the floor ``OTHER_LANGUAGE_MARGIN`` against its other languages.
    """
    text = text[:SCAN_CHARS]
    return _identified(text, *_main_script(text))


def _identified(text: str, script: str | None, counts: dict[str, int]) -> Identification:
    """``identify`` once the script of ``text`` is known (``_main_script``)."""
    if script is None:
        return Identification(None, "too little text", sure=False)
    return _by_script(text, script, counts)


def _main_script(text: str) -> tuple[str | None, dict[str, int]]:
    """The script ``identify`` decides by (None: too little text), and the letters of each."""
    return _script_of(_script_counts(text))


def _script_of(counts: dict[str, int]) -> tuple[str | None, dict[str, int]]:
    """``_main_script`` from the text's ``_script_counts``."""
    # A Han character carries about a word: weighed as three letters against the
    # Latin letters of symbols and acronyms inside Chinese text.
    weighed = dict(counts, han=3 * counts["han"], kana=3 * counts["kana"], hangul=3 * counts["hangul"])
    if sum(counts.values()) < MIN_LETTERS:
        return None, counts
    return max(weighed, key=weighed.__getitem__), counts


def _by_script(text: str, script: str, counts: dict[str, int]) -> Identification:
    if script == "han" and counts["kana"] * 10 < counts["han"]:
        return Identification("zh", "Han script", official=True)
    if script in ("han", "kana"):
        return _unrestricted(text, "Han script with Japanese kana")
    if script == "arabic":
        if len(_NOT_ARABIC.findall(text)) * 50 < counts["arabic"]:
            return Identification("ar", "Arabic script", official=True)
        return _unrestricted(text, "Arabic script with letters Arabic does not use")
    if script == "cyrillic":
        if _NOT_RUSSIAN.search(text) is None and not (
            counts["cyrillic"] >= _CYRILLIC_WITHOUT_Y and not re.search("[ыэЫЭ]", text)
        ):
            return Identification("ru", "Cyrillic script", official=True)
        return _unrestricted(text, "Cyrillic script with letters or gaps Russian does not have")
    if script == "latin":
        return _latin(text)
    return _unrestricted(text, f"{script} script")


def _unrestricted(text: str, why: str) -> Identification:
    """langdetect over all its languages, seeded; None below MIN_PROBABILITY."""
    from langdetect import DetectorFactory, detect_langs  # loaded lazily: it reads ~50 profiles
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return Identification(None, f"{why}; no usable features")
    code = best.lang.split("-")[0]
    if best.prob < MIN_PROBABILITY or code not in ISO_639_1:
        return Identification(None, f"{why}; best guess {best.lang} at {best.prob:.2f}")
    return Identification(code, f"{why}; langdetect {best.prob:.2f}", official=code in OFFICIAL_LANGUAGES)


@lru_cache(maxsize=1)
def _profiles() -> tuple[tuple[str, ...], tuple[tuple[dict[str, int], list[int]], ...]]:
    """langdetect's n-gram profiles as it ships them, read once (nothing is downloaded):
    the languages, and for each its n-gram counts and its total count per n-gram length.

    langdetect's own factory turns all ~180,000 n-grams of its ~50 profiles into
    probability rows before the first answer (0.3 s); a text uses a few thousand of
    them, so ``_log_row`` makes only those rows, the same way (``add_profile``), and
    keeps them.
    """
    import json
    import os

    from langdetect.detector_factory import PROFILES_DIRECTORY

    langs: list[str] = []
    tables: list[tuple[dict[str, int], list[int]]] = []
    for filename in os.listdir(PROFILES_DIRECTORY):  # langdetect's own order and filters
        path = os.path.join(PROFILES_DIRECTORY, filename)
        if filename.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as handle:
            profile = json.load(handle)
        langs.append(profile["name"].split("-")[0])
        tables.append((profile["freq"], profile["n_words"]))
    return tuple(langs), tuple(tables)


@lru_cache(maxsize=50_000)
def _log_row(gram: str) -> tuple[float, ...] | None:
    """Per language, the log weight of one n-gram (None when no profile has it)."""
    tables = _profiles()[1]
    counts = [freq.get(gram) for freq, _ in tables]
    if counts.count(None) == len(counts):
        return None
    length = len(gram)
    return tuple(
        _LOG_UNSEEN if count is None else math.log(_UNSEEN_WEIGHT + 1.0 * count / n_words[length - 1])
        for count, (_, n_words) in zip(counts, tables)
    )


def _decapitalise(text: str) -> str:
    """Headings in capitals ("RÉSOLUTION 55/100") lowered to title case: langdetect skips
    words in capitals (acronyms), which would leave a heading without features."""
    def lower(match: re.Match) -> str:
        word = match.group(0)
        return word.title() if word.isupper() else word

    return re.sub(r"\b[^\W\d_]{4,}\b", lower, text)


def _features_text(text: str) -> str:
    """The text as scored: headings in capitals lowered, and a closing space so that
    the last word's ending counts as every other word's does."""
    return _decapitalise(text) + " "


def _ngrams(text: str) -> list[tuple[float, ...]]:
    """The log-weight rows of langdetect's features of ``text`` (1- to 3-grams of
    normalised characters, words in capitals skipped) that some profile knows."""
    from langdetect.utils.ngram import NGram

    gram = NGram()
    found: list[tuple[float, ...]] = []
    for ch in NGram.normalize_vi(text):
        gram.add_char(ch)
        if gram.capitalword:
            continue
        for n in (1, 2, 3):
            if len(gram.grams) < n:
                break
            w = gram.grams[-n:]
            if w == " ":
                continue
            row = _log_row(w)
            if row is not None:
                found.append(row)
                if len(found) >= MAX_NGRAMS:
                    return found
    return found


def _latin(text: str) -> Identification:
    langs = _profiles()[0]
    rows = _ngrams(_features_text(text))
    if not rows:
        return Identification(None, "Latin script; no usable features")
    # each language's n-gram weights summed, n-gram by n-gram as langdetect adds them (a column
    # at a time: one ``sum`` per language rather than a Python list per n-gram)
    scores: list[float] = [sum(column) for column in zip(*rows)]
    official = {lang: scores[langs.index(lang)] for lang in LATIN_OFFICIAL}
    best = max(official, key=official.__getitem__)
    top = max(range(len(langs)), key=scores.__getitem__)
    margin = (scores[top] - official[best]) / len(rows)
    sure = len(rows) >= MIN_NGRAMS_SURE
    if margin > OTHER_LANGUAGE_MARGIN and sure:
        other = langs[top]
        if other in ISO_639_1:
            why = f"Latin script; n-grams read as {other}, not en/es/fr ({margin:.2f} per n-gram)"
            return Identification(other, why)
        return Identification(None, f"Latin script; not en/es/fr ({margin:.2f} per n-gram)")
    if not sure:
        return Identification(best, "Latin script; n-grams (en/es/fr), short text", official=True, sure=False)
    return Identification(best, "Latin script; n-grams (en/es/fr)", official=True)


def detect_language(text: str, source: str) -> str:
    """The language ``identify`` finds; ``InputError`` when it cannot tell."""
    found = identify(text)
    if found.lang is None or not found.sure:
        raise InputError(source, f"cannot tell the language ({found.evidence}); pass --lang")
    return found.lang


#: How the warning about a document not in its declared language begins (the QA report
#: shows it among its notices, as it does for CAT files).
DECLARED_LANGUAGE_WARNING = "the text declared as"


def declared_language_warning(declared: str, text: str) -> str | None:
    """A warning when ``text`` plainly is not in the ``declared`` language, else None.

    Said only when the text is long enough to judge (``MIN_LETTERS_TO_DOUBT``) and
    identification names a language: Chinese text in ``en.md``, French text in a file
    named ``en.md``. A text that cannot be told says nothing.
    """
    base = declared.split("-")[0].lower()
    text = text[:SCAN_CHARS]
    letters, counts = _letters_and_scripts(text)  # one count of the characters, read three ways
    if letters < MIN_LETTERS_TO_DOUBT:
        return None
    script, counts = _script_of(counts)
    if script == "latin" and function_words.confirms(base, text):
        return None  # its commonest words plainly say so: the n-gram profiles are not needed
    return warning_for(declared, _identified(text, script, counts))


def warning_for(declared: str, found: Identification) -> str | None:
    """``declared_language_warning`` once the text is identified as ``found``."""
    base = declared.split("-")[0].lower()
    if found.lang is None or not found.sure or found.lang == base:
        return None
    if base not in OFFICIAL_LANGUAGES and (not found.official or base in _SAME_SCRIPT.get(found.lang, ())):
        # two languages outside the six, or one of the same script as the language the
        # script alone decided (Bulgarian, Persian): too close to call a mistake
        return None
    return (f"{DECLARED_LANGUAGE_WARNING} {declared} reads as {found.lang} ({found.evidence}); "
            "check the file name or pass --lang")


def resolve_language(path: str, text: str | None, lang: str | None) -> str:
    """The document's language by the order of evidence above."""
    if lang:
        return normalize_code(lang, path)
    named = lang_from_name(path)
    if named:
        return named
    if text is None:
        raise InputError(path, "cannot tell the language; pass --lang")
    return detect_language(text, path)


def require_structure_language(lang: str, path: str) -> None:
    """Structure rules exist for the six official languages only."""
    if lang not in STRUCTURE_LANGUAGES:
        raise InputError(
            path,
            f"language {lang!r} is not supported for document structure "
            f"(supported: {', '.join(sorted(STRUCTURE_LANGUAGES))}); use --input-format lines",
        )
