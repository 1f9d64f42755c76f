"""ST02 structure.extra_paragraph."""

from __future__ import annotations

from typing import Iterator

from qa_rules.base import Context, Pair, Rule
from qa_rules.causes import Explains
from qa_rules.model import Finding
from qa_rules.structure._util import unpaired


class ExtraParagraph(Rule):
    """A target paragraph has no counterpart in the source (an addition).

    Found from the alignment: a row where the target has a unit and the
    source none. The finding's source side is ``None``; the message says where
    the paragraph would be in the source. An operative paragraph added with a
    number the version's next paragraph also carries makes that number come
    twice (ST05: "paragraph 15 is numbered twice"), and one added in the
    numbering, the rest renumbered, makes every source paragraph after it
    numbered one higher (ST06): those findings are folded under this one
    (``explains``).

    Flags:
        fr:
        es: Reconoce la labor de la Oficina de las Naciones Unidas contra la Droga y el Delito,

    Passes:
        fr: Reconnaît le travail de l'Office des Nations Unies contre la drogue et le crime,
        es: Reconoce la labor de la Oficina de las Naciones Unidas contra la Droga y el Delito,
    """

    code = "ST02"
    name = "structure.extra_paragraph"
    category = "structure"
    severity = "error"
    explains = (Explains(("ST05",), "number"), Explains(("ST06",), "added"))

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        yield from unpaired(self, pair, context, present="target")
