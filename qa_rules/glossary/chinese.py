"""Chinese words for term candidates: where a rendering may begin and end.

Chinese writes no spaces, and a rendering proposed as any run of characters
can cut a word (``义有关的国``, ``恐怖`` beside ``恐怖主义``). The words, by
``segmenter``:

- ``jieba`` (optional: ``pip install 'hexaglot[zh]'``): a dictionary of
  349,046 words shipped inside the package and a hidden Markov model for the
  others. Its dictionary is read from the installed package (``jieba``'s own
  loader would also write a 9 MB cache to the temporary folder and read it
  back on the next run: we build the prefix dictionary ourselves, so nothing
  is written and nothing outside the package is read); it costs about 1 s the
  first time a run needs it, then nothing.
- ``characters`` (always there): every character a word, what the command
  does without jieba.

Measured (``benchmarks/candidates.py``, official French text against the
Chinese working version, top 30): jieba 0.77, characters 0.70; a cut learnt
from the text itself (no boundary where two characters are followed by the
same third in 80 % of their occurrences) did worse, 0.43,
and was dropped.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

#: The segmenters; "auto" is jieba when it is installed, else characters.
SEGMENTERS = ("auto", "jieba", "characters")


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
        return "jieba" if _jieba() is not None else "characters"
    return segmenter


def splitter(segmenter: str = "auto") -> Callable[[str], list[str]]:
    """A function cutting a run of Han characters into words, by ``segmenter``."""
    chosen = available(segmenter)
    if chosen == "jieba":
        tokenizer = _jieba()
        if tokenizer is None:
            raise ImportError("jieba is not installed: pip install 'hexaglot[zh]'")
        return lambda run: [w for w in tokenizer.cut(run, HMM=True) if w]
    if chosen == "characters":
        return list
    raise ValueError(f"unknown Chinese segmenter {segmenter!r}; use one of {', '.join(SEGMENTERS)}")
