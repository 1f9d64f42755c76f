"""Per-rule fixture files (tests/data/qa_examples/<CODE>.json) for the untranslated,
consistency, punctuation, spacing, markup and length families.

Each file holds ``flags`` examples (at least one finding expected), ``passes``
examples (none expected) and ``xfail`` cases (known limitations, strict: a fix
that starts working is noticed). Test ids carry the code: ``pytest -k SP02``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa_rules.examples import run_example
from qa_rules.registry import rule_by_code

DATA = Path(__file__).parent / "data" / "qa_examples"
FAMILIES = ("UT", "CO", "PU", "SP", "MK", "LE")
#: The rules of these families that this file covers (MK09, inline codes, has its own tests).
OURS = ("UT01", "UT02", "CO01", "CO02", "PU01", "PU02", "PU03", "PU04", "SP01", "SP02", "SP03", "SP04", "MK01", "MK02", "LE01")


def _cases(kind: str):
    for path in sorted(DATA.glob("*.json")):
        if path.stem not in OURS:
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for index, case in enumerate(data.get(kind, []), 1):
            langs = "-".join(k for k in case.get("example", case) if k != "role")
            yield pytest.param(path.stem, case, id=f"{path.stem}-{kind}-{index}-{langs}")


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
    findings = run_example(rule_by_code(code), case["example"])
    if not findings:
        pytest.xfail(case["reason"])
    pytest.fail(f"{code}: known limitation now works, move it to 'flags': {case['reason']}")


def test_every_family_rule_has_a_fixture_file():
    codes = set(OURS)
    files = {p.stem for p in DATA.glob("*.json") if p.stem.startswith(FAMILIES)}
    assert codes <= files, sorted(codes - files)
