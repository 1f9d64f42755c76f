"""The ``hexaglot demo`` step that writes the editor's HTML reports and says where they are.

Two pages, in a ``hexaglot-demo`` folder of the system's temporary directory
(never over a user's file): the bundled six-language sample set (French
against the five other versions) and the bundled drafts (French against
``drafts/en_draft.md`` and ``drafts/es_draft.md``, with their planted errors).
"""

from __future__ import annotations

import tempfile
from importlib.resources import as_file
from pathlib import Path
from typing import Any

from aligner.fileio import write_atomic
from hexaglot.reports.html import render_html

DRAFTS: tuple[tuple[str, str], ...] = (("en", "en_draft.md"), ("es", "es_draft.md"))


def demo_folder() -> Path:
    folder = Path(tempfile.gettempdir()) / "hexaglot-demo"
    folder.mkdir(exist_ok=True)
    return folder


def write_html_reports(ctx: Any) -> None:
    """Demo step: check the sample set and the drafts, write each HTML report, print its path."""
    from hexaglot.resources import samples_root
    from qa_rules.run import CheckOptions, check_files

    runs = []
    langs = [lang for lang in ("fr", "en", "es", "ru", "zh", "ar") if lang in ctx.documents]
    if "fr" in ctx.documents and len(langs) > 1:
        runs.append(("sample set", "qa-sample-set.html", [ctx.documents[lang].path for lang in langs], langs))
    drafts = samples_root() / "drafts"
    present = [(lang, drafts / name) for lang, name in DRAFTS if (drafts / name).is_file()]
    if "fr" in ctx.documents and present:
        paths = [ctx.documents["fr"].path] + [str(ctx.stack.enter_context(as_file(entry))) for _, entry in present]
        runs.append(("drafts", "qa-drafts.html", paths, ["fr"] + [lang for lang, _ in present]))
    folder = demo_folder()
    for label, name, paths, run_langs in runs:
        # the QA step (hexaglot.reports.demo_findings) has usually checked these already
        report = getattr(ctx, "reports", {}).get(label) or check_files(
            paths, CheckOptions(langs=tuple(run_langs), search_dir=str(folder)))
        target = folder / name
        write_atomic(target, render_html(report))
        ctx.console.print(f"HTML report of the {label} ({len(report.findings)} findings): {target.as_uri()}",
                          markup=False)
