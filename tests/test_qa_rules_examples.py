"""Per-rule fixture files, one runner for every rule family.

``tests/data/qa_examples/<CODE>.json`` holds ``flags`` examples (the rule must
find something), ``passes`` examples (it must find nothing) and ``xfail``
cases (known limitations, strict: a fix that starts working is noticed). Each
example is a mapping ``lang: text`` (source first; an optional ``role``), read
by ``qa_rules.examples``. Rules run through the real engine with the bundled
glossaries, as ``hexaglot check`` does. Ids carry the code: ``pytest -k SP02``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import missing
from qa_rules.examples import run_example
from qa_rules.glossary import bundled_glossaries
from qa_rules.registry import RULES, rule_by_code

DATA = Path(__file__).parent / "data" / "qa_examples"
GLOSSARIES = bundled_glossaries()
NOT_LANGUAGES = ("role", "reason")
#: Rules whose input a text pair cannot express, tested on their own.
OWN_TESTS = {
    "MK09": "inline codes of TMX/XLIFF input: tests/test_cat_check.py",
    "CO09": "needs an earlier version (--previous): tests/test_compare_previous.py",
}


def _cases(kind: str):
    for path in sorted(DATA.glob("*.json")):
        for index, case in enumerate(json.loads(path.read_text(encoding="utf-8")).get(kind, []), 1):
            langs = "-".join(k for k in case.get("example", case) if k not in NOT_LANGUAGES)
            yield pytest.param(path.stem, case, id=f"{path.stem}-{kind}-{index}-{langs}")


def _findings(code: str, example: dict):
    rule = rule_by_code(code)
    targets = [lang for lang in example if lang not in NOT_LANGUAGES][1:]
    absent = [reason for lang in targets if (reason := rule().unavailable(lang))]
    if absent:  # a spelling dictionary this machine lacks: skip, and fail in CI
        missing(f"{code}: {absent[0]}")
    return run_example(rule, example, GLOSSARIES)


@pytest.mark.parametrize("code, example", list(_cases("flags")))
def test_flags(code, example):
    findings = _findings(code, example)
    assert findings, f"{code} found nothing in {example}"
    assert all(f.rule == code for f in findings)


@pytest.mark.parametrize("code, example", list(_cases("passes")))
def test_passes(code, example):
    findings = _findings(code, example)
    assert not findings, [f.message for f in findings]


@pytest.mark.parametrize("code, case", list(_cases("xfail")))
def test_known_limitations(code, case):
    if _findings(code, case["example"]):
        pytest.fail(f"{code}: known limitation now works, move it to 'flags': {case['reason']}")
    pytest.xfail(case["reason"])


def test_every_fixture_file_names_a_registered_rule():
    codes = {rule.code for rule in RULES}
    assert {p.stem for p in DATA.glob("*.json")} <= codes


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_every_rule_has_flags_and_passes_in_several_languages(rule):
    path = DATA / f"{rule.code}.json"
    if rule.code in OWN_TESTS:
        assert not path.exists(), f"{rule.code} has fixtures now: drop it from OWN_TESTS"
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["flags"] and data["passes"], rule.code
    langs = {k for case in data["flags"] + data["passes"] for k in case if k not in NOT_LANGUAGES}
    # three languages or more, unless the rule applies to fewer (SP03: French spacing)
    wanted = min(3, len(rule.languages) + 1) if rule.languages else 3
    assert len(langs) >= wanted, (rule.code, langs)
