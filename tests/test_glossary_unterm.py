"""``hexaglot glossary import-unterm``: UNTERM's SKOS/Turtle export and API JSON records into a glossary."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from aligner.errors import InputError
from hexaglot.cli import cli
from qa_rules.glossary import read_glossary
from qa_rules.glossary.turtle import Literal, parse_turtle
from qa_rules.glossary.unterm import read_unterm

FRANCE = "unterm-956a3881-b5fe-406b-8177-9fe7d9b835af"


def _run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def unterm(shared_data):
    return shared_data / "unterm"


def test_countries_export_becomes_one_concept_per_record_in_the_six_languages(unterm):
    glossary, skipped, twice = read_unterm([str(unterm / "countries.ttl")])
    assert len(glossary.concepts) == 197 and twice == []
    assert set(glossary.languages) == {"ar", "zh", "en", "fr", "es", "ru"}
    assert skipped == {"pt": 196}  # UNTERM's Portuguese sections are counted and left out
    france = glossary.concept(FRANCE)
    assert france.subject == "Country names" and france.source == f"UNTERM record {FRANCE[7:]} (dbName UNHQ, public)"
    fr = {t.text: t for t in france.terms_in("fr")}
    assert fr["France"].term_type == "shortForm" and fr["France"].note == "UNTERM listing form: France (la)"
    assert fr["République française"].term_type == "fullForm" and fr["République française"].pos == "properNoun"
    statuses = {t.status for c in glossary.concepts for t in c.terms}
    assert statuses == {"preferred", "admitted", "deprecated", "superseded"}
    open_terms = [t for c in glossary.concepts for t in c.terms if t.note.startswith("UNTERM status: open")]
    assert open_terms and all(t.status == "admitted" for t in open_terms)
    # an Arabic listing form also gets its running-text order
    assert any(t.note.startswith("running-text order of the UNTERM listing form") for c in glossary.concepts
               for t in c.terms_in("ar"))


def test_json_record_and_turtle_export_give_the_same_terms(unterm):
    from_json, _, _ = read_unterm([str(unterm / "term.json")])
    from_ttl, _, _ = read_unterm([str(unterm / "countries.ttl")])
    (france,) = from_json.concepts
    assert france.id == FRANCE
    assert {(t.lang, t.text, t.status, t.term_type) for t in france.terms} == \
        {(t.lang, t.text, t.status, t.term_type) for t in from_ttl.concept(FRANCE).terms}
    assert france.note.startswith("It is incorrect to refer to the euro by nationality") and "&nbsp;" not in france.note


def test_the_bundled_country_glossary_holds_every_imported_term(unterm):
    """The bundled glossary is generated from the same export (plus former names): the import
    and the generator map UNTERM alike."""
    imported, _, _ = read_unterm([str(unterm / "countries.ttl")])
    bundled = read_glossary("glossaries/unterm-countries.tbx")
    for concept in imported.concepts:
        have = {(t.lang, t.text, t.status, t.term_type, t.note) for t in bundled.concept(concept.id).terms}
        assert {(t.lang, t.text, t.status, t.term_type, t.note) for t in concept.terms} <= have, concept.id


def test_cli_writes_tbx_that_reads_back_and_says_what_it_left_out(unterm, tmp_path):
    out = tmp_path / "unterm.tbx"
    result = _run("glossary", "import-unterm", str(unterm / "countries.ttl"), str(unterm / "term.json"), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert f"{out}: 197 UNTERM records, 2383 terms, languages ar, zh, en, fr, es, ru" in result.output
    assert "196 pt language sections: left out" in result.output
    assert f"record {FRANCE} is given twice; the first one read is kept" in result.output
    glossary = read_glossary(out)
    assert len(glossary.concepts) == 197 and "UNTERM records" in glossary.description
    assert _run("glossary", "validate", str(out)).exit_code == 0


TTL_HEAD = '@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n@prefix ex: <http://example.org/> .\n'


def test_turtle_reader_reads_escapes_lists_and_trailing_semicolons():
    graph = parse_turtle("t.ttl", TTL_HEAD + '# a comment\nex:a a skos:Concept ;\n  skos:prefLabel "caf\\u00e9 \\"x\\""@FR, '
                         '"b"^^ex:t ;\n  ex:n 12, true ;\n.\n<http://example.org/b> ex:p ex:a .\n')
    a = graph["http://example.org/a"]
    assert a["http://www.w3.org/2004/02/skos/core#prefLabel"] == [Literal('café "x"', "fr"), Literal("b")]
    assert a["http://example.org/n"] == [Literal("12"), Literal("true")]
    assert graph["http://example.org/b"]["http://example.org/p"] == ["http://example.org/a"]


@pytest.mark.parametrize("body, line, problem", [
    ("ex:a ex:p [ ex:q ex:r ] .\n", 3, "is Turtle hexaglot does not read"),
    ("ex:a ex:p \"\"\"long\"\"\" .\n", 3, "expected ',' or ';' or '.'"),
    ("ex:a ex:p zz:b .\n", 3, "prefix 'zz:' is not declared"),
    ("ex:a ex:p \"open\n", 3, "is Turtle hexaglot does not read"),
    ("ex:a ex:p \"x\" \n", 4, "ends where ',' or ';' or '.' was expected"),
    ("ex:a ex:p \"\\q\" .\n", 3, "unknown escape '\\q'"),
])
def test_turtle_reader_refuses_what_it_does_not_read_with_the_line(body, line, problem):
    with pytest.raises(InputError) as caught:
        parse_turtle("t.ttl", TTL_HEAD + body)
    assert caught.value.line == line and problem in caught.value.problem


def test_bad_exports_are_one_line_errors_and_write_nothing(tmp_path):
    bad_json = tmp_path / "r.json"
    bad_json.write_text('{"recordID": "x", "english": {"terms": [', encoding="utf-8")
    out = tmp_path / "g.tbx"
    result = _run("glossary", "import-unterm", str(bad_json), "-o", str(out))
    assert result.exit_code == 2 and f"{bad_json}:1: is not valid JSON" in result.output
    not_record = tmp_path / "n.json"
    not_record.write_text(json.dumps([{"id": 1}]), encoding="utf-8")
    result = _run("glossary", "import-unterm", str(not_record), "-o", str(out))
    assert result.exit_code == 2 and "record 1 is not an UNTERM record" in result.output
    empty = tmp_path / "e.ttl"
    empty.write_text(TTL_HEAD, encoding="utf-8")
    result = _run("glossary", "import-unterm", str(empty), "-o", str(out))
    assert result.exit_code == 2 and "has no UNTERM record with a term" in result.output
    result = _run("glossary", "import-unterm", str(tmp_path / "x.xml"), "-o", str(out))
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and not out.exists()


def test_a_skos_record_without_language_sections_takes_its_labels(tmp_path):
    path = tmp_path / "s.ttl"
    path.write_text(TTL_HEAD + 'ex:r a skos:Concept ;\n skos:prefLabel "Geneva"@en, "Genève"@fr, "Genf"@de ;\n'
                    ' skos:altLabel "Geneve"@en .\n', encoding="utf-8")
    glossary, skipped, _ = read_unterm([str(path)])
    (concept,) = glossary.concepts
    assert concept.id == "unterm-r" and skipped == {"de": 1}
    assert [(t.lang, t.text, t.status) for t in concept.terms] == [
        ("en", "Geneva", "preferred"), ("en", "Geneve", "admitted"), ("fr", "Genève", "preferred")]
