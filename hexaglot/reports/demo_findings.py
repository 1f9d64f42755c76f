"""The ``hexaglot demo`` findings listing: one line per finding and a summary, per run.

The demo (``hexaglot.commands.demo.qa_runs``) checks the sample set and the
drafts once; this module only renders the reports it is given.
"""

from __future__ import annotations

from typing import Any, Mapping

from qa_rules.model import Finding


def finding_line(report: Any, finding: Finding) -> str:
    """``en:85  error  RF02  message (expected ..; found ..)``; ``en:-`` for a paragraph missing in en."""
    line = finding.target.line if finding.target and finding.target.line is not None else "-"
    where = f"{report.version_of(finding)}:{line}"
    detail = ""
    if finding.expected or finding.found:
        detail = f"  (expected {finding.expected or '-'}; found {finding.found or '-'})"
    return f"  {where:<8} {finding.severity:<7} {finding.rule}  {finding.message}{detail}"


def print_findings(console: Any, reports: Mapping[str, Any]) -> None:
    """Print each report's findings (one line each), its summary and its signature."""
    for label, report in reports.items():
        summary = report.summary()
        sev = summary["by_severity"]
        targets = ", ".join(lang for lang in report.languages if lang != report.pivot)
        console.print(
            f"QA of the {label} ({report.pivot} -> {targets}): {len(report.findings)} findings "
            f"({sev['error']} errors, {sev['warning']} warnings, {sev['info']} info)",
            markup=False,
        )
        for finding in report.findings:
            console.print(finding_line(report, finding), markup=False, soft_wrap=True)
        if summary["by_category"]:
            console.print("  by category: " + ", ".join(f"{k} {v}" for k, v in summary["by_category"].items()),
                          markup=False)
        console.print(f"  signature: {report.signature}", markup=False, soft_wrap=True)
