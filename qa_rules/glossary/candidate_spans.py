"""Where a candidate's rendering begins and ends: what the words at and beside its edges say.

``equivalents.best_equivalent`` scores every target n-gram of the rows where the
source expression is. Statistics over a few rows cannot tell a rendering from
the same rendering with a word of its context, when that word is in every one
of those rows; the words at its edges and after it can:

- **An edge word that renders another source word.** A first or last content
  word claimed by a source word outside the expression (``Evidence.claimed``)
  belongs to a longer phrase: ``резолюции`` (``résolutions``) in ``резолюции
  Организации Объединенных Наций`` for ``Organisation des Nations Unies``.
- **Cut before its complement.** A rendering whose every occurrence in the
  expression's rows (two or more) is followed by the same phrase (a function
  word and the same content word) ends with a word that governs a phrase
  left out: a participle (Arabic ``التطرف العنيف المفضي`` + ``إلى الإرهاب``,
  ``leading to terrorism``), a Chinese attribute (``助长恐怖主义`` + ``的暴力``).
  So is one always followed by the same word claimed by another source word
  (``助长`` + ``恐怖主义``, ``fostering`` + ``terrorism``). Conjunctions and
  postpositions open no phrase; a rendering followed by the same preposition
  and different complements is not cut (``terrorist attacks`` + ``on the
  basis``, + ``on critical``).
- **Cut before its head.** A rendering whose every occurrence in those rows is
  followed by the same content word, which no source word outside the
  expression claims, stops inside a noun phrase: a Russian adjective before its
  noun (``... контртеррористической`` + ``деятельности``), a Chinese modifier
  before its head (``跨国有组织`` + ``犯罪``). It is extended by that word
  (``extended``), when the longer rendering is itself allowed and reliable and
  that word is not one that takes a complement each time (``causas penales`` +
  ``relacionadas con``: a participle, not a head).
"""

from __future__ import annotations

from typing import Mapping, Protocol, Sequence

#: target n-gram key -> (row, start, end, the keys of the words after it), one per occurrence.
#: The words after: the next one; when it is a function word that opens a phrase (not a
#: conjunction, not a postposition), it and the words up to the first content word of that
#: phrase; () after punctuation.
Neighbours = Mapping[str, Sequence[tuple[int, int, int, tuple[str, ...]]]]


class _Claims(Protocol):
    def claimed(self, t: str, source: Sequence[str], rows: set[int]) -> bool: ...


def follower(neighbours: Neighbours, key: str, rows: set[int]) -> tuple[str, ...]:
    """The words after every occurrence of ``key`` in ``rows`` (``Neighbours``), when there are two
    occurrences or more and they are always the same; else ()."""
    after = {words for row, _, _, words in neighbours.get(key, ()) if row in rows}
    occurrences = sum(1 for row, *_ in neighbours.get(key, ()) if row in rows)
    return next(iter(after)) if occurrences >= 2 and len(after) == 1 else ()


def allowed(key: str, words: Sequence[str], source: Sequence[str], rows: set[int], evidence: _Claims,
            neighbours: Neighbours | None) -> bool:
    """Whether target n-gram ``key`` (content words ``words``) may render the source expression
    (content words ``source``, found in ``rows``): no word claimed by another source word, not
    always followed by the same word claimed by one, nor by the same phrase (a function word and
    the same content word)."""
    if any(evidence.claimed(word, source, rows) for word in set(words)):
        return False
    after = follower(neighbours, key, rows) if neighbours is not None else ()
    return not (len(after) > 1 or (after and evidence.claimed(after[0], source, rows)))


def extended(best: str, rows: set[int], usable: Mapping[str, float], minimum: float, source: Sequence[str],
             evidence: _Claims, neighbours: Neighbours | None) -> str:
    """``best`` extended by the word that follows each of its occurrences in ``rows``, as long as
    one does, no other source word claims it and the longer rendering is ``usable`` (allowed,
    scored) with at least ``minimum``."""
    if neighbours is None:
        return best
    while True:
        after = follower(neighbours, best, rows)
        if len(after) != 1 or evidence.claimed(after[0], source, rows):
            return best
        longer = f"{best} {after[0]}"
        if usable.get(longer, float("-inf")) < minimum or _governs_each_time(neighbours, longer, rows):
            return best
        best = longer


def _governs_each_time(neighbours: Neighbours, key: str, rows: set[int]) -> bool:
    """Whether every occurrence of ``key`` in ``rows`` is followed by a function word that opens a
    phrase: its last word is a relational word taking a complement (a participle: ``causas
    penales relacionadas`` + ``con``), not the head a modifier was waiting for."""
    after = [words for row, _, _, words in neighbours.get(key, ()) if row in rows]
    return bool(after) and all(len(words) > 1 for words in after)
