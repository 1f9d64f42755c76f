"""ST09 structure.blank_line_split."""

from __future__ import annotations

from typing import Iterator

from aligner.model import Document
from qa_rules.base import Context, Pair, Rule
from qa_rules.model import Finding, Location
from qa_rules.structure._util import excerpt

#: Clause and sentence punctuation of the six languages (Latin, Chinese full-width, Arabic).
_CLAUSE_END = ",;:.!?，；：。！？、،؛"


class BlankLineSplit(Rule):
    """A paragraph the reader joined across a blank line that falls right after punctuation: split by hand?

    The reader rejoins a paragraph cut in two by a page break, and when the
    page furniture (separator, page number, running header) is gone only a
    blank line is left, which is also what a translator types to split a
    paragraph. A page break falls wherever the last line of the page ends,
    mostly in the middle of a clause ("... les travaux menés dans" / "le cadre
    de ..."); a blank line right after a comma, semicolon or full stop is the
    mark of a paragraph split in two. Cuts with page furniture in them are
    never reported. In a file where page breaks happen to fall after
    punctuation this is a false alarm; accept it (``hexaglot-accept.toml``)
    or ignore the rule. A file whose blank-line joins outnumber its plain line
    breaks inside paragraphs, with more than one such join per joined paragraph
    on average, is double-spaced: its blank lines are layout, and the rule says
    nothing there. A file with one line per paragraph (no line breaks inside
    paragraphs at all) is not: its few blank-line joins are page breaks or
    splits, one per paragraph. In the examples, ``⏎`` stands for the blank line.

    Flags:
        fr: Encourage l'Office à continuer d'aider les États Membres à lutter contre les liens qui existent entre le terrorisme et la criminalité organisée, notamment le blanchiment d'argent ;
        es: Alienta a la Oficina a que siga ayudando a los Estados Miembros a hacer frente a los vínculos entre el terrorismo y la delincuencia organizada, ⏎ en particular el blanqueo de dinero;

    Passes:
        fr: Encourage l'Office à continuer d'aider les États Membres à lutter contre les liens qui existent entre le terrorisme et la criminalité organisée, notamment le blanchiment d'argent ;
        es: Alienta a la Oficina a que siga ayudando a los Estados Miembros a hacer frente a los vínculos entre el terrorismo y la delincuencia organizada, en particular el ⏎ blanqueo de dinero;
    """

    code = "ST09"
    name = "structure.blank_line_split"
    category = "structure"
    severity = "warning"

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        doc = pair.target.doc
        for unit in pair.target.units:
            for cut in unit.cuts:
                before = unit.text[: cut.offset].rstrip()
                if cut.kind != "blank" or not before or before[-1] not in _CLAUSE_END:
                    continue
                if _double_spaced(doc):  # read only when there is something to report: rare
                    return
                after = unit.text[cut.offset :].lstrip()
                yield self.finding(
                    pair,
                    f"{unit.id} is read as one paragraph across the blank line before line {cut.line}, "
                    f"which follows «{before[-1]}»: if it is not a page break, the paragraph is split in two "
                    f"in the {pair.target.lang} version",
                    expected="one paragraph (no blank line inside it)",
                    found=f"…{excerpt(before[-40:], 40)} ⏎ {excerpt(after, 40)}",
                    target=Location(path=doc.path, lang=pair.target.lang, unit=unit.id, line=cut.line),
                )


def _double_spaced(doc: Document) -> bool:
    """Whether the blank lines inside the document's paragraphs are its line breaks.

    They are when blank-line joins outnumber the plain line breaks inside paragraphs and the
    paragraphs joined across a blank line have more than one such join on average (each of
    their wrapped lines is followed by one). A file with one line per paragraph has no plain
    breaks, but its blank-line joins, page breaks or splits, come one to a paragraph.
    """
    blank = breaks = joined = 0
    for unit in doc.units:
        cuts = {cut.line: cut.kind for cut in unit.cuts}
        joins = 0
        for line in {line for _, line in unit.line_offsets} - {unit.lines[0]}:
            if cuts.get(line) == "blank":
                joins += 1
            elif line not in cuts:
                breaks += 1
        blank += joins
        joined += joins > 0
    return blank > breaks and blank > joined
