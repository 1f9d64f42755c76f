"""The ``hexaglot demo`` findings listing: one line per finding and a summary, per run;
then the glossary terms of the source with how often each version renders them.

The demo (``hexaglot.commands.demo.qa_runs``) checks the sample set and the
drafts once, and counts the glossary terms once (``term_checks``); this module
only renders the reports and counts it is given.
"""

from __future__ import annotations

from typing import Any, Collection, Mapping, Sequence

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
    """Print each report's findings (one line each), its summary, its notices and its signature."""
    for label, report in reports.items():
        summary = report.summary()
        sev = summary["by_severity"]
        targets = ", ".join(lang for lang in report.languages if lang != report.pivot)
        console.print(
            f"QA of the {label} ({report.pivot} -> {targets}): {len(report.findings)} findings "
            f"({sev['error']} errors, {sev['warning']} warnings, {sev['info']} info)",
            markup=False, soft_wrap=True,
        )
        for finding in report.findings:
            console.print(finding_line(report, finding), markup=False, soft_wrap=True)
        if summary["by_category"]:
            console.print("  by category: " + ", ".join(f"{k} {v}" for k, v in summary["by_category"].items()),
                          markup=False)
        for notice in report.notices:  # rules that did not run on a version (no spelling dictionary)
            console.print(f"  notice: {notice}", markup=False, soft_wrap=True)
        console.print(f"  signature: {report.signature}", markup=False, soft_wrap=True)


def term_check_line(check: Any, source_lang: str) -> str:
    """``«combattants terroristes étrangers»: 8 in fr, matched 8/8 in each version``, or the counts
    version by version when they differ; versions whose language has no accepted term are named."""
    counts = {(found, of) for _, found, of in check.matched}
    if len(counts) == 1 and check.matched:
        found, of = counts.pop()
        matched = f"matched {found}/{of} in each version" if not check.no_term else \
            f"matched {found}/{of} in " + ", ".join(lang for lang, _, _ in check.matched)
    elif check.matched:
        matched = "matched " + ", ".join(f"{lang} {found}/{of}" for lang, found, of in check.matched)
    else:
        matched = "nothing to match"
    line = f"  «{check.term}»: {check.count} in {source_lang}, {matched}"
    if check.no_term:
        line += f" (no accepted {', '.join(check.no_term)} term in glossary {check.glossary})"
    return line


def print_term_checks(console: Any, reports: Mapping[str, Any], checks: Mapping[str, Sequence[Any]],
                      complete_too: Collection[str] = ()) -> None:
    """Each run's glossary terms of the source: every term for the runs in ``complete_too``,
    else only the terms some version does not render every time."""
    for label, run_checks in checks.items():
        report = reports[label]
        occurrences = sum(c.count for c in run_checks)
        head = (f"Glossary terms of the {report.pivot} source checked in the {label}: {len(run_checks)} terms, "
                f"{occurrences} occurrences (terminology matcher; matched = rendered by an accepted term "
                f"in the aligned paragraph)")
        if label in complete_too:
            shown = list(run_checks)
            console.print(head, markup=False, soft_wrap=True)
        else:
            shown = [c for c in run_checks if not c.complete]
            console.print(f"{head}; {len(run_checks) - len(shown)} matched every time in every version, "
                          f"{len(shown)} not:", markup=False, soft_wrap=True)
        for check in shown:
            console.print(term_check_line(check, report.pivot), markup=False, soft_wrap=True)
