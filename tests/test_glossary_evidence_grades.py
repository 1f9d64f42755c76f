"""The counter-terrorism glossary cites a non-UN page only as secondary evidence.

``verified_terms.tsv`` grades each source (its legend: U = UN or UN-system, S = secondary only:
press, academic work, another organization, dictionary sites, non-UN usage) but says so in several
wordings. A term citing a source graded secondary must say ``evidence [secondary]`` in both the
TBX and its CSV twin, whatever the wording. The TBX is the record: an edit that cites a secondary
source as plain evidence fails here.
"""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from qa_rules.glossary import read_glossary

GLOSSARY = REPO / "glossaries" / "un-counter-terrorism"
LANGS = ("fr", "es", "ru", "zh", "ar")

#: Terms whose source the evidence file grades as secondary in other words than "SECONDARY".
OTHER_WORDINGS = (
    ("nelson-mandela-rules", "zh", "联合国囚犯待遇最低限度标准规则"),  # "non-UN source"
    ("kyoto-declaration", "ar", "إعلان كيوتو"),  # "short title only, press sources"
    ("2030-agenda", "ar", "خطة التنمية المستدامة لعام 2030"),  # "press sources; UN page evidence not found"
    ("interpol", "es", "INTERPOL"),  # "(INTERPOL site)": another organization, graded S by the legend
)

#: Concept names of the coverage matrix in NOTES.md that are not the TSV's concept_en.
MATRIX_NAMES = {
    "UN Global Counter-Terrorism Strategy": "United Nations Global Counter-Terrorism Strategy",
    "UN Global CT Coordination Compact": "United Nations Global Counter-Terrorism Coordination Compact",
    "CTED": "Counter-Terrorism Committee Executive Directorate",
    "INTERPOL (full name)": "International Criminal Police Organization",
    "ICAO": "International Civil Aviation Organization",
    "CBRN terrorism": "chemical, biological, radiological and nuclear terrorism",
    "returning and relocating FTFs": "returning and relocating foreign terrorist fighters",
    "Nelson Mandela Rules":
        "United Nations Standard Minimum Rules for the Treatment of Prisoners (the Nelson Mandela Rules)",
    "Kyoto Declaration": "Kyoto Declaration (14th Congress)",
    "2030 Agenda": "2030 Agenda for Sustainable Development",
    "UNTOC": "United Nations Convention against Transnational Organized Crime",
    "requesting MS / upon request": "requesting Member States / upon request",
    "refugee law": "international refugee law",
    "Model Law on Mutual Assistance": "Model Law on Mutual Assistance in Criminal Matters",
    "Countering Terrorist Travel Programme": "countering terrorist travel programme",
}


@pytest.fixture(scope="module", params=["tbx", "csv"])
def glossary(request):
    return read_glossary(GLOSSARY.with_suffix("." + request.param))


def _cited_terms(glossary):
    """(tsv concept, lang, term, source) of every term citing verified_terms.tsv evidence."""
    for concept in glossary.concepts:
        named = re.search(r"verified_terms\.tsv concept '([^']*)'", concept.source)
        for term in concept.terms:
            if term.source.startswith("evidence") and "(verified_terms.tsv)" in term.source:
                yield (named.group(1) if named else None), concept.id, term


@pytest.mark.parametrize("concept_id, lang, text", OTHER_WORDINGS)
def test_sources_graded_secondary_in_other_words_are_marked(glossary, concept_id, lang, text):
    terms = [t for c in glossary.concepts if c.id == concept_id
             for t in c.terms if t.lang == lang and t.text == text]
    assert terms, f"{concept_id} {lang} {text} is not in {glossary.path}"
    assert terms[0].source.startswith("evidence [secondary] (verified_terms.tsv): "), terms[0].source


def _matrix(notes: str) -> dict[tuple[str, str], str]:
    """{(concept_en, lang): grade} from the coverage matrix of NOTES.md."""
    cells = {}
    for line in notes.splitlines():
        cols = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cols) == 6 and all(re.fullmatch(r"[USPN]\*?", c) for c in cols[1:]):
            for lang, grade in zip(LANGS, cols[1:]):
                cells[(MATRIX_NAMES.get(cols[0], cols[0]), lang)] = grade
    return cells


def test_every_source_the_evidence_matrix_grades_secondary_is_marked(shared_data, glossary):
    folder = shared_data / "terms-verified"
    matrix = _matrix((folder / "NOTES.md").read_text(encoding="utf-8"))
    tsv = (folder / "verified_terms.tsv").read_text(encoding="utf-8")
    concepts = {line.split("\t", 1)[0] for line in tsv.splitlines()}
    assert len(matrix) >= 150, "the coverage matrix of NOTES.md was not read"
    unknown = sorted({name for name, _ in matrix} - concepts)
    assert not unknown, f"matrix concepts without a TSV concept (add them to MATRIX_NAMES): {unknown}"
    secondary = {cell for cell, grade in matrix.items() if grade == "S"}
    checked, plain = 0, []
    for tsv_concept, concept_id, term in _cited_terms(glossary):
        if (tsv_concept, term.lang) in secondary:
            checked += 1
            if not term.source.startswith("evidence [secondary]"):
                plain.append(f"{concept_id} {term.lang} {term.text}: {term.source[:90]}")
    assert checked >= 15, "too few terms in cells graded secondary: the test lost its subject"
    assert not plain, "cited as plain evidence, graded secondary in NOTES.md:\n" + "\n".join(plain)
