"""The target equivalent of a term candidate, from co-occurrence over every aligned unit.

Rows (aligned paragraphs) are the units of evidence. For a source expression
S, found in the set of rows ``R(S)``, each target n-gram T of those rows is
scored with:

- ``coverage`` = |R(S) ∩ R(T)| / |R(S)|: T must be in most rows where S is
  (``MIN_COVERAGE``), and ``dice`` = 2|R(S) ∩ R(T)| / (|R(S)| + |R(T)|): and
  rarely elsewhere;
- ``explained``: every content word of T must be explained by some content
  word of S and the reverse. A word pair is associated by its own Dice over
  ALL rows of the document (single words recur far more than expressions, so
  their statistics are sounder) or, between Latin-script languages, by
  spelling (cognates: ``terroristes``/``terrorist``, ``électroniques``/
  ``electronic``). Word evidence from few rows is discounted (two rare words
  sharing their only two rows is what every rare word of those rows does). A word of T that nothing in S explains (``provided`` in
  ``technical assistance provided``) pulls the score down, and so does a
  word of S left without a counterpart (``Nations`` -> ``Treaty Series``); a
  target word spelled like another source word of its rows is that word's
  (competitive linking: in a list of crimes, ``cultural`` renders
  ``culturels``, not ``blanchiment``);
- a length prior: the expected number of target content words for the
  source's (``LENGTH_RATIO`` per language pair; a hyphen-joined target word
  counts its parts, ``государства-члены`` for ``États Membres``), and as many
  coordinating conjunctions on both sides.

The best T must reach ``MIN_SCORE`` and beat every rendering that shares
none of its words by ``MIN_MARGIN`` (with two rows, ``money-laundering`` and
``property`` of a list of crimes tie); otherwise there is no reliable
equivalent and none is proposed (a wrong equivalent in a terminologist's
spreadsheet costs more than an empty cell).
"""

from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache
from collections import Counter
from typing import Callable, Mapping, Sequence

from qa_rules.glossary.candidate_spans import Neighbours, allowed, extended

#: T must occur in at least this share of the rows where S occurs.
MIN_COVERAGE = 0.6
#: Below this score, no equivalent is proposed.
MIN_SCORE = 0.6
#: The best equivalent must beat any rendering sharing none of its words by this much.
MIN_MARGIN = 0.05
#: Two words spelled this much alike (difflib ratio, accents stripped) are cognates.
COGNATE = 0.7
#: A target word belongs to another source word of its rows when that word's association with it
#: is higher than any word of the expression's by this much.
CLAIM_MARGIN = 0.2
CLAIM_ROWS = 3
#: Scores this close are a tie (``best_equivalent`` then takes the longer rendering).
TIE = 0.02
#: Target characters per source content word, for a target whose words are its characters
#: (Chinese without a dictionary; a target of words has one word per word).
LENGTH_RATIO: Mapping[tuple[str, str], float] = {("fr", "zh"): 2.0, ("en", "zh"): 2.0, ("es", "zh"): 2.0,
                                                  ("ru", "zh"): 2.0, ("ar", "zh"): 2.0}
#: Content words a rendering may differ from the expected length without penalty (Russian
#: and Arabic names spell out words French leaves implicit: ``Управление``, ``المعني``).
LENGTH_SLACK = 1.0
_LATIN = frozenset({"en", "fr", "es"})


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=100_000)
def cognate(a: str, b: str) -> float:
    """How alike two words are spelled (0..1; 0 below ``COGNATE``)."""
    a, b = _fold(a), _fold(b)
    if min(len(a), len(b)) < 4:
        return 1.0 if a == b else 0.0
    ratio = SequenceMatcher(None, a, b).ratio()
    if a[:4] == b[:4] and ratio >= COGNATE - 0.15:  # critiques/critical
        return ratio
    if a[:3] != b[:3] and ratio < 0.85:
        return 0.0
    return ratio if ratio >= COGNATE else 0.0


