"""MK02: italic titles or terms present in one version and not the other."""

from __future__ import annotations

from typing import Iterator

from aligner.model import OFFICIAL_LANGUAGES
from qa_rules.base import Context, Pair, Rule
from qa_rules.markup.italics import other_spans
from qa_rules.model import Finding, Location
from qa_rules.punctuation.langfacts import facts


class ItalicTitle(Rule):
    """A title or term is italic in one version and not in the other (*Treaty Series*).

    Counts the italic spans other than the opening phrase on each side;
    Chinese and Arabic, which do not italicize, are not compared.

    Flags:
        fr: Nations Unies, *Recueil des Traités*, vol. 2178, no 38349.
        en: United Nations, Treaty Series, vol. 2178, No. 38349.

    Passes:
        fr: Nations Unies, *Recueil des Traités*, vol. 2178, no 38349.
        en: United Nations, *Treaty Series*, vol. 2178, No. 38349.

        fr: Nations Unies, *Recueil des Traités*, vol. 2178, no 38349.
        zh: 联合国，《条约汇编》，第2178卷，第38349号。
    """

    code = "MK02"
    name = "markup.italic_title"
    category = "markup"
    severity = "warning"
    needs_both_sides = True
    source_in_languages = True
    languages = OFFICIAL_LANGUAGES

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        if not (facts(pair.source.lang).italics and facts(pair.target.lang).italics):
            return
        if len(pair.source.units) != len(pair.target.units):
            # merged or split paragraphs: an opening phrase may now stand inside a paragraph
            if sum(len(u.italic) for u in pair.source.units) == sum(len(u.italic) for u in pair.target.units):
                return
        src = [span for unit in pair.source.units for span in other_spans(unit)]
        tgt = [(unit, span) for unit in pair.target.units for span in other_spans(unit)]
        if len(src) == len(tgt):
            return
        where = None
        if len(tgt) > len(src):
            unit, span = tgt[len(src)]
            where = Location(pair.target.doc.path, pair.target.lang, unit.id, unit.line_at(span.start))
        yield self.finding(
            pair,
            f"{len(src)} italic title(s) in {pair.source.lang}, {len(tgt)} in {pair.target.lang}",
            expected=", ".join(f"*{s.text}*" for s in src) or "no italics",
            found=", ".join(f"*{s.text}*" for _, s in tgt) or "no italics",
            target=where,
        )
