"""MK03: a footnote marker of the source written as plain text or in a broken tag in the target."""

from __future__ import annotations

from typing import Iterator

from qa_rules.base import Context, Pair, Rule, window
from qa_rules.markup.markers import stray_markers
from qa_rules.model import Finding, Location


class FootnoteMarkerText(Rule):
    """A footnote marker of the source stands in the target as plain digits or in a broken tag.

    The number is there, glued to the word before it (``thereto,7``,
    ``《公约》10缔约国``) or next to a ``<sup>`` tag that is not closed
    (``<sup>11<sup>``), but no marker is read: the superscript, and the link to
    the footnote, are lost. A marker the target lacks altogether is the
    footnote-marker rule's (ST08); a number that the source also writes in
    its text is not taken for a marker. Runs for any language.

    Flags:
        fr: Engage les États à ratifier la Convention et les Protocoles s'y rapportant<sup>7</sup> et à les appliquer ;
        en: Urges States to ratify the Convention and the Protocols thereto,7 and to implement them;

        fr: Prie l'Office de s'inspirer des Règles Nelson Mandela<sup>11</sup>, pour élaborer des outils ;
        es: Solicita a la Oficina que se inspire en las Reglas Nelson Mandela<sup>11<sup>, para elaborar herramientas;

    Passes:
        fr: Engage les États à ratifier la Convention et les Protocoles s'y rapportant<sup>7</sup> et à les appliquer ;
        en: Urges States to ratify the Convention and the Protocols thereto,<sup>7</sup> and to implement them;

        fr: Prie l'Office d'organiser 7 ateliers régionaux ;
        en: Requests the Office to organize 7 regional workshops;
    """

    code = "MK03"
    name = "markup.footnote_marker_text"
    category = "markup"
    severity = "error"
    needs_both_sides = True
    #: Reads no language data: markers are digits and tags in every language.
    language_independent = True

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        for stray in stray_markers(pair):
            text = stray.unit.text
            where, mark = window(text, stray.start, stray.end, 20, 10)
            how = "as plain text" if stray.kind == "plain" else "in a broken tag"
            yield self.finding(
                pair,
                f"footnote marker {stray.number} is written {how} in the {pair.target.lang} version: "
                "no superscript, no link to the footnote",
                expected=f"<sup>{stray.number}</sup>",
                found=where,
                mark=mark,
                target=Location(path=pair.target.doc.path, lang=pair.target.lang, unit=stray.unit.id,
                                line=stray.unit.line_at(stray.start)),
            )
