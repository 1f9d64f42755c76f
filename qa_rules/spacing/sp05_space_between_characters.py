"""SP05: a space between two characters of a language written without spaces (Chinese)."""

from __future__ import annotations

from typing import Iterator

from qa_rules.base import Context, Pair, Rule, window
from qa_rules.model import Finding, Location
from qa_rules.punctuation.langfacts import SCRIPTS, facts, is_space, script_of
from qa_rules.untranslated.detect import left_untranslated

#: Chinese punctuation a space may not stand next to either (full-width marks carry their own space).
_CJK_MARKS = frozenset("，。；：、！？（）《》“”‘’「」")


def _unspaced(char: str, script: str) -> bool:
    return char in _CJK_MARKS or script_of(char) == script


def stray_spaces(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of each single space between two characters of ``lang``'s script or its
    full-width punctuation, in a language written without spaces between words (two or
    more in a row are the double-space rule's, SP01)."""
    if facts(lang).spaced:
        return []
    script = SCRIPTS[lang]
    found = []
    index = 0
    while index < len(text):
        if not is_space(text[index]):
            index += 1
            continue
        end = index
        while end < len(text) and is_space(text[end]):
            end += 1
        if end - index == 1 and index > 0 and end < len(text) and _unspaced(text[index - 1], script) and _unspaced(text[end], script):
            found.append((index, end))
        index = end
    return found


class SpaceBetweenCharacters(Rule):
    """A space between two Chinese characters, where Chinese writes none.

    Chinese separates neither words nor clauses with spaces (its full-width
    punctuation carries its own); a space between two Chinese characters or
    marks is a leftover of editing or of a line break. Spaces next to digits
    or Latin text are not judged, two or more in a row are the double-space
    rule's (SP01). Languages written with spaces are not checked.

    Flags:
        fr: ainsi que d'autres membres de la société
        zh: 以及其他 社群成员

    Passes:
        fr: ainsi que d'autres membres de la société
        zh: 以及其他社群成员

        fr: en coopération avec ONU-Femmes
        zh: 与 UN-Women 合作
    """

    code = "SP05"
    name = "spacing.space_between_characters"
    category = "spacing"
    severity = "warning"
    #: The languages written without spaces (``[typography] spaced = false``).
    languages = ("zh",)

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        if pair.target.missing or left_untranslated(pair):
            return
        for unit in pair.target.units:
            for start, end in stray_spaces(unit.text, pair.target.lang):
                shown, mark = window(unit.text, start, end, 10, 10)
                yield self.finding(
                    pair,
                    f"a space between Chinese characters ({pair.target.lang} is written without spaces)",
                    expected="no space",
                    found=shown,
                    mark=mark,
                    target=Location(pair.target.doc.path, pair.target.lang, unit.id, unit.line_at(start)),
                )

    def pattern(self, finding: Finding) -> str | None:
        """Spaces between Chinese characters throughout a version (a tokenised text) are one systematic finding."""
        return finding.message
