"""``hexaglot align`` end to end, and its bad inputs (exit 2, one line, nothing written)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from hexaglot.cli import cli

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "E-RES-2023-26"


def run(*args: str):
    return CliRunner().invoke(cli, ["align", *args])


@pytest.fixture
def fr_en(tmp_path):
    for lang in ("fr", "en", "ar"):
        shutil.copy(SAMPLES / f"{lang}.md", tmp_path / f"{lang}.md")
    return tmp_path


def test_json_to_stdout_by_default(fr_en):
    result = run(str(fr_en / "fr.md"), str(fr_en / "en.md"))
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["languages"] == ["fr", "en"] and doc["pivot"] == "fr" and doc["level"] == "paragraph"
    assert doc["rows"][0]["cells"]["en"]["units"] == ["meta.1"]


def test_output_format_from_extension(fr_en):
    out = fr_en / "aligned.tmx"
    result = run(str(fr_en / "fr.md"), str(fr_en / "en.md"), str(fr_en / "ar.md"), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"<?xml") and b'srclang="fr"' in out.read_bytes()


def test_sentence_level_html(fr_en):
    out = fr_en / "side.html"
    result = run(str(fr_en / "fr.md"), str(fr_en / "ar.md"), "--level", "sentence", "-o", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert 'dir="rtl"' in page and "op.9.s1" in page


def test_lines_mode_tsv_on_textberg(shared_data):
    data = shared_data / "textberg-dev"
    result = run("--input-format", "lines", "--level", "sentence", str(data / "dev.de"), str(data / "dev.fr"),
                 "--format", "tsv")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == ["row", "score", "de", "de_units", "fr", "fr_units"]
    assert lines[1].split("\t")[3] == "seg.1" and "| level=sentence | pivot=de | langs=de,fr" in lines[-1]


def bad(result, *words: str) -> None:
    assert result.exit_code == 2, result.output
    err = result.stderr.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("hexaglot: error:"), result.stderr
    assert "Traceback" not in result.output
    for word in words:
        assert word in err[0]


def test_single_file(fr_en):
    bad(run(str(fr_en / "fr.md")), "at least two files")


def test_two_files_of_the_same_language(fr_en):
    shutil.copy(fr_en / "fr.md", fr_en / "projet_fr.md")
    out = fr_en / "out.json"
    bad(run(str(fr_en / "fr.md"), str(fr_en / "projet_fr.md"), "-o", str(out)), "same language")
    assert not out.exists()


def test_unwritable_output_path(fr_en):
    out = fr_en / "missing" / "out.tmx"
    bad(run(str(fr_en / "fr.md"), str(fr_en / "en.md"), "-o", str(out)), "does not exist")
    assert not out.parent.exists()


def test_output_over_an_input_is_refused(fr_en):
    before = (fr_en / "en.md").read_bytes()
    bad(run(str(fr_en / "fr.md"), str(fr_en / "en.md"), "--format", "json", "-o", str(fr_en / "en.md")),
        "input files")
    assert (fr_en / "en.md").read_bytes() == before


def test_mismatched_argument_counts(fr_en):
    files = [str(fr_en / "fr.md"), str(fr_en / "en.md"), str(fr_en / "ar.md")]
    bad(run(*files, "--lang", "fr", "--lang", "en"), "--lang", "3 files")
    bad(run(*files, "--input-format", "md", "--input-format", "md"), "--input-format")


def test_unknown_output_extension_and_binary_to_stdout(fr_en):
    bad(run(str(fr_en / "fr.md"), str(fr_en / "en.md"), "-o", str(fr_en / "out.doc")), "output format")
    bad(run(str(fr_en / "fr.md"), str(fr_en / "en.md"), "--format", "xlsx"), "-o")
    assert sorted(p.name for p in fr_en.iterdir()) == ["ar.md", "en.md", "fr.md"]


def test_missing_input_names_the_file(fr_en):
    bad(run(str(fr_en / "fr.md"), str(fr_en / "nope.md")), "nope.md")
