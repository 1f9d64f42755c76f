"""Findings streamed to the report (qa_rules.stream, qa_rules.spill): the same report, in bounded memory."""

from __future__ import annotations

import io
import json

import pytest

from aligner.align import align_documents
from aligner.readers import read_document
from hexaglot.reports import render
from hexaglot.reports.streaming import write_csv, write_json
from qa_rules import spill
from qa_rules.config import configure, select_rules
from qa_rules.engine import check, check_stream
from qa_rules.spill import SortedSpill
from tests.conftest import REPO

DRAFTS = REPO / "samples" / "drafts"
SAMPLES = REPO / "samples" / "E-RES-2023-26"


@pytest.fixture(scope="module")
def drafts():
    """The French source against the Spanish and Russian drafts: omissions with the numbering gaps
    they explain (causes), misnumbered paragraphs, a few hundred findings."""
    docs = [read_document(SAMPLES / "fr.md", lang="fr")] + [
        read_document(DRAFTS / f"{lang}_draft.md", lang=lang) for lang in ("es", "ru")]
    return align_documents(docs), configure(select_rules([], []), {})


def test_a_spill_reads_back_in_key_order_then_order_added_however_many_runs():
    items = [((k * 7) % 10, k) for k in range(95)]
    for chunk in (1000, 10, 3):
        store = SortedSpill(chunk=chunk)
        for key, item in items:
            store.add(key, item)
        expected = [item for _, item in sorted(items, key=lambda entry: entry[0])]
        assert list(store) == expected and list(store) == expected  # read twice
        assert (store.file is not None) == (chunk < len(items))
        store.close()


def test_findings_held_on_disk_give_the_same_report_as_in_memory(drafts, monkeypatch):
    alignment, rules = drafts
    in_memory = check(alignment, rules)
    assert any(f.consequences for f in in_memory.findings)  # causes folded: the passes over the disk matter
    monkeypatch.setattr(spill, "CHUNK", 7)
    on_disk = check(alignment, rules)
    assert render(on_disk, "json") == render(in_memory, "json")
    assert on_disk.versions == in_memory.versions


def test_the_streamed_json_and_csv_are_the_rendered_ones(drafts, monkeypatch):
    alignment, rules = drafts
    report = check(alignment, rules)
    monkeypatch.setattr(spill, "CHUNK", 11)
    out = io.StringIO()
    streamed = check_stream(alignment, rules)
    write_json(streamed, out)
    assert out.getvalue() == render(report, "json")
    assert json.loads(out.getvalue())["summary"]["total"] == len(report.findings)
    assert streamed.tally.at_or_above("error") == len(report.at_or_above("error"))
    out = io.StringIO()
    write_csv(check_stream(alignment, rules), out)
    assert out.getvalue() == render(report, "csv")


def test_findings_waiting_on_their_kind_go_to_disk_and_come_back_as_before(monkeypatch):
    """Past the hold limit, the findings of kinds not yet systematic are written out; a kind that
    qualifies later drops them, one that never does reports them one by one, in the same order."""
    from qa_rules import systematic
    from qa_rules.spacing.sp02_space_before_punctuation import SpaceBeforePunctuation
    from qa_rules.systematic import Systematic
    from tests.test_qa_systematic import CLEAN, TOKENISED, alignment

    texts = [TOKENISED, CLEAN] * 15 + ["Requests , invites ; decides : notes"] * 3
    runs = [(alignment(texts), Systematic()), (alignment(texts), Systematic(min_share=0.9))]
    expected = [render(check(a, [SpaceBeforePunctuation], systematic=g), "json") for a, g in runs]
    monkeypatch.setattr(systematic, "HOLD_LIMIT", 3)
    monkeypatch.setattr(spill, "CHUNK", 5)
    got = [render(check(a, [SpaceBeforePunctuation], systematic=g), "json") for a, g in runs]
    assert got == expected
    grouped, single = (json.loads(text)["findings"] for text in got)
    assert any(f["count"] > 1 for f in grouped) and len(single) == 39 and all(f["count"] == 1 for f in single)


