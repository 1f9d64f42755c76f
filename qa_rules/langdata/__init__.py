"""Language facts as data: one TOML file per official language, read once.

``load("fr")`` returns the parsed ``fr.toml`` as a read-only mapping (sections
``numbers``, ``dates``, ``references``, ``quotes``, ``punctuation``,
``spacing``; rule families may add their own sections). A language with no
file is an ``UnsupportedLanguageError``, never a silent fallback::

    >>> load("fr")["numbers"]["decimal"]
    ','
    >>> value("zh", "punctuation.preambular")
    ('，',)
    >>> load("de")
    Traceback (most recent call last):
    ...
    qa_rules.langdata.UnsupportedLanguageError: no language data for 'de' (supported: ar, en, es, fr, ru, zh)
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Mapping

#: The languages with a data file.
LANGUAGES: tuple[str, ...] = ("ar", "en", "es", "fr", "ru", "zh")


class UnsupportedLanguageError(LookupError):
    """A language hexaglot has no language data for."""


def supported(lang: str) -> bool:
    return lang in LANGUAGES


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


@lru_cache(maxsize=None)
def load(lang: str) -> Mapping[str, Any]:
    """The language data of ``lang`` (read once, cached, read-only)."""
    if lang not in LANGUAGES:
        raise UnsupportedLanguageError(
            f"no language data for {lang!r} (supported: {', '.join(LANGUAGES)})"
        )
    text = resources.files("qa_rules.langdata").joinpath(f"{lang}.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    if data.get("language") != lang:
        raise UnsupportedLanguageError(f"{lang}.toml declares language {data.get('language')!r}")
    return _freeze(data)


def value(lang: str, dotted: str, default: Any = ...) -> Any:
    """``value("fr", "numbers.decimal")``; a missing key is a ``KeyError`` unless a default is given."""
    node: Any = load(lang)
    for part in dotted.split("."):
        if not isinstance(node, Mapping) or part not in node:
            if default is not ...:
                return default
            raise KeyError(f"{lang}.toml has no key {dotted!r}")
        node = node[part]
    return node
