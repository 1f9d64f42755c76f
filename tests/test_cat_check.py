"""``hexaglot check FILE.xlf``: one pre-aligned CAT-tool file checked end to end."""

from __future__ import annotations

import json


from click.testing import CliRunner

from hexaglot.cli import cli

from test_cat_readers import cat_files

TRADOS = "formats/xliff12/trados-studio_okapi_test.txt_en-US_fr-FR.sdlxliff"


def run(*args: str):
    return CliRunner().invoke(cli, ["check", *args], catch_exceptions=False)


def test_every_cat_file_is_checked_without_a_crash(shared_data, tmp_path):
    for path in cat_files(shared_data):
        result = run(str(path), "--format", "json", "-o", str(tmp_path / "qa.json"))
        assert result.exit_code in (0, 1), (path, result.output)
        report = json.loads((tmp_path / "qa.json").read_text(encoding="utf-8"))
        assert report["signature"]
        for finding in report["findings"]:
            side = finding["target"] or finding["source"]
            assert side["path"] == str(path)


def test_trados_locked_segment_and_statuses_in_the_report(shared_data, tmp_path):
    path = str(shared_data / TRADOS)
    text = run(path, "--no-color")
    assert text.exit_code in (0, 1)
    assert "segment statuses" in text.output
    assert "Translated 2, Draft 1, ApprovedSignOff 2" in text.output
    assert "locked, so not checked: seg.4 (line 3, ApprovedSignOff, locked)" in text.output
    run(path, "--format", "json", "-o", str(tmp_path / "qa.json"))
    notices = json.loads((tmp_path / "qa.json").read_text(encoding="utf-8"))["summary"]["notices"]
    assert any("seg.4" in n and "locked" in n for n in notices)
    assert run(path, "-o", str(tmp_path / "qa.html")).exit_code in (0, 1)  # html from the extension
    page = (tmp_path / "qa.html").read_text(encoding="utf-8")
    assert 'class="status locked" data-status="ApprovedSignOff, locked"' in page
    assert page.count('data-status="Translated"') == 2 and 'data-status="Draft"' in page


def _xliff(tmp_path, src: str, tgt: str, source: str, target: str, name: str = "draft.xlf"):
    path = tmp_path / name
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        f'<file source-language="{src}" target-language="{tgt}" datatype="plaintext" original="a.docx"><body>\n'
        f'<trans-unit id="1"><source>{source}</source>\n<target>{target}</target></trans-unit>\n'
        "</body></file></xliff>\n",
        encoding="utf-8",
    )
    return str(path)


def test_a_lost_inline_tag_is_a_markup_finding(tmp_path):
    path = _xliff(tmp_path, "fr", "en", 'Rappelant sa résolution <g id="1">74/175</g> du 18 décembre 2019,',
                  "Recalling its resolution 74/175 of 18 December 2019,")
    result = run(path, "--format", "json", "-o", str(tmp_path / "qa.json"))
    assert result.exit_code == 1
    findings = json.loads((tmp_path / "qa.json").read_text(encoding="utf-8"))["findings"]
    tag = [f for f in findings if f["rule"] == "MK09"]
    assert tag and tag[0]["category"] == "markup" and tag[0]["expected"] == "g#1" and tag[0]["found"] == ""
    assert tag[0]["target"]["line"] == 5


def test_language_outside_the_six_gets_language_independent_rules(tmp_path):
    path = _xliff(tmp_path, "fr", "de", 'Prie l\'Office <x id="1"/>de faire rapport ;',
                  "Ersucht das Büro, Bericht zu erstatten;")
    result = run(path, "--format", "json", "-o", str(tmp_path / "qa.json"))
    assert result.exit_code == 1
    report = json.loads((tmp_path / "qa.json").read_text(encoding="utf-8"))
    assert [f["rule"] for f in report["findings"]] == ["MK09"]
    notice = next(n for n in report["summary"]["notices"] if "outside the six" in n)
    assert notice.startswith("de:") and "MK09" in notice and "not run:" in notice


OKAPI2 = "formats/xliff2/okapi_xliff2-filter_test01_en-fr_pc-ph-dataRef-rtl.xlf"
ODF2XLIFF = "formats/xliff12/translate-toolkit_odf2xliff_inline_es_xliff-1.1-ns.xlf"


def _findings(path: str, tmp_path) -> list[dict]:
    run(path, "--format", "json", "-o", str(tmp_path / "qa.json"))
    return json.loads((tmp_path / "qa.json").read_text(encoding="utf-8"))["findings"]


def test_segments_without_a_target_are_untranslated_at_their_own_line(shared_data, tmp_path):
    """okapi's XLIFF 2 test file: three segments have no <target>; each is one untranslated
    finding at its <segment> line (36, 41, 51), not a finding at an unrelated line 29."""
    findings = _findings(str(shared_data / OKAPI2), tmp_path)
    untranslated = [f for f in findings if f["category"] == "untranslated"]
    assert [(f["rule"], f["target"]["unit"], f["target"]["line"]) for f in untranslated] == [
        ("UT02", "seg.3", 36), ("UT02", "seg.4", 41), ("UT02", "seg.5", 51)]
    # nothing else is said about those segments by the rules that read the target's text
    others = [f for f in findings if f["category"] not in ("untranslated", "structure")]
    assert [f for f in others if f["source"]["unit"] in ("seg.3", "seg.4", "seg.5")] == []


def test_a_source_only_file_with_an_undeclared_target_is_untranslated_with_notices(shared_data, tmp_path):
    """odf2xliff: declares en for Spanish text and no target language: notices, and each of the
    four segments once as untranslated, even though the target is 'und'."""
    path = str(shared_data / ODF2XLIFF)
    run(path, "--format", "json", "-o", str(tmp_path / "qa.json"))
    report = json.loads((tmp_path / "qa.json").read_text(encoding="utf-8"))
    untranslated = [f for f in report["findings"] if f["category"] == "untranslated"]
    assert [(f["target"]["unit"], f["target"]["line"]) for f in untranslated] == [
        ("seg.1", 5), ("seg.2", 12), ("seg.3", 15), ("seg.4", 18)]
    assert all("has no target-language translation" in f["message"] for f in untranslated)
    notices = " ".join(report["summary"]["notices"])
    assert "no target language declared" in notices and "reads as es" in notices


def test_no_structure_error_for_untranslated_cat_segments(shared_data, tmp_path):
    for name in (OKAPI2, ODF2XLIFF):
        findings = _findings(str(shared_data / name), tmp_path)
        assert [f["rule"] for f in findings if f["category"] == "structure"] == [], name


def test_an_empty_target_is_untranslated_and_a_same_language_variant_is_not(tmp_path):
    empty = _xliff(tmp_path, "fr", "en", "Prie l'Office de continuer à fournir une assistance technique", "")
    result = run(empty, "--format", "json", "-o", str(tmp_path / "e.json"))
    found = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))["findings"]
    assert [(f["rule"], f["target"]["line"]) for f in found if f["category"] != "structure"] == [("UT02", 5)]
    same = _xliff(tmp_path, "en-US", "en-GB", "Click the button to start the programme now",
                  "Click the button to start the programme now", name="variant.xlf")
    run(same, "--format", "json", "-o", str(tmp_path / "v.json"))
    found = json.loads((tmp_path / "v.json").read_text(encoding="utf-8"))["findings"]
    assert [f for f in found if f["rule"] == "UT02"] == [], result.output
