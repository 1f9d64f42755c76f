"""PU02: unbalanced brackets in a target paragraph."""

from __future__ import annotations

import re
from typing import Iterator

from qa_rules.base import Context, Pair, Rule
from qa_rules.model import Finding
from qa_rules.punctuation.locate import locate

_PAIRS = {")": "(", "]": "[", "）": "（", "】": "【", "}": "{"}
_OPENERS = frozenset(_PAIRS.values())
_BRACKET = re.compile("[" + re.escape("".join(_PAIRS) + "".join(_PAIRS.values())) + "]")
#: Subparagraph labels written with a closing bracket only: ``a)``, ``iv)``, ``б)``.
_LABEL = re.compile(r"(?:^|(?<=\s))(?:[^\W\d_]{1,4}|\d{1,2})\)")


def unbalanced(text: str) -> list[tuple[int, str]]:
    """Offsets and characters of brackets with no partner.

    A closing bracket with no opener that ends a label (``a)``, ``ii)``, ``2)``)
    is a subparagraph label, not a bracket.
    """
    brackets = [(m.start(), m.group()) for m in _BRACKET.finditer(text)]
    if not brackets:
        return []
    labels: set[int] | None = None  # found the first time a closer has no opener
    stack: list[tuple[int, str]] = []
    bad: list[tuple[int, str]] = []
    for index, char in brackets:
        if char in _OPENERS:
            stack.append((index, char))
        elif char in _PAIRS:
            if stack and stack[-1][1] == _PAIRS[char]:
                stack.pop()
            else:
                if labels is None:
                    labels = {m.end() - 1 for m in _LABEL.finditer(text)}
                if index not in labels:
                    bad.append((index, char))
    return sorted(bad + stack)


class UnbalancedBrackets(Rule):
    """A target paragraph has a bracket with no partner where its source has none.

    Subparagraph labels written with one bracket (``a)``, ``ii)``) are not
    brackets; a source that is itself unbalanced (a paragraph cut by a page
    break) is not held against the target.

    Flags:
        fr: Rappelant l'Ensemble de règles minima des Nations Unies pour le traitement des détenus (Règles Nelson Mandela),
        en: Recalling the United Nations Standard Minimum Rules for the Treatment of Prisoners (the Nelson Mandela Rules,

    Passes:
        fr: Rappelant l'Ensemble de règles minima des Nations Unies pour le traitement des détenus (Règles Nelson Mandela),
        en: Recalling the United Nations Standard Minimum Rules for the Treatment of Prisoners (the Nelson Mandela Rules),

        fr: a) de renforcer leurs capacités ;
        es: a) Reforzar su capacidad;
    """

    code = "PU02"
    name = "punctuation.brackets"
    category = "punctuation"
    severity = "error"
    needs_both_sides = True

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        if unbalanced(pair.source.text):
            return
        bad = unbalanced(pair.target.text)
        if not bad:
            return
        offset, char = bad[0]
        excerpt = pair.target.text[max(offset - 30, 0) : offset + 30]
        yield self.finding(
            pair,
            f"unbalanced bracket {char!r} in the {pair.target.lang} text",
            expected="balanced brackets",
            found=excerpt,
            target=locate(pair.target, offset),
        )
