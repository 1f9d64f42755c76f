"""Whole-document rules fold the pairs as they pass (``Rule.fold``): the engine lets each block
of pairs go once every rule has read it, the rules keep keys, counts and places, not pairs, and
what they find is what reading the whole run at the end found."""

from __future__ import annotations

import gc

import pytest

from aligner.align import align_documents
from aligner.readers import read_document
from qa_rules import candidates, engine
from qa_rules.base import Context, Pair, Rule, Side, folds
from qa_rules.candidates import Candidates
from qa_rules.config import configure, select_rules
from qa_rules.consistency.co01_source_variants import SourceVariants
from qa_rules.consistency.co02_target_collisions import TargetCollision
from qa_rules.consistency.segments import Segment
from qa_rules.engine import check
from qa_rules.examples import example_alignment, run_example
from qa_rules.facts import compute_facts
from qa_rules.length.le01_ratio_outlier import LengthOutlier
from qa_rules.pairing import build_pairs
from qa_rules.terminology.te05_inconsistent_term import InconsistentTerm
from tests.conftest import REPO

DRAFTS = REPO / "samples" / "drafts"
SAMPLES = REPO / "samples" / "E-RES-2023-26"
FOUR = (SourceVariants, TargetCollision, LengthOutlier, InconsistentTerm)
#: TE05's own example, which it flags (a term rendered two ways), with the bundled glossaries
TE05_FLAGS = InconsistentTerm.examples()["flags"][0]


@pytest.fixture(scope="module")
def drafts():
    """The French source against the Spanish and Russian drafts: CO01, CO02 and LE01 find
    something in them."""
    docs = [read_document(SAMPLES / "fr.md", lang="fr")] + [
        read_document(DRAFTS / f"{lang}_draft.md", lang=lang) for lang in ("es", "ru")]
    return align_documents(docs)


def _four() -> list[Rule]:
    return [SourceVariants(), TargetCollision(), LengthOutlier(), InconsistentTerm(InconsistentTerm.example_config())]


def _reachable(root: object, kinds: tuple[type, ...]) -> list[object]:
    """The objects of ``kinds`` that ``root`` holds, however deep."""
    seen, found, todo = set(), [], [root]
    while todo:
        obj = todo.pop()
        if id(obj) in seen or isinstance(obj, (type, str, bytes, int, float)):
            continue
        seen.add(id(obj))
        if isinstance(obj, kinds):
            found.append(obj)
            continue
        todo.extend(gc.get_referents(obj))
    return found


def test_the_four_whole_document_rules_fold_the_pairs():
    assert [code.code for code in FOUR if folds(code())] == ["CO01", "CO02", "LE01", "TE05"]


@pytest.mark.parametrize("rule", _four(), ids=lambda rule: rule.code)
def test_a_folding_rule_keeps_no_pair_side_or_segment(drafts, rule):
    """What a rule keeps as the pairs go by is keys, counts and places (plain values), so that it
    grows with what the document says, not with its number of pairs; LE01 holds the pairs of a
    run of unpaired paragraphs until a full pair ends it, and no other."""
    pairs = build_pairs(drafts)
    context = Context(drafts, facts=compute_facts(drafts, pairs, share_pairs=False))
    state = rule.begin_document(context)
    for pair in pairs:
        rule.fold(state, pair, context)
    held = _reachable(state, (Pair, Side, Segment))
    pending = [pair for sources, targets in getattr(state, "runs", {}).values() for pair in sources + targets]
    assert all(any(obj is pair for pair in pending) for obj in held), held[:3]
    assert len(held) == len({id(p) for p in pending})


def test_the_engine_lets_each_block_of_pairs_go_once_every_rule_has_read_it(drafts, monkeypatch):
    """The pairs of a block that every rule (all of them, the folding ones too) has read are
    not held by the run while it reads the next blocks (a long document's: a short one keeps
    its pairs from their first making, ``KEPT_PAIRS``)."""
    from qa_rules import pairing

    monkeypatch.setattr(engine, "PAIR_BLOCK", 4)
    monkeypatch.setattr(pairing, "KEPT_PAIRS", 0)
    first: list[tuple] = []  # (id, row id, language, index) of the first two blocks' pairs (no weak references to slots)
    alive: list[int] = []

    def signature(pair: Pair) -> tuple:
        return id(pair), id(pair.row), pair.target.lang, pair.index

    class Watch(Rule):
        code, name, category, severity = "ZZ97", "test.watch", "structure", "info"

        def check(self, pair, context):
            if len(first) < 8:
                first.append(signature(pair))
            elif not alive and pair.index > 40:  # blocks later
                gc.collect()
                live = {signature(obj) for obj in gc.get_objects() if isinstance(obj, Pair)}
                alive.append(sum(1 for sig in first if sig in live))
            return iter(())

    rules = list(configure(select_rules([], []), {})) + [Watch()]
    check(drafts, rules)
    assert alive == [0]


