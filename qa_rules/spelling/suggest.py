"""Suggestions for a word a dictionary does not know: the words one slip away from it.

Hunspell's own ``suggest`` ends its search after a budget of the process's CPU clock, so the
same word gets other suggestions on a slower or busier machine (or beside a thread loading a
dictionary), and it costs 10 to 100 ms a word (French often runs into the budget). A report
must say the same thing wherever it is made, so the suggestions here are hexaglot's own and
depend on the word and the dictionary only: every word one typing slip away from the one
written, in a fixed order of slips, each asked of the dictionary (``Dictionary.checks``,
Hunspell's fast ``spell``), the first ``limit`` it knows kept.

The slips, in the order they are tried (the likelier first):

1. the dictionary's own replacement table (``REP``: ``ph`` for ``f``...);
2. a letter replaced by a related one (``MAP``: an accent, a letter's other case);
3. two neighbouring letters swapped (``motivatoins``);
4. two letters two to four places apart swapped;
5. a key next to the right one on the keyboard (``KEY``);
6. a letter too many (``neccessary``);
7. a letter left out (``entites``), from the letters the dictionary says to try (``TRY``);
8. a letter moved two to four places (``междунраодное``);
9. a wrong letter (``TRY``);
10. two words run together (a space left out).

A suggestion keeps the word's case (``Entites`` → ``Entities``), never begins or ends with a
hyphen, and a word that no single slip repairs gets none: Hunspell would then guess from
letter n-grams, which for a name or a word missing from the dictionary (``interdependientes``)
proposes words that are not it. ``benchmarks/spelling.py --suggestions`` compares the two.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterator, NamedTuple

#: Longer words get no suggestion (Hunspell's own limit is 100 bytes; no typing slip is that long).
MAX_LENGTH = 60
#: How far a letter may travel in a long swap or a move.
REACH = 4


class Slips(NamedTuple):
    """What a dictionary's ``.aff`` file says about likely mistakes (``TRY``, ``REP``, ``MAP``, ``KEY``)."""

    try_letters: str = ""
    replacements: tuple[tuple[str, str], ...] = ()
    related: tuple[tuple[str, ...], ...] = ()
    keyboard: tuple[str, ...] = ()


@lru_cache(maxsize=16)
def read_slips(aff_path: str, encoding: str) -> Slips:
    """The ``TRY``, ``REP``, ``MAP`` and ``KEY`` lines of an ``.aff`` file (each kind's count line skipped)."""
    try_letters, replacements, related, keyboard = "", [], [], ()
    with open(aff_path, encoding=encoding, errors="replace") as aff:
        for line in aff:
            if not line.startswith(("TRY", "REP", "MAP", "KEY")):
                continue
            parts = line.split()
            if parts[0] == "TRY" and len(parts) > 1:
                try_letters = parts[1]
            elif parts[0] == "REP" and len(parts) >= 3:
                replacements.append((parts[1].replace("_", " "), parts[2].replace("_", " ")))
            elif parts[0] == "MAP" and len(parts) >= 2 and not parts[1].isdigit():
                related.append(_map_items(parts[1]))
            elif parts[0] == "KEY" and len(parts) >= 2:
                keyboard = tuple(parts[1].split("|"))
    return Slips(try_letters, tuple(replacements), tuple(related), keyboard)


def _map_items(group: str) -> tuple[str, ...]:
    """The members of a ``MAP`` group: single letters, or several in parentheses (``(ss)``)."""
    items, i = [], 0
    while i < len(group):
        if group[i] == "(" and ")" in group[i:]:
            end = group.index(")", i)
            items.append(group[i + 1:end])
            i = end + 1
        else:
            items.append(group[i])
            i += 1
    return tuple(item for item in items if item)


