"""TMX 1.4: ``body/tu/tuv/seg``, one row per ``tu``, one document per language.

The source language is the header's ``srclang`` (or the ``tu``'s), else the
first ``tuv``'s; ``*all*`` means the first ``tuv``. Other languages follow in
order of first appearance. Inline ``it``, ``bpt``/``ept``, ``ph``, ``ut`` are
codes (their content is native data, not text), ``hi`` wraps text, ``sub``
flows are left out of the text; all become ``Unit.markup``. Two variants of
one language (``en-us``, ``en-gb``) are kept apart: the later one keeps its
full code.
"""

from __future__ import annotations

from lxml import etree

from aligner.readers.bilingual import Collected, SegmentRow, unique_codes
from aligner.readers.inline import flatten, local

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _tuv_lang(tuv: etree._Element) -> str:
    return (tuv.get(_XML_LANG) or tuv.get("lang") or "").lower()


def collect_tmx(root: etree._Element, path: str) -> Collected:
    header = next((el for el in root if local(el.tag) == "header"), None)
    srclang = (header.get("srclang") if header is not None else "") or ""
    tus = [el for el in root.iter() if local(el.tag) == "tu"]
    codes: list[str] = []
    if srclang and srclang.lower() != "*all*":
        codes.append(srclang.lower())
    for tu in tus:
        for tuv in (c for c in tu if local(c.tag) == "tuv"):
            code = _tuv_lang(tuv)
            if code and code not in codes:
                codes.append(code)
    keys = unique_codes(codes)
    key_of = dict(zip(codes, keys))
    collected = Collected(languages=keys)
    for tu in tus:
        cells = {}
        for tuv in (c for c in tu if local(c.tag) == "tuv"):
            seg = next((c for c in tuv if local(c.tag) == "seg"), None)
            key = key_of.get(_tuv_lang(tuv))
            if key is None:
                collected.warnings.append(f"line {tuv.sourceline}: tuv without xml:lang; skipped")
                continue
            if seg is None:
                continue
            cells[key] = flatten(seg)
        if not keys or not (cells.get(keys[0]) and cells[keys[0]].text):
            if cells or any(local(c.tag) == "tuv" for c in tu):  # a tuv without <seg> is not nothing
                collected.warnings.append(f"line {tu.sourceline}: tu without {keys[0] if keys else 'source'} text")
            continue
        collected.rows.append(SegmentRow(cells=cells, status="", note=str(tu.get("tuid") or tu.sourceline),
                                         line=tu.sourceline or 0))
    return collected
