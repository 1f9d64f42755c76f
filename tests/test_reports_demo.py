"""``hexaglot demo``: the QA runs are made once by the command; the report modules only render."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

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

from conftest import SAMPLE_SET, SAMPLES

REPORTS = Path(html_step.__file__).parent
FTF = "combattants terroristes étrangers"


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
    """The demo checks every bundled draft: the five languages the plants were made in, all present."""
    plants = json.loads((SAMPLES / "drafts" / "plants.json").read_text(encoding="utf-8"))["plants"]
    assert demo_module.DRAFT_LANGUAGES == ("en", "es", "ru", "zh", "ar") == tuple(plants)
    for lang in demo_module.DRAFT_LANGUAGES:
        assert (SAMPLES / "drafts" / f"{lang}_draft.md").is_file()
    assert demo_module.STEPS[2:] == [demo_module.qa_runs, demo_module.qa_findings, demo_module.glossary_terms,
                                     demo_module.html_reports]


@pytest.fixture(scope="module")
def demo_run():
    """The demo's steps up to the glossary terms (no HTML written), printed to a wide recording console."""
    console = Console(record=True, width=400)
    ctx = demo_module.DemoContext(console=console)
    with ctx.stack:
        for step in demo_module.STEPS:
            if step is not demo_module.html_reports:
                step(ctx)
    return ctx, console.export_text()


def test_the_demo_checks_the_official_text_against_five_versions_and_five_drafts(demo_run):
    ctx, out = demo_run
    assert "Read E-RES-2023-26: 6 versions (fr, ar, zh, en, ru, es)" in out
    assert "QA of the sample set (fr -> ar, zh, en, ru, es)" in out
    assert "QA of the drafts (fr -> en, es, ru, zh, ar)" in out
    drafts = ctx.reports["drafts"]
    assert [doc.path.rpartition("/")[2] for doc in drafts.documents[1:]] == [
        f"{lang}_draft.md" for lang in demo_module.DRAFT_LANGUAGES]
    # one planted error of each draft, in the categories the plants give them (samples/drafts/plants.json)
    found = {(drafts.version_of(f), f.rule, f.found) for f in drafts.findings}
    assert ("en", "RF02", "2235 (2015)") in found  # fn.3: resolution 2253 (2015) became 2235 (2015)
    assert ("es", "RF01", "E/CN.15/2023/3") in found  # fn.6: E/CN.15/2023/5 became E/CN.15/2023/3
    assert ("ru", "RF01", "E/CN.15/2022/5") in found  # fn.6: E/CN.15/2023/5 became E/CN.15/2022/5
    assert ("zh", "RF02", "76/118") in found  # fn.5: resolution 76/181 became 76/118
    assert ("ar", "RF02", "74/157") in found  # pp.8: resolution 74/175 became 74/157


def test_the_foreign_terrorist_fighters_of_the_official_text_are_checked_in_every_version(demo_run):
    """« combattants terroristes étrangers » is written eight times in the official French text; the
    five working translations render each occurrence (en «foreign terrorist fighters», es
    «combatientes terroristas extranjeros», ru «иностранных боевиков-террористов», zh
    «外国恐怖主义作战人员», ar «المقاتلين الإرهابيين الأجانب»), and the demo says so."""
    ctx, out = demo_run
    assert (SAMPLE_SET / "fr.md").read_text(encoding="utf-8").count(FTF) == 8
    (ftf,) = [c for c in ctx.term_checks["sample set"] if c.concept == "foreign-terrorist-fighter"]
    assert (ftf.term, ftf.count, ftf.no_term) == (FTF, 8, ())
    assert ftf.matched == tuple((lang, 8, 8) for lang in ("ar", "zh", "en", "ru", "es"))
    assert f"  «{FTF}»: 8 in fr, matched 8/8 in each version" in out.splitlines()
    for run in ("sample set", "drafts"):  # every occurrence of the source is checked once in every version
        assert all(of == check.count for check in ctx.term_checks[run] for _, _, of in check.matched), run
    sample = out.split("checked in the sample set:", 1)[1].split("checked in the drafts:", 1)[0]
    assert sample.count("\n  «") == len(ctx.term_checks["sample set"]) > 40  # every term of the sample set listed


def test_the_drafts_lose_exactly_the_foreign_terrorist_fighters_the_plants_took_away(demo_run):
    """Each draft's shortfall is what samples/drafts/plants.json planted on that term, nothing more."""
    ctx, out = demo_run
    plants = json.loads((SAMPLES / "drafts" / "plants.json").read_text(encoding="utf-8"))["plants"]
    described = {lang: " ".join(p["description"] for p in items) for lang, items in plants.items()}
    taken = {  # lang -> the plants that remove or spoil an occurrence of the term
        "en": ["'foreign terrorist combatants'", "operative paragraph 22 cut after"],  # pp.18 calque, op.22 cut
        "es": ["operative paragraph 13 carries the translation of operative paragraph 18"],
        "ru": ["operative paragraph 21 left in French", "second half of operative paragraph 22 omitted"],
        "zh": ["'外国恐怖主义战斗人员' (glossary: superseded"],  # op.21
        "ar": ["'المحاربين الإرهابيين الأجانب' (non-UN wording)"],  # op.21
    }
    for lang, plants_on_term in taken.items():
        assert all(p in described[lang] for p in plants_on_term), lang
    (ftf,) = [c for c in ctx.term_checks["drafts"] if c.concept == "foreign-terrorist-fighter"]
    assert ftf.count == 8
    assert ftf.matched == tuple((lang, 8 - len(taken[lang]), 8) for lang in demo_module.DRAFT_LANGUAGES)
    assert f"  «{FTF}»: 8 in fr, matched en 6/8, es 7/8, ru 6/8, zh 7/8, ar 7/8" in out.splitlines()


def test_demo_help_says_what_it_does():
    result = CliRunner().invoke(cli, ["demo", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "QA findings" in text and "HTML report" in text and "drafts" in text
