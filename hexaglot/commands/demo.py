"""``hexaglot demo``: the main job on the bundled six-language sample set.

The demo is a list of steps (``STEPS``); each step takes the shared
``DemoContext`` (console, documents read so far, a problems list) and prints
its part; a step returning normally means it ran. The QA step checks the
sample set and the bundled drafts once (``qa_runs``) and keeps the reports on
the context; the steps after it only render them (``hexaglot.reports``
never runs a rule). ``glossary_terms`` counts, with the terminology matcher,
how often each glossary term of the source is rendered by an accepted term in
the aligned paragraphs of every version (``qa_rules.glossary.stats.term_checks``), so the reader sees
what the terminology rules had to check, not only what they found wrong.
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

import click

from aligner.model import Document
from hexaglot import __version__
from hexaglot.logs import verbosity_options
from hexaglot.resources import DEMO_LANGUAGES, DEMO_SET, read_sample

if TYPE_CHECKING:  # rich is imported when the demo runs, not when the CLI starts
    from rich.console import Console

#: The source of the demo's QA runs.
SOURCE = "fr"
#: The bundled drafts with planted errors (``samples/drafts/<lang>_draft.md``), checked against the source.
DRAFT_LANGUAGES: tuple[str, ...] = ("en", "es", "ru", "zh", "ar")

#: The counts compared across versions, with their column titles.
COUNTED_ROLES: tuple[tuple[str, str], ...] = (("preambular", "preambular"), ("operative", "operative"),
                                              ("footnote", "footnotes"))


@dataclass
class DemoContext:
    console: Console
    set_name: str = DEMO_SET
    languages: tuple[str, ...] = DEMO_LANGUAGES
    documents: dict[str, Document] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    #: Differences worth a reader's attention, one line each, printed at the end.
    notes: list[str] = field(default_factory=list)
    stack: ExitStack = field(default_factory=ExitStack)
    #: Check reports by run label ("sample set", "drafts"), filled once by ``qa_runs``.
    reports: dict = field(default_factory=dict)
    #: The glossary terms of each run's source and how each version renders them, by run label.
    term_checks: dict = field(default_factory=dict)


def read_versions(ctx: DemoContext) -> None:
    """Read every bundled version of the sample set."""
    for lang in ctx.languages:
        document = read_sample(ctx.set_name, lang, ctx.stack)
        if document is None:
            ctx.missing.append(lang)
        else:
            ctx.documents[lang] = document
    found = ", ".join(ctx.documents) or "none"
    ctx.console.print(f"Read {ctx.set_name}: {len(ctx.documents)} versions ({found})")
    if ctx.missing:
        ctx.console.print(f"[yellow]Not bundled: {', '.join(ctx.missing)}[/yellow]")


def structure_table(ctx: DemoContext) -> None:
    """Preambular, operative and footnote counts side by side; differences from the first flagged."""
    from rich.table import Table

    if not ctx.documents:
        return
    reference_lang = next(iter(ctx.documents))
    reference = ctx.documents[reference_lang]
    table = Table(title=f"Structure of {ctx.set_name} (differences from {reference_lang} flagged ≠)")
    table.add_column("lang")
    for _, title in COUNTED_ROLES:
        table.add_column(title, justify="right")
    table.add_column("lines", justify="right")
    table.add_column("warnings", justify="right")
    for lang, document in ctx.documents.items():
        cells = []
        for role, title in COUNTED_ROLES:
            count = len(document.by_role(role))
            expected = len(reference.by_role(role))
            if count != expected:
                cells.append(f"[bold red]{count} ≠[/bold red]")
                ctx.notes.append(f"{lang}: {count} {title}, {reference_lang} has {expected}")
            else:
                cells.append(str(count))
        last_line = max((u.lines[1] for u in document.units), default=0)
        cells.append(str(last_line))
        cells.append(str(len(document.warnings)))
        for warning in document.warnings:
            ctx.notes.append(f"{lang}: {warning}")
        table.add_row(lang, *cells)
    ctx.console.print(table)


#: The demo's steps, in order. Append new steps here.
STEPS: list[Callable[[DemoContext], None]] = [read_versions, structure_table]


def qa_runs(ctx: DemoContext) -> None:
    """Align and check the sample set (French against the other versions) and the drafts, once."""
    import tempfile
    from importlib.resources import as_file

    from hexaglot.resources import samples_root
    from qa_rules.run import CheckOptions, check_files

    if SOURCE not in ctx.documents:
        return
    runs = []
    langs = [SOURCE] + [lang for lang in ctx.documents if lang != SOURCE]
    if len(langs) > 1:
        runs.append(("sample set", [ctx.documents[lang].path for lang in langs], langs))
    drafts = samples_root() / "drafts"
    present = [(lang, drafts / f"{lang}_draft.md") for lang in DRAFT_LANGUAGES]
    present = [(lang, entry) for lang, entry in present if entry.is_file()]
    if present:
        paths = [ctx.documents[SOURCE].path] + [str(ctx.stack.enter_context(as_file(e))) for _, e in present]
        runs.append(("drafts", paths, [SOURCE] + [lang for lang, _ in present]))
    # no config discovery and a folder with no accept file: the demo runs with the library defaults,
    # whatever hexaglot.toml or pyproject.toml sits above the temporary folder
    empty = ctx.stack.enter_context(tempfile.TemporaryDirectory(prefix="hexaglot-demo-qa-"))
    for label, paths, run_langs in runs:
        ctx.reports[label] = check_files(paths, CheckOptions(langs=tuple(run_langs), search_dir=empty,
                                                             discover=False))


def qa_findings(ctx: DemoContext) -> None:
    """Print each run's findings and summary (hexaglot.reports.demo_findings)."""
    from hexaglot.reports.demo_findings import print_findings

    print_findings(ctx.console, ctx.reports)


