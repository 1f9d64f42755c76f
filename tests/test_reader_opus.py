"""The A/RES/55/100 sample (official text from OPUS): structure in six languages, and conversion reproducible."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import SAMPLES, load_script
from conftest import missing

from aligner.readers import read_document

SET = SAMPLES / "A-RES-55-100"
LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_structure(lang):
    doc = read_document(SET / f"{lang}.md")
    assert doc.lang == lang and doc.warnings == ()
    assert Counter(u.role for u in doc.units) == {"meta": 7, "title": 1, "preambular": 4, "operative": 5}
    assert [u.number for u in doc.by_role("operative")] == [1, 2, 3, 4, 5]
    assert doc.unit("title").text.startswith("55/100")
    assert doc.unit("meta.1").text == "A/RES/55/100"
    assert "OPUS" in next(iter(doc.metadata.values()))


def test_detokenisation_is_conservative():
    fr = read_document(SET / "fr.md")
    assert fr.unit("pp.1").text.startswith("Réaffirmant que tous les droits de l'homme")
    assert fr.unit("op.1").text.endswith("de circuler ;")  # French space before ; kept
    en = read_document(SET / "en.md")
    assert en.unit("pp.4").text == "Recalling its resolution 54/169 of 17 December 1999,"
    assert en.unit("op.5").text.endswith('entitled "Human rights questions".')
    zh = read_document(SET / "zh.md")
    assert zh.unit("pp.4").text == "回顾其1999年12月17日第54/169号决议，"


def test_files_are_what_the_script_produces(shared_data):
    source = shared_data / "opus-un-6way" / "A-RES-55-100.jsonl"
    if not source.is_file():
        missing(f"{source} is absent")
    module = load_script("scripts/convert_opus_un.py", "convert_opus_un")
    import json

    units = sorted((json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()),
                   key=lambda u: int(u["unit_id"]))
    for lang in LANGUAGES:
        assert module.to_markdown(units, lang) == (SET / f"{lang}.md").read_text(encoding="utf-8"), lang
