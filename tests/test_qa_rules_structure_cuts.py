"""ST09: a paragraph joined across a blank line right after punctuation is reported as a possible
split; cuts with page furniture, and cuts in mid-clause, are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa_rules.run import CheckOptions, check_files
from tests.conftest import SAMPLES

SET = SAMPLES / "E-RES-2023-26"
OPTIONS = CheckOptions(select=("ST09",), default_glossaries=False, search_dir="/nonexistent")
#: English operative paragraph 1, and the comma after which the tests cut it.
OP1 = "international conventions and protocols related to terrorism, and requests the United Nations Office"


def _st09(target: str) -> list:
    return [f for f in check_files([str(SET / "fr.md"), target], OPTIONS).findings if f.rule == "ST09"]


def _cut_en(tmp_path: Path, gap: str) -> str:
    text = (SET / "en.md").read_text(encoding="utf-8")
    assert OP1 in text
    out = tmp_path / "en.md"
    out.write_text(text.replace(OP1, OP1.replace("terrorism, and", "terrorism," + gap + "and")), encoding="utf-8")
    return str(out)


def test_blank_line_after_a_comma_is_a_possible_split(tmp_path):
    (finding,) = _st09(_cut_en(tmp_path, "\n\n"))
    assert finding.target.unit == "op.1" and finding.target.line == 140
    assert finding.severity == "warning" and finding.category == "structure"
    assert "terrorism," in finding.found and "and requests" in finding.found


def test_page_break_after_a_comma_is_not_reported(tmp_path):
    assert _st09(_cut_en(tmp_path, "\n\n1/8\n\n---\n\nE/RES/2023/26\n\n")) == []


@pytest.mark.parametrize("lang", ["en", "es", "ru", "zh", "ar"])
def test_clean_versions_cut_mid_clause_give_nothing(lang):
    assert _st09(str(SET / f"{lang}.md")) == []


def test_split_operative_paragraph_in_the_spanish_draft():
    (finding,) = _st09(str(SAMPLES / "drafts" / "es_draft.md"))
    assert (finding.target.unit, finding.target.line) == ("op.10", 201)


def test_double_spaced_file_gives_nothing(tmp_path):
    """Every line followed by a blank line: the blank lines are layout, not page breaks or splits."""
    lines = (SET / "en.md").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "en.md"
    path.write_text("\n".join(line + ("\n" if line.strip() else "") for line in lines), encoding="utf-8")
    assert _st09(str(path)) == []

