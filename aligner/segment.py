"""Sentence segmentation for UN text, offline, in the six official languages.

``split_sentences(text, lang)`` returns ``(start, end)`` offsets into ``text``,
trimmed of surrounding spaces. The rules, per sentence end candidate:

- Latin ``.``, ``!``, ``?``, ``…`` (and Arabic ``؟``) end a sentence only when
  followed (after closing quotes or brackets) by a space and the start of a new
  sentence: an upper-case letter, a letter of a caseless script (Arabic, Chinese),
  or an opening quote/bracket before one. So ``A/RES/74/175.`` ends a sentence
  only before a capital, and ``E/CN.15/2023/5``, ``Corr.1``, ``Add.2``,
  ``1.5``, ``1,5`` are never cut (no space after the point).
- A point after a known abbreviation (``par.``, ``No.``, ``p. ex.``, ``г.``, ``т.е.`` ...,
  see ``ABBREVIATIONS``), after a single capital initial (``J. Smith``), or after
  a resolution number opening the text (``2023/26. Assistance ...``, a title) never
  ends a sentence. ``etc.`` is not an abbreviation here: it ends a sentence when
  a capital follows, as it does in UN text.
- Chinese ``。！？`` end a sentence wherever they stand. ``；`` does NOT: UN
  Chinese uses it where the other versions use ``;`` (end of an operative
  paragraph, between list items), and ``;`` splits nowhere, so sentence counts
  stay parallel across the six versions for alignment.
- Arabic ``.``, ``؟``, ``!`` end a sentence; ``؛`` and ``،`` do not.

Languages other than the six use the Latin rules with the English abbreviations.
"""

from __future__ import annotations

import re
import unicodedata

_COMMON = {
    "no", "nos", "vol", "vols", "art", "arts", "para", "paras", "par", "pars", "p", "pp", "cf", "chap", "ch",
    "e.g", "i.e", "ibid", "op", "cit", "sect", "fig", "rev", "corr", "add", "amend", "suppl", "ed", "eds",
}

#: Words (lower case, without the final point) after which a point never ends a sentence.
ABBREVIATIONS: dict[str, frozenset[str]] = {
    "en": frozenset(_COMMON | {"mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "messrs", "approx", "inc",
                               "ltd", "co", "u.s", "u.n", "viz", "vs"}),
    "fr": frozenset(_COMMON | {"m", "mm", "mme", "mmes", "mlle", "p. ex", "ex", "éd", "suiv", "env", "av",
                               "apr", "j.-c", "dr", "pr", "nº", "no", "n°"}),
    "es": frozenset(_COMMON | {"sr", "sra", "sres", "sras", "srta", "dr", "dra", "núm", "nº", "párr", "pág",
                               "págs", "p. ej", "ej", "ee.uu", "ud", "uds", "art", "dto", "cap"}),
    "ru": frozenset(_COMMON | {"г", "гг", "ст", "п", "пп", "т.е", "т. е", "т.д", "т. д", "т.п", "т. п", "см",
                               "др", "стр", "им", "напр", "ул", "тыс", "млн", "млрд", "рис", "гл", "прим",
                               "англ", "рез", "док", "с", "т", "ср", "вып", "№"}),
    "ar": frozenset(_COMMON),
    "zh": frozenset(_COMMON),
}

_CLOSERS = "\"'”’»)]}」』）】"
_OPENERS = "\"'“‘«([{¿¡「『（【"
_LATIN_ENDS = ".!?…؟"
_ZH_ENDS = "。！？"
_RESOLUTION_NUMBER = re.compile(r"^\s*\d{2,4}\s*/\s*\d{1,4}\s*$")
_WORD_BEFORE = re.compile(r"(\S+?)\s?$")


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Sentence offsets ``(start, end)`` of ``text`` in language ``lang``."""
    abbreviations = ABBREVIATIONS.get(lang, ABBREVIATIONS["en"])
    cuts: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in _ZH_ENDS or ch in _LATIN_ENDS:
            j = i + 1
            while j < n and (text[j] in _LATIN_ENDS or text[j] in _ZH_ENDS):
                j += 1  # "?!", "..."
            while j < n and text[j] in _CLOSERS:
                j += 1
            if ch in _ZH_ENDS:
                cuts.append(j)
            elif _ends_sentence(text, i, j, lang, abbreviations):
                cuts.append(j)
            i = j
            continue
        i += 1
    spans = []
    start = 0
    for cut in cuts + [n]:
        a, b = _trim(text, start, cut)
        if b > a:
            spans.append((a, b))
        start = cut
    return spans


def _ends_sentence(text: str, at: int, after: int, lang: str, abbreviations: frozenset[str]) -> bool:
    """Whether the Latin end mark at ``text[at]`` (its closers end at ``after``) ends a sentence."""
    k = after
    if k >= len(text) or not text[k].isspace():
        return False
    while k < len(text) and text[k].isspace():
        k += 1
    while k < len(text) and text[k] in _OPENERS:
        k += 1
    if k >= len(text) or not _starts_sentence(text[k]):
        return False
    if text[at] != ".":
        return True
    before = text[:at]
    word = _word_before(before)
    low = word.lower()
    if low in abbreviations or low.rstrip(".") in abbreviations:
        return False
    two = _two_words_before(before).lower()
    if two in abbreviations:  # "p. ex", "т. е"
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "J. Smith"
    if _RESOLUTION_NUMBER.match(before):
        return False  # "2023/26. Assistance technique ..." is one title
    return True


def _starts_sentence(ch: str) -> bool:
    if ch.isdigit():
        return False
    if not ch.isalpha():
        return False
    if ch.isupper():
        return True
    # letters of caseless scripts (Arabic, CJK) start a sentence too
    return not ch.islower() and unicodedata.category(ch) == "Lo"


def _word_before(before: str) -> str:
    stripped = before.rstrip()
    m = re.search(r"(\S+)$", stripped)
    if not m:
        return ""
    word = m.group(1).lstrip(_OPENERS)
    if word in {"", "."} and len(stripped) < len(before):
        return ""
    return word


def _two_words_before(before: str) -> str:
    m = re.search(r"(\S+\s\S+)$", before.rstrip())
    return m.group(1).lstrip(_OPENERS) if m else ""


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
