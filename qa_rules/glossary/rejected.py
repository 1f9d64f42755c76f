"""Rejected candidates: expressions a terminologist decided are not terms, remembered in the glossary.

A rejected candidate is not a term: it must not be matched in running text
(a ``deprecated`` term would be flagged wherever it occurs), and a CAT tool
must not offer it. So it is kept outside the term entries, where terminology
tools leave it alone, and ``glossary candidates`` reads it to propose it no
more:

- TBX: in the back matter, ``martif/text/back/refObjectList[@type="x-rejectedCandidates"]``,
  one ``refObject`` per rejection, its fields as ``item`` elements
  (``term``, ``lang``, ``equivalent``, ``equivalentLang``, ``note``, ``source``).
  MultiTerm, memoQ and OmegaT import the ``termEntry`` elements and skip the
  back matter;
- XLSX: a second sheet, ``rejected`` (the glossary readers read the first sheet only);
- CSV holds one table, so it cannot keep them: ``glossary merge`` refuses a
  CSV output when there is a rejection to keep.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

#: The ``type`` of the back-matter list that holds the rejections.
LIST_TYPE = "x-rejectedCandidates"
#: Columns of the XLSX ``rejected`` sheet, and ``item`` types of a TBX ``refObject``.
FIELDS: tuple[str, ...] = ("term", "lang", "equivalent", "equivalentLang", "note", "source")
SHEET = "rejected"


@dataclass(frozen=True)
class Rejection:
    """A candidate expression decided not to be a term."""

    text: str
    lang: str
    #: The target equivalent proposed with it, if any (for the record; not matched).
    equivalent: str = ""
    equivalent_lang: str = ""
    #: The decider's note (why not a term).
    note: str = ""
    #: The document the candidate came from.
    source: str = ""

    def values(self) -> list[str]:
        return [self.text, self.lang, self.equivalent, self.equivalent_lang, self.note, self.source]

    @classmethod
    def from_values(cls, values: dict[str, str]) -> "Rejection":
        return cls(values.get("term", ""), values.get("lang", ""), values.get("equivalent", ""),
                   values.get("equivalentLang", ""), values.get("note", ""), values.get("source", ""))


def key(text: str, lang: str) -> tuple[str, str]:
    """What two rejections of the same expression share: language and words, case and
    inflection aside (the key ``glossary candidates`` gives an n-gram)."""
    from qa_rules.glossary.candidates import ngram_key

    return lang, ngram_key(text, lang)


def rejected_keys(rejections: Iterable[Rejection]) -> frozenset[tuple[str, str]]:
    return frozenset(key(r.text, r.lang) for r in rejections)


def read_rejected(path: str | Path) -> tuple[Rejection, ...]:
    """The rejections kept in a glossary file (none for CSV, or a file that has none)."""
    suffix = Path(path).suffix.lower()
    if suffix in (".tbx", ".xml"):
        return _from_tbx(str(path))
    if suffix in (".xlsx", ".xlsm"):
        return _from_xlsx(str(path))
    return ()


def _from_tbx(path: str) -> tuple[Rejection, ...]:
    from aligner.fileio import read_bytes
    from qa_rules.glossary.tbx import parse_xml

    root = parse_xml(path, read_bytes(path))
    found = []
    for ref_list in root.iter("{*}refObjectList"):
        if ref_list.get("type") != LIST_TYPE:
            continue
        for ref in ref_list.iter("{*}refObject"):
            values = {item.get("type", ""): " ".join("".join(item.itertext()).split())
                      for item in ref.iter("{*}item")}
            if values.get("term") and values.get("lang"):
                found.append(Rejection.from_values(values))
    return tuple(found)


def _from_xlsx(path: str) -> tuple[Rejection, ...]:
    from qa_rules.glossary.xlsx import open_workbook

    book = open_workbook(path)
    try:
        if SHEET not in book.sheetnames:
            return ()
        rows = [["" if v is None else str(v).strip() for v in row]
                for row in book[SHEET].iter_rows(values_only=True)]
    finally:
        book.close()
    if not rows:
        return ()
    header = rows[0]
    found = []
    for row in rows[1:]:
        values = {name: row[i] if i < len(row) else "" for i, name in enumerate(header)}
        if values.get("term") and values.get("lang"):
            found.append(Rejection.from_values(values))
    return tuple(found)


def add_to_tbx(root, rejections: Sequence[Rejection]) -> None:
    """Append the back matter holding ``rejections`` to a ``martif`` tree (nothing if none)."""
    from lxml import etree

    if not rejections:
        return
    text = next(el for el in root if el.tag == "text")
    ref_list = etree.SubElement(etree.SubElement(text, "back"), "refObjectList", {"type": LIST_TYPE})
    for number, rejection in enumerate(rejections, 1):
        ref = etree.SubElement(ref_list, "refObject", {"id": f"rejected-{number}"})
        for name, value in zip(FIELDS, rejection.values()):
            if value:
                etree.SubElement(ref, "item", {"type": name}).text = value


def add_to_xlsx(book, rejections: Sequence[Rejection]) -> None:
    """Add the ``rejected`` sheet holding ``rejections`` to a workbook (nothing if none)."""
    from aligner.writers.cells import append_row

    if not rejections:
        return
    sheet = book.create_sheet(SHEET)
    append_row(sheet, list(FIELDS))
    for rejection in rejections:
        append_row(sheet, rejection.values())
