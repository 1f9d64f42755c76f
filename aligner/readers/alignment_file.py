"""Reading back an alignment a person corrected: ``hexaglot align`` output, edited, into an ``Alignment``.

``read_alignment_file(path, documents)`` reads the TSV, CSV, XLSX or JSON that
``hexaglot align`` wrote (see ``aligner.writers``), after a reviser moved,
merged or split rows, and returns the same typed value the aligner produces,
built from ``documents`` (pivot first): cells name units by id, their text and
lines come from the documents.

The unit ids are what the file says; the text beside them is the check that
the documents are still the ones that were aligned. What is read:

- per language, the ids in its units cell (``pp.3 pp.4``: separated by spaces,
  commas or semicolons), put in document order inside the cell;
- a text cell is compared with the text of those units in the document,
  ignoring all whitespace (a merged cell may join its texts with a space, a line
  break or nothing); an empty text cell beside ids is not compared (a reviser
  may move ids alone);
- a row with no ids and no text in any language is dropped (a row emptied by a
  merge);
- a score cell is kept; an empty one is 1.0 (a row a person wrote);
- a units cell ``^pp.3`` (JSON: ``"continues": ["pp.3"]``) continues the cell
  of that language just above, which holds ``pp.3`` or continues it too: that
  cell spans those rows (one language merging what the pivot keeps apart),
  and the language's pair with the pivot joins the pivot cells of the rows it
  spans (its text cell is not read).

Refused, all at once, with one line per row (``AlignmentMismatch``): a text
that differs from its units' text (a document changed since the alignment was
written), an id a document does not have, an id in two rows, a unit in no
row, and pivot units out of the pivot document's order (rows follow the
pivot; a target's units may sit in any row, which is what a moved link is).
A file that cannot be read as an alignment at all (no units column for a
language, a score that is not a number, broken JSON) is an ``InputError``
naming the file and the row.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

from aligner.errors import InputError, excerpt
from aligner.fileio import read_text
from aligner.model import Alignment, Cell, Document, Row
from aligner.writers.table import CONTINUES

#: Formats of a corrected alignment, by extension.
ALIGNMENT_FORMATS: dict[str, str] = {"tsv": "tsv", "tab": "tsv", "csv": "csv", "xlsx": "xlsx", "json": "json"}
#: Row problems listed before the error; the rest are counted.
SHOWN_PROBLEMS = 12

_SEPARATORS = re.compile(r"[\s,;]+")
#: Ignored when comparing texts: whitespace, controls and the replacement character a workbook may leave.
_IGNORED = re.compile(r"[\s\x00-\x1f\ufffd]+")
_LEVEL = re.compile(r"\blevel=(\w+)")


class AlignmentMismatch(InputError):
    """A corrected alignment that does not fit the documents; ``rows`` says where, one line each."""

    def __init__(self, path: str, problem: str, rows: Sequence[str]) -> None:
        super().__init__(path, problem)
        self.rows = tuple(rows)


@dataclass(frozen=True)
class _FileRow:
    where: str  # "line 4" of a TSV/CSV file, "row 4" of a sheet or of the JSON rows
    score: float
    units: dict[str, tuple[str, ...]]
    texts: dict[str, str]
    continues: dict[str, tuple[str, ...]]


def alignment_format(path: str) -> str:
    fmt = ALIGNMENT_FORMATS.get(Path(path).suffix.lower().lstrip("."))
    if fmt is None:
        raise InputError(path, "cannot tell the alignment's format from its extension; give a .tsv, .csv, "
                               ".xlsx or .json file written by 'hexaglot align'")
    return fmt


def read_alignment_file(path: str, documents: Sequence[Document]) -> Alignment:
    """The alignment of ``documents`` (pivot first) that the file at ``path`` records."""
    from aligner.align.rows import check_documents

    check_documents(documents)
    langs = [doc.lang for doc in documents]
    fmt = alignment_format(path)
    if fmt == "json":
        rows, level = _json_rows(path, langs)
    elif fmt == "xlsx":
        rows, level = _xlsx_rows(path, langs)
    else:
        rows, level = _table_rows(path, langs, "\t" if fmt == "tsv" else ",")
    return _alignment(path, documents, rows, level)


def _score(path: str, value, where: int | None, prefix: str = "") -> float:
    if value is None or (isinstance(value, str) and not value.strip()):
        return 1.0
    try:
        score = float(value.strip().replace(",", ".") if isinstance(value, str) else value)  # 0,97 from a locale
    except (TypeError, ValueError):
        raise InputError(path, f"{prefix}the score {excerpt(str(value))} is not a number between 0 and 1",
                         line=where) from None
    if not 0.0 <= score <= 1.0:
        raise InputError(path, f"{prefix}the score {score} is not between 0 and 1", line=where)
    return score


def _ids(value) -> tuple[str, ...]:
    return tuple(t for t in _SEPARATORS.split("" if value is None else str(value)) if t)


def _header_columns(path: str, header: Sequence, langs: Sequence[str]) -> tuple[dict[str, int], int | None]:
    """Column of each language's units (and text, ``<lang>``), and of the score."""
    names = [str(h).strip() if h is not None else "" for h in header]
    for name in names:
        if name.endswith("_units") and name[:-6] not in langs:
            raise InputError(path, f"has a column {excerpt(name)} but no {name[:-6]} document was given "
                                   f"(documents: {', '.join(langs)})", line=1)
    columns = {}
    for lang in langs:
        if f"{lang}_units" not in names:
            raise InputError(path, f"has no {lang}_units column: give the file 'hexaglot align' wrote "
                                   f"for these documents ({', '.join(langs)})", line=1)
        columns[f"{lang}_units"] = names.index(f"{lang}_units")
        columns[lang] = names.index(lang) if lang in names else -1
    return columns, names.index("score") if "score" in names else None


