"""The bundled glossaries' compact index: written from the TBX files by a script, used only for
the very bytes it was written from, and the same glossaries as the TBX files give."""

from __future__ import annotations

import json

from conftest import REPO, load_script

from qa_rules.glossary import DEFAULT_GLOSSARIES, bundled_glossaries, read_bundled_tbx
from qa_rules.glossary.bundled_index import INDEX_FILE, indexed, parse_index

FOLDER = REPO / "glossaries"


def _script():
    return load_script("scripts/compile_glossaries.py", "compile_glossaries")


def test_the_index_is_the_one_the_tbx_files_give():
    """Fails when a bundled TBX file (or the glossary model) changed and the index was not
    written again: run ``python scripts/compile_glossaries.py``."""
    same = (FOLDER / INDEX_FILE).read_text(encoding="utf-8") == _script().expected_index()
    assert same, f"{INDEX_FILE} is stale: run python scripts/compile_glossaries.py"  # no diff of a 1 MB text


def test_glossaries_from_the_index_are_those_of_the_tbx_files():
    from_index = bundled_glossaries()
    from_tbx = tuple(read_bundled_tbx(f, (FOLDER / f).read_bytes()) for f in DEFAULT_GLOSSARIES)
    assert from_index == from_tbx
    assert [g.digest for g in from_index] == [g.digest for g in from_tbx]
    assert [g.signature() for g in from_index] == ["un-counter-terrorism@b4a094944e", "unterm-countries@6ffb99df15"]


def test_a_file_edited_after_the_index_was_written_is_read_from_its_tbx():
    index = parse_index((FOLDER / INDEX_FILE).read_bytes())
    data = (FOLDER / DEFAULT_GLOSSARIES[0]).read_bytes()
    assert indexed(index, DEFAULT_GLOSSARIES[0], data) is not None
    assert indexed(index, DEFAULT_GLOSSARIES[0], data.replace(b"</martif>", b"</martif>\n")) is None
    changed_model = dict(index, term_fields=index["term_fields"][:-1])
    assert indexed(changed_model, DEFAULT_GLOSSARIES[0], data) is None


def test_a_damaged_or_missing_index_is_no_index():
    assert parse_index(None) is None
    assert parse_index(b"{not json") is None
    assert parse_index(json.dumps([1, 2]).encode()) is None


def test_details_come_back_from_the_index_as_they_were():
    """A glossary whose concepts and terms carry details (UNTERM's notes, dates, private fields)
    reads back from the index equal to itself: the details as ``Detail``, not JSON lists."""
    from qa_rules.glossary.bundled_index import index_text
    from qa_rules.glossary.model import Concept, Detail, Glossary, Term

    term = Term("Türkiye", "en", details=(Detail("x-recordStatus", "validated"), Detail("note", "since 2022", "en")))
    concept = Concept("turkiye", (term,), details=(Detail("origination", "2022-06-01"),))
    glossary = Glossary(name="g", path="g.tbx", concepts=(concept,))
    data = b"<martif/>"
    index = parse_index(index_text([("g.tbx", data, glossary)]).encode())
    assert indexed(index, "g.tbx", data) == glossary
