"""RF01 references.symbol."""

from __future__ import annotations

from typing import Iterator

from qa_rules.base import Context, Pair, Rule
from qa_rules.mentions import compare, mention_findings, side_mentions
from qa_rules.model import Finding
from qa_rules.references.extract import resolution_key_of_symbol, resolutions, symbols


def _symbols(text: str, lang: str):
    return symbols(text)


class SymbolMismatch(Rule):
    """A document symbol (A/RES/74/175, E/CN.15/2023/5) is missing, extra or altered in the target.

    Symbols are compared as written, with OPUS-style spaces around slashes
    removed ("A / 55 / 602 / Add.2" = "A/55/602/Add.2"); a resolution symbol and
    the resolution's number name the same thing (A/RES/74/175 = resolution 74/175).

    Flags:
        fr: Prend note du rapport du Secrétaire général (E/CN.15/2023/5);
        en: Takes note of the report of the Secretary-General (E/CN.15/2023/3);

        fr: Rappelant sa résolution A/RES/74/175,
        ru: ссылаясь на свою резолюцию,

    Passes:
        fr: Prend note du rapport du Secrétaire général (E/CN.15/2023/5);
        en: Takes note of the report of the Secretary-General (E/CN.15/2023/5);

        fr: Prend note du rapport du Secrétaire général (A/78/L.2/Rev.1);
        zh: 注意到秘书长的报告（A / 78 / L.2 / Rev.1）；
    """

    code = "RF01"
    name = "references.symbol"
    category = "references"
    severity = "error"
    needs_both_sides = True

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        missing, extra = compare(side_mentions(pair.source, _symbols), side_mentions(pair.target, _symbols))
        # "A/RES/74/175" in one version and "resolution 74/175" in the other name the same resolution
        target_res = {m.key for m in side_mentions(pair.target, resolutions)}
        source_res = {m.key for m in side_mentions(pair.source, resolutions)}
        missing = [m for m in missing if resolution_key_of_symbol(m.key) not in target_res]
        extra = [m for m in extra if resolution_key_of_symbol(m.key) not in source_res]
        yield from mention_findings(self, pair, missing, extra, "document symbol")
