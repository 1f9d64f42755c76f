"""``hexaglot segment FILE``: the structure and sentences hexaglot reads in one document.

FILE ``-`` reads standard input (markdown-style text unless ``--input-format``);
``-o -`` writes to standard output. The text view escapes control characters.
"""

from __future__ import annotations

import json

import click

from aligner.readers import INPUT_FORMATS, read_document
from aligner.readers.serialize import document_as_dict
from hexaglot import __version__
from hexaglot.commands._common import check_output, emit, input_format as stdin_aware_format
from hexaglot.logs import logger, verbosity_options
from hexaglot.reports import escape_controls

_PREVIEW = 60


def signature(lang: str, input_format: str) -> str:
    return f"hexaglot {__version__} | segment | lang={lang} | format={input_format}"


def render_text(document, sig: str) -> str:
    out = [f"{document.path}  lang={document.lang}  format={document.input_format}  units={len(document.units)}", ""]
    for unit in document.units:
        a, b = unit.lines
        lines = f"{a}" if a == b else f"{a}-{b}"
        preview = unit.text if len(unit.text) <= _PREVIEW else unit.text[:_PREVIEW - 1].rstrip() + "…"
        extra = []
        if unit.footnotes:
            extra.append("fn " + ",".join(str(f.number) for f in unit.footnotes))
        if len(unit.sentences) > 1:
            extra.append(f"{len(unit.sentences)} sentences")
        if unit.cuts:
            extra.append("joined at " + ",".join(f"{c.line} ({c.kind})" for c in unit.cuts))
        tail = f"  [{'; '.join(extra)}]" if extra else ""
        out.append(f"{unit.id:<11} {lines:>9}  {preview}{tail}")
    roles = ("segment",) if document.input_format == "lines" else ("preambular", "operative", "footnote")
    out.append("")
    out.append("  ".join(f"{role}: {len(document.by_role(role))}" for role in roles))
    if document.warnings:
        out.append(f"warnings ({len(document.warnings)}):")
        out.extend(f"  - {w}" for w in document.warnings)
    else:
        out.append("warnings: none")
    out.append(sig)
    return escape_controls("\n".join(out) + "\n")


@click.command("segment")
@click.argument("file", type=click.Path(dir_okay=True, path_type=str))
@click.option("--lang", default=None, help="ISO 639-1 code; default: from the file name, else detected.")
@click.option("--input-format", "input_format", type=click.Choice(INPUT_FORMATS), default=None,
              help="Input format; default: from the extension (md for '-', standard input).")
@click.option("--format", "output_format", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("-o", "--output", default=None, type=click.Path(path_type=str),
              help="Write to this file (atomically) instead of standard output ('-': standard output).")
@verbosity_options
def command(file: str, lang: str | None, input_format: str | None, output_format: str, output: str | None) -> None:
    """Read FILE ('-': standard input) and show its structure: units, lines, sentences, footnotes, warnings."""
    check_output(output)
    document = read_document(file, lang=lang, input_format=stdin_aware_format(file, input_format))
    logger.info("%s: %s, %s, %d units", file, document.lang, document.input_format, len(document.units))
    sig = signature(document.lang, document.input_format)
    if output_format == "json":
        rendered = json.dumps(document_as_dict(document, sig), ensure_ascii=False, indent=2) + "\n"
    else:
        rendered = render_text(document, sig)
    emit(rendered, output, [file], count=len(document.units), noun="unit")
