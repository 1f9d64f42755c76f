"""A merge in one language spans the pivot's rows instead of coarsening them: the English
draft merges pp.15 and pp.16, the Spanish keeps them apart, in every output format and back."""

from __future__ import annotations

import json

import pytest
from lxml import etree

from aligner.align import align_documents
from aligner.align.rows import span_pairs
from aligner.readers import read_document
from aligner.readers.alignment_file import AlignmentMismatch, read_alignment_file
from aligner.writers import render
from qa_rules.engine import build_pairs

from conftest import SAMPLE_SET, SAMPLES


@pytest.fixture(scope="module")
def documents():
    return [read_document(SAMPLE_SET / "fr.md"), read_document(SAMPLES / "drafts" / "en_draft.md"),
            read_document(SAMPLE_SET / "es.md")]


@pytest.fixture(scope="module")
def aligned(documents):
    return align_documents(documents)


def rows_of(alignment, unit: str) -> int:
    return next(n for n, row in enumerate(alignment.rows) if row.cells["fr"].units == (unit,))


def test_the_spanish_keeps_a_row_for_each_paragraph_the_english_merges(aligned):
    n = rows_of(aligned, "pp.15")
    first, second = aligned.rows[n], aligned.rows[n + 1]
    assert first.cells["es"].units == ("pp.15",) and second.cells["es"].units == ("pp.16",)
    assert second.cells["fr"].units == ("pp.16",)
    assert first.cells["en"].units == ("pp.15",) and first.cells["en"].span == 2
    assert second.cells["en"].units == () and second.cells["en"].continues == ("pp.15",)
    # the English bead is still one pair: fr pp.15 + pp.16 against the English pp.15
    assert [(r.cells["fr"].units, r.cells["en"].units) for r in aligned.pair_rows["en"]
            if "pp.15" in r.cells["fr"].units] == [(("pp.15", "pp.16"), ("pp.15",))]


def test_json_marks_the_span_and_its_continuation(aligned):
    data = json.loads(render(aligned, "json"))
    n = rows_of(aligned, "pp.15")
    first, second = data["rows"][n]["cells"], data["rows"][n + 1]["cells"]
    assert first["en"]["span"] == 2 and "span" not in first["es"]
    assert second["en"] == {"units": [], "lines": [], "text": "", "continues": ["pp.15"]}
    assert second["es"]["units"] == ["pp.16"]


def test_tmx_keeps_two_units_and_marks_the_english_span(aligned):
    root = etree.fromstring(render(aligned, "tmx"))
    n = rows_of(aligned, "pp.15")
    first, second = root.find("body")[n], root.find("body")[n + 1]
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert first.find("prop[@type='x-span-en']").text == "2"
    assert second.find("prop[@type='x-continues-en']").text == "pp.15"
    assert [t.get(lang) for t in second.findall("tuv")] == ["fr", "es"]
    assert second.find("prop[@type='x-units-es']").text == "pp.16"


def test_html_spans_the_english_cell_over_two_rows(aligned):
    page = render(aligned, "html")
    n = rows_of(aligned, "pp.15") + 1
    first = page.split(f'id="row-{n}"')[1].split("</tr>")[0]
    second = page.split(f'id="row-{n + 1}"')[1].split("</tr>")[0]
    assert 'class="cell spans" lang="en" data-col="en" rowspan="2"' in first and "(spans 2 rows)" in first
    assert 'lang="en"' not in second and second.count("<td") == 3  # row number, fr, es


