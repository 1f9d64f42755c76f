"""The date of a document, read from the document itself.

A UN document says when it is from in its head and foot: the distribution date
under the symbol (``Distr.: General 3 August 2023``), the adoption note
(``Adopted at the 81st plenary meeting, on 4 December 2000``), the closing line
(``43rd plenary meeting, 25 July 2023``). The document's date is the latest full
date (day, month, year) in those lines, the units of role ``meta`` and
``closing``, never in its paragraphs, which cite older texts. Without one, the
year in its symbol (``E/RES/2023/26``, ``S/RES/2396 (2017)``) is its date, to
the year. Without either, the document has no date (``None``)::

    >>> from aligner.model import Document, Unit
    >>> def doc(lang, role, *texts):
    ...     return Document("x.md", lang, tuple(Unit(f"u.{i}", role, t, (i, i)) for i, t in enumerate(texts, 1)))
    >>> document_date(doc("en", "meta", "A/RES/55/100", "Adopted on 4 December 2000"))
    '2000-12-04'
    >>> document_date(doc("fr", "meta", "E/RES/2023/26"))
    '2023'
    >>> document_date(doc("en", "preambular", "Recalling its resolution of 4 December 2000,")) is None
    True

Dates are ISO 8601 text at the precision known (``2000-12-04``, ``2023``), as
``qa_rules.dates.extract`` keys them, and compare with ``current_on``.
"""

from __future__ import annotations

import re

from aligner.model import Document
from qa_rules.dates.extract import dates

#: Roles of the units a document's own date is read from.
DATED_ROLES = ("meta", "closing")
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: A resolution symbol's year: ``E/RES/2023/26``, ``S/RES/2396 (2017)``.
_SYMBOL_YEAR = re.compile(r"\b[A-Z]+/RES/(\d{4})/\d+|\b[A-Z]+/RES/\d+\s*\((\d{4})\)")


def document_date(doc: Document) -> str | None:
    """The document's date (see the module): ``YYYY-MM-DD``, or ``YYYY`` from its symbol, or None."""
    found: list[str] = []
    years: list[str] = []
    for unit in doc.units:
        if unit.role not in DATED_ROLES:
            continue
        found += [key for key, *_ in dates(unit.text, doc.lang) if _FULL_DATE.fullmatch(key)]
        years += [a or b for a, b in _SYMBOL_YEAR.findall(unit.text)]
    if found:
        return max(found)
    return max(years) if years else None


def current_on(date: str, since: str) -> bool | None:
    """Whether something superseded on ``since`` was still current on ``date`` (both ISO dates
    at any precision): True if ``date`` is before ``since``, False if on or after it, None when
    the common precision cannot tell (``2009`` and ``2009-04-07``, the same month)::

        >>> current_on("2000-12-04", "2018-04-19"), current_on("2023-08-03", "2018-04-19")
        (True, False)
        >>> current_on("2009", "2009-04-07") is None, current_on("2009-06-01", "2009-06") is None
        (True, True)
    """
    common = min(len(date), len(since))
    mine, theirs = date[:common], since[:common]
    if mine != theirs:
        return mine < theirs
    return False if common == len("2000-01-01") else None  # the very day; else the same month or year
