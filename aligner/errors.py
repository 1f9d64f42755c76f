"""The one error type users see: a problem with an input, named by its file."""

from __future__ import annotations

import re

#: C0 and C1 controls (ESC included), line/paragraph separators and bidirectional
#: controls (a right-to-left override would reorder the rest of the line): an error
#: message is one plain line on a terminal, whatever a file name or a parser's message holds.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    """``text`` as one printable line: line breaks become spaces, other controls
    visible escapes (``\\x1b``), a file name's undecodable bytes ``\\xff``.

    >>> one_line("bad\\nthing \\x1b[31m")
    'bad thing \\\\x1b[31m'
    """
    text = str(text).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    text = re.sub(r"\s*[\r\n\u2028\u2029]+\s*", " ", text)
    return _UNPRINTABLE.sub(_escape, text).strip()


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


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
