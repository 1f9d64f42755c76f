"""Coordinated words inside a glossary term: where a term interrupted by a list resumes.

UN texts coordinate a term's words with others: «international[, regional and subregional]
cooperation» holds «international cooperation», «secteurs [public et] privé» holds «secteur
privé». ``resume_points`` tells the matcher where the term's next word may stand.
"""

from __future__ import annotations

import re

from qa_rules.glossary.normalise import CONJUNCTIONS

#: The most words a coordinated list may name before the term resumes.
MAX_LISTED = 6


def resume_points(lang: str, pos: int, surfaces: list[str], tokens: list[re.Match], text: str) -> list[int]:
    """Where a term's next word may resume when the words from ``pos`` coordinate with the
    term's previous word (``Matcher._gapped``): token indices, nearest first."""
    conjunctions = CONJUNCTIONS.get(lang, frozenset())
    n = len(surfaces)

    def sep(k: int) -> str:  # what stands between token k - 1 and token k
        return text[tokens[k - 1].end():tokens[k].start()].strip() if 0 < k < n else ""

    if lang == "zh":  # characters: [、 a list of them] a conjunction and up to three of them
        k = pos
        if sep(pos) == "、":  # 国际[、区域和次区域]合作
            while k < n and k - pos < 3 * MAX_LISTED and surfaces[k] not in conjunctions \
                    and sep(k + 1) in ("", "、"):
                k += 1
        return [k + 1 + skip for skip in (1, 2, 3)] if k < n and surfaces[k] in conjunctions else []

    def item_end(k: int) -> int:  # one word, its hyphen- or apostrophe-joined parts included
        k += 1
        while k < n and sep(k) in ("-", "'", "’"):
            k += 1
        return k

    def conjunction(k: int) -> bool:
        return k < n and surfaces[k].casefold() in conjunctions

    if conjunction(pos) or sep(pos) == ",":
        # the term's previous word opens a list: «international[, regional and] subregional
        # cooperation», «technical [and legislative] assistance»
        k = pos
        for _ in range(MAX_LISTED):
            if conjunction(k):
                break
            k = item_end(k)
            if sep(k) != "," and not (conjunction(k) and sep(k) == ""):
                return []
        if not conjunction(k) or k + 1 >= n:
            return []
        last = item_end(k + 1)  # the list's last item, one or two words, then the term resumes
        return [last, item_end(last)]
    # the term's previous word is followed by a list ending with a conjunction, and the term
    # resumes at one of its later items: «secteurs [public et] privé», «coopération
    # [internationale, régionale et] sous-régionale», «coopération [internationale,] régionale»
    starts, k = [], item_end(pos)
    for _ in range(MAX_LISTED):
        if conjunction(k) and sep(k) in (",", ""):
            return starts + [k + 1]
        if sep(k) != "," or k >= n:
            return []
        starts.append(k)
        k = item_end(k)
    return []
