"""What the whole-run rules derive (pairs, segments) lives in the run's Context.facts."""

from __future__ import annotations

import gc
import weakref

from qa_rules.base import Context
from qa_rules.consistency.co01_source_variants import SourceVariants
from qa_rules.consistency.segments import pairs_of, segments_of
from qa_rules.engine import build_pairs, check, compute_facts
from qa_rules.examples import example_alignment

EXAMPLE = {"fr": "Prie l'Office de continuer à fournir une assistance technique ; ¶ Prie l'Office de continuer à fournir une assistance technique ;",
           "zh": "请办公室继续提供技术援助； ¶ 请该办公室继续提供技术协助；"}


def test_a_run_keeps_nothing_of_its_alignment_after_it_ends():
    alignment = example_alignment(EXAMPLE)
    gone = weakref.ref(alignment)
    report = check(alignment, [SourceVariants])
    assert len(report.findings) == 1
    del alignment, report
    gc.collect()
    assert gone() is None


def test_segments_are_derived_once_per_context():
    alignment = example_alignment(EXAMPLE)
    context = Context(alignment, facts=compute_facts(alignment, build_pairs(alignment)))
    assert segments_of(context) is segments_of(context)
    assert pairs_of(context) == context.facts["pairs"]
    other = Context(alignment)  # no engine facts: the pairs are built for this context
    assert pairs_of(other) is pairs_of(other) and pairs_of(other) == pairs_of(context)
