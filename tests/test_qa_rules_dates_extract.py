"""Dates read as dates in the six languages: full, partial, ranges."""

from __future__ import annotations

import doctest

import pytest

import qa_rules.dates.extract as extract_module
from qa_rules.dates.extract import dates


def keys(text, lang):
    return [k for k, *_ in dates(text, lang)]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("résolution du 18 décembre 2019", "fr"),
        ("resolution of 18 December 2019", "en"),
        ("resolución de 18 de diciembre de 2019", "es"),
        ("резолюция от 18 декабря 2019 года", "ru"),
        ("2019年12月18日的决议", "zh"),
        ("القرار المؤرخ 18 كانون الأول/ديسمبر 2019", "ar"),
        ("القرار المؤرخ ١٨ كانون الأول/ديسمبر ٢٠١٩", "ar"),
    ],
)
def test_the_same_full_date_in_six_languages(text, lang):
    assert keys(text, lang) == ["2019-12-18"]


@pytest.mark.parametrize(
    "text, lang",
    [("en juillet 2023", "fr"), ("in July 2023", "en"), ("en julio de 2023", "es"), ("в июле 2023 года", "ru"),
     ("2023年7月", "zh"), ("في تموز/يوليه 2023", "ar")],
)
def test_month_and_year(text, lang):
    assert keys(text, lang) == ["2023-07"]


@pytest.mark.parametrize(
    "text, lang",
    [("du 7 au 12 mars 2021", "fr"), ("7-12 mars 2021", "fr"), ("from 7 to 12 March 2021", "en"),
     ("del 7 al 12 de marzo de 2021", "es"), ("7–12 марта 2021 года", "ru"), ("2021年3月7日至12日", "zh"),
     ("من 7 إلى 12 آذار/مارس 2021", "ar")],
)
def test_ranges(text, lang):
    assert keys(text, lang) == ["2021-03-07/12"]


def test_day_and_month_without_year_and_first_of_the_month():
    assert keys("le 1er janvier", "fr") == ["--01-01"]
    assert keys("on 21 August each year", "en") == ["--08-21"]
    assert keys("每年8月21日", "zh") == ["--08-21"]


def test_a_month_name_alone_is_not_a_date():
    assert keys("Mars est une planète; May I ask", "fr") == []
    assert keys("the Office may consider", "en") == []


def test_module_doctests():
    assert doctest.testmod(extract_module).failed == 0


@pytest.mark.parametrize(
    "text, lang, expected",
    [("on December 18, 2019", "en", "18 December 2019"), ("the 21st of August", "en", "21 August"),
     ("le 1 janvier 2020", "fr", "1er janvier 2020"), ("2019年12月18号", "zh", "2019年12月18日"),
     ("المؤرخ 30 يونيه 2021", "ar", "30 حزيران/يونيه 2021"), ("في 30 حزيران 2021", "ar", "30 حزيران/يونيه 2021"),
     ("في ديسمبر 2019", "ar", "كانون الأول/ديسمبر 2019")],
)
def test_nonstandard_forms_and_their_un_form(text, lang, expected):
    from qa_rules.dates.extract import nonstandard_dates, standard_form

    found = nonstandard_dates(text, lang)
    assert [standard_form(k, lang) for k, *_ in found] == [expected]


def test_un_forms_are_not_nonstandard():
    from qa_rules.dates.extract import nonstandard_dates

    assert nonstandard_dates("on 18 December 2019", "en") == ()
    assert nonstandard_dates("le 1er janvier 2020", "fr") == ()
    assert nonstandard_dates("2019年12月18日", "zh") == ()
    assert nonstandard_dates("18 de diciembre de 2019", "es") == ()
    assert nonstandard_dates("المؤرخ 30 حزيران/يونيه 2021 وفي آب/أغسطس 2020", "ar") == ()
    assert nonstandard_dates("في 4 كانون الأول / ديسمبر 2000 ، وفي أيلول / سبتمبر 1994", "ar") == ()  # OPUS spacing


