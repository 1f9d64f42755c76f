"""``hexaglot demo``: the main job on the bundled six-language sample set.

The demo is a list of steps (``STEPS``); each step takes the shared
``DemoContext`` (console, documents read so far, a problems list) and prints
its part. Later features (alignment, QA findings) add a step function to the
list; a step returning normally means it ran.
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Callable

import click
from rich.console import Console
from rich.table import Table

from aligner.model import Document
from hexaglot import __version__
from hexaglot.resources import DEMO_LANGUAGES, DEMO_SET, read_sample

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
    #: Check reports by run label ("sample set", "drafts"), filled by the QA step.
    reports: dict = field(default_factory=dict)


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


def qa_findings(ctx: DemoContext) -> None:
    """Align and check the sample set and the drafts; print the findings (hexaglot.reports.demo_findings)."""
    from hexaglot.reports.demo_findings import print_findings

    print_findings(ctx)


STEPS.append(qa_findings)


def html_reports(ctx: DemoContext) -> None:
    """The editor's HTML reports of the sample set and the drafts (hexaglot.reports.demo)."""
    from hexaglot.reports.demo import write_html_reports

    write_html_reports(ctx)


STEPS.append(html_reports)


@click.command("demo")
def command() -> None:
    """Read the bundled six versions of resolution 2023/26 and show their structure side by side."""
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
