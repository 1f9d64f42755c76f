"""Meta-tests of the rule registry: every rule declared, registered, and doing what its docstring says."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import qa_rules
from conftest import missing
from qa_rules.base import Rule, validate_rule_class
from qa_rules.examples import check_rule_examples
from qa_rules.registry import RULES


def _all_rule_classes() -> set[type[Rule]]:
    """Every Rule subclass defined in a module of the qa_rules package (walked here, in the test)."""
    found = set()
    for info in pkgutil.walk_packages(qa_rules.__path__, prefix="qa_rules."):
        module = importlib.import_module(info.name)
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, Rule) and obj is not Rule and obj.__module__ == module.__name__:
                found.add(obj)
    return found


def test_every_rule_subclass_is_registered():
    missing = sorted(c.__module__ + "." + c.__name__ for c in _all_rule_classes() - set(RULES))
    assert not missing, f"Rule subclasses not in qa_rules.registry.RULES: {missing}"


def test_codes_and_names_are_unique():
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(codes) == len(set(codes)), sorted(c for c in codes if codes.count(c) > 1)
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)


def test_rule_name_starts_with_its_family():
    for rule in RULES:
        assert rule.__module__.startswith("qa_rules."), rule


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_declaration_is_valid(rule):
    assert validate_rule_class(rule) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_docstring_examples(rule):
    """Flags examples yield at least one finding, Passes examples none (a rule that needs what
    this machine lacks, a spelling dictionary, is skipped, and fails in CI)."""
    targets = {lang for example in rule.examples()["flags"] for lang in list(example)[1:] if lang != "role"}
    absent = sorted(filter(None, (rule().unavailable(lang) for lang in targets)))
    if absent:
        missing(f"{rule.code}: {absent[0]}")
    assert check_rule_examples(rule) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_config_fields_are_documented(rule):
    doc = inspect.getdoc(rule.Config) or ""
    for name in rule.config_fields():
        assert name in doc, f"{rule.code}: Config field {name!r} is not documented in Config's docstring"
