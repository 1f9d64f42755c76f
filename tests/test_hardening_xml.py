"""The XML readers (XLIFF 1.2, XLIFF 2, TMX, TBX) share one safe parse: encodings found as the
XML specification says, entities refused before and after parsing, one-line errors."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from aligner.errors import InputError
from aligner.readers import xmlsafe
from aligner.readers.bilingual import read_bilingual
from aligner.readers.xmlsafe import ENTITY_PROBLEM, MAX_QUOTED
from hexaglot.cli import cli
from qa_rules.glossary.tbx import read_tbx

SOURCE = "Décide de rester saisi de la question"
TARGET = "Decides to remain seized of the matter"

#: Each format as (file suffix, template): line 1 the XML declaration, line 2 the DOCTYPE,
#: ``{text}`` the source segment (or the French term), ``{head}`` the declaration's attributes.
FORMATS = {
    "xliff12": (".xlf", '<?xml version="1.0"{head}?>\n{doctype}\n'
                '<xliff version="1.2"><file source-language="fr" target-language="en"><body>\n'
                '<trans-unit id="1"><source>{text}</source><target>' + TARGET + "</target></trans-unit>\n"
                "</body></file></xliff>\n"),
    "xliff2": (".xlf", '<?xml version="1.0"{head}?>\n{doctype}\n'
               '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="fr" trgLang="en">'
               '<file id="f1">\n<unit id="u1"><segment id="s1"><source>{text}</source><target>' + TARGET
               + "</target></segment></unit>\n</file></xliff>\n"),
    "tmx": (".tmx", '<?xml version="1.0"{head}?>\n{doctype}\n'
            '<tmx version="1.4"><header srclang="fr" datatype="plaintext"/><body>\n'
            '<tu tuid="1"><tuv xml:lang="fr"><seg>{text}</seg></tuv><tuv xml:lang="en"><seg>' + TARGET
            + "</seg></tuv></tu>\n</body></tmx>\n"),
    "tbx": (".tbx", '<?xml version="1.0"{head}?>\n{doctype}\n'
            '<martif type="TBX-Basic"><text><body>\n<termEntry id="c1">'
            '<langSet xml:lang="fr"><tig><term>{text}</term></tig></langSet>'
            '<langSet xml:lang="en"><tig><term>' + TARGET + "</term></tig></langSet>"
            "</termEntry>\n</body></text></martif>\n"),
}


def _write(tmp_path, fmt: str, doctype: str = "", text: str = SOURCE, codec: str = "utf-8", head: str = ""):
    suffix, template = FORMATS[fmt]
    path = tmp_path / f"{fmt}{suffix}"
    path.write_bytes(template.format(doctype=doctype, text=text, head=head).encode(codec))
    return path


def _read(fmt: str, path) -> list[str]:
    """The source texts the reader found (segments, or French terms)."""
    if fmt == "tbx":
        return [t.text for c in read_tbx(path).concepts for t in c.terms if t.lang == "fr"]
    alignment = read_bilingual(path)
    return [u.text for u in alignment.documents[alignment.languages[0]].units]


def _refused(fmt: str, path) -> InputError:
    with pytest.raises(InputError) as caught:
        _read(fmt, path)
    err = caught.value
    assert err.path == str(path)
    assert "\n" not in str(err) and "\r" not in str(err)
    return err


# -- entity declarations: every disguise is refused, in every format ----------------------------------------

DECLARED = '<!ENTITY e "' + SOURCE + '">'

#: (name, DOCTYPE, codec of the whole file, encoding attribute of the XML declaration)
BYPASSES = [
    ("gt in a SYSTEM literal", '<!DOCTYPE x SYSTEM "a>b" [' + DECLARED + "]>", "utf-8", ""),
    ("gt and bracket in PUBLIC literals", "<!DOCTYPE x PUBLIC \"-//a>[b//EN\" 'c]>d' [" + DECLARED + "]>",
     "utf-8", ""),
    ("a comment first", '<!-- <!DOCTYPE a> --><!DOCTYPE x [' + DECLARED + "]>", "utf-8", ""),
    ("UTF-16 LE without BOM", "<!DOCTYPE x [" + DECLARED + "]>", "utf-16-le", ' encoding="UTF-16"'),
    ("UTF-16 BE without BOM", "<!DOCTYPE x [" + DECLARED + "]>", "utf-16-be", ' encoding="UTF-16"'),
    ("UTF-16 LE, no BOM, no encoding", "<!DOCTYPE x [" + DECLARED + "]>", "utf-16-le", ""),
    ("UTF-32 LE without BOM", "<!DOCTYPE x [" + DECLARED + "]>", "utf-32-le", ' encoding="UTF-32"'),
    ("declared UTF-16, written UTF-8", "<!DOCTYPE x [" + DECLARED + "]>", "utf-8", ' encoding="UTF-16"'),
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name, doctype, codec, head", BYPASSES, ids=[b[0] for b in BYPASSES])
def test_entity_declarations_are_refused_at_their_line_however_disguised(tmp_path, fmt, name, doctype, codec, head):
    path = _write(tmp_path, fmt, doctype, text="&e;", codec=codec, head=head)
    err = _refused(fmt, path)
    assert (err.problem, err.line) == (ENTITY_PROBLEM, 2)
    assert SOURCE not in str(err)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_parsed_tree_is_checked_too_when_the_scan_before_parsing_misses(tmp_path, fmt, monkeypatch):
    """The second line of defence: with the scan before parsing blinded, the DTD that lxml parsed
    still refuses the file, rather than the reader dropping the entity's text."""
    monkeypatch.setattr(xmlsafe, "_entity_declaration", lambda text: None)
    path = _write(tmp_path, fmt, "<!DOCTYPE x [" + DECLARED + "]>", text="&e;")
    err = _refused(fmt, path)
    assert (err.problem, err.line) == (ENTITY_PROBLEM, 2)


