"""``hexaglot check SOURCE TARGET...``: align, run the QA rules, render the findings.

Exit codes: 0 nothing at or above ``--fail-on``, 1 findings, 2 usage or input error.
``-o -`` writes to standard output (a binary format only when it is not a terminal);
colour only on a terminal, and not when ``NO_COLOR`` is set, unless ``--color``.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace

import click

from aligner.errors import InputError, excerpt
from aligner.align import LEVELS
from aligner.fileio import open_atomic
from hexaglot import collector, logs
from hexaglot.commands._common import (ALIGNMENT_HELP, STDIO, check_output, emit, one_stdin, rows_that_differ,
                                      stdout_is_terminal)
from hexaglot.logs import logger, verbosity_options
from hexaglot.reports import EXTENSIONS, FORMATS, render
from hexaglot.reports.streaming import STREAMED, WRITERS
from qa_rules.config import FAIL_ON, RunConfig
from qa_rules.engine import StreamedReport
from qa_rules.run import CheckOptions, check_paths

DEFAULTS = RunConfig()


def _tokens(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t.strip() for value in values for t in value.split(",") if t.strip())


#: The options ``check`` shares with ``batch`` (what to check and against what).
QA_OPTIONS = (
    click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
                 help=f"Exit 1 if a finding is at least this severe (default: {DEFAULTS.fail_on}, or the config file's)."),
    click.option("--select", multiple=True, help="Rules to run: codes, dotted names or categories, comma-separated."),
    click.option("--ignore", multiple=True, help="Rules not to run: codes, dotted names or categories."),
    click.option("--config", "config_path", type=click.Path(path_type=str), default=None,
                 help="A hexaglot.toml (or setup.cfg-style) file; default: ./setup.cfg if it has [hexaglot]."),
    click.option("--accept", type=click.Path(path_type=str), default=None,
                 help="Accepted findings (default: ./hexaglot-accept.toml if present)."),
    click.option("--glossary", "glossaries", multiple=True, type=click.Path(path_type=str),
                 help="A TBX, CSV or XLSX glossary; repeat for several."),
    click.option("--no-default-glossaries", is_flag=True, help="Do not use the bundled UN glossaries."),
    click.option("--level", type=click.Choice(LEVELS), default=None,
                 help=f"Align and check by {' or '.join(LEVELS)} (default: {DEFAULTS.level}, or the config file's)."),
)


def qa_options(command):
    """Put ``QA_OPTIONS`` on a click command (read them back with ``check_options``)."""
    for option in reversed(QA_OPTIONS):
        command = option(command)
    return command


def check_options(select=(), ignore=(), config_path=None, accept=None, glossaries=(), no_default_glossaries=False,
                  level=None, previous=()) -> CheckOptions:
    """The library's ``CheckOptions`` from the values of ``QA_OPTIONS`` (and ``--previous``)."""
    return CheckOptions(
        select=_tokens(select),
        ignore=_tokens(ignore),
        config=config_path,
        accept=accept,
        glossaries=tuple(glossaries),
        default_glossaries=False if no_default_glossaries else None,
        level=level,
        previous=tuple(tuple(pair) for pair in previous or ()),
    )


@click.command("check")
@click.argument("files", nargs=-1, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(tuple(FORMATS)), default=None,
              help=f"Report format (default: {DEFAULTS.format}, or the config file's).")
@click.option("-o", "--output", type=click.Path(path_type=str), default=None,
              help="Write the report to this file (atomically) instead of standard output ('-': standard output).")
@qa_options
@click.option("--color/--no-color", default=None,
              help="Colour the text report (default: on a terminal, unless NO_COLOR is set).")
@click.option("--previous", nargs=2, multiple=True, type=click.Path(path_type=str), metavar="OLD_SOURCE OLD_TARGET",
              help="An earlier source and its earlier translation into one target language: recycled paragraphs "
                   "must keep its wording (CO09). Repeat once per target language.")
