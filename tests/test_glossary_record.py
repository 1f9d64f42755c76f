"""The bundled glossaries' TBX is the record; the CSV twin is generated from it.

A terminologist edits the TBX (by hand, with ``glossary merge``, or through a
spreadsheet: ``convert`` to XLSX, edit, ``convert`` back). These tests hold the
pieces of that loop together: the committed CSV is what ``convert`` writes from
the TBX, and TBX -> CSV -> TBX and TBX -> XLSX -> TBX give back the same bytes.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import REPO
from hexaglot.cli import cli
from qa_rules.glossary import read_glossary

GLOSSARIES = ("un-counter-terrorism", "unterm-countries")


def _convert(source, destination):
    result = CliRunner().invoke(cli, ["glossary", "convert", str(source), str(destination)], catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name", GLOSSARIES)
def test_the_committed_csv_twin_is_what_convert_writes_from_the_tbx(name, tmp_path):
    out = tmp_path / f"{name}.csv"
    _convert(REPO / "glossaries" / f"{name}.tbx", out)
    assert out.read_bytes() == (REPO / "glossaries" / f"{name}.csv").read_bytes(), (
        f"glossaries/{name}.csv is not the TBX's twin: run "
        f"hexaglot glossary convert glossaries/{name}.tbx glossaries/{name}.csv")


@pytest.mark.parametrize("table", ["csv", "xlsx"])
@pytest.mark.parametrize("name", GLOSSARIES)
def test_tbx_through_a_table_and_back_is_lossless(name, table, tmp_path):
    record = REPO / "glossaries" / f"{name}.tbx"
    (tmp_path / "back").mkdir()
    _convert(record, tmp_path / f"{name}.{table}")
    _convert(tmp_path / f"{name}.{table}", tmp_path / "back" / f"{name}.tbx")
    assert (tmp_path / "back" / f"{name}.tbx").read_bytes() == record.read_bytes()


def test_the_glossary_description_survives_a_csv(tmp_path):
    source = tmp_path / "g.tbx"
    source.write_text(
        '<martif type="TBX-Basic"><martifHeader><fileDesc><sourceDesc><p>Drafted by us, CC BY 4.0</p>'
        '</sourceDesc></fileDesc></martifHeader><text><body><termEntry id="c1"><langSet xml:lang="en">'
        "<tig><term>treaty</term></tig></langSet></termEntry></body></text></martif>", encoding="utf-8")
    _convert(source, tmp_path / "g.csv")
    assert read_glossary(tmp_path / "g.csv").description == "Drafted by us, CC BY 4.0"


def test_an_edit_made_in_the_spreadsheet_comes_back_into_the_tbx_and_nothing_else_changes(tmp_path):
    from openpyxl import load_workbook

    record = read_glossary(REPO / "glossaries" / "un-counter-terrorism.tbx")
    sheet_path = tmp_path / "un-counter-terrorism.xlsx"
    _convert(REPO / "glossaries" / "un-counter-terrorism.tbx", sheet_path)
    book = load_workbook(sheet_path)
    sheet = book.active
    header = [c.value for c in sheet[1]]
    row = {name: "" for name in header}
    row.update(concept_id="foreign-terrorist-fighter", lang="fr", term="CTE", status="admitted",
               term_type="acronym", term_note="edited in a spreadsheet", term_source="drafted by a terminologist")
    sheet.append([row[name] for name in header])
    book.save(sheet_path)
    _convert(sheet_path, tmp_path / "edited.tbx")

    edited = read_glossary(tmp_path / "edited.tbx")
    assert edited.description == record.description
    before = record.concept("foreign-terrorist-fighter")
    after = edited.concept("foreign-terrorist-fighter")
    added = [t for t in after.terms if t not in before.terms]
    assert [(t.text, t.status, t.match, t.term_type, t.note) for t in added] == [
        ("CTE", "admitted", "exact", "acronym", "edited in a spreadsheet")]
    assert [c for c in edited.concepts if c.id != before.id] == [c for c in record.concepts if c.id != before.id]


def test_the_record_keeps_its_evidence_drafts_statuses_and_patterns():
    glossary = read_glossary(REPO / "glossaries" / "un-counter-terrorism.tbx")
    terms = [t for c in glossary.concepts for t in c.terms]
    sources = [t.source for t in terms]
    assert sum("(verified_terms.tsv)" in s for s in sources) >= 200
    assert sum("(found by the hexaglot team)" in s for s in sources) >= 50
    assert sum(s == "drafted by the hexaglot team, to be verified against UNTERM" for s in sources) >= 100
    assert {t.status for t in terms} == {"preferred", "admitted", "deprecated", "superseded"}
    assert any(t.match == "pattern" for t in terms)
    assert all(c.source.startswith("hexaglot team") for c in glossary.concepts)
