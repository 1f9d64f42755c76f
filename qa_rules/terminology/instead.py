"""What a target wrote where a glossary term is missing (TE01's ``found``).

The span of the target that stands for the missing term is the run of target
words that share most words with one of the term's accepted equivalents (in
any inflected form) or with the source term itself (a calque keeps the source
word's first letters: «combatants» for «combattants», «Pact» for «Pacte»). A run may hold one
other word between two such words (``building of capacity``). The span is
given only when it holds at least two of those words and at least half of the
equivalent's words, one of them a word of the equivalent: a single shared
word (``terrorist``, which every paragraph of a counter-terrorism resolution
holds) says nothing about where the term went. When no span qualifies, or two
equally good ones do, nothing is said rather than a guess.

>>> text = "and secure the conviction of foreign terrorist combatants and those who support them,"
>>> span = written_instead(text, "en", "combattants terroristes étrangers", ("foreign terrorist fighter", "FTF"))
>>> text[span[0]:span[1]]
'foreign terrorist combatants'
>>> written_instead("Requests the Office to assist terrorist groups", "en", "combattants terroristes étrangers",
...                 ("foreign terrorist fighter",)) is None
True
"""

from __future__ import annotations

import unicodedata
from typing import Sequence

from qa_rules.glossary.normalise import tokenize
from qa_rules.glossary.stopwords import is_stopword

#: How many first letters a target word must share with a source term word to be its calque
#: (fewer when either word is shorter, down to ``CALQUE_MIN``: «Pact» for «Pacte»).
CALQUE_PREFIX = 5
CALQUE_MIN = 4
#: How many other words may stand between two words of a span.
GAP = 1


def _letters(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _is_calque(word: str, source_words: list[str]) -> bool:
    if len(word) < CALQUE_MIN:
        return False
    for source in source_words:
        n = min(CALQUE_PREFIX, len(word), len(source))
        if word[:n] == source[:n]:
            return True
    return False


def _content(text: str, lang: str) -> list:
    return [t for t in tokenize(text, lang) if not is_stopword(t.surface, lang)]


def written_instead(target: str, lang: str, source_term: str, expected: Sequence[str],
                    source_lang: str = "") -> tuple[int, int] | None:
    """The ``(start, end)`` offsets in ``target`` of what it wrote for the missing term, or None.

    ``expected`` are the term's accepted equivalents in ``lang``; ``source_term`` is the
    term as the source has it (its words count when the target keeps their first letters)."""
    tokens = tokenize(target, lang)
    if not tokens:
        return None
    calques = [_letters(t.surface) for t in _content(source_term, source_lang or lang)
               if len(t.surface) >= CALQUE_MIN and t.surface.isalpha()]
    best: tuple[int, int, int, int] | None = None  # (shared words, -tokens, start token, end token)
    tie = False
    for term in expected:
        keys = [t.key for t in _content(term, lang)]
        if not keys:
            continue
        wanted = set(keys)
        hits = []  # (token index, the equivalent's key it matches or None for a calque)
        for i, token in enumerate(tokens):
            if token.key in wanted:
                hits.append((i, token.key))
            elif _is_calque(_letters(token.surface), calques):
                hits.append((i, None))
        for run in _runs(hits):
            window = _best_window(run, len(tokenize(term, lang)))
            shared = {key for _, key in window if key is not None}
            words = len(shared) + sum(1 for _, key in window if key is None)
            if not shared or words < 2 or 2 * words < len(wanted):
                continue
            first, last = _extend(tokens, target, lang, window[0][0], window[-1][0], keys, shared)
            candidate = (words, first - last, first, last)
            if best is None or candidate[:2] > best[:2]:
                best, tie = candidate, False
            elif candidate[:2] == best[:2] and candidate[2:] != best[2:]:
                tie = True
    if best is None or tie:
        return None
    return tokens[best[2]].start, tokens[best[3]].end


def _runs(hits: list) -> list[list]:
    """The hits in runs, at most ``GAP`` other words between two hits of a run."""
    runs: list[list] = []
    for hit in hits:
        if runs and hit[0] - runs[-1][-1][0] <= GAP + 1:
            runs[-1].append(hit)
        else:
            runs.append([hit])
    return runs


def _best_window(run: list, size: int) -> list:
    """The hits of ``run`` within about ``size`` tokens (the equivalent's length; one more
    word for a term of one or two) that share most words, then hold most hits, then are
    tightest: a run may go on into the next phrase («foreign terrorists and terrorist groups»)."""
    def value(window: list) -> tuple:
        shared = {key for _, key in window if key is not None}
        words = len(shared) + sum(1 for _, key in window if key is None)
        return words, len(window), -(window[-1][0] - window[0][0]), -window[0][0]

    limit = max(size, 1) + (GAP if size <= 2 else 0)  # «building of capacity» for «capacity-building»
    windows = [run[i:j + 1] for i in range(len(run)) for j in range(i, len(run))
               if run[j][0] - run[i][0] < limit]
    return max(windows, key=value)


def _extend(tokens: list, text: str, lang: str, first: int, last: int, keys: list[str],
            shared: set[str]) -> tuple[int, int]:
    """The span widened over the words the target put where the equivalent's unmatched first
    or last words stand («воинствующего» before «экстремизма, ведущего к терроризму» for
    «насильственный экстремизм, ведущий к терроризму»): as many content words as the
    equivalent lacks at that end, each joined to the span by a space or hyphen only."""
    matched = [i for i, key in enumerate(keys) if key in shared]
    if not matched:
        return first, last
    before, after = matched[0], len(keys) - 1 - matched[-1]
    for _ in range(before):
        if first == 0 or not _joinable(tokens[first - 1], tokens[first], text, lang):
            break
        first -= 1
    for _ in range(after):
        if last + 1 >= len(tokens) or not _joinable(tokens[last], tokens[last + 1], text, lang):
            break
        last += 1
    return first, last


def _joinable(left, right, text: str, lang: str) -> bool:
    """Whether two neighbouring tokens belong to one phrase: nothing but a space or hyphen
    between them, and the outer one is not a function word."""
    between = text[left.end:right.start]
    if between.strip(" -\u00a0") != "":
        return False
    return not (is_stopword(left.surface, lang) or is_stopword(right.surface, lang))
