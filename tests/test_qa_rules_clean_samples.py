"""No noise on correct translations: the clean six-language sample sets give no error-severity
finding from the structure, numbers, references and dates families (any pivot), and planted
errors in a real version are found where they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa_rules.run import CheckOptions, check_files
from tests.conftest import SAMPLES

LANGS = ("fr", "en", "es", "ru", "zh", "ar")
FAMILIES = ("structure", "numbers", "references", "dates")
OPTIONS = CheckOptions(select=FAMILIES, default_glossaries=False, search_dir="/nonexistent")


def _paths(sample: str, pivot: str = "fr") -> list[str]:
    folder = SAMPLES / sample
    return [str(folder / f"{pivot}.md")] + [str(folder / f"{lang}.md") for lang in LANGS if lang != pivot]


@pytest.mark.parametrize("sample", ["E-RES-2023-26", "A-RES-55-100"])
def test_clean_sample_set_has_no_error_from_these_families(sample):
    report = check_files(_paths(sample), OPTIONS)
    errors = [f"{f.rule} {f.target and f.target.lang} {f.message}" for f in report.findings if f.severity == "error"]
    assert errors == []
    assert report.findings == ()  # not even warnings with French as the source


@pytest.mark.parametrize("pivot", ["en", "es", "ru", "zh", "ar"])
def test_clean_sample_set_any_pivot_has_no_error(pivot):
    report = check_files(_paths("E-RES-2023-26", pivot), OPTIONS)
    errors = [f"{f.rule} {f.target and f.target.lang} {f.message}" for f in report.findings if f.severity == "error"]
    assert errors == []


def _planted(tmp_path: Path, lang: str, replacements: list[tuple[str, str]]) -> str:
    text = (SAMPLES / "E-RES-2023-26" / f"{lang}.md").read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    out = tmp_path / f"{lang}.md"
    out.write_text(text, encoding="utf-8")
    return str(out)


def test_planted_errors_are_found_on_their_lines(tmp_path):
    en_text = (SAMPLES / "E-RES-2023-26" / "en.md").read_text(encoding="utf-8")
    assert "74/175" in en_text and "18 December 2019" in en_text
    en = _planted(tmp_path, "en", [("74/175", "74/157"), ("18 December 2019", "19 December 2019")])
    report = check_files([str(SAMPLES / "E-RES-2023-26" / "fr.md"), en], OPTIONS)
    by_rule = {f.rule: f for f in report.findings}
    assert {"RF02", "DA01"} <= set(by_rule), [f.message for f in report.findings]
    lines = en_text.splitlines()
    rf02 = by_rule["RF02"]
    assert rf02.expected == "74/175" and rf02.found == "74/157"
    assert "74/175" in lines[rf02.target.line - 1]
    assert by_rule["DA01"].found == "19 December 2019"
    assert not [f for f in report.findings if f.rule == "NU01"]  # not double-reported as numbers


def test_raw_opus_tokenised_official_text_gives_no_finding(shared_data):
    """A/RES/55/100 as OPUS ships it (spaces around punctuation, "( III )", "[ 1 ]", "2 ．", "2 -"):
    the numbers, references and dates rules read it like the detokenised text."""
    import json

    from qa_rules.examples import run_example
    from qa_rules.registry import RULES

    rules = [r for r in RULES if r.category in ("numbers", "references", "dates")]
    path = shared_data / "opus-un-6way" / "A-RES-55-100.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    found = []
    for row in rows:
        for lang in ("en", "es", "ru", "zh", "ar"):
            for rule in rules:
                found += [f"{row['unit_id']} {lang} {f.rule} {f.message}"
                          for f in run_example(rule, {"fr": row["fr"], lang: row[lang]})]
    assert found == []
