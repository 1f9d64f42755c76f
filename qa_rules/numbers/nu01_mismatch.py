"""NU01 numbers.mismatch."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Iterator

from aligner.model import OFFICIAL_LANGUAGES
from qa_rules import langdata
from qa_rules.base import Context, Pair, Rule
from qa_rules.mentions import mention_findings
from qa_rules.model import Finding
from qa_rules.numbers._common import number_mentions
from qa_rules.numbers.nu05_format import styled


class NumberMismatch(Rule):
    """A number written in digits in one version is missing or different in the other.

    Numbers are compared by value in each language's conventions (``1 000,5``
    = ``1,000.5`` = ``1.000,5``; Arabic-Indic digits); a number the other
    version writes out in words counts as present. Numbers inside document
    symbols, resolution numbers, treaty citations and dates belong to those
    families, and a leading paragraph number is not a number of the text.

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
    languages = OFFICIAL_LANGUAGES

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        if pair.source.missing or pair.target.missing or not self.applies_to(pair.source.lang):
            return
        source = number_mentions(pair.source)
        target = number_mentions(pair.target)
        src_all = Counter(m.key for m, _ in source)
        src_strong = Counter(m.key for m, n in source if n.kind != "weak")
        tgt_all = Counter(m.key for m, _ in target)
        tgt_strong = Counter(m.key for m, n in target if n.kind != "weak")
        missing, extra = [], []
        for key in src_all.keys() | tgt_all.keys():
            src_digits = [m for m, n in source if m.key == key and n.kind == "digits"]
            tgt_digits = [m for m, n in target if m.key == key and n.kind == "digits"]
            lacking = min(len(src_digits), src_strong[key] - tgt_all[key])
            surplus = min(len(tgt_digits), tgt_strong[key] - src_all[key])
            missing += src_digits[len(src_digits) - lacking :] if lacking > 0 else []
            extra += tgt_digits[len(tgt_digits) - surplus :] if surplus > 0 else []
        missing.sort(key=lambda m: (m.unit.id if m.unit else "", m.start))
        extra.sort(key=lambda m: (m.unit.id if m.unit else "", m.start))
        style = langdata.value(pair.target.lang, "numbers.style", None)

        def in_target_style(m) -> str:
            if style is None or m.key != m.key.strip() or "%" in m.text:
                return m.text
            return styled(Decimal(m.key), style["group"][0], style["decimal"]).replace("\u00a0", " ")

        yield from mention_findings(self, pair, missing, extra, "number", expected_of=in_target_style)
