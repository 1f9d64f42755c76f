"""Findings point at the problem itself: the highlight covers the space, the mark, the digits,
never the 40-character window around them, and the text report shows whole words."""

from __future__ import annotations

import doctest

from hexaglot.reports import problem_span, problem_words, render
from hexaglot.reports.html import highlight
from hexaglot.reports.text import excerpt
from qa_rules import base
from qa_rules.engine import check
from qa_rules.examples import example_alignment
from qa_rules.punctuation.pu04_quote_style import QuoteStyle
from qa_rules.spacing.sp01_double_space import DoubleSpace
from qa_rules.spacing.sp04_missing_space_after import MissingSpaceAfter
from qa_rules.untranslated.ut02_identical import IdenticalToSource

FR = "Prenant note de l'action menée dans le cadre du Pacte mondial de coordination contre le terrorisme, et notant aussi le rôle de l'Office,"
EN = ("Taking note of the work done within the Global Counter-Terrorism Coordination Compact,and noting "
      "also the role of the Office,")


def _one(rule, fr, en):
    findings = check(example_alignment({"fr": fr, "en": en}), [rule], ()).findings
    assert len(findings) == 1, findings
    return findings[0]


def test_a_missing_space_is_highlighted_where_it_is_missing():
    finding = _one(MissingSpaceAfter, FR, EN)
    assert finding.found == EN[EN.index(",and") - 20:EN.index(",and") + 20]  # the id's text is unchanged
    start, end = problem_span(EN, finding)
    assert EN[start:end] == ",a"
    assert problem_words(finding) == "Compact,and"
    assert '<mark class="hl sev-warning"' in highlight(EN, (finding,))
    assert ">,a</mark>" in highlight(EN, (finding,))


def test_a_double_space_and_a_straight_quote_are_highlighted_alone():
    en = "Requests the Office to assist all States, regardless of  the actor, in protecting soft targets,"
    fr = "Prie l'Office d'aider tous les États, quel que soit l'auteur, à protéger les cibles vulnérables,"
    finding = _one(DoubleSpace, fr, en)
    assert en[slice(*problem_span(en, finding))] == "  "
    assert problem_words(finding) == "of  the"
    en = 'Urges Member States to protect vulnerable targets, known as "soft targets", such as public places,'
    fr = "Engage les États Membres à protéger les cibles vulnérables, dites « cibles faciles », comme les lieux publics,"
    finding = _one(QuoteStyle, fr, en)
    assert en[slice(*problem_span(en, finding))] == '"'
    assert problem_words(finding) == '"soft'


def test_a_paragraph_left_in_the_source_language_is_highlighted_whole():
    fr = ("Insistant sur la nécessité de s'attaquer aux conditions propices à la propagation du terrorisme "
          "tout en respectant intégralement les buts et principes de la Charte,")
    finding = _one(IdenticalToSource, fr, fr)
    assert len(finding.found) < len(fr)
    assert problem_span(fr, finding) == (0, len(fr))
    assert problem_words(finding) == "Insistant sur la nécessité de s'attaquer aux conditions…"


def test_text_report_shows_whole_words_around_the_problem():
    report = check(example_alignment({"fr": FR, "en": EN}), [MissingSpaceAfter], ())
    text = render(report, "text")
    assert "found Compact,and ·" in text
    long = "word " * 40 + "Compact,and noting " + "more " * 40
    shown = excerpt(long, "Compact,and")
    assert "Compact,and" in shown
    assert shown.startswith("…word ") and shown.endswith(" more…")
    assert all(w in ("word", "more", "noting", "Compact,and") for w in shown.strip("…").split())


def test_window_doctest():
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner()
    for test in finder.find(base.window, "window", globs={"window": base.window}):
        runner.run(test)
    assert runner.failures == 0 and runner.tries == 1


def test_the_source_excerpt_shows_the_source_value_not_the_paragraph_start():
    from qa_rules.dates.da01_mismatch import DateMismatch

    lead = "Rappelant sa résolution sur la coopération internationale en matière pénale contre le terrorisme, " * 2
    fr = lead + "et sa résolution 74/175 du 18 décembre 2019,"
    en = ("Recalling its resolution on international cooperation in criminal matters to counter terrorism, " * 2
          + "and its resolution 74/175 of 18 December 2018,")
    report = check(example_alignment({"fr": fr, "en": en}), [DateMismatch], ())
    assert [f.in_source for f in report.findings] == ["18 décembre 2019"]
    source_line = next(line for line in render(report, "text").splitlines() if line.startswith("  fr "))
    assert "18 décembre 2019" in source_line


def test_a_finding_on_the_version_itself_is_not_headed_as_an_omission(sample_set):
    from qa_rules.run import CheckOptions, check_files

    draft = sample_set.parent / "drafts" / "en_draft.md"
    report = check_files([str(sample_set / "fr.md"), str(draft)], CheckOptions(select=("ST05",)))
    assert [f.rule for f in report.findings] == ["ST05"]
    text = render(report, "text")
    assert "(nothing in fr)" not in text
    assert "en_draft.md:181 op.34 (the en version itself)" in text


def test_an_omission_is_reported_where_it_would_stand_in_the_version(sample_set):
    from qa_rules.run import CheckOptions, check_files

    draft = sample_set.parent / "drafts" / "en_draft.md"
    report = check_files([str(sample_set / "fr.md"), str(draft)], CheckOptions())
    units = [f.target.unit if f.target else f"missing {f.source.unit}" for f in report.findings]
    # op.33 (source line 173) is missing after op.32 (en line 179): after op.31 (en line 177),
    # before op.35 (en line 183); the gap it leaves in the numbering (ST05 at op.34) is folded under it
    assert units.index("op.31") < units.index("missing op.33") < units.index("op.35")
    omission = report.findings[units.index("missing op.33")]
    assert [(c.rule, c.target.unit) for c in omission.consequences] == [("ST05", "op.34")]
