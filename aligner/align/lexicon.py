"""A bilingual lexicon learned from the documents themselves (second pass).

After a first alignment, word pairs that co-occur in aligned beads far more
than chance (Dice coefficient over beads) are taken as translations. Each
learned pair becomes a shared key (``~n``) added to the segments holding its
words, so the second pass rewards beads whose words translate each other.
Very frequent words (function words) are left out: they link everything.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Sequence

from aligner.align.features import Segment


def learn_lexicon(src: Sequence[Segment], tgt: Sequence[Segment], links: Sequence[tuple[Sequence[int], Sequence[int]]],
                  min_count: int = 2, min_dice: float = 0.5, max_share: float = 0.08,
                  memo: dict | None = None) -> dict[tuple[str, str], float]:
    """Word pairs (src word, tgt word) with their Dice score over ``links``.

    ``memo``: a dict the caller keeps for these very ``src`` segments (the
    pivot's, aligned with each version in turn): the source side's word classes
    are kept there by the links' source sides, and read again by a version
    whose beads take the same source segments (in official versions, most)."""
    links = [(s, t) for s, t in links if s and t]
    if len(links) < 5:
        return {}

    # words that occur in exactly the same beads are one class: they co-occur with
    # every other word alike, so pairs are counted between classes (a repeated
    # text's words fall into few classes, and the count stays linear in it)
    cap = max(min_count, int(max_share * len(links)))
    key = None
    classes_s = None
    if memo is not None:
        key = ("lexicon source classes", min_count, cap, tuple(tuple(s) for s, _ in links))
        classes_s = memo.get(key)
    if classes_s is None:
        occ_s: dict[str, list[int]] = defaultdict(list)
        for n, (s, _) in enumerate(links):
            for w in _words(src, s):
                occ_s[w].append(n)
        classes_s = _classes(occ_s, min_count, cap, len(links))[0]
        del occ_s  # the classes hold what is needed of it
        if key is not None:
            memo[key] = classes_s
    occ_t: dict[str, list[int]] = defaultdict(list)
    for n, (_, t) in enumerate(links):
        for w in _words(tgt, t):
            occ_t[w].append(n)
    classes_t, in_bag_t = _classes(occ_t, min_count, cap, len(links))
    del occ_t
    # each bead's target classes in order of frequency: the partners a source
    # class may have there are then one slice (Dice >= min_dice needs
    # 2 * min(fa, fb) >= min_dice * (fa + fb), an interval of fb around fa)
    freq_t = [len(where) for _, where in classes_t]
    bags_t = [sorted(kt, key=freq_t.__getitem__) for kt in in_bag_t]
    del in_bag_t
    bag_freqs = [[freq_t[b] for b in kt] for kt in bags_t]
    bag_sets = [set(kt) for kt in bags_t] if min_count == 2 else []
    target_freqs = sorted(set(freq_t))
    ranges: dict[int, tuple[int, int]] = {}
    scored = {}
    for word_a, where in classes_s:
        fa = len(where)
        span = ranges.get(fa)
        if span is None:
            allowed = [fb for fb in target_freqs if 2 * min(fa, fb) >= min_dice * (fa + fb)]
            span = ranges[fa] = (allowed[0], allowed[-1]) if allowed else (1, 0)
        low, high = span
        if low > high:
            continue
        if min_count == 2 and fa <= 10:
            # the default count, a class in a few beads: the classes found in two of its
            # beads or more by set operations (a class in many beads: counted, below)
            seen: set[int] = set()
            twice: set[int] = set()
            for n in where:
                bag = bag_sets[n]
                twice |= seen & bag
                seen |= bag
            for b in twice:
                fb = freq_t[b]
                if low <= fb <= high:
                    c = 0
                    for n in where:
                        if b in bag_sets[n]:
                            c += 1
                    dice = 2.0 * c / (fa + fb)
                    if dice >= min_dice:
                        scored[(word_a, classes_t[b][0])] = dice  # (the first word of a class: below)
            continue
        found: list[int] = []
        for n in where:
            freqs = bag_freqs[n]
            if freqs:
                found += bags_t[n][bisect_left(freqs, low):bisect_right(freqs, high)]
        if len(found) < min_count:
            continue
        for b, c in Counter(found).items():
            if c >= min_count:
                dice = 2.0 * c / (fa + freq_t[b])
                if dice >= min_dice:
                    # of a class, only its first word can be kept: with ties broken in
                    # word order, every word's best partner is the first of a class
                    scored[(word_a, classes_t[b][0])] = dice
    # keep each word's best partner only, in both directions; of equal scores, the
    # partner first in word order (the same in every run)
    best_s: dict[str, tuple[float, str]] = {}
    best_t: dict[str, tuple[float, str]] = {}
    for (a, b), d in scored.items():
        held = best_s.get(a)
        if held is None or d > held[0] or (d == held[0] and b < held[1]):
            best_s[a] = (d, b)
        held = best_t.get(b)
        if held is None or d > held[0] or (d == held[0] and a < held[1]):
            best_t[b] = (d, a)
    return {(a, b): d for (a, b), d in scored.items() if best_s[a][1] == b and best_t[b][1] == a}


def _words(segments: Sequence[Segment], indices: Sequence[int]) -> frozenset[str]:
    """The distinct words of a bead's segments, numbers left out (they are keys already)."""
    if len(indices) == 1:
        return segments[indices[0]].words
    return frozenset().union(*[segments[k].words for k in indices])


def _classes(occurrences: dict[str, list[int]], low: int, high: int, bags: int
             ) -> tuple[list[tuple[str, tuple[int, ...]]], list[list[int]]]:
    """Words of frequency ``low..high`` grouped by the beads they occur in: each
    class as (its first word, its beads), and the classes present in each bead."""
    first: dict[tuple[int, ...], str] = {}
    for word, where in occurrences.items():
        if low <= len(where) <= high:
            key = tuple(where)
            if key not in first or word < first[key]:
                first[key] = word
    classes = [(word, where) for where, word in first.items()]
    in_bag: list[list[int]] = [[] for _ in range(bags)]
    for k, (_, where) in enumerate(classes):
        for n in where:
            in_bag[n].append(k)
    return classes, in_bag


def with_lexicon(src: Sequence[Segment], tgt: Sequence[Segment], lexicon: dict[tuple[str, str], float]
                 ) -> tuple[list[Segment], list[Segment]]:
    """Copies of the segments with a shared key for each learned pair they hold."""
    key_s: dict[str, str] = {}
    key_t: dict[str, str] = {}
    for n, (a, b) in enumerate(sorted(lexicon)):
        key_s[a] = key_t[b] = f"~{n}"
    return _with_keys(src, key_s), _with_keys(tgt, key_t)


def _with_keys(segments: Sequence[Segment], key_of: dict[str, str]) -> list[Segment]:
    """Each segment with the key of each of its tokens in ``key_of`` added; a
    segment with none is kept as it is (with what it has computed of itself)."""
    out = []
    # a learned pair never holds a number (``Segment.words``), a given lexicon might
    numbers = any(w.isdigit() for w in key_of)
    for seg in segments:
        if seg.words.isdisjoint(key_of) and not (numbers and any(w in key_of for w in seg.tokens)):
            out.append(seg)
        else:
            keys = seg.keys + tuple(key_of[w] for w in seg.tokens if w in key_of)
            out.append(Segment(text=seg.text, length=seg.length, tokens=seg.tokens, keys=keys, role=seg.role))
    return out


def glossary_keys(src: Sequence[Segment], tgt: Sequence[Segment], pairs: Sequence[tuple[str, str]]
                  ) -> tuple[list[Segment], list[Segment]]:
    """Shared keys for glossary pairs (source term, target term), matched as
    lowercase substrings of the segment text."""
    if not pairs:
        return list(src), list(tgt)
    new_src, new_tgt = [], []
    norm = [(a.lower(), b.lower()) for a, b in pairs if a.strip() and b.strip()]
    for s in src:
        low = s.text.lower()
        new_src.append(replace(s, keys=s.keys + tuple(f"g{n}" for n, (a, _) in enumerate(norm) if a in low)))
    for t in tgt:
        low = t.text.lower()
        new_tgt.append(replace(t, keys=t.keys + tuple(f"g{n}" for n, (_, b) in enumerate(norm) if b in low)))
    return new_src, new_tgt