@click.option("--alignment", type=click.Path(path_type=str), default=None, help=ALIGNMENT_HELP)
@verbosity_options
def command(files, fmt, output, fail_on, select, ignore, config_path, accept, glossaries,
            no_default_glossaries, level, color, previous=(), alignment=None) -> None:
    """Check TARGET versions against the SOURCE: structure, terminology, numbers, references, dates...

    FILES are a SOURCE and one or more TARGET documents, or one TMX/XLIFF file.
    """
    one_stdin(tuple(files) + tuple(p for pair in previous or () for p in pair))
    check_output(output)
    options = check_options(select, ignore, config_path, accept, glossaries, no_default_glossaries, level, previous)
    options = replace(options, alignment=alignment)
    to_stdout = output is None or output == STDIO
    fmt = fmt or EXTENSIONS.get("" if to_stdout else os.path.splitext(output)[1].lower())
    streamed = fmt is None or fmt in STREAMED  # else a config file names the format: read back whole if need be
    with rows_that_differ():
        report, config = check_paths(files, options, streamed=streamed, before_rules=collector.resume)
    for document in report.documents:
        logger.info("%s: %s, %d units", document.path, document.lang, len(document.units))
        for warning in document.warnings:
            logger.info("%s: %s", document.path, warning)
    fmt = fmt or config.format
    if fmt not in FORMATS:  # only a config file can name one: --format and -o are checked by click
        where, line = config.origins.get("format", (config.path or "config", None))
        raise InputError(where, f"unknown format {excerpt(fmt)} (known: {', '.join(FORMATS)})", line=line)
    if color is None:  # https://no-color.org: a non-empty NO_COLOR turns default colour off
        color = to_stdout and stdout_is_terminal() and not os.environ.get("NO_COLOR")
    inputs = tuple(files) + tuple(p for pair in options.previous for p in pair)
    if isinstance(report, StreamedReport) and fmt not in STREAMED:  # a config file's html or xlsx
        report = report.report()
    if isinstance(report, StreamedReport):
        sys.exit(_write_streamed(report, fmt, output, inputs, bool(color) and fmt == "text", fail_on or config.fail_on))
    rendered = render(report, fmt, color=bool(color) and fmt == "text")
    if output is None and isinstance(rendered, bytes):
        raise click.UsageError(f"--format {fmt} is binary: give -o FILE (or -o - to send it to a pipe)")
    if to_stdout and isinstance(rendered, str):
        click.echo(rendered, nl=False, color=bool(color))
    else:
        emit(rendered, output, inputs, count=len(report.findings), noun="finding", fmt=fmt)
    sys.exit(1 if report.at_or_above(fail_on or config.fail_on) else 0)


def _write_streamed(report: StreamedReport, fmt: str, output: str | None, inputs: tuple[str, ...], color: bool,
                    fail_on: str) -> int:
    """Write ``report`` finding by finding (``hexaglot.reports.streaming``): to standard output as
    it comes, or to ``output`` through a temporary file renamed once the report is whole. The
    exit code."""
    write = WRITERS[fmt]
    options = {"color": color} if fmt == "text" else {}
    try:
        if output is None or output == STDIO:
            count = write(report, _Echo(color), **options)
        else:
            with open_atomic(output, [p for p in inputs if p and p != STDIO]) as raw:
                count = write(report, _Encoded(raw), **options)
            logs.wrote(output, logs.counted(count, "finding"))
    finally:
        report.stream.close()
    return 1 if report.tally is not None and report.tally.at_or_above(fail_on) else 0


class _Echo:
    """Text written to standard output as it comes (``click.echo``: colour kept only where asked)."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def write(self, text: str) -> int:
        click.echo(text, nl=False, color=self.color)
        return len(text)


class _Encoded:
    """Text written to a binary file (``open_atomic``) as UTF-8, as ``write_atomic`` encodes it."""

    def __init__(self, raw) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(text.encode("utf-8", "surrogateescape"))
        return len(text)
