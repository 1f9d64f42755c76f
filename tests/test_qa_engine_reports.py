"""Text and JSON reports of a check: grouping, excerpts, colour, summary, signature, schema."""

from __future__ import annotations

import json

import click

from hexaglot.reports import FORMATS, render
from qa_rules.engine import check
from qa_rules.examples import example_alignment
from qa_rules.references.rf02_resolution import ResolutionMismatch
from qa_rules.structure.st01_missing import MissingParagraph

EXAMPLE = {
    "fr": "Rappelant sa résolution 74/175 du 18 décembre 2019, ¶ Prie l'Office de faire rapport,",
    "en": "Recalling its resolution 74/157 of 18 December 2019,",
}


def _report():
    alignment = example_alignment({"fr": EXAMPLE["fr"].split(" ¶ ")[0], "en": EXAMPLE["en"]})
    return check(alignment, [ResolutionMismatch, MissingParagraph])


def test_text_report_groups_by_paragraph_with_excerpts_expected_found_summary_and_signature():
    report = _report()
    text = render(report, "text")
    lines = text.splitlines()
    assert "pp.1" in lines[2]  # the paragraph heading
    assert any(line.strip().startswith("fr") and "74/175" in line for line in lines)
    assert any(line.strip().startswith("en") and "74/157" in line for line in lines)
    assert "expected 74/175 · found 74/157" in text
    assert "Summary: 1 error(s)" in text and "by category: references 1" in text and "by language: en 1" in text
    assert lines[-1] == f"signature: {report.signature}"
    assert "\x1b[" not in text


def test_text_report_is_coloured_only_when_asked():
    coloured = render(_report(), "text", color=True)
    assert "\x1b[" in coloured
    assert click.unstyle(coloured) == render(_report(), "text")


def test_json_report_schema():
    report = _report()
    data = json.loads(render(report, "json"))
    assert set(data) >= {"tool", "version", "signature", "documents", "findings", "summary"}
    assert data["tool"] == "hexaglot" and data["signature"] == report.signature
    assert data["documents"] == [
        {"path": "example/fr.md", "lang": "fr", "role": "source", "units": 1},
        {"path": "example/en.md", "lang": "en", "role": "target", "units": 1},
    ]
    finding = data["findings"][0]
    assert set(finding) == {"id", "rule", "name", "category", "severity", "source", "target", "message", "expected", "found",
                            "count", "places", "mark", "in_source", "consequences"}
    assert finding["count"] == 1 and finding["places"] == [] and finding["mark"] is None
    assert finding["consequences"] == [] and data["summary"]["consequences"] == 0
    assert finding["target"] == {"path": "example/en.md", "lang": "en", "unit": "pp.1", "line": 1}
    assert data["summary"]["by_severity"] == {"error": 1, "warning": 0, "info": 0}


def test_text_and_json_are_registered_formats():
    assert {"text", "json"} <= set(FORMATS)


def test_an_empty_report_still_ends_with_the_signature():
    report = check(example_alignment({"fr": "Prie l'Office,", "en": "Requests the Office,"}), [MissingParagraph])
    text = render(report, "text")
    assert "0 finding(s)" in text.splitlines()[0]
    assert text.rstrip().endswith(report.signature)


def test_text_heading_shows_each_side_its_own_unit_and_line():
    from aligner.model import Alignment, Cell, Document, Row, Unit

    fr_units = (Unit("pp.1", "preambular", "Rappelant la Charte,", (3, 3)),
                Unit("pp.2", "preambular", "Rappelant sa résolution 74/175,", (5, 5)))
    en_units = (Unit("pp.1", "preambular", "Recalling its resolution 74/157,", (4, 4)),)
    docs = {"fr": Document("fr.md", "fr", fr_units), "en": Document("en_draft.md", "en", en_units)}
    rows = (Row({"fr": Cell(("pp.1",), (3,), fr_units[0].text), "en": Cell((), (), "")}, 1.0),
            Row({"fr": Cell(("pp.2",), (5,), fr_units[1].text), "en": Cell(("pp.1",), (4,), en_units[0].text)}, 1.0))
    alignment = Alignment(languages=("fr", "en"), pivot="fr", level="paragraph", rows=rows, documents=docs)
    text = render(check(alignment, [ResolutionMismatch]), "text")
    # fr pp.2 is on line 5 of fr.md; the en draft's pp.1 (line 4) translates it
    assert "fr.md:5 pp.2 -> en_draft.md:4 pp.1" in text
    assert "pp.1  fr.md:5" not in text


def test_text_and_json_reports_of_an_omission_have_a_null_side():
    report = check(example_alignment({"fr": "Prie l'Office de faire rapport,", "en": ""}), [MissingParagraph])
    text = render(report, "text")
    assert text.splitlines()[2] == "fr.md:1 pp.1 -> (nothing in en)"
    assert "by language: en 1" in text
    finding = json.loads(render(report, "json"))["findings"][0]
    assert finding["target"] is None and finding["source"]["unit"] == "pp.1"
