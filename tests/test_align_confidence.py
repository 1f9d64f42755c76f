"""Paragraph confidence reads the evidence: a correct row full of shared numbers
or a keyless heading between anchored rows is not marked for review; a
paragraph cut short, given a clause or left out is."""

from __future__ import annotations

import pytest

from aligner.align import align_documents, align_pair
from aligner.align.confidence import REVIEW_BELOW
from aligner.readers import read_document

from conftest import SAMPLE_SET, SAMPLES

LANGS = ("fr", "en", "es", "ru", "zh", "ar")


@pytest.fixture(scope="module")
def documents():
    return {lang: read_document(SAMPLE_SET / f"{lang}.md") for lang in LANGS}


@pytest.fixture(scope="module")
def six_way(documents):
    return align_documents([documents[lang] for lang in LANGS])


def test_no_row_of_the_clean_six_way_alignment_is_marked(six_way):
    marked = [(row.cells["fr"].units, row.score) for row in six_way.rows if row.score < REVIEW_BELOW]
    assert not marked


def test_number_dense_paragraph_and_keyless_heading_score_well(six_way):
    # pp.3 is a list of resolutions and dates (Chinese writes the months in
    # digits, Arabic names each month twice); meta.1 "Nations Unies" has no key
    by_unit = {row.cells["fr"].units: row for row in six_way.rows}
    assert by_unit[("pp.3",)].score >= 0.8
    assert by_unit[("meta.1",)].score >= 0.7
    for lang in LANGS[1:]:
        pairs = {r.cells["fr"].units: r.score for r in six_way.pair_rows[lang]}
        assert pairs[("pp.3",)] >= 0.8 and pairs[("meta.1",)] >= 0.7, lang


def test_planted_omissions_and_cuts_stay_marked(documents):
    draft = read_document(SAMPLES / "drafts" / "en_draft.md")
    scores = {b.src_ids: b.score for b in align_pair(documents["fr"], draft)}
    # op.14 dropped; op.15 and op.22 cut short; op.3 given a clause
    for uid in ("op.14", "op.15", "op.22", "op.3"):
        assert scores[(uid,)] < REVIEW_BELOW, uid
    assert sorted(scores.values())[len(scores) // 2] > 0.9
