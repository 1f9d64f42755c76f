"""A term split by a coordinated list, as UN texts write it: «coopération internationale, régionale
et sous-régionale», "international, regional and subregional cooperation", 国际、区域和次区域合作.

Each text is a phrase of a sample document (the French one is the official text of E/RES/2023/26),
checked to be there, so the cases are real text and not made up for the matcher.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa_rules.glossary.matcher import Matcher
from qa_rules.glossary.model import Concept, Term

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "E-RES-2023-26"


def _found(lang: str, term: str, text: str, coordinated: bool = True) -> list[str]:
    concept = Concept("c", (Term(term, lang),))
    matcher = Matcher(lang, ((t, concept, "test") for t in concept.terms))
    return [m.text for m in matcher.find(text, nested=True, coordinated=coordinated)]


#: (lang, term, phrase of samples/E-RES-2023-26/<lang>.md, the match expected)
SPLIT_BY_A_LIST = [
    # the term's first word opens the list, the term resumes after its last item
    ("en", "international cooperation", "international, regional and subregional cooperation to prevent",
     "international, regional and subregional cooperation"),
    ("ru", "международное сотрудничество", "международное, региональное и субрегиональное сотрудничество",
     "международное, региональное и субрегиональное сотрудничество"),
    ("zh", "国际合作", "加强国际、区域和次区域合作，以有效预防", "国际、区域和次区域合作"),
    ("en", "preventive measures", "preventive, legal and criminal justice measures",
     "preventive, legal and criminal justice measures"),
    # the term resumes at a later item of a list that follows its first word
    ("fr", "coopération sous-régionale", "coopération internationale, régionale et sous-régionale pour prévenir",
     "coopération internationale, régionale et sous-régionale"),
    ("fr", "coopération régionale", "coopération internationale, régionale et sous-régionale pour prévenir",
     "coopération internationale, régionale"),
    ("es", "cooperación subregional", "la cooperación internacional, regional y subregional para prevenir",
     "cooperación internacional, regional y subregional"),
]


@pytest.mark.parametrize("lang, term, text, expected", SPLIT_BY_A_LIST, ids=[f"{c[0]}-{c[1]}" for c in SPLIT_BY_A_LIST])
def test_a_term_split_by_a_list_is_found(lang, term, text, expected):
    assert text in (SAMPLES / f"{lang}.md").read_text(encoding="utf-8")
    assert _found(lang, term, text) == [expected]
    assert _found(lang, term, text, coordinated=False) == []  # only where a target is asked for the concept


@pytest.mark.parametrize("lang, term, text", [
    # the last item is followed by other words, not by the term's next word
    ("en", "regional cooperation", "at the local, national, regional, subregional and international levels"),
    ("en", "technical assistance", "technical, legal and financial support, and assistance"),
    # a comma that ends a clause is not a list: no conjunction closes it
    ("fr", "coopération technique", "la coopération internationale, technique"),
    ("en", "international cooperation", "international, in cooperation"),
    # a list longer than the matcher reads
    ("en", "international cooperation", "international, a, b, c, d, e, f, g and h cooperation"),
])
def test_a_list_that_does_not_resume_the_term_is_no_match(lang, term, text):
    assert _found(lang, term, text) == []


@pytest.mark.parametrize("lang, term, text, expected", [
    ("en", "technical assistance", "technical and legislative assistance", "technical and legislative assistance"),
    ("fr", "secteur privé", "les secteurs public et privé", "secteurs public et privé"),
    ("en", "international cooperation", "international, regional, and subregional cooperation",
     "international, regional, and subregional cooperation"),  # a comma before the conjunction
    ("fr", "coopération sous-régionale", "coopération internationale, régionale, et sous-régionale",
     "coopération internationale, régionale, et sous-régionale"),
    ("zh", "技术援助", "技术和立法援助", "技术和立法援助"),
])
def test_one_coordinated_word_and_comma_before_the_conjunction(lang, term, text, expected):
    assert _found(lang, term, text) == [expected]
