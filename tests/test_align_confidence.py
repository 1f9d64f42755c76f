"""Paragraph confidence reads the evidence: a correct row full of shared numbers
or a keyless heading between anchored rows is not marked for review; a
paragraph cut short, given a clause or left out is."""

from __future__ import annotations

import json
import re

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


def test_number_dense_footnote_and_keyless_heading_score_well(six_way):
    # fn.3 is a list of 20 resolutions with their years (Chinese and Arabic
    # write the lists with other joiners); meta.1 "Conseil économique et social"
    # shares no key with the Russian, Chinese and Arabic headings
    by_unit = {row.cells["fr"].units: row for row in six_way.rows}
    assert by_unit[("fn.3",)].score >= 0.9
    assert by_unit[("meta.1",)].score >= 0.9
    for lang in LANGS[1:]:
        pairs = {r.cells["fr"].units: r.score for r in six_way.pair_rows[lang]}
        assert pairs[("fn.3",)] >= 0.9 and pairs[("meta.1",)] >= 0.9, lang


PLANTS = json.loads((SAMPLES / "drafts" / "plants.json").read_text(encoding="utf-8"))["plants"]


def test_planted_omissions_and_cuts_stay_marked(documents):
    draft = read_document(SAMPLES / "drafts" / "en_draft.md")
    scores = {b.src_ids: b.score for b in align_pair(documents["fr"], draft)}
    descriptions = [p["description"] for p in PLANTS["en"]]
    # the English plants: op.33 dropped; op.22 cut short; pp.13 missing a clause; op.35 given one
    assert any(d.startswith("operative paragraph 33 dropped") for d in descriptions)
    assert any(d.startswith("operative paragraph 22 cut") for d in descriptions)
    assert any(d.startswith("middle clause of preambular paragraph 13 omitted") for d in descriptions)
    assert any(d.startswith("a clause added to operative paragraph 35") for d in descriptions)
    for uid in ("op.33", "op.22", "pp.13", "op.35"):
        assert scores[(uid,)] < REVIEW_BELOW, uid
    assert sorted(scores.values())[len(scores) // 2] > 0.9


def _dropped(lang: str) -> str:
    """The operative paragraph a draft's plants drop (one per draft)."""
    [uid] = [f"op.{m[1]}" for p in PLANTS[lang]
             if (m := re.match(r"operative paragraph (\d+)\b.*\bdropped", p["description"]))]
    return uid


@pytest.mark.parametrize("lang", [
    "en", "es", "ru", "ar",
    pytest.param("zh", marks=pytest.mark.xfail(strict=True, reason=(
        "known limit: a gap's score is the sentence-level fit (Text+Berg), read with the pair's own "
        "length ratio: Chinese against French is about 0.26, so the 465 French characters of the "
        "dropped op.24 look like a short gap and score about 0.9"))),
])
def test_a_dropped_paragraph_is_a_gap_marked_for_review(documents, lang):
    uid = _dropped(lang)
    beads = align_pair(documents["fr"], read_document(SAMPLES / "drafts" / f"{lang}_draft.md"))
    [gap] = [b for b in beads if b.src_ids == (uid,)]
    assert gap.tgt_ids == ()
    assert gap.score < REVIEW_BELOW
