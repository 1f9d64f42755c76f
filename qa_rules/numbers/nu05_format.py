"""NU05 numbers.format."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from qa_rules import langdata
from qa_rules.base import Context, Pair, Rule
from qa_rules.mentions import Mention, at
from qa_rules.model import Finding
from qa_rules.numbers.extract import _DIGITS, numbers, read_digits


def styled(value: Decimal, group: str, decimal: str) -> str:
    """``value`` written with ``group`` every three digits and ``decimal`` before the fraction."""
    text = format(value.normalize(), "f")
    integer, _, fraction = text.partition(".")
    groups = []
    while len(integer) > 3:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    groups.insert(0, integer)
    return group.join(groups) + (decimal + fraction if fraction else "")


class NumberFormat(Rule):
    """A target number is written with separators its language's UN style does not use.

    UN English writes ``2,500.5``, UN French and Russian ``2 500,5`` (a space,
    preferably no-break). Spanish, Chinese and Arabic practice varies between
    texts and is not checked. Only separators that are
    present are checked (``2500`` is not reported: years and symbols look the
    same). The styles are language data (``[numbers.style]``).

    Flags:
        fr: Note que plus de 2 500 agents ont été formés;
        en: Notes that more than 2 500 officials were trained;

        fr: Note qu'un montant de 1 000,5 millions de dollars a été alloué;
        ru: отмечает, что было выделено 1,000.5 млн. долларов;

    Passes:
        fr: Note que plus de 2 500 agents ont été formés;
        en: Notes that more than 2,500 officials were trained;

        fr: Note qu'un montant de 1 000,5 millions de dollars a été alloué;
        ru: отмечает, что было выделено 1 000,5 млн. долларов;

        fr: Note que plus de 2 500 agents ont été formés en 2023;
        en: Notes that more than 2,500 officials were trained in 2023;
    """

    code = "NU05"
    name = "numbers.format"
    category = "numbers"
    severity = "warning"
    languages = ("en", "fr", "ru")

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        lang = pair.target.lang
        style = langdata.value(lang, "numbers.style", None)
        if style is None:
            return
        group_style, decimal_style = tuple(style["group"]), style["decimal"]
        for unit in pair.target.units:
            for number in numbers(unit.text, lang):
                if number.kind != "digits":
                    continue
                digits = _DIGITS.match(number.text)
                read = read_digits(digits.group(0), lang) if digits else None
                if read is None:
                    continue
                value, groups, decimal = read
                if groups <= set(group_style) and decimal in (None, decimal_style):
                    continue
                expected = styled(value, group_style[0], decimal_style)
                yield self.finding(
                    pair,
                    f"number {digits.group(0)} is not written in UN {lang} style",
                    expected=expected.replace("\u00a0", " ").replace("\u202f", " "),
                    found=digits.group(0),
                    target=at(pair, Mention(number.key, number.text, unit, number.start, number.end)),
                )

    def pattern(self, finding: Finding) -> str | None:
        """Numbers written with the same wrong separators throughout a version are one systematic
        finding: its kind is the separators (``1,000`` and ``25,000`` in French are one kind)."""
        separators = "".join(dict.fromkeys(c for c in finding.found if not c.isdigit()))
        lang = finding.target.lang if finding.target else ""
        return f"numbers written with {separators!r} in {lang}, not in UN {lang} style"