def _record(path: str, values: Sequence, where: int, columns: dict[str, int], score_at: int | None,
            langs: Sequence[str], clean, noun: str) -> _FileRow:
    def at(k: int):
        return values[k] if 0 <= k < len(values) else None

    texts = {lang: clean(at(columns[lang])) for lang in langs}
    units, continues = {}, {}
    for lang in langs:
        given = clean(at(columns[f"{lang}_units"])).strip()
        continued = given.startswith(CONTINUES)
        units[lang] = () if continued else _ids(given)
        continues[lang] = _ids(given[len(CONTINUES):]) if continued else ()
    return _FileRow(f"{noun} {where}", _score(path, at(score_at) if score_at is not None else None, where),
                    units, texts, continues)


def _table_rows(path: str, langs: Sequence[str], sep: str) -> tuple[list[_FileRow], str | None]:
    from aligner.writers.cells import unescape_cell

    def clean(value) -> str:
        return unescape_cell(value) if value else ""

    text = read_text(path)
    first = text.partition("\n")[0]
    if sep == "," and first.count(";") > first.count(","):
        sep = ";"  # a spreadsheet set to a decimal-comma locale saves its CSV so
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    try:
        header = next(reader, None)
        if not header:
            raise InputError(path, "is empty; give the file 'hexaglot align' wrote", line=1)
        columns, score_at = _header_columns(path, header, langs)
        rows, level = [], None
        for values in reader:
            if values and values[0].startswith("#"):
                found = _LEVEL.search(values[0])
                level = found.group(1) if found else level
                continue
            if any(v.strip() for v in values):
                rows.append(_record(path, values, reader.line_num, columns, score_at, langs, clean, "line"))
    except csv.Error as exc:
        raise InputError(path, f"cannot be read as {'TSV' if sep == chr(9) else 'CSV'}: {exc}",
                         line=reader.line_num) from None
    return rows, level


def _xlsx_rows(path: str, langs: Sequence[str]) -> tuple[list[_FileRow], str | None]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    def clean(value) -> str:
        return "" if value is None else str(value)

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputError(path, f"cannot be read as a workbook ({type(exc).__name__})") from None
    try:
        sheet = book["alignment"] if "alignment" in book.sheetnames else book.worksheets[0]
        table = list(sheet.iter_rows(values_only=True))
        level = None
        if "about" in book.sheetnames:
            for values in book["about"].iter_rows(values_only=True):
                if values and len(values) > 1 and values[0] == "level" and values[1]:
                    level = str(values[1])
    finally:
        book.close()
    if not table:
        raise InputError(path, "has an empty 'alignment' sheet; give the workbook 'hexaglot align' wrote", line=1)
    columns, score_at = _header_columns(path, table[0], langs)
    rows = [_record(path, values, k, columns, score_at, langs, clean, "row")
            for k, values in enumerate(table[1:], start=2) if any(v not in (None, "") for v in values)]
    return rows, level


