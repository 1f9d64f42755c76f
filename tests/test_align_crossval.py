"""The cross-validation benchmark's split: deterministic, every gold bead in
exactly one half, no bead straddling the cut."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import load_script

from aligner.align.score import parse_beads

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def crossval():
    return load_script("benchmarks/align_crossval.py", "align_crossval")


def test_the_cut_falls_between_beads_nearest_the_middle(crossval):
    src = [f"s{k}" for k in range(6)]
    tgt = [f"t{k}" for k in range(7)]
    gold = [((0,), (0,)), ((1,), (1, 2)), ((2, 3), (3,)), ((), (4,)), ((4,), (5,)), ((5,), (6,))]
    (s1, t1, g1), (s2, t2, g2) = crossval.split_article(src, tgt, gold)
    # 3 would be the middle, but beads (2, 3) straddle it: the nearest free cut is 2 (ties: the first)
    assert (s1, t1) == (src[:2], tgt[:3]) and (s2, t2) == (src[2:], tgt[3:])
    assert g1 == [((0,), (0,)), ((1,), (1, 2))]
    assert g2 == [((0, 1), (0,)), ((), (1,)), ((2,), (2,)), ((3,), (3,))]


def test_the_dev_article_split_is_deterministic_and_complete(crossval, shared_data):
    data = shared_data / "textberg-dev"
    de = crossval.read_lines(data / "dev.de")
    fr = crossval.read_lines(data / "dev.fr")
    gold = parse_beads((data / "dev.defr").read_text(encoding="utf-8").splitlines())
    first = crossval.split_article(de, fr, gold)
    assert crossval.split_article(de, fr, gold) == first
    (s1, t1, g1), (s2, t2, g2) = first
    assert s1 + s2 == de and t1 + t2 == fr
    assert len(g1) + len(g2) == len(gold) and abs(len(s1) - len(de) / 2) <= 10
    for src, tgt, beads in first:
        assert all(0 <= i < len(src) for s, _ in beads for i in s)
        assert all(0 <= j < len(tgt) for _, t in beads for j in t)
    back = g1 + [(tuple(i + len(s1) for i in s), tuple(j + len(t1) for j in t)) for s, t in g2]
    assert sorted(back) == sorted(gold)


def test_the_un_text_gives_fifteen_one_to_one_pairs(crossval, shared_data):
    pairs = crossval.un_pairs()
    assert len(pairs) == 15
    for src, tgt, gold in pairs:
        assert len(src) == len(tgt) == len(gold) == 16
