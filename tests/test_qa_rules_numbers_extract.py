"""Reading numbers by value in the six languages: locales, digits, words, session ordinals, percentages."""

from __future__ import annotations

import doctest
from decimal import Decimal

import pytest

import qa_rules.numbers.extract as extract_module
from qa_rules.numbers.extract import numbers, parse_digits


def keys(text, lang, kind=None):
    return [n.key for n in numbers(text, lang) if kind is None or n.kind == kind]


@pytest.mark.parametrize(
    "raw, lang",
    [("1 000,5", "fr"), ("1\u00a0000,5", "fr"), ("1\u202f000,5", "ru"), ("1.000,5", "es"), ("1,000.5", "en"),
     ("1,000.5", "zh"), ("١٠٠٠٫٥", "ar"), ("1.000,5", "fr"), ("1 000,5", "es")],
)
def test_the_same_number_in_every_locale(raw, lang):
    assert parse_digits(raw, lang) == Decimal("1000.5")


def test_locale_decides_ambiguous_separators():
    assert parse_digits("1,000", "en") == Decimal("1000")
    assert parse_digits("1,000", "fr") == Decimal("1.000")  # a French decimal comma
    assert parse_digits("3.5", "es") == Decimal("3.5")  # a foreign decimal point is still read


@pytest.mark.parametrize(
    "text, lang",
    [
        ("à sa soixante-dix-huitième session", "fr"),
        ("at its seventy-eighth session", "en"),
        ("en su septuagésimo octavo período de sesiones", "es"),
        ("на своей семьдесят восьмой сессии", "ru"),
        ("在第七十八届会议上", "zh"),
        ("في دورتها الثامنة والسبعين", "ar"),
    ],
)
def test_session_number_78_in_six_languages(text, lang):
    assert keys(text, lang, "ordinal") == ["78"]


@pytest.mark.parametrize(
    "lang, texts",
    [
        ("fr", {21: "vingt et unième", 71: "soixante et onzième", 80: "quatre-vingtième", 91: "quatre-vingt-onzième", 100: "centième", 101: "cent unième"}),
        ("en", {21: "twenty-first", 80: "eightieth", 99: "ninety-ninth", 100: "hundredth", 101: "one hundred and first"}),
        ("es", {21: "vigésimo primer", 80: "octogésimo", 99: "nonagésimo noveno", 100: "centésimo", 18: "decimoctavo"}),
        ("ru", {21: "двадцать первой", 80: "восьмидесятой", 99: "девяносто девятую", 100: "сотой", 40: "сороковой"}),
        ("zh", {21: "第二十一", 80: "第八十", 99: "第九十九", 100: "第一百", 101: "第一百零一"}),
        ("ar", {21: "الحادية والعشرين", 80: "الثمانين", 99: "التاسعة والتسعين", 11: "الحادية عشرة", 55: "الخامسة والخمسين"}),
    ],
)
def test_session_ordinals_up_to_a_hundred(lang, texts):
    for value, text in texts.items():
        found = keys(f"session {text} session" if lang not in ("zh", "ar") else text + (" 届" if lang == "zh" else ""), lang)
        assert found == [str(value)], (lang, text, found)


@pytest.mark.parametrize(
    "text, lang",
    [("30 %", "fr"), ("30%", "en"), ("30 per cent", "en"), ("30 por ciento", "es"), ("30 процентов", "ru"),
     ("30％", "zh"), ("百分之三十", "zh"), ("30 في المائة", "ar"), ("٣٠٪", "ar"), ("trente pour cent", "fr")],
)
def test_percentages(text, lang):
    found = numbers(text, lang)
    assert [(n.key, n.percent) for n in found] == [("30", True)]


def test_numbers_in_references_dates_and_paragraph_numbers_are_not_numbers():
    text = "9. Rappelant sa résolution 74/175 du 18 décembre 2019, le document A/78/L.2 et la résolution 2178 (2014), vol. 2178, no 38349"
    assert keys(text, "fr") == []


def test_scales_and_words():
    assert keys("3 millions de dollars", "fr") == ["3000000"]
    assert keys("300万美元", "zh") == ["3000000"]
    assert keys("deux ans et trois mois", "fr") == ["2", "3"]
    assert keys("ciento veinte países", "es") == ["120"]
    assert keys("двух лет", "ru") == ["2"]


def test_weak_words_only_match():
    kinds = {n.text: n.kind for n in numbers("l'un des premiers rapports, un État", "fr")}
    assert set(kinds.values()) == {"weak"}
    assert [n.kind for n in numbers("统一的办法", "zh")] == []  # 一 without 第/classifier context is not read
    assert [n.kind for n in numbers("第一委员会", "zh")] == ["weak"]


def test_unsupported_language_has_no_numbers_rather_than_english_ones():
    assert numbers("seventy-eighth session, 30 %", "de") == ()


def test_module_doctests():
    assert doctest.testmod(extract_module).failed == 0


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("the third one", "en", ["3", "1"]),  # an ordinal ends an English compound
        ("الدورة الثامنة والسبعين والحادية عشرة", "ar", ["78", "11"]),  # units-then-tens closes a number
        ("مائة وثمانية وسبعون", "ar", ["178"]),
        ("dix-huit et quatre-vingt-dix-sept", "fr", ["18", "97"]),
        ("vigésima primera", "es", ["21"]),
    ],
)
def test_where_one_number_ends_and_the_next_begins(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    "text, lang",
    [("12. Prie l'Office", "fr"), ("2 ． 重申各国政府", "zh"), ("2 - تؤكد من جديد", "ar"), ("Résolution 217 A ( III )", "fr")],
)
def test_paragraph_numbers_and_opus_spacing(text, lang):
    found = [(n.key, n.kind) for n in numbers(text, lang)]
    assert found in ([], [("217", "digits"), ("3", "digits")])


@pytest.mark.parametrize(
    "source, target",
    [({"fr": "Note qu'une dizaine de pays ont adhéré,"}, {"en": "Notes that some 10 countries have acceded,"}),
     ({"fr": "Note que des centaines de personnes ont été formées,"}, {"en": "Notes that hundreds of persons were trained,"}),
     ({"fr": "Note que des milliers de personnes ont été formées,"}, {"es": "Observa que miles de personas recibieron capacitación,"}),
     ({"fr": "Note qu'une douzaine d'États ont fait rapport,"}, {"ru": "отмечает, что 12 государств представили доклады,"})],
)
def test_approximate_quantities_match_but_never_report(source, target):
    from qa_rules.examples import run_example
    from qa_rules.registry import rule_by_code

    example = {**source, **target}
    assert [f.message for code in ("NU01", "NU02", "NU03") for f in run_example(rule_by_code(code), example)] == []
