"""Cached term matches belong to the glossary they were computed for.

Glossaries built in memory have no content digest and, one after another,
may be allocated at the address of one already collected: a cache keyed on
``id()`` alone then served one glossary the matches of another.
"""

from __future__ import annotations

import gc

import pytest

from qa_rules.glossary.matcher import matcher_for
from qa_rules.glossary.model import Concept, Glossary, Term
from qa_rules.terminology.common import find

TEXT = "Les États Membres examinent le terme alpha, le terme beta et le terme gamma."
WORDS = ("alpha", "beta", "gamma")


def _glossary(i: int) -> Glossary:
    word = WORDS[i % len(WORDS)]
    concept = Concept(f"c{i}", (Term(f"terme {word}", "fr", match="exact"),))
    return Glossary(name="memo", path="", concepts=(concept,))


@pytest.fixture(autouse=True)
def _cheap_collections():
    """Objects made before the test are left out of collections (a full one per glossary
    over the whole test session's heap is slow); the glossaries are still collected."""
    gc.freeze()
    yield
    gc.unfreeze()


def test_each_in_memory_glossary_gets_its_own_matches():
    wrong = []
    for i in range(200):
        glossary = _glossary(i)
        found = [(m.text, m.concept.id) for m in find(TEXT, "fr", (glossary,))]
        if found != [(f"terme {WORDS[i % len(WORDS)]}", f"c{i}")]:
            wrong.append((i, found))
        del glossary
        gc.collect()
    assert wrong == []


def test_each_in_memory_glossary_gets_its_own_matcher():
    wrong = []
    for i in range(200):
        glossary = _glossary(i)
        found = [(m.text, m.concept.id) for m in matcher_for((glossary,), "fr").find(TEXT)]
        if found != [(f"terme {WORDS[i % len(WORDS)]}", f"c{i}")]:
            wrong.append((i, found))
        del glossary
        gc.collect()
    assert wrong == []


def test_the_index_of_a_concept_is_built_once_across_runs(monkeypatch):
    """TE01 asks whether a target holds a concept in run after run (a warm worker's documents):
    the concept's index is built once, and a concept collected and replaced at the same address
    gets an index of its own."""
    from qa_rules.base import Context
    from qa_rules.glossary import matcher as matcher_module
    from qa_rules.glossary.matcher import Match
    from qa_rules.terminology import common

    built = []

    class Counting(matcher_module.Matcher):
        def __init__(self, *args, **kwargs):
            built.append(args[0])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(common, "Matcher", Counting)
    glossary = _glossary(0)
    concept = glossary.concepts[0]
    match = Match(0, 11, "terme alpha", concept.terms[0], concept, glossary.name)
    for _ in range(3):  # three runs, each with its own facts
        context = Context(alignment=None, glossaries=(glossary,), facts={})
        assert common.concept_in("Le terme alpha.", "fr", match, context)
        assert not common.concept_in("Le terme beta.", "fr", match, context)
    assert built == ["fr"]
    other = _glossary(1)
    other_match = Match(0, 10, "terme beta", other.concepts[0].terms[0], other.concepts[0], other.name)
    assert common.concept_in("Le terme beta.", "fr", other_match)
    assert built == ["fr", "fr"]


def test_a_text_one_run_matched_is_not_matched_again_by_the_next(monkeypatch):
    """A warm worker meets the same paragraphs in document after document: each run keeps its own
    matches (``Context.facts``), and a text matched lately by another run with the same glossary
    objects is read from the shared cache instead of scanned again."""
    from aligner.model import Alignment
    from qa_rules.base import Context
    from qa_rules.glossary.matcher import Matcher
    from qa_rules.terminology.common import MATCHES_FACT

    scanned: list[str] = []
    find_both = Matcher.find_both
    monkeypatch.setattr(Matcher, "find_both", lambda self, text: scanned.append(text) or find_both(self, text))
    glossary = _glossary(0)
    text = TEXT + " (une autre fois)"

    def run() -> Context:
        return Context(alignment=Alignment(languages=("fr",), pivot="fr", level="paragraph", rows=(), documents={}),
                       facts={})

    first, second = run(), run()
    assert find(text, "fr", (glossary,), context=first) == find(text, "fr", (glossary,), context=second)
    assert scanned == [text]
    assert first.facts[MATCHES_FACT] and second.facts[MATCHES_FACT]  # each run's report lists them
    same_terms = _glossary(0)  # another glossary object, the same terms: matched for itself
    assert [m.concept for m in find(text, "fr", (same_terms,), context=run())] == [same_terms.concepts[0]]
    assert scanned == [text, text]
