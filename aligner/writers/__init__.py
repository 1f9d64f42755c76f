"""Writing an ``Alignment``: TMX, TSV, CSV, JSON, HTML, XLSX.

``render(alignment, fmt)`` gives the file content (``str``, or ``bytes`` for
xlsx); ``write_alignment(alignment, path, fmt, inputs)`` writes it atomically
(``aligner.fileio.write_atomic``), never over an input. The format comes from
``fmt`` or else from the extension of ``path`` (``format_for_path``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from aligner.errors import InputError
from aligner.fileio import write_atomic
from aligner.model import Alignment

#: Output formats, in help order.
FORMATS: tuple[str, ...] = ("tmx", "tsv", "csv", "json", "html", "xlsx")
#: Formats that can go to standard output.
TEXT_FORMATS: frozenset[str] = frozenset({"tsv", "csv", "json", "tmx", "html"})
_EXTENSIONS = {"tmx": "tmx", "tsv": "tsv", "tab": "tsv", "csv": "csv", "json": "json", "html": "html",
               "htm": "html", "xlsx": "xlsx"}


def format_for_path(path: str | os.PathLike) -> str:
    """The format an output file name implies; ``InputError`` if none."""
    ext = Path(path).suffix.lower().lstrip(".")
    if ext not in _EXTENSIONS:
        raise InputError(str(path), f"cannot tell the output format from {'.' + ext if ext else 'no extension'}; "
                                    f"use one of .{', .'.join(FORMATS)} or --format")
    return _EXTENSIONS[ext]


def render(alignment: Alignment, fmt: str) -> str | bytes:
    if fmt == "json":
        from aligner.writers.jsonout import render_json

        return render_json(alignment)
    if fmt in ("tsv", "csv"):
        from aligner.writers.table import render_table

        return render_table(alignment, sep="\t" if fmt == "tsv" else ",")
    if fmt == "tmx":
        from aligner.writers.tmx import render_tmx

        return render_tmx(alignment)
    if fmt == "html":
        from aligner.writers.html import render_html

        return render_html(alignment)
    if fmt == "xlsx":
        from aligner.writers.table import render_xlsx

        return render_xlsx(alignment)
    raise InputError("--format", f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")


def write_alignment(alignment: Alignment, path: str | os.PathLike, fmt: str | None = None,
                    inputs: Iterable[str | os.PathLike] = ()) -> None:
    """Write ``alignment`` to ``path`` in ``fmt`` (else the extension's format)."""
    fmt = fmt or format_for_path(path)
    write_atomic(path, render(alignment, fmt), inputs=inputs)


__all__ = ["FORMATS", "TEXT_FORMATS", "format_for_path", "render", "write_alignment"]
