"""The target side of term candidates: each row's target n-grams, the words beside them, and
the word evidence of both sides.

A target n-gram is keyed by its words' keys (``candidates._word_key``: Russian
and Arabic by stems, merged within the document by ``candidate_stems``;
Chinese words cut by ``chinese.splitter``). Each occurrence keeps where it is
and the words after it (``candidate_spans.Neighbours``), for where a rendering
may begin and end; ``unexplained`` leaves out the occurrences inside renderings
already given to other candidates.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Mapping

from qa_rules.glossary.candidate_stems import stem_merges
from qa_rules.glossary.candidates import (_HAN, _WORD, STEMMED_TARGETS, TARGET_WORDS, _chunks, _content, _ngrams,
                                          _word_key, _words)
from qa_rules.glossary.equivalents import MIN_COVERAGE, Evidence
from qa_rules.glossary.normalise import word_key
from qa_rules.glossary.stopwords import POSTPOSITIONS, conjunctions, is_stopword


def target_side(rows, source_lang: str, target_lang: str | None, segmenter: str = "auto"):
    """Word evidence of both sides, each row's target n-grams (key -> rows, content words), each
    target n-gram's surface forms by row, and the word after each of its occurrences
    (``candidate_spans.Neighbours``)."""
    if not target_lang:
        return None, {}, {}, {}, {}
    stem = target_lang in STEMMED_TARGETS
    merges = stem_merges((part for _, tgt in rows for w in _WORD.findall(tgt) for part in w.split("-")),
                         target_lang) if stem else {}
    cut = None
    if target_lang == "zh":
        from qa_rules.glossary.chinese import available, splitter

        cut = splitter(segmenter)
        segmenter = available(segmenter)
    src_words, tgt_words = [], []
    targets_of_row: dict[int, set[str]] = defaultdict(set)
    tgt_rows: dict[str, set[int]] = defaultdict(set)
    tgt_content: dict[str, list[str]] = {}
    tgt_conj: dict[str, int] = {}
    tgt_forms: dict[str, list[tuple[int, str]]] = defaultdict(list)
    neighbours: dict[str, list[tuple[int, int, int, tuple[str, ...]]]] = defaultdict(list)
    for index, (src, tgt) in enumerate(rows):
        src_words.append(Counter(_content(_words(src, source_lang), source_lang)))
        if cut is not None:
            grams = list(_chinese_ngrams(tgt, cut, 12 if segmenter == "characters" else 8))
            tgt_words.append(Counter(w for _, _, words, _ in grams if len(words) == 1 for w in words if not _zh_stop(w)))
        else:
            grams = [(key, text, None, (start, end, _after(tgt, end, target_lang, stem, merges)))
                     for key, text, start, end in _ngrams(tgt, target_lang, 1, TARGET_WORDS, stem=stem, merges=merges)]
            tgt_words.append(Counter(_word_key(w, target_lang, stem, merges)
                                     for w in _content(_words(tgt, target_lang), target_lang)))
        for key, text, words, after in grams:
            tgt_rows[key].add(index)
            tgt_forms[key].append((index, text))
            neighbours[key].append((index, *after))
            targets_of_row[index].add(key)
            if key in tgt_content:
                continue
            if words is not None:
                tgt_content[key] = [w for w in words if not _zh_stop(w)]
                tgt_conj[key] = conjunctions(words, target_lang)
            else:
                surface = _words(text, target_lang)
                tgt_content[key] = [_word_key(w, target_lang, stem, merges) for w in _content(surface, target_lang)]
                tgt_conj[key] = conjunctions(surface, target_lang)
    unit = "character" if segmenter == "characters" else "word"
    evidence = Evidence(src_words, tgt_words, source_lang, target_lang, target_unit=unit,
                        source_stem=lambda word: word_key(word, source_lang))
    info = {key: (tgt_rows[key], tgt_content[key], tgt_conj[key]) for key in tgt_rows}
    return evidence, targets_of_row, info, tgt_forms, neighbours


_NEXT = re.compile(r"\s+([^\W\d_]+(?:-[^\W\d_]+)*)")


def _after(text: str, end: int, lang: str, stem: bool, merges: Mapping[str, str]) -> tuple[str, ...]:
    """The keys of the words after ``end`` in the same stretch of text (``candidate_spans.Neighbours``):
    the next word, and when it opens a phrase (``_governs``) the words up to the first content word
    of that phrase; () after punctuation."""
    words = []
    while len(words) < _AFTER_WORDS:
        found = _NEXT.match(text, end)
        if found is None:
            return ()
        word, end = found.group(1), found.end()
        words.append(_word_key(word, lang, stem, merges))
        if not (_governs(word, lang) if len(words) == 1 else is_stopword(word, lang)):
            return tuple(words)
    return ()


#: Words looked at after a rendering: a function word or two, then a content word.
_AFTER_WORDS = 4


def _governs(word: str, lang: str) -> bool:
    """Whether a function word opens a phrase after it: not a conjunction, not a postposition."""
    return is_stopword(word, lang) and not conjunctions([word], lang) and word not in POSTPOSITIONS.get(lang, ())


def _zh_after(words: list[str], at: int) -> tuple[str, ...]:
    """``_after`` of Chinese words: from ``words[at]`` (end of a run of Han characters: ())."""
    after = tuple(words[at:at + _AFTER_WORDS])
    if not after or not (len(after[0]) == 1 and _governs(after[0], "zh")):
        return after[:1]
    for n, word in enumerate(after[1:], 2):
        if not _zh_stop(word):
            return after[:n]
    return ()


def _zh_stop(word: str) -> bool:
    return len(word) == 1 and is_stopword(word, "zh")


def _chinese_ngrams(text: str, cut, max_n: int):
    """(key, surface, words, (start, end, words after: ``_after``)) of the n-grams of Chinese words of ``text`` (``chinese.splitter``), within punctuation chunks; none begins or
    ends with a function character."""
    for base, piece in _chunks(text):
        for run in _HAN.finditer(piece):
            words = cut(run.group())
            offsets = [base + run.start()]
            for word in words:
                offsets.append(offsets[-1] + len(word))
            for i in range(len(words)):
                if _zh_stop(words[i]):
                    continue
                for n in range(1, max_n + 1):
                    if i + n > len(words):
                        break
                    gram = words[i:i + n]
                    if _zh_stop(gram[-1]):
                        continue
                    yield " ".join(gram), "".join(gram), gram, (offsets[i], offsets[i + n], _zh_after(words, i + n))


def unexplained(info, occurrences, rows: set[int], rendered: Mapping[int, list[tuple[int, int]]]):
    """A target n-gram's ``(rows, content words, conjunctions)``, its rows reduced to those where it
    occurs outside the renderings given to the candidates before: inside one, another source
    expression accounts for it. ``Организации Объединенных Наций`` is in 43 rows of
    E/RES/2023/26, 38 of them only inside ``Управление Организации Объединенных Наций по
    наркотикам и преступности``; it renders ``Organisation des Nations Unies`` in the 5 others."""
    target_rows, words, conj = info
    if len(target_rows & rows) < MIN_COVERAGE * len(rows) or not any(r in rendered for r in target_rows):
        return info
    free = {row for row, start, end, *_ in occurrences
            if not any(s <= start and end <= e for s, e in rendered.get(row, ()))}
    return free, words, conj
