"""Terminology rule fixtures (tests/data/terms_examples/<CODE>.json), several languages each.

``flags`` must yield a finding of that rule, ``passes`` none, ``xfail`` are known
limitations (strict: a fix that starts working is noticed). Ids carry the
code: ``pytest -k TE02``. Run with the bundled glossaries.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa_rules.examples import run_example
from qa_rules.glossary import bundled_glossaries
from qa_rules.registry import rule_by_code

DATA = Path(__file__).parent / "data" / "terms_examples"
GLOSSARIES = bundled_glossaries()


def _cases(kind: str):
    for path in sorted(DATA.glob("TE*.json")):
        for index, case in enumerate(json.loads(path.read_text(encoding="utf-8"))[kind], 1):
            example = case.get("example", case)
            langs = "-".join(k for k in example if k != "role")
            yield pytest.param(path.stem, case, id=f"{path.stem}-{kind}-{index}-{langs}")


def _findings(code: str, example: dict):
    return [f for f in run_example(rule_by_code(code)(), example, GLOSSARIES) if f.rule == code]


@pytest.mark.parametrize("code, example", list(_cases("flags")))
def test_flags(code, example):
    assert _findings(code, example), f"{code} found nothing in {example}"


@pytest.mark.parametrize("code, example", list(_cases("passes")))
def test_passes(code, example):
    findings = _findings(code, example)
    assert not findings, [f.message for f in findings]


@pytest.mark.parametrize("code, case", list(_cases("xfail")))
def test_known_limitations(code, case):
    if not _findings(code, case["example"]):
        pytest.xfail(case["reason"])
    pytest.fail(f"{code}: known limitation now works, move it to 'flags': {case['reason']}")


def test_every_terminology_rule_has_fixtures():
    from qa_rules.registry import RULES

    codes = {r.code for r in RULES if r.code.startswith("TE")}
    assert codes == {p.stem for p in DATA.glob("TE*.json")}
