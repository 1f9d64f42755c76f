"""A glossary file that cannot be read is named, in the words used for every input file."""

from __future__ import annotations

import pytest

from aligner.errors import InputError
from aligner.fileio import read_bytes, read_text
from qa_rules.glossary.csv import read_csv
from qa_rules.glossary.tbx import read_tbx
from qa_rules.glossary.xlsx import read_xlsx

READERS = {"csv": read_csv, "tbx": read_tbx, "xlsx": read_xlsx}


def _problem(call, path) -> str:
    with pytest.raises(InputError) as caught:
        call(path)
    assert caught.value.path == str(path)
    return caught.value.problem


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_a_missing_glossary_is_named_as_read_text_names_a_missing_file(tmp_path, fmt):
    path = tmp_path / f"absent.{fmt}"
    assert _problem(READERS[fmt], path) == _problem(read_text, path) == "no such file"


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_a_folder_given_as_a_glossary_is_named_as_read_text_names_it(tmp_path, fmt):
    path = tmp_path / f"folder.{fmt}"
    path.mkdir()
    assert _problem(READERS[fmt], path) == _problem(read_text, path) == "is a directory, not a file"


def test_read_bytes_returns_the_bytes_unchanged(tmp_path):
    path = tmp_path / "g.csv"
    path.write_bytes(b"\xef\xbb\xbfen,fr\r\n")
    assert read_bytes(path) == b"\xef\xbb\xbfen,fr\r\n"
