"""HTML, CSV and XLSX reports rendered from a Report (no browser here)."""

from __future__ import annotations

import io
import re

import openpyxl
import pandas as pd

from qa_rules.engine import Report
from qa_rules.examples import example_alignment
from qa_rules.model import Finding, Location

from hexaglot.reports.csv import COLUMNS, render_csv
from hexaglot.reports.html import render_html
from hexaglot.reports.xlsx import ABOUT_SHEET, ALIGNED_SHEET, FINDINGS_SHEET, render_xlsx

EVIL = '<script>alert("x")</script> & =cmd|'


def make_report() -> Report:
    alignment = example_alignment({
        "fr": "Rappelant sa résolution 74/175 du 18 décembre 2019,",
        "en": f"Recalling its resolution 74/157 of 18 December 2019, {EVIL}",
        "ar": "وإذ تشير إلى قرارها 74/175 المؤرخ 18 كانون الأول/ديسمبر 2019،",
    })
    fr, en, ar = (alignment.documents[k] for k in ("fr", "en", "ar"))

    def loc(doc):
        return Location(doc.path, doc.lang, doc.units[0].id, doc.units[0].lines[0])

    findings = (
        Finding("NU01", "numbers.mismatch", "numbers", "error", loc(fr), loc(en),
                "74/175 is 74/157 in the target", expected="74/175", found="74/157"),
        Finding("SP01", "spacing.double", "spacing", "warning", loc(fr), loc(en),
                f"odd text {EVIL}", expected="", found=EVIL),
        Finding("PU01", "punctuation.paragraph_end", "punctuation", "info", loc(fr), loc(ar),
                "ends with a comma", expected="،", found="،"),
        Finding("ST05", "structure.numbering", "structure", "warning", None,
                Location(en.path, "en", None, None), "operative numbering jumps from 3 to 5"),
    )
    return Report(findings=findings, accepted=1, stale=(), signature="hexaglot:0.1|rules:4|langs:fr>en,ar",
                  documents=tuple(alignment.documents.values()), rules=("NU01",), languages=("fr", "en", "ar"),
                  pivot="fr", alignment=alignment)


def test_html_every_finding_in_place_escaped_rtl_signature():
    report = make_report()
    page = render_html(report)
    for finding in report.findings:
        assert page.count(f'data-finding-id="{finding.id}"') == 1
    assert re.search(r'data-finding-id="[0-9a-f]{12}" data-category="numbers" data-severity="error" data-lang="en"', page)
    assert "<script>alert" not in page and "&lt;script&gt;alert(&quot;x&quot;)" in page
    assert '<mark class="hl sev-error"' in page and ">74/157</mark>" in page  # highlighted in place
    assert '<td class="cell" lang="ar" dir="rtl" data-col="ar">' in page
    assert 'id="document-findings"' in page  # ST05 has no unit: listed on the whole document
    assert "http://" not in page and "https://" not in page and "<link" not in page  # self-contained
    body = page[: page.index("<script>")]
    assert body.rstrip().endswith("signature: hexaglot:0.1|rules:4|langs:fr&gt;en,ar</p></footer>")
    assert 'name="category" value="numbers"' in page and 'name="severity" value="error"' in page


def test_csv_round_trips_through_pandas(tmp_path):
    report = make_report()
    path = tmp_path / "qa.csv"
    path.write_text(render_csv(report), encoding="utf-8")
    assert path.read_text(encoding="utf-8").splitlines()[-1] == "# signature: hexaglot:0.1|rules:4|langs:fr>en,ar"
    frame = pd.read_csv(path, comment="#", dtype=str, keep_default_na=False)
    assert tuple(frame.columns) == COLUMNS
    assert list(frame["id"]) == [f.id for f in report.findings]
    assert list(frame["found"]) == [f.found for f in report.findings]
    assert frame.loc[1, "message"] == f"odd text {EVIL}"
    assert frame.loc[3, "source_path"] == "" and frame.loc[3, "target_line"] == ""


def test_xlsx_has_findings_and_aligned_text():
    report = make_report()
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))
    assert wb.sheetnames == [FINDINGS_SHEET, ALIGNED_SHEET, ABOUT_SHEET]
    rows = list(wb[FINDINGS_SHEET].iter_rows(values_only=True))
    assert rows[0] == COLUMNS
    assert [r[0] for r in rows[1:]] == [f.id for f in report.findings]  # data only, no line under it
    assert rows[2][COLUMNS.index("found")] == EVIL  # text, not a formula
    assert wb[ABOUT_SHEET]["A1"].value == "signature" and wb[ABOUT_SHEET]["B1"].value.startswith("hexaglot:0.1")
    aligned = list(wb[ALIGNED_SHEET].iter_rows(values_only=True))
    assert aligned[0][:4] == ("row", "fr", "en", "ar")
    assert aligned[1][3].startswith("وإذ تشير")
    assert wb[ALIGNED_SHEET].cell(row=2, column=4).alignment.horizontal == "right"
    assert report.findings[0].id in aligned[1][-1]
    assert len(aligned) == 1 + len(report.alignment.rows)


