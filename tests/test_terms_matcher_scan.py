"""A scan tries only the terms whose first two words the text has, and finds what trying every
term a word may begin finds (``Matcher._scan`` against ``Matcher._scan_each``)."""

from __future__ import annotations

import random

import pytest

from qa_rules.glossary import bundled_glossaries
from qa_rules.glossary.matcher import Matcher
from qa_rules.glossary.model import Concept, Term
from qa_rules.glossary.normalise import _TOKEN

GLOSSARIES = bundled_glossaries()
LANGS = ("fr", "en", "es", "ru", "zh", "ar")


def _entries():
    return [(t, c, g.name) for g in GLOSSARIES for c in g.concepts for t in c.terms]


def _seen(candidates) -> list:
    """Candidates as comparable values (a pattern's entry is made anew in each scan)."""
    return [(start, end, size, [(e.text, e.term, e.concept.id, e.glossary) for e in entries])
            for start, end, size, entries in candidates]


def _texts(lang: str, sample_set, count: int = 300) -> list[str]:
    """The sample set's paragraphs and random texts made of glossary terms: whole, their words
    shuffled or cut short, upper-cased as plural acronyms, hyphen- or list-joined, among words
    of the sample text, so that terms begin where their second word is and is not there."""
    paragraphs = [p for p in (sample_set / f"{lang}.md").read_text(encoding="utf-8").split("\n") if p.strip()]
    words = [w for p in paragraphs for w in _TOKEN.findall(p)]
    terms = [t.text for g in GLOSSARIES for c in g.concepts for t in c.terms
             if t.lang == lang and t.match != "pattern"]
    rng = random.Random(f"scan-{lang}")
    texts = list(paragraphs)
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 8)):
            term = rng.choice(terms)
            kind = rng.random()
            if kind < 0.35:
                parts.append(term)
            elif kind < 0.5:
                shuffled = term.split()
                rng.shuffle(shuffled)
                parts.append(" ".join(shuffled))
            elif kind < 0.6:
                parts.append(" ".join(term.split()[: rng.randint(1, 2)]) + " " + rng.choice(words))
            elif kind < 0.7:
                parts.append(term.upper() + "s")
            else:
                parts.append(" ".join(rng.choice(words) for _ in range(rng.randint(1, 4))))
        texts.append(rng.choice([" ", ", ", " et ", " and ", "-", " y ", "、", " и "]).join(parts))
    return texts


@pytest.mark.parametrize("lang", LANGS)
def test_the_scan_finds_what_trying_every_term_finds(lang, sample_set):
    fast, each = Matcher(lang, _entries()), Matcher(lang, _entries())
    for text in _texts(lang, sample_set):
        for nested in (True, False):
            assert _seen(fast._scan(text, nested)) == _seen(each._scan_each(text, nested)), (text, nested)
        assert fast.find_both(text) == (fast.find(text), fast.find(text, nested=True))


def test_terms_whose_second_word_the_text_lacks_are_not_compared(monkeypatch):
    concepts = [Concept(cid, (Term(text, "en"),)) for cid, text in (
        ("unodc", "United Nations Office on Drugs and Crime"), ("un", "United Nations"),
        ("uk", "United Kingdom"), ("united", "united"))]
    matcher = Matcher("en", ((t, c, "test") for c in concepts for t in c.terms))
    compared = []
    real = Matcher._same_run
    monkeypatch.setattr(Matcher, "_same_run", lambda self, wants, *args: compared.append(wants) or real(self, wants, *args))
    assert [m.concept.id for m in matcher.find("the United States and the United Nations")] == ["united", "un"]
    assert compared == []  # two-word terms are decided by one look-up of the next word's key
    assert [m.concept.id for m in matcher.find("the United Nations Office on Drugs and Crime")] == ["unodc"]
    assert len(compared) == 1  # the only term whose first two words are there is compared further
