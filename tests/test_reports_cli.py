"""``hexaglot check ... -o qa.xlsx|qa.csv``: formats chosen by extension, end to end (on a CAT file: fast)."""

from __future__ import annotations

import openpyxl
import pandas as pd
from click.testing import CliRunner

from hexaglot.cli import cli


def _draft(tmp_path):
    path = tmp_path / "draft.xlf"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"'
        ' xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0">\n'
        '<file source-language="fr-FR" target-language="ar" datatype="plaintext" original="r.docx"><body>\n'
        '<trans-unit id="1"><source>Rappelant sa résolution <g id="1">74/175</g>,</source>\n'
        '<target>وإذ تشير إلى قرارها 74/175،</target>'
        '<sdl:seg-defs><sdl:seg id="1" conf="Draft"/></sdl:seg-defs></trans-unit>\n'
        "</body></file></xliff>\n",
        encoding="utf-8",
    )
    return str(path)


def test_xlsx_and_csv_from_the_extension(tmp_path):
    draft = _draft(tmp_path)
    runner = CliRunner()
    for name in ("qa.xlsx", "qa.csv"):
        result = runner.invoke(cli, ["check", draft, "--no-default-glossaries", "-o", str(tmp_path / name)],
                               catch_exceptions=False)
        assert result.exit_code == 1, result.output  # the lost <g> tag is an error
    frame = pd.read_csv(tmp_path / "qa.csv", comment="#", dtype=str, keep_default_na=False)
    tag = frame[frame["rule"] == "MK09"].iloc[0]
    assert (tag["target_lang"], tag["target_unit"], tag["status"], tag["expected"]) == ("ar", "seg.1", "Draft", "g#1")
    wb = openpyxl.load_workbook(tmp_path / "qa.xlsx")
    findings = list(wb["Findings"].iter_rows(values_only=True))
    assert tag["id"] in [row[0] for row in findings]
    aligned = list(wb["Aligned text"].iter_rows(values_only=True))
    assert aligned[0][:3] == ("row", "fr", "ar") and aligned[1][2] == "وإذ تشير إلى قرارها 74/175،"
    assert "ar: Draft" in aligned[1] and tag["id"] in aligned[1][-1]
    assert wb["Aligned text"].cell(row=2, column=3).alignment.readingOrder == 2
