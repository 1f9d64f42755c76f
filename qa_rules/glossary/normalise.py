"""Turning running text into comparable tokens, per language.

Every token keeps its character offsets in the original text, its surface
form (for ``exact`` terms) and a key (for ``inflected`` terms):

- en, es, ru: the Snowball stemmers (PyStemmer, compiled; no download),
  accents stripped before stemming (es: Snowball stems ``Rumanía`` and
  ``Rumania`` apart), ``ё`` folded to ``е`` (ru). Russian
  stems are compared by prefix (see ``PREFIX_LANGS``): Snowball gives
  ``орга`` for ``орган`` but ``орган`` for ``органов``, ``прав`` for
  ``правила`` (read as a verb) but ``правил`` for ``правилами``;
- fr: Snowball, after folding feminine and plural endings Snowball leaves
  apart (``étrangère``/``étrangères`` -> ``étranger``), accents stripped;
- ar: our light stemmer: diacritics and tatweel removed, alef/yeh/teh
  marbuta folded, the proclitics و ف ب ل ك and the article ال (لل) stripped,
  then the plural, dual, nisba and pronoun suffixes. Snowball's Arabic
  stemmer strips the first letter of ``بناء`` but not of ``لبناء`` and ISRI
  reduces words to roots (``المقاتلين`` and ``قتل`` both give قتل), so
  neither is used; benchmarks/term_matching.py measures the choice;
- zh: one token per Han character (Chinese has no word boundaries, so a
  term matches as a character substring); Latin runs as words.

Hyphens and apostrophes separate tokens in every language, so
``counter-terrorism`` and ``counter terrorism`` give the same tokens (and the
matcher also indexes the joined ``counterterrorism``).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache
from typing import NamedTuple

#: Languages whose stems match when one is a prefix of the other (both at least
#: ``PREFIX_MIN`` letters long, at most two letters apart).
PREFIX_LANGS: frozenset[str] = frozenset({"ru"})
PREFIX_MIN = 4

#: Languages with a real stemmer; any other language matches on lower-cased forms.
STEMMED: frozenset[str] = frozenset({"en", "fr", "es", "ru", "ar"})

_AR_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_HAN}]|(?:[^\W_{_HAN}]+|[{_AR_MARKS}]+)+")  # runs of either class: one step per run, not per letter
_AR_STRIP = re.compile(f"[{_AR_MARKS}]")


class Token(NamedTuple):
    """One token: offsets in the text, surface form, key (a tuple: tokenizing is the hot loop)."""

    start: int
    end: int
    surface: str
    key: str


def tokenize(text: str, lang: str) -> list[Token]:
    """The tokens of ``text`` with their offsets, surface form and key."""
    tokens = []
    for m in _TOKEN.finditer(text):
        surface = m.group()
        tokens.append(Token(m.start(), m.end(), surface, word_key(surface, lang)))
    return tokens


#: Languages whose key of a word of ``PREFIX_STEM_MIN_LENGTH`` letters or more begins with the
#: first three letters of ``stem_input`` (Snowball only changes endings; checked on the words of
#: the sample set, A/RES/55/100 and the glossaries in tests/test_terms_speed.py).
PREFIX_STEMS: frozenset[str] = frozenset({"en", "fr", "es", "ru"})
PREFIX_STEM_MIN_LENGTH = 6


@lru_cache(maxsize=200_000)
def key_start(word: str, lang: str) -> str:
    """The first three letters of ``word_key(word, lang)``, without stemming a long word: the
    matcher stems a text word only when some term begins like it (most words of a paragraph
    are in no glossary term, and Snowball costs far more than this look-up)."""
    if lang in PREFIX_STEMS:
        before = stem_input(word, lang)
        if len(before) >= PREFIX_STEM_MIN_LENGTH:
            return before[:3]
    return word_key(word, lang)[:3]


@lru_cache(maxsize=200_000)
def stem_input(word: str, lang: str) -> str:
    """What the stemmer of ``lang`` is given for ``word`` (case-folded, NFC, French endings
    folded), accents stripped: the key of a long word begins with its first three letters."""
    word = surface_form(word).casefold()
    if lang == "fr":
        return _strip_accents(_french_fold(word))
    if lang == "es":
        return _strip_accents(word)
    if lang == "ru":
        return word.replace("ё", "е")
    return word


@lru_cache(maxsize=200_000)
def surface_form(word: str) -> str:
    """The form ``exact`` terms compare: NFC, no Arabic diacritics or tatweel."""
    if word.isascii():
        return word  # already NFC, no Arabic mark: most words of English, French and Spanish
    return _AR_STRIP.sub("", unicodedata.normalize("NFC", word))


def _strip_accents(word: str) -> str:
    if word.isascii():
        return word  # nothing to strip: most words of English and Spanish, many of French
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def word_key(word: str, lang: str) -> str:
    """The key of one word for inflection-aware matching in ``lang``."""
    if lang in _STEMMED_AS_INPUT:
        word = stem_input(word, lang)  # often known already: ``key_start`` asked for it
    else:
        word = surface_form(word).casefold()
    if len(word) == 1 and "\u3400" <= word <= "\ufaff":
        return word
    if lang == "ar":
        return arabic_stem(word)
    stemmer = _stemmer(lang)
    if stemmer is None:
        return word
    if lang == "fr":
        word = _french_fold(word)  # accents kept: Snowball's French reads them
    key = stemmer.stemWord(word)
    if lang in ("fr", "es"):
        key = _strip_accents(key)
        if word.endswith(_AGENT_ENDINGS[lang]) and not key.endswith("ist"):
            key += "ist"  # Snowball gives «extrem» for both; the adjective is not the doctrine
    return key


#: Languages whose stemmer is given ``stem_input`` as it is (es: Snowball stems "Rumanía" and
#: "Rumania" apart, so accents are stripped first; ru: ё folded to е).
_STEMMED_AS_INPUT = frozenset({"en", "es", "ru"})

#: Endings of the -ist words (extrémiste, terrorista) that Snowball stems like the -ism ones
#: (extrémisme, terrorismo): «groupes extrémistes violents» is not «extrémisme violent».
_AGENT_ENDINGS = {"fr": ("iste", "istes"), "es": ("ista", "istas")}
#: Languages where, in a target, an -ist word renders the -ism term (English «violent extremist
#: groups» for 暴力极端主义团体; English Snowball already keeps «extremist» apart from «extrem»).
AGENT_LANGS: frozenset[str] = frozenset({*_AGENT_ENDINGS, "en"})


#: Snowball's algorithm names in PyStemmer.
_SNOWBALL_NAMES = {"en": "english", "fr": "french", "es": "spanish", "ru": "russian"}
#: PyStemmer's stemmers keep state while they stem: one set per thread.
_STEMMERS = threading.local()


def _stemmer(lang: str):
    """The Snowball stemmer of ``lang`` (PyStemmer, C), or None for a language without one."""
    name = _SNOWBALL_NAMES.get(lang)
    if name is None:
        return None
    stemmers = getattr(_STEMMERS, "by_lang", None)
    if stemmers is None:
        stemmers = _STEMMERS.by_lang = {}
    stemmer = stemmers.get(lang)
    if stemmer is None:
        import Stemmer

        stemmer = stemmers[lang] = Stemmer.Stemmer(name, 0)  # word_key keeps its own cache
    return stemmer


_FR_FEMININE = (("ères", "er"), ("ère", "er"), ("euses", "eur"), ("euse", "eur"), ("trices", "teur"),
                ("trice", "teur"), ("ives", "if"), ("ive", "if"), ("elles", "el"), ("elle", "el"),
                ("ennes", "en"), ("enne", "en"))


_FR_FEMININE_ENDINGS = tuple(ending for ending, _ in _FR_FEMININE)


def _french_fold(word: str) -> str:
    if len(word) > 4 and word.endswith(_FR_FEMININE_ENDINGS):  # one test for most words
        for ending, replacement in _FR_FEMININE:
            if word.endswith(ending):
                return word[: -len(ending)] + replacement
    if len(word) > 3 and word.endswith(("s", "x")) and not word.endswith(("ss", "aux")):
        word = word[:-1]
    return word


_AR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_AR_ARTICLES = ("وبال", "فبال", "وكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
_AR_PRONOUNS = ("هما", "ها", "هم", "هن", "كم", "نا", "ه")
_AR_SUFFIXES = ("ات", "ون", "ين", "ان", "ه")


def arabic_stem(word: str) -> str:
    """A light Arabic stem: folded letters, no clitics, no inflectional suffix."""
    word = word.translate(_AR_FOLD)
    # each list is tried in order only when one of its affixes is there (one test for most words)
    for prefix in _AR_ARTICLES if word.startswith(_AR_ARTICLES) else ():
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            word = word[len(prefix):]
            break
    else:
        if word[:1] in ("و", "ف") and len(word) >= 4:
            word = word[1:]
        if word[:1] in ("ب", "ل", "ك") and len(word) >= 5:
            word = word[1:]
    for suffix in _AR_PRONOUNS if word.endswith(_AR_PRONOUNS) else ():
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if word.endswith("ت") and not word.endswith("ات"):
                word = word[:-1] + "ه"  # teh marbuta before a pronoun: منصته -> منصه
            break
    for suffix in _AR_SUFFIXES if word.endswith(_AR_SUFFIXES) else ():
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word


# -- proper nouns -------------------------------------------------------------------------

#: Scripts with capital letters: a proper noun's capitalised word must be capitalised in the text
#: too (French «avoir du mal» is not Mali, Russian «того» is not Togo).
CASED: frozenset[str] = frozenset({"en", "fr", "es", "ru"})

#: Russian case endings by the ending of the name's nominative, for names whose stem is shorter
#: than ``PREFIX_MIN`` letters: Snowball gives «дан» for both «Дания» and «данные», so such a
#: name matches only as its own letters plus one of its own case endings (Дании, Данию, Данией).
_RU_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ия", ("ия", "ии", "ию", "ией", "иею")),
    ("ая", ("ая", "ой", "ую", "ою")),
    ("ый", ("ый", "ого", "ому", "ым", "ом")),
    ("ий", ("ий", "его", "ему", "им", "ем", "ого", "ому", "ом")),
    ("ое", ("ое", "ого", "ому", "ым", "ом")),
    ("а", ("а", "ы", "и", "е", "у", "ой", "ою")),
    ("я", ("я", "и", "е", "ю", "ей", "ею")),
    ("ь", ("ь", "я", "ю", "ем", "е", "и", "ью")),
    ("й", ("й", "я", "ю", "ем", "е")),
)
_RU_CONSONANT_ENDINGS = ("", "а", "у", "ом", "е")
_RU_VOWELS = "аеёиоуыэюя"

#: Arabic proclitics a name may carry (و ف: and, so; ب ل ك: in, for, as), alone or two together.
_AR_PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")


def russian_forms(name_word: str) -> tuple[str, ...]:
    """The case forms a Russian name word with a short stem may take (case-folded, ё as е)."""
    word = name_word.casefold().replace("ё", "е")
    for ending, endings in _RU_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            base = word[: -len(ending)]
            return tuple(base + e for e in endings)
    if word[-1:] in _RU_VOWELS:
        return (word,)  # Того, Мали, Перу, Чили: indeclinable
    return tuple(word + e for e in _RU_CONSONANT_ENDINGS)


def arabic_name_forms(name_word: str) -> frozenset[str]:
    """The written forms of one word of an Arabic name: the word itself after a proclitic, and
    «لل» for «ال» after the preposition ل (للأمم). No article is added where the name has none
    and no suffix is taken off («المالية», financial, is not مالي, Mali; «أو», or, is not بالاو)."""
    word = surface_form(name_word).translate(_AR_FOLD)
    forms = {p + word for p in _AR_PROCLITICS}
    if word.startswith("ال"):
        forms |= {p + "ل" + word[2:] for p in ("ل", "ول", "فل")}
    return frozenset(forms)


def arabic_folded(word: str) -> str:
    """An Arabic text word as ``arabic_name_forms`` writes it (no diacritics, letters folded)."""
    return surface_form(word).translate(_AR_FOLD)


def name_constraints(text: str, lang: str) -> tuple[tuple[bool, frozenset[str]], ...]:
    """Per word of a proper noun: (must be capitalised, the only forms it may take, or none).

    Only the first word's capital is required: titles of publications are written in sentence
    case in some languages (Spanish «Guía práctica para solicitar...» for «Guía Práctica...»)."""
    found = []
    for index, token in enumerate(tokenize(text, lang)):
        capital = lang in CASED and token.surface[:1].isupper() and index == 0
        forms: frozenset[str] = frozenset()
        if lang == "ru" and token.surface[:1].isupper() and len(token.key) < PREFIX_MIN:
            forms = frozenset(russian_forms(token.surface))
        elif lang == "ar":
            forms = arabic_name_forms(token.surface)
        found.append((capital, forms))
    return tuple(found)


#: Conjunctions that coordinate two modifiers sharing one head, per language: a term is present in
#: «technical and legislative assistance», «международным и внутренним правом», «国际和国内法».
#: (Arabic joins «و» to the next word, which the term's own words then follow directly.)
CONJUNCTIONS: dict[str, frozenset[str]] = {
    "en": frozenset({"and", "or"}), "fr": frozenset({"et", "ou"}), "es": frozenset({"y", "e", "o", "u"}),
    "ru": frozenset({"и", "или"}), "zh": frozenset({"和", "及", "与", "或"}), "ar": frozenset(),
}