def suggest(word: str, knows: Callable[[str], bool], slips: Slips, limit: int = 3) -> tuple[str, ...]:
    """The first ``limit`` words one slip away from ``word`` that ``knows`` accepts (see the module)."""
    if not word or len(word) > MAX_LENGTH:
        return ()
    shape = _shape(word)
    base = word.lower() if shape in ("title", "upper") else word
    found: list[str] = []
    tried = {base}
    for candidate in _slips(base, slips):
        if candidate in tried:
            continue
        tried.add(candidate)
        shown = _reshape(candidate, shape)
        if shown is None or shown == word or shown.startswith(("-", " ")) or shown.endswith(("-", " ")) \
                or "--" in shown or "  " in shown:
            continue
        if all(knows(part) for part in shown.split(" ")):
            found.append(shown)
            if len(found) == limit:
                break
    return tuple(found)


def _shape(word: str) -> str:
    """``lower``, ``title`` (an initial capital), ``upper`` (all capitals) or ``mixed``."""
    if word == word.lower():
        return "lower"
    if len(word) > 1 and word == word.upper():
        return "upper"
    if word[0].isupper() and word[1:] == word[1:].lower():
        return "title"
    return "mixed"


def _reshape(candidate: str, shape: str) -> str | None:
    """``candidate`` (found on the word lowered, or as written when it is in lower or mixed case)
    in the word's case; ``None`` where a slip brought a capital into a lower-case word (``MAP``
    relates a letter to its capital)."""
    if shape == "title":
        return candidate[:1].upper() + candidate[1:]
    if shape == "upper":
        return candidate.upper()
    if shape == "lower":
        return candidate if candidate == candidate.lower() else None
    return candidate


def _slips(word: str, slips: Slips) -> Iterator[str]:
    """Every word one slip away from ``word``, in the module's order (with repeats)."""
    n = len(word)
    for wrong, right in slips.replacements:
        yield from _replaced(word, wrong, right)
    for i, letter in enumerate(word):
        for group in slips.related:
            if letter in group:
                yield from (word[:i] + other + word[i + 1:] for other in group if other != letter)
    for i in range(n - 1):
        yield word[:i] + word[i + 1] + word[i] + word[i + 2:]
    for i in range(n):
        for j in range(i + 2, min(n, i + REACH + 1)):
            yield word[:i] + word[j] + word[i + 1:j] + word[i] + word[j + 1:]
    for i, letter in enumerate(word):
        for row in slips.keyboard:
            at = row.find(letter)
            while at >= 0:
                for near in (row[at - 1] if at > 0 else "", row[at + 1] if at + 1 < len(row) else ""):
                    if near and near != letter:
                        yield word[:i] + near + word[i + 1:]
                at = row.find(letter, at + 1)
    for i in range(n):
        yield word[:i] + word[i + 1:]
    for i in range(n + 1):
        for letter in slips.try_letters:
            yield word[:i] + letter + word[i:]
    for i in range(n):
        for j in range(max(0, i - REACH), min(n, i + REACH + 1)):
            if abs(i - j) >= 2:
                rest = word[:i] + word[i + 1:]
                yield rest[:j] + word[i] + rest[j:]
    for i in range(n):
        for letter in slips.try_letters:
            if letter != word[i]:
                yield word[:i] + letter + word[i + 1:]
    for i in range(1, n):
        yield word[:i] + " " + word[i:]


def _replaced(word: str, wrong: str, right: str) -> Iterator[str]:
    """``word`` with one occurrence of ``wrong`` replaced by ``right`` (``^``: at the start
    only; ``$``: at the end only), for each occurrence."""
    if wrong.startswith("^"):
        bare = wrong[1:].rstrip("$")
        if word.startswith(bare) and (not wrong.endswith("$") or word == bare):
            yield right.lstrip("^").rstrip("$") + word[len(bare):]
        return
    if wrong.endswith("$"):
        bare = wrong[:-1]
        if bare and word.endswith(bare):
            yield word[:len(word) - len(bare)] + right.rstrip("$")
        return
    if not wrong:
        return
    at = word.find(wrong)
    while at >= 0:
        yield word[:at] + right + word[at + len(wrong):]
        at = word.find(wrong, at + 1)
