"""One cause, one finding (``qa_rules.causes``): on the drafts' planted errors and on the clean
English version with a paragraph dropped, one renumbered and one pasted in the wrong place."""

from __future__ import annotations

import csv
import doctest
import io
import json
import re
from pathlib import Path

import pytest

from hexaglot.reports import render
from qa_rules import causes
from qa_rules.accept import accept_file_text
from qa_rules.causes import Explains, fold, unfold
from qa_rules.engine import build_report
from qa_rules.model import Finding, Location
from qa_rules.run import CheckOptions, check_files

DRAFTS = Path(__file__).resolve().parent.parent / "samples" / "drafts"


def _check(sample_set: Path, target: Path, lang: str, select: tuple[str, ...] = (), accept: str | None = None):
    return check_files([str(sample_set / "fr.md"), str(target)],
                       CheckOptions(langs=("fr", lang), select=select, accept=accept, discover=False))


def _folded(report) -> list[tuple[str, str | None, list[tuple[str, str | None]]]]:
    """(rule, unit, [(rule, unit) folded under it]) of every finding that explains others."""
    def unit(f: Finding) -> str | None:
        side = f.target or f.source
        return side.unit if side else None
    return [(f.rule, unit(f), [(c.rule, unit(c)) for c in f.consequences]) for f in report.findings if f.consequences]


def _edited_en(sample_set: Path, tmp_path: Path, edit) -> Path:
    lines = (sample_set / "en.md").read_text(encoding="utf-8").split("\n")
    path = tmp_path / "en.md"
    path.write_text("\n".join(edit(lines)), encoding="utf-8")
    return path


def _paragraph(lines: list[str], number: int) -> int:
    return next(i for i, line in enumerate(lines) if line.startswith(f"{number}. "))


def _the_one_finding(report, rule: str) -> tuple[Finding, list[tuple[str, str | None, str, str]]]:
    """The report's only finding, of ``rule``, and (rule, source unit, expected, found) of each
    finding folded under it."""
    assert [f.rule for f in report.findings] == [rule]
    (cause,) = report.findings
    return cause, [(c.rule, c.source.unit if c.source else None, c.expected, c.found) for c in cause.consequences]


def _renumbered(lines: list[str], start: int, by: int) -> list[str]:
    """``lines`` with every numbered paragraph from line ``start`` on numbered ``by`` more."""
    out = list(lines)
    for i in range(start, len(out)):
        number = re.match(r"(\d+)\. ", out[i])
        if number:
            out[i] = f"{int(number.group(1)) + by}. " + out[i][number.end():]
    return out


# -- a paragraph dropped: ST01, and the gap it leaves in the numbering (ST05) ---------------------


@pytest.mark.parametrize("lang,unit,after", [("es", "op.24", "op.25"), ("zh", "op.24", "op.25"),
                                             ("ar", "op.26", "op.27"), ("en", "op.33", "op.34"),
                                             ("ru", "op.5", "op.6")])
def test_a_dropped_paragraph_in_a_draft_is_one_finding_with_its_numbering_gap(sample_set, lang, unit, after):
    report = _check(sample_set, DRAFTS / f"{lang}_draft.md", lang, select=("structure",))
    omission = next(f for f in report.findings if f.rule == "ST01" and f.source.unit == unit)
    assert [(c.rule, c.target.unit) for c in omission.consequences] == [("ST05", after)]
    assert omission.consequences[0].expected == unit.split(".")[1]  # the number the dropped paragraph had
    assert "ST05" not in [f.rule for f in report.findings]  # said once, under its cause


