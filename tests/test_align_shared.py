"""What the aligner reads once and shares: the pivot's side across the versions
aligned with it, a pass's work across the models of a pair. Each shared value
is the value computed afresh (no timing here: the work itself is counted)."""

from __future__ import annotations

import random
import pytest

import aligner.align.cost as cost_module
import aligner.align.lexicon as lexicon_module
import aligner.align.pair as pair_module
import aligner.align.segments as segments_module
from aligner.align import align_documents
from aligner.align.anchors import key_positions, lexical_anchors
from aligner.align.cost import CostModel, CostParams, estimate_length_model
from aligner.align.features import segment
from aligner.align.lexicon import learn_lexicon, with_lexicon
from aligner.align.matches import extended_index, key_index, pair_matches
from aligner.align.rows import items_cell
from aligner.readers import read_document

from conftest import SAMPLE_SET

LANGS = ("fr", "en", "es", "ru", "zh", "ar")


@pytest.fixture(scope="module")
def documents():
    return [read_document(SAMPLE_SET / f"{lang}.md") for lang in LANGS]


def spy(monkeypatch, module, name):
    """Record the arguments of each call of ``module.name``."""
    calls = []
    real = getattr(module, name)

    def recording(*args, **kwargs):
        calls.append((args, kwargs))
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, recording)
    return calls


def sentences(seed: int, n: int) -> list:
    rng = random.Random(seed)
    words = ["glacier", "sommet", "neige", "rocher", "12", "1956", "Everest", "(", ")", "le", "la", "expédition"]
    return [segment(" ".join(rng.choice(words) for _ in range(rng.randint(1, 10)))) for _ in range(n)]


@pytest.mark.parametrize("seed", range(4))
def test_the_second_pass_index_is_the_first_pass_index_with_the_learned_keys(seed):
    src, tgt = sentences(seed, 30), sentences(seed + 50, 32)
    lexicon = learn_lexicon(src, tgt, [([k], [k]) for k in range(30)], max_share=1.0)
    assert lexicon  # learned keys are exercised
    src2, tgt2 = with_lexicon(src, tgt, lexicon)
    base = key_index(tgt)
    extended = extended_index(base, tgt, tgt2)
    assert extended == key_index(tgt2)
    assert all(extended[key] is base[key] for key in base)  # the targets' own keys are not indexed again
    assert pair_matches(src2, tgt2, index=extended) == pair_matches(src2, tgt2)
    # a target whose own keys changed is no extension: indexed afresh
    changed = list(tgt2)
    changed[3] = segment("autre chose 77")
    assert extended_index(base, tgt, changed) is None


def test_the_first_pass_reuses_the_probes_key_counts_and_the_second_its_index():
    src, tgt = sentences(1, 40), sentences(2, 42)
    length = estimate_length_model(src, tgt)
    probe = CostModel(src, tgt, length, CostParams(), probe=True)
    first = CostModel(src, tgt, length, CostParams(), like=probe, keep_index=True)
    fresh = CostModel(src, tgt, length, CostParams())
    assert first._ks is probe._ks and first._kt is probe._kt
    assert (first._ks, first._kt, first._ls, first._lt) == (fresh._ks, fresh._kt, fresh._ls, fresh._lt)
    assert first.matches == fresh.matches
    # other key options: nothing reused
    other = CostModel(src, tgt, length, CostParams(common_key_share=0.1), like=probe)
    assert other._ks is not probe._ks
    assert other._ks == CostModel(src, tgt, length, CostParams(common_key_share=0.1))._ks
    src2, tgt2 = with_lexicon(src, tgt, learn_lexicon(src, tgt, [([k], [k]) for k in range(40)], max_share=1.0))
    second = CostModel(src2, tgt2, length, CostParams(), like=first)
    assert second.matches == CostModel(src2, tgt2, length, CostParams()).matches
    assert second._index is None  # kept only when asked (the first pass's, for the second)
    assert CostModel(src, tgt, length, CostParams())._index is None


