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
#: A resolution number alone (``2023/26``), matched from the first non-space character.
_RESOLUTION_NUMBER = re.compile(r"\d{2,4}\s*/\s*\d{1,4}\s*$")
#: A run of end marks and the closing quotes or brackets after it: one sentence end candidate.
_CANDIDATE = re.compile("[" + re.escape(_LATIN_ENDS + _ZH_ENDS) + "]+[" + re.escape(_CLOSERS) + "]*")
_NON_SPACE = re.compile(r"\S")


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Sentence offsets ``(start, end)`` of ``text`` in language ``lang``.

    Linear in the length of ``text``: the end candidates are found by one regular
    expression scan, and each test looks only at the words around its candidate.
    """
    abbreviations = ABBREVIATIONS.get(lang, ABBREVIATIONS["en"])
    first = _NON_SPACE.search(text)
    lead = first.start() if first else len(text)
    cuts: list[int] = []
    for m in _CANDIDATE.finditer(text):
        if text[m.start()] in _ZH_ENDS or _ends_sentence(text, m.start(), m.end(), abbreviations, lead):
            cuts.append(m.end())
    n = len(text)
    spans = []
    start = 0
    for cut in cuts + [n]:
        a, b = _trim(text, start, cut)
        if b > a:
            spans.append((a, b))
        start = cut
    return spans


def _ends_sentence(text: str, at: int, after: int, abbreviations: frozenset[str], lead: int) -> bool:
    """Whether the Latin end mark at ``text[at]`` (its closers end at ``after``) ends a sentence.

    ``lead`` is the offset of the first non-space character of ``text``.
    """
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
    word = _word_before(text, at)
    low = word.lower()
    if low in abbreviations or low.rstrip(".") in abbreviations:
        return False
    two = _two_words_before(text, at).lower()
    if two in abbreviations:  # "p. ex", "т. е"
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "J. Smith"
    if lead < at and _RESOLUTION_NUMBER.match(text, lead, at):
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


def _skip_space_back(text: str, end: int) -> int:
    """The offset just after the last non-space character of ``text[:end]`` (0 if none)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _word_start(text: str, end: int) -> int:
    """The start of the run of non-space characters that ends at ``end``."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return start


def _word_before(text: str, at: int) -> str:
    """The last word of ``text[:at]`` (its opening quotes removed); "" after a lone point."""
    end = _skip_space_back(text, at)
    if end == 0:
        return ""
    word = text[_word_start(text, end):end].lstrip(_OPENERS)
    if word in {"", "."} and end < at:
        return ""
    return word


def _two_words_before(text: str, at: int) -> str:
    """The last two words of ``text[:at]`` when one space character parts them ("p. ex"), else ""."""
    end = _skip_space_back(text, at)
    start = _word_start(text, end)
    if start == end or start < 2 or text[start - 2].isspace():
        return ""
    return text[_word_start(text, start - 1):end].lstrip(_OPENERS)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
