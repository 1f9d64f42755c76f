"""RF02 references.resolution."""

from __future__ import annotations

from typing import Iterator

from qa_rules.base import Context, Pair, Rule
from qa_rules.mentions import compare, mention_findings, side_mentions
from qa_rules.model import Finding
from qa_rules.references.extract import resolution_key_of_symbol, resolutions, symbols


def _symbols(text: str, lang: str):
    return symbols(text)


class ResolutionMismatch(Rule):
    """A resolution or decision number (74/175, 2178 (2014)) is missing, extra or altered in the target.

    Flags:
        fr: Rappelant la résolution 2178 (2014) du Conseil de sécurité et sa résolution 74/175,
        en: Recalling Security Council resolution 2178 (2014) and its resolution 74/157,

        fr: Rappelant la résolution 2178 (2014) du Conseil de sécurité,
        zh: 回顾安全理事会第2178（2015）号决议，

    Passes:
        fr: Rappelant la résolution 2178 (2014) du Conseil de sécurité et sa résolution 74/175,
        en: Recalling Security Council resolution 2178 (2014) and its resolution 74/175,

        fr: Rappelant la résolution 2178 (2014) du Conseil de sécurité et sa résolution 74/175,
        zh: 回顾安全理事会第2178（2014）号决议和大会第74/175号决议，

        fr: Rappelant la résolution 2178 (2014) du Conseil de sécurité et sa résolution 74/175,
        ar: إذ تشير إلى قرار مجلس الأمن 2178 (2014) وقرارها 74/175،
    """

    code = "RF02"
    name = "references.resolution"
    category = "references"
    severity = "error"
    needs_both_sides = True

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        missing, extra = compare(side_mentions(pair.source, resolutions), side_mentions(pair.target, resolutions))
        # a number the other version gives as a resolution symbol (A/RES/74/175) is there
        target_sym = {resolution_key_of_symbol(m.key) for m in side_mentions(pair.target, _symbols)}
        source_sym = {resolution_key_of_symbol(m.key) for m in side_mentions(pair.source, _symbols)}
        missing = [m for m in missing if m.key not in target_sym]
        extra = [m for m in extra if m.key not in source_sym]
        yield from mention_findings(self, pair, missing, extra, "resolution number")