def test_pandas_reads_the_line_columns_of_the_findings_sheet_as_integers():
    from dataclasses import replace

    report = make_report()
    report = replace(report, findings=report.findings[:3])  # every one has both lines
    frame = pd.read_excel(io.BytesIO(render_xlsx(report)), sheet_name=FINDINGS_SHEET)
    assert str(frame["target_line"].dtype) == "int64" and str(frame["source_line"].dtype) == "int64"
    assert list(frame["id"]) == [f.id for f in report.findings]


def test_excerpts_show_the_problem_in_csv_and_in_bold_in_xlsx():
    report = make_report()
    frame = pd.read_csv(io.StringIO(render_csv(report)), comment="#", dtype=str, keep_default_na=False)
    assert frame.loc[0, "target_excerpt"].startswith("Recalling its resolution 74/157 of 18 December 2019")
    assert frame.loc[0, "source_excerpt"] == "Rappelant sa résolution 74/175 du 18 décembre 2019,"
    assert frame.loc[3, "target_excerpt"] == ""  # ST05 is about the whole document
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)), rich_text=True)
    sheet = wb[FINDINGS_SHEET]
    cell = sheet.cell(row=2, column=COLUMNS.index("target_excerpt") + 1).value
    bold = [block.text for block in cell if not isinstance(block, str) and block.font.b]
    assert bold == ["74/157"]
    arabic = sheet.cell(row=4, column=COLUMNS.index("target_excerpt") + 1)
    assert "74/175" in str(arabic.value) and arabic.alignment.readingOrder == 2


def test_an_omission_is_shown_in_the_target_column_of_its_source_row():
    from dataclasses import replace

    from hexaglot.reports.placement import place

    report = make_report()
    fr = report.alignment.documents["fr"]
    # the target side of an omission is null; the report knows which version it concerns
    omission = Finding("ST01", "structure.missing_paragraph", "structure", "error",
                       Location(fr.path, "fr", fr.units[0].id, fr.units[0].lines[0]), None,
                       "pp.1 of the source is missing in the en version (it would be after line 2 of en.md)")
    report = replace(report, findings=report.findings + (omission,), versions={omission.id: "en"})
    placement = place(report.findings, report.alignment, report)
    assert omission in placement.placed[(0, "en")]
    assert [f.rule for f in placement.unplaced] == ["ST05"]
    page = render_html(report)
    assert re.search(rf'data-finding-id="{omission.id}" data-category="structure" data-severity="error" '
                     r'data-lang="en"', page)
    frame = pd.read_csv(io.StringIO(render_csv(report)), comment="#", dtype=str, keep_default_na=False)
    row = frame[frame["id"] == omission.id].iloc[0]
    assert row["target_path"] == "" and row["source_unit"] == "pp.1" and "en version" in row["message"]
    wb = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))
    aligned = list(wb[ALIGNED_SHEET].iter_rows(values_only=True))
    assert omission.id in aligned[1][-1]


def test_html_opens_on_a_summary_whose_counts_link_to_their_filters():
    from lxml import html as lxml_html

    report = make_report()
    dom = lxml_html.fromstring(render_html(report))
    first = dom.xpath("//body/*")
    assert [el.get("id") for el in first[:2]] == [None, "summary"] and first[0].tag == "header"
    by_lang = dict(report.summary()["by_language"])
    cells = {a.get("href"): int(a.text_content()) for a in dom.xpath('//table[@id="by-severity"]//a')}
    assert cells["#lang=en&severity=error"] == 1 and cells["#lang=en&severity=warning"] == 2
    assert cells["#lang=en&severity=error,warning,info"] == by_lang["en"] == 3
    assert cells["#lang=&severity=error,warning,info"] == len(report.findings)
    category = {a.get("href"): int(a.text_content()) for a in dom.xpath('//table[@id="by-category"]//a')}
    assert category["#category=numbers&lang=en"] == 1 and category["#category=punctuation&lang=ar"] == 1
    # every finding once in the list in document order, each linking to its row (or, on a whole document, itself)
    listed = dom.xpath('//div[@id="in-order"]//li')
    assert sorted(li.get("data-ref") for li in listed) == sorted(f.id for f in report.findings)
    links = {li.get("data-ref"): li.xpath("a/@href")[0] for li in listed}
    assert links[report.findings[0].id] == "#row-1" and links[report.findings[3].id] == f"#f-{report.findings[3].id}"
    assert "below 0.5" not in render_html(report)  # no low-confidence row, no legend for one
