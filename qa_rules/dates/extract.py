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
from qa_rules.prefilter import Prefilter


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


def _months(lang: str) -> tuple[tuple[str, int], ...]:
    """(month name pattern, month number), longest first: the order the date patterns try them in."""
    return tuple(sorted(langdata.value(lang, "dates.months").items(), key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=None)
def _compiled(lang: str) -> tuple[tuple[re.Pattern, ...], tuple[re.Pattern, tuple[int, ...]]]:
    """The date patterns of ``lang`` and its month reader (``_month``): built on the first text
    that may hold a date, once per process."""
    data = langdata.value(lang, "dates")
    return _compile_templates(lang, data["patterns"]), _month_reader(lang)


def _month_reader(lang: str) -> tuple[re.Pattern, tuple[int, ...]]:
    """One pattern, an alternative per month name (``(?P<m3>mars)``), and the month number of
    each alternative: the first that a matched month group is in full gives its number."""
    months = _months(lang)
    reader = re.compile("|".join(f"(?P<m{i}>{name})" for i, (name, _) in enumerate(months)), re.IGNORECASE)
    if reader.groups != len(months):
        raise ValueError(f"month names of {lang}: a name holds a capturing group; use (?:...)")
    return reader, tuple(number for _, number in months)


@lru_cache(maxsize=None)
def _nonstandard(lang: str) -> tuple[re.Pattern, ...]:
    return _compile_templates(lang, langdata.value(lang, "dates.nonstandard", ()))


@lru_cache(maxsize=None)
def _month_prefilter(lang: str) -> Prefilter:
    """Whether a text may hold a month name of ``lang``, from the letters each opens with."""
    return Prefilter(name for name, _ in _months(lang))


@lru_cache(maxsize=None)
def _any_month(lang: str) -> re.Pattern:
    """Any month name of ``lang``: every date pattern has one (its ``month`` group is one of
    them, ``_month``), so a text without any holds no date and its patterns are not run."""
    months = sorted(langdata.value(lang, "dates.months"), key=lambda k: -len(k))
    return re.compile("|".join(f"(?:{k})" for k in months), re.IGNORECASE)


def _has_month(text: str, lang: str) -> bool:
    """Whether ``text`` holds a month name of ``lang``: most texts are answered by the prefilter,
    without a case-insensitive search."""
    return _month_prefilter(lang).may_match(text) and _any_month(lang).search(text) is not None


def _month(text: str, month_reader) -> int:
    reader, numbers = month_reader
    match = reader.fullmatch(text)
    if match is None or match.lastgroup is None:
        raise ValueError(text)  # cannot happen: the month group matched one of them
    return numbers[int(match.lastgroup[1:])]


@lru_cache(maxsize=4096)
def dates(text: str, lang: str) -> tuple[tuple[str, str, int, int], ...]:
    """``(key, text, start, end)`` of each date, earliest first, never overlapping."""
    if not langdata.supported(lang):
        return ()
    if not _has_month(text, lang):
        return ()
    patterns, month_reader = _compiled(lang)
    return _find(text, patterns, month_reader)


def _find(text: str, patterns, month_reader) -> tuple[tuple[str, str, int, int], ...]:
    found: list[tuple[str, str, int, int]] = []
    taken: list[tuple[int, int]] = []
    for pattern in patterns:
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(start < e and end > s for s, e in taken):
                continue
            groups = m.groupdict()
            month = _month(m.group("month"), month_reader)
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
    if not langdata.value(lang, "dates.nonstandard", ()) or not _has_month(text, lang):
        return ()
    return _find(text, _nonstandard(lang), _compiled(lang)[1])


_KEY = re.compile(r"^(?:(\d{4})|-)-(\d{2})(?:-(\d{2})(?:/(\d{2}))?)?$")


#: A dash between two days in a source range (``5-13 septembre 1994``): the target writes its range so too.
_DASHED = re.compile(r"\d\s*([-–])\s*\d")
#: The template's year and what ties it to the month, for a date written without a year
#: (``del 7 al 12 de marzo``, ``с 7 по 12 марта``).
_YEAR_PART = re.compile(r"\s*(?:de\s+)?\{year\}.*$")


def standard_form(key: str, lang: str, source_text: str = "") -> str:
    """The UN form of a date key in ``lang``: ``2019-12-18`` -> ``18 December 2019``, a month
    and year ``2021-03`` -> ``March 2021``, a day and month ``--08-21`` -> ``21 August``, a
    range ``2021-03-07/12`` -> ``from 7 to 12 March 2021`` (``7-12 March 2021`` when
    ``source_text``, the source's date, joins its days with a dash).

    >>> standard_form("2021-03-07/12", "en", "du 7 au 12 mars 2021"), standard_form("--08-21", "en")
    ('from 7 to 12 March 2021', '21 August')
    >>> standard_form("2021-03-07/12", "es"), standard_form("2020-06", "ru")
    ('del 7 al 12 de marzo de 2021', 'июнь 2020 года')
    """
    data = langdata.value(lang, "dates")
    year, month, day, day2 = _KEY.match(key).groups()
    dash = _DASHED.search(source_text) if day2 else None
    if day2:
        template = data.get("range_dash" if dash else "range")
    elif day:
        template = data["format"] if year else data.get("day_month")
    else:
        template = data.get("month_year")
    template = template or data["format"]
    if not year and not template.startswith("{year}"):
        template = _YEAR_PART.sub("", template)
    day_text = str(int(day)) if day else ""
    if day_text == "1" and data.get("first_day"):
        day_text = data["first_day"]
    names = data["month_names"]
    text = template.format(day=day_text, day2=str(int(day2)) if day2 else "", dash=dash.group(1) if dash else "-",
                           month=names[int(month) - 1], year=year or "",
                           month_alone=data.get("month_names_alone", names)[int(month) - 1])
    if lang == "zh":
        return text if year else text.replace("年", "")
    return " ".join(text.split())


def expected_form(key: str, lang: str, source_text: str = "") -> str | None:
    """The UN form in ``lang`` of a date key (``standard_form``); None for a language without a
    date format."""
    if not _KEY.match(key) or not langdata.supported(lang) or "format" not in langdata.value(lang, "dates"):
        return None
    return standard_form(key, lang, source_text)


def date_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Every span the dates rules own (the numbers rules skip them)."""
    return [(s, e) for _, _, s, e in dates(text, lang)]