def _json_rows(path: str, langs: Sequence[str]) -> tuple[list[_FileRow], str | None]:
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise InputError(path, f"is not valid JSON: {exc.msg}", line=exc.lineno) from None
    if not isinstance(data, dict) or not isinstance(data.get("rows"), list):
        raise InputError(path, "is not an alignment: expected an object with \"rows\", as 'hexaglot align "
                               "--format json' writes")
    rows = []
    for k, row in enumerate(data["rows"], start=1):
        cells = row.get("cells") if isinstance(row, dict) else None
        if not isinstance(cells, dict):
            raise InputError(path, f"row {k} has no \"cells\" object")
        for lang in cells:
            if lang not in langs:
                raise InputError(path, f"row {k} has a cell in {excerpt(str(lang))} but no such document was given "
                                       f"(documents: {', '.join(langs)})")
        units, texts, continues = {}, {}, {}
        for lang in langs:
            cell = cells.get(lang) or {}
            if not isinstance(cell, dict):
                raise InputError(path, f"row {k}: the {lang} cell is not an object with \"units\" and \"text\"")
            given = cell.get("units") or []
            units[lang] = _ids(given) if isinstance(given, str) else tuple(t for u in given for t in _ids(u))
            texts[lang] = str(cell.get("text") or "")
            given = cell.get("continues") or []
            continues[lang] = _ids(given) if isinstance(given, str) else tuple(t for u in given for t in _ids(u))
        rows.append(_FileRow(f"row {k}", _score(path, row.get("score"), None, f"row {k}: "), units, texts,
                             continues))
    level = data.get("level")
    return rows, str(level) if level else None


def _normal(text: str) -> str:
    return _IGNORED.sub("", text)


def _difference(given: str, expected: str) -> str:
    """Where two texts part (whitespace ignored), as a short excerpt of each from a little before."""
    kept = [[k for k, ch in enumerate(text) if not _IGNORED.match(ch)] for text in (given, expected)]
    a, b = ("".join(text[k] for k in ks) for text, ks in zip((given, expected), kept))
    k = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    shown = []
    for text, ks in zip((given, expected), kept):
        start = ks[max(k - 8, 0)] if ks else 0
        shown.append(excerpt(" ".join(text[start:].split())[:32], 32))
    return f"file {shown[0]}, document {shown[1]}"


def _items(documents: Sequence[Document], level: str) -> dict[str, list]:
    from aligner.align.items import paragraph_items, sentence_items

    if level == "paragraph":
        return {doc.lang: paragraph_items(doc) for doc in documents}
    return {doc.lang: [it for k in range(len(doc.units)) for it in sentence_items(doc, k)] for doc in documents}


def _level(path: str, level: str | None, rows: Sequence[_FileRow], documents: Sequence[Document]) -> str:
    from aligner.align import LEVELS

    if level is not None:
        if level not in LEVELS:
            raise InputError(path, f"names the level {excerpt(level)}; expected one of {', '.join(LEVELS)}")
        return level
    paragraph_ids = {doc.lang: {u.id for u in doc.units} for doc in documents}
    fits = all(u in paragraph_ids[lang] for row in rows for lang, ids in row.units.items() for u in ids)
    return "paragraph" if fits else "sentence"


