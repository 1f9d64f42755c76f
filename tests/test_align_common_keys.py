"""Keys found in many segments of a document (quotation marks, parentheses,
the article's topic word) are not evidence that two segments pair; keys found
in one or two (a name, a date) count twice."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import load_script

from aligner.align.beads import NULL_RUNS, SENTENCE_BEADS
from aligner.align.cost import (COMMON_KEY_FLOOR, PRIORS, CostModel, CostParams, common_keys, estimate_length_model,
                                 rare_keys)
from aligner.align.features import segment
from aligner.align.pair import paragraph_params
from aligner.align.score import parse_beads, score_beads
from aligner.align.segments import align_segments

REPO = Path(__file__).resolve().parent.parent


def _article(n: int, topic: str) -> list:
    return [segment(f"Sentence {k} of the « {topic} » story.") for k in range(n)]


def test_a_key_in_more_than_the_share_of_either_side_is_common():
    src = _article(100, "Expedition")
    tgt = [segment(f"Phrase {k} sur Zermatt.") for k in range(100)]
    common = common_keys(src, tgt, 0.06)
    # in every English sentence: common even though the French has none of them
    assert {"exped", '$"', "story", "sente"} <= common
    assert "#3" not in common  # in one segment a side


def test_a_short_document_keeps_a_key_found_in_few_segments():
    src = [segment("Rappelant la résolution 55/100 (A)") for _ in range(COMMON_KEY_FLOOR)]
    tgt = [segment("Recalling resolution 55/100 (A)") for _ in range(COMMON_KEY_FLOOR)]
    # in every segment, but in no more than the floor: kept whatever the share
    assert common_keys(src, tgt, 0.01) == frozenset()
    assert "#100" in common_keys(src + src[:1], tgt, 0.01)


def test_every_key_counts_at_share_one_and_between_structured_paragraphs():
    src = _article(50, "Expedition")
    assert common_keys(src, src, 1.0) == frozenset()
    assert paragraph_params(CostParams()).common_key_share == 1.0


def test_a_common_key_earns_no_bonus():
    src = _article(40, "Expedition")
    tgt = [segment(f"Phrase {k} de l'« Expedition ».") for k in range(40)]
    length = estimate_length_model(src, tgt)
    kept = CostModel(src, tgt, length, CostParams(common_key_share=1.0, rare_key_weight=1))
    dropped = CostModel(src, tgt, length, CostParams(common_key_share=0.06, rare_key_weight=1))
    # sentence 3 against phrase 4: only the topic word and the quotation marks are shared
    assert kept.lexical(3, 4, 4, 5)[0] == 3
    assert dropped.lexical(3, 4, 4, 5)[0] == 0
    assert kept.lexical(3, 4, 3, 4)[0] == 4 and dropped.lexical(3, 4, 3, 4)[0] == 1  # the number stays


def test_a_rare_key_counts_twice():
    src = _article(40, "Expedition")
    tgt = [segment(f"Phrase {k} de l'« Expedition ».") for k in range(40)]
    assert {"#3", "#17"} <= rare_keys(src, tgt) and "exped" not in rare_keys(src, tgt)
    model = CostModel(src, tgt, estimate_length_model(src, tgt), CostParams(common_key_share=0.06, rare_key_weight=2))
    # "3" is in one segment a side: shared twice, and counted twice on each side
    assert model.lexical(3, 4, 3, 4) == (2, 2 * 2 / (2 + 2 + 1))
    assert model.lexical(3, 4, 4, 5)[0] == 0
    # a key in three segments of a side is not rare
    src3 = src[:5] + [segment("Sentence 3 again."), segment("And 3 once more.")]
    assert "#3" not in rare_keys(src3, tgt)


@pytest.fixture
def halves(shared_data):
    crossval = load_script("benchmarks/align_crossval.py", "align_crossval")
    data = shared_data / "textberg-dev"
    de, fr = crossval.read_lines(data / "dev.de"), crossval.read_lines(data / "dev.fr")
    gold = parse_beads((data / "dev.defr").read_text(encoding="utf-8").splitlines())
    return crossval.split_article(de, fr, gold)


#: The weights the dev article's cross-validation chooses (``benchmarks/align_crossval.py``).
CROSSVAL_CHOICE = CostParams(lexical_weight=20.0, null_cost=7.0, common_key_share=0.06, rare_key_weight=2, weak_boundary=0.0,
                             priors={**PRIORS, **{shape: 0.001 for shape in NULL_RUNS}})


def test_common_and_rare_keys_align_both_halves_of_the_dev_article_better(halves):
    """Strict F1 0.907 and 0.891 with the cross-validation's choice, 0.892 and 0.849 when
    every key counts once (the same weights otherwise). (On the Text+Berg test articles
    this choice lost to the shipped weights: docs/alignment.md.)"""
    for src, tgt, gold in halves:
        segs_s, segs_t = [segment(s) for s in src], [segment(t) for t in tgt]
        f1 = {}
        for name, variant in (("filtered", CROSSVAL_CHOICE),
                              ("every key once", replace(CROSSVAL_CHOICE, common_key_share=1.0, rare_key_weight=1))):
            beads = align_segments(segs_s, segs_t, SENTENCE_BEADS, params=variant)
            f1[name] = score_beads([(b.src, b.tgt) for b in beads], gold)["strict"].f1
        assert f1["filtered"] > f1["every key once"] + 0.01
        assert f1["filtered"] > 0.89


def test_the_shipped_weights_count_every_key_once():
    params = CostParams()
    assert params.common_key_share == 1.0 and params.rare_key_weight == 1
