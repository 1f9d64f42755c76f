"""UT03: a passage of the source left untranslated inside a translated target paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from aligner.model import OFFICIAL_LANGUAGES
from qa_rules.base import Context, Pair, Rule
from qa_rules.model import Finding, Location
from qa_rules.untranslated.detect import FUNCTION_WORDS, left_untranslated

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _words(text: str) -> list[re.Match]:
    return list(_WORD.finditer(text))


def _title(words: list[re.Match], function_words: frozenset[str]) -> bool:
    """Whether most content words are capitalized: a title or a name kept in its original
    language (*Model Legislative Provisions to Support the Needs...*), not a clause."""
    content = [m.group() for m in words if m.group().casefold() not in function_words]
    return bool(content) and sum(w[0].isupper() for w in content) * 2 >= len(content)


@lru_cache(maxsize=4096)
def _runs(source: str, min_words: int) -> tuple[frozenset[tuple[str, ...]], frozenset[str]]:
    """The runs of ``min_words`` consecutive (case-folded) words of ``source``, and the words
    they start with (a target holding none of those has no copied run). Kept for the last
    sources asked: a source paragraph is checked against every target language."""
    src = [m.group().casefold() for m in _words(source)]
    runs = frozenset(tuple(src[i:i + min_words]) for i in range(len(src) - min_words + 1))
    return runs, frozenset(run[0] for run in runs)


def copied_passages(source: str, target: str, min_words: int, function_words: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) in ``target`` of each run of at least ``min_words`` consecutive words that
    stands word for word in ``source`` and holds at least two of the source language's
    function words, most of its other words in lower case (a clause, not a name or a
    title kept in the original)."""
    grams, firsts = _runs(source, min_words)
    if not grams:
        return []
    words = [w.casefold() for w in _WORD.findall(target)]
    if firsts.isdisjoint(words):
        return []  # no source run can start anywhere in the target
    covered = [False] * len(words)
    for i in range(len(words) - min_words + 1):
        if words[i] in firsts and tuple(words[i:i + min_words]) in grams:
            for j in range(i, i + min_words):
                covered[j] = True
    if not any(covered):
        return []
    tgt = _words(target)  # the same words, with their offsets
    found, i = [], 0
    while i < len(tgt):
        if not covered[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(tgt) and covered[j + 1]:
            j += 1
        if sum(w in function_words for w in words[i:j + 1]) >= 2 and not _title(tgt[i:j + 1], function_words):
            found.append((tgt[i].start(), tgt[j].end()))
        i = j + 1
    return found


class CopiedPassage(Rule):
    """A passage of the source stands word for word in a target paragraph that is otherwise translated.

    A clause of ``min_words`` words or more, found in the source paragraph and
    in the target one, with at least two function words of the source language
    (``pour la mise en commun de ressources``), was left in the original: a
    title, a name or a citation kept as written (``Treaty Series``, ``UNODC``,
    *Model Legislative Provisions to Support the Needs and Protect the Rights of
    Victims of Terrorism*) has too few of them, or capitals on most words. A whole paragraph left untranslated is UT01's and
    UT02's. Runs when the source is English, French or Spanish.

    Flags:
        fr: Encourage l'Office à étoffer le portail de gestion des connaissances pour la mise en commun de ressources électroniques et de lois contre la criminalité ;
        en: Encourages the Office to expand the knowledge management portal pour la mise en commun de ressources électroniques et de lois contre la criminalité;

    Passes:
        fr: Encourage l'Office à étoffer le portail de gestion des connaissances pour la mise en commun de ressources électroniques et de lois contre la criminalité ;
        en: Encourages the Office to expand the knowledge management portal for Sharing Electronic Resources and Laws on Crime;

        en: Takes note of the Model Legislative Provisions to Support the Needs and Protect the Rights of Victims of Terrorism;
        fr: Prend note des Model Legislative Provisions to Support the Needs and Protect the Rights of Victims of Terrorism ;
    """

    code = "UT03"
    name = "untranslated.copied_passage"
    category = "untranslated"
    severity = "warning"
    needs_both_sides = True
    languages = OFFICIAL_LANGUAGES

    @dataclass(frozen=True)
    class Config:
        """min_words: the shortest run of source words, found word for word in the target, that is reported."""

        min_words: int = 6

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        function_words = FUNCTION_WORDS.get(pair.source.lang)
        if not function_words or pair.source.lang == pair.target.lang or left_untranslated(pair):
            return
        for unit in pair.target.units:
            for start, end in copied_passages(pair.source.text, unit.text, self.config.min_words, function_words):
                yield self.finding(
                    pair,
                    f"a passage of the {pair.source.lang} source is left untranslated in the {pair.target.lang} paragraph",
                    expected=f"a {pair.target.lang} translation",
                    found=unit.text[start:end][:80],
                    mark=(0, end - start),  # the whole passage; found shows its start
                    target=Location(pair.target.doc.path, pair.target.lang, unit.id, unit.line_at(start)),
                )
