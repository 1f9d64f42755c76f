"""``hexaglot check SOURCE TARGET...``: align, run the QA rules, render the findings.

Exit codes: 0 nothing at or above ``--fail-on``, 1 findings, 2 usage or input error.
"""

from __future__ import annotations

import os
import sys

import click

from aligner.align import LEVELS
from aligner.fileio import write_atomic
from hexaglot.reports import EXTENSIONS, FORMATS, render
from qa_rules.config import FAIL_ON, RunConfig
from qa_rules.run import CheckOptions, check_paths

DEFAULTS = RunConfig()


def _tokens(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t.strip() for value in values for t in value.split(",") if t.strip())


@click.command("check")
@click.argument("files", nargs=-1, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(tuple(FORMATS)), default=None,
              help=f"Report format (default: {DEFAULTS.format}, or the config file's).")
@click.option("-o", "--output", type=click.Path(path_type=str), default=None,
              help="Write the report to this file (atomically) instead of standard output.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help=f"Exit 1 if a finding is at least this severe (default: {DEFAULTS.fail_on}, or the config file's).")
@click.option("--select", multiple=True, help="Rules to run: codes, dotted names or categories, comma-separated.")
@click.option("--ignore", multiple=True, help="Rules not to run: codes, dotted names or categories.")
@click.option("--config", "config_path", type=click.Path(path_type=str), default=None,
              help="A hexaglot.toml (or setup.cfg-style) file; default: ./setup.cfg if it has [hexaglot].")
@click.option("--accept", type=click.Path(path_type=str), default=None,
              help="Accepted findings (default: ./hexaglot-accept.toml if present).")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(path_type=str),
              help="A TBX, CSV or XLSX glossary; repeat for several.")
@click.option("--no-default-glossaries", is_flag=True, help="Do not use the bundled UN glossaries.")
@click.option("--level", type=click.Choice(LEVELS), default=None,
              help=f"Align and check by {' or '.join(LEVELS)} (default: {DEFAULTS.level}, or the config file's).")
@click.option("--color/--no-color", default=None, help="Colour the text report (default: on a terminal).")
@click.option("--previous", nargs=2, multiple=True, type=click.Path(path_type=str), metavar="OLD_SOURCE OLD_TARGET",
              help="An earlier source and its earlier translation into one target language: recycled paragraphs "
                   "must keep its wording (CO09). Repeat once per target language.")
def command(files, fmt, output, fail_on, select, ignore, config_path, accept, glossaries,
            no_default_glossaries, level, color, previous=()) -> None:
    """Check TARGET versions against the SOURCE: structure, terminology, numbers, references, dates...

    FILES are a SOURCE and one or more TARGET documents, or one TMX/XLIFF file.
    """
    options = CheckOptions(
        select=_tokens(select),
        ignore=_tokens(ignore),
        config=config_path,
        accept=accept,
        glossaries=tuple(glossaries),
        default_glossaries=False if no_default_glossaries else None,
        level=level,
        previous=tuple(tuple(pair) for pair in previous or ()),
    )
    report, config = check_paths(files, options)
    fmt = fmt or EXTENSIONS.get(os.path.splitext(output or "")[1].lower()) or config.format
    if fmt not in FORMATS:
        raise click.UsageError(f"unknown format {fmt!r} in the config file (known: {', '.join(FORMATS)})")
    if color is None:
        color = output is None and sys.stdout.isatty()
    rendered = render(report, fmt, color=bool(color) and fmt == "text")
    if output:
        write_atomic(output, rendered, inputs=tuple(files) + tuple(p for pair in options.previous for p in pair))
    elif isinstance(rendered, bytes):
        raise click.UsageError(f"--format {fmt} is binary: give -o FILE")
    else:
        click.echo(rendered, nl=False, color=bool(color))
    sys.exit(1 if report.at_or_above(fail_on or config.fail_on) else 0)
