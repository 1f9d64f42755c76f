"""ST04 structure.split_paragraph."""

from __future__ import annotations

from typing import Iterator

from qa_rules.base import Context, Pair, Rule
from qa_rules.causes import Explains
from qa_rules.model import Finding
from qa_rules.structure._util import paragraphs


class SplitParagraph(Rule):
    """One source paragraph was split into two or more target paragraphs.

    Found from the alignment: a row with one source unit and several target
    units (a 1-2 match). An operative paragraph split in numbered parts, the
    rest renumbered, makes the paragraph numbered as two (ST06) and every
    later source paragraph numbered higher (ST06): those findings are folded
    under this one (``explains``).

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
    explains = (Explains(("ST06",), "pair"), Explains(("ST06",), "split"))

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        source, target = paragraphs(pair.source), paragraphs(pair.target)
        if len(source) == 1 and len(target) >= 2:  # sentences of one paragraph regrouped are not a split
            yield self.finding(
                pair,
                f"source paragraph {source[0]} is split into "
                f"{'+'.join(target)} in the {pair.target.lang} version",
                expected="1 paragraph",
                found=f"{len(target)} paragraphs",
            )
