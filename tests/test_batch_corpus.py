"""Corpus layouts (aligner.corpus): what ``hexaglot batch`` sees as documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from aligner.corpus import detect_layout, iter_corpus
from aligner.errors import InputError

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="fr" datatype="plaintext" segtype="sentence" adminlang="en"
 creationtool="test" creationtoolversion="1" o-tmf="test"/><body>
<tu><tuv xml:lang="fr"><seg>Prie l'Office de faire rapport.</seg></tuv>
<tuv xml:lang="en"><seg>Requests the Office to report.</seg></tuv></tu>
</body></tmx>
"""


def write(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_folders_layout_one_folder_per_document_source_first(tmp_path):
    for lang in ("en", "fr", "es"):
        write(tmp_path / "2023" / "B-doc" / f"{lang}.md")
        write(tmp_path / "A-doc" / f"{lang}.md")
    write(tmp_path / "A-doc" / "PROVENANCE.md")  # not a language version
    assert detect_layout(tmp_path) == "folders"
    docs = list(iter_corpus(tmp_path, source="fr"))
    assert [d.name for d in docs] == ["2023/B-doc", "A-doc"]  # name order (os.walk order sorted)
    assert docs[1].languages == ("fr", "en", "es")
    assert docs[1].paths[0] == str(tmp_path / "A-doc" / "fr.md")
    assert all(d.problem is None for d in docs)


def test_folders_layout_lists_documents_that_cannot_be_checked(tmp_path):
    write(tmp_path / "no-source" / "en.md")
    write(tmp_path / "no-source" / "es.md")
    write(tmp_path / "alone" / "fr.md")
    write(tmp_path / "twice" / "fr.md")
    write(tmp_path / "twice" / "en.md")
    write(tmp_path / "twice" / "en_draft.md")
    write(tmp_path / "short" / "fr.md")
    write(tmp_path / "short" / "en.md")
    problems = {d.name: d.problem for d in iter_corpus(tmp_path, source="fr", languages=("en", "es"))}
    assert problems["no-source"].startswith("has no fr (source) version")
    assert "nothing to check it against" in problems["alone"]
    assert problems["twice"].startswith("has 2 files in en")
    assert problems["short"] == "has no es version"


def test_un_parallel_corpus_layout_pairs_the_same_path_in_each_language(tmp_path):
    for lang in ("en", "fr", "ru"):
        write(tmp_path / lang / "2000" / "a_res_55_100.txt")
    write(tmp_path / "en" / "2001" / "only_english.txt")
    write(tmp_path / "fr" / "2001" / "a_res_56_1.txt")
    write(tmp_path / "en" / "2001" / "a_res_56_1.txt")
    assert detect_layout(tmp_path) == "un"
    docs = list(iter_corpus(tmp_path, source="fr"))
    assert [(d.name, d.languages) for d in docs] == [
        ("2000/a_res_55_100", ("fr", "en", "ru")),
        ("2001/a_res_56_1", ("fr", "en")),
        ("2001/only_english", ("en",)),
    ]
    assert docs[0].paths == tuple(str(tmp_path / lang / "2000" / "a_res_55_100.txt") for lang in ("fr", "en", "ru"))
    assert [d.problem is None for d in docs] == [True, True, False]
    with pytest.raises(InputError, match="has no zh/ folder"):
        list(iter_corpus(tmp_path, source="zh"))


def test_cat_layout_one_bilingual_file_per_document(tmp_path):
    write(tmp_path / "b.tmx", TMX)
    write(tmp_path / "sub" / "a.xlf", "<xliff/>")
    write(tmp_path / "notes.txt", "not a CAT file")
    assert detect_layout(tmp_path) == "cat"
    docs = list(iter_corpus(tmp_path))
    assert [(d.name, d.bilingual) for d in docs] == [("b.tmx", True), ("sub/a.xlf", True)]


def test_layout_can_be_named_and_a_missing_folder_is_an_input_error(tmp_path):
    write(tmp_path / "doc" / "fr.md")
    write(tmp_path / "doc" / "en.md")
    write(tmp_path / "x.tmx", TMX)
    assert detect_layout(tmp_path) == "folders"
    assert [d.name for d in iter_corpus(tmp_path, layout="cat")] == ["x.tmx"]
    with pytest.raises(InputError, match="no such folder"):
        list(iter_corpus(tmp_path / "absent"))
    with pytest.raises(InputError, match="unknown corpus layout"):
        list(iter_corpus(tmp_path, layout="zip"))


def test_iter_corpus_is_a_generator_that_reads_nothing(tmp_path):
    write(tmp_path / "doc" / "fr.md", "")  # empty: reading it would fail; listing does not
    write(tmp_path / "doc" / "en.md", "")
    documents = iter_corpus(tmp_path, source="fr")
    assert iter(documents) is documents
    assert next(documents).languages == ("fr", "en")
