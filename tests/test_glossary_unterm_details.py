"""UNTERM's fields beyond the terms (each language's notes and definitions, special fields, record
status, validation, dates, references, term types) are imported on the real exports and carried
through TBX, CSV and XLSX without loss."""

from __future__ import annotations

import html
import json
import re

import pytest
from click.testing import CliRunner

from aligner.errors import InputError
from hexaglot.cli import cli
from qa_rules.glossary import read_glossary, write_glossary
from qa_rules.glossary.model import Detail, glossary_digest
from qa_rules.glossary.tbx import parse_xml, read_tbx, tbx_bytes
from qa_rules.glossary.tbxbasic import dialect_problems
from qa_rules.glossary.turtle import parse_turtle
from qa_rules.glossary.unterm import SKOS, read_unterm

FRANCE = "unterm-956a3881-b5fe-406b-8177-9fe7d9b835af"
AFGHANISTAN = "unterm-86bdf4b5-f25f-4f2b-92ea-5304f9e015ea"


@pytest.fixture
def unterm(shared_data):
    return shared_data / "unterm"


def _details(concept, lang: str | None = None) -> dict[str, str]:
    return {d.category: d.value for d in concept.details if lang is None or d.lang == lang}


def test_every_language_keeps_its_note_and_definition_from_the_turtle_export(unterm):
    """The English note was the concept's and the others were dropped: 184 records have notes,
    in several languages each."""
    glossary, _, _ = read_unterm([str(unterm / "countries.ttl")])
    graph = parse_turtle("countries.ttl", (unterm / "countries.ttl").read_text(encoding="utf-8"))
    tagged = [v for props in graph.values() for p in (SKOS + "note", SKOS + "definition") for v in props.get(p, [])
              if v.lang in ("ar", "zh", "fr", "es", "ru")
              and html.unescape(re.sub(r"<[^>]+>", "", v.value)).strip()]  # a bare "<br>" says nothing
    kept = sum(1 for c in glossary.concepts for d in c.details if d.category in ("note", "definition") and d.lang)
    assert len(tagged) == kept == 459  # every one not in English (the English one is the concept's)
    afghanistan = glossary.concept(AFGHANISTAN)
    assert afghanistan.note.startswith("(1) The formal name was adopted in November 2004")
    assert _details(afghanistan, "fr")["note"].startswith("Le nom \"République islamique d'Afghanistan\" a remplacé")
    own = _details(afghanistan, "")
    assert own["x-recordStatus"] == "complete" and own["x-recordType"] == "country" and own["x-space"] == "official"
    assert own["origination"] == "2015-05-20T11:59:33.343Z" and own["modification"] == "2023-09-13T16:02:25.723Z"
    assert _details(afghanistan, "ru")["x-validationStatus"] == "validated"
    assert not any("desalegn" in d.value for c in glossary.concepts for d in c.details)  # people's names: not kept


def test_the_json_record_keeps_its_special_fields_per_language(unterm):
    glossary, _, _ = read_unterm([str(unterm / "term.json")])
    (france,) = glossary.concepts
    assert _details(france, "fr")["x-adjective"] == "français"
    assert _details(france, "fr")["note"].startswith("La désignation usuelle de la subdivision de l'euro")
    assert _details(france, "en")["x-isoCountryAlpha3Code"] == "FRA"
    assert _details(france, "es")["x-capitalCity"] == "París"
    assert _details(france, "zh")["definition"].startswith("全国分为大区、省和市镇")
    assert _details(france, "")["x-recordStatus"] == "Complete"
    record = json.loads((unterm / "term.json").read_text(encoding="utf-8"))
    assert len([d for d in france.details if d.category.startswith("x-") and d.category not in (
        "x-validationStatus", "x-recordType", "x-recordStatus", "x-space")]) == len(
        [f for f in record["specialFields"] if f["value"]]) == 54  # the other 10 are empty
    term = next(t for t in france.terms_in("en") if t.text == "France")
    assert ("origination", "2015-05-20T11:59:58.243") in {(d.category, d.value) for d in term.details}


def test_term_types_phrases_and_references(unterm, tmp_path):
    record = json.loads((unterm / "term.json").read_text(encoding="utf-8"))
    terms = record["english"]["terms"]
    terms[0] = {**terms[0], "termType": "phraseology", "references": ["A/RES/55/100"]}
    terms[1] = {**terms[1], "termType": "common name"}
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    (france,) = read_unterm([str(path)])[0].concepts
    phrase, other = france.terms_in("en")
    assert phrase.pos == "phrase" and phrase.term_type == ""
    assert Detail("x-reference", "A/RES/55/100") in phrase.details
    assert other.term_type == "variant" and Detail("x-untermTermType", "common name") in other.details


def test_the_details_go_through_tbx_csv_and_xlsx_without_loss(unterm, tmp_path):
    glossary, _, _ = read_unterm([str(unterm / "countries.ttl"), str(unterm / "term.json")])
    json_only, _, _ = read_unterm([str(unterm / "term.json")])
    for number, source in enumerate((glossary, json_only)):
        tbx = tmp_path / f"a{number}.tbx"
        tbx.write_bytes(tbx_bytes(source))
        problems = dialect_problems(parse_xml(str(tbx), tbx.read_bytes()))
        assert [p for p in problems if p.level == "error"] == []  # TBX-Basic; the x- ones are warnings
        back = read_tbx(tbx)
        assert back.concepts == source.concepts
        for name in (f"b{number}.csv", f"c{number}.xlsx"):
            write_glossary(back, tmp_path / name)
            again = read_glossary(tmp_path / name)
            assert again.concepts == source.concepts, name
            (tmp_path / f"{name}.tbx").write_bytes(tbx_bytes(again))
            assert read_tbx(tmp_path / f"{name}.tbx").concepts == source.concepts
    written = tbx_bytes(json_only).decode("utf-8")
    assert re.search(r'<langSet xml:lang="fr">\s*<note>La désignation usuelle', written)
    assert '<descrip type="x-adjective">français</descrip>' in written
    assert '<transac type="transactionType">origination</transac>' in written


def test_a_glossary_without_details_keeps_its_digest():
    """Report signatures name glossaries by the digest of their content: adding the details to the
    model must not change the digest of the glossaries that have none."""
    bundled = read_glossary("un-counter-terrorism")
    assert bundled.digest == glossary_digest(bundled.concepts, bundled.description)
    assert not any(c.details or any(t.details for t in c.terms) for c in bundled.concepts)
    assert bundled.digest == "b4a094944e"  # the digest docs/terminology.md gives


@pytest.mark.parametrize("cell, problem", [
    ("colour: blue", "column lang_details: unknown detail 'colour'"),
    ("note without a colon", "is not 'category: value'"),
    ("context: in a sentence", "detail 'context' cannot be given for a language"),
    ("origination: yesterday", "origination date 'yesterday' is not a date"),
])
def test_a_bad_details_cell_is_one_line_naming_the_file_and_line(tmp_path, cell, problem):
    path = tmp_path / "g.csv"
    path.write_text('concept_id,lang,term,lang_details\nc1,en,term one,\nc1,fr,terme un,"' + cell + '"\n',
                    encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_glossary(path)
    assert f"{path}:3" in str(caught.value) and problem in str(caught.value)
    out = tmp_path / "out.tbx"
    result = CliRunner().invoke(cli, ["glossary", "convert", str(path), str(out)])
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1 and not out.exists()
