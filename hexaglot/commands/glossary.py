"""``hexaglot glossary``: the terminologist's commands (validate, lookup, stats, candidates, merge, convert,
import-unterm).

Logic lives in ``qa_rules.glossary``; this module parses options and renders.
Exit codes: 0 done (validate: no error; lookup: found), 1 validate found
errors or lookup found nothing, 2 bad input. Text output escapes control
characters; a document given as ``-`` is read from standard input.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from aligner.errors import InputError
from hexaglot import __version__, logs
from hexaglot.commands._common import STDIO, check_output, emit, input_format, one_stdin
from hexaglot.logs import logger, verbosity_options
from hexaglot.reports import escape_controls


def _signature(command: str, glossaries, **options) -> str:
    names = ",".join(g.signature() for g in glossaries) or "none"
    extra = "".join(f"|{k}:{v}" for k, v in options.items() if v not in (None, "", ()))
    return f"hexaglot:{__version__}|glossary {command}|glossaries:{names}{extra}"


def _glossaries(paths, no_default: bool):
    from qa_rules.glossary import load_glossaries

    return load_glossaries(list(paths), include_default=not no_default)


def _echo(text: str) -> None:
    """One line of a text view on standard output, control characters escaped."""
    click.echo(escape_controls(text))


_glossary_options = [
    click.option("--glossary", "glossary_paths", multiple=True, type=click.Path(path_type=str),
                 help="A TBX, CSV or XLSX glossary; repeat for several."),
    click.option("--no-default-glossaries", is_flag=True, help="Do not use the bundled UN glossaries."),
]


def glossary_options(func):
    for option in reversed(_glossary_options):
        func = option(func)
    return func


@click.group("glossary")
def command() -> None:
    """UN glossaries: validate, look up, count, find new terms, merge decisions, convert, import UNTERM."""


@command.command("validate")
@click.argument("path", type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text")
@click.option("--dialect", type=click.Choice(("tbx-basic",)), default=None,
              help="Also check the TBX against the TBX-Basic dialect CAT tools import (a CSV or XLSX: "
                   "the TBX that convert writes from it).")
@verbosity_options
def validate_command(path: str, fmt: str, dialect: str | None) -> None:
    """Schema, duplicates, conflicts and missing languages of a glossary (a file, or a bundled
    glossary's name; exit 1 on errors)."""
    from qa_rules.glossary import read_glossary, resolve_glossary_path
    from qa_rules.glossary.validate import missing_summary, validate

    glossary = read_glossary(path)
    problems = validate(glossary)
    missing = missing_summary(problems)
    errors = [p for p in problems if p.level == "error"]
    checked, departures = _dialect_check(resolve_glossary_path(path), glossary) if dialect else ("", [])
    errors += [p for p in departures if p.level == "error"]
    warnings = len(problems) + len(departures) - len(errors)
    sig = _signature("validate", (glossary,))
    if fmt == "json":
        payload = {"tool": "hexaglot", "command": "glossary validate", "glossary": path, "format": glossary.format,
                   "concepts": len(glossary.concepts), "terms": glossary.term_count,
                   "languages": list(glossary.languages), "problems": [p.as_dict() for p in problems],
                   "missing_languages": missing,
                   "errors": len(errors), "warnings": warnings, "signature": sig}
        if dialect:
            payload["dialect"] = {"name": dialect, "checked": checked, "problems": [p.as_dict() for p in departures]}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for p in problems:  # missing languages: one summary line per language, not one line per concept
            if p.kind != "missing-language":
                _echo(f"{path}: {p.level}: {p.kind}: {p.message}")
        for line in missing:
            _echo(f"{path}: warning: missing-language: {line}")
        for p in departures:
            _echo(f"{path}:{p.line}: {p.level}: {dialect} {p.kind}: {p.message}"
                  + (" (in the TBX convert writes)" if checked == "converted" else ""))
        _echo(f"{path}: {glossary.format}, {len(glossary.concepts)} concepts, {glossary.term_count} terms, "
                   f"languages {', '.join(glossary.languages)}: {len(errors)} error(s), "
                   f"{warnings} warning(s)")
        _echo(sig)
    sys.exit(1 if errors else 0)


def _dialect_check(path: str, glossary):
    """(``file`` or ``converted``, TBX-Basic departures): of the TBX file itself, else of the TBX
    that ``convert`` writes from the CSV or XLSX."""
    from aligner.fileio import read_bytes
    from qa_rules.glossary.rejected import read_rejected
    from qa_rules.glossary.tbx import parse_xml, tbx_bytes
    from qa_rules.glossary.tbxbasic import dialect_problems

    if glossary.format.startswith("tbx"):
        return "file", dialect_problems(parse_xml(path, read_bytes(path)))
    return "converted", dialect_problems(parse_xml(path, tbx_bytes(glossary, rejected=read_rejected(path))))


@command.command("lookup")
@click.argument("query")
@click.option("--lang", default=None, help="Show the terms of this language only (e.g. zh).")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(min=1),
              help="Show at most this many concepts (best matches first).")
