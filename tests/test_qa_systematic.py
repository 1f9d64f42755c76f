"""Systematic patterns (qa_rules.systematic): many findings of one kind in a version are one finding."""

from __future__ import annotations

import csv
import io
import json

import pytest

from aligner.model import Alignment, Cell, Document, Row, Unit
from qa_rules.accept import AcceptEntry
from qa_rules.config import load_config
from qa_rules.engine import check
from qa_rules.punctuation.pu01_paragraph_end import ParagraphEnd
from qa_rules.spacing.sp02_space_before_punctuation import SpaceBeforePunctuation
from qa_rules.systematic import Grouper, Systematic, any_character

SOURCE = "Prie l'Office de faire rapport sur la question, invite les États à coopérer, décide de rester saisi"


def alignment(targets: list[str], source: str = SOURCE, target_file: str = "en.md") -> Alignment:
    """fr -> en, one paragraph per target text, each on its own line (2, 4, 6 ...)."""
    def doc(lang: str, texts: list[str]) -> Document:
        return Document(path=f"t/{target_file if lang == 'en' else 'fr.md'}", lang=lang, units=tuple(
            Unit(id=f"pp.{i}", role="preambular", text=text, lines=(2 * i, 2 * i)) for i, text in enumerate(texts, 1)))

    docs = {"fr": doc("fr", [source] * len(targets)), "en": doc("en", targets)}
    rows = tuple(Row(cells={lang: Cell((f"pp.{i}",), (2 * i,), d.units[i - 1].text) for lang, d in docs.items()},
                     score=1.0) for i in range(1, len(targets) + 1))
    return Alignment(languages=("fr", "en"), pivot="fr", level="paragraph", rows=rows, documents=docs)


TOKENISED = "Requests the Office to report , invites States to cooperate , decides to remain seized"
CLEAN = "Requests the Office to report, invites States to cooperate, decides to remain seized"


def sp02(report):
    return [f for f in report.findings if f.rule == "SP02"]


def test_a_kind_found_often_in_many_paragraphs_is_one_finding_with_count_and_places():
    report = check(alignment([TOKENISED] * 6), [SpaceBeforePunctuation])
    [finding] = sp02(report)
    assert finding.count == 12 and finding.grouped
    assert [(p.unit, p.line) for p in finding.places] == [(f"pp.{i}", 2 * i) for i in range(1, 7)]
    assert finding.found == "space before punctuation in en" and finding.severity == "warning"
    assert "12 times" in finding.message and "lines 2, 4, 6, 8, 10 …" in finding.message
    assert "space before ',' in en (12)" in finding.message
    assert finding.target.line == 2 and finding.target.unit is None  # sorts where the pattern begins
    summary = report.summary()
    assert (summary["total"], summary["occurrences"], summary["systematic"]) == (1, 12, 1)


def test_below_the_count_the_findings_stay_one_by_one():
    report = check(alignment([TOKENISED, CLEAN, CLEAN, CLEAN]), [SpaceBeforePunctuation])
    assert [(f.count, f.places) for f in sp02(report)] == [(1, ()), (1, ())]


def test_a_kind_crowded_in_too_few_paragraphs_is_not_systematic():
    """Six misplaced spaces in one paragraph out of twenty: a careless paragraph, not a habit."""
    crowded = "Requests , invites , decides , notes , urges , calls"
    report = check(alignment([crowded] + [CLEAN] * 19), [SpaceBeforePunctuation])
    assert len(sp02(report)) == 5 and not any(f.grouped for f in sp02(report))
    # the same paragraph in a one-paragraph text is the whole version
    assert [f.count for f in sp02(check(alignment([crowded]), [SpaceBeforePunctuation]))] == [5]


def test_the_threshold_is_a_setting_and_zero_turns_grouping_off():
    texts = [TOKENISED] * 6
    assert len(sp02(check(alignment(texts), [SpaceBeforePunctuation], systematic=Systematic(min_count=0)))) == 12
    assert len(sp02(check(alignment(texts), [SpaceBeforePunctuation], systematic=Systematic(min_count=13)))) == 12
    assert len(sp02(check(alignment(texts), [SpaceBeforePunctuation], systematic=Systematic(min_share=1.0)))) == 1
    half = [TOKENISED] * 3 + [CLEAN] * 3
    assert len(sp02(check(alignment(half), [SpaceBeforePunctuation], systematic=Systematic(min_share=0.6)))) == 6


