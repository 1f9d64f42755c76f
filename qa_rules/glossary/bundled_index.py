"""The bundled glossaries as they are read, kept beside their TBX files in one compact JSON file.

Reading the two bundled TBX files (1.7 MB of XML) costs 0.1-0.15 s of CPU and the import of
lxml on every ``check``; loading ``bundled-index.json`` costs a few milliseconds. The TBX files
stay the record: the index is written from them by ``python scripts/compile_glossaries.py``,
holds the SHA-1 of each file it was written from, and is used for a file only while that hash
still matches the file's bytes (and the fields of ``Term`` and ``Concept`` are those it lists).
A file edited without writing the index again is read from its TBX, as before, and
``tests/test_glossary_index.py`` fails until the index is written again.

Layout: ``{"version", "term_fields", "concept_fields", "glossaries": [...]}``; each glossary
has its file name, that file's ``sha1``, the ``Glossary`` fields, and its concepts as lists of
field values (``concept_fields``, the last one the terms, each a list of ``term_fields``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import astuple, fields
from typing import Any

from qa_rules.glossary.model import Concept, Detail, Glossary, Term

#: The index's file name, in the bundled glossaries' folder.
INDEX_FILE = "bundled-index.json"
VERSION = 1

_TERM_FIELDS = [f.name for f in fields(Term)]
_CONCEPT_FIELDS = [f.name for f in fields(Concept) if f.name != "terms"] + ["terms"]
_GLOSSARY_FIELDS = [f.name for f in fields(Glossary) if f.name != "concepts"]


def file_hash(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def index_text(entries: list[tuple[str, bytes, Glossary]]) -> str:
    """The index of the glossaries ``entries`` (file name, the file's bytes, the glossary read
    from them), as written to ``INDEX_FILE``."""
    glossaries = []
    for file_name, data, glossary in entries:
        concepts = [[_value(c, name) for name in _CONCEPT_FIELDS[:-1]] + [[list(astuple(t)) for t in c.terms]]
                    for c in glossary.concepts]
        glossaries.append({"file": file_name, "sha1": file_hash(data),
                           **{name: getattr(glossary, name) for name in _GLOSSARY_FIELDS}, "concepts": concepts})
    document = {"version": VERSION, "term_fields": _TERM_FIELDS, "concept_fields": _CONCEPT_FIELDS,
                "glossaries": glossaries}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def indexed(index: dict[str, Any] | None, file_name: str, data: bytes) -> Glossary | None:
    """The glossary of ``file_name`` from ``index`` (a parsed ``INDEX_FILE``), or ``None``
    when the index has no entry written from these very bytes."""
    if not index or index.get("version") != VERSION or index.get("term_fields") != _TERM_FIELDS \
            or index.get("concept_fields") != _CONCEPT_FIELDS:
        return None
    entry = next((g for g in index.get("glossaries", ()) if g.get("file") == file_name), None)
    if entry is None or entry.get("sha1") != file_hash(data):
        return None
    concepts = tuple(Concept(**_with_details(dict(zip(_CONCEPT_FIELDS, values[:-1]))),
                             terms=tuple(Term(**_with_details(dict(zip(_TERM_FIELDS, t)))) for t in values[-1]))
                     for values in entry["concepts"])
    return Glossary(concepts=concepts, **{name: entry[name] for name in _GLOSSARY_FIELDS})


def _value(concept: Concept, name: str) -> Any:
    """A concept's field as JSON holds it (its ``details`` as lists of their fields)."""
    value = getattr(concept, name)
    return [list(astuple(detail)) for detail in value] if name == "details" else value


def _with_details(values: dict[str, Any]) -> dict[str, Any]:
    """Field values read from the index, with their ``details`` (lists in JSON) made ``Detail`` again."""
    if "details" in values:
        values["details"] = tuple(Detail(*detail) for detail in values["details"])
    return values


def parse_index(data: bytes | None) -> dict[str, Any] | None:
    """``INDEX_FILE``'s content parsed, or ``None`` when it is absent or not an index."""
    if data is None:
        return None
    try:
        index = json.loads(data)
    except ValueError:  # a damaged index: the TBX files are read instead
        return None
    return index if isinstance(index, dict) else None
