"""ST04 structure.split_paragraph."""

from __future__ import annotations

from typing import Iterator

from qa_rules.base import Context, Pair, Rule
from qa_rules.model import Finding
from qa_rules.structure._util import units_label


class SplitParagraph(Rule):
    """One source paragraph was split into two or more target paragraphs.

    Found from the alignment: a row with one source unit and several target
    units (a 1-2 match).

    Flags:
        fr: Prie l'Office de continuer à fournir une assistance technique et de lui faire rapport,
        ru: Просит Управление продолжать оказывать техническую помощь, ¶ Просит также Управление представить доклад,

    Passes:
        fr: Prie l'Office de continuer à fournir une assistance technique et de lui faire rapport,
        ru: Просит Управление продолжать оказывать техническую помощь и представить ему доклад,
    """

    code = "ST04"
    name = "structure.split_paragraph"
    category = "structure"
    severity = "error"

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        if len(pair.source.units) == 1 and len(pair.target.units) >= 2:
            yield self.finding(
                pair,
                f"source paragraph {pair.source.units[0].id} is split into "
                f"{units_label(pair.target)} in the {pair.target.lang} version",
                expected="1 paragraph",
                found=f"{len(pair.target.units)} paragraphs",
            )