@pytest.mark.parametrize(
    "lang, expected",
    [("en", "18 December 2019"), ("fr", "18 décembre 2019"), ("es", "18 de diciembre de 2019"),
     ("ru", "18 декабря 2019 года"), ("zh", "2019年12月18日"), ("ar", "18 كانون الأول/ديسمبر 2019")],
)
def test_expected_form_of_a_full_date_in_each_language(lang, expected):
    from qa_rules.dates.extract import expected_form

    assert expected_form("2019-12-18", lang) == expected
    assert expected_form("2019-12", "xx") is None  # a language with no date format


def test_a_date_finding_expects_the_date_as_the_target_writes_it():
    from qa_rules.dates.da01_mismatch import DateMismatch
    from qa_rules.examples import run_example

    findings = run_example(DateMismatch, {"fr": "Rappelant sa résolution du 18 décembre 2019,",
                                          "en": "Recalling its resolution of 19 December 2019,"})
    assert [(f.expected, f.found) for f in findings] == [("18 December 2019", "19 December 2019")]


@pytest.mark.parametrize("key, source, lang, expected", [
    ("2021-03-07/12", "du 7 au 12 mars 2021", "en", "from 7 to 12 March 2021"),
    ("2021-03-07/12", "du 7 au 12 mars 2021", "es", "del 7 al 12 de marzo de 2021"),
    ("2021-03-07/12", "du 7 au 12 mars 2021", "ru", "с 7 по 12 марта 2021 года"),
    ("2021-03-07/12", "du 7 au 12 mars 2021", "zh", "2021年3月7日至12日"),
    ("2021-03-07/12", "du 7 au 12 mars 2021", "ar", "من 7 إلى 12 آذار/مارس 2021"),
    ("1994-09-05/13", "5-13 septembre 1994", "en", "5-13 September 1994"),
    ("--08-21", "21 août", "en", "21 August"),
    ("--08-21", "21 août", "zh", "8月21日"),
    ("--08-21", "21 août", "es", "21 de agosto"),
    ("2020-06", "juin 2020", "en", "June 2020"),
    ("2020-06", "juin 2020", "es", "junio de 2020"),
    ("2020-06", "juin 2020", "ru", "июнь 2020 года"),
    ("2020-06", "juin 2020", "zh", "2020年6月"),
])
def test_expected_form_of_ranges_partial_dates_in_the_target_language(key, source, lang, expected):
    from qa_rules.dates.extract import expected_form

    assert expected_form(key, lang, source) == expected


def test_da01_gives_a_range_and_a_day_month_in_the_target_language():
    from qa_rules.dates.da01_mismatch import DateMismatch
    from qa_rules.engine import check
    from qa_rules.examples import example_alignment

    example = {"fr": "Se félicite de la réunion tenue du 7 au 12 mars 2021 et de la session du 21 août,",
               "en": "Welcomes the meeting held from 7 to 13 March 2021 and the session of 22 August,"}
    findings = check(example_alignment(example), [DateMismatch], ()).findings
    assert sorted(f.expected for f in findings) == ["21 August", "from 7 to 12 March 2021"]


def test_a_text_without_a_month_name_runs_no_date_pattern():
    """Every date has a month name: a paragraph without one is passed over after one search,
    not scanned by each of the language's date patterns (most paragraphs have no date)."""
    from qa_rules.dates import extract

    extract._compiled.cache_clear()
    extract.dates.cache_clear()
    assert extract.dates("Prie le Secrétaire général de lui présenter un rapport à sa 80e session", "fr") == ()
    assert extract._compiled.cache_info().misses == 0
    assert [k for k, *_ in extract.dates("adoptée le 18 décembre 2019", "fr")] == ["2019-12-18"]
    assert extract._compiled.cache_info().misses == 1
