"""The words of a paragraph a spell checker judges, and the words it accepts without asking.

``words(text)`` yields ``(start, end, word)`` for each run of letters (with inner
apostrophes and hyphens: ``l'Office``, ``counter-terrorism``) that a dictionary
can judge: not a single letter, an acronym in capitals (``UNODC``), a word glued
to a digit or a slash (``A/RES/74/175``, ``43e``), a lower-case Roman numeral of
a list (``ii)``), nor anything inside a URL or an e-mail address::

    >>> [w for _, _, w in words("See A/RES/74/175, ii) the UNODC's work at www.unodc.org.")]
    ['See', 'the', 'work', 'at']

What is accepted without a dictionary (``Accepted``): the words of the run's
glossaries in the target language (UN terms and country names), the language's
own UN vocabulary (``[spelling] words`` of its language data) and the user's
word list (the rule's ``words`` option), all compared without regard to case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Iterator

from qa_rules import langdata

_LETTERS = r"[^\W\d_]"
_WORD = re.compile(rf"{_LETTERS}+(?:['’\-‐]{_LETTERS}+)*")
_SKIP = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|<[^>]*>")
_ROMAN = re.compile(r"(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3})")
_APOSTROPHE = re.compile(r"['’]")


#: A word a dictionary may judge: a run of ``_WORD`` neither glued to a digit or a slash nor
#: part of a longer run (which the lookbehinds exclude: ``_WORD`` takes whole runs, and the atomic
#: group keeps a run glued to a digit from matching shorter).
_JUDGED = re.compile(rf"(?<![\d/\\])(?<!{_LETTERS})(?<!{_LETTERS}['’\-‐])"
                     rf"(?>{_LETTERS}+(?:['’\-‐]{_LETTERS}+)*)(?![\d/\\])")
#: What a word is, whatever its place: judged, never judged (a single letter, an acronym in
#: capitals, its plural or possessive: ``UNODC's``), or a Roman numeral (a list item before ``)``
#: or ``.``). Kept per word (``_kind``).
_JUDGE, _NEVER, _NUMERAL = 0, 1, 2
_KINDS: dict[str, int] = {}
#: Words whose kind is kept before ``_KINDS`` starts again (every language's words together).
KINDS_KEPT = 50_000


def _kind(word: str) -> int:
    kind = _KINDS.get(word)
    if kind is None:
        if len(_KINDS) >= KINDS_KEPT:
            _KINDS.clear()
        stem = _APOSTROPHE.split(word, 1)[0]
        if len(word) < 2 or len(stem) >= 2 and stem.isupper():
            kind = _NEVER
        else:
            kind = _NUMERAL if _ROMAN.fullmatch(word) else _JUDGE
        _KINDS[word] = kind
    return kind


def words(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, word)`` of each word of ``text`` a dictionary can judge."""
    hidden = [(m.start(), m.end()) for m in _SKIP.finditer(text)] \
        if "@" in text or "<" in text or "www." in text or "http" in text else ()
    for match in _JUDGED.finditer(text):
        word = match.group()
        kind = _kind(word)
        if kind == _NEVER:
            continue
        start, end = match.span()
        if hidden and any(low <= start < high for low, high in hidden):
            continue
        if kind == _NUMERAL and end < len(text) and text[end] in ").":
            continue
        yield start, end, word


def distinct_words(text: str) -> set[str]:
    """Every distinct word of ``text`` that ``words`` may yield (and perhaps a few it skips, in a
    URL or a list numeral): judging these first, a paragraph whose words are all spelt right is
    done without placing each occurrence."""
    return {word for word in set(_JUDGED.findall(text)) if _kind(word) != _NEVER}


@lru_cache(maxsize=512)
def lower_words(text: str) -> frozenset[str]:
    """The lower-case words of ``text`` a dictionary can judge (a source paragraph is asked once
    for each of its versions, one after the other: the pairs come in document order, then by
    language). A set of a paragraph's words is a few KiB: 512 of them, not 4,096."""
    return frozenset(word.lower() for _, _, word in words(text))


def normal(word: str) -> str:
    """``word`` as word lists are compared: lower case, one apostrophe, no Arabic tatweel (ـ)."""
    return word.lower().replace("’", "'").replace("\u0640", "")


def word_forms(text: str) -> set[str]:
    """The lower-case words of ``text`` and their hyphen-separated parts."""
    forms = set()
    for match in _WORD.finditer(text):
        word = normal(match.group())
        forms.add(word)
        forms.update(part for part in re.split(r"[\-‐]", word) if part)
    return forms


@dataclass(frozen=True)
class Accepted:
    """Words taken as spelt right in one language whatever the dictionary says (lower case);
    an entry ending in ``*`` is a stem that accepts every ending (``радикализаци*``: Russian
    declines the words a dictionary lacks as it declines the others)."""

    words: frozenset[str]
    stems: tuple[str, ...] = ()

    def __contains__(self, word: str) -> bool:
        word = normal(word)
        return word in self.words or word.startswith(self.stems)

    @classmethod
    def build(cls, lang: str, glossaries: Iterable[Any], user_words: Iterable[str]) -> "Accepted":
        found: set[str] = set()
        for glossary in glossaries:
            for concept in glossary.concepts:
                for term in concept.terms:
                    if term.lang == lang:
                        found |= word_forms(term.text)
        stems = []
        for text in (*langdata.value(lang, "spelling.words", ()), *user_words):
            if text.endswith("*"):
                stems.append(normal(text[:-1]))
            else:
                found |= word_forms(text)
        return cls(frozenset(found), tuple(sorted(set(stems))))
