"""The prefilter of case-insensitive word forms: it never says "no" where the full search finds one."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa_rules import langdata
from qa_rules.prefilter import _CASE_UNSAFE, Prefilter, alternatives, case_unsafe, stems

FORMS = {
    "words": ["un|une", "soixante(?:-|\\s+)dix", "dizaines?", "тр[её]х", "сот(?:ня|ни)", "s[eé]ptim[oa]s?"],
    "months": ["janvier", "mars", "1\\s*月|一月", "كانون الأول\\s*/\\s*ديسمبر|ديسمبر"],
}


def test_the_unsafe_class_is_every_character_whose_case_re_reads_otherwise():
    """``_CASE_UNSAFE`` is written out as ranges; it must hold exactly the characters
    ``case_unsafe`` names, in this Python's Unicode tables."""
    wrong = [hex(i) for i in range(sys.maxunicode + 1)
             if case_unsafe(chr(i)) != bool(_CASE_UNSAFE.fullmatch(chr(i)))]
    assert wrong == []


def _by_case() -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for i in range(sys.maxunicode + 1):
        char = chr(i)
        for key in {char.lower(), char.upper()}:
            index.setdefault(key, set()).add(char)
    return index


def _opening_chars() -> set[str]:
    chars = set()
    for lang in langdata.LANGUAGES:
        data = langdata.value(lang, "numbers")
        forms = [f for table in ("cardinals", "multipliers", "ordinals", "ordinal_multipliers")
                 for f in data.get(table, {})]
        forms += list(langdata.value(lang, "dates.months"))
        for form in forms:
            for alternative in alternatives(form.replace("{adj}", data.get("adjective_endings", ""))):
                for opening, _ in stems(alternative) or ():
                    chars.update(opening)
    return chars


def test_a_safe_character_matches_a_letter_of_the_language_data_only_by_its_lower_case():
    """What the prefilter rests on: for every letter the forms open with, any character that
    ``re.IGNORECASE`` matches with it is unsafe or has the same lower case; and lowering a safe
    character keeps it one character, a word character or not as it was."""
    index = _by_case()
    broken = []
    for letter in _opening_chars():
        candidates = index.get(letter.lower(), set()) | index.get(letter.upper(), set())
        for char in candidates:
            if re.fullmatch(re.escape(letter), char, re.IGNORECASE) and not case_unsafe(char):
                if char.lower() != letter.lower():
                    broken.append((letter, char))
    assert broken == []
    word = re.compile(r"\w")
    changed = [hex(i) for i in range(sys.maxunicode + 1) if not case_unsafe(chr(i))
               and bool(word.match(chr(i))) != bool(word.match(chr(i).lower()))]
    assert changed == []


@pytest.mark.parametrize("alternative, expected", [
    ("mars", (("mars", True),)),
    ("Dizaines?", (("dizaine", False),)),
    ("tr[eè]s", (("tres", True), ("très", True))),
    ("сот(?:ня|ый)", (("сотн", False), ("соты", False))),
    ("1\\s*月", (("1", False),)),
    ("x(?:a|b)?c", (("x", False),)),
    ("(?:a|bc)d", (("a", False), ("b", False))),
    ("[a-z]x", None),
    ("\\d+", None),
    ("ſix", None),
])
def test_stems(alternative, expected):
    assert stems(alternative) == expected


def test_alternatives_split_at_the_top_level_only():
    assert alternatives("un|une") == ["un", "une"]
    assert alternatives("a(?:b|c)|[|]d|e\\|f") == ["a(?:b|c)", "[|]d", "e\\|f"]


def test_a_form_without_an_opening_lets_every_text_through():
    assert Prefilter(["mars", "\\d+ars"]).may_match("rien")
    assert not Prefilter(["mars", "avril"]).may_match("rien")


def test_a_whole_word_form_is_not_looked_for_inside_a_word():
    """``un`` is a whole word: "Nations Unies" holds none; "une" is one."""
    words = Prefilter(["un", "une", "dizaines?"], word=True)
    assert not words.may_match("Nations Unies, communes")
    assert words.may_match("UNE réunion") and words.may_match("des dizaines")
    assert words.candidates("la Dizaine et une autre, un") == [(3, [2]), (14, [1]), (25, [0])]


def test_an_unsafe_character_turns_the_prefilter_off():
    """"ſix" matches ``six`` case-insensitively although its lower case is not "six"."""
    pattern = re.compile(r"(?<!\w)(?:six)(?!\w)", re.IGNORECASE)
    assert pattern.search("ſix")
    assert Prefilter(["six"], word=True).may_match("ſix") and Prefilter(["six"], word=True).candidates("ſix") is None


PIECES = st.sampled_from(
    ["un", "une", "UNE", "Unies", "soixante-dix", "SOIXANTE dix", "dizaine", "Dizaines", "трёх", "ТРЕХ", "сотни",
     "сотрудничество", "septimo", "SÉPTIMAS", "janvier", "MARS", "1月", "一月", "ديسمبر", "كانون الأول/ديسمبر", "ſ",
     "ı", "İ", "Σ", "K", "ß", "x", "-", " ", ",", "\u00a0", "é", "É"]
)


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(PIECES, max_size=12), case=st.sampled_from(["as is", "upper", "title", "lower"]))
def test_the_prefilter_never_misses_a_match(pieces, case):
    text = "".join(pieces)
    text = {"as is": text, "upper": text.upper(), "title": text.title(), "lower": text.lower()}[case]
    for kind, forms in FORMS.items():
        alternation = "|".join(f"(?:{f})" for f in forms)
        if kind == "words":
            pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)
            prefilter = Prefilter(forms, word=True)
            candidates = prefilter.candidates(text)
            if candidates is not None:
                where = dict(candidates)
                for i, form in enumerate(forms):  # each form that matches somewhere is named there
                    for m in re.finditer(rf"(?<!\w)(?:{form})(?!\w)", text, re.IGNORECASE):
                        assert i in where.get(m.start(), ()), (form, text)
        else:
            pattern = re.compile(alternation, re.IGNORECASE)
            prefilter = Prefilter(forms)
        if pattern.search(text):
            assert prefilter.may_match(text)
