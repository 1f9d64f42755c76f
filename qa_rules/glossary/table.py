"""Glossaries as tables (the CSV and XLSX forms), shared by both readers.

Long form (the CSV twin that hexaglot writes): one row per term, columns
``COLUMNS``; ``concept_id``, ``lang`` and ``term`` are required, the rest
optional (``term_superseded_since``: the date a superseded term stopped being
current, ``2018-04-19``, ``2018-04`` or ``2018``; ``concept_details``,
``lang_details``, ``term_details``: the further information of the concept, of
the row's language and of the term, ``category: value`` lines, see ``details``; ``glossary_description``: the
glossary's own description, origin and licence, on the first row, so that TBX -> CSV -> TBX
keeps the TBX header's description). Wide form (what people type in a spreadsheet): one row per concept,
one column per language code (``en``, ``fr``...) plus optional ``id``,
``note``, ``source``; several terms in a cell are separated by `` | ``, the
first preferred, the others admitted; each concept is one row, so an ``id``
given on two rows is an error naming both lines.

A ``pattern`` term (long form) is checked as it is read
(``patterns.pattern_problem``): an invalid or runaway regular expression is
an error naming its line.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Sequence

from aligner.errors import InputError, excerpt
from qa_rules.glossary.langcodes import normalise_lang
from qa_rules.glossary.details import COLUMNS as DETAIL_COLUMNS
from qa_rules.glossary.details import cell as detail_cell
from qa_rules.glossary.details import from_cell
from qa_rules.glossary.model import MATCH_TYPES, STATUSES, Concept, Detail, Glossary
from qa_rules.glossary.patterns import pattern_problem, quote_pattern
from qa_rules.glossary.tbx import date_problem, make_term

COLUMNS: tuple[str, ...] = (
    "concept_id", "lang", "term", "status", "pos", "match", "term_type", "term_note", "term_source",
    "subject", "definition", "concept_note", "concept_source", "term_superseded_since",
    "glossary_description", *DETAIL_COLUMNS,
)
#: Columns written only when a glossary has something to put in them.
_OPTIONAL = ("term_superseded_since", "glossary_description", *DETAIL_COLUMNS)
REQUIRED: tuple[str, ...] = ("concept_id", "lang", "term")
_WIDE_EXTRA = ("id", "note", "source", "subject", "definition")


def glossary_rows(glossary: Glossary) -> list[list[str]]:
    """Header then one row per term, in glossary order; the concept's own
    fields (subject, definition, note, source) on its first row only. The
    ``term_superseded_since`` column only when a term has that date; the
    ``glossary_description`` column only when the glossary has a description,
    given on the first term's row."""
    dated = any(t.superseded_since for c in glossary.concepts for t in c.terms)
    described = bool(glossary.description)
    detailed = any(c.details or any(t.details for t in c.terms) for c in glossary.concepts)
    rows = [[n for n in COLUMNS if n not in _OPTIONAL]
            + (["term_superseded_since"] if dated else []) + (["glossary_description"] if described else [])
            + (list(DETAIL_COLUMNS) if detailed else [])]
    for c in glossary.concepts:
        langs_done: set[str] = set()
        for i, t in enumerate(c.terms):
            concept = [c.subject, c.definition, c.note, c.source] if i == 0 else ["", "", "", ""]
            details = []
            if detailed:  # the concept's on its first row, a language's on that language's first row
                details = [detail_cell([d for d in c.details if not d.lang]) if i == 0 else "",
                           detail_cell([d for d in c.details if d.lang == t.lang]) if t.lang not in langs_done
                           else "", detail_cell(t.details)]
                langs_done.add(t.lang)
            rows.append([c.id, t.lang, t.text, t.status, t.pos, t.match, t.term_type, t.note, t.source, *concept]
                        + ([t.superseded_since] if dated else [])
                        + ([glossary.description if len(rows) == 1 else ""] if described else []) + details)
    return rows


def rows_to_concepts(path: str, rows: Iterable[tuple[int, Sequence[str]]]) -> tuple[Concept, ...]:
    """Concepts from ``(line, cells)`` rows, the first being the header."""
    return rows_to_table(path, rows)[0]


def rows_to_table(path: str, rows: Iterable[tuple[int, Sequence[str]]]) -> tuple[tuple[Concept, ...], str]:
    """Concepts and the glossary's description (``glossary_description``, long form; the
    first non-empty cell) from ``(line, cells)`` rows, the first being the header."""
    rows = iter(rows)
    try:
        header_line, header = next(rows)
    except StopIteration:
        raise InputError(path, "is empty") from None
    names = [str(h or "").strip().lstrip("\ufeff").lower() for h in header]
    if "term" in names or "concept_id" in names:
        described: list[str] = []
        return _long(path, header_line, names, rows, described), (described[0] if described else "")
    return _wide(path, header_line, names, rows), ""


