"""Pre-aligned CAT-tool input (TMX, XLIFF 1.2/2.x) read into an Alignment."""

from __future__ import annotations

from pathlib import Path

import pytest

from aligner.errors import InputError
from aligner.readers.bilingual import is_bilingual, read_bilingual

FORMATS = ("xliff12", "xliff2", "tmx")


def cat_files(root: Path) -> list[Path]:
    files = sorted(p for sub in FORMATS for p in (root / "formats" / sub).glob("*") if p.is_file())
    assert files, "no CAT-tool files found"
    return files


def test_every_cat_file_is_read(shared_data):
    for path in cat_files(shared_data):
        assert is_bilingual(path) or path.suffix == ".sdlxliff", path
        alignment = read_bilingual(path)
        assert len(alignment.languages) >= 2
        assert alignment.rows, path
        for doc in alignment.documents.values():
            assert doc.path == str(path)
            for unit in doc.units:  # a unit has text, or is a target segment not translated yet
                assert unit.text or unit.status.endswith("untranslated"), (path, unit)
                assert unit.lines[0] >= 1


def test_trados_segments_and_statuses(shared_data):
    path = shared_data / "formats/xliff12/trados-studio_okapi_test.txt_en-US_fr-FR.sdlxliff"
    alignment = read_bilingual(path)
    assert alignment.languages == ("en", "fr")
    fr = alignment.documents["fr"]
    assert [u.text for u in alignment.documents["en"].units] == [
        "First sentence.", "Second longer sentence.", "Followed by a third one.", "Modify.", "And CM match."]
    assert [u.text for u in fr.units][0] == "Première phrase"
    assert [u.status for u in fr.units] == [
        "Translated", "Translated", "Draft", "ApprovedSignOff, locked", "ApprovedSignOff"]


def test_inline_codes_become_markup_not_text(shared_data):
    tmx = read_bilingual(shared_data / "formats/tmx/lisa-tmx-compliance-kit_ImportTest2C_it-bpt-ph-sub-hi-ude.tmx")
    assert tmx.languages == ("en", "fr", "en-gb")
    en = tmx.documents["en"].units[0]
    fr = tmx.documents["fr"].units[0]
    assert en.text == "Click to start." and fr.text == "Cliquez pour commencer."
    assert "<" not in en.text and "IMG" not in en.text
    assert sorted(s.text for s in en.markup) == sorted(s.text for s in fr.markup)
    hi = next(s for s in fr.markup if s.text.startswith("hi"))
    assert fr.text[hi.start:hi.end] == "commencer"
    assert en.lines == (48, 48) and fr.lines == (60, 60)  # lines of the file itself


def test_windows_1252_seg_source_and_warning(shared_data):
    alignment = read_bilingual(shared_data / "formats/xliff12/okapi-rainbow_RB-12-Test02_windows-1252-decl.xlf")
    texts = [u.text for u in alignment.documents["en"].units]
    assert "Text with code and bold." in texts
    assert texts[-2:] == ["Sentence 1.", "Sentence 2+diff."]  # seg-source segments
    warnings = alignment.documents["en"].warnings
    assert any("11withWarning" in w and "seg-source differs" in w for w in warnings)


def test_xliff2_segments_pc_ph(shared_data):
    alignment = read_bilingual(shared_data / "formats/xliff2/okapi_xliff2-filter_test01_en-fr_pc-ph-dataRef-rtl.xlf")
    fr = alignment.documents["fr"].units
    assert [u.text for u in fr] == ["Exemple de segment.", "Contenu du segment.", "", "", ""]
    assert fr[0].status == "translated"
    # the three segments with no <target>: untranslated units at their <segment> lines, not dropped
    assert [(u.id, u.status, u.lines[0]) for u in fr[2:]] == [
        ("seg.3", "untranslated", 36), ("seg.4", "untranslated", 41), ("seg.5", "untranslated", 51)]
    last = alignment.documents["en"].units[-1]
    assert {s.text for s in last.markup} == {"pc#1", "ph#2"}


