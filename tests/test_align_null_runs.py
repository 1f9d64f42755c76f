"""A block of segments with no counterpart (photo captions, OCR debris) is
left unaligned as single null beads, not glued onto its neighbours."""

from __future__ import annotations

from aligner.align.beads import NULL_RUNS, SENTENCE_BEADS
from aligner.align.features import segment
from aligner.align.score import parse_beads, score_beads
from aligner.align.segments import align_segments, split_null_runs


def test_a_run_is_returned_as_single_null_beads():
    path = [(0, 1, 0, 1, 0.5), (1, 1, 1, 4, 6.0), (1, 3, 4, 4, 2.0), (3, 4, 4, 5, 0.1)]
    assert split_null_runs(path) == [(0, 1, 0, 1, 0.5), (1, 1, 1, 2, 2.0), (1, 1, 2, 3, 2.0), (1, 1, 3, 4, 2.0),
                                     (1, 2, 4, 4, 1.0), (2, 3, 4, 4, 1.0), (3, 4, 4, 5, 0.1)]


def test_sentence_beads_search_null_runs():
    assert set(NULL_RUNS) <= set(SENTENCE_BEADS)
    assert all(0 in shape and max(shape) > 1 for shape in NULL_RUNS)


def test_a_block_of_captions_is_left_unaligned(shared_data):
    data = shared_data / "textberg-dev"
    de = [line.strip() for line in (data / "dev.de").read_text(encoding="utf-8").splitlines() if line.strip()]
    fr = [line.strip() for line in (data / "dev.fr").read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = parse_beads((data / "dev.defr").read_text().splitlines())
    # the French has 36 caption and debris lines (16-51) that the German does not have
    beads = align_segments([segment(s) for s in de[:20]], [segment(s) for s in fr[:58]], SENTENCE_BEADS)
    system = [(b.src, b.tgt) for b in beads]
    for j in range(16, 52):
        assert ((), (j,)) in system
    assert all(b.src or len(b.tgt) == 1 for b in beads)  # no multi-segment null bead is returned
    part = [(s, t) for s, t in gold if (not s or s[-1] < 20) and (not t or t[-1] < 58)]
    assert score_beads(system, part)["strict"].f1 > 0.8
