"""Every bad input through the CLI: exit 2, one line on stderr naming the file, no traceback, nothing written."""

from __future__ import annotations

import codecs

import pytest
from click.testing import CliRunner

from hexaglot.cli import cli

FR = "## 2023/26. Titre\n\n*L'Assemblée générale*,\n\n1. *Prie* l'Office de continuer ;\n"


def _bad(tmp_path):
    cases = {}
    cases["missing"] = (str(tmp_path / "absent_fr.md"), [], "no such file")
    (tmp_path / "folder_fr.md").mkdir()
    cases["directory"] = (str(tmp_path / "folder_fr.md"), [], "is a directory")
    (tmp_path / "empty_fr.md").write_bytes(b"")
    cases["empty"] = (str(tmp_path / "empty_fr.md"), [], "is empty")
    (tmp_path / "blank_fr.md").write_bytes(b"  \n\n \n")
    cases["blank"] = (str(tmp_path / "blank_fr.md"), [], "is empty")
    (tmp_path / "binary_fr.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    cases["binary"] = (str(tmp_path / "binary_fr.md"), [], "binary")
    (tmp_path / "latin1_fr.md").write_bytes(FR.encode("latin-1"))
    cases["undecodable"] = (str(tmp_path / "latin1_fr.md"), [], "not UTF-8")
    (tmp_path / "bad16_fr.md").write_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8")
    cases["bad utf-16"] = (str(tmp_path / "bad16_fr.md"), [], "UTF-16")
    (tmp_path / "de.md").write_text("Die Generalversammlung,\n\n1. Beschließt.\n", encoding="utf-8")
    cases["unsupported language"] = (str(tmp_path / "de.md"), [], "not supported for document structure")
    (tmp_path / "fr.md").write_text(FR, encoding="utf-8")
    cases["unknown language code"] = (str(tmp_path / "fr.md"), ["--lang", "qq"], "unknown language code")
    (tmp_path / "prose_fr.md").write_text("# Titre\n\nDu texte sans structure.\n", encoding="utf-8")
    cases["no structure"] = (str(tmp_path / "prose_fr.md"), [], "no recognisable structure")
    (tmp_path / "notes.md").write_text("1. Oui ;\n", encoding="utf-8")
    cases["language unknown"] = (str(tmp_path / "notes.md"), [], "cannot tell the language")
    (tmp_path / "fake_fr.docx").write_text(FR, encoding="utf-8")
    cases["not a docx"] = (str(tmp_path / "fake_fr.docx"), [], "not a .docx")
    (tmp_path / "scan_fr.pdf").write_bytes(b"%PDF-1.4")
    cases["unknown format"] = (str(tmp_path / "scan_fr.pdf"), [], "--input-format")
    return cases


CASES = ["missing", "directory", "empty", "blank", "binary", "undecodable", "bad utf-16", "unsupported language",
         "unknown language code", "no structure", "language unknown", "not a docx", "unknown format"]


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_bad_input_exits_2_with_one_line(tmp_path, case, fmt):
    path, extra, problem = _bad(tmp_path)[case]
    out = tmp_path / "out.json"
    result = CliRunner().invoke(cli, ["segment", path, "--format", fmt, "-o", str(out), *extra])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert path in lines[0] and problem in lines[0]
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert result.stdout == ""
    assert not out.exists()


def test_output_never_overwrites_the_input(tmp_path):
    path = tmp_path / "fr.md"
    path.write_text(FR, encoding="utf-8")
    result = CliRunner().invoke(cli, ["segment", str(path), "-o", str(path)])
    assert result.exit_code == 2
    assert "is one of the input files" in result.stderr
    assert path.read_text(encoding="utf-8") == FR


def test_utf16_with_bom_is_accepted(tmp_path):
    path = tmp_path / "fr.md"
    path.write_bytes(codecs.BOM_UTF16_BE + FR.encode("utf-16-be"))
    result = CliRunner().invoke(cli, ["segment", str(path)])
    assert result.exit_code == 0, result.stderr
    assert "op.1" in result.stdout