def test_xlsx_merges_the_english_text_and_marks_the_units(aligned):
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(render(aligned, "xlsx")))["alignment"]
    head = [c.value for c in sheet[1]]
    n = rows_of(aligned, "pp.15") + 2
    en, en_units = head.index("en") + 1, head.index("en_units") + 1
    assert sheet.cell(n + 1, en_units).value == "^pp.15"
    assert sheet.cell(n + 1, head.index("es_units") + 1).value == "pp.16"
    assert any(str(r) == f"{sheet.cell(n, en).coordinate}:{sheet.cell(n + 1, en).coordinate}"
               for r in sheet.merged_cells.ranges)


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json", "xlsx"])
def test_the_spans_read_back_and_pair_the_merge_whole(tmp_path, documents, aligned, fmt):
    path = tmp_path / f"aligned.{fmt}"
    data = render(aligned, fmt)
    path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data, encoding="utf-8")
    back = read_alignment_file(str(path), documents)
    assert back.rows == aligned.rows
    merged = [r for r in back.pair_rows["en"] if "pp.16" in r.cells["fr"].units]
    assert [(r.cells["fr"].units, r.cells["en"].units) for r in merged] == [(("pp.15", "pp.16"), ("pp.15",))]
    assert [r.cells["es"].units for r in back.pair_rows["es"] if set(r.cells["fr"].units) & {"pp.15", "pp.16"}] \
        == [("pp.15",), ("pp.16",)]
    assert back.pair_rows["en"] == span_pairs(aligned.rows, "fr", "en")


def test_pairwise_qa_sees_the_merge_against_both_pivot_paragraphs(tmp_path, documents, aligned):
    path = tmp_path / "aligned.tsv"
    path.write_text(render(aligned, "tsv"), encoding="utf-8")
    for alignment in (aligned, read_alignment_file(str(path), documents)):
        pairs = [(p.target.lang, tuple(u.id for u in p.source.units), tuple(u.id for u in p.target.units))
                 for p in build_pairs(alignment)]
        assert ("en", ("pp.15", "pp.16"), ("pp.15",)) in pairs
        assert ("es", ("pp.15",), ("pp.15",)) in pairs and ("es", ("pp.16",), ("pp.16",)) in pairs


def test_a_continuation_of_nothing_above_is_refused(tmp_path, documents, aligned):
    text = render(aligned, "tsv").replace("\t^pp.15", "\t^pp.14")
    path = tmp_path / "edited.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AlignmentMismatch) as refused:
        read_alignment_file(str(path), documents)
    assert any("en ^pp.14 continues the cell above, which holds pp.15" in row for row in refused.value.rows)


def test_the_check_report_shows_the_covered_cell_as_a_continuation_not_a_gap(aligned):
    from io import BytesIO

    from openpyxl import load_workbook

    from hexaglot.reports import render as render_report
    from qa_rules.engine import check
    from qa_rules.structure.st01_missing import MissingParagraph

    report = check(aligned, [MissingParagraph])
    page = render_report(report, "html")
    assert page.count("(continues pp.15 above)") == 1
    book = load_workbook(BytesIO(render_report(report, "xlsx")))
    values = [c.value for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert "(continues pp.15)" in values


def test_a_six_language_check_from_the_aligners_own_file_finds_what_the_check_finds(tmp_path):
    # each draft's merges read back as spans: the corrected-alignment path pairs every version as
    # the aligner did (it used to read a row joined by another version's merge as one pair, and
    # lost the Russian and Chinese merges, ST03)
    from click.testing import CliRunner

    from hexaglot.cli import cli

    files = [str(SAMPLE_SET / "fr.md")] + [str(SAMPLES / "drafts" / f"{lang}_draft.md")
                                           for lang in ("en", "es", "ru", "zh", "ar")]
    out = tmp_path / "six.tsv"
    assert CliRunner().invoke(cli, ["align", *files, "-o", str(out)]).exit_code == 0

    def findings(*extra):
        result = CliRunner().invoke(cli, ["check", *files, *extra, "--format", "json", "--no-default-glossaries"])
        assert result.exit_code in (0, 1), result.output
        return sorted((f["rule"], json.dumps(f["source"], sort_keys=True), json.dumps(f["target"], sort_keys=True))
                      for f in json.loads(result.stdout)["findings"])

    direct = findings()
    assert any(rule == "ST03" for rule, _, _ in direct)
    assert findings("--alignment", str(out)) == direct
