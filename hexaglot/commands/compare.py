"""``hexaglot compare DRAFT REFERENCE [--source SRC]``: what revision changed, paragraph by paragraph.

One of the documents may be ``-`` (standard input); ``-o -`` writes to standard output.
"""

from __future__ import annotations

import click

from aligner.align import LEVELS
from aligner.errors import InputError
from aligner.readers import read_document
from hexaglot.commands._common import check_output, emit, input_format, one_stdin
from hexaglot.logs import logger, verbosity_options
from hexaglot.reports.comparison import render_json, render_text
from qa_rules.compare import DEFAULT_LEVEL, compare_documents


@click.command("compare")
@click.argument("draft", type=click.Path(path_type=str))
@click.argument("reference", type=click.Path(path_type=str))
@click.option("--source", type=click.Path(path_type=str), default=None,
              help="The original the two versions translate; shown beside each changed paragraph.")
@click.option("--lang", default=None, help="Language of DRAFT and REFERENCE (default: from the names, else detected).")
@click.option("--level", type=click.Choice(LEVELS), default=DEFAULT_LEVEL, show_default=True,
              help=f"Compare by {' or '.join(LEVELS)}.")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", help="Output format.")
@click.option("-o", "--output", type=click.Path(path_type=str), default=None,
              help="Write to this file (atomically) instead of standard output ('-': standard output).")
@verbosity_options
def command(draft, reference, source, lang, level, fmt, output) -> None:
    """Score DRAFT against REFERENCE (same language): per-paragraph chrF, BLEU, TER and a word diff,
    most changed first, corpus scores at the end (sacrebleu, with its signatures).

    One document may be '-' (standard input, read as markdown-style text)."""
    one_stdin((draft, reference, source))
    check_output(output)
    draft_doc = read_document(draft, lang=lang, input_format=input_format(draft, None))
    reference_doc = read_document(reference, lang=lang, input_format=input_format(reference, None))
    if draft_doc.lang != reference_doc.lang:
        raise InputError(reference, f"is in {reference_doc.lang} but the draft {draft} is in {draft_doc.lang}; "
                                    "compare two versions in the same language (or set --lang)")
    source_doc = read_document(source, input_format=input_format(source, None)) if source else None
    result = compare_documents(draft_doc, reference_doc, source_doc, level=level)
    changed = sum(1 for p in result.paragraphs if p.changed)
    logger.info("%d of %d aligned pairs changed", changed, len(result.paragraphs))
    rendered = render_json(result) if fmt == "json" else render_text(result)
    inputs = [p for p in (draft, reference, source) if p]
    emit(rendered, output, inputs, count=len(result.paragraphs), noun="aligned pair")
