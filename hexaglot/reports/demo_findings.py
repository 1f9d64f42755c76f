"""The ``hexaglot demo`` step that aligns and checks the bundled versions and prints the findings.

Two runs: the six-language sample set (French source, five targets) and the
bundled drafts with their planted errors (French source against
``drafts/<lang>_draft.md``). Each prints one line per finding and a summary;
the reports are kept on the demo context (``ctx.reports``) so that later steps
(the HTML reports) need not check again.
"""

from __future__ import annotations

from importlib.resources import as_file
from typing import Any

from qa_rules.model import Finding

SOURCE = "fr"
SAMPLE_TARGETS: tuple[str, ...] = ("en", "es", "ru", "zh", "ar")
DRAFT_LANGUAGES: tuple[str, ...] = ("en", "es", "ru", "zh", "ar")


def finding_line(finding: Finding) -> str:
    side = finding.target or finding.source
    where = f"{side.lang}:{side.line if side.line is not None else '-'}" if side else "-"
    detail = ""
    if finding.expected or finding.found:
        detail = f"  (expected {finding.expected or '-'}; found {finding.found or '-'})"
    return f"  {where:<8} {finding.severity:<7} {finding.rule}  {finding.message}{detail}"


def _runs(ctx: Any) -> list[tuple[str, list[str], list[str]]]:
    from hexaglot.resources import samples_root

    runs = []
    if SOURCE not in ctx.documents:
        return runs
    langs = [SOURCE] + [lang for lang in SAMPLE_TARGETS if lang in ctx.documents]
    if len(langs) > 1:
        runs.append(("sample set", [ctx.documents[lang].path for lang in langs], langs))
    drafts = samples_root() / "drafts"
    present = [(lang, drafts / f"{lang}_draft.md") for lang in DRAFT_LANGUAGES if (drafts / f"{lang}_draft.md").is_file()]
    if present:
        paths = [ctx.documents[SOURCE].path] + [str(ctx.stack.enter_context(as_file(entry))) for _, entry in present]
        runs.append(("drafts", paths, [SOURCE] + [lang for lang, _ in present]))
    return runs


def print_findings(ctx: Any) -> None:
    """Demo step: check the sample set and the drafts; print each finding and a summary."""
    from qa_rules.run import CheckOptions, check_files

    reports = getattr(ctx, "reports", None)
    for label, paths, langs in _runs(ctx):
        report = check_files(paths, CheckOptions(langs=tuple(langs), search_dir=str(ctx.stack.enter_context(_empty_dir()))))
        if isinstance(reports, dict):
            reports[label] = report
        summary = report.summary()
        sev = summary["by_severity"]
        ctx.console.print(
            f"QA of the {label} ({SOURCE} -> {', '.join(langs[1:])}): {len(report.findings)} findings "
            f"({sev['error']} errors, {sev['warning']} warnings, {sev['info']} info)",
            markup=False,
        )
        for finding in report.findings:
            ctx.console.print(finding_line(finding), markup=False, soft_wrap=True)
        if summary["by_category"]:
            ctx.console.print("  by category: " + ", ".join(f"{k} {v}" for k, v in summary["by_category"].items()),
                              markup=False)
        ctx.console.print(f"  signature: {report.signature}", markup=False, soft_wrap=True)


def _empty_dir():
    """A folder with no setup.cfg or accept file: the demo runs with the defaults."""
    import tempfile

    return tempfile.TemporaryDirectory(prefix="hexaglot-demo-qa-")
