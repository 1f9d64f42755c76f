"""Language data: one TOML per official language, read once, no fallback for other languages."""

from __future__ import annotations

import doctest

import pytest

import qa_rules.langdata as langdata

SECTIONS = ("numbers", "dates", "references", "quotes", "punctuation", "spacing")


@pytest.mark.parametrize("lang", langdata.LANGUAGES)
def test_every_language_has_every_section(lang):
    data = langdata.load(lang)
    assert data["language"] == lang
    for section in SECTIONS:
        assert section in data, (lang, section)
    assert {"decimal", "group", "digits", "percent"} <= set(data["numbers"])
    assert len(data["dates"]["months"]) == 12
    assert {"preambular", "operative"} <= set(data["punctuation"])


def test_read_once_and_read_only():
    assert langdata.load("fr") is langdata.load("fr")
    with pytest.raises(TypeError):
        langdata.load("fr")["numbers"]["decimal"] = "."  # type: ignore[index]


def test_unsupported_language_is_an_error_not_a_fallback():
    with pytest.raises(langdata.UnsupportedLanguageError, match="'de'"):
        langdata.load("de")
    assert not langdata.supported("de")


def test_value_and_missing_keys():
    assert langdata.value("fr", "numbers.decimal") == ","
    assert langdata.value("fr", "numbers.nothing", None) is None
    with pytest.raises(KeyError, match="numbers.nothing"):
        langdata.value("fr", "numbers.nothing")


def test_french_spacing_facts():
    assert set(langdata.value("fr", "spacing.nbsp_before")) >= {";", ":", "!", "?"}


def test_module_doctests():
    assert doctest.testmod(langdata).failed == 0
