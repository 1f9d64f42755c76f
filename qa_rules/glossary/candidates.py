"""New-term candidates from an aligned source and target: what a terminologist should record next.

Source side: recurring expressions of two to ten words (Chinese: two to
eight characters) that neither begin nor end with a function word
(``stopwords``), do not overlap a term already in the glossaries, and occur
in at least ``min_rows`` aligned rows. An expression only ever seen inside a
longer candidate is folded into it. Candidates are ranked by
``rows x log2(1 + words)`` (frequent and long first).

Target side: for each candidate, the target expression (one to six words,
two to ten Chinese characters) whose aligned rows best coincide with the
candidate's, by the Dice coefficient over rows, ``2|A∩B| / (|A| + |B|)``,
with a small penalty for a length far from the source's.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Sequence

from aligner.model import Alignment
from qa_rules.glossary.matcher import matcher_for
from qa_rules.glossary.model import Glossary
from qa_rules.glossary.normalise import surface_form
from qa_rules.glossary.stopwords import is_stopword

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

    def as_dict(self) -> dict:
        return {"source": self.source, "rows": self.rows, "occurrences": self.occurrences,
                "score": round(self.score, 3), "target": self.target, "dice": round(self.dice, 3),
                "example_source": self.example_source, "example_target": self.example_target}


def _ngrams(text: str, lang: str, min_n: int, max_n: int):
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
                start, end = base + words[i][1], base + words[i + n - 1][2]
                key = " ".join(surface_form(w).casefold() for w, _, _ in words[i:i + n])
                yield key, text[start:end], start, end


def _chunks(text: str):
    pos = 0
    for sep in _CHUNK.finditer(text):
        if sep.start() > pos:
            yield pos, text[pos:sep.start()]
        pos = sep.end()
    if pos < len(text):
        yield pos, text[pos:]


def candidates(alignment: Alignment, glossaries: Sequence[Glossary] = (), target_lang: str | None = None,
               min_rows: int = 2, limit: int = 200) -> list[Candidate]:
    source_lang = alignment.pivot
    target_lang = target_lang or next((l for l in alignment.languages if l != source_lang), None)
    rows = []
    for row in alignment.rows:
        src = row.cells.get(source_lang)
        tgt = row.cells.get(target_lang) if target_lang else None
        if src is not None and src.text.strip():
            rows.append((src.text, tgt.text if tgt is not None else ""))
    known = matcher_for(glossaries, source_lang) if glossaries else None
    src_rows: dict[str, set[int]] = defaultdict(set)
    src_count: dict[str, int] = defaultdict(int)
    surface: dict[str, tuple[str, int]] = {}
    forms: dict[str, Counter] = defaultdict(Counter)
    for index, (src, _) in enumerate(rows):
        taken = [(m.start, m.end) for m in known.find(src, nested=True)] if known else []
        for key, text, start, end in _ngrams(src, source_lang, 2, 10 if source_lang != "zh" else 8):
            if any(start < e and s < end for s, e in taken):
                continue
            src_rows[key].add(index)
            src_count[key] += 1
            surface.setdefault(key, (text, index))
            forms[key][text] += 1
    pool = {k: r for k, r in src_rows.items() if len(r) >= min_rows}
    # fold an expression only ever seen inside a longer candidate into it
    folded = set()
    for key, row_set in pool.items():
        for other, other_rows in pool.items():
            if other != key and len(other) > len(key) and f" {key} " in f" {other} " and \
                    src_count[other] == src_count[key]:
                folded.add(key)
                break
    scored = []
    for key, row_set in pool.items():
        if key in folded:
            continue
        n_words = len(key) if source_lang == "zh" else key.count(" ") + 1
        scored.append((len(row_set) * math.log2(1 + n_words), key))
    scored.sort(key=lambda item: (-item[0], item[1]))
    scored = scored[:limit]
    tgt_rows: dict[str, set[int]] = defaultdict(set)
    tgt_forms: dict[str, Counter] = defaultdict(Counter)
    if target_lang:
        for index, (_, tgt) in enumerate(rows):
            for key, text, _, _ in _ngrams(tgt, target_lang, 1, 6 if target_lang != "zh" else 10):
                tgt_rows[key].add(index)
                tgt_forms[key][text] += 1
    result = []
    for score, key in scored:
        rows_a = pool[key]
        n_src = len(key) if source_lang == "zh" else key.count(" ") + 1
        best, best_value, best_dice = "", -1.0, 0.0
        for tkey, rows_b in tgt_rows.items():
            common = len(rows_a & rows_b)
            if not common:
                continue
            dice = 2 * common / (len(rows_a) + len(rows_b))
            n_tgt = len(tkey) / 2.5 if target_lang == "zh" else tkey.count(" ") + 1
            value = dice - 0.05 * abs(n_tgt - n_src)
            if value > best_value:
                best, best_value, best_dice = tkey, value, dice
        _, first_row = surface[key]
        result.append(Candidate(
            source=forms[key].most_common(1)[0][0], rows=len(rows_a), occurrences=src_count[key], score=score,
            target=tgt_forms[best].most_common(1)[0][0] if best and best_dice >= 0.3 else "", dice=best_dice if best_dice >= 0.3 else 0.0,
            example_source=rows[first_row][0], example_target=rows[first_row][1],
        ))
    return result


COLUMNS = ("rank", "source", "rows", "occurrences", "score", "target", "dice", "example_source", "example_target")


def candidates_bytes(found: Sequence[Candidate], fmt: str, signature: str) -> bytes:
    """The candidates as ``xlsx`` (for review in a spreadsheet), ``csv`` or ``json``."""
    import csv
    import io
    import json

    table = [[i, c.source, c.rows, c.occurrences, round(c.score, 3), c.target, round(c.dice, 3),
              c.example_source, c.example_target] for i, c in enumerate(found, 1)]
    if fmt == "json":
        payload = {"tool": "hexaglot", "command": "glossary candidates", "signature": signature,
                   "candidates": [dict(rank=i, **c.as_dict()) for i, c in enumerate(found, 1)]}
        return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(table)
        writer.writerow([f"# {signature}"])
        return out.getvalue().encode("utf-8")
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "candidates"
    sheet.append(list(COLUMNS) + ["decision"])
    for row in table:
        sheet.append(row)
    sheet.freeze_panes = "B2"
    info = book.create_sheet("about")
    info.append(["signature", signature])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
