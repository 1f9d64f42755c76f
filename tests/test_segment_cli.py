"""``hexaglot segment`` (text and JSON) and ``hexaglot demo`` on the bundled samples."""

from __future__ import annotations

import json
from dataclasses import replace

from click.testing import CliRunner
from conftest import SAMPLE_SET

from hexaglot import __version__
from hexaglot.cli import cli
from hexaglot.commands import demo as demo_module


def _run(*args):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_segment_text_listing():
    out = _run("segment", str(SAMPLE_SET / "fr.md"))
    lines = out.splitlines()
    assert lines[0].startswith(f"{SAMPLE_SET / 'fr.md'}  lang=fr  format=md")
    assert any(line.startswith("pp.12 ") and "55-71" in line and "joined at 71 (page)" in line for line in lines)
    assert any(line.startswith("op.20 ") and "139-141" in line and "joined at 141 (blank)" in line for line in lines)
    assert any(line.startswith("pp.6 ") and "[fn 1,2]" in line for line in lines)
    assert sum("joined at" in line for line in lines) == 7  # the seven cuts of the official French
    assert "preambular: 20  operative: 36  footnote: 11" in out
    assert "warnings: none" in out
    assert lines[-1] == f"hexaglot {__version__} | segment | lang=fr | format=md"


def test_segment_json_interface():
    data = json.loads(_run("segment", str(SAMPLE_SET / "zh.md"), "--format", "json"))
    assert set(data) == {"path", "lang", "input_format", "units", "warnings", "signature"}
    assert data["lang"] == "zh" and data["warnings"] == []
    assert data["signature"] == f"hexaglot {__version__} | segment | lang=zh | format=md"
    op9 = next(u for u in data["units"] if u["id"] == "op.9")
    assert set(op9) == {"id", "role", "number", "text", "lines", "sentences", "footnotes", "italic", "cuts"}
    op1 = next(u for u in data["units"] if u["id"] == "op.1")
    (cut,) = op1["cuts"]
    assert cut["kind"] == "page" and cut["line"] == 89 and op1["text"][cut["offset"]:].startswith("这些国际法律文书")
    assert op1["text"][:cut["offset"]].endswith("协助其加入")
    assert op9["role"] == "operative" and op9["number"] == 9
    assert isinstance(op9["lines"], list) and len(op9["lines"]) == 2
    assert op9["sentences"][0]["text"] == op9["text"]
    assert op9["italic"][0]["start"] == 0
    roles = {u["role"] for u in data["units"]}
    assert roles == {"meta", "title", "preambular", "operative", "footnote", "closing"}
    cited = [f for u in data["units"] for f in u["footnotes"]]
    assert sorted(f["number"] for f in cited) == list(range(1, 12))
    assert all(set(f) == {"number", "offset", "line"} for f in cited)


def test_segment_json_to_a_file(tmp_path):
    out = tmp_path / "fr.json"
    _run("segment", str(SAMPLE_SET / "fr.md"), "--format", "json", "-o", str(out))
    assert json.loads(out.read_text(encoding="utf-8"))["units"][0]["id"] == "meta.1"


def test_segment_lines_mode_with_lang(tmp_path):
    path = tmp_path / "segments.txt"
    path.write_text("Erster Satz.\nZweiter Satz.\n", encoding="utf-8")
    out = _run("segment", str(path), "--input-format", "lines", "--lang", "de")
    assert "seg.2" in out and "lang=de" in out


def _structure_steps_only(monkeypatch):
    """Later steps (alignment, QA, reports) have their own tests; keep these fast."""
    monkeypatch.setattr(demo_module, "STEPS", [demo_module.read_versions, demo_module.structure_table])


def test_demo_shows_six_versions_side_by_side(monkeypatch):
    _structure_steps_only(monkeypatch)
    out = _run("demo")
    assert "Read E-RES-2023-26: 6 versions (fr, ar, zh, en, ru, es)" in out
    for lang in ("fr", "ar", "zh", "en", "ru", "es"):
        assert f"│ {lang} " in out
    assert out.count("│         20 │        36 │        11 │") == 6
    assert "≠" not in out.split("flagged ≠)", 1)[1]
    assert out.strip().splitlines()[-1].startswith(f"hexaglot {__version__} | demo | set=E-RES-2023-26")


def test_demo_flags_a_count_that_differs(monkeypatch):
    original = demo_module.read_sample

    def fewer_operatives(set_name, lang, stack=None):
        document = original(set_name, lang, stack)
        if lang == "ru":
            document = replace(document, units=tuple(u for u in document.units if u.id != "op.7"))
        return document

    monkeypatch.setattr(demo_module, "read_sample", fewer_operatives)
    _structure_steps_only(monkeypatch)
    out = _run("demo")
    assert "35 ≠" in out
    assert "ru: 35 operative, fr has 36" in out


def test_demo_steps_are_a_list_later_issues_extend():
    assert demo_module.STEPS[:2] == [demo_module.read_versions, demo_module.structure_table]
