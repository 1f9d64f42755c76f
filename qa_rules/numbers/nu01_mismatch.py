"""NU01 numbers.mismatch."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from aligner.model import OFFICIAL_LANGUAGES
from qa_rules import langdata
from qa_rules.base import Context, Pair, Rule
from qa_rules.markup.markers import stray_markers
from qa_rules.mentions import mention_findings
from qa_rules.model import Finding
from qa_rules.numbers._common import pair_numbers, unmatched
from qa_rules.numbers.nu05_format import styled


class NumberMismatch(Rule):
    """A number written in digits in one version is missing or different in the other.

    Numbers are compared by value in each language's conventions (``1 000,5``
    = ``1,000.5`` = ``1.000,5``; Arabic-Indic digits); a number the other
    version writes out in words counts as present. Numbers inside document
    symbols, resolution numbers, treaty citations and dates belong to those
    families, a leading paragraph number is not a number of the text, and a
    footnote marker written as plain text (``thereto,7``) is the markup rule's
    (MK03).

    Flags:
        fr: Note que 1 250 personnes ont été formées dans 37 pays;
        en: Notes that 1,520 persons were trained in 37 countries;

        fr: Note que 1 250 personnes ont été formées dans 37 pays;
        ar: تلاحظ أنه تم تدريب ١٢٥٠ شخصا في ٣٨ بلدا؛

    Passes:
        fr: Note que 1 250 personnes ont été formées dans 37 pays;
        en: Notes that 1,250 persons were trained in 37 countries;

        fr: Note que 1 250 personnes ont été formées dans 37 pays;
        ar: تلاحظ أنه تم تدريب ١٢٥٠ شخصا في ٣٧ بلدا؛
    """

    code = "NU01"
    name = "numbers.mismatch"
    category = "numbers"
    severity = "error"
    needs_both_sides = True
    source_in_languages = True
    languages = OFFICIAL_LANGUAGES

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        both = pair_numbers(pair)
        missing, extra = unmatched(both, "digits")
        strays = stray_markers(pair)
        if strays:
            extra = [m for m in extra if not any(s.unit is m.unit and m.start < s.end and s.start < m.end for s in strays)]
        missing.sort(key=lambda m: (m.unit.id if m.unit else "", m.start))
        extra.sort(key=lambda m: (m.unit.id if m.unit else "", m.start))
        style = langdata.value(pair.target.lang, "numbers.style", None)

        def in_target_style(m) -> str:
            if style is None or m.key != m.key.strip() or "%" in m.text:
                return m.text
            if len(m.text) == 4 and m.text.isdigit():
                return m.text  # four digits written without a group separator: a year (2027), not 2,027
            return styled(Decimal(m.key), style["group"][0], style["decimal"]).replace("\u00a0", " ")

        yield from mention_findings(self, pair, missing, extra, "number", expected_of=in_target_style)
