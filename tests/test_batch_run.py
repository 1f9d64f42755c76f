"""``hexaglot batch``: reports per document, broken documents listed, resume, atomic writes, the summary."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import hexaglot.batch as batch
import hexaglot.batch_run as batch_run
from aligner.corpus import iter_corpus
from hexaglot.batch import BatchSettings, DocumentResult, whole_version_findings
from hexaglot.batch_run import run_batch
from hexaglot.cli import cli
from hexaglot.progress import ProgressReport
from qa_rules.model import Finding, Location
from tests.conftest import SAMPLES

SMALL = SAMPLES / "A-RES-55-100"
#: A paragraph of the English version of A/RES/55/100 and the rewording planted in a second document.
PARAGRAPH = "Reaffirming that all human rights and fundamental freedoms are universal"
REWORDED = "Reaffirming that all human rights and basic freedoms are universal"


def make_corpus(root: Path) -> Path:
    """Two good documents (the second with one paragraph reworded), one undecodable, one without its source."""
    for name in ("doc-a", "doc-b"):
        (root / name).mkdir(parents=True)
        for lang in ("fr", "en"):
            shutil.copy(SMALL / f"{lang}.md", root / name / f"{lang}.md")
    en_b = root / "doc-b" / "en.md"
    text = en_b.read_text(encoding="utf-8")
    assert PARAGRAPH in text
    en_b.write_text(text.replace(PARAGRAPH, REWORDED, 1), encoding="utf-8")
    (root / "doc-c").mkdir()
    shutil.copy(SMALL / "fr.md", root / "doc-c" / "fr.md")
    (root / "doc-c" / "en.md").write_bytes(b"Resolution \xff\xfe adopted\n")
    (root / "doc-d").mkdir()
    shutil.copy(SMALL / "en.md", root / "doc-d" / "en.md")
    return root


def run(*args):
    return CliRunner().invoke(cli, ["batch", *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def finished(tmp_path_factory):
    """One CLI run over the small corpus with two worker processes and HTML reports."""
    root = tmp_path_factory.mktemp("batch")
    corpus = make_corpus(root / "corpus")
    out = root / "run"
    result = run(str(corpus), "-o", str(out), "--source", "fr", "--workers", "2", "--html")
    return corpus, out, result


def test_one_report_per_document_and_broken_documents_listed_not_fatal(finished):
    corpus, out, result = finished
    assert result.exit_code == 2  # two documents could not be checked
    for name in ("doc-a", "doc-b"):
        report = json.loads((out / "documents" / f"{name}.json").read_text(encoding="utf-8"))
        assert [d["path"] for d in report["documents"]] == [str(corpus / name / "fr.md"), str(corpus / name / "en.md")]
        assert (out / "documents" / f"{name}.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    summary = pd.read_csv(out / "summary.csv", dtype=str, keep_default_na=False)
    problems = dict(zip(summary["document"], summary["problem"]))
    assert "is not UTF-8" in problems["doc-c"] and str(corpus / "doc-c" / "en.md") in problems["doc-c"]
    assert problems["doc-d"].startswith(f"{corpus / 'doc-d'}: has no fr (source) version")
    assert problems["doc-a"] == "" and problems["doc-b"] == ""
    assert "\n" not in problems["doc-c"]
    assert not (out / "documents" / "doc-c.json").exists()
    assert "hexaglot: warning: " + problems["doc-c"] in result.output
    assert "(4 documents, source fr: 2 checked, 0 already done, 2 could not be checked," in result.output


def test_summary_worst_first_with_links_terms_and_cross_document_consistency(finished):
    corpus, out, _ = finished
    summary = pd.read_csv(out / "summary.csv", dtype=str, keep_default_na=False)
    assert list(summary["status"]) == ["error", "error", "checked", "checked"]
    checked = summary[summary["status"] == "checked"]
    errors = [int(n) for n in checked["error"]]
    assert errors == sorted(errors, reverse=True)
    assert set(checked["report"]) == {"documents/doc-a.html", "documents/doc-b.html"}
    page = (out / "summary.html").read_text(encoding="utf-8")
    assert '<a href="documents/doc-a.html">' in page and "<script" not in page and "http" not in page
    consistency = pd.read_csv(out / "consistency.csv", dtype=str, keep_default_na=False)
    reworded = consistency[consistency["target"].str.startswith(REWORDED)]
    assert list(reworded["documents"]) == ["doc-b"]
    original = consistency[consistency["target"].str.startswith(PARAGRAPH)]
    assert list(original["documents"]) == ["doc-a"] and list(original["lang"]) == ["en"]
    terms = pd.read_csv(out / "terms.csv", dtype=str, keep_default_na=False)
    assert {"glossary", "concept", "lang", "occurrences", "documents", "terms", "inconsistent"} <= set(terms.columns)
    assert (terms["documents"] == "2").any()
    sheets = pd.read_excel(out / "summary.xlsx", sheet_name=None)
    assert list(sheets["documents"]["document"]) == list(summary["document"])


def test_resume_skips_finished_documents_and_redoes_changed_ones(finished, tmp_path, monkeypatch):
    corpus, out, _ = finished
    copy = tmp_path / "run"
    shutil.copytree(out, copy)
    checked: list[str] = []
    real = batch._check
    monkeypatch.setattr(batch, "_check", lambda doc, settings: checked.append(doc.name) or real(doc, settings))
    settings = BatchSettings(options=batch.with_search_dir(batch.CheckOptions()), html=True)
    documents = list(iter_corpus(corpus, source="fr"))
    # the CLI run resolved the same settings: a resumed run does no work, even for broken documents
    records: list[dict] = []
    again = run_batch(documents, copy, settings, workers=0, resume=True, on_record=records.append)
    assert checked == [] and again.skipped == 4 and again.documents == 4
    assert [r["name"] for r in records] == ["doc-a", "doc-b", "doc-c", "doc-d"]
    assert records[0] == json.loads((out / "documents" / "doc-a.record.json").read_text(encoding="utf-8"))
    # a changed input, a lost record, different options: done again
    (corpus / "doc-a" / "en.md").write_text((SMALL / "en.md").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    (copy / "documents" / "doc-b.record.json").unlink()
    run_batch(documents, copy, settings, workers=0, resume=True)
    assert checked == ["doc-a", "doc-b"]
    checked.clear()
    run_batch(documents, copy, BatchSettings(options=settings.options), workers=0, resume=True)
    assert checked == ["doc-a", "doc-b", "doc-c"]  # doc-d's problem is found without checking


def test_record_is_written_last_so_an_interrupted_write_is_not_done(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus" / "doc-a"
    corpus.mkdir(parents=True)
    for lang in ("fr", "en"):
        shutil.copy(SMALL / f"{lang}.md", corpus / f"{lang}.md")
    out = tmp_path / "run"
    settings = BatchSettings()
    documents = list(iter_corpus(tmp_path / "corpus", source="fr"))
    real = batch_run.write_atomic

    def interrupted(path, data, inputs=()):
        if str(path).endswith(".record.json"):
            raise KeyboardInterrupt
        real(path, data, inputs)

    monkeypatch.setattr(batch_run, "write_atomic", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_batch(documents, out, settings, workers=0)
    monkeypatch.setattr(batch_run, "write_atomic", real)
    files = sorted(p.name for p in (out / "documents").iterdir())
    assert files == ["doc-a.json"]  # the report whole, no record, no temporary file
    json.loads((out / "documents" / "doc-a.json").read_text(encoding="utf-8"))
    assert batch_run.load_record(out, documents[0], settings) is None
    resumed = run_batch(documents, out, settings, workers=0, resume=True)
    assert resumed.skipped == 0 and (out / "documents" / "doc-a.record.json").is_file()


def test_reports_are_deterministic_whatever_runs_them(finished, tmp_path):
    corpus, out, _ = finished
    settings = BatchSettings(options=batch.with_search_dir(batch.CheckOptions()), html=True)
    run_batch(iter_corpus(corpus, source="fr"), tmp_path, settings, workers=0)
    for name in ("doc-a.json", "doc-b.json", "doc-a.html", "doc-c.record.json"):
        assert (tmp_path / "documents" / name).read_bytes() == (out / "documents" / name).read_bytes(), name


def test_align_writes_each_documents_alignment(tmp_path):
    corpus = tmp_path / "corpus" / "doc-a"
    corpus.mkdir(parents=True)
    for lang in ("fr", "en"):
        shutil.copy(SMALL / f"{lang}.md", corpus / f"{lang}.md")
    result = run(str(tmp_path / "corpus"), "-o", str(tmp_path / "run"), "--source", "fr", "--workers", "1",
                 "--align", "tmx", "--align", "json", "-q")
    # no error in the official English text: its country names were current when it was adopted (2000)
    assert result.output == "" and result.exit_code == 0
    again = run(str(tmp_path / "corpus"), "-o", str(tmp_path / "run"), "--source", "fr", "--workers", "1",
                "--align", "tmx", "--align", "json", "-q", "--resume", "--fail-on", "never")
    assert again.exit_code == 0
    documents = tmp_path / "run" / "documents"
    aligned = json.loads((documents / "doc-a.align.json").read_text(encoding="utf-8"))
    assert aligned["languages"] == ["fr", "en"] and aligned["rows"]
    assert "<tmx" in (documents / "doc-a.align.tmx").read_text(encoding="utf-8")


def test_whole_version_findings_are_those_naming_no_unit():
    place = Location("en.md", "en", "op.1", 3)
    whole = Location("en.md", "en", None, None)
    findings = (Finding("XX01", "x.placed", "structure", "error", place, place, "placed"),
                Finding("XX02", "x.whole", "structure", "error", Location("fr.md", "fr", None, None), whole,
                        "the en version is not a translation of the fr source"))

    class Report:
        def __init__(self):
            self.findings = findings

        def version_of(self, finding):
            return finding.target.lang

    assert whole_version_findings(Report()) == [{"rule": "XX02", "name": "x.whole", "severity": "error", "lang": "en",
                                                 "message": "the en version is not a translation of the fr source"}]


def test_progress_plain_lines_off_a_terminal_and_silent_when_quiet():
    now = [0.0]
    stream = io.StringIO()
    progress = ProgressReport(10, terminal=False, enabled=True, stream=stream, every=5, clock=lambda: now[0])
    for done in range(1, 11):
        now[0] += 1.0
        progress.update(done, errors=1 if done > 3 else 0)
    progress.close()
    lines = stream.getvalue().splitlines()
    assert lines == ["batch: 5/10 documents (50%), 1.0/s, 1 error, about 5s left",
                     "batch: 10/10 documents (100%), 1.0/s, 1 error"]  # said once, not again by close()
    assert "\x1b" not in stream.getvalue()
    quiet = io.StringIO()
    silent = ProgressReport(10, terminal=False, enabled=False, stream=quiet)
    silent.update(10)
    silent.close()
    assert quiet.getvalue() == ""


def test_cli_progress_is_plain_lines_when_stderr_is_not_a_terminal(finished):
    _, _, result = finished
    assert "batch: 4/4 documents (100%)" in result.output and "\x1b[" not in result.output


def test_scheduler_without_dask_is_one_line_error(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)
    result = CliRunner().invoke(cli, ["batch", str(SAMPLES), "-o", str(tmp_path / "run"), "--scheduler", "local"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "hexaglot: error: --scheduler: needs dask.distributed, which is not installed; "
        "install it with: pip install 'hexaglot[dask]'"]


def test_output_that_is_a_file_or_an_empty_corpus_is_an_input_error(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("keep", encoding="utf-8")
    result = run(str(SAMPLES), "-o", str(target))
    assert result.exit_code == 2 and "is a file" in result.output and target.read_text() == "keep"
    (tmp_path / "empty").mkdir()
    result = run(str(tmp_path / "empty"), "-o", str(tmp_path / "run"))
    assert result.exit_code == 2 and "holds no documents" in result.output


def test_document_result_carries_no_timings_into_its_record(finished):
    _, out, _ = finished
    record = json.loads((out / "documents" / "doc-a.record.json").read_text(encoding="utf-8"))
    assert "timings" not in record and record["settings"] and record["outputs"] == [
        "documents/doc-a.json", "documents/doc-a.html"]
    assert isinstance(DocumentResult("x", {}).error, type(None))


def test_corpus_summary_terms_inconsistent_when_documents_usual_terms_differ():
    from hexaglot.reports.corpus import CorpusSummary

    def record(name, terms):
        return {"name": name, "files": [["fr", "fr.md"], ["en", "en.md"]], "languages": ["fr", "en"],
                "findings": {"total": 0, "by_severity": {}, "by_category": {}, "by_language": {}},
                "terms": [["g", "c1", "human rights", "fr", term, n] for term, n in terms]
                + [["g", "c2", "Member States", "fr", "États Membres", 2]]}

    summary = CorpusSummary()
    summary.add(record("a", [("droits de l'homme", 3), ("droits humains", 1)]))
    summary.add(record("b", [("droits de l'homme", 2)]))
    terms = summary.terms_frame().set_index("concept")
    assert not terms.loc["c1", "inconsistent"]  # both documents mostly say « droits de l'homme »
    summary.add(record("c", [("droits humains", 4)]))
    terms = summary.terms_frame().set_index("concept")
    assert terms.loc["c1", "inconsistent"] and not terms.loc["c2", "inconsistent"]
    assert terms.loc["c1", "occurrences"] == 10 and terms.loc["c1", "documents"] == 3
    assert terms.loc["c1", "terms"] == "droits de l'homme (2 documents); droits humains (2 documents)"


def test_settings_key_changes_with_the_options_and_the_files_they_name(tmp_path):
    glossary = tmp_path / "terms.csv"
    glossary.write_text("a", encoding="utf-8")
    settings = BatchSettings(options=batch.CheckOptions(glossaries=(str(glossary),)))
    key = settings.key
    assert key == BatchSettings(options=batch.CheckOptions(glossaries=(str(glossary),))).key
    assert key != BatchSettings(options=batch.CheckOptions(glossaries=(str(glossary),), select=("NU01",))).key
    glossary.write_text("ab", encoding="utf-8")  # an edited glossary: records made before are stale
    assert settings.key != key


def test_a_documents_report_is_the_report_check_writes(finished):
    from hexaglot.reports import render
    from qa_rules.run import check_paths

    corpus, out, _ = finished
    report, _ = check_paths([str(corpus / "doc-b" / "fr.md"), str(corpus / "doc-b" / "en.md")], batch.CheckOptions())
    assert (out / "documents" / "doc-b.json").read_text(encoding="utf-8") == render(report, "json")
    assert (out / "documents" / "doc-b.html").read_text(encoding="utf-8") == render(report, "html")


def test_un_parallel_corpus_layout_checked_end_to_end(tmp_path):
    for lang in ("fr", "en", "es"):
        folder = tmp_path / "corpus" / lang / "2000"
        folder.mkdir(parents=True)
        shutil.copy(SMALL / f"{lang}.md", folder / "a_res_55_100.md")
    records: list[dict] = []
    run_batch(iter_corpus(tmp_path / "corpus", source="fr"), tmp_path / "run", BatchSettings(), workers=0,
              on_record=records.append)
    assert [(r["name"], r["error"], r["languages"]) for r in records] == [("2000/a_res_55_100", None, ["fr", "en", "es"])]
    report = json.loads((tmp_path / "run" / "documents" / "2000" / "a_res_55_100.json").read_text(encoding="utf-8"))
    assert report["documents"][0]["path"] == str(tmp_path / "corpus" / "fr" / "2000" / "a_res_55_100.md")


def test_a_bad_rule_selection_is_one_error_before_any_document(tmp_path):
    result = run(str(SAMPLES), "-o", str(tmp_path / "run"), "--source", "fr", "--select", "XX99")
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    assert "XX99" in result.output and not (tmp_path / "run").exists()


def _killed_on(document, settings, doomed: str, marker: str):
    """A pool task whose worker process is killed (SIGKILL, as by the out-of-memory killer) while
    it checks ``doomed``: the first time only if ``marker`` is given (then created), else always."""
    import os
    import signal

    if document.name == doomed and not (marker and Path(marker).exists()):
        if marker:
            Path(marker).touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return batch.check_document(document, settings)


def test_a_killed_workers_documents_are_tried_once_more_on_a_new_pool(tmp_path):
    from functools import partial

    corpus = make_corpus(tmp_path / "corpus")
    settings = BatchSettings(options=batch.with_search_dir(batch.CheckOptions()))
    marker = tmp_path / "killed-once"
    task = partial(_killed_on, doomed="doc-b", marker=str(marker))
    results = list(batch_run.local_results(iter_corpus(corpus, source="fr"), settings, 2, task))
    assert marker.exists()  # the worker checking doc-b was killed
    assert sorted(r.name for r in results) == ["doc-a", "doc-b", "doc-c", "doc-d"]
    by_name = {r.name: r for r in results}
    assert not any(r.transient for r in results) and by_name["doc-b"].error is None
    assert by_name["doc-b"].record["findings"]["total"] > 0  # checked on the new pool
    # killed every time: a transient error for this run (no record, so --resume tries it again)
    task = partial(_killed_on, doomed="doc-b", marker="")
    results = {r.name: r for r in batch_run.local_results(iter_corpus(corpus, source="fr"), settings, 2, task)}
    assert sorted(results) == ["doc-a", "doc-b", "doc-c", "doc-d"]
    assert results["doc-b"].transient and "worker process checking it died" in results["doc-b"].error
    assert not results["doc-a"].transient and results["doc-a"].error is None
    batch_run.write_result(tmp_path / "run", results["doc-b"])
    assert not (tmp_path / "run" / "documents" / "doc-b.record.json").exists()


def test_local_workers_write_the_files_and_hand_back_only_the_record(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    settings = BatchSettings(options=batch.with_search_dir(batch.CheckOptions()), html=True)
    from functools import partial

    task = partial(batch_run.check_and_write, out_dir=str(tmp_path / "run"))
    results = {r.name: r for r in batch_run.local_results(iter_corpus(corpus, source="fr"), settings, 2, task)}
    assert all(r.written and r.outputs == () for r in results.values())
    for name, result in results.items():
        on_disk = json.loads((tmp_path / "run" / "documents" / f"{name}.record.json").read_text(encoding="utf-8"))
        assert on_disk == result.record
    assert (tmp_path / "run" / "documents" / "doc-a.html").is_file()


def test_term_statistics_reuse_the_matches_the_rules_found(monkeypatch):
    """A document's glossary terms are matched once: the record's corpus statistics take the
    matches the run's rules made (``Report.term_matches``) instead of scanning the text again."""
    import qa_rules.glossary.stats as stats
    from qa_rules.run import check_paths

    report, _ = check_paths([str(SMALL / "fr.md"), str(SMALL / "en.md")], batch.CheckOptions())
    glossaries = batch.run_setup(BatchSettings(options=batch.with_search_dir(batch.CheckOptions()))).glossaries
    scanned = [s.as_dict() for s in stats.term_stats(report.documents, glossaries)]
    assert scanned and report.term_matches
    assert all((doc.lang, unit.text) in report.term_matches for doc in report.documents for unit in doc.units)

    def no_second_scan(*args):
        raise AssertionError("the text was matched again")

    monkeypatch.setattr(stats, "matcher_for", no_second_scan)
    assert [s.as_dict() for s in stats.term_stats(report.documents, glossaries, report.term_matches)] == scanned


