"""One key for the inflected forms of a target word, within one document.

Candidate renderings are compared by word keys (``normalise.word_key``). For
Russian, Snowball gives some forms of one word different stems: it reads the
final ``-в`` of a bare noun as a verbal ending, so ``Устав`` is ``уста`` while
``Уставу`` and ``Устава`` are ``устав``; a rendering seen once in each form then
covers half of the source expression's rows in each and is never proposed.
The glossary matcher compares Russian stems by prefix for the same reason
(``normalise.PREFIX_LANGS``).

Here a stem is merged into a shorter stem of the same document when it is that
stem plus one or two letters and a written form of the shorter is the
beginning of a written form of the longer (``устав`` is the start of
``уставу``): the endings differ, not the words. A shared prefix alone is not
enough: ``прав`` (``права``, law) and ``правил`` (``правилами``, rules) stay
apart, as no form of one begins the other.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable, Mapping

from qa_rules.glossary.normalise import PREFIX_LANGS, PREFIX_MIN, surface_form, word_key

#: Letters a longer stem may add to the shorter one it is merged into.
EXTRA_LETTERS = 2


def stem_merges(words: Iterable[str], lang: str) -> Mapping[str, str]:
    """stem -> the shorter stem it is merged into, for the (case-folded) ``words`` of a document;
    empty for a language whose stems are compared whole."""
    if lang not in PREFIX_LANGS:
        return {}
    forms: dict[str, set[str]] = defaultdict(set)
    for word in words:
        forms[word_key(word, lang)].add(surface_form(word).casefold())
    merges = {}
    for stem in forms:
        for cut in range(1, EXTRA_LETTERS + 1):
            shorter = stem[:-cut]
            if len(shorter) < PREFIX_MIN or shorter not in forms:
                continue
            if any(long.startswith(short) for short in forms[shorter] for long in forms[stem]):
                merges[stem] = shorter
                break
    # a chain (a -> b -> c) ends at its shortest stem
    return {stem: _root(stem, merges) for stem in merges}


def _root(stem: str, merges: Mapping[str, str]) -> str:
    while stem in merges:
        stem = merges[stem]
    return stem


def merged_key(lang: str, merges: Mapping[str, str]) -> Callable[[str], str]:
    """The key of a word: its stem, merged by ``merges`` (``stem_merges``)."""
    def key(word: str) -> str:
        stem = word_key(word, lang)
        return merges.get(stem, stem)
    return key