@glossary_options
@verbosity_options
def lookup_command(query: str, lang: str | None, limit: int, glossary_paths, no_default_glossaries: bool) -> None:
    """Find the concepts a term belongs to (any language, inflected forms too) and show their terms."""
    from qa_rules.glossary.langcodes import normalise_lang
    from qa_rules.glossary.lookup import lookup

    if lang is not None and normalise_lang(lang) is None:
        raise InputError("--lang", f"unknown language code {lang!r}; use en, fr, es, ru, zh, ar...")
    glossaries = _glossaries(glossary_paths, no_default_glossaries)
    hits = lookup(query, glossaries)
    if not hits:
        _echo(f"no glossary entry for «{query}»")
        sys.exit(1)
    for hit in hits[:limit]:
        concept = hit.concept
        _echo(f"{concept.id} ({hit.glossary}): {hit.heading(query)}")
        for term_lang in (normalise_lang(lang),) if lang else concept.languages:
            for term in concept.terms_in(term_lang):
                extra = f" ({term.term_type})" if term.term_type else ""
                note = f"  — {term.note}" if term.note else ""
                _echo(f"  {term_lang}  {term.status:<10} {term.text}{extra}{note}")
        if concept.note:
            _echo(f"  note: {concept.note}")
        _echo(f"  source: {concept.source}")
    if len(hits) > limit:
        _echo(f"... and {logs.counted(len(hits) - limit, 'more concept')} (--limit {len(hits)} shows all)")


@command.command("stats")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text")
@click.option("-o", "--output", type=click.Path(path_type=str), default=None,
              help="Write to this file (atomically) instead of standard output ('-': standard output).")
