"""Decisions on new-term candidates, merged back into a glossary (``hexaglot glossary merge``).

The decisions file is what ``glossary candidates -o FILE.xlsx`` (or ``.csv``)
wrote, with its ``decision`` column filled in (``candidates.DECISIONS``):

- ``accept``: the source expression and its target equivalent are terms of one
  concept, status ``preferred``; ``admit``: the same, status ``admitted``;
- ``reject``: the source expression is not a term; it is remembered
  (``rejected.Rejection``) and not proposed again;
- ``defer`` or empty: not decided; left as it is.

An accepted pair becomes a new concept when neither term is in the glossary;
when one of them already is, the other is added to that concept; when both
are, in one concept, nothing changes. When they are in two different concepts,
or the known one is in several, the pair is a conflict: listed, never merged.
Terms are compared as the matcher compares them, by language and word keys,
case and inflection aside (``matcher.term_keys``: "luttes contre le
terrorisme" is "lutte contre le terrorisme", "counter terrorism" is
"counter-terrorism"); a rejection is kept once per expression, by the key
``glossary candidates`` gives it (``candidates.ngram_key``). Each added term carries the decider's note and, as
provenance, the document it was found in.
"""

from __future__ import annotations

import csv as _csv
import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from aligner.errors import InputError, excerpt
from aligner.fileio import decode_bytes, read_bytes
from qa_rules.glossary.candidates import DECISIONS, ngram_key
from qa_rules.glossary.langcodes import normalise_lang
from qa_rules.glossary.matcher import term_keys
from qa_rules.glossary.model import Concept, Glossary, Term
from qa_rules.glossary.rejected import Rejection, key as rejection_key
from qa_rules.glossary.tbx import make_term

#: ``decision`` -> the status of the terms it adds.
_STATUS = {"accept": "preferred", "admit": "admitted"}


@dataclass(frozen=True)
class Decision:
    line: int
    source: str
    target: str
    decision: str
    note: str


@dataclass(frozen=True)
class Decisions:
    """A decisions file: its rows, and where the candidates came from."""

    path: str
    rows: tuple[Decision, ...]
    source_lang: str
    target_lang: str
    source_doc: str = ""
    target_doc: str = ""


@dataclass
class Changes:
    """What ``merge`` did, for the printed diff."""

    added_concepts: list[Concept] = field(default_factory=list)
    #: (concept id, term) of each term added to a concept already there.
    added_terms: list[tuple[str, Term]] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    #: One sentence per accepted row not merged.
    conflicts: list[str] = field(default_factory=list)
    #: Accepted rows already in the glossary as decided, and rejections already kept.
    unchanged: int = 0
    undecided: int = 0
    #: Accepted expressions that had been rejected before (the rejection is dropped).
    unrejected: list[Rejection] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = []
        for concept in self.added_concepts:
            terms = ", ".join(f"{t.lang} «{t.text}» ({t.status})" for t in concept.terms)
            out.append(f"+ concept {concept.id}: {terms}")
        for concept_id, term in self.added_terms:
            out.append(f"+ term {term.lang} «{term.text}» ({term.status}) in concept {concept_id}")
        for rejection in self.rejected:
            out.append(f"- rejected {rejection.lang} «{rejection.text}»"
                       + (f": {rejection.note}" if rejection.note else ""))
        for rejection in self.unrejected:
            out.append(f"~ no longer rejected {rejection.lang} «{rejection.text}» (accepted now)")
        for conflict in self.conflicts:
            out.append(f"! conflict: {conflict}")
        return out

    def summary(self) -> str:
        return (f"{len(self.added_concepts)} concept(s) added, {len(self.added_terms)} term(s) added to "
                f"existing concepts, {len(self.rejected)} rejected, {len(self.conflicts)} conflict(s) not "
                f"merged, {self.unchanged} already in the glossary, {self.undecided} undecided")


def read_decisions(path: str) -> Decisions:
    """The decisions file (``.xlsx`` or ``.csv`` as ``glossary candidates`` wrote it, filled in)."""
    suffix = Path(path).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        where, rows, about = _xlsx_rows(path)
    elif suffix in (".csv", ".tsv"):
        where, rows, about = _csv_rows(path)
    else:
        raise InputError(path, "unknown decisions format; give the .xlsx or .csv file 'glossary candidates' wrote")
    return _decisions(path, where, rows, about)


def _xlsx_rows(path: str):
    from qa_rules.glossary.xlsx import open_workbook, sheet_rows

    book = open_workbook(path)
    try:
        sheet = book.worksheets[0]
        where = f"{path} (sheet {sheet.title})"
        rows = [(line, [_text(v) for v in values]) for line, values in sheet_rows(path, sheet)]
        about = {}
        if "about" in book.sheetnames:
            for _, values in sheet_rows(path, book["about"]):
                if len(values) >= 2 and _text(values[0]):
                    about[_text(values[0])] = _text(values[1])
    finally:
        book.close()
    return where, rows, about


_ABOUT_ROW = re.compile(r"#\s*(\w+):\s*(.*)")


