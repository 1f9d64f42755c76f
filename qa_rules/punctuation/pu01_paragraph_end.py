"""PU01: the punctuation a paragraph ends with, by role and language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from aligner.model import OFFICIAL_LANGUAGES
from qa_rules.base import Context, Pair, Rule
from qa_rules.model import Finding
from qa_rules.untranslated.detect import left_untranslated
from qa_rules.punctuation.langfacts import facts
from qa_rules.punctuation.locate import locate

#: Characters that may follow the final punctuation (closing quotes, brackets).
_CLOSERS = "»”’\"')）】]》」"


def final_mark(text: str) -> tuple[str, int]:
    """The last punctuation-or-letter character of ``text`` and its offset.

    Trailing spaces are skipped, and so is a closing quote or bracket when a
    punctuation mark stands before it (``... justice".`` and ``... justice."``).
    """
    end = len(text.rstrip())
    if end == 0:
        return "", -1
    index = end - 1
    if text[index] in _CLOSERS and index > 0 and not text[index - 1].isalnum():
        before = text[index - 1]
        if before in ",.;:，。；：،؛":
            return before, index - 1
    return text[index], index


class ParagraphEnd(Rule):
    """A paragraph ends with the wrong punctuation for its role and language.

    Preambular paragraphs end with a comma, operative ones with a semicolon and
    the last operative paragraph with a full stop, each in the target
    language's form (Chinese ``，；。``, Arabic ``، ؛ .``). Where the source
    ends otherwise (a colon before subparagraphs), the source's mark is expected.

    Flags:
        fr: Rappelant sa résolution 74/175 du 18 décembre 2019,
        en: Recalling its resolution 74/175 of 18 December 2019;

        fr: Rappelant sa résolution 74/175 du 18 décembre 2019,
        zh: 回顾其2019年12月18日第74/175号决议,

    Passes:
        fr: Rappelant sa résolution 74/175 du 18 décembre 2019,
        en: Recalling its resolution 74/175 of 18 December 2019,

        fr: Rappelant sa résolution 74/175 du 18 décembre 2019,
        zh: 回顾其2019年12月18日第74/175号决议，
    """

    code = "PU01"
    name = "punctuation.paragraph_end"
    category = "punctuation"
    severity = "warning"
    needs_both_sides = True
    source_in_languages = True
    languages = OFFICIAL_LANGUAGES

    @dataclass(frozen=True)
    class Config:
        """roles: the unit roles whose final punctuation is checked."""

        roles: tuple[str, ...] = ("preambular", "operative", "footnote")

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        if left_untranslated(pair):
            return
        unit = pair.source.units[-1]
        if unit.role not in self.config.roles:
            return
        src, tgt = facts(pair.source.lang), facts(pair.target.lang)
        expected_class = self._expected(pair, unit, src)
        if expected_class is None:
            return
        expected = tgt.marks[expected_class]
        found, offset = final_mark(pair.target.text)
        if found == expected:
            return
        where = locate(pair.target, offset)
        role = "last operative" if expected_class == "full_stop" and unit.role == "operative" else unit.role
        yield self.finding(
            pair,
            f"this {role} paragraph ends with {found or 'no punctuation'!r} instead of {expected!r} ({pair.target.lang})",
            expected=expected,
            found=found or "(nothing)",
            target=where,
        )

    @staticmethod
    def _expected(pair: Pair, unit, src) -> str | None:
        mark, _ = final_mark(pair.source.text)
        cls = src.class_of(mark)
        if cls is not None:
            return cls
        role = unit.role
        if role == "operative":
            operative = pair.source.doc.by_role("operative")
            if operative and operative[-1].id == unit.id:
                role = "last_operative"
        return src.final.get(role)
