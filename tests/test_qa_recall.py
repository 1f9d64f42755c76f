"""Recall and precision of the QA rules on the drafts with planted errors (samples/drafts: the
five working translations of E/RES/2023/26 with 33 errors planted in each, and 13 misspellings in
the four whose language has a Hunspell dictionary: 178 in all), and
false alarms on the five clean versions: the figures of benchmarks/qa_recall.py.

The goal is recall >= 0.95 and precision >= 0.90 in every category, and no false alarm on the
clean versions. Where a figure meets its goal the test holds the goal; where it does not, the
test holds a floor just under the figure measured at the last change (docs/qa.md): one planted
error fewer found, one finding more that matches nothing, so that the parallel work on other
rules can move a figure by one without failing the suite while a real regression fails it, and an
improvement can raise the floor; no floor below a goal claims that the goal is met.

The gold errors are split (benchmarks/make_qa_drafts.py): rules are tuned on the development
split, and the held-out split, measured once after tuning, has floors of its own.

One evaluation (five drafts and five clean versions, hexaglot only) is shared by the tests of
this file (about half a minute).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import load_script, missing
from qa_rules.model import CATEGORIES

REPO = Path(__file__).resolve().parent.parent
RECALL_GOAL, PRECISION_GOAL = 0.95, 0.90
OUR_CODES = ("UT", "CO", "PU", "SP", "MK", "LE")
#: How far under a measured figure its floor lies: this many gold errors, or findings, per category.
SLACK = 1

#: category -> ((gold errors found, gold errors), (findings matching an error, findings)) as measured
#: on 2 Dec 2026 after the rules were tuned on the development split (docs/qa.md), findings counted
#: as the report counts them (those a cause explains folded under it: qa_rules.causes). A category whose
#: measured recall or precision is below its goal is held to a floor just under the measured figure
#: (see test_recall_and_precision_per_category); the others to the goal.
MEASURED = {
    "structure": ((15, 15), (15, 15)),
    "terminology": ((15, 15), (16, 18)),
    "numbers": ((13, 15), (15, 15)),
    "references": ((15, 15), (15, 15)),
    "dates": ((15, 15), (15, 15)),
    "untranslated": ((9, 11), (9, 9)),
    "consistency": ((14, 15), (14, 15)),
    "punctuation": ((14, 19), (14, 14)),
    "spacing": ((15, 15), (15, 16)),
    "markup": ((10, 15), (10, 10)),
    "length": ((11, 15), (11, 12)),
    "spelling": ((13, 13), (13, 13)),
}
#: split -> ((gold errors found, gold errors), (findings matching an error, findings)), measured then.
MEASURED_SPLITS = {
    "dev": ((110, 114), (114, 116)),
    "held-out": ((49, 64), (48, 51)),
}
#: False alarms on the five clean versions, measured then (goal: none).
CLEAN_FALSE_ALARMS, CLEAN_ERRORS, CLEAN_OUR_FAMILIES = 0, 0, 0


def spelling_dictionaries() -> None:
    """The figures with the spelling plants need the dictionaries of the drafts' languages."""
    from qa_rules.spelling.common import speller

    for lang in ("en", "es", "ru", "ar"):
        found = speller(lang)
        if isinstance(found, str):
            missing(f"spelling: {found}")


def _recall_floor(found: int, total: int, slack: int = SLACK, goal: float = RECALL_GOAL) -> float:
    """The goal where the measurement meets it, else ``slack`` gold errors fewer than measured."""
    return goal if not total or found / total >= goal else max(found - slack, 0) / total


def _precision_floor(right: int, reported: int, slack: int = SLACK, goal: float = PRECISION_GOAL) -> float:
    """The goal where the measurement meets it, else ``slack`` unmatched findings more than measured."""
    return goal if not reported or right / reported >= goal else right / (reported + slack)


def _benchmark():
    return load_script("benchmarks/qa_recall.py", "qa_recall_benchmark")


@pytest.fixture(scope="module")
def bench():
    return _benchmark()


@pytest.fixture(scope="module")
def results(bench):
    return bench.evaluate(with_pofilter=False)


def test_the_table_covers_every_category():
    assert set(MEASURED) == set(CATEGORIES)