def _alignment(path: str, documents: Sequence[Document], file_rows: Sequence[_FileRow],
               level: str | None) -> Alignment:
    from aligner.align.rows import items_cell, signature, span_pairs

    level = _level(path, level, file_rows, documents)
    items = _items(documents, level)
    index = {lang: {it.id: k for k, it in enumerate(its)} for lang, its in items.items()}
    by_lang = {doc.lang: doc for doc in documents}
    pivot = documents[0].lang
    problems: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    rows: list[Row] = []
    last_pivot = (-1, "")
    spanning: dict[str, tuple[int, tuple[str, ...]]] = {}  # language -> (row of its open span, the span's ids)
    for file_row in file_rows:
        if not any(file_row.units.values()) and not any(file_row.continues.values()) \
                and not any(t.strip() for t in file_row.texts.values()):
            continue  # a row emptied by a merge
        where = f"{path}: {file_row.where}"
        cells: dict[str, Cell] = {}
        for lang, ids in file_row.units.items():
            doc = by_lang[lang]
            continued = file_row.continues[lang]
            if continued:
                above = spanning.get(lang)
                if lang == pivot or above is None or above[1] != continued:
                    held = " ".join(above[1]) if above else "no units"
                    problems.append(f"{where}: {lang} {CONTINUES}{' '.join(continued)} continues the cell above, "
                                    f"which holds {'the pivot' if lang == pivot else held}; write the ids of the "
                                    "cell just above, or give this row its own units")
                cells[lang] = Cell(units=(), lines=(), text="", continues=continued)
                continue
            known = []
            for unit_id in ids:
                if unit_id not in index[lang]:
                    problems.append(f"{where}: {lang} {excerpt(unit_id)} is not a {level} of {doc.path}")
                elif (lang, unit_id) in seen:
                    problems.append(f"{where}: {lang} {unit_id} is also in {seen[lang, unit_id]}; a unit belongs to one row")
                else:
                    seen[lang, unit_id] = file_row.where
                    known.append(index[lang][unit_id])
            cell = items_cell(items[lang], known, lang)
            text = file_row.texts[lang]
            if len(known) == len(ids) and _normal(text) and _normal(text) != _normal(cell.text):
                what = " ".join(cell.units) if cell.units else "(no units)"
                problems.append(f"{where}: {lang} {what}: the text differs from {doc.path} "
                                f"({_difference(text, cell.text)})")
            if lang == pivot and known:
                if min(known) < last_pivot[0]:
                    problems.append(f"{where}: {lang} {cell.units[0]} comes after {last_pivot[1]} in {doc.path}; "
                                    f"keep the rows in the order of the {lang} document")
                if max(known) > last_pivot[0]:
                    last_pivot = (max(known), items[lang][max(known)].id)
            cells[lang] = cell
            if cell.units:
                spanning[lang] = (len(rows), cell.units)
            else:
                spanning.pop(lang, None)
        rows.append(Row(cells=cells, score=file_row.score))
    for doc in documents:
        absent = [it.id for it in items[doc.lang] if (doc.lang, it.id) not in seen]
        if absent:
            shown = " ".join(absent[:8]) + (f" and {len(absent) - 8} more" if len(absent) > 8 else "")
            problems.append(f"{path}: {doc.lang} {shown} ({doc.path}) in no row; put each in the row it belongs to")
    if problems:
        listed = problems[:SHOWN_PROBLEMS]
        if len(problems) > SHOWN_PROBLEMS:
            listed.append(f"{path}: ... and {len(problems) - SHOWN_PROBLEMS} more")
        raise AlignmentMismatch(path, f"does not fit the documents ({len(problems)} "
                                      f"{'problem' if len(problems) == 1 else 'problems'} listed above); correct "
                                      "those rows, or align again if a document changed", listed)
    languages = tuple(doc.lang for doc in documents)
    rows = _spans(rows, languages)
    pair_rows = {lang: span_pairs(rows, pivot, lang) for lang in languages[1:]}
    return Alignment(languages=languages, pivot=pivot, level=level, rows=tuple(rows),
                     documents=dict(by_lang),
                     signature=f"{signature(languages, pivot, level)} | alignment={Path(path).name}",
                     pair_rows=pair_rows)


def _spans(rows: list[Row], languages: Sequence[str]) -> list[Row]:
    """The rows with each spanning cell's ``span``: its own row and the continuations below it."""
    rows = list(rows)
    for lang in languages:
        for k, row in enumerate(rows):
            cell = row.cells[lang]
            if cell.units:
                span = 1
                while k + span < len(rows) and rows[k + span].cells[lang].continues:
                    span += 1
                if span != cell.span:
                    rows[k] = Row(cells={**row.cells, lang: replace(cell, span=span)}, score=row.score)
    return rows

