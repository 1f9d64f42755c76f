"""The paragraph alignment of structured documents does not do needless work
(no timing here: the work itself is counted)."""

from __future__ import annotations

import pytest

import aligner.align.pair as pair_module
import aligner.align.segments as segments_module
from aligner.align import align_documents
from aligner.readers import read_document

from conftest import SAMPLE_SET

LANGS = ("fr", "en", "es", "ru", "zh", "ar")


@pytest.fixture(scope="module")
def documents():
    return [read_document(SAMPLE_SET / f"{lang}.md") for lang in LANGS]


def test_structured_paragraphs_are_searched_in_a_band_not_the_full_matrix(documents, monkeypatch):
    searched = []
    real = segments_module.best_path

    def spy(n, m, shapes, cost, band=None):
        searched.append((n, m, band))
        return real(n, m, shapes, cost, band)

    monkeypatch.setattr(segments_module, "best_path", spy)
    align_documents(documents[:2])
    body = [(n, m, band) for n, m, band in searched if n > 40]
    assert len(body) == 2  # both passes over the body stream
    for n, m, band in body:
        assert band is not None and band.area() < 0.35 * (n + 1) * (m + 1)


def test_the_pivot_is_read_once_for_all_versions(documents, monkeypatch):
    pair_module._segment.cache_clear()
    calls = []
    real = pair_module.segment

    def spy(text, role="segment"):
        calls.append((text, role))
        return real(text, role)

    monkeypatch.setattr(pair_module, "segment", spy)
    align_documents(documents)
    distinct = {(u.text, u.role) for doc in documents for u in doc.units}
    assert len(calls) == len(distinct)