@pytest.mark.parametrize("category", CATEGORIES)
def test_recall_and_precision_per_category(results, category):
    """Goal: recall >= 0.95 and precision >= 0.90 in every category. Each figure is held at its
    goal where the measurement of 2 Dec 2026 (after tuning on the development split) meets it,
    else at a floor one gold error (recall) or one unmatched finding (precision) under it:
    - structure: recall 1.00 (15 of 15), precision 1.00 (15 of 15 findings); goal met
    - terminology: recall 1.00 (15 of 15); precision 0.89 (16 of 18) below 0.90, floor 0.84 (TE01 also flags
      the SHERLOC portal name half left in French in en op.12, a true error planted as untranslated, and
      "international peace and security" misspelt in ar pp.1, a true error planted as spelling)
    - numbers: recall 0.87 (13 of 15) below 0.95, floor 0.80; precision 1.00 (15 of 15)
    - references: recall 1.00 (15 of 15), precision 1.00 (15 of 15 findings); goal met
    - dates: recall 1.00 (15 of 15), precision 1.00 (15 of 15 findings); goal met
    - untranslated: recall 0.82 (9 of 11) below 0.95, floor 0.73; precision 1.00 (9 of 9)
    - consistency: recall 0.93 (14 of 15) below 0.95, floor 0.87; precision 0.93 (14 of 15)
    - punctuation: recall 0.74 (14 of 19) below 0.95, floor 0.68; precision 1.00 (14 of 14)
    - spacing: recall 1.00 (15 of 15), precision 0.94 (15 of 16 findings); goal met
    - markup: recall 0.67 (10 of 15) below 0.95, floor 0.60; precision 1.00 (10 of 10)
    - length: recall 0.73 (11 of 15) below 0.95, floor 0.67; precision 0.92 (11 of 12); goal met
    - spelling: recall 1.00 (13 of 13), precision 1.00 (13 of 13 findings); goal met (the misspellings were
      planted before the rules were run on the drafts; needs the Hunspell dictionaries)
    """
    if category == "spelling":
        spelling_dictionaries()
    recall, precision, gold, found = results.hexaglot.per_category()[category]
    (hit, planted), (right, reported) = MEASURED[category]
    assert gold == planted, f"{category}: {gold} planted errors, the table says {planted}"
    recall_floor = _recall_floor(hit, planted)
    precision_floor = _precision_floor(right, reported)
    assert recall >= recall_floor - 1e-9, f"{category}: recall {recall:.2f} < {recall_floor:.2f}"
    assert precision is not None and precision >= precision_floor - 1e-9, \
        f"{category}: precision {precision} < {precision_floor:.2f}"


def test_overall_recall_and_precision(results):
    """Goal: recall >= 0.95 and precision >= 0.90 overall. Measured on 2 Dec 2026: recall 0.89
    (159 of 178) below the goal, precision 0.97 (162 of 167 findings); recall held at a floor two
    gold errors under the measurement (0.88, 157 of 178), precision at the goal."""
    spelling_dictionaries()
    recall, precision = results.hexaglot.overall()
    hit = sum(h for (h, _), _ in MEASURED.values())
    right = sum(r for _, (r, _) in MEASURED.values())
    reported = sum(n for _, (_, n) in MEASURED.values())
    planted = sum(n for (_, n), _ in MEASURED.values())
    assert recall >= _recall_floor(hit, planted, 2 * SLACK) - 1e-9, recall
    assert precision >= _precision_floor(right, reported, 2 * SLACK) - 1e-9, precision


@pytest.mark.parametrize("split", sorted(MEASURED_SPLITS))
def test_recall_and_precision_per_split(results, split):
    """The development split (114 errors), on which the rules were tuned: recall 0.96 (110),
    precision 0.98 (114 of 116 findings), both held at the goal; the held-out split (64 errors),
    measured once after tuning: recall 0.77 (49) below the goal, held at 0.73 (47, two gold errors
    under the measurement), precision 0.94 (48 of 51 findings), held at the goal. The spelling
    plants count in both: they need the Hunspell dictionaries."""
    spelling_dictionaries()
    recall, precision = results.hexaglot.overall(split)
    (hit, planted), (right, reported) = MEASURED_SPLITS[split]
    assert len(results.hexaglot.gold_in(split)) == planted
    assert recall >= _recall_floor(hit, planted, 2 * SLACK) - 1e-9, (split, recall)
    assert precision >= _precision_floor(right, reported, 2 * SLACK) - 1e-9, (split, precision)


