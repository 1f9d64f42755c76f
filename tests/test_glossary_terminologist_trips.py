"""What a terminologist tripped over: bundled glossaries by name, a folder's notes counted as a
document, a term in the wrong script, proper names conflated by stemming, one glossary with two
hashes."""

from __future__ import annotations

import json

from click.testing import CliRunner

from conftest import REPO, SAMPLE_SET
from hexaglot.cli import cli
from qa_rules.glossary.model import Concept, Glossary, Term, glossary_digest
from qa_rules.glossary.validate import validate, wrong_script


def _run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_a_bundled_glossary_is_named_without_its_path():
    result = _run("glossary", "validate", "un-counter-terrorism", "--format", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["concepts"] == 118 and payload["glossary"] == "un-counter-terrorism"
    found = _run("glossary", "lookup", "Turquie", "--glossary", "unterm-countries", "--no-default-glossaries",
                 "--limit", "1")
    assert found.exit_code == 0 and "Türkiye" in found.output
    assert _run("glossary", "validate", "unterm-countries.tbx", "--dialect", "tbx-basic").exit_code == 0


def test_an_unknown_glossary_name_says_which_names_there_are():
    result = _run("glossary", "validate", "un-terrorism")
    assert result.exit_code == 2
    assert "no such glossary file (the bundled glossaries are named un-counter-terrorism, unterm-countries)" \
        in result.output


def test_stats_leaves_out_a_folder_s_notes(tmp_path):
    """samples/E-RES-2023-26/*.md holds PROVENANCE.md: no document structure, no language in its
    name; counted as English it added its quotations to the English version's terms."""
    versions = [str(SAMPLE_SET / f"{lang}.md") for lang in ("fr", "en", "es", "ru", "zh", "ar")]
    with_notes = _run("glossary", "stats", *versions, str(SAMPLE_SET / "PROVENANCE.md"), "--format", "json")
    alone = _run("glossary", "stats", *versions, "--format", "json")
    assert with_notes.exit_code == 0 and alone.exit_code == 0
    assert "PROVENANCE.md: not a document (no document structure, no language in its name), left out" \
        in with_notes.output
    concepts = lambda output: json.loads(output[output.index("{"):])["concepts"]  # noqa: E731
    assert concepts(with_notes.output) == concepts(alone.output)
    only_notes = _run("glossary", "stats", str(SAMPLE_SET / "PROVENANCE.md"))  # alone, it is what to count
    assert only_notes.exit_code == 0 and "counted line by line" in only_notes.output


def test_a_plain_text_file_whose_name_gives_its_language_is_counted_beside_documents(tmp_path):
    notes = tmp_path / "notes.fr.txt"
    notes.write_text("les combattants terroristes étrangers\n", encoding="utf-8")
    result = _run("glossary", "stats", str(SAMPLE_SET / "en.md"), str(notes), "--format", "json")
    assert result.exit_code == 0
    assert "notes.fr.txt: no document structure, counted line by line" in result.output


def _glossary(*concepts: Concept) -> Glossary:
    return Glossary(name="g", path="", concepts=concepts)


def test_validate_flags_a_term_in_another_script():
    zimbabwe = Concept("zw", (Term("Zimbabwe", "en"), Term("زمبابوي", "ar"), Term("Zimbabwe gold", "ar", "admitted"),
                              Term("INTERPOL", "zh", "admitted"), Term("UNODC", "ru", "admitted", term_type="acronym"),
                              Term("Зимбабве", "ru"), Term("津巴布韦", "zh")))
    problems = [p for p in validate(_glossary(zimbabwe)) if p.kind == "wrong-script"]
    assert [(p.lang, p.level) for p in problems] == [("ar", "warning")]
    assert "«Zimbabwe gold» has no letter of the ar script" in problems[0].message
    assert wrong_script("Зимбабве", "en") and not wrong_script("Zimbabwe", "en")
    assert not wrong_script("2023", "ar")


def test_the_bundled_country_glossary_s_latin_arabic_term_is_flagged():
    result = _run("glossary", "validate", "unterm-countries")
    assert "wrong-script" in result.output and "«Zimbabwe gold»" in result.output


def test_proper_names_are_not_conflated_by_their_stems():
    niger = Concept("niger", (Term("Нигер", "ru", pos="properNoun"),))
    nigeria = Concept("nigeria", (Term("Нигерия", "ru", pos="properNoun"),))
    assert not [p for p in validate(_glossary(niger, nigeria)) if p.kind == "homonym"]
    twice = Concept("niger-2", (Term("Нигер", "ru", pos="properNoun"),))
    assert [p.kind for p in validate(_glossary(niger, twice)) if p.kind == "homonym"] == ["homonym"]
    # common nouns are still compared as the matcher compares them: inflected forms are one term
    law = Concept("law", (Term("законы", "ru"),))
    laws = Concept("laws", (Term("закон", "ru"),))
    assert [p.kind for p in validate(_glossary(law, laws))] == ["homonym"]
    result = _run("glossary", "validate", "unterm-countries")
    assert "«Нигер» is accepted in 2 concepts" not in result.output


def test_the_same_glossary_as_tbx_csv_or_xlsx_has_one_hash(tmp_path):
    signatures = []
    for path in (REPO / "glossaries" / "un-counter-terrorism.tbx", REPO / "glossaries" / "un-counter-terrorism.csv"):
        result = _run("glossary", "validate", str(path), "--format", "json")
        signatures.append(json.loads(result.output)["signature"])
    xlsx = tmp_path / "un-counter-terrorism.xlsx"
    assert _run("glossary", "convert", str(REPO / "glossaries" / "un-counter-terrorism.tbx"), str(xlsx)).exit_code == 0
    signatures.append(json.loads(_run("glossary", "validate", str(xlsx), "--format", "json").output)["signature"])
    assert len(set(signatures)) == 1, signatures


def test_the_hash_follows_the_content():
    concept = Concept("c", (Term("terrorisme", "fr"),))
    assert glossary_digest((concept,)) == glossary_digest((Concept("c", (Term("terrorisme", "fr"),)),))
    assert glossary_digest((concept,)) != glossary_digest((Concept("c", (Term("terrorisme", "fr", "admitted"),)),))
    assert glossary_digest((concept,)) != glossary_digest((concept,), "another description")
