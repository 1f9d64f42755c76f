"""A sentence boundary weak on one side only (one version ends a sentence with a
colon or a semicolon, the other starts a new one there) costs a joint bead that
ends at it (``CostParams.weak_boundary``): the two sentences around it belong
in one bead more often than not."""

from __future__ import annotations

import random
from dataclasses import replace

from aligner.align.beads import SENTENCE_BEADS
from aligner.align.cost import CostModel, CostParams, estimate_length_model, weak_boundaries
from aligner.align.dp import best_path
from aligner.align.features import segment
from aligner.align.pair import paragraph_params
from aligner.align.plain import plain_path
from aligner.align.score import parse_beads
from aligner.align.segments import align_segments


def _lines(path):
    return [segment(line.strip()) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_a_colon_or_a_semicolon_at_the_end_makes_the_boundary_after_it_weak():
    segs = [segment(text) for text in ("Die Mannschaft :", "Fritz Morawec als Leiter ;", "Sepp Lerch .",
                                       "会议决定：", "الجمعية العامة ؛", "подтверждая свою резолюцию ,",
                                       "ссылаясь на резолюцию .")]
    # boundary k is between segments k - 1 and k; none before the first or after the last
    assert weak_boundaries(segs) == [0, 1, 1, 0, 1, 1, 0, 0]
    # a segment starting in lowercase (Russian preambular paragraphs) is not a sign
    assert weak_boundaries([segment("подтверждая ,"), segment("ссылаясь .")]) == [0, 0, 0]


def test_the_weak_boundary_cost_is_off_between_paragraphs():
    assert paragraph_params(CostParams(weak_boundary=4.0)).weak_boundary == 0.0


def test_same_path_as_the_general_programme_with_weak_boundaries(shared_data):
    """The inline programme adds the cost at the same place as ``CostModel.cost``:
    same beads, same costs to the last bit, same ties."""
    data = shared_data / "textberg-dev"
    de, fr = _lines(data / "dev.de"), _lines(data / "dev.fr")
    pool_s = [s for s in de if s.text.endswith((":", ";"))][:3] + de[:4]
    pool_t = [t for t in fr if t.text.endswith((":", ";"))][:3] + fr[:4]
    rng = random.Random(5)
    for _ in range(40):
        src = [rng.choice(pool_s) for _ in range(rng.randint(1, 25))]
        tgt = [rng.choice(pool_t) for _ in range(rng.randint(1, 25))]
        model = CostModel(src, tgt, estimate_length_model(src, tgt), CostParams(weak_boundary=4.0))
        assert plain_path(model, SENTENCE_BEADS) == best_path(len(src), len(tgt), SENTENCE_BEADS, model.cost)


def test_a_two_two_bead_cut_at_a_french_colon_is_found_only_with_the_cost(shared_data):
    """German 253-254 / French 296-297 of the dev article: the French sentence ends
    "... une place de bivouac pendant qu' il en est temps :" and goes on with
    "deux étroites banquettes ...", which the German says in one sentence."""
    data = shared_data / "textberg-dev"
    de, fr = _lines(data / "dev.de"), _lines(data / "dev.fr")
    gold = set(parse_beads((data / "dev.defr").read_text(encoding="utf-8").splitlines()))
    bead = ((253, 254), (296, 297))
    assert bead in gold
    without = {(b.src, b.tgt) for b in align_segments(de, fr, SENTENCE_BEADS,
                                                      params=replace(CostParams(), weak_boundary=0.0))}
    shipped = {(b.src, b.tgt) for b in align_segments(de, fr, SENTENCE_BEADS)}  # the defaults count it
    assert bead not in without and ((253,), (296,)) in without
    assert bead in shipped