def glossary_terms(ctx: DemoContext) -> None:
    """Count the glossary terms of each run's source in every version, and print them
    (all of them for the sample set; for the drafts, those not rendered everywhere)."""
    from hexaglot.reports.demo_findings import print_term_checks
    from qa_rules.glossary import bundled_glossaries
    from qa_rules.glossary.stats import term_checks

    if not ctx.reports:
        return
    glossaries = bundled_glossaries()  # the glossaries of the demo's runs: the bundled ones, nothing else
    for label, report in ctx.reports.items():
        ctx.term_checks[label] = term_checks(report, glossaries)
    print_term_checks(ctx.console, ctx.reports, ctx.term_checks, complete_too=("sample set",))


def html_reports(ctx: DemoContext) -> None:
    """Write the editor's HTML report of each run and print where it is (hexaglot.reports.demo)."""
    from hexaglot.reports.demo import write_html_reports

    write_html_reports(ctx.console, ctx.reports)


STEPS.extend([qa_runs, qa_findings, glossary_terms, html_reports])


@click.command("demo")
@verbosity_options
def command() -> None:
    """Run hexaglot on the bundled resolution 2023/26: structure, QA findings, glossary terms, HTML reports.

    Reads the official French text and the five working translations and shows
    their structure side by side, aligns and checks them (French against the
    five others) and the bundled drafts with planted errors (en, es, ru, zh,
    ar), prints the findings and how often each glossary term of the French is
    rendered in every version, and writes an HTML report of each run to the
    system's temporary folder.
    """
    from rich.console import Console

    console = Console(highlight=False)
    ctx = DemoContext(console=console)
    with ctx.stack:
        for step in STEPS:
            step(ctx)
    if ctx.notes:
        console.print(f"Notes ({len(ctx.notes)}):")
        for note in ctx.notes:
            console.print(f"  - {note}", markup=False)
    console.print(f"hexaglot {__version__} | demo | set={ctx.set_name} | langs={','.join(ctx.documents)}", markup=False)