def test_several_files_memoq_status_and_windows_1252(tmp_path):
    xlf = (
        '<?xml version="1.0" encoding="windows-1252"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff">\n'
        '<file source-language="fr-FR" target-language="en-US"><body>\n'
        '<trans-unit id="1" mq:status="ManuallyConfirmed"><source>D\xe9cide de rester saisi,</source>'
        "<target>Decides to remain seized,</target></trans-unit>\n"
        "</body></file>\n"
        '<file source-language="fr-FR" target-language="en-US"><body>\n'
        '<trans-unit id="2" mq:status="NotStarted" mq:locked="locked"><source>Prie le Secr\xe9taire g\xe9n\xe9ral,'
        "</source><target>Requests the Secretary-General,</target></trans-unit>\n"
        "</body></file></xliff>\n"
    ).encode("cp1252")
    path = tmp_path / "draft.mqxliff"
    path.write_bytes(xlf)
    alignment = read_bilingual(path)
    assert alignment.languages == ("fr", "en")
    assert [u.text for u in alignment.documents["fr"].units] == ["Décide de rester saisi,", "Prie le Secrétaire général,"]
    assert [u.status for u in alignment.documents["en"].units] == ["ManuallyConfirmed", "NotStarted, locked"]
    assert [u.lines[0] for u in alignment.documents["en"].units] == [4, 7]


def test_dtd_and_entities_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    tmx = (
        f'<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        '<tmx version="1.4"><header srclang="fr"/><body><tu>'
        '<tuv xml:lang="fr"><seg>Bonjour &x;</seg></tuv><tuv xml:lang="en"><seg>Hello &x;</seg></tuv>'
        "</tu></body></tmx>\n"
    )
    path = tmp_path / "t.tmx"
    path.write_text(tmx)
    with pytest.raises(InputError) as caught:
        read_bilingual(path)
    assert caught.value.line == 2 and "declares XML entities" in caught.value.problem
    assert "TOPSECRET" not in str(caught.value)


def test_an_entity_bomb_in_an_xliff_is_refused_as_such_at_its_line(tmp_path):
    lols = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">\n' for i in range(1, 10))
    path = tmp_path / "bomb.xlf"
    path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE xliff [\n<!ENTITY lol0 "lol">\n{lols}]>\n'
                    '<xliff version="1.2"><file source-language="fr" target-language="en"><body>'
                    '<trans-unit id="1"><source>&lol9;</source><target>x</target></trans-unit>'
                    "</body></file></xliff>\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_bilingual(path)
    assert caught.value.line == 3
    assert caught.value.problem == "declares XML entities (an entity expansion attack?); hexaglot refuses to expand them"


@pytest.mark.parametrize("content, problem", [("", "empty"), ("<tmx><body>", "well-formed"), ("<html/>", "neither")])
def test_bad_cat_files_are_input_errors(tmp_path, content, problem):
    path = tmp_path / "bad.xlf"
    path.write_text(content)
    with pytest.raises(InputError, match=problem):
        read_bilingual(path)


def test_wrong_declared_language_is_a_warning(shared_data):
    path = shared_data / "formats/xliff12/translate-toolkit_odf2xliff_inline_es_xliff-1.1-ns.xlf"
    alignment = read_bilingual(path)
    assert alignment.languages == ("en", "und")  # as declared: source en, no target language
    warnings = alignment.documents["en"].warnings
    assert "the text declared as en reads as es (langdetect); check the file's declared languages" in warnings
    first = alignment.documents["en"].units[0]
    assert first.text.endswith("En este 2014 el trabajo de los investigadores ha sido el siguiente:")  # nested <g>
    assert first.lines == (6, 10)


def test_xliff_state_and_approved_are_statuses(tmp_path):
    path = tmp_path / "a.xlf"
    path.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="fr" '
        'target-language="en"><body><trans-unit id="1"><source>Prend note du rapport,</source>'
        '<target state="needs-review-translation">Takes note of the report,</target></trans-unit>'
        '<trans-unit id="2" approved="yes"><source>Décide de rester saisi,</source>'
        "<target>Decides to remain seized,</target></trans-unit></body></file></xliff>", encoding="utf-8")
    assert [u.status for u in read_bilingual(path).documents["en"].units] == ["needs-review-translation", "approved"]
