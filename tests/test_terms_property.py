"""Property tests: glossary files round-trip, and the matcher never crashes on arbitrary text."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa_rules.glossary import bundled_glossaries
from qa_rules.glossary.csv import csv_text, read_csv
from qa_rules.glossary.matcher import matcher_for
from qa_rules.glossary.model import STATUSES, Concept, Glossary, Term
from qa_rules.glossary.tbx import read_tbx, tbx_bytes

# printable text without control characters, as a term or a note would be; no leading/trailing space;
# nothing XML cannot hold (U+FFFE, U+FFFF: the writers replace them, tests/test_hardening_spreadsheets.py)
_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"),
                                       blacklist_characters="\ufeff\ufffe\uffff"),
                min_size=1, max_size=30).map(lambda s: " ".join(s.split())).filter(bool)
_LANG = st.sampled_from(("ar", "zh", "en", "fr", "ru", "es"))


@st.composite
def glossaries(draw):
    concepts = []
    for i in range(draw(st.integers(1, 4))):
        terms = tuple(
            Term(text=draw(_TEXT), lang=draw(_LANG), status=draw(st.sampled_from(STATUSES)),
                 pos=draw(st.sampled_from(("noun", "properNoun", "verb"))),
                 match=draw(st.sampled_from(("exact", "inflected"))),
                 term_type=draw(st.sampled_from(("", "fullForm", "acronym"))),
                 note=draw(st.one_of(st.just(""), _TEXT)), source=draw(st.one_of(st.just(""), _TEXT)))
            for _ in range(draw(st.integers(1, 4)))
        )
        order = {lang: n for n, lang in enumerate(dict.fromkeys(t.lang for t in terms))}
        terms = tuple(sorted(terms, key=lambda t: order[t.lang]))  # TBX groups by language
        concepts.append(Concept(id=f"c{i}", terms=terms, subject=draw(st.one_of(st.just(""), _TEXT)),
                                note=draw(st.one_of(st.just(""), _TEXT))))
    return Glossary(name="prop", path="prop.tbx", concepts=tuple(concepts))


def _content(g):
    return [(c.id, c.subject, c.note, [(t.text, t.lang, t.status, t.pos, t.match, t.term_type, t.note, t.source)
                                       for t in c.terms]) for c in g.concepts]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(glossaries())
def test_tbx_round_trip(glossary):
    assert _content(read_tbx("p.tbx", data=tbx_bytes(glossary))) == _content(glossary)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(glossaries())
def test_csv_round_trip(glossary):
    assert _content(read_csv("p.csv", data=csv_text(glossary).encode("utf-8"))) == _content(glossary)


_BUNDLED = bundled_glossaries()


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), _LANG)
def test_matcher_never_crashes_and_spans_are_in_the_text(text, lang):
    for m in matcher_for(_BUNDLED, lang).find(text):
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=string.ascii_letters + " -'", max_size=80))
def test_matches_never_overlap(text):
    spans = sorted({(m.start, m.end) for m in matcher_for(_BUNDLED, "en").find("Member States " + text)})
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))