def test_a_run_with_nothing_new_leaves_the_summary_as_it_was(tmp_path):
    """A nightly run over a corpus where nothing changed rewrites no summary file (nor imports
    pandas to make them); a missing file or a changed document makes them again."""
    from hexaglot.reports.corpus import SUMMARY_FILES

    folder = tmp_path / "corpus" / "doc-a"
    folder.mkdir(parents=True)
    for lang in ("fr", "en"):
        shutil.copy(SMALL / f"{lang}.md", folder / f"{lang}.md")
    out = tmp_path / "run"
    args = (str(tmp_path / "corpus"), "-o", str(out), "--source", "fr", "--workers", "1", "-q", "--resume",
            "--fail-on", "never")
    assert run(*args).exit_code == 0

    def dates() -> dict[str, int]:
        return {name: (out / name).stat().st_mtime_ns for name in SUMMARY_FILES}

    first, key = dates(), json.loads((out / "summary.json").read_text(encoding="utf-8"))["records"]
    assert run(*args).exit_code == 0
    assert dates() == first
    (out / "summary.xlsx").unlink()
    assert run(*args).exit_code == 0
    assert (out / "summary.xlsx").is_file() and json.loads((out / "summary.json").read_text())["records"] == key
    en = folder / "en.md"
    en.write_text(en.read_text(encoding="utf-8").replace(PARAGRAPH, REWORDED, 1), encoding="utf-8")
    assert run(*args).exit_code == 0
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["records"] != key
