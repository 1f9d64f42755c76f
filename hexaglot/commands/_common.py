"""What the commands share about their inputs and outputs (not a command itself).

- ``-`` as a document reads standard input (once per run); ``-o -`` writes to
  standard output, a binary format only when standard output is not a terminal.
- An output path is checked before any work is done, so a mistake costs nothing.
- ``emit`` writes the result and says ``wrote PATH (N things)`` on standard error.
- ``--alignment CORRECTED`` (``align`` and ``check``): its help, and the rows that do not fit, on stderr.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import Iterable, Iterator

import click

from aligner.errors import InputError, one_line
from aligner.fileio import STDIO, write_atomic
from hexaglot import logs

#: The input format of a document read from standard input when ``--input-format`` is not given.
STDIN_FORMAT = "md"


def one_stdin(paths: Iterable[str | None]) -> None:
    """Refuse ``-`` given more than once: standard input can be read only once."""
    if sum(1 for p in paths if p == STDIO) > 1:
        raise InputError(STDIO, "standard input can be read only once; give '-' for one document at most")


def input_format(path: str, fmt: str | None) -> str | None:
    """The input format to read ``path`` with: for standard input, ``fmt`` or markdown-style text;
    a Word document cannot come from standard input (its reader needs a file)."""
    if path != STDIO:
        return fmt
    if fmt == "docx":
        raise InputError(STDIO, "a .docx document cannot be read from standard input; give its file name")
    return fmt or STDIN_FORMAT


def check_output(output: str | None) -> None:
    """Refuse an output path that names a folder (``out/``) before any work is done."""
    if output is None or output == STDIO:
        return
    if output.endswith("/") or output.endswith(os.sep):
        raise InputError(output, "ends with a folder separator; give a file name for the output (e.g. out/report.txt)")


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # replaced or closed standard output
        return False


def to_stdout(data: str | bytes, fmt: str = "") -> None:
    """Write ``data`` to standard output; binary data only when it is not a terminal."""
    if isinstance(data, str):
        click.echo(data, nl=False)
        return
    if stdout_is_terminal():
        kind = f"{fmt} output" if fmt else "this output"
        raise InputError(STDIO, f"standard output is a terminal and {kind} is binary; "
                                "redirect it (> file) or give -o FILE")
    click.echo(data, nl=False)  # bytes go to the binary stream under the text one, flushed in order


def emit(data: str | bytes, output: str | None, inputs: Iterable[str] = (), *, count: int, noun: str,
         fmt: str = "") -> None:
    """``data`` to ``output`` (atomically) or standard output (``None`` or ``-``), then
    ``wrote PATH (COUNT NOUNs)`` on standard error for a file (``noun`` singular)."""
    if output is None or output == STDIO:
        to_stdout(data, fmt)
        return
    write_atomic(output, data, inputs=[p for p in inputs if p and p != STDIO])
    logs.wrote(output, logs.counted(count, noun))


#: The help of ``--alignment`` (both commands).
ALIGNMENT_HELP = ("A corrected alignment of these FILES (TSV, CSV, XLSX or JSON written by 'hexaglot align', "
                  "edited): used instead of aligning. Refused, with the rows that differ, if it no longer "
                  "fits the documents.")


@contextmanager
def rows_that_differ() -> Iterator[None]:
    """Print the row problems of a refused corrected alignment, one line each, before its one-line error.

    Only a run that read a corrected alignment imports its reader (``aligner.readers.alignment_file``),
    and only such a run can raise its ``AlignmentMismatch``: a check without ``--alignment`` does not
    import the reader for this."""
    try:
        yield
    except InputError as exc:
        reader = sys.modules.get("aligner.readers.alignment_file")
        if reader is not None and isinstance(exc, reader.AlignmentMismatch):
            for line in exc.rows:
                click.echo(one_line(line), err=True)
        raise
