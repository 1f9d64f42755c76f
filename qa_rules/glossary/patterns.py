"""Pattern terms: regular expressions a glossary may hold, and how they are run safely.

A ``pattern`` term is a Python regular expression written by a terminologist
(``A/RES/\\d+/\\d+``). Python's ``re`` backtracks, and some expressions take
time exponential in the length of the text they fail on: ``(a+)+$`` needs
2^30 steps on thirty ``a`` and a ``b``. A glossary is data from anyone, so a
pattern is checked when the glossary is loaded (every command refuses the
file, naming the line and the term) and matched in bounded windows.

``pattern_problem`` refuses, with a reason:

- a pattern longer than ``MAX_PATTERN_CHARS`` or that does not compile;
- **nested quantifiers**: a group repeated more than once (``*``, ``+``,
  ``{2,}``, ``{1,3}``) whose body holds a quantifier of variable count
  (``+``, ``*``, ``?``, ``{1,3}``) -- ``(a+)+``, ``(\\w+\\s?)*x``, ``(aa?)*`` --
  unless that inner quantifier repeats one character class and is followed
  by a character it cannot match (``(?:\\S+ ){1,3}``, ``([^,]+,)*``): then
  each round of the outer repeat ends at a delimiter and there is one way to
  split the text;
- **overlapping alternatives**: a group repeated more than once holding
  alternatives that can begin with the same text (``(a|a)*b``, ``(a|ab)*c``;
  ``(?:de |des )*`` passes: the alternatives differ at their third
  character);
- **adjacent quantifiers**: two variable quantifiers of character classes
  that share a character with only optional items between them, one of them
  unbounded (``\\w*\\w*``, ``\\d+\\.?\\d+``): quadratic or worse.

The walk reads the parsed expression (``re._parser``); a node it does not
understand counts as "may match anything", so an unknown shape is refused
rather than let through. Possessive quantifiers (``a++``) and atomic groups
(``(?>...)``) never give back what they matched, so the quantifiers inside
them do not make an enclosing repeat ambiguous (their own bodies are still
checked). The check can refuse a pattern that is in fact fast (``(a|ab)*c``):
rewrite it with a possessive quantifier or distinct alternatives.

The check does not catch every slow expression (``.*a.*a.*b`` is cubic), so
``find_pattern`` also bounds the cost: a pattern is run on windows of at most
``WINDOW_CHARS`` characters, so each match attempt reads at most that many,
and the work grows linearly with the length of the text (``len(text) /
STRIDE_CHARS`` windows), whatever the pattern.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache
from itertools import zip_longest
from typing import Callable, Iterator

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

#: Longest pattern accepted (the bundled ones are under 70 characters).
MAX_PATTERN_CHARS = 500
#: Longest text a pattern term is matched as: a longer match is not a term and is dropped.
MAX_MATCH_CHARS = 160
#: How far past the end of a match a lookahead (``(?!...)``) or ``\\b`` can see.
LOOKAHEAD_CHARS = 64
#: Distance between the starts of two successive windows.
STRIDE_CHARS = 160
#: Characters one search reads at most.
WINDOW_CHARS = STRIDE_CHARS + MAX_MATCH_CHARS + LOOKAHEAD_CHARS

_UNBOUNDED = _c.MAXREPEAT
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT)
_POSSESSIVE = getattr(_c, "POSSESSIVE_REPEAT", None)
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)

NESTED = ("can take exponential time: a repeated group holds a quantifier that can match the same text "
          "in more than one way, as in (a+)+; bound the inner quantifier by a delimiter it cannot match, "
          "make it possessive (a++) or drop one of the two")
OVERLAPPING = ("can take exponential time: a repeated group has alternatives that can begin with the same "
               "text, as in (a|a)*; make the alternatives start differently or use an atomic group (?>...)")
ADJACENT = ("can take quadratic time or worse: two quantifiers in a row can match the same characters, "
            r"as in \w*\w*; merge them or separate them by a character that neither can match")


def quote_pattern(text: str, limit: int = 40) -> str:
    """A short, printable rendering of a pattern for a one-line message."""
    shown = "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in text[:limit])
    return shown + ("..." if len(text) > limit else "")


@lru_cache(maxsize=None)
def pattern_problem(text: str) -> str | None:
    """Why ``text`` cannot be a pattern term (one line), or None if it can (worked out once per
    pattern: a matcher is built per concept and language, and asks again)."""
    if len(text) > MAX_PATTERN_CHARS:
        return f"is longer than {MAX_PATTERN_CHARS} characters; a pattern term describes one term"
    try:
        with warnings.catch_warnings():  # "possible nested set" and the like: not for the user's terminal
            warnings.simplefilter("ignore")
            re.compile(text)
            parsed = _sre_parse.parse(text)
    except re.error as exc:
        where = f" at position {exc.pos}" if exc.pos is not None else ""
        return f"is not a valid regular expression ({exc.msg}{where})"
    except (RecursionError, OverflowError):
        return "is not a valid regular expression (nested too deeply)"
    fold = bool(parsed.state.flags & re.IGNORECASE) or _folds_locally(list(parsed))
    try:
        return _Walk(fold).sequence(list(parsed))
    except RecursionError:
        return "is nested too deeply to be checked; simplify it"


def find_pattern(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """The non-empty matches of ``pattern`` in ``text``, left to right, in bounded windows.

    The text is read in windows of ``WINDOW_CHARS`` characters starting every
    ``STRIDE_CHARS``; a window yields the matches that start in its first
    ``STRIDE_CHARS`` characters and end at least ``LOOKAHEAD_CHARS`` before its
    end (or at the end of the text). Every match of at most
    ``MAX_MATCH_CHARS`` characters whose lookahead needs no more than
    ``LOOKAHEAD_CHARS`` is found as ``pattern.finditer`` finds it (the search
    resumes after the previous match; lookbehind and ``\\b`` see the text
    before the window); longer matches are dropped. As no search reads more
    than ``WINDOW_CHARS`` characters, a pattern slow in the length of its input
    costs at most a fixed amount per window.
    """
    n = len(text)
    resume = 0
    base = 0
    while base < n:
        end = min(n, base + WINDOW_CHARS)
        last = n if end == n else end - LOOKAHEAD_CHARS
        next_base = base + STRIDE_CHARS
        for m in pattern.finditer(text, max(resume, base), end):
            if end < n and m.start() >= next_base:
                break  # the next window sees it with its full lookahead
            if m.end() > last or m.end() - m.start() > MAX_MATCH_CHARS or m.end() == m.start():
                continue
            resume = m.end()
            yield m
        if end == n:
            break
        base = next_base


# -- the static check -----------------------------------------------------------------

_Chars = Callable[[str], bool]

#: Characters tried when two character classes are compared (besides those they name).
_PROBES = "aZz09_ \t\n.,;:-'\"()/«»éÉßЖжب中\u00a0\u2019\u0660"


def _category(name) -> _Chars:
    name = str(name)
    base: _Chars
    if "DIGIT" in name:
        base = str.isdecimal
    elif "SPACE" in name:
        base = str.isspace
    elif "WORD" in name:
        base = lambda ch: ch.isalnum() or ch == "_"  # noqa: E731
    else:  # line breaks and the like: assume anything
        return lambda ch: True
    if "NOT" in name:
        return lambda ch: not base(ch)
    return base


class _CharClass:
    """The characters one single-character node can match, as a predicate and the characters it names."""

    def __init__(self, test: _Chars, named: set[str]) -> None:
        self.test = test
        self.named = named

    def overlaps(self, other: "_CharClass", fold: bool) -> bool:
        for ch in set(_PROBES) | self.named | other.named:
            variants = {ch, ch.lower(), ch.upper()} if fold else {ch}
            if any(self.test(v) for v in variants) and any(other.test(v) for v in variants):
                return True
        return False


def _char_class(op, av) -> _CharClass | None:
    """The class of a node that matches exactly one character, or None."""
    if op == _c.LITERAL:
        ch = chr(av)
        return _CharClass(lambda x: x == ch, {ch})
    if op == _c.NOT_LITERAL:
        ch = chr(av)
        return _CharClass(lambda x: x != ch, {ch})
    if op == _c.ANY:
        return _CharClass(lambda x: True, set())
    if op == _c.IN:
        tests: list[_Chars] = []
        named: set[str] = set()
        negate = False
        for item_op, item_av in av:
            if item_op == _c.NEGATE:
                negate = True
            elif item_op == _c.LITERAL:
                named.add(chr(item_av))
                tests.append(lambda x, c=chr(item_av): x == c)
            elif item_op == _c.RANGE:
                lo, hi = item_av
                named.update({chr(lo), chr(hi)})
                tests.append(lambda x, lo=lo, hi=hi: lo <= ord(x) <= hi)
            elif item_op == _c.CATEGORY:
                tests.append(_category(item_av))
            else:
                tests.append(lambda x: True)
        if negate:
            return _CharClass(lambda x: not any(t(x) for t in tests), named)
        return _CharClass(lambda x: any(t(x) for t in tests), named)
    if op == _c.SUBPATTERN and len(av[-1]) == 1:
        inner_op, inner_av = av[-1][0]
        return _char_class(inner_op, inner_av)
    return None


class _Walk:
    def __init__(self, fold: bool) -> None:
        self.fold = fold

    def sequence(self, items: list) -> str | None:
        """Check every node of a sequence, then its neighbouring quantifiers."""
        for op, av in items:
            problem = self.node(op, av)
            if problem:
                return problem
        return self.adjacent(items)

    def node(self, op, av) -> str | None:
        if op in _REPEATS:
            lo, hi, body = av
            if hi > 1:
                body_items = list(body)
                if self.ambiguous_repeats(body_items):
                    return NESTED
                if self.overlapping_branches(body_items):
                    return OVERLAPPING
            return self.sequence(list(body))
        for inner in _children(op, av):
            problem = self.sequence(list(inner))
            if problem:
                return problem
        return None

    def ambiguous_repeats(self, items: list) -> bool:
        """Whether a repeated body holds a variable quantifier not closed by a delimiter."""
        for i, (op, av) in enumerate(items):
            if op in _REPEATS:
                lo, hi, body = av
                if lo != hi:
                    inner = list(body)
                    if len(inner) != 1 or not self.delimited(inner[0], items[i + 1:]):
                        return True
                if self.ambiguous_repeats(list(body)):
                    return True
            elif op in (_POSSESSIVE, _ATOMIC):
                continue  # matched once, never given back
            elif op in (_c.ASSERT, _c.ASSERT_NOT):
                continue  # lookarounds are atomic in Python
            else:
                for inner in _children(op, av):
                    if self.ambiguous_repeats(list(inner)):
                        return True
        return False

    def delimited(self, repeated, rest: list) -> bool:
        """Whether a repeat of ``repeated`` is followed by a character it cannot match."""
        cls = _char_class(*repeated)
        if cls is None or not rest:
            return False
        after = _char_class(*rest[0])
        return after is not None and not cls.overlaps(after, self.fold)

    def overlapping_branches(self, items: list) -> bool:
        for op, av in items:
            if op == _c.BRANCH:
                alternatives = [list(a) for a in av[1]]
                for i, a in enumerate(alternatives):
                    for b in alternatives[i + 1:]:
                        if self.may_share_start(a, b):
                            return True
            if op in (_POSSESSIVE, _ATOMIC, _c.ASSERT, _c.ASSERT_NOT):
                continue
            if op in _REPEATS:
                if self.overlapping_branches(list(av[2])):
                    return True
                continue
            for inner in _children(op, av):
                if self.overlapping_branches(list(inner)):
                    return True
        return False

    def may_share_start(self, a: list, b: list) -> bool:
        """Whether two alternatives may match the same text or one a beginning of the other:
        compared character by character while both are plain characters; anything else
        (a quantifier, a group) counts as a possible overlap."""
        for x, y in zip_longest(a, b):
            if x is None or y is None:
                return True
            cx, cy = _char_class(*x), _char_class(*y)
            if cx is None or cy is None:
                return True
            if not cx.overlaps(cy, self.fold):
                return False
        return True

    def adjacent(self, items: list) -> str | None:
        """Two variable quantifiers of overlapping classes with only optional items between."""
        previous: list[tuple[_CharClass, bool]] = []
        for op, av in items:
            if op == _c.SUBPATTERN and len(av[-1]) == 1:
                op, av = list(av[-1])[0]  # (\w+) is \w+ here
            if op in _REPEATS and av[0] != av[1] and len(av[2]) == 1:
                cls = _char_class(*list(av[2])[0])
                if cls is None:
                    previous = []
                    continue
                unbounded = av[1] == _UNBOUNDED
                for other, other_unbounded in previous:
                    if (unbounded or other_unbounded) and cls.overlaps(other, self.fold):
                        return ADJACENT
                previous.append((cls, unbounded))
                if av[0] > 0:
                    previous = [(cls, unbounded)]
            elif op in (_c.AT,) or (op in _REPEATS and av[0] == 0):
                continue  # matches no character, or may be skipped
            else:
                previous = []
        return None


def _folds_locally(items: list) -> bool:
    """Whether some group turns case-insensitive matching on (``(?i:...)``)."""
    for op, av in items:
        if op == _c.SUBPATTERN and av[1] & re.IGNORECASE:
            return True
        if any(_folds_locally(list(inner)) for inner in _children(op, av)):
            return True
    return False


def _children(op, av) -> list:
    """The sub-sequences of a node (groups, alternatives, lookarounds, conditionals)."""
    if op == _c.SUBPATTERN:
        return [av[-1]]
    if op == _c.BRANCH:
        return list(av[1])
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return [av[1]]
    if op == _ATOMIC:
        return [av]
    if op == _POSSESSIVE or op in _REPEATS:
        return [av[2]]
    if op == _c.GROUPREF_EXISTS:
        return [x for x in av[1:] if x is not None]
    return []


# -- refusing a glossary ------------------------------------------------------------------


def refuse_bad_patterns(glossary, source: Callable[[], bytes] | None = None) -> None:
    """``InputError`` naming the glossary file, the line (when ``source``, the file's bytes,
    shows where the term is written) and the term, for the first pattern term that
    ``pattern_problem`` refuses. Every reader's glossary passes here
    (``qa_rules.glossary.read_glossary``), so no command runs a refused pattern."""
    from aligner.errors import InputError

    for concept in glossary.concepts:
        for term in concept.terms:
            if term.match != "pattern":
                continue
            problem = pattern_problem(term.text)
            if problem is None:
                continue
            line = _line_of_term(source(), term.text) if source is not None else None
            raise InputError(glossary.path, f"{term.lang} pattern term '{quote_pattern(term.text)}' of concept "
                             f"'{quote_pattern(concept.id)}' {problem}", line)


def _line_of_term(data: bytes, text: str) -> int | None:
    """The line of the first place ``text`` is written in a file (as XML text or as is)."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for needle in (f">{escaped}<", escaped, text):
        index = data.find(needle.encode("utf-8"))
        if index >= 0:
            return data.count(b"\n", 0, index) + 1
    return None
