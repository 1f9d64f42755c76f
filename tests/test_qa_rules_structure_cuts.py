"""ST09: a paragraph joined across a blank line right after punctuation is reported as a possible
split; cuts with page furniture, and cuts in mid-clause, are not."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from aligner.readers import read_document
from qa_rules.run import CheckOptions, check_files
from tests.conftest import SAMPLES

SET = SAMPLES / "E-RES-2023-26"
OPTIONS = CheckOptions(select=("ST09",), default_glossaries=False, search_dir="/nonexistent")
#: English operative paragraph 1, and the comma after which the tests cut it.
OP1 = "international conventions and protocols related to counter-terrorism, and requests the United Nations Office"


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
    assert finding.target.unit == "op.1" and finding.target.line == 93  # op.1 is on line 91
    assert finding.severity == "warning" and finding.category == "structure"
    assert "terrorism," in finding.found and "and requests" in finding.found


def test_page_break_after_a_comma_is_not_reported(tmp_path):
    assert _st09(_cut_en(tmp_path, "\n\n1/8\n\n---\n\nE/RES/2023/26\n\n")) == []


@pytest.mark.parametrize("lang", ["en", "es", "ru", "zh", "ar"])
def test_clean_versions_cut_mid_clause_give_nothing(lang):
    assert _st09(str(SET / f"{lang}.md")) == []


#: Spanish operative paragraph 10, cut where the official French cuts its operative paragraph 10
#: at a page break (after "auteurs d'infractions,").
ES_OP10 = "los enjuiciamientos de los autores de delitos, en particular de los combatientes"


def test_split_operative_paragraph_in_spanish(tmp_path):
    text = (SET / "es.md").read_text(encoding="utf-8")
    assert ES_OP10 in text
    path = tmp_path / "es.md"
    path.write_text(text.replace(ES_OP10, ES_OP10.replace("delitos, en", "delitos,\n\nen")), encoding="utf-8")
    (finding,) = _st09(str(path))
    assert (finding.target.unit, finding.target.line) == ("op.10", 115)  # op.10 is on line 113
    assert "delitos," in finding.found


@pytest.mark.parametrize("lang", ["en", "es", "ru", "zh", "ar"])
def test_drafts_give_nothing(lang):
    """The drafts' planted errors include no paragraph split in two, and their page cuts fall in
    mid-clause: ST09 has nothing to report on them."""
    assert _st09(str(SAMPLES / "drafts" / f"{lang}_draft.md")) == []


def _wrapped(lang: str) -> list[str]:
    """The sample's lines, each paragraph wrapped at 80 characters as a text export would."""
    return [wrapped for line in (SET / f"{lang}.md").read_text(encoding="utf-8").splitlines()
            for wrapped in (textwrap.wrap(line, 80, break_on_hyphens=False) or [""])]


def test_wrapped_file_gives_nothing(tmp_path):
    path = tmp_path / "en.md"
    path.write_text("\n".join(_wrapped("en")) + "\n", encoding="utf-8")
    assert _st09(str(path)) == []


def test_double_spaced_file_gives_nothing(tmp_path):
    """Every line of a wrapped text followed by a blank line: the blank lines are layout, not page
    breaks or splits, though many of them come right after a comma."""
    lines = _wrapped("en")
    after_comma = sum(line.endswith(",") for line in lines if not line.startswith(("*", "<sup>")))
    assert after_comma > 20
    path = tmp_path / "en.md"
    path.write_text("\n".join(line + ("\n" if line.strip() else "") for line in lines), encoding="utf-8")
    assert _st09(str(path)) == []


def test_one_line_paragraphs_are_not_double_spaced(tmp_path):
    """The samples hold each paragraph on one line: a single blank line typed into one of them is a
    split to report, though the file has no plain line break inside a paragraph to outnumber it."""
    path = tmp_path / "es.md"
    text = (SET / "es.md").read_text(encoding="utf-8")
    path.write_text(text.replace(ES_OP10, ES_OP10.replace("delitos, en", "delitos,\n\nen")), encoding="utf-8")
    assert all(len(unit.line_offsets) == 1 + len(unit.cuts) for unit in read_document(path).units)
    assert len(_st09(str(path))) == 1

