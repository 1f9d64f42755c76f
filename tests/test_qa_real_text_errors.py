"""Real text, every language as source: the errors that remain are true problems of the text.

A/RES/55/100 (official, six versions, December 2000) checked as ``benchmarks/real_text.py``
checks it, each of the 30 ordered pairs: the former country names of its vote lists were
current in 2000 (TE03 judges them at the document's date), and the only errors left are the
three stray brackets the OPUS conversion left in the Arabic text (docs/qa.md judges them). The
same text as OPUS tokenises it gives each kind of misplaced space once per version, with its
count, not hundreds of findings.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa_rules.config import RunConfig
from qa_rules.run import CheckOptions, check_files
from qa_rules.systematic import Systematic

REPO = Path(__file__).resolve().parent.parent
A55 = REPO / "samples" / "A-RES-55-100"
LANGS = ("ar", "en", "es", "fr", "ru", "zh")


def _check(folder: Path, source: str, target: str, config: RunConfig = RunConfig()):
    paths = [str(folder / f"{source}.md"), str(folder / f"{target}.md")]
    return check_files(paths, CheckOptions(langs=(source, target), discover=False), config=config)


@pytest.mark.parametrize("source", LANGS)
def test_a_res_55_100_errors_are_only_the_stray_arabic_brackets(source):
    errors = []
    for target in LANGS:
        if target != source:
            report = _check(A55, source, target)
            errors += [(f.rule, target, f.target.line) for f in report.findings if f.severity == "error"]
            assert not [f for f in report.findings if f.rule == "TE03" and f.severity == "error"]
    expected = [] if source == "ar" else [("PU02", "ar", line) for line in (7, 21, 23)]
    assert sorted(errors) == expected
    ar = (A55 / "ar.md").read_text(encoding="utf-8").splitlines()
    assert all(ar[line - 1].count(")") > ar[line - 1].count("(") for _, _, line in errors)


def test_a_res_55_100_venezuela_was_current_in_2000():
    """The glossary dates the change of Venezuela's short name (UNTERM: 17 November 2004)."""
    report = _check(A55, "fr", "en")
    assert not [f for f in report.findings if f.rule == "TE03"]


@pytest.fixture
def tokenised(tmp_path_factory, shared_data):
    records = [json.loads(line) for line in
               (shared_data / "opus-un-6way" / "A-RES-55-100.jsonl").read_text(encoding="utf-8").splitlines()
               if line.strip()]
    folder = tmp_path_factory.mktemp("tokenised")
    for lang in LANGS:
        (folder / f"{lang}.md").write_text("\n\n".join(r[lang] for r in records) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("source, target", [("fr", "en"), ("en", "zh"), ("ru", "ar")])
def test_the_tokenised_text_gives_each_kind_of_space_once_with_its_count(tokenised, source, target):
    grouped = [f for f in _check(tokenised, source, target).findings if f.rule == "SP02"]
    single = [f for f in _check(tokenised, source, target, RunConfig(systematic=Systematic(min_count=0))).findings
              if f.rule == "SP02"]
    assert len(single) > 200
    assert sorted(f.found for f in grouped) == [f"space after punctuation in {target}",
                                                f"space before punctuation in {target}"]
    assert sum(f.count for f in grouped) == len(single)
    assert {(p.unit, p.line) for f in grouped for p in f.places} == {(f.target.unit, f.target.line) for f in single}
