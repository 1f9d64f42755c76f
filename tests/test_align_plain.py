"""The plain programme (cost written out, shared keys from prefix sums) finds
the very path the general programme finds with ``CostModel.cost``: same beads,
same costs to the last bit, same tie-breaking."""

from __future__ import annotations

import random

import pytest

import aligner.align.segments as segments_module
from aligner.align.anchors import lexical_anchors
from aligner.align.beads import SENTENCE_BEADS
from aligner.align.cost import CostModel, CostParams, estimate_length_model
from aligner.align.dp import band_from_anchors, best_path
from aligner.align.features import segment
from aligner.align.lexicon import learn_lexicon, with_lexicon
from aligner.align.plain import plain_path
from aligner.align.segments import align_segments


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


def test_lines_input_uses_the_plain_programme_and_structured_input_does_not(article, monkeypatch):
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
    assert calls == []


def test_a_structured_model_is_refused(article):
    de, fr = article
    model = CostModel(de[:5], fr[:5], estimate_length_model(de[:5], fr[:5]), anchors=[(0, 0)])
    assert not model.plain
    with pytest.raises(ValueError):
        plain_path(model, SENTENCE_BEADS)
