"""PU03: unbalanced quotation marks in a target paragraph."""

from __future__ import annotations

from typing import Iterator

from aligner.model import OFFICIAL_LANGUAGES
from qa_rules.base import Context, Pair, Rule, window
from qa_rules.model import Finding
from qa_rules.punctuation.langfacts import facts
from qa_rules.punctuation.locate import locate


def unbalanced_quotes(text: str, pairs, spaced: bool = True) -> list[tuple[int, str]]:
    """Offsets and characters of quotation marks with no partner.

    ``pairs`` are the language's (opening, closing) marks. A mark used both
    ways (``"``, or Arabic ``“ ”`` found in either order) must occur an even
    number of times. In spaced languages ``’`` is an apostrophe, not a quote.
    """
    bad: list[tuple[int, str]] = []
    pairs = set(pairs)
    marks = {c for pair in pairs for c in pair}
    quotes = [(i, c) for i, c in enumerate(text) if c in marks] if any(c in text for c in marks) else []
    if not quotes:
        return []
    done: set[tuple[str, str]] = set()
    for opening, closing in sorted(pairs):
        if (opening, closing) in done or (spaced and "’" in (opening, closing)):
            continue
        if opening == closing or (closing, opening) in pairs:
            done.add((closing, opening))
            positions = [i for i, c in quotes if c in (opening, closing)]
            if len(positions) % 2:
                bad.append((positions[-1], text[positions[-1]]))
            continue
        stack: list[int] = []
        for index, char in quotes:
            if char == opening:
                stack.append(index)
            elif char == closing:
                if stack:
                    stack.pop()
                else:
                    bad.append((index, char))
        bad.extend((i, opening) for i in stack)
    return sorted(bad)


class UnbalancedQuotes(Rule):
    """A target paragraph opens a quotation it does not close, or closes one it never opened.

    The marks are the target language's (``« »`` in French and Russian, ``“ ”``
    in English and Chinese, ``„ “`` inside Russian quotations...); a source
    that is itself unbalanced is not held against the target.

    Flags:
        fr: Prie l'Office de faire rapport au titre de la question intitulée « Prévention du crime et justice pénale ».
        es: Solicita a la Oficina que la informe en relación con el tema titulado «Prevención del delito y justicia penal.

    Passes:
        fr: Prie l'Office de faire rapport au titre de la question intitulée « Prévention du crime et justice pénale ».
        es: Solicita a la Oficina que la informe en relación con el tema titulado «Prevención del delito y justicia penal».
    """

    code = "PU03"
    name = "punctuation.quotes_balance"
    category = "punctuation"
    severity = "error"
    needs_both_sides = True
    source_in_languages = True
    languages = OFFICIAL_LANGUAGES

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        src = facts(pair.source.lang)
        if unbalanced_quotes(pair.source.text, src.balance_pairs, src.spaced):
            return
        tgt = facts(pair.target.lang)
        bad = unbalanced_quotes(pair.target.text, tgt.balance_pairs, tgt.spaced)
        if not bad:
            return
        offset, char = bad[0]
        shown, mark = window(pair.target.text, offset, offset + 1, 30, 29)
        yield self.finding(
            pair,
            f"quotation mark {char!r} has no partner in the {pair.target.lang} text",
            expected="balanced quotation marks",
            found=shown,
            mark=mark,
            target=locate(pair.target, offset),
        )