class Evidence:
    """Word rows of both sides of a document pair, for word association."""

    def __init__(self, src_words: Sequence[Mapping[str, int]], tgt_words: Sequence[Mapping[str, int]],
                 source_lang: str, target_lang: str, target_unit: str = "word",
                 source_stem: Callable[[str], str] | None = None) -> None:
        """``src_words``, ``tgt_words``: each row's content words and how many times it has each
        (a set counts each once). ``target_unit``: ``character`` when the target's words are
        (mostly) single Chinese characters: they are shared by many words, so they neither claim
        nor get claimed, and a rendering's length is counted in characters. ``source_stem``: the
        key under which the source's inflected forms are counted together (``résolution`` and
        ``résolutions`` are two occurrences of one word for ``резолюцию`` and ``резолюции``)."""
        self.source_lang, self.target_lang = source_lang, target_lang
        self.characters = target_unit == "character"
        self.src_rows: dict[str, set[int]] = {}
        self.tgt_rows: dict[str, set[int]] = {}
        self.src_words, self.tgt_words = src_words, tgt_words
        self._src_sets = [set(words) for words in src_words]
        self.source_stem = source_stem or (lambda word: word)
        self._stem_counts: list[Counter] = [Counter() for _ in src_words]
        for index, words in enumerate(src_words):
            for w in words:
                self._stem_counts[index][self.source_stem(w)] += self._count(words, w)
        for index, words in enumerate(src_words):
            for w in words:
                self.src_rows.setdefault(w, set()).add(index)
        for index, words in enumerate(tgt_words):
            for w in words:
                self.tgt_rows.setdefault(w, set()).add(index)
        self.spelling = source_lang in _LATIN and target_lang in _LATIN
        self._cache: dict[tuple[str, str], float] = {}

    def association(self, s: str, t: str) -> float:
        key = (s, t)
        if key not in self._cache:
            a, b = self.src_rows.get(s, set()), self.tgt_rows.get(t, set())
            common = len(a & b)
            dice = 2 * common / (len(a) + len(b)) if common else 0.0
            # two rows shared by two rare words say little (every rare word of those rows
            # shares them): the evidence counts as much as common / (common + 1)
            self._cache[key] = max(dice * common / (common + 1), cognate(s, t) if self.spelling else 0.0)
        return self._cache[key]

    def claimed(self, t: str, source: Sequence[str], rows: set[int]) -> bool:
        """Whether target word ``t`` belongs to a source word outside ``source`` that is in every
        one of ``rows`` where ``t`` is, and is clearly better associated with it (competitive
        linking): between Latin-script languages a word spelled like it (``cultural`` is
        ``culturels``'s, so it cannot render ``blanchiment`` in a list that names both), in any
        pair a word that shares its rows (``relevant`` is ``pertinentes``'s, not
        ``Organisation``'s, in ``résolutions pertinentes de l'Organisation des Nations Unies``)."""
        if self.characters:
            return False  # single characters: shared by many words, no evidence of their own
        where = rows & self.tgt_rows.get(t, set())
        if not where:
            return False
        inside = max((self.association(s, t) for s in source), default=0.0)
        others = set.intersection(*(self._src_sets[i] for i in where)) - set(source)

        def accounts(s: str) -> bool:
            # a source word accounts for as many occurrences of t as it has in each row: where t
            # has more, one is left for the expression (``crime`` of ``Office on Drugs and Crime``
            # and of ``crime prevention``, for ``Office ... contre la drogue et le crime`` and
            # ``prévention de la criminalité``)
            stem = self.source_stem(s)
            return all(self._count(self.tgt_words[i], t) <= self._stem_counts[i][stem] for i in where)

        if self.spelling and not any(cognate(s, t) for s in source) \
                and any(cognate(s, t) and accounts(s) for s in others) \
                and not any(self.association(s, t) >= 0.5 and len(self.src_rows[s] & self.tgt_rows[t]) >= 2
                            for s in source):
            return True  # spelled like another word, and no word of the expression shares rows with it
        # by association: only on the evidence of CLAIM_ROWS rows or more (a row or two shared is
        # what every rare word of those rows has)
        return any(self.association(s, t) > inside + CLAIM_MARGIN
                   and len(self.src_rows[s] & self.tgt_rows[t]) >= CLAIM_ROWS and accounts(s) for s in others)

    @staticmethod
    def _count(words: Mapping[str, int] | set[str], word: str) -> int:
        return words.get(word, 0) if isinstance(words, Mapping) else int(word in words)

    def explained(self, source: Sequence[str], target: Sequence[str], rows: set[int] = frozenset()) -> float:
        """How well the content words of both sides explain each other (0..1): the mean of the
        best association of each target word with a source word, and of each source word;
        ``rows``: where the source expression is (for ``claimed``)."""
        if not source or not target:
            return 0.0
        free = [t for t in target if not self.claimed(t, source, set(rows))]
        forward = sum(max(self.association(s, t) for s in source) if t in free else 0.0 for t in target) / len(target)
        backward = sum(max((self.association(s, t) for t in free), default=0.0) for s in source) / len(source)
        return (forward + backward) / 2

    def length_prior(self, n_source: int, n_target: int) -> float:
        ratio = LENGTH_RATIO.get((self.source_lang, self.target_lang), 1.0) if self.characters else 1.0
        slack = 0.0 if self.characters else LENGTH_SLACK
        expected = n_source * ratio
        # fewer words than expected is a partial rendering; more may be words a language spells
        # out (``LENGTH_SLACK``)
        return 0.08 * (max(0.0, expected - n_target) + max(0.0, n_target - expected - slack)) / max(1.0, ratio)