def test_dropping_op14_and_renumbering_the_rest_is_one_finding(sample_set, tmp_path):
    def drop_op14_and_renumber(lines):
        at = _paragraph(lines, 14)
        return _renumbered(lines[:at] + lines[at + 2:], at, -1)

    report = _check(sample_set, _edited_en(sample_set, tmp_path, drop_op14_and_renumber), "en")
    # the dropped paragraph, with every later paragraph's number one short folded under it; the
    # paragraphs themselves are compared with their own sources, not with the source's by number
    dropped, shifted = _the_one_finding(report, "ST01")
    assert dropped.source.unit == "op.14"
    assert shifted[0] == ("ST06", "op.15", "15", "14") and len(shifted) == 22
    assert all(rule == "ST06" and int(expected) == int(found) + 1 for rule, _, expected, found in shifted)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_adding_a_paragraph_and_renumbering_the_rest_is_one_finding(sample_set, tmp_path, lang):
    """A paragraph added after op.5 and numbered 6, the rest renumbered: the addition (ST02), with
    every later source paragraph's number one higher folded under it (ST06 ×31)."""
    def add_after_op5_and_renumber(lines):
        at = _paragraph(lines, 6)
        added = {"en": "Requests the Secretary-General to report on the implementation of the present "
                       "resolution to the Commission at its next session;",
                 "ru": "просит Генерального секретаря представить доклад об осуществлении настоящей "
                       "резолюции Комиссии на ее следующей сессии;"}[lang]
        return _renumbered(lines[:at] + [f"6. {added}", ""] + lines[at:], at + 2, 1)

    path = tmp_path / f"{lang}.md"
    lines = (sample_set / f"{lang}.md").read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(add_after_op5_and_renumber(lines)), encoding="utf-8")
    report = _check(sample_set, path, lang)
    added, shifted = _the_one_finding(report, "ST02")
    assert added.target.unit == "op.6"
    assert shifted[0] == ("ST06", "op.6", "6", "7") and len(shifted) == 31
    assert all(rule == "ST06" and int(found) == int(expected) + 1 for rule, _, expected, found in shifted)


@pytest.mark.parametrize("renumber", [False, True])
def test_merging_op14_and_op15_is_one_finding(sample_set, tmp_path, renumber):
    """op.14 and op.15 merged into the English op.14: the merge (ST03), with its paragraph
    numbered as two of the source's (ST06) and the jump from 14 to 16 (ST05) folded under it;
    or, the rest renumbered, every later paragraph numbered one lower than its source's (ST06)."""
    def merge_op14_and_op15(lines):
        at, before = _paragraph(lines, 15), _paragraph(lines, 14)
        out = list(lines)
        out[before] += " " + out[at].split(". ", 1)[1]
        del out[at:at + 2]
        return _renumbered(out, at, -1) if renumber else out

    report = _check(sample_set, _edited_en(sample_set, tmp_path, merge_op14_and_op15), "en")
    merged, folded = _the_one_finding(report, "ST03")
    assert merged.source.unit == "op.14" and merged.target.unit == "op.14"
    assert folded[0] == ("ST06", "op.14", "14, 15", "14")
    if renumber:
        assert folded[1] == ("ST06", "op.16", "16", "15") and len(folded) == 22
    else:
        assert [rule for rule, *_ in folded] == ["ST06", "ST05"] and folded[1][2:] == ("15", "16")