def test_the_six_way_alignment_reads_the_pivot_once(documents, monkeypatch):
    items = spy(monkeypatch, pair_module, "paragraph_items")
    sides = spy(monkeypatch, pair_module, "stream_side")
    indexed = spy(monkeypatch, cost_module, "key_index")
    classes = spy(monkeypatch, lexicon_module, "_classes")
    alignment = align_documents(documents)
    pivot = documents[0]
    assert sum(args[0] is pivot for args, _ in items) == 1
    assert len(items) == len(documents)  # the pivot once, each version once
    assert len(sides) == 2 * len(documents)  # body and notes: the pivot's once, each version's once
    # each target's keys indexed once per stream (the second pass extends the first's index)
    assert len(indexed) == 2 * (len(documents) - 1)
    # the official versions' beads take the same pivot paragraphs: the pivot's word
    # classes are found once per stream, each version's for its own lexicon
    assert len(classes) == 2 + 2 * (len(documents) - 1)
    # the same rows as each version aligned alone with the pivot
    for doc in documents[1:]:
        assert align_documents([pivot, doc]).pair_rows[doc.lang] == alignment.pair_rows[doc.lang]


def test_the_learned_lexicon_reads_the_source_classes_kept_for_the_same_source_beads():
    src = sentences(3, 30)
    memo: dict = {}
    for seed, shift in ((4, 0), (5, 0), (6, 1)):
        tgt = sentences(seed, 30)
        links = [([k], [k]) for k in range(shift, 30)]
        assert learn_lexicon(src, tgt, links, max_share=0.3, memo=memo) == learn_lexicon(src, tgt, links, max_share=0.3)
    assert len(memo) == 2  # two different sets of source beads


def test_one_item_cells_are_made_once_and_shared(documents):
    alignment = align_documents(documents[:3])
    pivot_cells = {row.cells["fr"].units: row.cells["fr"] for row in alignment.rows if len(row.cells["fr"].units) == 1}
    shared = 0
    for lang in ("en", "es"):
        for row in alignment.pair_rows[lang]:
            cell = row.cells["fr"]
            if len(cell.units) == 1:
                assert cell is pivot_cells[cell.units]
                shared += 1
    assert shared > 100
    items = pair_module.paragraph_items(documents[0])
    assert items_cell(items, [4], "fr", {}) == items_cell(items, [4], "fr")


def test_a_long_stream_finds_its_lexical_anchors_once_and_the_pivots_key_positions_once(monkeypatch, tmp_path):
    long_docs = []
    for lang in LANGS[:3]:
        text = (SAMPLE_SET / f"{lang}.md").read_text(encoding="utf-8")
        path = tmp_path / f"{lang}.md"
        path.write_text("\n\n".join([text] * 4), encoding="utf-8")
        long_docs.append(read_document(path))
    found_in_pair = spy(monkeypatch, pair_module, "lexical_anchors")
    found_in_segments = spy(monkeypatch, segments_module, "lexical_anchors")
    positions = spy(monkeypatch, pair_module, "key_positions")
    alignment = align_documents(long_docs)
    assert len(found_in_pair) == 2 and not found_in_segments  # one long body stream per version
    assert len(positions) == 1
    for (args, kwargs) in found_in_pair:
        src, tgt = args
        assert kwargs["src_positions"] == key_positions(src)
        assert lexical_anchors(*args, **kwargs) == lexical_anchors(src, tgt)
    assert alignment.pair_rows["es"] == align_documents([long_docs[0], long_docs[2]]).pair_rows["es"]


def test_a_glossary_version_reads_its_own_pivot_keys(documents):
    # a glossary adds keys to the pivot's segments for one version: nothing of the
    # pivot's shared side is used for it, and the other versions are unchanged
    glossary = {"en": [("terrorisme", "terrorism")]}
    together = align_documents(documents[:3], lexicon=glossary)
    assert together.pair_rows["en"] == align_documents(documents[:2], lexicon=glossary).pair_rows["en"]
    assert together.pair_rows["es"] == align_documents([documents[0], documents[2]]).pair_rows["es"]


def test_pivot_dict_follows_its_document(documents):
    read: dict = {}
    first = pair_module.pair_items(documents[0], documents[1], pivot=read)
    second = pair_module.pair_items(documents[1], documents[0], pivot=read)  # another pivot: read afresh
    assert read["document"] is documents[1]
    assert second == pair_module.pair_items(documents[1], documents[0])
    assert first == pair_module.pair_items(documents[0], documents[1])
