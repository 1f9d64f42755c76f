"""The explicit list of QA rules. A rule not listed here does not run.

Add a rule by importing its class and appending it to ``RULES``; a meta-test
fails if a ``Rule`` subclass exists in ``qa_rules`` and is missing here.
"""

from __future__ import annotations

from qa_rules.base import Rule

RULES: tuple[type[Rule], ...] = (
)


def rule_by_code(code: str) -> type[Rule] | None:
    for rule in RULES:
        if rule.code == code.upper():
            return rule
    return None
