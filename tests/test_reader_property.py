"""Arbitrary text and bytes never crash a reader: a Document or an InputError, nothing else."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aligner.errors import InputError
from aligner.model import Document
from aligner.readers import read_document

FRAGMENTS = [
    "## 2023/26. Titre", "# Résolution", "*L'Assemblée générale*,", "*大会*，", "إن الجمعية العامة،", "The General Assembly,",
    "1. *Prie* l'Office", "12．*请*", "3 - *تطلب*", "*Rappelant* sa résolution", "de travail", "<sup>1</sup>",
    "<sup>e</sup>", "<sup>", "</sup>", "[74/175](#)", "[", "](", "*", "**", "\\*", "---", "E/RES/2023/26", "3/8",
    "<!-- a: b", "-->", "43<sup>e</sup> séance plénière", "25 juillet 2023", ";", "，", "。", "؛", " ", "\n", "\n\n",
    "\t", "\u00a0", "\ufeff", "\x0c", "é", "Я", "字", "ع",
]

_SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(data: bytes, name: str, **options) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            document = read_document(path, **options)
        except InputError as error:
            assert str(path) in str(error)
            return
    assert isinstance(document, Document)
    ids = [u.id for u in document.units]
    assert len(ids) == len(set(ids))
    for unit in document.units:
        assert 1 <= unit.lines[0] <= unit.lines[1]
        for span in unit.italic:
            assert 0 <= span.start < span.end <= len(unit.text)
        for ref in unit.footnotes:
            assert 0 <= ref.offset <= len(unit.text)
        for sentence in unit.sentences:
            assert unit.text[sentence.start:sentence.end] == sentence.text


@_SETTINGS
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40), st.sampled_from(["fr.md", "zh.md", "ar.md", "en.txt"]))
def test_markup_soup_never_crashes(parts, name):
    _read("".join(parts).encode("utf-8"), name)


@_SETTINGS
@given(st.text(max_size=300), st.sampled_from(["fr.md", "ru.txt", "dev.de", "notes.md"]))
def test_arbitrary_text_never_crashes(text, name):
    _read(text.encode("utf-8", "surrogatepass"), name)


@_SETTINGS
@given(st.binary(max_size=300), st.sampled_from(["fr.md", "es.txt", "dev.fr", "fr.docx"]))
def test_arbitrary_bytes_never_crash(data, name):
    _read(data, name)


@_SETTINGS
@given(st.text(max_size=200))
def test_arbitrary_text_in_lines_mode(text):
    _read(text.encode("utf-8", "surrogatepass"), "segments.txt", lang="de", input_format="lines")
