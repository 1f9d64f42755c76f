"""SP01: two or more spaces in a row inside a target paragraph."""

from __future__ import annotations

import re
from typing import Iterator

from qa_rules.base import Context, Pair, Rule, window
from qa_rules.model import Finding, Location

_RUN = re.compile(r"[ \u00a0\u202f\u2009]{2,}")


class DoubleSpace(Rule):
    """Two or more spaces in a row inside a target paragraph.

    Ordinary, no-break and narrow no-break spaces all count; each run is
    reported at the line where it is.

    Flags:
        fr: Prie l'Office de continuer à fournir une assistance technique ;
        en: Requests the Office to continue to provide  technical assistance;

    Passes:
        fr: Prie l'Office de continuer à fournir une assistance technique ;
        en: Requests the Office to continue to provide technical assistance;
    """

    code = "SP01"
    name = "spacing.double_space"
    category = "spacing"
    severity = "warning"

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        for unit in pair.target.units:
            for match in _RUN.finditer(unit.text.strip()):
                offset = match.start() + (len(unit.text) - len(unit.text.lstrip()))
                text = unit.text
                yield self.finding(
                    pair,
                    f"{len(match.group())} spaces in a row",
                    expected="one space",
                    found=text[max(offset - 20, 0) : match.end() + 20],
                    mark=window(text, offset, offset + len(match.group()))[1],
                    target=Location(pair.target.doc.path, pair.target.lang, unit.id, unit.line_at(offset)),
                )

    def pattern(self, finding: Finding) -> str | None:
        """Runs of spaces throughout a version are one systematic finding."""
        return "several spaces in a row"
