"""Chinese words for term candidates: where a rendering may begin and end.

Chinese writes no spaces, and a rendering proposed as any run of characters
can cut a word (``义有关的国``, ``恐怖`` beside ``恐怖主义``). Two ways to find
the words, chosen by ``segmenter``:

- ``jieba`` (optional: ``pip install 'hexaglot[zh]'``): a dictionary of
  349,046 words shipped inside the package and a hidden Markov model for the
  others. Its dictionary is read from the installed package (``jieba``'s own
  loader would also write a 9 MB cache to the temporary folder and read it
  back on the next run: we build the prefix dictionary ourselves, so nothing
  is written and nothing outside the package is read); it costs about 1 s the
  first time a run needs it, then nothing.
- ``boundaries`` (always there): the text's own evidence. A position is a word
  boundary unless the two characters on one side of it are nearly always
  followed (or preceded) by the same character across the document (``恐怖``
  is followed by ``主`` in 9 of 10 places: ``恐怖|主义`` is inside a word).
- ``characters``: every character a word (what the command did before; kept
  to measure the other two against).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from typing import Callable, Iterable, Sequence

#: Segmenters ``words_of`` knows; "auto" is jieba when installed, else boundaries.
SEGMENTERS = ("auto", "jieba", "boundaries", "characters")
#: A side's two characters followed (preceded) by the same character in at least this share of
#: their occurrences (and at least twice) glue across the position: no boundary there.
GLUE = 0.8


@lru_cache(maxsize=1)
def _jieba():
    """jieba's tokenizer with its bundled dictionary, or None when jieba is not installed."""
    try:
        import jieba
    except ImportError:
        return None
    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    with tokenizer.get_dict_file() as handle:
        tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(handle)
    tokenizer.initialized = True
    return tokenizer


def available(segmenter: str) -> str:
    """The segmenter a run uses for ``segmenter`` (``auto``: ``jieba`` when it is installed)."""
    if segmenter == "auto":
        return "jieba" if _jieba() is not None else "boundaries"
    return segmenter


def splitter(texts: Iterable[str], segmenter: str = "auto") -> Callable[[str], list[str]]:
    """A function cutting a run of Han characters into words, by ``segmenter`` (``boundaries``
    learns its boundaries from ``texts``, the document's Han runs)."""
    chosen = available(segmenter)
    if chosen == "jieba":
        tokenizer = _jieba()
        if tokenizer is None:
            raise ImportError("jieba is not installed: pip install 'hexaglot[zh]'")
        return lambda run: [w for w in tokenizer.cut(run, HMM=True) if w]
    if chosen == "characters":
        return list
    glue = _glue(list(texts))
    return lambda run: _cut(run, glue)


def _glue(runs: Sequence[str]) -> tuple[dict[str, tuple[str, float, int]], dict[str, tuple[str, float, int]]]:
    after: dict[str, Counter] = defaultdict(Counter)
    before: dict[str, Counter] = defaultdict(Counter)
    for run in runs:
        for i in range(len(run) - 2):
            after[run[i:i + 2]][run[i + 2]] += 1
            before[run[i + 1:i + 3]][run[i]] += 1
    def top(table):
        result = {}
        for pair, seen in table.items():
            char, n = seen.most_common(1)[0]
            result[pair] = (char, n / sum(seen.values()), n)
        return result
    return top(after), top(before)


def _cut(run: str, glue) -> list[str]:
    after, before = glue
    words, start = [], 0
    for i in range(1, len(run)):
        left, right = run[max(0, i - 2):i], run[i:i + 2]
        glued = False
        if len(left) == 2 and left in after:
            char, share, n = after[left]
            glued = char == run[i] and share >= GLUE and n >= 2
        if not glued and len(right) == 2 and right in before:
            char, share, n = before[right]
            glued = char == run[i - 1] and share >= GLUE and n >= 2
        if not glued:
            words.append(run[start:i])
            start = i
    words.append(run[start:])
    return words
