"""Whether a text can hold one of a set of word forms, asked before a case-insensitive search.

A case-insensitive alternation of many forms (a language's number words, its
month names) is slow to search: under ``re.IGNORECASE`` Python's regular
expressions scan no literal prefix, so every position of the text tries every
form. Most paragraphs hold none of them. ``Prefilter`` answers "could this
text hold one?" from the letters each form must begin with (its *stem*): one
case-sensitive search of the lower-cased text, which the engine runs at C
speed. It may answer yes for nothing (``mai`` in ``domaine``); it never
answers no where a form would match, so searching in full only on a yes
finds exactly what searching every text found::

    >>> months = Prefilter(["janvier", "f[ée]vrier", "mars"])
    >>> months.may_match("adoptée le 18 MARS 2019"), months.may_match("Prie le Secrétaire général")
    (True, False)

For whole words (a language's number words) it also says where a form may
start and which forms may start there, so that only those are tried there::

    >>> Prefilter(["un", "une", "dizaines?"], word=True).candidates("Nations Unies : une dizaine")
    [(16, [1]), (20, [2])]

A form that opens with no literal letter (an escape, a range, a letter that
may be absent) has no stem: the filter then answers yes to every text.
"""

from __future__ import annotations

import re
from typing import Iterable

#: Characters that ``re.IGNORECASE`` does not match by their lower case alone: their lower case is
#: more than one character (``İ``, ``ß``), changes on a round trip through the upper case (``ſ``
#: matches ``s``, ``ı`` matches ``i``), or depends on the next letter (``Σ``). A text holding one
#: is searched in full; ``case_unsafe`` says which they are (a test checks this class against it).
_CASE_UNSAFE = re.compile(
    "[\u00b5\u00df\u0130\u0131\u0149\u017f\u01f0\u0345\u0390\u03a3\u03b0\u03c2\u03d0\u03d1\u03d5\u03d6"
    "\u03f0\u03f1\u03f5\u0587\u1c80-\u1c88\u1e96-\u1e9b\u1e9e\u1f50\u1f52\u1f54\u1f56\u1f80-\u1faf"
    "\u1fb2-\u1fb4\u1fb6\u1fb7\u1fbc\u1fbe\u1fc2-\u1fc4\u1fc6\u1fc7\u1fcc\u1fd2\u1fd3\u1fd6\u1fd7"
    "\u1fe2-\u1fe4\u1fe6\u1fe7\u1ff2-\u1ff4\u1ff6\u1ff7\u1ffc\ufb00-\ufb06\ufb13-\ufb17]"
)
#: What ends a form's run of literal characters.
_META = frozenset(".^$*+?{}[]\\|()")
_WORD_START = re.compile(r"\w*")


def case_unsafe(char: str) -> bool:
    """Whether ``char``'s lower case is not what ``re.IGNORECASE`` matches it by (see ``_CASE_UNSAFE``)."""
    lower = char.lower()
    return len(lower) != 1 or lower.upper().lower() != lower or char == "\u03a3"


