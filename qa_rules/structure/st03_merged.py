"""ST03 structure.merged_paragraphs."""

from __future__ import annotations

from typing import Iterator

from qa_rules.base import Context, Pair, Rule
from qa_rules.causes import Explains
from qa_rules.model import Finding
from qa_rules.structure._util import paragraphs


class MergedParagraphs(Rule):
    """Two or more source paragraphs were merged into one target paragraph.

    Found from the alignment: a row with several source units and one target
    unit (a 2-1 match). Merged operative paragraphs take numbers out of the
    version's numbering: its paragraph numbered as two of the source's (ST06),
    the jump after it (ST05) or, the rest renumbered, every later paragraph
    numbered lower than its source's (ST06); those findings are folded under
    this one (``explains``).

    Flags:
        fr: Rappelant sa résolution 2022/18, ¶ Réaffirmant sa résolution 2021/20,
        en: Recalling its resolution 2022/18 and reaffirming its resolution 2021/20,

    Passes:
        fr: Rappelant sa résolution 2022/18, ¶ Réaffirmant sa résolution 2021/20,
        en: Recalling its resolution 2022/18, ¶ Reaffirming its resolution 2021/20,
    """

    code = "ST03"
    name = "structure.merged_paragraphs"
    category = "structure"
    severity = "error"
    explains = (Explains(("ST06",), "pair"), Explains(("ST05", "ST06"), "merged"))

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        source, target = paragraphs(pair.source), paragraphs(pair.target)
        if len(source) >= 2 and len(target) == 1:  # sentences of one paragraph regrouped are not a merge
            yield self.finding(
                pair,
                f"source paragraphs {'+'.join(source)} are one paragraph "
                f"({target[0]}) in the {pair.target.lang} version",
                expected=f"{len(source)} paragraphs",
                found="1 paragraph",
            )
