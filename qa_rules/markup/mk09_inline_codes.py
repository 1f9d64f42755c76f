"""MK09: inline codes (CAT-tool tags) of the source missing or extra in the target."""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from qa_rules.base import Context, Pair, Rule, Side
from qa_rules.model import Finding

#: Tags as CAT tools print them in plain-text exports: ``{1}``, ``{/1}``, ``{2/}``.
_TEXT_TAG = re.compile(r"\{/?\d+/?\}")


def codes(side: Side) -> Counter:
    """The inline codes of one side: ``Unit.markup`` names (``g#1``, ``ph#3``) of
    pre-aligned input, else the ``{1}``-style tags written in the text."""
    found: Counter = Counter()
    for unit in side.units:
        markup = getattr(unit, "markup", ())
        if markup:
            found.update(span.text for span in markup)
        else:
            found.update(_TEXT_TAG.findall(unit.text))
    return found


class InlineCodes(Rule):
    """Inline codes (CAT-tool tags) of the source are missing or extra in the target.

    A TMX or XLIFF segment's tags (``<g>``, ``<x/>``, ``<bpt>``/``<ept>``, ``<ph>``,
    ``<pc>``...) are read as markup, not text; a target that loses or adds one
    breaks the formatting when the CAT tool writes the translated document back.
    In plain text, tags written ``{1}``...``{/1}`` are compared the same way.
    Runs for any language.

    Flags:
        fr: Rappelant sa résolution {1}74/175{/1} du 18 décembre 2019,
        en: Recalling its resolution 74/175 of 18 December 2019,

    Passes:
        fr: Rappelant sa résolution {1}74/175{/1} du 18 décembre 2019,
        en: Recalling its resolution {1}74/175{/1} of 18 December 2019,
    """

    code = "MK09"
    name = "markup.inline_codes"
    category = "markup"
    severity = "error"
    needs_both_sides = True
    #: Needs no language data (``qa_rules.cat_input`` runs it for any language).
    language_independent = True

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        src, tgt = codes(pair.source), codes(pair.target)
        if src == tgt:
            return
        missing = sorted((src - tgt).elements())
        extra = sorted((tgt - src).elements())
        parts = []
        if missing:
            parts.append(f"missing in the target: {' '.join(missing)}")
        if extra:
            parts.append(f"not in the source: {' '.join(extra)}")
        yield self.finding(
            pair,
            "inline codes differ (" + "; ".join(parts) + ")",
            expected=" ".join(sorted(src.elements())),
            found=" ".join(sorted(tgt.elements())),
        )
