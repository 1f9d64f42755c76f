"""Punctuation, quotation and spacing conventions of a language, read from langdata.

The facts live in ``qa_rules/langdata/<lang>.toml`` (sections
``[punctuation]``, ``[spacing]`` and ``[typography]``); this module reads
them once per language and gives the punctuation, spacing and markup rules
typed access::

    >>> facts("zh").final_char("operative")
    '；'
    >>> sorted(facts("fr").quote_pairs)[:1]
    [('«', '»')]

An unsupported language is an error (``KeyError``), never English by default.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

#: The classes of paragraph-final punctuation a rule can expect.
FINAL_CLASSES: tuple[str, ...] = ("comma", "semicolon", "full_stop", "colon")


@dataclass(frozen=True)
class PunctuationFacts:
    """What the punctuation and spacing rules need to know about one language."""

    lang: str
    #: The character each final-punctuation class is written with.
    marks: Mapping[str, str]
    #: Every character that counts as each class (ASCII and full-width variants).
    variants: Mapping[str, frozenset[str]]
    #: The class a paragraph of each role ends with (``last_operative`` included).
    final: Mapping[str, str]
    #: Quotation marks the language uses, as (opening, closing) pairs.
    quote_pairs: frozenset[tuple[str, str]]
    #: Characters that must not be preceded by a space.
    no_space_before: frozenset[str]
    #: Characters that must not be followed by a space.
    no_space_after: frozenset[str]
    #: Characters that need a (no-break) space before them (French).
    nbsp_before: frozenset[str]
    #: Whether words are separated by spaces at all (not in Chinese).
    spaced: bool
    #: Whether UN texts in this language italicize opening verbs and titles.
    italics: bool

    def final_char(self, role: str) -> str:
        return self.marks[self.final[role]]

    def class_of(self, char: str) -> str | None:
        """The final-punctuation class of ``char`` in any language's form."""
        for name, chars in self.variants.items():
            if char in chars:
                return name
        return None

    @property
    def quote_chars(self) -> frozenset[str]:
        return frozenset(c for pair in self.quote_pairs for c in pair)


#: Every form a class of final punctuation takes in the six languages.
_ALL_VARIANTS: Mapping[str, frozenset[str]] = {
    "comma": frozenset(",，、،"),
    "semicolon": frozenset(";；؛"),
    "full_stop": frozenset(".。"),
    "colon": frozenset(":："),
}


def _raw(lang: str):
    from qa_rules.langdata import UnsupportedLanguageError, load

    try:
        return load(lang)
    except UnsupportedLanguageError as exc:
        raise KeyError(str(exc)) from None


#: The class of final punctuation each role ends with, in every language (the
#: characters are language data: ``[punctuation]`` of the language's TOML).
ROLE_FINAL: Mapping[str, str] = {
    "preambular": "comma",
    "operative": "semicolon",
    "last_operative": "full_stop",
    "footnote": "full_stop",
}


@lru_cache(maxsize=None)
def facts(lang: str) -> PunctuationFacts:
    """The punctuation facts of ``lang`` (``KeyError`` if unsupported)."""
    data = _raw(lang)
    punc, spacing, typo = data["punctuation"], data["spacing"], data["typography"]
    marks = {
        "comma": punc["preambular"][0],
        "semicolon": punc["operative"][0],
        "full_stop": punc["operative_last"][0],
        "colon": typo["colon"],
    }
    return PunctuationFacts(
        lang=lang,
        marks=marks,
        variants=_ALL_VARIANTS,
        final=ROLE_FINAL,
        quote_pairs=frozenset(tuple(pair) for pair in typo["quote_style"]),  # type: ignore[misc]
        no_space_before=frozenset(spacing["no_space_before"]) | frozenset(typo["no_space_before_closing"]),
        no_space_after=frozenset(typo["no_space_after"]),
        nbsp_before=frozenset(spacing["nbsp_before"]),
        spaced=bool(typo["spaced"]),
        italics=bool(typo["italics"]),
    )


# -- scripts -------------------------------------------------------------------------

#: The script each official language is written in.
SCRIPTS: Mapping[str, str] = {"en": "latin", "fr": "latin", "es": "latin", "ru": "cyrillic", "zh": "han", "ar": "arabic"}


def script_of(char: str) -> str | None:
    """``latin``, ``cyrillic``, ``han``, ``arabic``, ``other`` for a letter; None otherwise."""
    if not char.isalpha():
        return None
    code = ord(char)
    if code < 0x250 or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    if 0x400 <= code <= 0x52F:
        return "cyrillic"
    if 0x600 <= code <= 0x6FF or 0x750 <= code <= 0x77F or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        return "arabic"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
        return "han"
    return "other"


def script_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for char in text:
        script = script_of(char)
        if script:
            counts[script] = counts.get(script, 0) + 1
    return counts


def is_space(char: str) -> bool:
    return char == " " or unicodedata.category(char) == "Zs"
