"""Readers: .md, .txt, .docx, lines; language resolution; odd-but-readable structure."""

from __future__ import annotations

import codecs

import pytest

from aligner.errors import InputError
from aligner.langid import lang_from_name
from aligner.readers import detect_format, read_document

SMALL_FR = """## 2023/26. Assistance technique

*L'Assemblée générale*,

*Rappelant* sa résolution [74/175](#) du 18 décembre 2019<sup>1</sup>,

1. *Prie* l'Office de continuer ;

2. *Décide* de rester saisie de la question.

<sup>1</sup> Voir A/RES/74/175.
"""


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_md_small_document(tmp_path):
    doc = read_document(_write(tmp_path, "fr.md", SMALL_FR))
    assert [u.id for u in doc.units] == ["title", "meta.1", "pp.1", "op.1", "op.2", "fn.1"]
    pp = doc.unit("pp.1")
    assert pp.text == "Rappelant sa résolution 74/175 du 18 décembre 2019,"
    assert pp.footnotes[0].number == 1 and pp.footnotes[0].offset == len("Rappelant sa résolution 74/175 du 18 décembre 2019")
    assert pp.italic[0].text == "Rappelant"
    assert doc.unit("op.2").number == 2 and doc.unit("op.2").lines == (9, 9)
    assert doc.warnings == ()


def test_txt_without_markup(tmp_path):
    text = ("Nations Unies\n\nL'Assemblée générale,\n\nRappelant sa résolution 74/175\n"
            "du 18 décembre 2019,\n\n1. Prie l'Office de continuer ;\n\n2. Décide de rester saisie.\n")
    doc = read_document(_write(tmp_path, "resolution_fr.txt", text))
    assert doc.input_format == "txt" and doc.lang == "fr"
    assert [u.role for u in doc.units] == ["meta", "meta", "preambular", "operative", "operative"]
    assert doc.unit("pp.1").text == "Rappelant sa résolution 74/175 du 18 décembre 2019,"
    assert doc.unit("pp.1").lines == (5, 6)


def test_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "fr.md"
    path.write_bytes(codecs.BOM_UTF16_LE + SMALL_FR.encode("utf-16-le"))
    assert len(read_document(path).by_role("operative")) == 2


def test_chinese_lines_join_without_space(tmp_path):
    text = "## 2023/26. 技术援助\n\n*大会*，\n\n*回顾*其2019年12月18日\n第74/175号决议，\n\n1．*请*毒品和犯罪问题办公室\n继续提供援助；\n"
    doc = read_document(_write(tmp_path, "zh.md", text))
    assert doc.unit("pp.1").text == "回顾其2019年12月18日第74/175号决议，"
    assert doc.unit("op.1").text == "请毒品和犯罪问题办公室继续提供援助；"


def test_arabic_page_cut_rejoined_by_punctuation(tmp_path):
    text = ("## 2023/26 - المساعدة التقنية\n\n*إن الجمعية العامة*،\n\n*إذ تشير* إلى قرارها 74/175 المؤرخ\n\n"
            "---\nE/RES/2023/26\n\n18 كانون الأول/ديسمبر 2019،\n\n1 - *تطلب* إلى المكتب أن يواصل عمله؛\n")
    doc = read_document(_write(tmp_path, "ar.md", text))
    assert [u.id for u in doc.by_role("preambular")] == ["pp.1"]
    assert doc.unit("pp.1").text.endswith("المؤرخ 18 كانون الأول/ديسمبر 2019،")
    assert doc.unit("op.1").number == 1


def test_lines_format_any_language(tmp_path):
    path = _write(tmp_path, "dev.de", "Himalaya-Chronik 1956\n\n  Der Berg ist hoch.  \n")
    doc = read_document(path)
    assert doc.lang == "de" and doc.input_format == "lines"
    assert [(u.id, u.role, u.text, u.lines) for u in doc.units] == [
        ("seg.1", "segment", "Himalaya-Chronik 1956", (1, 1)),
        ("seg.2", "segment", "Der Berg ist hoch.", (3, 3)),
    ]
    assert doc.unit("seg.2").sentences[0].text == "Der Berg ist hoch."


def test_lines_format_forced_and_lang_given(tmp_path):
    path = _write(tmp_path, "segments.md", "Une phrase.\nDeux phrases.\n")
    doc = read_document(path, lang="FR-ca", input_format="lines")
    assert doc.lang == "fr" and len(doc.units) == 2


@pytest.mark.parametrize("name, lang", [
    ("fr.md", "fr"), ("report_fr.md", "fr"), ("report-FR.docx", "fr"), ("dev.fr", "fr"),
    ("A-RES-55-100_zh.txt", "zh"), ("notes.md", None), ("resolution.docx", None),
    ("en_draft.md", "en"), ("ZH-final.docx", "zh"), ("my_notes.md", None), ("no_footnotes.txt", None),
])
def test_language_from_file_name(name, lang):
    assert lang_from_name(name) == lang


def test_format_from_extension():
    assert [detect_format(n) for n in ("a.md", "a.txt", "a.docx", "dev.fr")] == ["md", "txt", "docx", "lines"]
    with pytest.raises(InputError, match="pass --input-format"):
        detect_format("a.pdf")


def test_language_detected_when_the_name_says_nothing(tmp_path):
    doc = read_document(_write(tmp_path, "resolution.md", SMALL_FR))
    assert doc.lang == "fr"


