"""An unsupported language and a key missing from a supported language's data are different errors.

Rules skip a language hexaglot has no data for (``UnsupportedLanguageError``);
a key missing from a supported language's TOML is a bug in the data and must
surface as ``KeyError``, not be taken for an unsupported language.
"""

from __future__ import annotations

import pytest

import qa_rules.length.le01_ratio_outlier as le01
import qa_rules.markup.italics as italics
from aligner.model import Document, Unit
import qa_rules.punctuation.langfacts as langfacts
from qa_rules.langdata import UnsupportedLanguageError


def test_an_unsupported_language_is_an_unsupported_language_error():
    with pytest.raises(UnsupportedLanguageError, match="'de'"):
        langfacts.facts("de")


def test_rules_still_skip_an_unsupported_language():
    assert le01.letters("Wörter", "de") == 6
    assert italics.italic_languages({"de": _doc("de")}) == frozenset()


def _doc(lang: str) -> Document:
    return Document(f"a.{lang}", lang, (Unit("pp.1", "preambular", "Wörter", (1, 1)),))


def test_a_key_missing_from_supported_data_is_not_swallowed_by_letters(monkeypatch):
    monkeypatch.setattr(le01, "language_data", lambda lang: {"numbers": {}})  # no [length] section
    with pytest.raises(KeyError, match="length"):
        le01.letters("mots", "fr")


def test_a_key_missing_from_supported_data_is_not_swallowed_by_italics(monkeypatch):
    def broken(lang):
        raise KeyError("typography")

    monkeypatch.setattr(langfacts, "facts", broken)
    with pytest.raises(KeyError, match="typography"):
        italics.italic_languages({"fr": _doc("fr")})


def test_one_supported():
    assert not hasattr(langfacts, "supported")
