"""A glossary's further information (``model.Detail``) in TBX-Basic and in the table forms.

A detail is named by its TBX data category and written where TBX-Basic puts it:

=============================  ===========================================  =====================
category                       TBX-Basic element                            levels
=============================  ===========================================  =====================
``definition``                 ``descrip type="definition"``                entry, language
``context``                    ``descrip type="context"``                   term
``note``                       ``note``                                     entry, language, term
``source``                     ``admin type="source"``                      entry, language, term
``origination``,               ``transacGrp`` of ``transac                  entry, language, term
``modification``               type="transactionType"`` and ``date``
``x-...`` (private)            ``descrip type="x-..."``; on a term          entry, language, term
                               ``termNote type="x-..."``
=============================  ===========================================  =====================

In the table forms (CSV, XLSX) the details of a concept, of a language of it and of a term are
three columns, ``concept_details``, ``lang_details`` and ``term_details``: one detail a line,
``category: value``.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from lxml import etree

from qa_rules.glossary.model import Detail

#: The categories a detail may have, besides the private ``x-...`` ones, and the levels of each.
CATEGORIES: dict[str, frozenset[str]] = {
    "definition": frozenset({"entry", "lang"}),
    "context": frozenset({"term"}),
    "note": frozenset({"entry", "lang", "term"}),
    "source": frozenset({"entry", "lang", "term"}),
    "origination": frozenset({"entry", "lang", "term"}),
    "modification": frozenset({"entry", "lang", "term"}),
}
#: A date of a transaction: a day, with or without its time (ISO 8601).
DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?")
_PRIVATE = re.compile(r"x-[A-Za-z][A-Za-z0-9]*")


def problem(category: str, value: str, level: str) -> str:
    """What is wrong with a detail at ``level`` (``entry``, ``lang``, ``term``); "" if nothing."""
    if _PRIVATE.fullmatch(category):
        return ""
    levels = CATEGORIES.get(category)
    if levels is None:
        return (f"unknown detail '{category[:40]}'; use one of {', '.join(CATEGORIES)} or a private "
                "category beginning with x- (x-adjective)")
    if level not in levels:
        return f"detail '{category}' cannot be given for a {_LEVEL_NAMES[level]}"
    if category in ("origination", "modification") and not DATE.fullmatch(value):
        return f"{category} date '{value[:40]}' is not a date like 2015-05-20"
    return ""


_LEVEL_NAMES = {"entry": "concept", "lang": "language", "term": "term"}


# -- TBX ------------------------------------------------------------------------------------


def write_tbx(parent, details: Iterable[Detail], level: str) -> None:
    """Append ``details`` to a ``termEntry``, ``langSet`` or ``tig`` (after its term notes)."""
    for detail in details:
        if detail.category in ("origination", "modification"):
            group = etree.SubElement(parent, "transacGrp")
            etree.SubElement(group, "transac", {"type": "transactionType"}).text = detail.category
            etree.SubElement(group, "date").text = detail.value
        elif detail.category == "note":
            etree.SubElement(parent, "note").text = detail.value
        elif detail.category == "source":
            etree.SubElement(parent, "admin", {"type": "source"}).text = detail.value
        elif detail.category.startswith("x-") and level == "term":
            etree.SubElement(parent, "termNote", {"type": detail.category}).text = detail.value
        else:  # definition, context, a private category of a concept or language
            etree.SubElement(parent, "descrip", {"type": detail.category}).text = detail.value


def read_transaction(group, text) -> Detail | None:
    """The date detail of a ``transacGrp`` (``text``: the reader's text of an element)."""
    kind = date = ""
    for child in group:
        tag = child.tag if isinstance(child.tag, str) else ""
        local = tag.rsplit("}", 1)[-1]
        if local == "transac" and (child.get("type") or "") == "transactionType":
            kind = text(child)
        elif local == "date":
            date = text(child)
    return Detail(kind, date) if kind in ("origination", "modification") and date else None


# -- tables ---------------------------------------------------------------------------------

#: The table columns of the details of a concept, of a language and of a term.
COLUMNS = ("concept_details", "lang_details", "term_details")


def cell(details: Sequence[Detail]) -> str:
    """``category: value`` lines (line breaks inside a value are written as spaces)."""
    return "\n".join(f"{d.category}: {' '.join(d.value.split())}" for d in details)


def from_cell(text: str, lang: str, level: str) -> tuple[list[Detail], str]:
    """The details of a table cell, and what is wrong with it ("" if nothing)."""
    found = []
    for line in text.splitlines():
        if not line.strip():
            continue
        category, sep, value = line.partition(":")
        category, value = category.strip(), value.strip()
        if not sep or not value:
            return [], f"detail line '{line[:40]}' is not 'category: value'"
        wrong = problem(category, value, level)
        if wrong:
            return [], wrong
        found.append(Detail(category, value, lang))
    return found, ""