def test_language_too_short_to_tell(tmp_path):
    with pytest.raises(InputError, match="cannot tell the language; pass --lang|pass --lang"):
        read_document(_write(tmp_path, "resolution.md", "1. Oui ;\n"))


def test_unsupported_language_for_structure(tmp_path):
    with pytest.raises(InputError, match="not supported for document structure"):
        read_document(_write(tmp_path, "de.md", "Die Generalversammlung,\n\n1. Beschließt.\n"))


def test_unknown_language_code(tmp_path):
    with pytest.raises(InputError, match="unknown language code 'xx'"):
        read_document(_write(tmp_path, "fr.md", SMALL_FR), lang="xx")


def test_no_structure_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no recognisable structure"):
        read_document(_write(tmp_path, "fr.md", "# Un titre\n\nUn texte quelconque sans paragraphes numérotés.\n"))


def test_odd_structure_gives_warnings_not_a_crash(tmp_path):
    text = SMALL_FR.replace("2. *Décide*", "4. *Décide*") + "\n3. *Prie* encore <sup>7</sup> ;\n\n<sup>2</sup> Jamais cité.\n"
    text = text.replace("<sup>1</sup> Voir", "<sup>1</sup> Voir")
    doc = read_document(_write(tmp_path, "fr.md", text))
    joined = "\n".join(doc.warnings)
    assert "skips to 4 where 2 was expected" in joined
    assert "repeats 3" in joined
    assert "footnote marker 7 in op.3 has no footnote" in joined
    assert "footnote 2 (fn.2) is never cited" in joined


def test_repeated_operative_number_gets_a_distinct_id(tmp_path):
    text = SMALL_FR.replace("2. *Décide*", "1. *Décide*")
    doc = read_document(_write(tmp_path, "fr.md", text))
    assert [u.id for u in doc.by_role("operative")] == ["op.1", "op.1b"]
    assert any("op.1 appears more than once" in w for w in doc.warnings)


# -- .docx ------------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx_with_footnote(path):
    docx = pytest.importorskip("docx")
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from lxml import etree

    document = docx.Document()
    document.add_paragraph("Nations Unies")
    document.add_heading("2023/26. Assistance technique fournie par l'Office", level=2)
    document.add_paragraph().add_run("L'Assemblée générale,").italic = True
    para = document.add_paragraph()
    para.add_run("Réaffirmant").italic = True
    para.add_run(" la Stratégie antiterroriste mondiale des Nations Unies, adoptée le 8 septembre 2006")
    run = OxmlElement("w:r")
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), "2")
    run.append(ref)
    para._p.append(run)
    para.add_run(", et rappelant ses résolutions,")
    para = document.add_paragraph("1. ")
    para.add_run("Prie").italic = True
    para.add_run(" l'Office de continuer ; le texte contient * et [x] sans balisage.")
    document.add_paragraph("43e séance plénière")

    root = etree.Element(f"{{{W}}}footnotes", nsmap={"w": W})
    for note_id, kind in (("-1", "separator"), ("0", "continuationSeparator")):
        note = etree.SubElement(root, f"{{{W}}}footnote", {f"{{{W}}}type": kind, f"{{{W}}}id": note_id})
        etree.SubElement(etree.SubElement(etree.SubElement(note, f"{{{W}}}p"), f"{{{W}}}r"), f"{{{W}}}{kind}")
    note = etree.SubElement(root, f"{{{W}}}footnote", {f"{{{W}}}id": "2"})
    p = etree.SubElement(note, f"{{{W}}}p")
    etree.SubElement(etree.SubElement(p, f"{{{W}}}r"), f"{{{W}}}footnoteRef")
    t = etree.SubElement(etree.SubElement(p, f"{{{W}}}r"), f"{{{W}}}t")
    t.text = " Résolution 60/288, "
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r = etree.SubElement(p, f"{{{W}}}r")
    etree.SubElement(etree.SubElement(r, f"{{{W}}}rPr"), f"{{{W}}}i")
    etree.SubElement(r, f"{{{W}}}t").text = "annexe"
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                blob, document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    document.save(str(path))
    return path


def test_docx_paragraphs_italics_and_footnotes(tmp_path):
    path = _docx_with_footnote(tmp_path / "resolution_fr.docx")
    import zipfile

    assert "word/footnotes.xml" in zipfile.ZipFile(path).namelist()
    doc = read_document(path)
    assert doc.input_format == "docx" and doc.lang == "fr"
    assert [u.id for u in doc.units] == ["meta.1", "title", "meta.2", "pp.1", "op.1", "closing.1", "fn.1"]
    pp = doc.unit("pp.1")
    assert pp.italic[0].text == "Réaffirmant"
    assert pp.footnotes[0].number == 1
    assert pp.text[:pp.footnotes[0].offset].endswith("8 septembre 2006")
    assert pp.lines == (4, 4)  # paragraph numbers
    fn = doc.unit("fn.1")
    assert fn.text == "Résolution 60/288, annexe" and fn.italic[0].text == "annexe"
    assert doc.unit("op.1").text == "Prie l'Office de continuer ; le texte contient * et [x] sans balisage."
    assert doc.unit("title").text.startswith("2023/26.")
    assert doc.warnings == ()


def test_docx_that_is_not_a_zip(tmp_path):
    with pytest.raises(InputError, match="not a .docx"):
        read_document(_write(tmp_path, "fr.docx", SMALL_FR))