def test_a_report_with_no_finding_streams_as_rendered():
    from qa_rules.examples import example_alignment

    alignment = example_alignment({"fr": "Prie l'Office de faire rapport,", "en": "Requests the Office to report,"})
    out = io.StringIO()
    write_json(check_stream(alignment, ()), out)
    assert out.getvalue() == render(check(alignment, ()), "json")


def _spacing_finding(unit: int, message: str = "space before ';' in en"):
    from qa_rules.model import Finding, Location

    return Finding("SP02", "spacing.space_before_punctuation", "spacing", "warning",
                   Location("fr.md", "fr", f"u{unit}", unit), Location("en.md", "en", f"u{unit}", unit), message,
                   "no space", f"States ; {unit}")


def test_a_finding_found_twice_is_reported_once_as_first_found_wherever_its_copies_wait(monkeypatch):
    from qa_rules.stream import FindingStream

    monkeypatch.setattr(spill, "CHUNK", 3)
    stream = FindingStream((), {}, (), ("fr", "en"))
    for unit in range(10):
        stream.add(_spacing_finding(unit), (unit, "b"), (0, unit, 0), "en")
    # the same ids again, with other messages that would sort them first: the copies are dropped
    stream.add(_spacing_finding(4, "a copy"), (4, "a"), (0, 10, 0), "en")
    stream.add(_spacing_finding(7, "a held copy"), (7, "a"), (1, 0, 1), "en", group=0)
    stream.add(_spacing_finding(11, "held, never grouped"), (11, "a"), (1, 0, 2), "en", group=0)
    stream.set_grouper(lambda group: False)
    got = [(f.target.unit, f.message) for f, _ in stream]
    assert got == [(f"u{unit}", "space before ';' in en") for unit in range(10)] + [("u11", "held, never grouped")]
    stream.close()


def test_the_ids_of_a_runs_findings_are_held_on_disk_not_in_memory(monkeypatch):
    """Telling a finding found twice from the others takes the same memory at 20,000 findings as at 2,000."""
    import tracemalloc

    from qa_rules.stream import FindingStream

    monkeypatch.setattr(spill, "CHUNK", 200)

    def held(count: int) -> int:
        stream = FindingStream((), {}, (), ("fr", "en"))
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        for unit in range(count):
            stream.add(_spacing_finding(unit), (unit,), (0, unit, 0), "en")
        stream.set_grouper(lambda group: False)
        grown = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
        assert sum(1 for _ in stream) == count
        stream.close()
        return grown

    small, large = held(2000), held(20000)
    # the spills' list of sorted runs grows by a few bytes a finding; a set of every id grew by about 1.7 MB
    assert large - small < 500_000, (small, large)


def test_the_report_does_not_depend_on_how_many_pairs_are_read_at_a_time(drafts, monkeypatch):
    """The engine runs every rule over a block of pairs before reading the next: one pair at a
    time, a few, or the default block give the same report, byte for byte."""
    from qa_rules import engine

    alignment, rules = drafts
    expected = render(check(alignment, rules), "json")
    for size in (1, 7):
        monkeypatch.setattr(engine, "PAIR_BLOCK", size)
        assert render(check(alignment, rules), "json") == expected, size


def test_a_rule_that_decides_on_each_pair_is_asked_pair_by_pair(drafts):
    from qa_rules.base import Rule
    from qa_rules.pairing import build_pairs

    class EvenRows(Rule):
        code, name, category, severity = "ZZ98", "test.even_rows", "structure", "info"

        def runs_on(self, pair):
            return super().runs_on(pair) and pair.index % 2 == 0

        def check(self, pair, context):
            yield self.finding(pair, f"row {pair.target.lang} {pair.index}")

    alignment, _ = drafts
    expected = {f"row {p.target.lang} {p.index}" for p in build_pairs(alignment) if p.index % 2 == 0}
    found = [f.message for f in check(alignment, [EvenRows()]).findings]
    assert len(expected) > 20 and set(found) == expected and len(found) == len(expected)
