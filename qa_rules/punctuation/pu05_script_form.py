"""PU05: a punctuation mark in its Latin form inside Arabic text."""

from __future__ import annotations

from typing import Iterator

from qa_rules import langdata
from qa_rules.base import Context, Pair, Rule, window
from qa_rules.model import Finding
from qa_rules.punctuation.langfacts import SCRIPTS, facts, is_space, script_of
from qa_rules.punctuation.locate import locate
from qa_rules.untranslated.detect import left_untranslated


def _native_side(text: str, index: int, step: int, lang: str, native: frozenset[str]) -> bool:
    """Whether the first character from ``index`` in direction ``step`` (spaces skipped
    in spaced languages) is a letter of ``lang``'s script or one of its own marks."""
    spaced = facts(lang).spaced
    while 0 <= index < len(text) and spaced and is_space(text[index]):
        index += step
    if not 0 <= index < len(text):
        return False
    char = text[index]
    return char in native or script_of(char) == SCRIPTS[lang]


def latin_forms(text: str, lang: str, key: str = "native_forms") -> list[tuple[int, str, str]]:
    """(offset, mark, the language's form) of each Latin mark standing between words of
    ``lang``'s script or its own punctuation (``[typography] <key>``: ``native_forms``,
    Arabic's own marks; ``full_width_forms``, Chinese full-width ones, SP06)."""
    forms = langdata.value(lang, f"typography.{key}", {})
    if not forms or not any(mark in text for mark in forms):
        return []
    native = frozenset(facts(lang).quote_chars) | frozenset(forms.values())
    found = []
    for index, char in enumerate(text):
        if char in forms and _native_side(text, index - 1, -1, lang, native) \
                and _native_side(text, index + 1, 1, lang, native):
            found.append((index, char, forms[char]))
    return found


def form_findings(rule: Rule, pair: Pair, key: str, what: str) -> Iterator[Finding]:
    """One finding for the marks ``latin_forms(..., key)`` finds in the target (``what``, with
    ``{lang}``, opens the message), located at the first; none for a paragraph left untranslated."""
    if pair.target.missing or left_untranslated(pair):
        return
    text = pair.target.text
    found = latin_forms(text, pair.target.lang, key)
    if not found:
        return
    offset = found[0][0]
    marks = " ".join(dict.fromkeys(f"{mark} for {form}" for _, mark, form in found))
    shown, mark = window(text, offset, offset + 1, 20, 19)
    yield rule.finding(
        pair,
        f"{what.format(lang=pair.target.lang)}: {marks}",
        expected=" ".join(dict.fromkeys(form for _, _, form in found)),
        found=shown,
        mark=mark,
        target=locate(pair.target, offset),
    )


class ScriptPunctuation(Rule):
    """A punctuation mark in its Latin form between Arabic words, where Arabic has its own.

    Arabic writes the comma, semicolon and question mark ``، ؛ ؟``. A Latin
    ``,`` with Arabic letters (or marks) on both sides is a slip of the
    keyboard; next to digits or Latin text (``المجلد 2178, الرقم``, a URL) it is
    not judged. The forms are language data (``[typography] native_forms``);
    Chinese half-width marks are a matter of width, the spacing rule SP06's.

    Flags:
        fr: en renforçant la coopération au niveau mondial, notamment en matière de détection
        ar: من خلال تعزيز التعاون على الصعيد العالمي, بما في ذلك في مجال الكشف

    Passes:
        fr: en renforçant la coopération au niveau mondial, notamment en matière de détection
        ar: من خلال تعزيز التعاون على الصعيد العالمي، بما في ذلك في مجال الكشف

        fr: Nations Unies, Recueil des Traités, vol. 2178, no 38349.
        ar: الأمم المتحدة، مجموعة المعاهدات، المجلد 2178, الرقم 38349.
    """

    code = "PU05"
    name = "punctuation.script_form"
    category = "punctuation"
    severity = "warning"
    #: The languages with ``[typography] native_forms`` data.
    languages = ("ar",)

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        yield from form_findings(self, pair, "native_forms", "Latin punctuation in {lang} text")

    def pattern(self, finding: Finding) -> str | None:
        """Latin marks throughout a version are one systematic finding (the marks are in its messages)."""
        return finding.message.partition(": ")[0]
