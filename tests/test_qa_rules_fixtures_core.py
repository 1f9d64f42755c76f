"""Per-rule fixture files (tests/data/qa_examples/<CODE>.json) for the structure, numbers,
references and dates families: ``flags`` pairs must yield a finding of that rule, ``passes``
pairs none, ``xfail`` cases are known limitations (strict). Ids carry the code: ``pytest -k NU01``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa_rules.examples import run_example
from qa_rules.registry import RULES, rule_by_code

DATA = Path(__file__).parent / "data" / "qa_examples"
FAMILIES = ("structure", "numbers", "references", "dates")
CODES = tuple(r.code for r in RULES if r.category in FAMILIES)


def _cases(kind: str):
    for code in CODES:
        path = DATA / f"{code}.json"
        if not path.exists():
            continue
        for index, case in enumerate(json.loads(path.read_text(encoding="utf-8")).get(kind, []), 1):
            example = case.get("example", case)
            langs = "-".join(k for k in example if k not in ("role", "reason"))
            yield pytest.param(code, case, id=f"{code}-{kind}-{index}-{langs}")


@pytest.mark.parametrize("code, example", list(_cases("flags")))
def test_flags(code, example):
    findings = run_example(rule_by_code(code), example)
    assert findings, f"{code} found nothing in {example}"
    assert all(f.rule == code for f in findings)


@pytest.mark.parametrize("code, example", list(_cases("passes")))
def test_passes(code, example):
    findings = run_example(rule_by_code(code), example)
    assert not findings, [f.message for f in findings]


@pytest.mark.parametrize("code, case", list(_cases("xfail")))
def test_known_limitations(code, case):
    if run_example(rule_by_code(code), case["example"]):
        pytest.fail(f"{code}: known limitation now works, move it to 'flags': {case['reason']}")
    pytest.xfail(case["reason"])


def test_every_rule_of_these_families_has_fixtures_in_three_or_more_languages():
    for code in CODES:
        data = json.loads((DATA / f"{code}.json").read_text(encoding="utf-8"))
        langs = {k for case in data["flags"] + data["passes"] for k in case if k != "role"}
        assert len(langs) >= 3, (code, langs)
        assert data["flags"] and data["passes"], code
