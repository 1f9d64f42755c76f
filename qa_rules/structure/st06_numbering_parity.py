"""ST06 structure.numbering_parity."""

from __future__ import annotations

from typing import Iterator

from qa_rules.base import Context, Pair, Rule
from qa_rules.causes import Explains
from qa_rules.model import Finding


def _numbers(units) -> tuple[int, ...]:
    return tuple(u.number for u in units if u.role == "operative" and u.number is not None)


class NumberingParity(Rule):
    """An operative paragraph has a different number in the target than in the source.

    Compared row by row: the aligned source and target paragraphs must carry
    the same operative numbers. A paragraph numbered 28 instead of 27 also
    breaks the version's own numbering (ST05: "numbering jumps from 26 to 28"
    there, "paragraph 28 is numbered twice" at the next one): those findings
    are folded under this one (``explains``).

    Flags:
        fr: 7. Prie le Secrétaire général de lui faire rapport,
        es: 8. Solicita al Secretario General que le presente un informe,

    Passes:
        fr: 7. Prie le Secrétaire général de lui faire rapport,
        es: 7. Solicita al Secretario General que le presente un informe,
    """

    code = "ST06"
    name = "structure.numbering_parity"
    category = "structure"
    severity = "error"
    explains = (Explains(("ST05",), "number"),)

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        source, target = _numbers(pair.source.units), _numbers(pair.target.units)
        if source and target and source != target:
            yield self.finding(
                pair,
                f"operative paragraph {', '.join(map(str, source))} of the source is numbered "
                f"{', '.join(map(str, target))} in the {pair.target.lang} version",
                expected=", ".join(map(str, source)),
                found=", ".join(map(str, target)),
            )