@glossary_options
@verbosity_options
def stats_command(files, fmt: str, output: str | None, glossary_paths, no_default_glossaries: bool) -> None:
    """Each concept found in the documents: occurrences per language and the variants used.

    One FILE may be '-' (standard input, counted line by line), as is a file without a
    document's structure; beside documents, such a file whose name gives no language (a folder's
    PROVENANCE.md or README.md) is left out."""
    from aligner.langid import lang_from_name
    from aligner.readers import read_document
    from qa_rules.glossary.stats import term_stats

    one_stdin(files)
    check_output(output)
    glossaries = _glossaries(glossary_paths, no_default_glossaries)
    documents, loose = [], []
    for path in files:
        if path == STDIO:  # standard input can be read once: no second try line by line
            documents.append(read_document(path, input_format="lines"))
            continue
        try:
            documents.append(read_document(path))
        except InputError as exc:
            if "structure" not in exc.problem:
                raise
            loose.append(path)
    for path in loose:
        if documents and lang_from_name(path) is None:
            # notes beside the documents (a folder's PROVENANCE.md), not a version of one: in a
            # guessed language they would add their quotations to that version's terms
            logger.warning("%s: not a document (no document structure, no language in its name), left out", path)
            continue
        # counting terms needs no document structure: read it line by line, and say so
        documents.append(read_document(path, input_format="lines"))
        logger.warning("%s: no document structure, counted line by line", path)
    table = term_stats(documents, glossaries)
    sig = _signature("stats", glossaries, langs=",".join(dict.fromkeys(d.lang for d in documents)))
    langs = list(dict.fromkeys(d.lang for d in documents))  # documents of one language are counted together
    if fmt == "json":
        payload = {"tool": "hexaglot", "command": "glossary stats", "documents": list(files), "languages": langs,
                   "concepts": [s.as_dict() for s in table], "signature": sig}
        emit(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", output, files, count=len(table), noun="concept")
        return
    lines = []
    for s in table:
        lines.append(f"{s.concept} ({s.glossary}): {s.label}")
        for lang in langs:
            if not s.terms[lang]:
                lines.append(f"  {lang}  0")
                continue
            used = ", ".join(f"{t} x{n}" for t, n in s.terms[lang].most_common())
            flagged = {k: v for k, v in s.statuses[lang].items() if k in ("deprecated", "superseded")}
            warn = "  [" + ", ".join(f"{k} x{v}" for k, v in flagged.items()) + "]" if flagged else ""
            lines.append(f"  {lang}  {s.total(lang)}: {used}{warn}")
    lines.append(sig)
    emit(escape_controls("\n".join(lines) + "\n"), output, files, count=len(table), noun="concept")


@command.command("candidates")
@click.argument("source", type=click.Path(path_type=str))
@click.argument("target", type=click.Path(path_type=str))
@click.option("-o", "--output", type=click.Path(path_type=str), default=None,
              help="Write the candidates to a .xlsx (for review), .csv or .json file ('-': the list on "
                   "standard output).")
@click.option("--top", default=50, show_default=True, type=click.IntRange(min=1), help="How many candidates to keep.")
@click.option("--min-rows", default=2, show_default=True, type=click.IntRange(min=1),
              help="Aligned rows a candidate must occur in.")
@click.option("--with-unmatched", is_flag=True,
              help="Also list, after the others, the candidates without a reliable target equivalent.")
@glossary_options
@verbosity_options
def candidates_command(source: str, target: str, output: str | None, top: int, min_rows: int, with_unmatched: bool,
                       glossary_paths, no_default_glossaries: bool) -> None:
    """New-term candidates: recurring source expressions not in the glossaries, with their likely target equivalent."""
    from aligner.align import align_documents
    from aligner.readers import read_document
    from qa_rules.glossary.candidates import candidates, candidates_bytes
    from qa_rules.glossary.rejected import read_rejected, rejected_keys

    one_stdin((source, target))
    if output == STDIO:
        output = None
    check_output(output)
    glossaries = _glossaries(glossary_paths, no_default_glossaries)
    rejected = rejected_keys(r for path in glossary_paths for r in read_rejected(path))
    docs = [read_document(path, input_format=input_format(path, None)) for path in (source, target)]
    alignment = align_documents(docs, "paragraph")
    found = candidates(alignment, glossaries, min_rows=min_rows, limit=top, rejected=rejected,
                       with_unmatched=with_unmatched)
    words = None
    if docs[1].lang == "zh":  # how Chinese was cut into words changes the renderings: say which
        from qa_rules.glossary.chinese import available

        words = available("auto")
    sig = _signature("candidates", glossaries, langs=f"{docs[0].lang}>{docs[1].lang}", top=top, min_rows=min_rows,
                     zh_words=words, unmatched="listed" if with_unmatched else None)
    if output:
        fmt = Path(output).suffix.lower().lstrip(".")
        if fmt not in ("xlsx", "csv", "json"):
            raise InputError(output, "unknown output format; use a .xlsx, .csv or .json file name")
        about = {"source": source, "source_lang": docs[0].lang, "target": target, "target_lang": docs[1].lang}
        emit(candidates_bytes(found, fmt, sig, about), output, (source, target), count=len(found), noun="candidate")
        return
    for i, c in enumerate(found, 1):
        target_text = f"{c.target} (confidence {c.confidence:.2f}, Dice {c.dice:.2f})" if c.target \
            else "no reliable equivalent"
        _echo(f"{i:>3}. {c.source}  [{c.rows} rows]  ->  {target_text}")
    _echo(sig)


@command.command("convert")
@click.argument("source", type=click.Path(path_type=str))
@click.argument("destination", type=click.Path(path_type=str))
@verbosity_options
def convert_command(source: str, destination: str) -> None:
    """Convert a glossary between TBX, CSV and XLSX (by extension); TBX is written as TBX-Basic."""
    from qa_rules.glossary import output_format, read_glossary, write_glossary
    from qa_rules.glossary.rejected import read_rejected

    check_output(destination)
    glossary = read_glossary(source)
    rejected = read_rejected(source)
    if rejected and output_format(destination) == "csv":
        logger.warning("%s: its %s are not written: a CSV glossary cannot keep them (write .tbx or .xlsx)",
                       source, logs.counted(len(rejected), "rejected candidate"))
    write_glossary(glossary, destination, inputs=(source,), rejected=rejected)
    logs.wrote(destination, f"{logs.counted(len(glossary.concepts), 'concept')}, {logs.counted(glossary.term_count, 'term')}")


@command.command("merge")
@click.argument("glossary_path", metavar="GLOSSARY", type=click.Path(path_type=str))
@click.argument("decisions_path", metavar="DECISIONS", type=click.Path(path_type=str))
@click.option("-o", "--output", required=True, type=click.Path(path_type=str),
              help="The merged glossary (.tbx, .xlsx; .csv if nothing is rejected); never one of the inputs.")
@verbosity_options
def merge_command(glossary_path: str, decisions_path: str, output: str) -> None:
    """Merge reviewed candidates (the XLSX or CSV of 'glossary candidates', decision column filled in)
    into a glossary: accepted ones become concepts or terms, rejected ones are remembered, conflicts
    are listed and left out. Prints what changed."""
    from qa_rules.glossary import output_format, read_glossary, write_glossary
    from qa_rules.glossary.merge import merge, read_decisions
    from qa_rules.glossary.rejected import read_rejected

    check_output(output)
    fmt = output_format(output)
    glossary = read_glossary(glossary_path)
    decisions = read_decisions(decisions_path)
    merged, rejected, changes = merge(glossary, read_rejected(glossary_path), decisions)
    if rejected and fmt == "csv":
        raise InputError(output, f"a CSV glossary cannot keep the {logs.counted(len(rejected), 'rejected candidate')}; "
                         "write .tbx or .xlsx")
    write_glossary(merged, output, inputs=(glossary_path, decisions_path), rejected=rejected)
    for line in changes.lines():
        _echo(line)
    _echo(f"{output}: {changes.summary()}")
    logs.wrote(output, f"{logs.counted(len(merged.concepts), 'concept')}, {logs.counted(merged.term_count, 'term')}")


@command.command("import-unterm")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("-o", "--output", required=True, type=click.Path(path_type=str),
              help="The glossary to write (.tbx, .csv or .xlsx).")
@click.option("--name", default=None, help="The glossary's name (default: the output file's stem).")
@verbosity_options
def import_unterm_command(files, output: str, name: str | None) -> None:
    """Read UNTERM exports (SKOS/Turtle .ttl, API records .json) into a glossary in the six official languages."""
    from qa_rules.glossary import output_format, write_glossary
    from qa_rules.glossary.unterm import read_unterm

    check_output(output)
    output_format(output)
    if STDIO in files:
        raise InputError(STDIO, "import-unterm reads files; give the UNTERM exports by name")
    glossary, skipped, twice = read_unterm(list(files), name=name or Path(output).stem)
    for lang, count in sorted(skipped.items()):
        logger.warning("%s: left out (not an official UN language)", logs.counted(count, f"{lang} language section"))
    for concept_id in twice:
        logger.warning("record %s is given twice; the first one read is kept", concept_id)
    write_glossary(glossary, output, inputs=files)
    _echo(f"{output}: {logs.counted(len(glossary.concepts), 'UNTERM record')}, "
          f"{logs.counted(glossary.term_count, 'term')}, languages {', '.join(glossary.languages)}")