def test_a_rule_that_names_no_kind_is_never_grouped():
    report = check(alignment(["Requests the Office to report"] * 8), [ParagraphEnd])
    assert len(report.findings) == 8 and not any(f.grouped for f in report.findings)


def test_the_grouped_id_hangs_on_the_kind_not_on_places_or_count():
    first = sp02(check(alignment([TOKENISED] * 6), [SpaceBeforePunctuation]))[0]
    moved = sp02(check(alignment([CLEAN] + [TOKENISED] * 7), [SpaceBeforePunctuation]))[0]
    assert moved.count == 14 and moved.places[0].line == 4
    assert moved.id == first.id
    other_version = sp02(check(alignment([TOKENISED] * 6, target_file="en-draft.md"), [SpaceBeforePunctuation]))[0]
    assert other_version.id != first.id  # another document is another finding
    single = sp02(check(alignment([TOKENISED] * 6), [SpaceBeforePunctuation], systematic=Systematic(min_count=0)))
    assert first.id not in {f.id for f in single}


def test_accepting_the_grouped_finding_hides_it_and_an_accepted_single_finding_stays_accepted():
    texts = [TOKENISED] * 6
    grouped = sp02(check(alignment(texts), [SpaceBeforePunctuation]))[0]
    report = check(alignment(texts), [SpaceBeforePunctuation], accept=[AcceptEntry(grouped.id, "tokenised on purpose")])
    assert report.findings == () and report.accepted == 1 and report.stale == ()
    single = sp02(check(alignment(texts), [SpaceBeforePunctuation], systematic=Systematic(min_count=0)))[0]
    report = check(alignment(texts), [SpaceBeforePunctuation], accept=[AcceptEntry(single.id, "reviewed")])
    assert report.accepted == 1 and report.stale == ()
    assert [f.count for f in sp02(report)] == [11]


def test_once_a_kind_qualifies_only_places_are_kept():
    report_pairs = check(alignment([TOKENISED] * 40), [SpaceBeforePunctuation], systematic=Systematic(min_count=0))
    from qa_rules.engine import build_pairs

    pairs = build_pairs(alignment([TOKENISED] * 40))
    grouper = Grouper(pairs, Systematic(min_count=5, min_share=0.1))
    rule = SpaceBeforePunctuation()
    for finding in report_pairs.findings:
        assert grouper.take(rule, finding, "en")
    [group] = grouper.groups.values()
    assert group.qualified and group.held == [] and group.count == 80 and len(group.places) == 40
    [(finding, lang)] = list(grouper.findings())
    assert (finding.count, len(finding.places), lang) == (80, 40, "en")


def test_a_pattern_keeps_its_first_places_and_counts_the_rest():
    """Memory per pattern does not grow with the version: the first KEPT_PLACES places, in
    document order, and how many there are; the counts stay exact (two findings per paragraph)."""
    from qa_rules.systematic import KEPT_PLACES
    from hexaglot.reports import places_text

    paragraphs = KEPT_PLACES + 50
    [finding] = sp02(check(alignment([TOKENISED] * paragraphs), [SpaceBeforePunctuation]))
    assert (finding.count, finding.place_count, finding.places_total) == (2 * paragraphs, paragraphs, paragraphs)
    assert [p.line for p in finding.places] == [2 * i for i in range(1, KEPT_PLACES + 1)]
    assert f"in {paragraphs} paragraph(s), lines 2, 4, 6, 8, 10 …" in finding.message
    assert places_text(finding).endswith(f"line {2 * KEPT_PLACES} (pp.{KEPT_PLACES}), … ({paragraphs} places)")
    assert finding.as_dict()["place_count"] == paragraphs
    [small] = sp02(check(alignment([TOKENISED] * 6), [SpaceBeforePunctuation]))
    assert small.place_count == 0 and "place_count" not in small.as_dict()


def test_any_character_makes_the_mark_general():
    assert any_character("space before ',' in en") == "space before punctuation in en"
    assert any_character("no space after \"'\"") == "no space after punctuation"


