"""The TBX hexaglot writes is TBX-Basic, the TBX that CAT tools (memoQ, Trados MultiTerm) import.

Checked against the dialect's rules (``qa_rules.glossary.tbxbasic``) and against real TBX files
written by terminology tools (``../shared/data/formats/tbx``): the validator accepts their
structure, our reader reads them, and what our writer writes from them has their shape.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import REPO, missing
from hexaglot.cli import cli
from qa_rules.glossary import read_glossary
from qa_rules.glossary.model import Concept, Glossary, Term
from qa_rules.glossary.rejected import Rejection, read_rejected
from qa_rules.glossary.tbx import parse_xml, read_tbx, tbx_bytes
from qa_rules.glossary.tbxbasic import dialect_problems

REAL = {
    "tbx2008_omegat_sampleTBXfile_oracle_en-hu_tig.tbx": "<martif> type is 'TBX'",
    "tbxv3_ltac-test-files_core_structure_good_tbx-core_dca_en-es.tbx": "<tbx> type is 'TBX-Core'",
}
PRIVATE = {'<termNote type="x-matchType">', '<termNote type="x-supersededSince">',
           '<refObjectList type="x-rejectedCandidates">'}
#: what an UNTERM import adds (TBX-Basic allows ``x-`` categories): a term type TBX has no name
#: for, such as the seven country names UNTERM types "suggestion"
UNTERM_PRIVATE = {'<termNote type="x-untermTermType">'}


def _problems(data: bytes):
    return dialect_problems(parse_xml("test.tbx", data))


def _errors(data: bytes):
    return [p for p in _problems(data) if p.level == "error"]


def _private(problems) -> set[str]:
    return {p.message.split(" (", 1)[0] for p in problems if p.kind == "private"}


#: A glossary using every field hexaglot keeps.
FULL = Glossary(name="full", path="full.tbx", description="Drafted by the hexaglot team for a test", concepts=(
    Concept(id="ftf", subject="counter-terrorism", definition="a person who travels to join a terrorist group",
            note="S/RES/2178 (2014)", source="hexaglot team", terms=(
                Term("foreign terrorist fighter", "en", source="evidence: https://www.un.org/cttravel"),
                Term("FTF", "en", pos="properNoun", match="exact", term_type="acronym"),
                Term("in the fight against terrorism", "en", status="admitted", pos="phrase"),
                Term("combattant terroriste étranger", "fr", note="UN usage"),
                Term("combattants? terroristes? étrangers?", "fr", status="admitted", match="pattern"),
            )),
    Concept(id="turkiye", subject="Country names", terms=(
        Term("Türkiye", "en", pos="properNoun", term_type="shortForm"),
        Term("Turkey", "en", status="superseded", pos="properNoun", term_type="shortForm",
             superseded_since="2022-06"),
        Term("Turquie", "fr", status="deprecated", pos="properNoun"),
    )),
))
REJECTED = (Rejection("fr", "ressources suffisantes", "en", "resources", "fragment", "op. 9"),)


def test_what_the_writer_writes_is_tbx_basic_with_only_its_private_term_notes():
    problems = _problems(tbx_bytes(FULL, rejected=REJECTED))
    assert [p for p in problems if p.level == "error"] == []
    assert _private(problems) == PRIVATE


def test_a_phrase_is_written_as_the_dialects_term_type_and_read_back_as_a_phrase(tmp_path):
    path = tmp_path / "full.tbx"
    path.write_bytes(tbx_bytes(FULL, rejected=REJECTED))
    text = path.read_text(encoding="utf-8")
    assert '<termNote type="partOfSpeech">phrase<' not in text
    assert '<termNote type="termType">phrase</termNote>' in text
    back = read_tbx(path, name="full")
    assert back.concepts == FULL.concepts
    assert back.description == FULL.description
    assert read_rejected(str(path)) == REJECTED


@pytest.mark.parametrize("name", ["un-counter-terrorism", "unterm-countries"])
def test_the_bundled_glossaries_are_tbx_basic(name):
    problems = _problems((REPO / "glossaries" / f"{name}.tbx").read_bytes())
    assert [p for p in problems if p.level == "error"] == []
    assert _private(problems) <= PRIVATE | UNTERM_PRIVATE


GOOD = (b'<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>t</p></sourceDesc>'
        b'</fileDesc></martifHeader><text><body><termEntry id="c1">'
        b'<descrip type="subjectField">law</descrip>'
        b'<langSet xml:lang="en"><tig><term>treaty</term>'
        b'<termNote type="partOfSpeech">noun</termNote><note>n</note></tig></langSet>'
        b'</termEntry></body></text></martif>')

#: (what to replace in GOOD, with what, the kind of departure, words of the message)
BROKEN = [
    (b'type="TBX-Basic"', b'type="TBX"', "dialect", "not 'TBX-Basic'"),
    (b">noun<", b">phrase<", "picklist", "partOfSpeech 'phrase'"),
    (b'type="partOfSpeech"', b'type="matchType"', "data-category", "must begin with x-"),
    (b'<langSet xml:lang="en">', b'<langSet xml:lang="en"><descrip type="subjectField">x</descrip>',
     "level", "subjectField\"> may not appear at lang level"),
    (b'<langSet xml:lang="en">', b'<langSet xml:lang="en"><termNote type="termType">variant</termNote>',
     "structure", "<termNote> is not allowed in <langSet>"),
    (b"</langSet>", b'</langSet><note>late</note>', "order", "comes after a <langSet>"),
    (b"<note>n</note></tig>", b"</tig>", None, None),  # control: still valid
    (b"<term>treaty</term><termNote type=\"partOfSpeech\">noun</termNote>",
     b"<termNote type=\"partOfSpeech\">noun</termNote><term>treaty</term>", "structure", "must begin with its <term>"),
    (b"<note>n</note></tig>", b"<note>n</note><termNote type=\"termType\">variant</termNote></tig>",
     "order", "after other information"),
    (b' xml:lang="en"><tig>', b"><tig>", "structure", "has no xml:lang"),
    (b"<tig>", b"<ntig>", "structure", "<ntig> is not allowed"),
    (b' id="c1"', b"", "structure", "has no id"),
    (b"<martifHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></martifHeader>",
     b"<martifHeader/>", "structure", "no <fileDesc>"),
]


@pytest.mark.parametrize("old, new, kind, words", BROKEN)
def test_the_validator_names_each_departure(old, new, kind, words):
    assert _errors(GOOD) == []
    assert old in GOOD
    broken = GOOD.replace(old, new)
    if b"<ntig>" in broken:
        broken = broken.replace(b"</tig>", b"</ntig>")
    errors = _errors(broken)
    if kind is None:
        assert errors == []
        return
    assert {p.kind for p in errors} == {kind}, errors
    assert any(words in p.message for p in errors) and {p.line for p in errors} == {1}, errors


@pytest.fixture
def real(shared_data):
    folder = shared_data / "formats" / "tbx"
    if not folder.is_dir():
        missing(str(folder))
    return folder


@pytest.mark.parametrize("file_name", sorted(REAL))
def test_real_tool_files_keep_every_rule_but_the_dialect_they_declare(real, file_name):
    """The files declare the default TBX dialect and TBX-Core, not TBX-Basic; structure and data
    categories are what TBX-Basic allows, so the validator finds nothing else."""
    errors = _errors((real / file_name).read_bytes())
    assert [(p.kind, REAL[file_name] in p.message) for p in errors] == [("dialect", True)]


def _shape(root) -> set[tuple[str, ...]]:
    """(level path, element, type) of every element below the entries, in TBX 2008 names."""
    rename = {"conceptEntry": "termEntry", "langSec": "langSet", "termSec": "tig"}
    found = set()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        names = [etree.QName(a).localname for a in el.iterancestors()][::-1] + [etree.QName(el).localname]
        names = [rename.get(n, n) for n in names]
        if "termEntry" in names:
            found.add((*names[names.index("termEntry"):], el.get("type") or ""))
    return found


@pytest.mark.parametrize("file_name", sorted(REAL))
def test_what_we_write_from_a_real_file_has_its_shape_and_is_tbx_basic(real, file_name, tmp_path):
    source = real / file_name
    glossary = read_glossary(source)
    assert glossary.term_count >= 2
    written = tbx_bytes(glossary)
    assert _errors(written) == []
    ours = _shape(parse_xml("ours.tbx", written))
    theirs = _shape(parse_xml(str(source), source.read_bytes()))
    # a language section's own information (the TBX v3 file has a note there) stays on it
    assert theirs <= ours, f"written without the real file's structure: {sorted(theirs - ours)}"
    (tmp_path / "back.tbx").write_bytes(written)
    assert read_tbx(tmp_path / "back.tbx").concepts == glossary.concepts


def test_validate_dialect_from_the_command_line(tmp_path):
    bad = tmp_path / "bad.tbx"
    bad.write_bytes(GOOD.replace(b">noun<", b">phrase<"))
    result = CliRunner().invoke(cli, ["glossary", "validate", "--dialect", "tbx-basic", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:1: error: tbx-basic picklist: partOfSpeech 'phrase'" in result.output
    plain = CliRunner().invoke(cli, ["glossary", "validate", str(bad)])
    assert plain.exit_code == 0

    table = tmp_path / "g.csv"
    table.write_text("concept_id,lang,term,pos\nc1,en,in all its forms,phrase\nc1,fr,sous toutes ses formes,phrase\n",
                     encoding="utf-8")
    result = CliRunner().invoke(cli, ["glossary", "validate", "--dialect", "tbx-basic", str(table)])
    assert result.exit_code == 0, result.output
    assert "(in the TBX convert writes)" in result.output and "x-matchType" in result.output
