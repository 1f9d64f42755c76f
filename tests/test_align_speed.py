"""The paragraph alignment of structured documents does not do needless work
(no timing here: the work itself is counted)."""

from __future__ import annotations

from dataclasses import replace

import pytest

import aligner.align.pair as pair_module
import aligner.align.segments as segments_module
from aligner.align import align_documents
from aligner.model import Document
from aligner.readers import read_document

from conftest import SAMPLE_SET

LANGS = ("fr", "en", "es", "ru", "zh", "ar")


@pytest.fixture(scope="module")
def documents():
    return [read_document(SAMPLE_SET / f"{lang}.md") for lang in LANGS]


@pytest.fixture
def searched(monkeypatch):
    """(n, m, band) of every dynamic programme run while the test runs."""
    runs = []
    real = segments_module.plain_path

    def spy(model, shapes, band=None):
        runs.append((len(model.src), len(model.tgt), band))
        return real(model, shapes, band)

    monkeypatch.setattr(segments_module, "plain_path", spy)
    return runs


def test_structured_paragraphs_are_searched_in_a_band_not_the_full_matrix(documents, searched):
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


def repeated(doc: Document, times: int) -> Document:
    """``doc`` followed by ``times - 1`` copies of its units whose numbering
    restarts, as an annex's does (ids made unique with a suffix)."""
    units = list(doc.units)
    for copy in range(1, times):
        units += [replace(u, id=f"{u.id}.{copy}") for u in doc.units]
    return replace(doc, units=tuple(units))


def test_a_long_document_is_searched_in_a_band_of_bounded_width(searched, tmp_path):
    # the versions repeated as one file: the reader numbers only the first
    # copy's paragraphs, so words, not numbers, must place the band in the rest
    long_docs = []
    for lang in LANGS[:2]:
        text = (SAMPLE_SET / f"{lang}.md").read_text(encoding="utf-8")
        path = tmp_path / f"{lang}.md"
        path.write_text("\n\n".join([text] * 4), encoding="utf-8")
        long_docs.append(read_document(path))
    align_documents(long_docs)
    body = [(n, m, band) for n, m, band in searched if n > 200]
    assert len(body) == 2
    for n, m, band in body:
        assert band is not None and band.area() < 25 * (n + 1)


def test_numbering_that_restarts_anchors_every_copy(documents, monkeypatch):
    anchored = []
    real = pair_module.align_segments

    def spy(src, tgt, shapes, anchors=(), **kwargs):
        anchored.append(list(anchors))
        return real(src, tgt, shapes, anchors=anchors, **kwargs)

    monkeypatch.setattr(pair_module, "align_segments", spy)
    align_documents(documents[:2])
    once = sum(len(a) for a in anchored)
    anchored.clear()
    align_documents([repeated(doc, 3) for doc in documents[:2]])
    assert once > 30 and sum(len(a) for a in anchored) >= 3 * once - 3