def _long(path: str, header_line: int, names: list[str], rows, described: list[str]) -> tuple[Concept, ...]:
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise InputError(path, f"missing column(s) {', '.join(missing)}; the header must have "
                         f"{', '.join(REQUIRED)} (optional: {', '.join(COLUMNS[3:])})", header_line)
    unknown = [n for n in names if n and n not in COLUMNS]
    if unknown:
        shown = ", ".join(excerpt(name) for name in unknown[:3]) + (f" and {len(unknown) - 3} more" if len(unknown) > 3 else "")
        raise InputError(path, f"unknown column(s) {shown}; known columns: {', '.join(COLUMNS)}", header_line)
    index = {n: i for i, n in enumerate(names) if n}
    order: dict[str, dict] = {}
    for line, cells in rows:
        cell = {n: _cell(cells, i) for n, i in index.items()}
        description = cell.pop("glossary_description", "")
        if description and not described:
            described.append(description)
        if not any(cell.values()):
            continue
        for col in REQUIRED:
            if not cell[col]:
                raise InputError(path, f"column {col} is empty", line)
        lang = normalise_lang(cell["lang"])
        if lang is None:
            raise InputError(path, f"unknown language code {excerpt(cell['lang'])}; use an ISO 639-1 code "
                             "such as en, fr, es, ru, zh, ar", line)
        status = cell.get("status", "")
        if status and status not in STATUSES:
            raise InputError(path, f"unknown status {excerpt(status)} (expected {', '.join(STATUSES)})", line)
        match = cell.get("match", "")
        if match and match not in MATCH_TYPES:
            raise InputError(path, f"unknown match type {excerpt(match)} (expected {', '.join(MATCH_TYPES)})", line)
        entry = order.setdefault(cell["concept_id"], {
            "terms": [], "subject": cell.get("subject", ""), "definition": cell.get("definition", ""),
            "note": cell.get("concept_note", ""), "source": cell.get("concept_source", ""), "details": [],
        })
        details = {}
        for column, level, of in (("concept_details", "entry", ""), ("lang_details", "lang", lang),
                                  ("term_details", "term", "")):
            found, wrong = from_cell(cell.get(column, ""), of, level)
            if wrong:
                raise InputError(path, f"column {column}: {wrong}", line)
            details[column] = found
        entry["details"] += details["concept_details"] + details["lang_details"]
        since = cell.get("term_superseded_since", "")
        if since and date_problem(since):
            raise InputError(path, date_problem(since), line)
        term = make_term(
            cell["term"], lang, status=status, pos=cell.get("pos", ""), match=match,
            term_type=cell.get("term_type", ""), note=cell.get("term_note", ""),
            source=cell.get("term_source", ""), superseded_since=since,
        )
        if details["term_details"]:
            term = replace(term, details=tuple(details["term_details"]))
        if term.match == "pattern":
            problem = pattern_problem(term.text)
            if problem is not None:
                raise InputError(path, f"{lang} pattern term '{quote_pattern(term.text)}' {problem}", line)
        entry["terms"].append(term)
    if not order:
        raise InputError(path, "has a header but no terms")
    return tuple(
        Concept(id=cid, terms=tuple(e["terms"]), subject=e["subject"], definition=e["definition"],
                note=e["note"], source=e["source"], details=_in_language_order(e["details"], e["terms"]))
        for cid, e in order.items()
    )


#: A header cell a person could have meant as a language (``fr``, ``zh-Hans``, ``francais``):
#: named in the error. Anything else (``root:x:0:0:...``, ``secret=...``) is named by its column.
_CODE_SHAPE = re.compile(r"[^\W\d_][^\W_]{0,19}(?:[-_][^\W_]{1,8}){0,2}")


def _wide(path: str, header_line: int, names: list[str], rows) -> tuple[Concept, ...]:
    langs: dict[int, str] = {}
    for i, name in enumerate(names):
        if not name or name in _WIDE_EXTRA:
            continue
        lang = normalise_lang(name)
        if lang is None:
            # a header cell shaped like a code is named; anything else (the first line of a file
            # that is not a glossary at all) is not echoed
            found = excerpt(name) if _CODE_SHAPE.fullmatch(name) else f"in column {i + 1}"
            raise InputError(path, f"unknown language code {found} in the header; columns are language "
                             f"codes (en, fr, ...) or {', '.join(_WIDE_EXTRA)}, or use the long form with "
                             f"columns {', '.join(REQUIRED)}", header_line)
        langs[i] = lang
    if not langs:
        raise InputError(path, f"missing columns: no language column and no {', '.join(REQUIRED)} columns",
                         header_line)
    extra = {n: i for i, n in enumerate(names) if n in _WIDE_EXTRA}
    concepts = []
    id_lines: dict[str, int] = {}
    for line, cells in rows:
        terms = []
        for i, lang in langs.items():
            for k, text in enumerate(t.strip() for t in _cell(cells, i).split("|")):
                if text:
                    terms.append(make_term(text, lang, status="preferred" if k == 0 else "admitted"))
        if not terms:
            continue
        get = lambda n: _cell(cells, extra[n]) if n in extra else ""  # noqa: E731
        concept_id = get("id") or f"row-{line}"
        if concept_id in id_lines:
            raise InputError(path, f"concept id '{quote_pattern(concept_id)}' is used on lines {id_lines[concept_id]} "
                             f"and {line}; in the wide form each concept is one row: merge the two rows "
                             "(terms separated by ' | ') or give each its own id", line)
        id_lines[concept_id] = line
        concepts.append(Concept(id=concept_id, terms=tuple(terms), subject=get("subject"),
                                definition=get("definition"), note=get("note"), source=get("source")))
    if not concepts:
        raise InputError(path, "has a header but no terms")
    return tuple(concepts)


def _in_language_order(details: list[Detail], terms: list) -> tuple[Detail, ...]:
    """The concept's own details, then each language's in the order of its terms (as TBX has them)."""
    langs = list(dict.fromkeys(t.lang for t in terms))
    return tuple(sorted(details, key=lambda d: langs.index(d.lang) + 1 if d.lang in langs else 0))


def _cell(cells: Sequence, i: int) -> str:
    if i >= len(cells) or cells[i] is None:
        return ""
    return str(cells[i]).strip()
