"""``hexaglot demo``: the QA runs are made once by the command; the report modules only render."""

from __future__ import annotations

import ast
from pathlib import Path

from click.testing import CliRunner
from rich.console import Console

from hexaglot.cli import cli
from hexaglot.commands import demo as demo_module
from hexaglot.reports import demo as html_step
from hexaglot.reports.demo_findings import print_findings
from qa_rules.engine import check
from qa_rules.examples import example_alignment
from qa_rules.references.rf02_resolution import ResolutionMismatch
from qa_rules.structure.st01_missing import MissingParagraph

REPORTS = Path(html_step.__file__).parent


def test_report_modules_never_run_a_check():
    for module in sorted(REPORTS.glob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                    for alias in node.names} | {node.module for node in ast.walk(tree)
                                                if isinstance(node, ast.ImportFrom) and node.module}
        assert not imported & {"qa_rules.run", "check_files", "check_paths", "qa_rules.cat_input"}, module.name


def test_demo_steps_render_the_reports_they_are_given(tmp_path, monkeypatch):
    reports = {
        "sample set": check(example_alignment({"fr": "Rappelant sa résolution 74/175,",
                                               "en": "Recalling its resolution 74/157,"}), [ResolutionMismatch]),
        "drafts": check(example_alignment({"fr": "Prie l'Office de faire rapport,", "es": ""}), [MissingParagraph]),
    }
    console = Console(record=True, width=200)
    print_findings(console, reports)
    out = console.export_text()
    assert "QA of the sample set (fr -> en): 1 findings (1 errors" in out
    assert "  es:-" in out  # the omission is listed under the version it is missing from
    monkeypatch.setattr(html_step, "demo_folder", lambda: tmp_path)
    html_step.write_html_reports(console, reports)
    for name in ("qa-sample-set.html", "qa-drafts.html"):
        assert (tmp_path / name).read_text(encoding="utf-8").count("data-finding-id=") == 1


def test_one_list_of_drafts():
    assert demo_module.DRAFT_LANGUAGES == ("en", "es", "ru")
    assert demo_module.STEPS[2:] == [demo_module.qa_runs, demo_module.qa_findings, demo_module.html_reports]


def test_demo_help_says_what_it_does():
    result = CliRunner().invoke(cli, ["demo", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "QA findings" in text and "HTML report" in text and "drafts" in text
