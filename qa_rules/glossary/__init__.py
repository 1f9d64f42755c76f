"""UN glossaries: reading, writing and matching terms in running text.

``load_glossaries(paths, include_default=True)`` is what ``hexaglot check``
calls: the bundled glossaries (``glossaries/`` in the repository, installed
as ``hexaglot.glossaries``) first, then the user's TBX, CSV or XLSX files.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path
from typing import Sequence

from aligner.errors import InputError
from qa_rules.glossary.model import Concept, Glossary, Term

#: The glossaries ``check`` uses when no ``--glossary`` is given, by file name.
DEFAULT_GLOSSARIES: tuple[str, ...] = ("un-counter-terrorism.tbx", "unterm-countries.tbx")

__all__ = [
    "Concept", "Glossary", "Term", "DEFAULT_GLOSSARIES",
    "load_glossaries", "read_glossary", "write_glossary", "bundled_glossaries", "glossary_bytes",
    "resolve_glossary_path",
]


def _bundled_root():
    for package in ("hexaglot.glossaries", "glossaries"):
        try:
            return importlib.resources.files(package)
        except ModuleNotFoundError:
            continue
    raise InputError("hexaglot.glossaries", "the bundled glossaries are not installed; reinstall hexaglot")


def bundled_glossaries() -> tuple[Glossary, ...]:
    """The glossaries shipped with hexaglot (TBX, the format of record), taken from their
    compact index (``bundled_index``) where it was written from the same files."""
    from qa_rules.glossary.bundled_index import INDEX_FILE, indexed, parse_index

    root = _bundled_root()
    index_file = root.joinpath(INDEX_FILE)
    index = parse_index(index_file.read_bytes() if index_file.is_file() else None)
    result = []
    for file_name in DEFAULT_GLOSSARIES:
        resource = root.joinpath(file_name)
        if not resource.is_file():
            continue
        data = resource.read_bytes()
        result.append(indexed(index, file_name, data) or read_bundled_tbx(file_name, data))
    return tuple(result)


def read_bundled_tbx(file_name: str, data: bytes) -> Glossary:
    """A bundled glossary read from its TBX file's bytes."""
    from qa_rules.glossary.tbx import read_tbx

    return read_tbx(f"hexaglot.glossaries/{file_name}", name=Path(file_name).stem, bundled=True, data=data)


def bundled_path(file_name: str) -> str:
    """A filesystem path of a bundled glossary file (for the CLI's messages)."""
    return str(_bundled_root().joinpath(file_name))


def resolve_glossary_path(path: str | Path) -> str:
    """``path``, or the file of the bundled glossary it names when no such file exists
    (``un-counter-terrorism`` or ``un-counter-terrorism.tbx``: its TBX, the record)."""
    text = str(path)
    if Path(text).exists() or "/" in text or "\\" in text:
        return text
    for file_name in DEFAULT_GLOSSARIES:
        if text in (file_name, Path(file_name).stem):
            return bundled_path(file_name)
    return text


def read_glossary(path: str | Path) -> Glossary:
    """Read one glossary file, choosing the reader by extension.

    Every reader checks the ``pattern`` terms it reads (``patterns.refuse_bad_patterns``
    for TBX, row by row for CSV and XLSX): a regular expression that does not
    compile or could backtrack without end is an ``InputError`` naming the
    file, the line and the term, whichever command loads the glossary.
    """
    from qa_rules.glossary.csv import read_csv
    from qa_rules.glossary.tbx import read_tbx
    from qa_rules.glossary.xlsx import read_xlsx

    p = Path(resolve_glossary_path(path))
    if not p.exists():
        names = ", ".join(Path(f).stem for f in DEFAULT_GLOSSARIES)
        raise InputError(str(path), f"no such glossary file (the bundled glossaries are named {names})")
    if p.is_dir():
        raise InputError(str(path), "is a directory; give a .tbx, .csv or .xlsx glossary file")
    suffix = p.suffix.lower()
    if suffix in (".tbx", ".xml"):
        glossary = read_tbx(p)
    elif suffix in (".csv", ".tsv"):
        glossary = read_csv(p)
    elif suffix in (".xlsx", ".xlsm"):
        glossary = read_xlsx(p)
    else:
        raise InputError(str(path), f"unknown glossary format {suffix or '(no extension)'!r}; "
                         "use .tbx, .csv or .xlsx")
    return glossary


def load_glossaries(paths: Sequence[str], include_default: bool = True) -> tuple[Glossary, ...]:
    """The bundled glossaries (unless ``include_default`` is false), then ``paths``."""
    glossaries = list(bundled_glossaries()) if include_default else []
    for path in paths:
        glossaries.append(read_glossary(path))
    return tuple(glossaries)


def glossary_bytes(glossary: Glossary, fmt: str, rejected: Sequence = ()) -> bytes:
    """The glossary serialised as ``tbx``, ``csv`` or ``xlsx``, with the rejected
    candidates (``rejected.Rejection``) where the format can keep them (not CSV)."""
    from qa_rules.glossary.csv import csv_text
    from qa_rules.glossary.tbx import tbx_bytes
    from qa_rules.glossary.xlsx import xlsx_bytes

    if fmt == "tbx":
        return tbx_bytes(glossary, rejected=rejected)
    if fmt == "csv":
        return csv_text(glossary).encode("utf-8")
    if fmt == "xlsx":
        return xlsx_bytes(glossary, rejected=rejected)
    raise InputError(fmt, "unknown glossary format; use tbx, csv or xlsx")


def output_format(path: str | Path) -> str:
    """``tbx``, ``csv`` or ``xlsx`` from the extension of an output file name."""
    suffix = Path(path).suffix.lower().lstrip(".")
    fmt = {"tbx": "tbx", "xml": "tbx", "csv": "csv", "xlsx": "xlsx"}.get(suffix)
    if fmt is None:
        raise InputError(str(path), "unknown output format; use a .tbx, .csv or .xlsx file name")
    return fmt


def write_glossary(glossary: Glossary, path: str | Path, inputs: Sequence[str] = (), rejected: Sequence = ()) -> None:
    """Write a glossary atomically, the format chosen by the extension."""
    from aligner.fileio import write_atomic

    write_atomic(path, glossary_bytes(glossary, output_format(path), rejected), inputs=inputs)
