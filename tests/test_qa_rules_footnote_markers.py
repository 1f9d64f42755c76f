"""ST08 on real versions: a footnote marker moved to another reference of its paragraph is a
warning; clauses added or dropped around a marker do not move it; the clean versions, from any
pivot, have every marker in place (their largest shift, from both ends, is 0.16 of 0.3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa_rules.run import CheckOptions, check_files
from tests.conftest import SAMPLES

SET = SAMPLES / "E-RES-2023-26"

ST08 = CheckOptions(select=("ST08",), default_glossaries=False, search_dir="/nonexistent")
PP2 = ("*Reaffirming* the United Nations Global Counter-Terrorism Strategy, adopted on 8 September\n"
       "2006,<sup>1</sup> and recalling the resolutions on the biennial reviews of the Strategy, the most\n"
       "recent of which is its resolution [77/298](#) of 22 June 2023 on the eighth review,")


def _st08(tmp_path: Path, new: str) -> tuple:
    text = (SET / "en.md").read_text(encoding="utf-8")
    assert PP2 in text
    path = tmp_path / "en.md"
    path.write_text(text.replace(PP2, new), encoding="utf-8")
    return check_files([str(SET / "fr.md"), str(path)], ST08).findings


def test_marker_moved_to_another_reference_is_a_warning(tmp_path):
    moved = PP2.replace(",<sup>1</sup> and", ", and").replace("eighth review,", "eighth review,<sup>1</sup>")
    (finding,) = _st08(tmp_path, moved)
    assert finding.severity == "warning" and (finding.target.unit, finding.target.line) == ("pp.2", 38)
    assert finding.message.endswith("100% into the paragraph, 36% in the source")
    assert "8 septembre 2006" in finding.expected and "eighth review" in finding.found


def test_clauses_added_or_dropped_around_a_marker_do_not_move_it(tmp_path):
    """A clause as long as the paragraph before the marker moves its relative place from 0.27 to
    0.63, but not its distance from the end: only a marker moved within the text is reported."""
    clause = ("Strategy, which the General Assembly adopted by consensus after lengthy negotiations among "
              "Member States in New York and which it has since reviewed every two years with the "
              "participation of all Member States, entities and civil society,")
    longer = PP2.replace("Strategy,", clause, 1)
    assert len(clause) > 0.6 * len(PP2)
    assert _st08(tmp_path, longer) == ()
    shorter = PP2.replace(" and recalling the resolutions on the biennial reviews of the Strategy, the most\n"
                          "recent of which is its resolution [77/298](#) of 22 June 2023 on the eighth review,", ",")
    assert _st08(tmp_path, shorter) == ()


@pytest.mark.parametrize("pivot", ["fr", "en", "es", "ru", "zh", "ar"])
def test_clean_versions_markers_in_place_from_any_pivot(pivot):
    langs = ["fr", "en", "es", "ru", "zh", "ar"]
    paths = [str(SET / f"{pivot}.md")] + [str(SET / f"{lang}.md") for lang in langs if lang != pivot]
    assert check_files(paths, ST08).findings == ()
