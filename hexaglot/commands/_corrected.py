"""What ``align`` and ``check`` share about ``--alignment CORRECTED``: the rows that do not fit, on stderr."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import click

from aligner.errors import one_line

#: The help of ``--alignment`` (both commands).
ALIGNMENT_HELP = ("A corrected alignment of these FILES (TSV, CSV, XLSX or JSON written by 'hexaglot align', "
                  "edited): used instead of aligning. Refused, with the rows that differ, if it no longer "
                  "fits the documents.")


@contextmanager
def rows_that_differ() -> Iterator[None]:
    """Print the row problems of a refused corrected alignment, one line each, before its one-line error."""
    from aligner.readers.alignment_file import AlignmentMismatch

    try:
        yield
    except AlignmentMismatch as exc:
        for line in exc.rows:
            click.echo(one_line(line), err=True)
        raise