def _csv_rows(path: str):
    text = decode_bytes(read_bytes(path), path)
    reader = _csv.reader(io.StringIO(text))
    rows, about = [], {}
    try:
        for cells in reader:
            line = reader.line_num
            first = cells[0].strip() if cells else ""
            if first.startswith("#"):
                found = _ABOUT_ROW.fullmatch(first)
                if found:
                    about[found.group(1)] = found.group(2).strip()
                continue
            rows.append((line, [c.strip() for c in cells]))
    except _csv.Error as exc:
        raise InputError(path, f"is not valid CSV ({exc})", reader.line_num) from None
    return path, rows, about


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _decisions(path: str, where: str, rows: list, about: dict[str, str]) -> Decisions:
    if not rows:
        raise InputError(path, "is empty")
    header_line, header = rows[0]
    names = [h.lower() for h in header]
    needed = [n for n in ("source", "target", "decision") if n not in names]
    if needed:
        raise InputError(where, f"missing column(s) {', '.join(needed)}; give the file 'glossary candidates "
                         "-o FILE.xlsx' wrote, with its decision column filled in", header_line)
    langs = {}
    for side in ("source_lang", "target_lang"):
        lang = normalise_lang(about.get(side, "")) if about.get(side) else None
        if lang is None:
            raise InputError(path, f"does not say {side} (or gives an unknown code); give the file "
                             "'glossary candidates' wrote, which records the languages")
        langs[side] = lang
    col = {n: names.index(n) for n in ("source", "target", "decision", "note") if n in names}
    found = []
    for line, cells in rows[1:]:
        def cell(name: str) -> str:
            i = col.get(name)
            return cells[i] if i is not None and i < len(cells) else ""

        value = cell("decision").lower()
        if not cell("source") and not value:
            continue
        if value and value not in DECISIONS:
            raise InputError(where, f"unknown decision {excerpt(cell('decision'))}; use one of "
                             f"{', '.join(DECISIONS)}, or leave it empty", line)
        if not cell("source"):
            raise InputError(where, "a decided row has no source expression", line)
        found.append(Decision(line, cell("source"), cell("target"), value, cell("note")))
    return Decisions(path, tuple(found), langs["source_lang"], langs["target_lang"],
                     about.get("source", ""), about.get("target", ""))


def merge(glossary: Glossary, rejected: tuple[Rejection, ...], decisions: Decisions
          ) -> tuple[Glossary, tuple[Rejection, ...], Changes]:
    """The glossary and the rejections with ``decisions`` applied, and what changed."""
    changes = Changes()
    concepts: dict[str, Concept] = {c.id: c for c in glossary.concepts}
    where: dict[tuple[str, str], list[str]] = {}  # (lang, key) -> concept ids
    for concept in glossary.concepts:
        for term in concept.terms:
            if term.match != "pattern":
                _index(where, term, concept.id)
    kept = {rejection_key(r.text, r.lang): r for r in rejected}
    src_lang, tgt_lang = decisions.source_lang, decisions.target_lang
    provenance = _provenance(decisions)
    for row in decisions.rows:
        if row.decision in ("", "defer"):
            changes.undecided += 1
            continue
        src_key = rejection_key(row.source, src_lang)
        if row.decision == "reject":
            if src_key in kept:
                changes.unchanged += 1
                continue
            rejection = Rejection(row.source, src_lang, row.target, tgt_lang if row.target else "", row.note,
                                  decisions.source_doc)
            kept[src_key] = rejection
            changes.rejected.append(rejection)
            continue
        status = _STATUS[row.decision]
        pair = [make_term(row.source, src_lang, status=status, note=row.note, source=provenance)]
        if row.target:
            pair.append(make_term(row.target, tgt_lang, status=status, note=row.note, source=provenance))
        homes = [sorted(set(where.get(_key(t), ()))) for t in pair]
        known = sorted({cid for ids in homes for cid in ids})
        if len(known) > 1 or any(len(ids) > 1 for ids in homes):
            changes.conflicts.append(_conflict(decisions.path, row, pair, homes))
            continue
        if src_key in kept:
            changes.unrejected.append(kept.pop(src_key))
        if not known:
            concept = Concept(id=_new_id(concepts, row.source, src_lang), terms=tuple(pair),
                              source=provenance)
            concepts[concept.id] = concept
            changes.added_concepts.append(concept)
            for term in pair:
                _index(where, term, concept.id)
            continue
        concept = concepts[known[0]]
        new = [t for t, ids in zip(pair, homes) if not ids]
        if not new:
            changes.unchanged += 1
            continue
        concepts[concept.id] = replace(concept, terms=concept.terms + tuple(new))
        for term in new:
            _index(where, term, concept.id)
            changes.added_terms.append((concept.id, term))
    merged = replace(glossary, concepts=tuple(concepts.values()), digest="")
    return merged, tuple(kept.values()), changes


def _key(term: Term) -> tuple:
    return term.lang, term_keys(term.text, term.lang, "inflected")


def _index(where: dict, term: Term, concept_id: str) -> None:
    ids = where.setdefault(_key(term), [])
    if concept_id not in ids:
        ids.append(concept_id)


def _provenance(decisions: Decisions) -> str:
    docs = " / ".join(Path(d).name for d in (decisions.source_doc, decisions.target_doc) if d)
    return (f"candidate from {docs}, " if docs else "candidate, ") + \
        "equivalent proposed by hexaglot glossary candidates and decided by a reviewer"


def _conflict(path: str, row: Decision, pair: list[Term], homes: list[list[str]]) -> str:
    said = "; ".join(f"{t.lang} «{t.text}» is in {', '.join(ids) if ids else 'no concept'}"
                     for t, ids in zip(pair, homes))
    return f"{Path(path).name} line {row.line}: {said}; not merged (decide by hand which concept it belongs to)"


def _new_id(concepts: dict[str, Concept], text: str, lang: str) -> str:
    slug = re.sub(r"[^\w]+", "-", ngram_key(text, lang), flags=re.UNICODE).strip("-")[:48] or "term"
    base = f"candidate-{lang}-{slug}"
    concept_id, n = base, 2
    while concept_id in concepts:
        concept_id, n = f"{base}-{n}", n + 1
    return concept_id


__all__ = ["Changes", "Decision", "Decisions", "merge", "read_decisions"]