def alternatives(form: str) -> list[str]:
    """The top-level alternatives of a regular expression: ``un|une`` -> ``["un", "une"]``; a ``|``
    inside a group or a class is not split on."""
    parts, start, depth, i = [], 0, 0, 0
    while i < len(form):
        char = form[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(form, i)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(form[start:i])
            start = i + 1
        i += 1
    parts.append(form[start:])
    return parts


def _class_end(form: str, i: int) -> int:
    """The index after the character class opening at ``form[i]``."""
    j = i + 1
    if j < len(form) and form[j] == "^":
        j += 1
    if j < len(form) and form[j] == "]":
        j += 1  # a "]" first in a class is one of its characters
    while j < len(form) and form[j] != "]":
        j += 2 if form[j] == "\\" else 1
    return j + 1


def stems(alternative: str) -> tuple[tuple[str, bool], ...] | None:
    """The lower-cased literal openings of ``alternative``, one of which every match of it opens
    with, each with whether it is all of the match: ``mars`` -> ``(("mars", True),)``,
    ``dizaines?`` -> ``(("dizaine", False),)``, ``tr[eè]s`` -> ``(("tres", True), ("très", True))``,
    ``сот(?:ня|ый)`` -> ``(("сотн", False), ("соты", False))``. A class of a few characters is
    opened out, a group of literal alternatives by their first letters (then the opening ends);
    anything else ends the opening. None when ``alternative`` opens with no literal."""
    openings = [""]
    i, complete = 0, True
    while i < len(alternative):
        options, end, whole = _element(alternative, i)
        quantified = end < len(alternative) and alternative[end] in "?*+{"
        if options is None or quantified or len(openings) * len(options) > _MAX_OPENINGS:
            complete = False
            break
        openings = [o + option for o in openings for option in options]
        i = end
        if not whole:
            complete = False
            break
    if not openings[0] or any(_CASE_UNSAFE.search(o) for o in openings):
        return None
    return tuple((o.lower(), complete) for o in openings)


#: How many openings ``stems`` opens an alternative out to at most.
_MAX_OPENINGS = 16


def _element(form: str, i: int) -> tuple[list[str] | None, int, bool]:
    """What the element of ``form`` at ``i`` (a character, a class of characters, a group of
    literal alternatives) begins with, the index after it, and whether that is all of it; None
    for any other element."""
    char = form[i]
    if char == "[":
        end = _class_end(form, i)
        body = form[i + 1:end - 1]
        if body and not any(c in "\\^-[]" for c in body):
            return list(dict.fromkeys(body)), end, True
        return None, end, False
    if form.startswith("(?:", i):
        depth, j = 0, i
        while j < len(form):
            if form[j] == "\\":
                j += 2
                continue
            depth += form[j] == "("
            depth -= form[j] == ")"
            j += 1
            if depth == 0:
                break
        parts = form[i + 3:j - 1].split("|")
        if depth == 0 and all(part and not any(c in _META for c in part) for part in parts):
            # Each alternative's first letter: enough to tell "сот(?:ня|ый|...)" from
            # "сотрудничество", and a dozen inflections do not multiply the openings.
            return list(dict.fromkeys(part[0] for part in parts)), j, all(len(p) == 1 for p in parts)
        return None, j, False
    if char in _META:
        return None, i + 1, False
    return [char], i + 1, True


def _word_stem(found: tuple[str, bool]) -> tuple[str, bool] | None:
    """A stem's word characters up to the first other one (``vingt et`` -> ``vingt``)."""
    text, complete = found
    word = _WORD_START.match(text).group(0)  # type: ignore[union-attr]
    if not word:
        return None
    return word, complete and word == text


class Prefilter:
    """Answers whether a text may hold a case-insensitive match of one of ``forms``, and which.

    ``word``: the forms are searched as whole words (nothing of a word just before or after),
    so a stem is looked for at the start of a word, and a form that is all
    literal (``un``) as a whole word: ``un`` is not looked for in ``unies``.
    """

    def __init__(self, forms: Iterable[str], word: bool = False) -> None:
        self.word = word
        self._trie: dict | None = {}
        for index, form in enumerate(forms):
            for alternative in alternatives(form):
                found = stems(alternative)
                if found is None or self._trie is None:
                    self._trie = None  # a form that opens with no literal: every text may hold it
                    continue
                for opening in found:
                    if word:
                        opening = _word_stem(opening)  # type: ignore[assignment]
                    if opening is None:
                        self._trie = None
                        break
                    text, whole = opening
                    _add(self._trie, text, word and whole, index)
        self._stems: re.Pattern | None = None
        if self._trie:
            pattern = _render(self._trie)
            self._stems = re.compile(rf"(?<!\w){pattern}" if word else pattern)

    def may_match(self, text: str) -> bool:
        """False only when no form can match in ``text``: no form's stem is in its lower case (and
        it holds no character whose case ``re.IGNORECASE`` reads otherwise)."""
        if self._stems is None or _CASE_UNSAFE.search(text):
            return True
        return self._stems.search(text.lower()) is not None

    def candidates(self, text: str) -> list[tuple[int, list[int]]] | None:
        """For whole words (``word``): each index of ``text`` where a form may start, earliest
        first, with the forms that may start there (their indices in ``forms``, in order): a
        whole-word search of the forms need try those only. None when that cannot be told (not
        ``word``, a form without a stem, a character whose case reads otherwise)."""
        if not self.word or self._stems is None or _CASE_UNSAFE.search(text):
            return None
        lowered = text.lower()
        found = []
        for match in self._stems.finditer(lowered):
            owners: set[int] = set()
            node: dict | None = self._trie
            i = match.start()
            while node is not None:
                owners.update(node.get(_OPEN, ()))
                if _WHOLE in node and not _WORD_CHAR.match(lowered, i):
                    owners.update(node[_WHOLE])
                node = node.get(lowered[i]) if i < len(lowered) else None
                i += 1
            found.append((match.start(), sorted(owners)))
        return found


_OPEN, _WHOLE = 0, 1  # trie keys: the forms an opening of ends here, the forms a whole word of does
_WORD_CHAR = re.compile(r"\w")


def _add(trie: dict, text: str, whole: bool, index: int) -> None:
    node = trie
    for char in text:
        node = node.setdefault(char, {})
    node.setdefault(_WHOLE if whole else _OPEN, set()).add(index)


def _render(node: dict) -> str:
    """One pattern for the openings of a trie, their common beginnings shared (``mar``, ``mars``,
    ``mai`` -> ``ma(?:r|i)``): compiled and searched faster than an alternation of hundreds."""
    if _OPEN in node:
        return ""  # an opening ends here and anything may follow: the longer ones add nothing
    parts = [re.escape(char) + _render(child) for char, child in sorted((k, v) for k, v in node.items() if isinstance(k, str))]
    if _WHOLE in node:
        parts.append(r"(?!\w)")
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
