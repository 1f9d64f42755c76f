"""The one error type users see: a problem with an input, named by its file."""

from __future__ import annotations

import re

#: Characters a terminal may act on rather than show: C0 controls but tab and newline, DEL and
#: C1 controls (U+0080-U+009F, where CSI is U+009B). ESC starts ANSI/OSC sequences that can
#: recolour, retitle or rewrite a terminal, so document text must never reach one raw.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATES = re.compile("[\ud800-\udfff]")
#: What an error line also escapes: tabs and bidirectional controls (a right-to-left override
#: would reorder the rest of the line); line and paragraph separators become spaces.
_TAB_AND_BIDI = re.compile("[\t\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("\\s*[\r\n\u2028\u2029]+\\s*")


def escape_controls(text: str) -> str:
    r"""``text`` with every control character but newline and tab shown as ``\xNN``.

    Applied to every text-format output (reports, ``segment``, ``compare``, the
    glossary commands, messages on standard error): ``\x1b[2J`` in a document
    prints as the visible text ``\x1b[2J`` and does nothing. A file name's
    undecodable bytes (surrogate escapes) are shown the same way, ``\xff``.
    """
    text = _SURROGATES.sub(_escape_surrogate, text)
    return _CONTROLS.sub(_escape, text)


def one_line(text: str) -> str:
    """``text`` as one printable line for an error message: line breaks become spaces,
    controls, tabs and bidirectional controls visible escapes (``\\x1b``), a file
    name's undecodable bytes ``\\xff``.

    >>> one_line("bad\\nthing \\x1b[31m")
    'bad thing \\\\x1b[31m'
    """
    text = escape_controls(_LINE_BREAKS.sub(" ", str(text)))
    return _TAB_AND_BIDI.sub(_escape, text).strip()


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _escape_surrogate(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def excerpt(text: str, limit: int = 24) -> str:
    """A short, quoted, printable excerpt of text read from a file, for an error message
    that must say what it found without echoing the file (a glossary given
    ``/etc/passwd`` must not print its first line)::

        >>> excerpt("root:x:0:0:root:/root:/bin/bash")
        "'root:x:0:0:root:/root:/b…' (31 characters)"
    """
    shown = one_line(text)
    if len(text) <= limit:
        return repr(shown)
    return f"'{shown[:limit]}…' ({len(text)} characters)"


class InputError(Exception):
    """Bad input: the CLI prints ``hexaglot: error: <path>: <problem>`` and exits 2.

    Raise it with the path of the offending file (or option) and a one-line
    description of the problem that says what to do next where it can. Both
    are made printable and single-line here, so a parser's multi-line message
    or a hostile file name cannot break the one-line contract.
    """

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.path = one_line(str(path))
        self.problem = one_line(problem)
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {self.problem}")
