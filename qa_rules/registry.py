"""The explicit list of QA rules. A rule not listed here does not run.

Add a rule by importing its class and appending it to ``RULES``; a meta-test
fails if a ``Rule`` subclass exists in ``qa_rules`` and is missing here.
"""

from __future__ import annotations

from qa_rules.base import Rule
from qa_rules.structure.st01_missing import MissingParagraph
from qa_rules.structure.st02_extra import ExtraParagraph
from qa_rules.structure.st03_merged import MergedParagraphs
from qa_rules.structure.st04_split import SplitParagraph
from qa_rules.structure.st05_numbering import OperativeNumbering
from qa_rules.structure.st06_numbering_parity import NumberingParity
from qa_rules.structure.st07_footnotes import FootnoteNumbering
from qa_rules.structure.st08_footnote_markers import FootnoteMarkers

RULES: tuple[type[Rule], ...] = (
    # structure
    MissingParagraph,
    ExtraParagraph,
    MergedParagraphs,
    SplitParagraph,
    OperativeNumbering,
    NumberingParity,
    FootnoteNumbering,
    FootnoteMarkers,
)


def rule_by_code(code: str) -> type[Rule] | None:
    for rule in RULES:
        if rule.code == code.upper():
            return rule
    return None
