"""Glossary reading and writing: TBX (both forms), CSV, XLSX, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import missing

from aligner.errors import InputError
from aligner.readers.xmlsafe import ENTITY_PROBLEM
from qa_rules.glossary import bundled_glossaries, load_glossaries, read_glossary, write_glossary
from qa_rules.glossary.csv import read_csv
from qa_rules.glossary.tbx import read_tbx

REPO = Path(__file__).resolve().parent.parent
GLOSSARIES = REPO / "glossaries"


def _content(glossary):
    return [(c.id, c.subject, c.definition, c.note, c.source,
             [(t.lang, t.text, t.status, t.pos, t.match, t.term_type, t.note, t.source) for t in c.terms])
            for c in glossary.concepts]


def test_real_tbx_2008_file_loads(shared_data):
    g = read_glossary(shared_data / "formats/tbx/tbx2008_omegat_sampleTBXfile_oracle_en-hu_tig.tbx")
    assert g.format == "tbx-basic-2008"
    concept = g.concepts[0]
    assert concept.id == "eid-Oracle-67" and concept.subject == "manufacturing"
    assert [t.text for t in concept.terms_in("en")] == ["alpha smoothing factor"]
    assert concept.terms_in("en")[0].term_type == "fullForm"
    assert g.languages == ("en", "hu")


def test_real_tbx_2019_file_loads(shared_data):
    g = read_glossary(shared_data / "formats/tbx/tbxv3_ltac-test-files_core_structure_good_tbx-core_dca_en-es.tbx")
    assert g.format == "tbx-2019"
    assert len(g.concepts) >= 40
    first = g.concept("c1")
    assert [t.text for t in first.terms_in("en")] == ["open cluster", "galactic cluster"]
    assert [t.text for t in first.terms_in("es")] == ["cúmulo abierto"]


@pytest.mark.parametrize("name", ["un-counter-terrorism", "unterm-countries"])
def test_tbx_and_csv_twins_agree(name):
    tbx = GLOSSARIES / f"{name}.tbx"
    if not tbx.exists():
        missing(f"{tbx} is absent")
    assert _content(read_tbx(tbx)) == _content(read_csv(GLOSSARIES / f"{name}.csv"))


def test_bundled_glossaries_load_through_package_data():
    names = [g.name for g in bundled_glossaries()]
    assert "un-counter-terrorism" in names
    assert all(g.bundled for g in bundled_glossaries())
    assert load_glossaries([], include_default=False) == ()


def test_counter_terrorism_glossary_is_complete():
    g = read_tbx(GLOSSARIES / "un-counter-terrorism.tbx")
    assert len(g.concepts) >= 80
    for concept in g.concepts:
        for lang in ("ar", "zh", "en", "fr", "ru", "es"):
            assert concept.preferred(lang), f"{concept.id} has no preferred {lang} term"
        assert concept.source
        assert all(t.source for t in concept.terms)
    ftf = g.concept("foreign-terrorist-fighter")
    assert {t.text: t.status for t in ftf.terms_in("zh")} == {
        "外国恐怖主义作战人员": "preferred", "外国恐怖主义战斗人员": "superseded"}
    unodc = g.concept("unodc")
    statuses = {t.text: t.status for t in unodc.terms}
    assert statuses["Office for Drug Control and Crime Prevention"] == "superseded"
    assert statuses["Oficina de las Naciones Unidas contra las Drogas y el Crimen"] == "deprecated"
    assert "un.org" in ftf.terms_in("fr")[0].source
    drafted = [t for c in g.concepts for t in c.terms if t.source.startswith("drafted by the hexaglot team")]
    assert drafted, "entries without evidence must say they are drafted"


@pytest.mark.parametrize("fmt", ["tbx", "csv", "xlsx"])
def test_round_trip_each_format(tmp_path, fmt):
    original = read_tbx(GLOSSARIES / "un-counter-terrorism.tbx")
    out = tmp_path / f"copy.{fmt}"
    write_glossary(original, out)
    assert _content(read_glossary(out)) == _content(original)


def test_wide_csv_from_a_spreadsheet(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("id,en,fr\nftf,foreign terrorist fighter,combattant terroriste étranger | combattant étranger\n",
                    encoding="utf-8")
    g = read_glossary(path)
    terms = g.concept("ftf").terms_in("fr")
    assert [(t.text, t.status) for t in terms] == [
        ("combattant terroriste étranger", "preferred"), ("combattant étranger", "admitted")]


# -- bad input: a clear error naming the file and the line -------------------------------


def _error(path) -> InputError:
    with pytest.raises(InputError) as info:
        read_glossary(path)
    return info.value


def test_malformed_xml_names_file_and_line(tmp_path):
    path = tmp_path / "bad.tbx"
    path.write_text("<martif>\n<text>\n<body>\n<termEntry>\n</body>\n</martif>\n", encoding="utf-8")
    err = _error(path)
    assert err.path == str(path) and err.line == 5
    assert "well-formed" in err.problem


def test_entity_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.tbx"
    lols = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">\n' for i in range(1, 10))
    path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE martif [\n<!ENTITY lol0 "lol">\n{lols}]>\n'
                    "<martif><text><body><termEntry><langSet xml:lang=\"en\"><tig><term>&lol9;</term></tig>"
                    "</langSet></termEntry></body></text></martif>\n", encoding="utf-8")
    err = _error(path)
    assert err.path == str(path) and err.line == 3  # the first <!ENTITY, not libxml2's line 1
    assert err.problem == ENTITY_PROBLEM  # not "not well-formed XML (Maximum entity amplification...)"


@pytest.mark.parametrize("subset, line", [
    ('<!ENTITY small "x">', 2),  # harmless-looking, still refused: a bomb is the same shape
    ('\n\n<!ENTITY % p "x">', 4),  # a parameter entity
    ('<!ENTITY ext SYSTEM "file:///etc/passwd">', 2),  # an external entity
])
def test_any_internal_entity_declaration_gets_the_same_message_and_its_line(tmp_path, subset, line):
    path = tmp_path / "e.tbx"
    path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE martif [{subset}]>\n<martif><text><body><termEntry>'
                    '<langSet xml:lang="en"><tig><term>x</term></tig></langSet></termEntry></body></text></martif>\n',
                    encoding="utf-8")
    err = _error(path)
    assert (err.problem, err.line) == (ENTITY_PROBLEM, line)


def test_a_utf16_glossary_declaring_entities_is_refused_at_its_line(tmp_path):
    path = tmp_path / "e16.tbx"
    path.write_bytes(('<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE martif [\n<!ENTITY a "b">]>\n'
                      '<martif/>\n').encode("utf-16"))
    err = _error(path)
    assert (err.problem, err.line) == (ENTITY_PROBLEM, 3)


def test_unknown_language_code_in_tbx(tmp_path):
    path = tmp_path / "lang.tbx"
    path.write_text('<martif><text><body>\n<termEntry id="a">\n<langSet xml:lang="english">'
                    "<tig><term>x</term></tig></langSet></termEntry></body></text></martif>", encoding="utf-8")
    err = _error(path)
    assert err.line == 3 and "english" in err.problem


def test_csv_missing_columns(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("concept_id,term\nftf,foreign terrorist fighter\n", encoding="utf-8")
    err = _error(path)
    assert err.line == 1 and "lang" in err.problem


def test_csv_unknown_language_code_names_the_line(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("concept_id,lang,term\nftf,en,foreign terrorist fighter\nftf,xx,combattant\n", encoding="utf-8")
    err = _error(path)
    assert err.line == 3 and "'xx'" in err.problem


def test_wide_csv_unknown_language_header(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("en,francais\nterm,terme\n", encoding="utf-8")
    err = _error(path)
    assert err.line == 1 and "francais" in err.problem


def test_xlsx_unknown_status_names_the_row(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["concept_id", "lang", "term", "status"])
    sheet.append(["a", "en", "foreign terrorist fighter", "preferred"])
    sheet.append(["a", "fr", "combattant", "obsolete"])
    path = tmp_path / "g.xlsx"
    book.save(path)
    err = _error(path)
    assert err.line == 3 and "obsolete" in err.problem


def test_unknown_extension(tmp_path):
    path = tmp_path / "g.txt"
    path.write_text("x", encoding="utf-8")
    assert "format" in _error(path).problem


def test_reading_a_tbx_never_joins_the_text_of_whole_entries_or_term_groups(monkeypatch):
    """Loading the bundled glossaries cost 0.32 s, most of it joining the text of every langSet
    and tig (then thrown away) while looking for notes; only field elements are read now."""
    from qa_rules.glossary import tbx

    read = []
    real = tbx._text
    monkeypatch.setattr(tbx, "_text", lambda el: read.append(tbx._local(el)) or real(el))
    glossary = bundled_glossaries()[0]
    assert glossary.term_count > 500
    assert not {"tig", "langSet", "termEntry", "termSec", "langSec", "conceptEntry"} & set(read)
