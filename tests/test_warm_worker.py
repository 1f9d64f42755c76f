"""A worker process checks document after document (``hexaglot batch``): what it keeps from one
document to the next is worked out once, and keyed on everything it depends on, so that a
document checked warm gets the findings a fresh process would give it.

- the glossary matcher remembers each text word (its key, the terms it may begin): the matches
  of a text do not depend on the texts matched before it;
- SC01's judge of a language's words (the glossaries' words, the user's word list, the
  dictionary's verdicts) is built once per glossaries, word list and speller: a run with other
  glossaries or another word list in the same worker gets its own.
"""

from __future__ import annotations

import pytest

from conftest import SAMPLE_SET, missing
from qa_rules.engine import check
from qa_rules.examples import example_alignment
from qa_rules.glossary import bundled_glossaries
from qa_rules.glossary.matcher import Matcher
from qa_rules.glossary.model import Concept, Glossary, Term
from qa_rules.spelling import common
from qa_rules.spelling.sc01_misspelling import Misspelling
from qa_rules.spelling.words import Accepted

LANGS = ("fr", "en", "es", "ru", "zh", "ar")


def _entries(lang: str):
    return [(t, c, g.name) for g in bundled_glossaries() for c in g.concepts for t in c.terms if t.lang == lang]


def _paragraphs(lang: str) -> list[str]:
    text = (SAMPLE_SET / f"{lang}.md").read_text(encoding="utf-8")
    return [p for p in text.split("\n\n") if len(p) > 40]


@pytest.mark.parametrize("lang", LANGS)
def test_a_texts_terms_do_not_depend_on_the_texts_matched_before(lang):
    """One matcher over a version's paragraphs in order, twice (the second time every word is
    remembered), finds in each what a matcher that has seen nothing else finds."""
    entries = _entries(lang)
    warm = Matcher(lang, entries)
    paragraphs = _paragraphs(lang)[:25]
    first = [warm.find_both(p) for p in paragraphs]
    again = [warm.find_both(p) for p in paragraphs]
    fresh = [Matcher(lang, entries).find_both(p) for p in paragraphs]
    assert first == fresh and again == fresh
    assert any(longest for longest, _ in fresh)  # the sample's paragraphs hold glossary terms


def test_the_matcher_looks_a_word_up_once(monkeypatch):
    import qa_rules.glossary.matcher as matcher

    lang = "fr"
    warm = Matcher(lang, _entries(lang))
    paragraph = next(p for p in _paragraphs(lang) if "États Membres" in p)
    expected = warm.find_both(paragraph)
    looked: list[str] = []
    real = matcher.key_start

    def counted(word, language):
        looked.append(word)
        return real(word, language)

    monkeypatch.setattr(matcher, "key_start", counted)
    assert warm.find_both(paragraph) == expected
    assert looked == []


def _glossary(name: str, *terms: tuple[str, str]) -> Glossary:
    concept = Concept(id=f"{name}-1", terms=tuple(Term(text=text, lang=lang) for lang, text in terms))
    return Glossary(name=name, path=f"{name}.tbx", concepts=(concept,))


ZORBLAT = {"fr": "Prie le Groupe de travail de faire rapport ;",
           "en": "Requests the Zorblat Working Group to report;"}


def _sc01(rule, glossaries=()):
    return [f.message for f in check(example_alignment(ZORBLAT), [rule], glossaries).findings]


def _speller_or_missing(lang: str):
    found = common.speller(lang)
    if isinstance(found, str):
        missing(f"spelling: {found}")
    return found


def test_sc01_words_accepted_follow_the_runs_glossaries_and_word_list():
    """Runs one after another in one process, as a worker checks documents with other
    settings: each gets the accepted words of its own glossaries and word list."""
    _speller_or_missing("en")
    with_name = _glossary("names", ("fr", "Groupe de travail Zorblat"), ("en", "Zorblat Working Group"))
    without = _glossary("other", ("fr", "Groupe de travail"), ("en", "Working Group"))
    flagged = ["'Zorblat' is not in the en_GB dictionary"]
    assert _sc01(Misspelling, [with_name]) == []
    assert _sc01(Misspelling, [without]) == flagged
    assert _sc01(Misspelling, [with_name]) == []
    assert _sc01(Misspelling(Misspelling.Config(words=("zorblat",))), [without]) == []
    assert _sc01(Misspelling, [without]) == flagged
    # the same glossary read again is another object: judged afresh, to the same verdict
    assert _sc01(Misspelling, [_glossary("names", ("en", "Zorblat Working Group"))]) == []


def test_a_warm_run_builds_the_accepted_words_once_and_asks_the_dictionary_once_a_word(monkeypatch):
    speller = _speller_or_missing("en")
    glossaries = [_glossary("g", ("fr", "Groupe de travail"), ("en", "Working Group"))]
    _sc01(Misspelling, glossaries)
    built: list[str] = []
    asked: list[str] = []
    build = Accepted.build.__func__

    def counted_build(cls, lang, *args):
        built.append(lang)
        return build(cls, lang, *args)

    def counted_knows(self, word):
        asked.append(word)
        return True

    monkeypatch.setattr(Accepted, "build", classmethod(counted_build))
    monkeypatch.setattr(type(speller), "knows", counted_knows)
    assert _sc01(Misspelling, glossaries) == ["'Zorblat' is not in the en_GB dictionary"]
    assert built == [] and asked == []
