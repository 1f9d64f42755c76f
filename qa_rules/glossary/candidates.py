"""New-term candidates from an aligned source and target: what a terminologist should record next.

Source side: recurring expressions of two to ten words (Chinese: two to
eight characters) that neither begin nor end with a function word
(``stopwords``), do not overlap a term already in the glossaries, and occur
in at least ``min_rows`` aligned rows. An expression only ever seen inside a
longer candidate is folded into it. Candidates are ranked by
``rows x log2(1 + words)`` (frequent and long first).

Target side (``candidate_targets``): for each candidate, in rank order, the
target n-gram (up to ``TARGET_WORDS`` words; Chinese words by
``chinese.splitter``) whose rows best coincide with the candidate's and whose
words best explain its words (``equivalents.best_equivalent``), bounded by the
words beside it (``candidate_spans``); occurrences inside the renderings
already given to higher-ranked candidates do not count against it.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Collection, Mapping, Sequence

from aligner.model import Alignment
from qa_rules.glossary.matcher import matcher_for
from qa_rules.glossary.model import Glossary
from qa_rules.glossary.normalise import surface_form, word_key
from qa_rules.glossary.equivalents import best_equivalent
from qa_rules.glossary.stopwords import ARTICLES, VERB_ENDINGS, breaks_term, conjunctions, is_phrase_not_term, is_stopword, is_verb_phrase

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # apostrophes split: l'Office -> l, Office
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_CHUNK = re.compile(r"[.;:,!?()\[\]«»“”\"؛،。；：，！？（）《》〈〉、\d]+")


@dataclass(frozen=True)
class Candidate:
    source: str
    rows: int
    occurrences: int
    score: float
    target: str
    dice: float
    example_source: str
    example_target: str
    confidence: float = 0.0

    def as_dict(self) -> dict:
        return {"source": self.source, "rows": self.rows, "occurrences": self.occurrences,
                "score": round(self.score, 3), "target": self.target, "dice": round(self.dice, 3),
                "confidence": round(self.confidence, 3),
                "example_source": self.example_source, "example_target": self.example_target}


#: Target languages whose n-grams are keyed by word stems: their renderings are inflected
#: (Russian cases, Arabic clitics and article), so one rendering has many surface forms and
#: none of them alone covers the rows of the source expression.
STEMMED_TARGETS = frozenset({"ru", "ar"})


def _word_key(word: str, lang: str, stem: bool, merges: Mapping[str, str] | None = None) -> str:
    """How n-grams compare a word: its case-folded form, or (``stem``) the glossary matcher's
    key of each hyphen-joined part (``государства-члены``, ``государств-членов``), merged by
    ``merges`` (``candidate_stems.stem_merges``)."""
    if not stem:
        return surface_form(word).casefold()
    keys = (word_key(part, lang) for part in word.split("-"))
    return "-".join(merges.get(k, k) for k in keys) if merges else "-".join(keys)


def _ngrams(text: str, lang: str, min_n: int, max_n: int, stem: bool = False,
            merges: Mapping[str, str] | None = None):
    """(normalised key, surface, start, end) of the n-grams of ``text``, within punctuation chunks."""
    for chunk in _chunks(text):
        base, piece = chunk
        if lang == "zh":
            for run in _HAN.finditer(piece):
                s = run.group()
                for i in range(len(s)):
                    for n in range(max(min_n, 2), min(max_n, 10) + 1):
                        if i + n > len(s):
                            break
                        gram = s[i:i + n]
                        if is_stopword(gram[0], lang) or is_stopword(gram[-1], lang):
                            continue
                        start = base + run.start() + i
                        yield gram, gram, start, start + n
            continue
        words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(piece)]
        for i in range(len(words)):
            if is_stopword(words[i][0], lang) or len(words[i][0]) < 2:
                continue
            for n in range(min_n, max_n + 1):
                if i + n > len(words):
                    break
                last = words[i + n - 1][0]
                if is_stopword(last, lang) or len(last) < 2:
                    continue
                if breaks_term([w for w, _, _ in words[i:i + n]], lang):
                    break  # a longer n-gram from here holds the same word
                start, end = base + words[i][1], base + words[i + n - 1][2]
                key = " ".join(_word_key(w, lang, stem, merges) for w, _, _ in words[i:i + n])
                yield key, text[start:end], start, end


def _chunks(text: str):
    pos = 0
    for sep in _CHUNK.finditer(text):
        if sep.start() > pos:
            yield pos, text[pos:sep.start()]
        pos = sep.end()
    if pos < len(text):
        yield pos, text[pos:]


def _italic_openers(alignment: Alignment, lang: str) -> tuple[frozenset[str], dict[str, int]]:
    """The italic verbs that open paragraphs (*Prenant note avec satisfaction*, *Rappelant*,
    *Prie*): resolution phrasing, never terms. Returns the first words of all of them (an
    expression starting with one, wherever it recurs in running text, is left out) and, per
    unit, where its opening italics end (an expression starting inside them is left out)."""
    doc = alignment.documents.get(lang)
    words, ends = set(), {}
    for unit in doc.units if doc is not None else ():
        for span in unit.italic:
            if span.start <= 1:
                ends[unit.id] = span.end
                first = _WORD.search(unit.text[span.start:span.end])
                if first:
                    words.add(surface_form(first.group()).casefold())
    return frozenset(words), ends


def _nouns(texts: Sequence[str], lang: str) -> frozenset[str] | None:
    """The words ``texts`` write after an article (``stopwords.ARTICLES``), case-folded; None for
    a language without articles."""
    articles = ARTICLES.get(lang)
    if not articles:
        return None
    found = set()
    for text in texts:
        words = [surface_form(w).casefold() for w in _WORD.findall(text)]
        found.update(after for before, after in zip(words, words[1:]) if before in articles)
    return frozenset(found)


def _noun_bounded(key: str, nouns: frozenset[str], lang: str) -> bool:
    """Whether a lower-case expression begins with a noun (a word the text writes after an
    article) and does not end with a verb form the text never writes after one (an infinitive,
    a present participle, a third person plural: ``extrémisme violent pouvant conduire``,
    ``criminalité transnationale organisée varient``)."""
    words = key.split(" ")
    if words[0] not in nouns:
        return False
    verb = VERB_ENDINGS.get(lang)
    return not (verb and words[-1] not in nouns and any(w not in nouns and verb.search(w) for w in words[1:]))


def _content(words: Sequence[str], lang: str) -> list[str]:
    if lang == "zh":
        return [ch for w in words for ch in w if not is_stopword(ch, lang)]
    return [w for w in words if not is_stopword(w, lang) and len(w) > 1]


def candidates(alignment: Alignment, glossaries: Sequence[Glossary] = (), target_lang: str | None = None,
               min_rows: int = 2, limit: int = 200, only: str | None = None,
               rejected: Collection[tuple[str, str]] = frozenset(), segmenter: str = "auto",
               with_unmatched: bool = False) -> list[Candidate]:
    """The new-term candidates of the pair that have a reliable target equivalent, best first
    (``only``: that one n-gram key, for ``equivalent``; ``with_unmatched``: followed by those
    without one, ``Candidate.target`` ""). ``rejected``: ``(lang, key)`` of the expressions
    decided not to be terms (``rejected.rejected_keys``), never proposed again. ``segmenter``:
    how a Chinese target is cut into words (``chinese.SEGMENTERS``)."""
    source_lang = alignment.pivot
    target_lang = target_lang or next((l for l in alignment.languages if l != source_lang), None)
    rows = []
    openers, opening_end = _italic_openers(alignment, source_lang)
    italic_end = []
    # the target's own pairs with the pivot where the aligner made them (a merge is one pair there)
    for row in (alignment.pair_rows.get(target_lang) if target_lang else None) or alignment.rows:
        src = row.cells.get(source_lang)
        tgt = row.cells.get(target_lang) if target_lang else None
        if src is not None and src.text.strip():
            rows.append((src.text, tgt.text if tgt is not None else ""))
            italic_end.append(opening_end.get(src.units[0], 0) if src.units else 0)
    known = matcher_for(glossaries, source_lang) if glossaries else None
    nouns = _nouns([src for src, _ in rows], source_lang)
    src_rows: dict[str, set[int]] = defaultdict(set)
    src_count: dict[str, int] = defaultdict(int)
    surface: dict[str, tuple[str, int]] = {}
    forms: dict[str, Counter] = defaultdict(Counter)
    seen: Counter = Counter()  # every expression, a phrase or not: what a candidate may be part of
    for index, (src, _) in enumerate(rows):
        taken = [(m.start, m.end) for m in known.find(src, nested=True)] if known else []
        for key, text, start, end in _ngrams(src, source_lang, 2, 10 if source_lang != "zh" else 8):
            if any(start < e and s < end for s, e in taken) or (source_lang, key) in rejected:
                continue
            seen[key] += 1
            if only is not None:
                if key != only:
                    continue
            elif start < italic_end[index] or key.split(" ", 1)[0] in openers or is_verb_phrase(text, source_lang) \
                    or is_phrase_not_term(_WORD.findall(text), source_lang) \
                    or (nouns is not None and text[:1].islower() and not _noun_bounded(key, nouns, source_lang)):
                continue
            src_rows[key].add(index)
            src_count[key] += 1
            surface.setdefault(key, (text, index))
            forms[key][text] += 1
    pool = {k: r for k, r in src_rows.items() if len(r) >= min_rows}
    if only is not None:
        scored = [(float(len(rows_)), key) for key, rows_ in pool.items()]
    else:
        scored = [(score, key) for key, score in termhood(pool, src_count, source_lang, seen).items()]
    scored.sort(key=lambda item: (-item[0], item[1]))
    from qa_rules.glossary.candidate_targets import target_side, unexplained

    evidence, targets_of_row, tgt_info, tgt_forms, neighbours = target_side(rows, source_lang, target_lang,
                                                                            segmenter)
    matched, unmatched = [], []
    # row -> (start, end, source key) of the renderings given so far
    rendered: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for score, key in scored:
        if len(matched) >= limit or len(matched) + len(unmatched) >= EQUIVALENT_SEARCH * limit:
            break
        rows_a = pool[key]
        source_words = _content(key.split(" ") if source_lang != "zh" else [key], source_lang)
        # a longer candidate holding this one renders it too: its rendering explains nothing away
        others = {row: [(s, e) for s, e, holder in spans if not _holds(holder, key, source_lang)]
                  for row, spans in rendered.items()}
        options = {t: unexplained(tgt_info[t], neighbours[t], rows_a, others)
                   for t in {t for i in rows_a for t in targets_of_row.get(i, ())}}
        conj = conjunctions(key.split(" ") if source_lang != "zh" else [key], source_lang)
        best, confidence, dice = best_equivalent(source_words, rows_a, options, evidence, conj, neighbours) \
            if evidence \
            else ("", 0.0, 0.0)
        for row, start, end, *_ in neighbours.get(best, ()) if best else ():
            if row in rows_a:
                rendered[row].append((start, end, key))
        _, first_row = surface[key]
        source_text = forms[key].most_common(1)[0][0]
        (matched if best else unmatched).append(Candidate(
            source=source_text, rows=len(rows_a), occurrences=src_count[key], score=score,
            target=_rendering(tgt_forms[best], rows_a, source_text) if best else "", dice=dice,
            confidence=confidence, example_source=rows[first_row][0], example_target=rows[first_row][1],
        ))
    # a candidate with its equivalent is one a terminologist can decide: without one, a source
    # expression seen in a few rows is as often a fragment as a term (the others on request)
    if not target_lang:
        return unmatched[:limit]
    return (matched + unmatched)[:limit] if with_unmatched else matched[:limit]


#: The longest target rendering tried, in words: the Spanish name of UNODC is eleven («Oficina de
#: las Naciones Unidas contra la Droga y el Delito»), that of the Global Counter-Terrorism
#: Coordination Compact twelve; cut at ten they were proposed without their head.
TARGET_WORDS = 14
#: An expression with this share of its occurrences inside one longer candidate is part of it.
FOLD = 0.6
#: How many candidates (times ``limit``) are given an equivalent before the list is cut: those
#: with a reliable equivalent come first.
EQUIVALENT_SEARCH = 3


def _holds(longer: str, key: str, lang: str) -> bool:
    """Whether n-gram key ``longer`` holds ``key`` (Chinese: as characters; else as words)."""
    return key in longer if lang == "zh" else f" {key} " in f" {longer} "


def termhood(pool: dict[str, set[int]], counts: dict[str, int], lang: str,
             seen: dict[str, int] | None = None) -> dict[str, float]:
    """C-value of each expression (Frantzi et al.): ``log2(1 + words) x rows``, less the mean
    rows of the longer candidates that contain it (an expression that mostly occurs inside
    a longer one is not a term of its own). One seen mostly inside one longer expression
    (``FOLD`` of its occurrences; ``seen``: every expression's occurrences, candidate or not,
    default ``counts``) is part of it, not a term: ``coordination contre le terrorisme`` of
    ``Pacte mondial de coordination contre le terrorisme``, ``protocoles internationaux`` of
    ``conventions et protocoles internationaux``."""
    def size(key: str) -> int:
        return len(key) if lang == "zh" else key.count(" ") + 1

    def inside(short: str, long: str) -> bool:
        return short in long if lang == "zh" else f" {short} " in f" {long} "

    seen = seen if seen is not None else counts
    container: dict[str, int] = defaultdict(int)  # expression -> occurrences of its most frequent container
    for key, n in seen.items():
        if n < 2:
            continue
        parts = key if lang == "zh" else key.split(" ")
        for length in range(2, len(parts)):
            for i in range(len(parts) - length + 1):
                part = parts[i:i + length] if lang == "zh" else " ".join(parts[i:i + length])
                container[part] = max(container[part], n)
    keys = sorted(pool, key=size)
    result = {}
    for key in keys:
        if container.get(key, 0) >= FOLD * counts[key]:
            continue
        longer = [other for other in keys if size(other) > size(key) and inside(key, other)]
        nested = sum(len(pool[other]) for other in longer) / len(longer) if longer else 0.0
        result[key] = math.log2(1 + size(key)) * (len(pool[key]) - nested)
    return {key: value for key, value in result.items() if value > 0}


def _rendering(forms: list[tuple[int, str]], rows: set[int], source: str) -> str:
    """The surface form of a target n-gram to show: the most frequent in the source
    expression's rows and, for a source written in lower case, one in lower case where the
    target has one (``justice pénale`` is ``criminal justice``, not the ``Criminal Justice``
    of a commission's name)."""
    seen = Counter(text for row, text in forms if row in rows) or Counter(text for _, text in forms)
    if source[:1].islower():
        lower = Counter({text: n for text, n in seen.items() if not text[:1].isupper()})
        seen = lower or seen
    return seen.most_common(1)[0][0]


def _words(text: str, lang: str) -> list[str]:
    if lang == "zh":
        return [ch for run in _HAN.findall(text) for ch in run]
    return [surface_form(m.group()).casefold() for m in _WORD.finditer(text)]


COLUMNS = ("rank", "source", "rows", "occurrences", "score", "target", "dice", "confidence", "example_source",
           "example_target")
#: The columns a reviewer fills in (``glossary merge`` reads them back).
DECISION_COLUMNS = ("decision", "note")
#: What a reviewer may write in ``decision``; empty means not decided yet (left for later, like ``defer``).
DECISIONS: tuple[str, ...] = ("accept", "admit", "reject", "defer")
#: What the file says about where the candidates come from, in this order
#: (XLSX: the ``about`` sheet; CSV: ``# name: value`` rows at the end; JSON: fields).
ABOUT = ("source", "source_lang", "target", "target_lang", "signature")


def candidates_bytes(found: Sequence[Candidate], fmt: str, signature: str, about: dict[str, str] | None = None) -> bytes:
    """The candidates as ``xlsx`` (for review in a spreadsheet), ``csv`` or ``json``.

    ``about``: the documents and their languages (``ABOUT``), kept in the file so
    that ``glossary merge`` can give the accepted terms their provenance. XLSX
    and CSV end with the reviewer's columns ``decision`` (a drop-down of
    ``DECISIONS`` in XLSX) and ``note``.

    The examples are whole paragraphs of the documents: in CSV a text that a
    spreadsheet would run as a formula gets a leading apostrophe, in XLSX every
    text is a string cell (``aligner.writers.cells``)."""
    import csv
    import io
    import json

    from aligner.writers.cells import append_row, escape_row

    about = {**(about or {}), "signature": signature}
    table = [[i, c.source, c.rows, c.occurrences, round(c.score, 3), c.target, round(c.dice, 3),
              round(c.confidence, 3), c.example_source, c.example_target] for i, c in enumerate(found, 1)]
    if fmt == "json":
        payload = {"tool": "hexaglot", "command": "glossary candidates",
                   **{k: about[k] for k in ABOUT if k in about},
                   "candidates": [dict(rank=i, **c.as_dict()) for i, c in enumerate(found, 1)]}
        return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS + DECISION_COLUMNS)
        writer.writerows(escape_row(row + ["", ""]) for row in table)
        writer.writerows(escape_row([f"# {k}: {about[k]}"]) for k in ABOUT if k in about)
        return out.getvalue().encode("utf-8")
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = "candidates"
    append_row(sheet, list(COLUMNS + DECISION_COLUMNS))
    for row in table:
        append_row(sheet, row)
    sheet.freeze_panes = "B2"
    column = get_column_letter(len(COLUMNS) + 1)
    choice = DataValidation(type="list", formula1='"' + ",".join(DECISIONS) + '"', allow_blank=True,
                            showErrorMessage=True, errorTitle="decision",
                            error="Choose " + ", ".join(DECISIONS) + ", or leave it empty.")
    choice.add(f"{column}2:{column}{max(len(table), 1) + 1}")
    sheet.add_data_validation(choice)
    info = book.create_sheet("about")
    for name in ABOUT:
        if name in about:
            append_row(info, [name, about[name]])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def equivalent(alignment: Alignment, expression: str, target_lang: str | None = None) -> Candidate | None:
    """The target equivalent of one source ``expression`` (matched case-insensitively as whole
    words) in the aligned document pair, by the evidence ``candidates`` uses; None when the
    expression is not in the source. ``Candidate.target`` is "" when no equivalent is reliable."""
    found = [c for c in candidates(alignment, (), target_lang, min_rows=1, limit=10**6,
                                   only=ngram_key(expression, alignment.pivot), with_unmatched=True)]
    return found[0] if found else None


def ngram_key(expression: str, lang: str) -> str:
    if lang == "zh":
        return "".join(_HAN.findall(expression))
    return " ".join(surface_form(m.group()).casefold() for m in _WORD.finditer(expression))
