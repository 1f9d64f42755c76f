"""The one error type users see: a problem with an input, named by its file."""

from __future__ import annotations


class InputError(Exception):
    """Bad input: the CLI prints ``hexaglot: <path>: <problem>`` and exits 2.

    Raise it with the path of the offending file (or option) and a one-line
    description of the problem that says what to do next where it can.
    """

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.path = str(path)
        self.problem = problem
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")
