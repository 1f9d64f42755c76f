"""Alignment writers: TMX, JSON, HTML, TSV/CSV, XLSX."""

from __future__ import annotations

import html
import io
import json

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st
from lxml import etree

from aligner.align import signature
from aligner.errors import InputError
from aligner.model import Alignment, Cell, Row
from aligner.writers import format_for_path, render, write_alignment

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TRICKY = "Texte <script>alert('x')</script> & « guillemets » \"quotes\" =1+1"


def make_alignment(text: str = TRICKY) -> Alignment:
    langs = ("fr", "en", "ar")
    rows = (
        Row(cells={"fr": Cell(("op.1",), (10,), text), "en": Cell(("op.1",), (11,), "Urges <all> States & co"),
                   "ar": Cell(("op.1",), (12,), "تحث الدول الأعضاء")}, score=0.97),
        Row(cells={"fr": Cell(("op.2",), (13, 14), "Prie le Secrétaire général"), "en": Cell((), (), ""),
                   "ar": Cell(("op.2",), (15,), "تطلب إلى الأمين العام")}, score=0.2),
    )
    return Alignment(languages=langs, pivot="fr", level="paragraph", rows=rows, documents={},
                     signature=signature(langs, "fr", "paragraph"))


def test_tmx_is_well_formed_with_required_attributes():
    data = render(make_alignment(), "tmx")
    root = etree.fromstring(data)
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    for attr in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"):
        assert header.get(attr), attr
    assert header.get("srclang") == "fr" and header.get("segtype") == "paragraph"
    tus = root.findall("body/tu")
    assert len(tus) == 2
    first = {tuv.get(XML_LANG): tuv.findtext("seg") for tuv in tus[0].findall("tuv")}
    assert first == {"fr": TRICKY, "en": "Urges <all> States & co", "ar": "تحث الدول الأعضاء"}
    assert [tuv.get(XML_LANG) for tuv in tus[1].findall("tuv")] == ["fr", "ar"]  # no tuv for the gap
    assert tus[1].find("prop[@type='x-score']").text == "0.2000"
    assert b"&lt;script&gt;" in data and b"<script>" not in data
    # every tu: props first, then at least one tuv (the TMX 1.4 content model)
    for tu in tus:
        tags = [child.tag for child in tu]
        assert tags.index("tuv") > max(i for i, t in enumerate(tags) if t == "prop")


def test_json_follows_the_documented_schema():
    doc = json.loads(render(make_alignment(), "json"))
    assert set(doc) == {"languages", "pivot", "level", "rows", "signature"}
    assert doc["languages"] == ["fr", "en", "ar"] and doc["pivot"] == "fr" and doc["level"] == "paragraph"
    for row in doc["rows"]:
        assert set(row) == {"score", "cells"} and 0 <= row["score"] <= 1
        assert list(row["cells"]) == doc["languages"]
        for cell in row["cells"].values():
            assert set(cell) == {"units", "lines", "text"}
            assert isinstance(cell["units"], list) and isinstance(cell["lines"], list)
    assert doc["rows"][1]["cells"]["en"] == {"units": [], "lines": [], "text": ""}
    assert doc["rows"][1]["cells"]["fr"]["lines"] == [13, 14]
    assert doc["signature"].startswith("hexaglot ") and "| align |" in doc["signature"]


def test_html_escapes_text_marks_rtl_gaps_and_review():
    page = render(make_alignment(), "html")
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "Urges &lt;all&gt; States &amp; co" in page
    assert '<td class="cell" lang="ar" dir="rtl" data-col="ar">' in page and '<th lang="ar" dir="rtl"' in page
    assert '<td class="cell" lang="fr" data-col="fr">' in page
    assert page.count('class="cell gap"') == 1
    assert page.count('<tr class="row low') == 1  # the 0.2 row, not the 0.97 row
    assert "below 0.5" in page  # the legend says what the orange row number means
    assert "http" not in page.split("<body")[0]  # self-contained: no external resources
    assert signature(("fr", "en", "ar"), "fr", "paragraph") in page


@pytest.mark.parametrize("fmt,sep", [("tsv", "\t"), ("csv", ",")])
def test_tables_read_back(fmt, sep):
    text = render(make_alignment(), fmt)
    frame = pd.read_csv(io.StringIO(text), sep=sep, comment=None, keep_default_na=False, skipfooter=1,
                        engine="python")
    assert list(frame.columns) == ["row", "score", "fr", "fr_units", "en", "en_units", "ar", "ar_units"]
    assert frame.loc[0, "fr"] == TRICKY and frame.loc[1, "en"] == "" and frame.loc[1, "ar_units"] == "op.2"
    assert text.rstrip("\n").splitlines()[-1].startswith("# hexaglot ")


def test_xlsx_keeps_text_as_text():
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(render(make_alignment("=1+1"), "xlsx")))
    sheet = book["alignment"]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["row", "score", "fr"]
    assert sheet.cell(row=2, column=3).value == "=1+1" and sheet.cell(row=2, column=3).data_type == "s"
    assert book["about"]["B1"].value.startswith("hexaglot ")
    arabic = sheet.cell(row=2, column=header.index("ar") + 1)
    assert arabic.value.startswith("تحث") and arabic.alignment.readingOrder == 2
    assert arabic.alignment.horizontal == "right" and sheet.cell(row=2, column=3).alignment.readingOrder == 1


def test_format_from_extension_and_bad_paths(tmp_path):
    assert format_for_path("out.TMX") == "tmx" and format_for_path("x.htm") == "html"
    with pytest.raises(InputError):
        format_for_path("out.doc")
    missing = tmp_path / "no" / "out.json"
    with pytest.raises(InputError):
        write_alignment(make_alignment(), missing)
    assert not missing.parent.exists()
    out = tmp_path / "out.json"
    write_alignment(make_alignment(), out)
    assert json.loads(out.read_text(encoding="utf-8"))["pivot"] == "fr"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left


@settings(max_examples=40, deadline=None)
@given(st.text())
def test_any_text_survives_tmx_json_and_html(text):
    alignment = make_alignment(text)
    root = etree.fromstring(render(alignment, "tmx"))
    seg = root.find("body/tu/tuv").findtext("seg") or ""
    # XML 1.0 cannot carry most control characters: they are the only loss
    kept = "".join(ch for ch in text if ch in "\t\n\r" or (ord(ch) >= 32 and ch not in "\ufffe\uffff"))
    assert seg in (kept, kept.replace("\r\n", "\n").replace("\r", "\n"))
    assert json.loads(render(alignment, "json"))["rows"][0]["cells"]["fr"]["text"] == text
    page = render(alignment, "html")
    assert html.escape(text) in page


def test_signatures_do_not_import_the_cli_package():
    # the aligner sits below the CLI: its signatures read the installed version
    import subprocess
    import sys

    code = ("import sys\n"
            "from aligner.align import signature\n"
            "from aligner.model import Alignment\n"
            "from aligner.writers import render\n"
            "sig = signature(('fr', 'en'), 'fr', 'paragraph')\n"
            "render(Alignment(('fr', 'en'), 'fr', 'paragraph', (), {}, sig), 'tmx')\n"
            "assert sig.startswith('hexaglot 0.') and 'hexaglot' not in sys.modules, sig\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr[-500:]
