"""``hexaglot align FILE FILE [FILE...]``: versions aligned row by row, the first file the pivot.

One FILE may be ``-`` (standard input); ``-o -`` writes to standard output, xlsx
included when standard output is not a terminal.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from aligner.align import LEVELS, align_documents
from aligner.errors import InputError
from aligner.readers import INPUT_FORMATS, read_document
from aligner.writers import FORMATS, TEXT_FORMATS, format_for_path, render
from hexaglot import collector
from hexaglot.commands._common import ALIGNMENT_HELP, STDIO, check_output, emit, input_format, one_stdin, rows_that_differ
from hexaglot.logs import logger, verbosity_options


def _per_file(values: tuple[str, ...], files: tuple[str, ...], option: str) -> list[str | None]:
    """An option given once applies to every file; else once per file, in order."""
    if not values:
        return [None] * len(files)
    if len(values) == 1:
        return [values[0]] * len(files)
    if len(values) != len(files):
        raise InputError(option, f"given {len(values)} times for {len(files)} files; give it once (for all files) "
                                 "or once per file, in the order of the files")
    return list(values)


def _check_output(output: str, files: tuple[str, ...]) -> None:
    """Refuse an unwritable output before any work is done."""
    check_output(output)
    target = Path(output)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(output, f"cannot be written: folder {str(folder)!r} does not exist")
    if target.is_dir():
        raise InputError(output, "is a directory; give a file name for the output")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise InputError(output, "cannot be written (permission denied)")
    for given in files:
        if given != STDIO and Path(given).exists() and target.exists() and target.resolve() == Path(given).resolve():
            raise InputError(output, "is one of the input files; choose another output path")


@click.command("align")
@click.argument("files", nargs=-1, type=click.Path(path_type=str))
@click.option("--level", type=click.Choice(LEVELS), default=LEVELS[0], show_default=True,
              help="Align paragraphs, or sentences inside aligned paragraphs.")
@click.option("--input-format", "input_formats", multiple=True, type=click.Choice(INPUT_FORMATS),
              help="Input format, once for all files or once per file; default: from the extension "
                   "(md for '-', standard input).")
@click.option("--lang", "langs", multiple=True,
              help="ISO 639-1 code, once per file in order; default: from each file name, else detected.")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default=None,
              help="Output format; default: from the -o extension, else json.")
@click.option("-o", "--output", default=None, type=click.Path(path_type=str),
              help="Write to this file (atomically); default: standard output (json, tsv, csv, tmx, html; "
                   "'-o -' also xlsx when standard output is not a terminal).")
@click.option("--alignment", type=click.Path(path_type=str), default=None, help=ALIGNMENT_HELP)
@verbosity_options
def command(files: tuple[str, ...], level: str, input_formats: tuple[str, ...], langs: tuple[str, ...],
            output_format: str | None, output: str | None, alignment: str | None = None) -> None:
    """Align two or more versions of a document (the first FILE is the pivot) into rows.

    One FILE may be '-' to read standard input."""
    if len(files) < 2:
        raise InputError(files[0] if files else "align",
                         "alignment needs at least two files (the pivot first, then its versions)")
    if langs and len(langs) != len(files):
        raise InputError("--lang", f"given {len(langs)} times for {len(files)} files; give one language per file")
    one_stdin(files)
    formats = [input_format(path, f) for path, f in zip(files, _per_file(input_formats, files, "--input-format"))]
    to_stdout_ = output is None or output == STDIO
    fmt = output_format or ("json" if to_stdout_ else format_for_path(output))
    if output is None and fmt not in TEXT_FORMATS:
        raise InputError("--format", f"{fmt} cannot go to standard output; give -o FILE.{fmt} "
                                     "(or -o - to send it to a pipe)")
    if not to_stdout_:
        _check_output(output, files + ((alignment,) if alignment else ()))
    documents = [read_document(path, lang=lang, input_format=f)
                 for path, lang, f in zip(files, langs or [None] * len(files), formats)]
    if alignment is not None:
        from aligner.readers.alignment_file import read_alignment_file

        with rows_that_differ():
            aligned = read_alignment_file(alignment, documents)
        logger.info("read the alignment of %d documents (%s) from %s", len(documents),
                    ",".join(d.lang for d in documents), alignment)
    else:
        aligned = align_documents(documents, level=level)
        logger.info("aligned %d documents (%s) by %s", len(documents), ",".join(d.lang for d in documents), level)
    collector.resume()  # read and aligned: the writing runs with the collector on (``hexaglot.collector``)
    emit(render(aligned, fmt), output, files + ((alignment,) if alignment else ()), count=len(aligned.rows),
         noun="row", fmt=fmt)
