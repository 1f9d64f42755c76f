"""The Vecalign-convention scorer, on hand-made beads."""

from __future__ import annotations

import pytest

from aligner.align.score import format_bead, parse_beads, score_beads

GOLD = parse_beads(["[0]:[0]", "[1, 2]:[1]", "[]:[2]", "[3]:[3, 4]", "[4]:[]"])


def test_parse_and_format_round_trip():
    assert GOLD[1] == ((1, 2), (1,))
    assert GOLD[2] == ((), (2,))
    assert [format_bead(b) for b in GOLD] == ["[0]:[0]", "[1, 2]:[1]", "[]:[2]", "[3]:[3, 4]", "[4]:[]"]


def test_identical_alignment_scores_one():
    s = score_beads(GOLD, GOLD)
    assert s["strict"].precision == s["strict"].recall == s["strict"].f1 == 1.0
    assert s["lax"].f1 == 1.0


def test_strict_and_lax_counts():
    system = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((), (2,)), ((3,), (3,)), ((), (4,)), ((4,), ())]
    s = score_beads(system, GOLD)
    # precision over all 7 system beads: strict hits [0]:[0], []:[2], [4]:[] -> 3/7
    assert s["strict"].precision == pytest.approx(3 / 7)
    # recall over gold beads with both sides (3): only [0]:[0] identical
    assert s["strict"].recall == pytest.approx(1 / 3)
    # lax: [1]:[1] and [3]:[3] touch gold links; [2]:[] and []:[4] are wrong null beads
    assert s["lax"].precision == pytest.approx(5 / 7)
    assert s["lax"].recall == pytest.approx(3 / 3)
    p, r = 5 / 7, 1.0
    assert s["lax"].f1 == pytest.approx(2 * p * r / (p + r))


def test_beads_empty_on_both_sides_are_dropped():
    system = list(GOLD) + [((), ())]
    assert score_beads(system, GOLD + [((), ())])["strict"].precision == 1.0


def test_null_gold_beads_do_not_count_in_recall():
    # a system that only finds the 1-1 bead: recall 1/3 whatever the null beads
    s = score_beads([((0,), (0,))], GOLD)
    assert s["strict"].recall == pytest.approx(1 / 3)
    assert s["strict"].precision == 1.0