@pytest.mark.parametrize("uses", ["&lol9;", "text"])
def test_a_declaration_past_the_scanned_start_is_still_refused(tmp_path, uses):
    """The scan before parsing reads ``SCAN_LIMIT`` characters at most; past them libxml2's own
    parse decides: a bomb it stops, or a DTD that declares entities."""
    lols = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">\n' for i in range(1, 10))
    path = _write(tmp_path, "tmx", "<!--" + "c" * xmlsafe.SCAN_LIMIT + '-->\n<!DOCTYPE tmx [\n<!ENTITY lol0 "lol">\n'
                  + lols + "]>", text=uses)
    err = _refused("tmx", path)
    assert (err.problem, err.line) == (ENTITY_PROBLEM, 4)


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_entity_from_an_unread_external_dtd_is_refused_not_dropped(tmp_path, fmt):
    """``<!DOCTYPE tmx SYSTEM "tmx14.dtd">`` is common and fine, but the DTD is never read, so an
    entity it might declare would come out as nothing: the segment would lose its words."""
    path = _write(tmp_path, fmt, '<!DOCTYPE x SYSTEM "external.dtd">', text="Décide de &rester; saisi")
    err = _refused(fmt, path)
    assert err.line == 4 and "&rester;" in err.problem and "does not expand" in err.problem


def test_an_entity_in_an_attribute_is_refused_too(tmp_path):
    """libxml2 leaves no node for it, only a warning: ``translate="n&o;"`` would read as ``"n"``."""
    path = tmp_path / "attr.xlf"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE xliff SYSTEM "xliff.dtd">\n'
                    '<xliff version="1.2"><file source-language="fr" target-language="en"><body>\n'
                    f'<trans-unit id="1" translate="n&o;"><source>{SOURCE}</source></trans-unit>\n'
                    "</body></file></xliff>\n", encoding="utf-8")
    err = _refused("xliff12", path)
    assert err.line == 4 and "&o;" in err.problem


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_external_dtd_alone_is_not_a_problem(tmp_path, fmt):
    path = _write(tmp_path, fmt, '<!DOCTYPE x SYSTEM "a>b.dtd">')
    assert _read(fmt, path) == [SOURCE]


