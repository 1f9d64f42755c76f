"""ST08 on real versions: a footnote marker moved to another reference of its paragraph is a
warning; clauses added or dropped around a marker do not move it; the clean versions, from any
pivot, have every marker in place (their largest shift, from both ends, is 0.11 of 0.3, with Russian
as pivot; places are not compared when one side is Chinese)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa_rules.run import CheckOptions, check_files
from tests.conftest import SAMPLES

SET = SAMPLES / "E-RES-2023-26"

ST08 = CheckOptions(select=("ST08",), default_glossaries=False, search_dir="/nonexistent")
#: English preambular paragraph 8: one marker (footnote 4, on the Global Counter-Terrorism Strategy),
#: and another reference before it (resolution 74/175) that it could be moved to.
PP8_START = "*Recalling in particular* its resolution [74/175](#) of 18 December 2019, in which"
PP8_MARKER = "Counter-Terrorism Strategy,<sup>4</sup> its biennial review and other relevant United Nations resolutions,"
PP8_TAIL = (" and recognizing that capacity-building is needed to assist Member States in understanding the "
            "benefits of those conventions and protocols, in order to support States that are considering "
            "becoming parties to them, in accordance with their legal frameworks,")


def _pp8() -> str:
    (line,) = [line for line in (SET / "en.md").read_text(encoding="utf-8").splitlines() if line.startswith(PP8_START)]
    assert PP8_MARKER + PP8_TAIL in line
    return line


def _st08(tmp_path: Path, new: str) -> tuple:
    text = (SET / "en.md").read_text(encoding="utf-8")
    path = tmp_path / "en.md"
    path.write_text(text.replace(_pp8(), new), encoding="utf-8")
    return check_files([str(SET / "fr.md"), str(path)], ST08).findings


def test_marker_moved_to_another_reference_is_a_warning(tmp_path):
    moved = _pp8().replace("Strategy,<sup>4</sup> its", "Strategy, its").replace("2019, in which", "2019,<sup>4</sup> in which")
    (finding,) = _st08(tmp_path, moved)
    assert finding.severity == "warning" and (finding.target.unit, finding.target.line) == ("pp.8", 45)
    assert finding.message.endswith("9% into the paragraph, 57% in the source")
    assert "Nations Unies" in finding.expected and "18 December 2019" in finding.found


def test_clauses_added_or_dropped_around_a_marker_do_not_move_it(tmp_path):
    """A clause longer than half the paragraph, added before the marker, moves its relative place
    from 0.58 to past 0.7, but not its distance from the end; dropping the last 40% of the
    paragraph moves its distance from the end, not from the start: only a marker moved within the
    text is reported."""
    pp8 = _pp8()
    clause = ("which it adopted without a vote on the recommendation of the Third Committee after lengthy "
              "negotiations among Member States in Vienna and New York, and which built on the series of "
              "resolutions on technical assistance for implementing the international conventions and "
              "protocols related to terrorism that it has adopted every two years since 2003 with the "
              "participation of all Member States, the relevant United Nations entities and, as appropriate, "
              "regional and subregional organizations and civil society, and")
    assert len(clause) > 0.6 * len(pp8)
    assert _st08(tmp_path, pp8.replace("2019, in which", "2019, " + clause + " in which", 1)) == ()
    assert len(PP8_TAIL) > 0.3 * len(pp8)
    assert _st08(tmp_path, pp8.replace(PP8_TAIL, "")) == ()


@pytest.mark.parametrize("pivot", ["fr", "en", "es", "ru", "zh", "ar"])
def test_clean_versions_markers_in_place_from_any_pivot(pivot):
    langs = ["fr", "en", "es", "ru", "zh", "ar"]
    paths = [str(SET / f"{pivot}.md")] + [str(SET / f"{lang}.md") for lang in langs if lang != pivot]
    assert check_files(paths, ST08).findings == ()
