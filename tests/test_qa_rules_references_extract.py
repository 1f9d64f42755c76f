"""Document symbols, resolution numbers and treaty citations found and normalised."""

from __future__ import annotations

import doctest

import pytest

import qa_rules.references.extract as extract_module
from qa_rules.references.extract import resolutions, symbols, treaties


@pytest.mark.parametrize(
    "text, key",
    [("A/RES/74/175", "A/RES/74/175"), ("E/CN.15/2023/5", "E/CN.15/2023/5"), ("A/78/L.2/Rev.1", "A/78/L.2/Rev.1"),
     ("S/2015/939", "S/2015/939"), ("A / 55 / 602 / Add.2", "A/55/602/Add.2"), ("(A/C.3/78/L.5).", "A/C.3/78/L.5")],
)
def test_symbols(text, key):
    assert [k for k, *_ in symbols(text)] == [key]


def test_no_symbol_in_ordinary_slashes():
    assert symbols("kilometres/hour and/or 74/175") == ()


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("résolutions 1373 (2001) et 2178 (2014)", "fr", ["1373 (2001)", "2178 (2014)"]),
        ("第2178（2014）号决议", "zh", ["2178 (2014)"]),
        ("resolution 55/ 100 and decision 2023/226", "en", ["55/100", "2023/226"]),
        ("القرار 74/175", "ar", ["74/175"]),
    ],
)
def test_resolution_numbers(text, lang, expected):
    assert [k for k, *_ in resolutions(text, lang)] == expected


def test_resolution_numbers_inside_symbols_are_the_symbols():
    assert resolutions("A/RES/74/175", "en") == ()


@pytest.mark.parametrize(
    "text, lang",
    [("Recueil des Traités, vol. 2178, no 38349", "fr"), ("Treaty Series, vol. 2178, No. 38349", "en"),
     ("Treaty Series, vol. 2178, núm. 38349", "es"), ("Сборник договоров, т. 2178, № 38349", "ru"),
     ("Treaty Series, vol. 2178, No. 38349", "ru"), ("《条约汇编》，第2178卷，第38349号", "zh"),
     ("مجموعة المعاهدات، المجلد 2178، الرقم 38349", "ar")],
)
def test_treaty_citations(text, lang):
    assert [k for k, *_ in treaties(text, lang)] == ["vol. 2178, No. 38349"]


def test_module_doctests():
    assert doctest.testmod(extract_module).failed == 0