def test_splitting_op14_in_two_numbered_parts_is_one_finding(sample_set, tmp_path):
    """op.14 split into an English 14 and 15, the rest renumbered: the split (ST04), with the
    paragraph numbered as two (ST06) and every later source paragraph's number one higher (ST06)
    folded under it."""
    def split_op14_and_renumber(lines):
        at = _paragraph(lines, 14)
        text = lines[at]
        cut = text.find(", ", len(text) // 2)  # a clause boundary past the middle
        head, tail = text[:cut + 1], text[cut + 2:]
        return _renumbered(lines[:at] + [head, "", f"15. {tail[0].upper()}{tail[1:]}"] + lines[at + 1:], at + 3, 1)

    report = _check(sample_set, _edited_en(sample_set, tmp_path, split_op14_and_renumber), "en")
    split, folded = _the_one_finding(report, "ST04")
    assert split.source.unit == "op.14"
    assert folded[0] == ("ST06", "op.14", "14", "14, 15") and folded[1] == ("ST06", "op.15", "15", "16")
    assert len(folded) == 23


def test_dropping_op14_from_the_english_version(sample_set, tmp_path):
    def drop_op14(lines):
        at = _paragraph(lines, 14)
        return lines[:at] + lines[at + 2:]  # the paragraph and the blank line after it

    report = _check(sample_set, _edited_en(sample_set, tmp_path, drop_op14), "en")
    assert _folded(report) == [("ST01", "op.14", [("ST05", "op.15")])]
    assert [f.rule for f in report.findings] == ["ST01"]
    summary = report.summary()
    assert summary["total"] == 1 and summary["consequences"] == 1
    assert summary["by_severity"]["error"] == 1  # a problem, not its two symptoms


# -- a paragraph renumbered: ST06, and the repeat in the version's numbering (ST05) ---------------


def test_a_renumbered_paragraph_in_the_russian_draft_is_one_finding(sample_set):
    report = _check(sample_set, DRAFTS / "ru_draft.md", "ru", select=("structure",))
    assert ("ST06", "op.23b", [("ST05", "op.23b")]) in _folded(report)
    assert not [f for f in report.findings if f.rule == "ST05" and f.target.unit == "op.23b"]


def test_renumbering_op27_of_the_english_version(sample_set, tmp_path):
    def renumber_op27(lines):
        at = _paragraph(lines, 27)
        return lines[:at] + ["28. " + lines[at][4:]] + lines[at + 1:]

    report = _check(sample_set, _edited_en(sample_set, tmp_path, renumber_op27), "en")
    assert [f.rule for f in report.findings] == ["ST06"]
    (renumbered,) = report.findings
    assert (renumbered.expected, renumbered.found) == ("27", "28")
    # the jump from 26 to 28 there, and 28 again at the next paragraph (read as op.28b)
    assert [(c.rule, c.target.unit, c.found) for c in renumbered.consequences] == [
        ("ST05", "op.28", "28"), ("ST05", "op.28b", "28")]
    assert report.summary()["total"] == 1


# -- a paragraph added with a number: ST02, and the number coming twice (ST05) -------------------


def test_a_paragraph_added_as_15_of_the_english_version(sample_set, tmp_path):
    def add15(lines):
        at = _paragraph(lines, 15)
        return lines[:at] + ["15. *Urges* Member States to strengthen their cooperation with the United Nations "
                             "Office on Drugs and Crime in the collection of evidence related to terrorist offences;",
                             ""] + lines[at:]

    report = _check(sample_set, _edited_en(sample_set, tmp_path, add15), "en")
    assert _folded(report) == [("ST02", "op.15", [("ST05", "op.15b")])]
    assert [f.rule for f in report.findings] == ["ST02"]


# -- a paragraph pasted in the wrong place: CO02, with what comparing it with its source finds -----


@pytest.mark.parametrize("lang,unit,folded", [
    ("en", "op.24", ["TE01", "TE01"]),
    ("zh", "op.33", ["CO01"]),
    ("ar", "op.24", ["LE01", "TE01", "TE01"]),
    ("es", "op.13", ["LE01"]),
])
def test_a_pasted_paragraph_in_a_draft_is_one_finding(sample_set, lang, unit, folded):
    report = _check(sample_set, DRAFTS / f"{lang}_draft.md", lang)
    paste = next(f for f in report.findings if f.rule == "CO02" and f.target.unit == unit)
    assert sorted(c.rule for c in paste.consequences) == folded
    assert all(c.target.unit == unit and c.source.unit == paste.source.unit for c in paste.consequences)
    assert not [f for f in report.findings if f is not paste and f.target and f.target.unit == unit
                and f.rule in folded]


def test_pasting_op26_over_op24_of_the_english_version(sample_set, tmp_path):
    def paste(lines):
        at24, at26 = _paragraph(lines, 24), _paragraph(lines, 26)
        return lines[:at24] + ["24. " + lines[at26][4:]] + lines[at24 + 1:]

    report = _check(sample_set, _edited_en(sample_set, tmp_path, paste), "en")
    (pasted,) = [f for f in report.findings if f.rule == "CO02"]
    assert pasted.target.unit == "op.24"
    assert "TE01" in [c.rule for c in pasted.consequences]  # op.24's CBRN terms are not in op.26's text
    assert not [f for f in report.findings if f.rule == "TE01" and f.target.unit == "op.24"]
    assert report.summary()["consequences"] == len(pasted.consequences)


# -- accepting, severity, re-building ----------------------------------------------------------------


def test_an_accepted_consequence_is_hidden_and_an_accepted_cause_lets_its_consequences_stand(sample_set, tmp_path):
    draft = DRAFTS / "es_draft.md"
    report = _check(sample_set, draft, "es", select=("structure",))
    omission = next(f for f in report.findings if f.consequences)
    gap = omission.consequences[0]

    accept = tmp_path / "accept.toml"
    accept.write_text(accept_file_text([gap], "agreed"), encoding="utf-8")
    hidden = _check(sample_set, draft, "es", select=("structure",), accept=str(accept))
    assert hidden.accepted == 1 and not hidden.stale
    assert not _folded(hidden) and gap.id not in [f.id for f in hidden.findings]

    accept.write_text(accept_file_text([omission], "agreed"), encoding="utf-8")
    assert "id = \"" + gap.id in accept.read_text(encoding="utf-8")  # the accept file names both
    accept.write_text(accept.read_text(encoding="utf-8").split("\n\n")[0], encoding="utf-8")  # the cause only
    alone = _check(sample_set, draft, "es", select=("structure",), accept=str(accept))
    assert alone.accepted == 1 and gap.id in [f.id for f in alone.findings]


def _finding(rule: str, unit: str, severity: str, expected: str = "") -> Finding:
    return Finding(rule, "x.y", "structure", severity, Location("fr.md", "fr", unit, 1),
                   Location("en.md", "en", unit, 2), f"{rule} at {unit}", expected=expected)


class _Explaining:
    code = "CO02"
    explains = (Explains(("NU01", "TE01"), "pair"),)


def test_the_cause_keeps_its_severity_and_id_and_fail_on_reads_its_consequences(sample_set):
    cause, number = _finding("CO02", "op.3", "warning"), _finding("NU01", "op.3", "error")
    other = _finding("NU01", "op.4", "error")  # another paragraph: not explained
    folded = fold([cause, number, other], [_Explaining()], {}, {})
    assert [(f.rule, f.severity, len(f.consequences)) for f in folded] == [("CO02", "warning", 1), ("NU01", "error", 0)]
    assert folded[0].id == cause.id and folded[0].consequences == (number,)
    assert unfold(folded) == [cause, number, other]
    assert causes.most_severe(folded[0]) == "error"

    base = _check(sample_set, DRAFTS / "es_draft.md", "es", select=("CO02",))
    from qa_rules.consistency.co02_target_collisions import TargetCollision
    report = build_report(base.alignment, [TargetCollision()], (), [cause, number], versions={})
    assert [f.rule for f in report.findings] == ["CO02"]
    assert report.summary()["by_severity"] == {"error": 0, "warning": 1, "info": 0}
    assert report.at_or_above("error") == report.findings  # the error under it still fails the run


def test_folding_a_report_again_changes_nothing(sample_set):
    report = _check(sample_set, DRAFTS / "ar_draft.md", "ar")
    from qa_rules.registry import RULES
    rebuilt = build_report(report.alignment, [r() for r in RULES], (), report.findings, versions=report.versions)
    assert {f.id: [c.id for c in f.consequences] for f in rebuilt.findings} == \
        {f.id: [c.id for c in f.consequences] for f in report.findings}
    assert sum(len(f.consequences) for f in report.findings) == 4


def test_where_is_checked():
    with pytest.raises(ValueError, match="where"):
        Explains(("ST05",), "row")  # type: ignore[arg-type]


def test_module_doctests():
    assert doctest.testmod(causes).failed == 0


# -- the reports show the consequences under their cause -------------------------------------------


@pytest.fixture
def dropped_report(sample_set):
    return _check(sample_set, DRAFTS / "es_draft.md", "es", select=("structure",))


def test_text_report_folds_the_consequence_under_its_cause(dropped_report):
    text = render(dropped_report, "text")
    gap = next(f for f in dropped_report.findings if f.consequences).consequences[0]
    block = text[text.index("ST01"):]
    assert "explains 1 other finding(s):" in block.split("\n\n")[0]
    assert f"↳ ST05 es_draft.md:155 op.25: {gap.message} (id {gap.id})" in block.split("\n\n")[0]
    assert "1 finding(s) folded under the cause that explains them" in text
    assert text.count(" ST05 ") == 1  # not also a finding of its own


def test_json_report_nests_the_consequences_and_counts_causes(dropped_report):
    data = json.loads(render(dropped_report, "json"))
    assert data["summary"]["total"] == len(data["findings"]) == len(dropped_report.findings)
    (cause,) = [f for f in data["findings"] if f["consequences"]]
    assert cause["rule"] == "ST01" and [c["rule"] for c in cause["consequences"]] == ["ST05"]
    assert cause["consequences"][0]["consequences"] == []  # the same shape, one level
    assert data["summary"]["consequences"] == 1


def test_csv_report_lists_the_consequences_in_the_cause_row(dropped_report):
    rows = list(csv.DictReader(io.StringIO(render(dropped_report, "csv").lstrip("\ufeff")), ))
    rows = [r for r in rows if not r["id"].startswith("#")]
    assert len(rows) == len(dropped_report.findings)
    (cause,) = [r for r in rows if r["consequences"]]
    assert cause["rule"] == "ST01" and cause["consequences"].startswith("ST05 es_draft.md:155 op.25: ")


def test_html_report_counts_causes_and_lists_consequences_inside_them(dropped_report):
    page = render(dropped_report, "html")
    assert f'data-total-findings="{len(dropped_report.findings)}"' in page
    gap = next(f for f in dropped_report.findings if f.consequences).consequences[0]
    assert f'data-consequence-id="{gap.id}"' in page and f'data-finding-id="{gap.id}"' not in page
    item = re.search(r'<li class="finding[^>]*data-finding-id="[0-9a-f]+"[^>]*>(?:(?!</li>).)*ST01.*?</li></ul></details>',
                     page, re.S)
    assert item and "explains 1 other finding(s)" in item.group(0)


# -- headings: a finding on a version alone names that version, not a missing counterpart ----------


def test_a_finding_on_the_source_numbering_is_headed_as_the_source_itself(sample_set, tmp_path):
    fr = (sample_set / "fr.md").read_text(encoding="utf-8").replace("\n25. ", "\n26. ", 1)
    (tmp_path / "fr.md").write_text(fr, encoding="utf-8")
    report = check_files([str(tmp_path / "fr.md"), str(sample_set / "en.md")],
                         CheckOptions(langs=("fr", "en"), select=("ST05",), discover=False))
    assert [(f.rule, f.source.lang) for f in report.findings] == [("ST05", "fr"), ("ST05", "fr")]
    text = render(report, "text")
    assert "(nothing in fr)" not in text
    assert re.search(r"^fr\.md:\d+ op\.26 \(the fr version itself\)$", text, re.M)


def test_an_added_paragraph_is_headed_with_the_missing_source_not_as_the_version_itself():
    from qa_rules.engine import check
    from qa_rules.examples import example_alignment
    from qa_rules.structure.st02_extra import ExtraParagraph

    report = check(example_alignment({"fr": "", "en": "Requests the Office to report,"}), [ExtraParagraph])
    assert [f.rule for f in report.findings] == ["ST02"]
    text = render(report, "text")
    assert text.splitlines()[2] == "(nothing in fr) -> en.md:1 pp.1"
    assert "version itself" not in text


def test_xlsx_findings_sheet_has_the_consequences_in_the_cause_row(dropped_report):
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(render(dropped_report, "xlsx")))["Findings"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2) if row[1].value]
    (cause,) = [r for r in rows if r["consequences"]]
    assert cause["rule"] == "ST01" and cause["consequences"].startswith("ST05 es_draft.md:155 op.25: ")
    assert len(rows) == len(dropped_report.findings)