@pytest.mark.parametrize("chunk", [1, 3, 50])
def test_places_waiting_on_disk_give_the_same_findings(drafts, monkeypatch, chunk):
    """The places a rule may report wait on disk past a chunk (``Candidates``): the findings are
    the same, in the same order, as with every place in memory."""
    alignments = [drafts, example_alignment(TE05_FLAGS)]
    monkeypatch.setattr(candidates, "CHUNK", 10 ** 9)
    expected = [check(alignment, _four()).findings for alignment in alignments]
    assert {f.rule for found in expected for f in found} == {"CO01", "CO02", "LE01", "TE05"}
    monkeypatch.setattr(candidates, "CHUNK", chunk)
    assert [check(alignment, _four()).findings for alignment in alignments] == expected


@pytest.mark.parametrize("rule", _four(), ids=lambda rule: rule.code)
def test_check_document_asked_directly_folds_the_run_as_the_engine_does(drafts, rule):
    """A folding rule's ``check_document`` (a caller with a context of its own) folds every pair of
    the run: the same findings as the engine's, before the report sorts them."""
    for alignment in (drafts, example_alignment(TE05_FLAGS)):
        context = Context(alignment, facts=compute_facts(alignment, build_pairs(alignment)))
        direct = sorted(f.id for f in rule.check_document(context))
        found = sorted(f.id for f in check(alignment, [rule]).findings)
        assert direct == found


def test_candidates_come_back_in_the_order_added_from_disk_and_memory():
    held = Candidates(chunk=2)
    for entry in ["a", ("b", 1), "c", "d", "e"]:
        held.add(entry)
    assert held.file is not None and held.written == 2 and held.buffer == ["e"]
    assert list(held) == ["a", ("b", 1), "c", "d", "e"]
    assert held.file is None  # read once, then deleted


def test_a_rendering_that_wins_later_flags_the_earlier_ones():
    """The usual rendering is known only at the end: the places of a rendering that was the only
    one for a while are kept, and reported when another is used more."""
    source = "Prie l'Office de faire rapport sur la question ;"
    example = {"fr": " ¶ ".join([source] * 3),
               "en": "Asks the Office to report on the question; ¶ Requests the Office to report on the question; "
                     "¶ Requests the Office to report on the question;"}
    (finding,) = run_example(SourceVariants, example)
    assert (finding.target.unit, finding.found) == ("pp.1", "Asks the Office to report on the question;")
    assert finding.expected == "Requests the Office to report on the question;"
    assert "than the 2 time(s)" in finding.message


def _signature(pairs) -> list[tuple]:
    return [(p.target.lang, p.index, tuple(u.id for u in p.source.units), tuple(u.id for u in p.target.units))
            for p in pairs]


@pytest.mark.parametrize("level", ["paragraph", "sentence"])
def test_pairs_made_stretch_by_stretch_are_those_of_the_whole_rows(drafts, monkeypatch, level):
    """The re-pairing and the repairs run over stretches of a language's rows (cut between two
    rows neither can change): however short the stretches, the pairs and their order are those
    of every row at once."""
    from qa_rules import pairing

    alignment = drafts if level == "paragraph" else align_documents(
        [read_document(SAMPLES / "fr.md", lang="fr"), read_document(DRAFTS / "ru_draft.md", lang="ru")],
        level="sentence")
    monkeypatch.setattr(pairing, "STRETCH", 10 ** 9)
    whole = _signature(build_pairs(alignment))
    for stretch in (1, 2, 5):
        monkeypatch.setattr(pairing, "STRETCH", stretch)
        assert _signature(build_pairs(alignment)) == whole, stretch
        assert _signature(pairing.RunPairs(alignment)) == whole  # read again: made again, the same


def test_a_run_makes_its_pairs_in_document_order_across_languages(drafts):
    """Pairs come in document order (the joined row of their units), then by language: each
    language's pairs are made as the order asks, not all languages' at once."""
    from qa_rules import pairing

    pairs = pairing.RunPairs(drafts)
    langs = [p.target.lang for p in pairs]
    assert len(langs) == len(pairs) and set(langs) == {"es", "ru"}
    switches = sum(1 for a, b in zip(langs, langs[1:]) if a != b)
    assert switches > len(langs) / 3  # interleaved: es, ru, es, ru...


def test_a_short_documents_pairs_are_kept_from_their_first_making(drafts, monkeypatch):
    """A document of ``KEPT_PAIRS`` pairs or fewer is read from the pairs its first making
    observed (the very objects, in document order), a longer one made again as it is read: the
    same pairs either way."""
    from qa_rules import pairing

    observed: list = []
    short = pairing.RunPairs(drafts, observe=observed.append)
    read = list(short)
    assert {id(p) for p in read} == {id(p) for p in observed}
    monkeypatch.setattr(pairing, "KEPT_PAIRS", 0)
    again: list = []
    long_ = pairing.RunPairs(drafts, observe=again.append)
    remade = list(long_)
    assert not {id(p) for p in remade} & {id(p) for p in again}
    assert [(p.target.lang, p.index, p.source.text, p.target.text) for p in remade] == \
        [(p.target.lang, p.index, p.source.text, p.target.text) for p in read]
