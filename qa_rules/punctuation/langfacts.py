"""Punctuation, quotation and spacing conventions of a language, read from langdata.

The facts live in ``qa_rules/langdata/<lang>.toml`` (sections
``[punctuation]``, ``[spacing]`` and ``[typography]``); this module reads
them once per language and gives the punctuation, spacing and markup rules
typed access::

    >>> facts("zh").final_char("operative")
    '；'
    >>> sorted(facts("fr").quote_pairs)[:1]
    [('«', '»')]

An unsupported language is an error (``qa_rules.langdata.UnsupportedLanguageError``), never
English by default; a key missing from a supported language's data is a ``KeyError`` (a bug in
the data, never taken for an unsupported language).
"""

from __future__ import annotations

import re
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
    #: Quotation marks whose balance is checked: ``quote_pairs`` and marks a draft may carry
    #: though the language does not use them (English ", Spanish « »).
    balance_pairs: frozenset[tuple[str, str]]
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


def language_data(lang: str):
    """The parsed ``qa_rules/langdata/<lang>.toml`` (``UnsupportedLanguageError`` if there is none)."""
    from qa_rules.langdata import load

    return load(lang)


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
    """The punctuation facts of ``lang`` (``UnsupportedLanguageError`` if unsupported)."""
    data = language_data(lang)
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
        balance_pairs=frozenset(tuple(pair) for pair in typo.get("quote_balance", typo["quote_style"])),  # type: ignore[misc]
        no_space_before=frozenset(spacing["no_space_before"]) | frozenset(typo["no_space_before_closing"]),
        no_space_after=frozenset(typo["no_space_after"]),
        nbsp_before=frozenset(spacing["nbsp_before"]),
        spaced=bool(typo["spaced"]),
        italics=bool(typo["italics"]),
    )


# -- scripts -------------------------------------------------------------------------

#: The script each official language is written in.
SCRIPTS: Mapping[str, str] = {"en": "latin", "fr": "latin", "es": "latin", "ru": "cyrillic", "zh": "han", "ar": "arabic"}


#: Runs of letters of each script (character classes, counted in C by ``re``, a run at a time).
_SCRIPT_LETTERS = {
    "latin": re.compile(r"[A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]+"),
    "cyrillic": re.compile(r"[\u0400-\u0481\u048a-\u052f]+"),
    "arabic": re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+"),
    "han": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"),
}


def script_of(char: str) -> str | None:
    """``latin``, ``cyrillic``, ``han``, ``arabic``, ``other`` for a letter; None otherwise."""
    if not char.isalpha():
        return None
    for name, pattern in _SCRIPT_LETTERS.items():
        if pattern.match(char):
            return name
    return "other"


def script_counts(text: str) -> dict[str, int]:
    """Letters of ``text`` per script (scripts with none are left out)."""
    counts = {}
    for name, pattern in _SCRIPT_LETTERS.items():
        found = sum(map(len, pattern.findall(text)))
        if found:
            counts[name] = found
    return counts


def is_space(char: str) -> bool:
    return char == " " or unicodedata.category(char) == "Zs"