def test_false_alarms_on_clean_versions(results):
    """Goal: no finding on the five clean versions. Met on 2 Dec 2026: held at none."""
    clean = results.clean_hexaglot
    labels = [f"{name}: {h.label}" for name, hits in clean.items() for h in hits]
    errors = [f"{name}: {h.label}" for name, hits in clean.items() for h in hits if h.severity == "error"]
    ours = [f"{name}: {h.label}" for name, hits in clean.items() for h in hits if h.label.startswith(OUR_CODES)]
    assert len(labels) <= CLEAN_FALSE_ALARMS, labels
    assert len(errors) <= CLEAN_ERRORS, errors
    assert len(ours) <= CLEAN_OUR_FAMILIES, ours


def test_gold_file_points_at_real_lines(bench):
    gold = bench.read_gold()
    assert len(gold) == 178
    assert {g.draft for g in gold} == {f"{lang}_draft.md" for lang in bench.DRAFT_LANGS}
    for draft in {g.draft for g in gold}:
        lines = (bench.DRAFTS / draft).read_text(encoding="utf-8").split("\n")
        assert "hexaglot test draft with planted errors" in lines[0]
        planted = [g for g in gold if g.draft == draft]
        others = [g for g in planted if g.category != "spelling"]
        assert len(others) == 33, draft
        # misspellings in every draft whose language has a Hunspell dictionary (not Chinese)
        expected = set(CATEGORIES) - ({"spelling"} if draft.startswith("zh") else set())
        assert {g.category for g in planted} == expected, draft
        for g in planted:
            assert 1 < g.line <= len(lines), g


def test_matching_rule(bench):
    gold = bench.Gold("en_draft.md", 100, "numbers", "x")
    assert bench.matches(bench.Hit("en_draft.md", "numbers", 130, (97, 101)), gold)
    assert bench.matches(bench.Hit("en_draft.md", "numbers", 101, None), gold)
    assert not bench.matches(bench.Hit("en_draft.md", "spacing", 100, (97, 101)), gold)
    assert not bench.matches(bench.Hit("es_draft.md", "numbers", 100, (97, 101)), gold)
    assert not bench.matches(bench.Hit("en_draft.md", "numbers", 103, (102, 104)), gold)
    # a finding folded under its cause (qa_rules.causes) still points at its error, in its own category
    cause = bench.Hit("en_draft.md", "consistency", 100, (99, 101),
                      consequences=(bench.Hit("en_draft.md", "numbers", 100, (99, 101)),))
    assert bench.matches(cause, gold)
    assert not bench.matches(bench.Hit("en_draft.md", "consistency", 100, (99, 101)), gold)


def test_drafts_are_the_clean_samples_plus_the_plants():
    """If a clean sample changes, rebuild: python benchmarks/make_qa_drafts.py."""
    module = load_script("benchmarks/make_qa_drafts.py", "make_qa_drafts")
    assert module.main(["--check"]) == 0


def test_no_false_alarm_on_a_genuine_six_language_un_resolution(shared_data):
    """A/RES/55/100 as published (OPUS UN corpus, 16 units aligned 1:1): the rules that do not
    depend on OPUS's tokenisation (which puts spaces around every punctuation mark) stay silent."""
    import json

    from aligner.model import Alignment, Cell, Document, Row, Unit
    from qa_rules.engine import check
    from qa_rules.registry import rule_by_code

    path = shared_data / "opus-un-6way" / "A-RES-55-100.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    langs = ("fr", "en", "es", "ru", "zh", "ar")
    docs = {lang: Document(f"{lang}.txt", lang, tuple(Unit(f"seg.{i + 1}", "segment", r[lang], (i + 1, i + 1))
                                                       for i, r in enumerate(rows)), input_format="lines")
            for lang in langs}
    aligned = tuple(Row({lang: Cell((f"seg.{i + 1}",), (i + 1,), rows[i][lang]) for lang in langs}, 1.0)
                    for i in range(len(rows)))
    alignment = Alignment(langs, "fr", "paragraph", aligned, docs)
    rules = [rule_by_code(code) for code in ("UT01", "UT02", "UT03", "CO01", "CO02", "PU03", "PU05", "LE01", "MK01",
                                             "MK02", "MK03")]
    assert [f"{f.rule} {f.message}" for f in check(alignment, rules).findings] == []
