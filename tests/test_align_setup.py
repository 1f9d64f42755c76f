"""The cost models' set-up: shared keys counted once per pair and the same
whichever way they are counted, and no work done for pairs nobody reads."""

from __future__ import annotations

import random
from collections import Counter

import pytest

import aligner.align.cost as cost_module
from aligner.align import align_documents
from aligner.align.cost import CostModel, CostParams, estimate_length_model
from aligner.align.dp import Band, band_from_anchors
from aligner.align.features import segment
from aligner.align.matches import MatchesOnDemand, pair_matches
from aligner.readers import read_document

from conftest import SAMPLE_SET


def shared(a, b, ignore=frozenset(), rare=frozenset(), weight=1) -> int:
    """Shared keys of two segments, counted the plain way: min of the two counts per key."""
    ca, cb = Counter(a.keys), Counter(b.keys)
    return sum(min(n, cb[k]) * (weight if k in rare else 1) for k, n in ca.items() if k in cb and k not in ignore)


def reference(src, tgt, band=None, ignore=frozenset(), rare=frozenset(), weight=1) -> dict:
    out = {}
    for i, a in enumerate(src):
        lo, hi = (band.lo[i] - 4, band.hi[i + 1] + 4) if band is not None else (0, len(tgt))
        row = {j: n for j in range(max(lo, 0), min(hi, len(tgt))) if (n := shared(a, tgt[j], ignore, rare, weight))}
        if row:
            out[i] = row
    return out


@pytest.fixture(scope="module")
def paragraphs():
    docs = [read_document(SAMPLE_SET / f"{lang}.md") for lang in ("fr", "en")]
    return [[segment(u.text, u.role) for u in doc.units] for doc in docs]


def repeated_keys(seed: int, n: int) -> list:
    """Segments whose keys repeat inside a segment (numbers, names, symbols)."""
    rng = random.Random(seed)
    words = ["12", "12", "2001", "Geneva", "Genève", "(", ")", "Annex", "/", "55", "Kyoto", "Protocol"]
    return [segment(" ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))) for _ in range(n)]


@pytest.mark.parametrize("seed", range(4))
def test_pair_matches_count_the_min_of_each_keys_counts(seed):
    src, tgt = repeated_keys(seed, 40), repeated_keys(seed + 100, 45)
    assert any(max(Counter(s.keys).values(), default=0) > 1 for s in src)  # repeated keys are exercised
    band = band_from_anchors([(10, 12), (30, 33)], len(src), len(tgt), margin=2, diagonal=True)
    assert pair_matches(src, tgt) == reference(src, tgt)
    assert pair_matches(src, tgt, band) == reference(src, tgt, band)
    ignore, rare = frozenset({"#12", "$("}), frozenset({"kyoto", "#2001"})
    assert pair_matches(src, tgt, band, ignore=ignore, rare=rare, rare_weight=2) == \
        reference(src, tgt, band, ignore, rare, 2)


def test_pair_matches_on_real_paragraphs(paragraphs):
    src, tgt = paragraphs
    assert pair_matches(src, tgt) == reference(src, tgt)


@pytest.mark.parametrize("banded", [False, True])
def test_matches_counted_on_demand_are_the_matches_counted_beforehand(paragraphs, banded):
    src, tgt = paragraphs
    band = band_from_anchors([(20, 20), (50, 50)], len(src), len(tgt), margin=2, diagonal=True) if banded else None
    stored = pair_matches(src, tgt, band)
    lazy = MatchesOnDemand(src, tgt, band)
    for i in range(-1, len(src) + 1):
        row, asked = stored.get(i), lazy.get(i)
        for j in range(-1, len(tgt) + 1):
            assert (row.get(j, 0) if row else 0) == (asked.get(j, 0) if asked else 0), (i, j)


def test_a_probe_costs_its_pairs_as_the_full_model_does(paragraphs):
    src, tgt = paragraphs
    length = estimate_length_model(src, tgt)
    band = Band.full(len(src), len(tgt))
    full = CostModel(src, tgt, length, CostParams(), band=band)
    probe = CostModel(src, tgt, length, CostParams(), band=band, probe=True)
    for i in range(0, len(src), 3):
        for j in range(max(0, i - 3), min(len(tgt), i + 4)):
            assert probe.cost(i, i + 1, j, j + 1) == full.cost(i, i + 1, j, j + 1)
            assert probe.lexical(i, i + 1, j, j + 1) == full.lexical(i, i + 1, j, j + 1)


def test_only_the_programmes_models_count_every_pair_of_their_band(monkeypatch):
    # structured documents: a probe per stream costs the same-numbered pairs and
    # their neighbours; only the two passes of each stream count their whole band
    calls = []
    real = cost_module.pair_matches

    def spy(src, tgt, *args, **kwargs):
        calls.append((len(src), len(tgt)))
        return real(src, tgt, *args, **kwargs)

    monkeypatch.setattr(cost_module, "pair_matches", spy)
    docs = [read_document(SAMPLE_SET / f"{lang}.md") for lang in ("fr", "en")]
    align_documents(docs)
    body = [c for c in calls if c[0] > 40]
    assert len(body) == 2


def test_null_costs_are_counted_when_asked_and_are_the_costs_of_null_beads(paragraphs):
    src, tgt = paragraphs
    model = CostModel(src, tgt, estimate_length_model(src, tgt))
    src_null, tgt_null = model.cost.null_costs()
    assert src_null == [model.cost(i, i + 1, 0, 0) for i in range(len(src))]
    assert tgt_null == [model.cost(0, 0, j, j + 1) for j in range(len(tgt))]
    assert model.cost.null_costs()[0] is src_null  # counted once


@pytest.mark.parametrize("seed", range(3))
def test_the_programmes_prefix_sums_row_by_row_are_the_prefix_sums(seed):
    from aligner.align.plain import _next_sums

    rng = random.Random(seed)
    n, m = 30, 40
    # a window of columns per row that never moves left, and only grows at the right
    lo = sorted(rng.randint(0, m - 10) for _ in range(n + 1))
    hi = [min(m, x + rng.randint(3, 9)) for x in lo]
    for r in range(1, n + 1):
        hi[r] = max(hi[r], hi[r - 1])
    # row i's matches stop before the next row's window ends (as pair_matches stores them
    # within the band and the programme's window pads it), left of the window included
    matches = {i: {j: rng.randint(1, 3) for j in rng.sample(range(hi[i + 1]), min(hi[i + 1], rng.randint(0, 5)))}
               for i in range(n)}
    full = [[0] * (m + 1)]  # S(i, j) = sum of matches[i'][j'] for i' < i, j' < j
    for i in range(n):
        row = full[-1]
        full.append([row[j] + sum(c for jj, c in matches[i].items() if jj < j) for j in range(m + 1)])
    cur = full[0][lo[0]:hi[0] + 1]
    for i in range(1, n + 1):
        cur = _next_sums(cur, lo[i - 1], hi[i - 1], matches[i - 1] or None, lo[i], hi[i])
        assert cur == full[i][lo[i]:hi[i] + 1]
