"""Cheap, model-free evidence that two stretches of text translate each other.

Every segment is reduced to:

- its length in characters (spaces collapsed), for the Gale-Church length cost;
- its word tokens (for the lexicon learned in the second pass);
- its *keys*: strings that survive translation unchanged or nearly so, whatever
  the script: numbers (any digits, normalised to ASCII), and Latin-script words
  (names, acronyms, document symbols, cognates), reduced to a short
  accent-free prefix so that ``Expedition`` and ``expédition`` or
  ``Kangchendzönga`` and ``Kangchenjunga`` meet.

Keys are language-independent: no stop list, no model. Short lowercase Latin
words are left out because they are function words in most languages.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import chain, filterfalse

_WORD = re.compile(r"\w+", re.UNICODE)
_DIGIT = re.compile(r"\d")
#: Length of the accent-free prefix that stands for a Latin word.
PREFIX = 5


def _ascii_digits(token: str) -> str:
    if token.isascii() or token.isalpha():  # no letter is a digit
        return token
    out = []
    for ch in token:
        if ch.isdigit() and not ch.isascii():
            out.append(str(unicodedata.digit(ch, 0)))
        else:
            out.append(ch)
    return "".join(out)


def fold(word: str) -> str:
    """Lowercase, accents removed: ``Élevé`` -> ``eleve``."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_LATIN = re.compile("[a-z]*")


def _is_latin(word: str) -> bool:
    return _LATIN.fullmatch(word) is not None


@lru_cache(maxsize=200_000)
def _lower(word: str) -> str:
    """Lowercased word, one string object per distinct word (long inputs repeat words)."""
    return word.lower()


#: One Chinese or Japanese character (captured: ``split`` keeps it).
_CJK_RUN = re.compile("([\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff])")


def tokens(text: str) -> list[str]:
    """Word tokens, lowercased; Chinese/Japanese runs split into characters."""
    return _tokens(text, _WORD.findall(text))


def _tokens(text: str, words: list[str]) -> list[str]:
    if _CJK_RUN.search(text) is None:  # most texts: one search, not one per word
        return list(map(_lower, words))
    out: list[str] = []
    for word in words:
        if _CJK_RUN.search(word) is None:
            out.append(_lower(word))
        else:  # each CJK character, and each run of other characters between them
            out.extend(map(_lower, filter(None, _CJK_RUN.split(word))))
    return out


_PARTS = re.compile(r"\d+|[^\W\d_]+")


@lru_cache(maxsize=200_000)
def word_keys(word: str) -> tuple[str, ...]:
    """The keys of one word (cached: words repeat)."""
    if word.isascii() and word.isalpha():  # most words: one Latin part, nothing to fold
        if len(word) >= 4 or (len(word) >= 2 and word.isupper()):
            return (word[:PREFIX].lower(),)
        return ()
    out: list[str] = []
    for part in _PARTS.findall(_ascii_digits(word)):
        if part[0].isdigit():
            out.append("#" + (part.lstrip("0") or "0"))
            continue
        if not part.isascii():
            # a word of another script is never Latin once folded: its first letter tells
            first = unicodedata.normalize("NFKD", part[0].lower())[0]
            if not ("a" <= first <= "z" or unicodedata.combining(first)):
                continue
        folded = fold(part)
        if not _is_latin(folded):
            continue
        if len(folded) >= 4 or (part.isupper() and len(part) >= 2):
            out.append(folded[:PREFIX])
    return tuple(out)


def keys(text: str) -> list[str]:
    """The strings of ``text`` that should reappear in any translation of it."""
    return _keys(_WORD.findall(text))


def _keys(words: list[str]) -> list[str]:
    return list(chain.from_iterable(map(word_keys, words)))


#: Symbols that survive translation in every script, after NFKC (fullwidth
#: Chinese forms become ASCII) and the mapping below (Arabic ``؛`` and ``؟``).
_SYMBOLS = frozenset(":;()[]%/?!§@#&+=<>\"")
_SYMBOL_MAP = {"؛": ";", "؟": "?", "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "《": '"', "》": '"'}


_SYMBOL_KEY = {ch: "$" + _SYMBOL_MAP.get(ch, ch) for ch in _SYMBOLS | set(_SYMBOL_MAP)}
_SYMBOL_CHARS = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_SYMBOL_KEY)) + "]")


def symbol_keys(text: str) -> list[str]:
    """One key per translation-stable symbol (colon, parenthesis, slash, ...)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return [_SYMBOL_KEY[ch] for ch in _SYMBOL_CHARS.findall(text)]


def char_length(text: str) -> int:
    """Characters other than spaces: tokenised text (``l' homme``) and scripts
    written without spaces (Chinese) are then measured alike."""
    return sum(map(len, text.split()))  # str.split and the regex \s: the same whitespace


@dataclass(frozen=True)
class Segment:
    """What the aligner knows about one segment (a sentence or a paragraph)."""

    text: str
    length: int
    tokens: tuple[str, ...]
    keys: tuple[str, ...]
    role: str = "segment"

    # Derived once per segment and kept with it: every cost model, anchor search
    # and lexicon over the pairs a segment takes part in reads them (the pivot's
    # segments serve every version, and both passes of a pair). A segment given
    # extra keys (``lexicon.with_lexicon``) serves one cost model: ``counted``
    # counts its keys without keeping them.

    @cached_property
    def key_counts(self) -> dict[str, int]:
        """How often each key occurs, in order of first occurrence."""
        return Counter(self.keys)

    @cached_property
    def words(self) -> frozenset[str]:
        """The distinct word tokens other than numbers (numbers are keys already)."""
        return frozenset(filterfalse(str.isdigit, set(self.tokens)))

    @cached_property
    def digits(self) -> int:
        """How many of its characters are digits (of any script)."""
        return len(_DIGIT.findall(self.text))


def segment(text: str, role: str = "segment") -> Segment:
    words = _WORD.findall(text)
    seg = Segment(text=text, length=char_length(text), tokens=tuple(_tokens(text, words)),
                  keys=tuple(_keys(words) + symbol_keys(text)), role=role)
    seg.key_counts  # kept: a segment read from a text serves every pair and pass it is in
    return seg


def counted(seg: Segment) -> dict[str, int]:
    """``seg.key_counts``: kept with a segment read from a text, counted afresh
    (and not kept) for one given extra keys, which a single cost model reads."""
    kept = seg.__dict__.get("key_counts")
    return kept if kept is not None else Counter(seg.keys)

