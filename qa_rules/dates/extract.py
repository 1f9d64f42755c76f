"""Finding dates in text, in each language's own forms, as comparable keys.

The patterns and month names are language data (``[dates]`` of each
``qa_rules/langdata/<lang>.toml``); a date's key is ISO-like and the same in
every language: ``2019-12-18``, ``2021-03`` (month and year), ``--12-18`` (day
and month), ``2021-03-07/12`` (a range of days)::

    >>> [k for k, *_ in dates("adoptée le 18 décembre 2019 et du 7 au 12 mars 2021", "fr")]
    ['2019-12-18', '2021-03-07/12']
    >>> [k for k, *_ in dates("2019年12月18日第74/175号决议", "zh")]
    ['2019-12-18']
    >>> [k for k, *_ in dates("المؤرخ 18 كانون الأول/ديسمبر 2019", "ar")]
    ['2019-12-18']
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from qa_rules import langdata


def _digits(text: str) -> int:
    return int("".join(str(unicodedata.digit(c)) for c in text if c.isdigit()))


def _compile_templates(lang: str, templates) -> tuple[re.Pattern, ...]:
    data = langdata.value(lang, "dates")
    months = sorted(data["months"], key=lambda k: -len(k))
    month_alt = "|".join(f"(?:{k})" for k in months)
    lead, tail = (r"(?<!\d)", r"(?!\d)") if lang == "zh" else (r"(?<![\w])", r"(?![\w])")
    patterns = []
    for template in templates:
        regex = (
            template.replace("{day2}", f"(?P<day2>{data['day']})")
            .replace("{day}", f"(?P<day>{data['day']})")
            .replace("{month}", f"(?P<month>{month_alt})")
            .replace("{year}", f"(?P<year>{data['year']})")
        )
        patterns.append(re.compile(lead + regex + tail, re.IGNORECASE))
    return tuple(patterns)


@lru_cache(maxsize=None)
def _compiled(lang: str) -> tuple[tuple[re.Pattern, ...], tuple[tuple[re.Pattern, int], ...]]:
    data = langdata.value(lang, "dates")
    months = tuple(sorted(data["months"].items(), key=lambda kv: -len(kv[0])))
    month_patterns = tuple((re.compile(f"(?:{k})", re.IGNORECASE), v) for k, v in months)
    return _compile_templates(lang, data["patterns"]), month_patterns


def _month(text: str, month_patterns) -> int:
    for pattern, number in month_patterns:
        if pattern.fullmatch(text):
            return number
    raise ValueError(text)  # cannot happen: the month group matched one of them


@lru_cache(maxsize=4096)
def dates(text: str, lang: str) -> tuple[tuple[str, str, int, int], ...]:
    """``(key, text, start, end)`` of each date, earliest first, never overlapping."""
    if not langdata.supported(lang):
        return ()
    patterns, month_patterns = _compiled(lang)
    return _find(text, patterns, month_patterns)


def _find(text: str, patterns, month_patterns) -> tuple[tuple[str, str, int, int], ...]:
    found: list[tuple[str, str, int, int]] = []
    taken: list[tuple[int, int]] = []
    for pattern in patterns:
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(start < e and end > s for s, e in taken):
                continue
            groups = m.groupdict()
            month = _month(m.group("month"), month_patterns)
            year = groups.get("year")
            day = groups.get("day")
            day2 = groups.get("day2")
            key = f"{_digits(year):04d}" if year else "-"
            key += f"-{month:02d}"
            if day:
                key += f"-{_digits(day):02d}"
                if day2:
                    key += f"/{_digits(day2):02d}"
            if day and not day2 and m.start("day") < m.start("month"):
                start = m.start("day")  # "du 18 décembre": the preposition belongs to ranges only
            found.append((key, text[start:end].strip(), start, end))
            taken.append((start, end))
    return tuple(sorted(found, key=lambda f: f[2]))


@lru_cache(maxsize=4096)
def nonstandard_dates(text: str, lang: str) -> tuple[tuple[str, str, int, int], ...]:
    """Dates written in a form the language's UN style does not use (``December 18, 2019``)."""
    if not langdata.supported(lang):
        return ()
    templates = langdata.value(lang, "dates.nonstandard", ())
    if not templates:
        return ()
    return _find(text, _compile_templates(lang, templates), _compiled(lang)[1])


_KEY = re.compile(r"^(?:(\d{4})|-)-(\d{2})(?:-(\d{2})(?:/(\d{2}))?)?$")


def standard_form(key: str, lang: str) -> str:
    """The UN form of a date key in ``lang`` (``2019-12-18`` -> ``18 December 2019``)."""
    data = langdata.value(lang, "dates")
    year, month, day, _ = _KEY.match(key).groups()
    day_text = str(int(day)) if day else ""
    if day_text == "1" and data.get("first_day"):
        day_text = data["first_day"]
    text = data["format"].format(day=day_text, month=data["month_names"][int(month) - 1], year=year or "")
    if lang == "zh":
        return text if year else text.replace("年", "")
    return " ".join(text.split())


def expected_form(key: str, lang: str) -> str | None:
    """The UN form in ``lang`` of a full single date (``2019-12-18``); None for partial dates,
    ranges, or a language without a date format."""
    match = _KEY.match(key)
    if not match or not langdata.supported(lang) or "format" not in langdata.value(lang, "dates"):
        return None
    year, _, day, day2 = match.groups()
    if not (year and day) or day2:
        return None
    return standard_form(key, lang)


def date_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Every span the dates rules own (the numbers rules skip them)."""
    return [(s, e) for _, _, s, e in dates(text, lang)]