def test_config_file_sets_the_threshold(tmp_path):
    path = tmp_path / "hexaglot.toml"
    path.write_text("[hexaglot]\nsystematic_min_count = 3\nsystematic_min_share = 0.5\n", encoding="utf-8")
    assert load_config(path).systematic == Systematic(min_count=3, min_share=0.5)
    path.write_text("[hexaglot]\nsystematic_min_share = 2\n", encoding="utf-8")
    from aligner.errors import InputError

    with pytest.raises(InputError, match="systematic_min_share must be from 0 to 1"):
        load_config(path)


# -- every renderer shows the count and the places -------------------------------------


@pytest.fixture(scope="module")
def grouped_report():
    return check(alignment([TOKENISED] * 6), [SpaceBeforePunctuation])


def test_text_report_shows_count_places_and_occurrences(grouped_report):
    from hexaglot.reports import render

    text = render(grouped_report, "text")
    assert "12 times at line 2 (pp.1), line 4 (pp.2), line 6 (pp.3)" in text
    assert "1 systematic pattern(s) counted once, 12 occurrences in all" in text


def test_json_report_carries_count_and_every_place(grouped_report):
    from hexaglot.reports import render

    data = json.loads(render(grouped_report, "json"))
    [finding] = data["findings"]
    assert finding["count"] == 12 and len(finding["places"]) == 6
    assert finding["places"][1] == {"path": "t/en.md", "lang": "en", "unit": "pp.2", "line": 4}
    assert data["summary"]["occurrences"] == 12


def test_csv_and_xlsx_reports_have_count_and_places_columns(grouped_report):
    from openpyxl import load_workbook

    from hexaglot.reports import render

    rows = list(csv.DictReader(io.StringIO(render(grouped_report, "csv").lstrip("\ufeff"))))
    assert rows[0]["count"] == "12" and rows[0]["places"].startswith("line 2 (pp.1), line 4 (pp.2)")
    sheet = load_workbook(io.BytesIO(render(grouped_report, "xlsx")))["Findings"]
    header = [c.value for c in sheet[1]]
    values = dict(zip(header, [c.value for c in sheet[2]]))
    assert values["count"] == 12 and values["places"].endswith("line 12 (pp.6)")


def test_html_report_shows_count_and_places(grouped_report):
    from hexaglot.reports import render

    html = render(grouped_report, "html")
    assert '<span class="places">12 times at line 2 (pp.1)' in html


def test_module_doctests():
    import doctest

    from qa_rules import systematic

    result = doctest.testmod(systematic)
    assert result.attempted > 0 and result.failed == 0


def test_numbers_in_the_wrong_style_throughout_are_one_finding_per_kind_of_separator():
    from qa_rules.numbers.nu05_format import NumberFormat

    fr = "Note que plus de 2 500 agents et 1 200 juges ont été formés;"
    targets = ["Notes that more than 2 500 officials and 1 200 judges were trained;"] * 6
    report = check(alignment(targets, source=fr), [NumberFormat])
    [finding] = report.findings
    assert finding.count == 12 and len(finding.places) == 6
    assert finding.found == "numbers written with ' ' in en, not in UN en style"
    assert "number 2 500 is not written in UN en style (6)" in finding.message


def test_the_rules_that_name_a_kind():
    """Spacing, quote style and number format: conventions a version follows or breaks throughout;
    spelling: one unknown word (a name the dictionary lacks) or the -ise habit throughout a version.
    A missing term, a wrong number, an omission is a problem of its own place, never grouped."""
    from qa_rules.base import Rule
    from qa_rules.registry import RULES

    assert {r.code for r in RULES if r.pattern is not Rule.pattern} == {"SP01", "SP02", "SP03", "SP04", "SP05", "SP06",
                                                                        "PU04", "PU05", "NU05", "SC01", "SC02"}


def test_an_xlsx_cell_holds_as_many_places_as_fit():
    from dataclasses import replace

    from hexaglot.reports.xlsx import CELL_LIMIT, places_cell
    from qa_rules.model import Location

    finding = sp02(check(alignment([TOKENISED] * 6), [SpaceBeforePunctuation]))[0]
    many = replace(finding, places=tuple(Location("t/en.md", "en", f"k{i}.op.15", 100_000 + i) for i in range(5000)))
    text = places_cell(many)
    assert len(text) <= CELL_LIMIT and text.endswith("(5000 places)") and text.startswith("line 100000 (k0.op.15)")
    assert places_cell(finding) == "line 2 (pp.1), line 4 (pp.2), line 6 (pp.3), line 8 (pp.4), line 10 (pp.5), line 12 (pp.6)"