# -- encodings: found as the XML specification says, nothing dropped -------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("codec, head", [
    ("utf-16-le", ' encoding="UTF-16"'), ("utf-16-be", ' encoding="UTF-16"'),
    ("utf-16-le", ""), ("utf-16-be", ""), ("utf-32-be", ""),
    ("utf-8-sig", ' encoding="UTF-16"'),  # a UTF-8 mark beats a wrong declaration
    ("cp1252", ' encoding="windows-1252"'), ("iso-8859-1", " encoding='ISO-8859-1'"),
])
def test_every_xml_encoding_is_read_to_the_same_text(tmp_path, fmt, codec, head):
    path = _write(tmp_path, fmt, "<!-- no DTD -->", codec=codec, head=head)
    assert _read(fmt, path) == [SOURCE]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_byte_that_is_not_the_declared_encoding_is_one_line_at_its_line(tmp_path, fmt):
    suffix, template = FORMATS[fmt]
    path = tmp_path / f"latin{suffix}"
    path.write_bytes(template.format(doctype="", text=SOURCE, head=' encoding="UTF-8"').encode("latin-1"))
    err = _refused(fmt, path)
    assert err.line == 4 and "0xE9" in err.problem and "utf-8" in err.problem
    assert "Bytes" not in err.problem and "cide" not in err.problem  # libxml2's second line, the file's text


@pytest.mark.parametrize("name, problem", [("x-no-such-charset", "unknown encoding"), ("punycode", "does not read"),
                                           ("unicode_escape", "does not read")])
def test_an_encoding_that_is_not_a_character_set_is_refused(tmp_path, name, problem):
    path = _write(tmp_path, "tmx", head=f' encoding="{name}"')
    err = _refused("tmx", path)
    assert err.line == 1 and problem in err.problem and name in err.problem


# -- error messages: one line, short, no file contents ------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_parser_message_is_one_short_line(tmp_path, fmt):
    name = "seg" + "x" * 5000
    suffix, template = FORMATS[fmt]
    path = tmp_path / f"long{suffix}"
    path.write_text(template.format(doctype="", text=f"<{name}>{SOURCE}</y>", head=""), encoding="utf-8")
    err = _refused(fmt, path)
    assert err.line == 4 and "well-formed" in err.problem
    assert len(err.problem) < MAX_QUOTED + 100 and "x" * (MAX_QUOTED + 1) not in err.problem
    assert SOURCE not in err.problem


def test_quote_escapes_controls_and_cuts():
    assert xmlsafe.quote("a\nb\x1b[31m\u202e") == "a\\x0ab\\x1b[31m\\u202e"
    assert xmlsafe.quote("y" * 1000) == "y" * MAX_QUOTED + "..."


def test_the_cli_prints_one_line_and_exits_2_for_a_disguised_entity(tmp_path):
    path = _write(tmp_path, "xliff12", '<!DOCTYPE x SYSTEM "a>b" [' + DECLARED + "]>", text="&e;")
    out = tmp_path / "qa.json"
    result = CliRunner().invoke(cli, ["check", str(path), "--format", "json", "-o", str(out)])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and f"{path}:2:" in lines[0] and "Traceback" not in result.output
    assert not out.exists()


# -- nothing dropped without a word -----------------------------------------------------------------------


def test_a_trans_unit_without_source_is_a_warning(tmp_path):
    path = tmp_path / "nosource.xlf"
    path.write_text('<xliff version="1.2"><file source-language="fr" target-language="en"><body>\n'
                    f'<trans-unit id="1"><source>{SOURCE}</source><target>{TARGET}</target></trans-unit>\n'
                    f'<trans-unit id="2"><target>{TARGET}</target></trans-unit>\n'
                    f'<trans-unit id="3"><source/><target>{TARGET}</target></trans-unit>\n'
                    '<trans-unit id="4"><source><x id="0"/></source></trans-unit>\n'  # codes only: nothing lost
                    "</body></file></xliff>\n", encoding="utf-8")
    alignment = read_bilingual(path)
    warnings = alignment.documents["fr"].warnings
    assert any(w.startswith("line 3: trans-unit 2 has no <source>") for w in warnings), warnings
    assert any(w.startswith("line 4: segment 3 has a target but no source text") for w in warnings), warnings
    assert not any("line 5" in w for w in warnings)


