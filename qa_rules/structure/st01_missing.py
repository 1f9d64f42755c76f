"""ST01 structure.missing_paragraph."""

from __future__ import annotations

from typing import Iterator

from qa_rules.base import Context, Pair, Rule
from qa_rules.causes import Explains
from qa_rules.model import Finding
from qa_rules.structure._util import unpaired


class MissingParagraph(Rule):
    """A source paragraph has no counterpart in the target (an omission).

    Found from the alignment: a row where the source has a unit and the
    target none. The finding's target side is ``None`` (the unit is missing
    there); the message says where the paragraph would be (after the line of
    the previous unit of the target). An operative paragraph dropped with its
    number leaves a gap in the version's numbering (ST05: "numbering jumps
    from 23 to 25"); dropped in a version that numbered on without it, it
    leaves every later paragraph one number short (ST06: "operative paragraph
    15 of the source is numbered 14"). Those findings are folded under this
    one (``explains``).

    Flags:
        fr: Prie l'Office des Nations Unies contre la drogue et le crime de continuer à fournir une assistance technique,
        en:

    Passes:
        fr: Prie l'Office des Nations Unies contre la drogue et le crime de continuer à fournir une assistance technique,
        en: Requests the United Nations Office on Drugs and Crime to continue to provide technical assistance,
    """

    code = "ST01"
    name = "structure.missing_paragraph"
    category = "structure"
    severity = "error"
    explains = (Explains(("ST05",), "gap"), Explains(("ST06",), "shift"))

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        yield from unpaired(self, pair, context, present="source")
