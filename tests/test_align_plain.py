"""The inline programme (cost written out, shared keys from prefix sums) finds
the very path the general programme finds with ``CostModel.cost``, for plain
segment lists and for structured paragraphs (roles, anchors, the 1-1 cap): same
beads, same costs to the last bit, same tie-breaking."""

from __future__ import annotations

import random

import pytest

import aligner.align.segments as segments_module
from aligner.align.anchors import lexical_anchors
from aligner.align import align_documents
from aligner.align.beads import PARAGRAPH_BEADS, SENTENCE_BEADS
from aligner.align.cost import CostModel, CostParams, estimate_length_model
from aligner.align.dp import band_from_anchors, best_path
from aligner.align.features import segment
from aligner.align.lexicon import learn_lexicon, with_lexicon
from aligner.align.plain import plain_path
from aligner.align.pair import paragraph_params
from aligner.align.segments import align_segments
from aligner.readers import read_document

from conftest import SAMPLE_SET


def _lines(path):
    return [segment(line.strip()) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def article(shared_data):
    data = shared_data / "textberg-dev"
    return _lines(data / "dev.de"), _lines(data / "dev.fr")


def test_same_path_as_the_general_programme_on_the_dev_article(article):
    de, fr = article
    n, m = len(de), len(fr)
    band = band_from_anchors(lexical_anchors(de, fr), n, m, margin=3)
    model = CostModel(de, fr, estimate_length_model(de, fr), CostParams(), (), band)
    general = best_path(n, m, SENTENCE_BEADS, model.cost, band)
    assert plain_path(model, SENTENCE_BEADS, band) == general
    # the second pass: learned lexicon keys, a band around the first path, the full matrix
    lexicon = learn_lexicon(de, fr, [(range(i0, i1), range(j0, j1)) for i0, i1, j0, j1, _ in general])
    de2, fr2 = with_lexicon(de, fr, lexicon)
    band2 = band_from_anchors([(i0, j0) for i0, i1, j0, j1, _ in general if i1 > i0 and j1 > j0], n, m, margin=3)
    model2 = CostModel(de2, fr2, model.length, CostParams(), (), band2)
    assert plain_path(model2, SENTENCE_BEADS, band2) == best_path(n, m, SENTENCE_BEADS, model2.cost, band2)
    small = CostModel(de[:120], fr[:140], estimate_length_model(de[:120], fr[:140]))
    assert plain_path(small, SENTENCE_BEADS) == best_path(120, 140, SENTENCE_BEADS, small.cost)


def test_same_path_on_random_inputs_with_repeats_and_ties(article):
    de, fr = article
    rng = random.Random(7)
    pool_s, pool_t = de[:40], fr[:40]
    for _ in range(40):
        # repeated segments make equal costs, hence ties the two must break alike
        src = [rng.choice(pool_s[:6]) for _ in range(rng.randint(1, 25))]
        tgt = [rng.choice(pool_t[:6]) for _ in range(rng.randint(1, 25))]
        for shapes in (SENTENCE_BEADS, ((0, 1), (1, 0), (1, 1), (2, 1), (1, 2))):
            model = CostModel(src, tgt, estimate_length_model(src, tgt))
            assert plain_path(model, shapes) == best_path(len(src), len(tgt), shapes, model.cost)


def test_every_cost_model_uses_the_inline_programme(article, monkeypatch):
    de, fr = article
    calls = []
    real = segments_module.plain_path

    def spy(model, shapes, band=None):
        calls.append(model)
        return real(model, shapes, band)

    monkeypatch.setattr(segments_module, "plain_path", spy)
    align_segments(de[:50], fr[:60], SENTENCE_BEADS)
    assert len(calls) == 2  # both passes
    calls.clear()
    roles = [segment(s.text, "preambular" if k < 5 else "operative") for k, s in enumerate(de[:20])]
    align_segments(roles, fr[:20], SENTENCE_BEADS)
    assert len(calls) == 2 and not calls[0].plain  # structured: roles


def test_same_path_on_structured_random_inputs_with_roles_anchors_and_ties(article):
    """Roles (a penalty for a bead that mixes them), anchors (a bonus once per bead)
    and the paragraphs' cap on a 1-1 bead's length cost, on repeated segments (ties)."""
    de, fr = article
    rng = random.Random(11)
    params = paragraph_params(CostParams())
    for _ in range(60):
        n, m = rng.randint(1, 22), rng.randint(1, 22)
        src = [segment(rng.choice(de[:6]).text, rng.choice(("preambular", "operative"))) for _ in range(n)]
        tgt = [segment(rng.choice(fr[:6]).text, rng.choice(("preambular", "operative"))) for _ in range(m)]
        anchors = sorted({(i, min(m - 1, max(0, i + rng.randint(-1, 1)))) for i in rng.sample(range(n), min(n, 3))})
        chain = [pair for k, pair in enumerate(anchors) if all(pair[1] > q[1] for q in anchors[:k])]
        for shapes, chosen in ((PARAGRAPH_BEADS, params), (SENTENCE_BEADS, CostParams())):
            model = CostModel(src, tgt, estimate_length_model(src, tgt), chosen, chain)
            assert plain_path(model, shapes) == best_path(n, m, shapes, model.cost)


def test_same_path_on_the_six_official_versions(monkeypatch):
    """Every programme the six-way paragraph alignment of the sample set runs (both
    passes, body and footnotes, each version against the pivot): the same path."""
    runs = []
    real = segments_module._best_path

    def spy(n, m, shapes, model, band):
        runs.append((n, m, shapes, model, band))
        return real(n, m, shapes, model, band)

    monkeypatch.setattr(segments_module, "_best_path", spy)
    align_documents([read_document(SAMPLE_SET / f"{lang}.md") for lang in ("fr", "en", "es", "ru", "zh", "ar")])
    structured = [run for run in runs if not run[3].plain]
    assert len(structured) >= 10
    for n, m, shapes, model, band in structured:
        assert plain_path(model, shapes, band) == best_path(n, m, shapes, model.cost, band)