def test_an_xliff2_segment_without_source_is_a_warning(tmp_path):
    path = tmp_path / "nosource2.xlf"
    path.write_text('<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="fr" trgLang="en">'
                    f'<file id="f"><unit id="u1">\n<segment id="s1"><source>{SOURCE}</source></segment>\n'
                    f'<segment id="s2"><target>{TARGET}</target></segment>\n</unit></file></xliff>\n',
                    encoding="utf-8")
    warnings = read_bilingual(path).documents["fr"].warnings
    assert any(w.startswith("line 3: segment u1#s2 has no <source>") for w in warnings), warnings


def test_a_tuv_without_language_is_a_warning(tmp_path):
    path = tmp_path / "nolang.tmx"
    path.write_text('<tmx version="1.4"><header srclang="fr"/><body>\n<tu><tuv xml:lang="fr"><seg>'
                    f'{SOURCE}</seg></tuv>\n<tuv><seg>{TARGET}</seg></tuv></tu>\n'
                    f'<tu><tuv xml:lang="fr"/><tuv xml:lang="en"><seg>{TARGET}</seg></tuv></tu>\n</body></tmx>\n',
                    encoding="utf-8")
    warnings = read_bilingual(path).documents["fr"].warnings
    assert "line 3: tuv without xml:lang; skipped" in warnings
    assert "line 4: tu without fr text" in warnings


# -- Weblate's statuses --------------------------------------------------------------------------------


def test_a_weblate_glossary_with_obsolete_and_forbidden_terms_loads(tmp_path):
    """Weblate writes ``obsolete`` and ``forbidden`` in ``administrativeStatus``: a term out of use
    because another replaced it is superseded; one that must not be used is deprecated. Both are
    flagged when a target uses them."""
    path = tmp_path / "weblate.tbx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en"><text><body>\n'
        '<termEntry id="ftf"><descrip type="definition">A person who travels abroad to fight.</descrip>\n'
        '<langSet xml:lang="en">'
        '<tig><term>foreign terrorist fighter</term></tig>'
        '<tig><term>foreign fighter</term><termNote type="administrativeStatus">obsolete</termNote></tig>'
        "</langSet>\n"
        '<langSet xml:lang="fr">'
        '<tig><term>combattant terroriste étranger</term><note from="translator">UN usage</note></tig>'
        '<tig><term>djihadiste étranger</term><termNote type="administrativeStatus">forbidden</termNote></tig>'
        "</langSet>\n</termEntry>\n</body></text></martif>\n", encoding="utf-8")
    statuses = {t.text: (t.status, t.rejected) for c in read_tbx(path).concepts for t in c.terms}
    assert statuses == {
        "foreign terrorist fighter": ("preferred", False),
        "foreign fighter": ("superseded", True),
        "combattant terroriste étranger": ("preferred", False),
        "djihadiste étranger": ("deprecated", True),
    }


def test_an_unknown_status_is_still_refused_at_its_line(tmp_path):
    path = tmp_path / "status.tbx"
    path.write_text('<martif><text><body>\n<termEntry id="a"><langSet xml:lang="en"><tig><term>x</term>\n'
                    '<termNote type="administrativeStatus">' + "z" * 500 + "</termNote></tig></langSet>"
                    "</termEntry></body></text></martif>\n", encoding="utf-8")
    err = _refused("tbx", path)
    assert err.line == 3 and "unknown term status" in err.problem and len(err.problem) < 300


def test_every_real_xml_file_still_loads(shared_data):
    """The real CAT and TBX files keep loading through the one safe path (two of them name an
    external DTD, which is never read)."""
    formats = shared_data / "formats"
    for path in sorted(p for p in formats.rglob("*") if p.is_file() and p.suffix != ".md"):
        if path.suffix == ".tbx":
            assert read_tbx(path).concepts, path
        else:
            assert read_bilingual(path).rows, path
