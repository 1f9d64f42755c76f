"""Outputs are written whole or not at all, never over an input, with ordinary permissions."""

from __future__ import annotations

import os
import stat

import pytest

from aligner.errors import InputError
from aligner.fileio import read_text, write_atomic


def test_written_file_has_the_mode_open_would_give(tmp_path):
    umask = os.umask(0o022)
    try:
        out = tmp_path / "report.txt"
        write_atomic(out, "text")
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
    finally:
        os.umask(umask)


def test_an_input_is_never_overwritten(tmp_path):
    source = tmp_path / "fr.md"
    source.write_text("original", encoding="utf-8")
    with pytest.raises(InputError, match="input"):
        write_atomic(source, "report", inputs=[source])
    assert source.read_text(encoding="utf-8") == "original"


def test_missing_folder_is_an_error_and_nothing_is_left_behind(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        write_atomic(tmp_path / "nowhere" / "out.json", "{}")
    assert list(tmp_path.iterdir()) == []


def test_utf16_with_bom_and_utf8_bom_are_read(tmp_path):
    a = tmp_path / "a.txt"
    a.write_bytes("\ufeffRésolution".encode("utf-16-le"))
    b = tmp_path / "b.txt"
    b.write_bytes("\ufeffRésolution".encode("utf-8"))
    assert read_text(a) == read_text(b) == "Résolution"
