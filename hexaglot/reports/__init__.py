"""Rendering a ``qa_rules.engine.Report``: one module per output format.

Each module named in ``FORMATS`` defines ``render(report, *, color=False)``
returning ``str`` (text formats) or ``bytes`` (binary formats such as xlsx).
Add a format by writing its module and adding one line here. A renderer
never re-runs a rule: it reads the report's findings, documents and alignment.
"""

from __future__ import annotations

import re
from importlib import import_module
from typing import Any

#: Output formats of ``hexaglot check --format``, by name -> module.
FORMATS: dict[str, str] = {
    "text": "hexaglot.reports.text",
    "json": "hexaglot.reports.json",
    "html": "hexaglot.reports.html",
    "xlsx": "hexaglot.reports.xlsx",
    "csv": "hexaglot.reports.csv",
}

#: The format an output file's extension implies when ``--format`` is not given.
EXTENSIONS: dict[str, str] = {".html": "html", ".htm": "html", ".xlsx": "xlsx", ".csv": "csv", ".json": "json", ".txt": "text"}


#: Characters a terminal may act on rather than show: C0 controls but tab and newline, DEL and
#: C1 controls (U+0080-U+009F, where CSI is U+009B). ESC starts ANSI/OSC sequences that can
#: recolour, retitle or rewrite a terminal, so document text must never reach one raw.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def escape_controls(text: str) -> str:
    r"""``text`` with every control character but newline and tab shown as ``\xNN``.

    Applied to every text-format output (reports, ``segment``, ``compare``, the
    glossary commands, messages on standard error): ``\x1b[2J`` in a document
    prints as the visible text ``\x1b[2J`` and does nothing. A file name's
    undecodable bytes (surrogate escapes) are shown the same way, ``\xff``.
    """
    text = _SURROGATES.sub(_escape_surrogate, text)
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _escape_surrogate(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def render(report: Any, fmt: str = "text", *, color: bool = False) -> str | bytes:
    """The report in format ``fmt`` (one of ``FORMATS``)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r} (known: {', '.join(FORMATS)})")
    return import_module(FORMATS[fmt]).render(report, color=color)
