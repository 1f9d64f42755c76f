"""The bundled glossary covers every UN term of the official French text of resolution 2023/26.

``tests/data/official_text_terms.tsv`` is the decision list: each UN term of the official text
(read paragraph by paragraph, and from ``hexaglot glossary candidates`` against the five working
versions), decided as ``covered`` (a concept already had it), ``add`` (a concept was added or
completed for it) or ``reject`` (not a term, a generic phrase: the reason says why). For every
kept term, the terminology matcher the rules use (``qa_rules.glossary.matcher``, longest match as
TE01 reads a source) must find it in the official text as its concept, and every paragraph where
that concept is found must hold an accepted term of it in each of the five working versions: a
term dropped from the glossary, or a working version that stops rendering it, fails here.
"""

from __future__ import annotations

import csv
from dataclasses import replace
from functools import lru_cache

import pytest

from conftest import REPO, SAMPLE_SET
from aligner.readers import read_document
from qa_rules.glossary import bundled_glossaries
from qa_rules.glossary.matcher import Matcher, matcher_for

DECISIONS = REPO / "tests" / "data" / "official_text_terms.tsv"
TARGETS = ("en", "es", "ru", "zh", "ar")
KEPT = ("covered", "add")


def _decisions() -> list[dict]:
    with DECISIONS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _kept() -> list[dict]:
    return [row for row in _decisions() if row["decision"] in KEPT]


@lru_cache(maxsize=None)
def _units(lang: str) -> dict[str, str]:
    """{unit id: text} of one version of the sample set (the versions share their unit ids)."""
    return {unit.id: unit.text for unit in read_document(SAMPLE_SET / f"{lang}.md").units}


def _source_matches(glossaries) -> dict[str, list[tuple[str, str]]]:
    """{concept id: [(unit id, matched text)]}: the longest matches in the official French text."""
    found: dict[str, list[tuple[str, str]]] = {}
    matcher = matcher_for(glossaries, "fr")
    for uid, text in _units("fr").items():
        for match in matcher.find(text):
            found.setdefault(match.concept.id, []).append((uid, match.text))
    return found


def _coverage_problems(row: dict, glossaries) -> list[str]:
    """What is wrong with one kept term of the decision list under ``glossaries`` (nothing: [])."""
    concepts = [c for g in glossaries for c in g.concepts if c.id == row["concept_id"]]
    if not concepts:
        return [f"no concept {row['concept_id']!r} in the glossaries"]
    concept, term = concepts[0], row["french_term"]
    found = _source_matches(glossaries).get(concept.id, [])
    problems = []
    if not any(term in text or text in term for _, text in found):
        problems.append(f"«{term}» is not matched as {concept.id} in the official French text (matches: {found[:5]})")
    for lang in TARGETS:
        accepted = Matcher(lang, ((t, concept, "") for t in concept.terms if t.lang == lang and not t.rejected))
        units = _units(lang)
        missing = sorted({uid for uid, _ in found
                          if not accepted.find(units.get(uid, ""), nested=True, coordinated=True)})
        if missing:
            problems.append(f"{concept.id}: no accepted {lang} term in {lang}.md {missing}")
    return problems


def test_the_decision_list_is_complete_and_well_formed():
    rows = _decisions()
    assert rows and set(rows[0]) == {"french_term", "decision", "concept_id", "reason"}
    assert {row["decision"] for row in rows} == {"covered", "add", "reject"}
    for row in rows:
        assert row["reason"].strip(), row
        assert bool(row["concept_id"]) == (row["decision"] in KEPT), row
    terms = [row["french_term"] for row in rows]
    assert len(terms) == len(set(terms)), "a term decided twice"
    official = "\n".join(_units("fr").values())  # as read: paragraphs cut by a page break rejoined
    absent = [term for term in terms if term not in official]
    assert not absent, f"terms not written so in the official text: {absent}"
    # the terms an earlier review found missing are decided and kept
    kept = {row["french_term"] for row in _kept()}
    for term in ("extrémisme violent conduisant au terrorisme", "questions de genre", "combattants terroristes étrangers"):
        assert term in kept
    assert any("ripostes juridiques" in term for term in kept)


@pytest.mark.parametrize("row", _kept(), ids=lambda row: row["french_term"][:60])
def test_each_kept_term_is_matched_in_the_official_text_and_rendered_in_every_working_version(row):
    assert _coverage_problems(row, bundled_glossaries()) == []


def test_a_glossary_without_the_concept_fails_the_check():
    glossaries = bundled_glossaries()
    (row,) = [row for row in _kept() if row["french_term"] == "Charte des Nations Unies"]
    without = [replace(g, concepts=tuple(c for c in g.concepts if c.id != row["concept_id"])) for g in glossaries]
    assert _coverage_problems(row, glossaries) == []
    assert _coverage_problems(row, without) == ["no concept 'un-charter' in the glossaries"]
    # a concept that keeps its French term but loses its Arabic one: the Arabic version no longer renders it
    arabic_less = [replace(g, concepts=tuple(
        replace(c, terms=tuple(t for t in c.terms if t.lang != "ar")) if c.id == row["concept_id"] else c
        for c in g.concepts)) for g in glossaries]
    assert _coverage_problems(row, arabic_less) == ["un-charter: no accepted ar term in ar.md ['op.5', 'pp.4']"]


@pytest.mark.parametrize("lang", TARGETS)
def test_every_candidate_of_glossary_candidates_on_the_official_text_is_decided(lang, tmp_path):
    """``hexaglot glossary candidates`` of the official text against a working version, with the
    bundled glossaries: every recurring expression it still proposes has a decision (the kept
    ones are in the glossary and so no longer proposed; the others are rejected with a reason)."""
    import json

    from click.testing import CliRunner

    from hexaglot.cli import cli

    out = tmp_path / "candidates.json"
    result = CliRunner().invoke(cli, ["glossary", "candidates", str(SAMPLE_SET / "fr.md"), str(SAMPLE_SET / f"{lang}.md"),
                                      "--top", "500", "-q", "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    proposed = {c["source"] for c in json.loads(out.read_text(encoding="utf-8"))["candidates"]}
    assert proposed, "no candidates: the check lost its subject"
    decided = {row["french_term"]: row["decision"] for row in _decisions()}
    assert sorted(proposed - set(decided)) == []
    kept = {term for term in proposed if decided[term] in KEPT}
    assert not kept, f"kept terms still proposed as new: {sorted(kept)}"
