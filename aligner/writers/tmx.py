"""TMX 1.4b: one ``tu`` per aligned row, one ``tuv`` per language present.

The header names the pivot as ``srclang``; each ``tu`` carries the row's
confidence (``prop type="x-score"``) and the unit ids of each language
(``prop type="x-units-<lang>"``); an empty cell (omission, insertion) has no
``tuv``. Where a language merges what the pivot keeps apart, its ``tuv``
is in the first row's ``tu``, marked ``prop type="x-span-<lang>"`` (the
number of rows it covers), and each row it covers says
``prop type="x-continues-<lang>"`` (the ids it continues), with no ``tuv``
of that language. lxml escapes the text; control characters that XML 1.0 forbids are
dropped from ``seg`` text.
"""

from __future__ import annotations

from lxml import etree

from aligner.align.version import tool_version
from aligner.model import Alignment
from aligner.writers.cells import NOT_XML

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _clean(text: str) -> str:
    return NOT_XML.sub("", text)


def render_tmx(alignment: Alignment) -> bytes:
    root = etree.Element("tmx", version="1.4")
    header = etree.SubElement(root, "header", {
        "creationtool": "hexaglot", "creationtoolversion": tool_version(),
        "segtype": "sentence" if alignment.level == "sentence" else "paragraph",
        "o-tmf": "hexaglot", "adminlang": "en", "srclang": alignment.pivot, "datatype": "plaintext",
    })
    etree.SubElement(header, "prop", type="x-signature").text = _clean(alignment.signature)
    body = etree.SubElement(root, "body")
    for n, row in enumerate(alignment.rows, start=1):
        tu = etree.SubElement(body, "tu", tuid=str(n))
        etree.SubElement(tu, "prop", type="x-score").text = f"{row.score:.4f}"
        for lang in alignment.languages:
            cell = row.cells[lang]
            if cell.units:
                etree.SubElement(tu, "prop", type=f"x-units-{lang}").text = " ".join(cell.units)
            if cell.span > 1:
                etree.SubElement(tu, "prop", type=f"x-span-{lang}").text = str(cell.span)
            if cell.continues:
                etree.SubElement(tu, "prop", type=f"x-continues-{lang}").text = " ".join(cell.continues)
        for lang in alignment.languages:
            cell = row.cells[lang]
            if not cell.units:
                continue
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            etree.SubElement(tuv, "seg").text = _clean(cell.text)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True,
                          doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">')