def best_equivalent(source_words: Sequence[str], source_rows: set[int],
                    targets: Mapping[str, tuple[set[int], Sequence[str], int]],
                    evidence: Evidence, source_conjunctions: int = 0,
                    neighbours: Neighbours | None = None) -> tuple[str, float, float]:
    """``(target key, score, dice)`` of the best target n-gram, or ``("", score, 0.0)`` when
    none is reliable. ``targets``: key -> (its rows, its content words, its conjunctions);
    ``neighbours``: the word after each occurrence of each key, for where a rendering may
    begin and end (``candidate_spans``)."""
    scored = []
    for key, (rows, words, conj) in targets.items():
        common = len(source_rows & rows)
        if not common or common < MIN_COVERAGE * len(source_rows):
            continue
        if not allowed(key, words, source_words, source_rows, evidence, neighbours):
            continue
        dice = 2 * common / (len(source_rows) + len(rows))
        explained = evidence.explained(source_words, words, source_rows)
        # a hyphen-joined word is as many words for the length (государства-члены, money-laundering)
        size = len(words) if evidence.characters else sum(1 + w.count("-") for w in words)
        score = 0.4 * dice + 0.6 * explained - evidence.length_prior(len(source_words), size) \
            - 0.1 * abs(conj - source_conjunctions)
        scored.append((score, -len(key), key, dice, set(words)))
    if not scored:
        return "", 0.0, 0.0
    scored.sort(reverse=True)
    best_score, _, best, best_dice, best_words = scored[0]
    # a longer rendering holding the best one and scoring as well is the whole name (the Arabic
    # ``مكتب الأمم المتحدة المعني بالمخدرات`` is completed by ``والجريمة``)
    for score, _, key, dice, words in scored[1:]:
        if score >= best_score - TIE and words > best_words and f" {best} " in f" {key} ":
            best, best_dice, best_words = key, dice, words

    rival = next((score for score, _, _, _, words in scored[1:] if not words & best_words), 0.0)
    if best_score < MIN_SCORE or best_score - rival < MIN_MARGIN:
        return "", best_score, 0.0  # too weak, or another rendering with none of its words is as good
    whole = extended(best, source_rows, {key: score for score, _, key, _, _ in scored}, MIN_SCORE, source_words,
                     evidence, neighbours)
    if whole != best:
        best_score, best_dice = next((score, dice) for score, _, key, dice, _ in scored if key == whole)
        best = whole
    return best, best_score, best_dice
