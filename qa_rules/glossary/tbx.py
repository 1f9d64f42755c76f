"""TBX (ISO 30042) in and out.

Reads both forms of TBX met in the wild, classified by the root element (not
by the namespace, since real files put 2008 structure under the 2019
namespace):

- TBX 2008 / TBX-Basic: ``martif/text/body/termEntry/langSet/(tig|ntig)``;
- TBX 2019 (v3): ``tbx/text/body/conceptEntry/langSec/termSec``.

Writes TBX-Basic 2008 (``martif``), hexaglot's format of record: it is the
form the CAT and terminology tools used by UN translators import (MultiTerm,
memoQ, OmegaT, Okapi); see docs/terminology.md. What it writes keeps to the
dialect's structure, data categories and picklists (``tbxbasic``; the part of
speech ``phrase`` is written as TBX-Basic's term type ``phrase``), apart from
two private term notes, ``x-matchType`` and ``x-supersededSince``, which a
tool keeps as custom fields or drops.

XML is parsed by ``aligner.readers.xmlsafe.parse_xml``, the one safe path of
every XML reader: encoding detected as the XML specification says, entity
resolution, network access and DTD loading off, ``huge_tree`` off. A document
that declares or uses entities (the shape of an entity bomb) or is not
well-formed raises ``InputError`` with file and line.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from pathlib import Path
from typing import Sequence

from lxml import etree

from aligner.errors import InputError
from aligner.fileio import read_bytes
from aligner.readers.xmlsafe import parse_xml as parse_xml_safely
from aligner.readers.xmlsafe import quote
from qa_rules.glossary.details import read_transaction
from qa_rules.glossary.details import write_tbx as write_details
from qa_rules.glossary.langcodes import normalise_lang
from qa_rules.glossary.patterns import refuse_bad_patterns
from qa_rules.glossary.rejected import Rejection, add_to_tbx
from qa_rules.glossary.model import (
    MATCH_TYPES,
    PARTIAL_DATE,
    PARTS_OF_SPEECH,
    Concept,
    Detail,
    Glossary,
    Term,
    glossary_digest,
)

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: administrativeStatus / normativeAuthorization values -> our statuses.
_STATUS = {
    "preferredterm-admn-sts": "preferred",
    "admittedterm-admn-sts": "admitted",
    "deprecatedterm-admn-sts": "deprecated",
    "supersededterm-admn-sts": "superseded",
    "standardizedterm-admn-sts": "preferred",
    "legalterm-admn-sts": "preferred",
    "regulatedterm-admn-sts": "preferred",
    "preferredterm": "preferred",
    "admittedterm": "admitted",
    "deprecatedterm": "deprecated",
    "supersededterm": "superseded",
    "preferred": "preferred",
    "admitted": "admitted",
    "deprecated": "deprecated",
    "superseded": "superseded",
    "standardized": "preferred",
    # Weblate's glossary writes these two: a term out of use because another replaced it
    # (superseded), and a term that must not be used (deprecated). Both are flagged in targets.
    "obsolete": "superseded",
    "obsoleteterm": "superseded",
    "forbidden": "deprecated",
}
_STATUS_OUT = {s: f"{s}Term-admn-sts" for s in ("preferred", "admitted", "deprecated", "superseded")}
_POS = {p.lower(): p for p in PARTS_OF_SPEECH}
_POS.update({"propernoun": "properNoun", "noun phrase": "phrase", "adj": "adjective"})
_TERM_TYPES = {
    "fullform": "fullForm",
    "full": "fullForm",
    "shortform": "shortForm",
    "short": "shortForm",
    "acronym": "acronym",
    "abbreviation": "abbreviation",
    "abbreviatedformfor": "abbreviation",
    "variant": "variant",
}


def _local(el) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag[tag.index("}") + 1:] if tag[:1] == "{" else tag


def _text(el) -> str:
    text = el.text or "" if len(el) == 0 else "".join(el.itertext())
    return " ".join(text.split()) if ("  " in text or "\n" in text or "\t" in text) else text.strip()


def _children(el, *names: str):
    return [c for c in el if _local(c) in names]


def parse_xml(path: str, data: bytes):
    """Parse XML bytes safely (``aligner.readers.xmlsafe``); ``InputError`` with file and line on any problem."""
    return parse_xml_safely(data, path, remove_pis=True)


def read_tbx(path: str | Path, name: str | None = None, bundled: bool = False, data: bytes | None = None) -> Glossary:
    """Read a TBX file (2008/TBX-Basic or 2019) into a ``Glossary``."""
    path = str(path)
    if data is None:
        data = read_bytes(path)
    if not data.strip():
        raise InputError(path, "is empty")
    root = parse_xml(path, data)
    kind = _local(root)
    if kind == "martif":
        fmt = "tbx-basic-2008"
    elif kind == "tbx":
        fmt = "tbx-2019"
    else:
        raise InputError(path, f"is not TBX: root element is <{quote(kind)}>, expected <martif> (TBX 2008) "
                         "or <tbx> (TBX 2019)", root.sourceline)
    description = " ".join(_text(p) for p in root.iter("{*}p") if _in_source_desc(p))
    concepts = []
    seen_ids: set[str] = set()
    for number, entry in enumerate(root.iter("{*}termEntry", "{*}conceptEntry"), 1):
        concept = _read_entry(path, entry, number)
        if concept.id in seen_ids:
            raise InputError(path, f"entry id '{quote(concept.id)}' is used twice", entry.sourceline)
        seen_ids.add(concept.id)
        concepts.append(concept)
    if not concepts:
        raise InputError(path, "has no termEntry or conceptEntry; nothing to load", root.sourceline)
    glossary = Glossary(
        name=name or Path(path).stem,
        path=path,
        concepts=tuple(concepts),
        format=fmt,
        bundled=bundled,
        digest=glossary_digest(concepts, description),
        description=description,
    )
    refuse_bad_patterns(glossary, lambda: data)  # the table readers refuse them row by row
    return glossary


def _in_source_desc(p) -> bool:
    parent = p.getparent()
    return parent is not None and _local(parent) == "sourceDesc"


def _read_entry(path: str, entry, number: int) -> Concept:
    fields = {"subject": "", "definition": "", "note": "", "source": ""}
    details: list[Detail] = []
    _read_descrips(path, entry, fields, details)
    terms: list[Term] = []
    for section in _children(entry, "langSet", "langSec"):
        code = section.get(XML_LANG) or section.get("lang") or ""
        lang = normalise_lang(code)
        if lang is None:
            problem = f"unknown language code '{quote(code)}'" if code else "a language section has no xml:lang"
            raise InputError(path, f"{problem}; use an ISO 639-1 code such as en, fr, es, ru, zh, ar",
                             section.sourceline)
        _read_descrips(path, section, None, details, lang)
        for group in _children(section, "tig", "ntig", "termSec"):
            terms.append(_read_term(path, group, lang))
    if not terms:
        raise InputError(path, "an entry has no terms", entry.sourceline)
    return Concept(id=entry.get("id") or f"entry-{number}", terms=tuple(terms), details=tuple(details), **fields)


def _read_descrips(path: str, el, fields: dict | None, details: list[Detail], lang: str = "") -> None:
    """The information of an entry (``fields``: the concept's own fields, then ``details``) or of a
    language section (``fields`` None: all of it ``details`` in ``lang``)."""
    for child in el:
        local = _local(child)
        if local == "descripGrp":
            _read_descrips(path, child, fields, details, lang)
            continue
        if local == "transacGrp":
            dated = read_transaction(child, _text)
            if dated is not None:
                details.append(Detail(dated.category, dated.value, lang))
            continue
        if local not in _CONCEPT_FIELDS:
            continue  # language sections and term groups: read elsewhere (joining their text is slow)
        kind = (child.get("type") or "").lower()
        value = _text(child)
        if not value:
            continue
        source = local == "admin" and kind in ("source", "x-provenance", "provenance")
        if fields is not None and local == "descrip" and kind == "subjectfield":
            fields["subject"] = fields["subject"] or value
        elif fields is not None and local == "descrip" and kind == "definition" and not fields["definition"]:
            fields["definition"] = value
        elif fields is not None and local == "note":
            fields["note"] = f"{fields['note']} {value}".strip()
        elif fields is not None and source and not fields["source"]:
            fields["source"] = value
        elif local == "note":
            details.append(Detail("note", value, lang))
        elif source:
            details.append(Detail("source", value, lang))
        elif local == "descrip" and (kind == "definition" or kind.startswith("x-")):
            details.append(Detail(child.get("type") if kind.startswith("x-") else "definition", value, lang))


#: The elements of an entry or language section that carry one of the concept's fields.
_CONCEPT_FIELDS = frozenset({"descrip", "note", "admin"})

#: The elements of a term group that carry one of its fields.
_TERM_FIELDS = frozenset({"termNote", "note", "admin", "descrip"})
#: hexaglot's own private term notes, read into the term's fields.
_OWN_TERM_NOTES = frozenset({"x-matchtype", "x-supersededsince"})


def _read_term(path: str, group, lang: str) -> Term:
    term_el = next((e for e in group.iter() if _local(e) == "term"), None)
    if term_el is None or not _text(term_el):
        raise InputError(path, "a term group has no <term> text", group.sourceline)
    values = {"status": "", "pos": "", "match": "", "term_type": "", "note": "", "source": "", "superseded_since": ""}
    details: list[Detail] = []
    phrase = False
    for el in group.iter():
        local = _local(el)
        if local == "transacGrp":
            dated = read_transaction(el, _text)
            if dated is not None:
                details.append(dated)
            continue
        if local not in _TERM_FIELDS:
            continue  # the group itself, <term>, groups: their text is not a field (and is long to join)
        kind = (el.get("type") or "").lower()
        value = _text(el)
        if local == "descrip" and kind == "context" and value:
            details.append(Detail("context", value))
            continue
        if local in ("termNote", "descrip") and kind.startswith("x-") and kind not in _OWN_TERM_NOTES and value:
            details.append(Detail(el.get("type"), value))
            continue
        if (local == "note" and values["note"]) or (local == "admin" and values["source"] and kind == "source"):
            details.append(Detail(local if local == "note" else "source", value))  # a second one: kept apart
            continue
        if local == "termNote" and kind in ("administrativestatus", "normativeauthorization"):
            status = _STATUS.get(value.lower().replace(" ", ""))
            if status is None:
                raise InputError(path, f"unknown term status '{quote(value)}' (expected preferred, admitted, "
                                 "deprecated or superseded)", el.sourceline)
            values["status"] = status
        elif local == "termNote" and kind == "partofspeech":
            values["pos"] = _POS.get(value.lower(), "other")
        elif local == "termNote" and kind == "termtype" and value.lower() == "phrase":
            phrase = True  # TBX-Basic's term type "phrase" is hexaglot's part of speech "phrase"
        elif local == "termNote" and kind == "termtype":
            values["term_type"] = _TERM_TYPES.get(value.lower().replace(" ", ""), "variant")
        elif local == "termNote" and kind in ("x-matchtype", "matchtype"):
            if value not in MATCH_TYPES:
                raise InputError(path, f"unknown match type '{quote(value)}' (expected exact, inflected or pattern)",
                                 el.sourceline)
            values["match"] = value
        elif local == "termNote" and kind == SUPERSEDED_SINCE.lower():
            problem = date_problem(value)
            if problem:
                raise InputError(path, problem, el.sourceline)
            values["superseded_since"] = value
        elif local == "note":
            values["note"] = value
        elif local == "admin" and kind in ("source", "x-provenance", "provenance"):
            values["source"] = value
    if phrase and values["pos"] in ("", "other"):
        values["pos"] = "phrase"
    return replace(make_term(_text(term_el), lang, **values), details=tuple(details)) if details \
        else make_term(_text(term_el), lang, **values)


#: The TBX data category (a ``termNote``) of ``Term.superseded_since``.
SUPERSEDED_SINCE = "x-supersededSince"


def date_problem(value: str) -> str:
    """What is wrong with a ``superseded_since`` value (``""``: nothing)."""
    if PARTIAL_DATE.fullmatch(value.strip()):
        return ""
    return (f"superseded-since date '{quote(value)}' is not a date like 2018-04-19, 2018-04 or 2018 "
            "(the day the term stopped being current)")


def default_match(text: str) -> str:
    """Acronyms and codes match exactly; words match with their inflections."""
    letters = [ch for ch in text if ch.isalpha()]
    if any(ch.isupper() for ch in letters) and not any(ch.islower() for ch in letters) and len(text.split()) == 1:
        return "exact"
    return "inflected"


def make_term(text: str, lang: str, status: str = "", pos: str = "", match: str = "",
              term_type: str = "", note: str = "", source: str = "", superseded_since: str = "") -> Term:
    """A ``Term`` with the documented defaults for what a file leaves out."""
    return Term(
        text=" ".join(text.split()),
        lang=lang,
        status=status or "preferred",
        pos=pos or "noun",
        match=match or default_match(text),
        term_type=term_type,
        note=note,
        source=source,
        superseded_since=superseded_since.strip(),
    )


# -- writing ---------------------------------------------------------------------------


def _writable(value):
    """``value`` (a glossary, concept, term, detail or rejection: frozen dataclasses) with every
    text ``xlsx_text`` would change so changed, the rest as it is (the same object when nothing
    needs it)."""
    if isinstance(value, str):
        from aligner.writers.cells import xlsx_text  # writing only: not on a check's path

        return xlsx_text(value)
    if isinstance(value, tuple):
        items = tuple(_writable(item) for item in value)
        return value if all(a is b for a, b in zip(items, value)) else items
    if not is_dataclass(value):
        return value
    changed = {}
    for f in fields(value):
        old = getattr(value, f.name)
        new = _writable(old)
        if new is not old and new != old:
            changed[f.name] = new
    return replace(value, **changed) if changed else value


def tbx_bytes(glossary: Glossary, title: str = "", description: str = "",
              rejected: Sequence[Rejection] = ()) -> bytes:
    """The glossary as TBX-Basic 2008 (``martif/termEntry/langSet/tig``); the rejected
    candidates, if any, in the back matter (``rejected``). Characters XML cannot hold (a vertical
    tab pasted from Word, U+FFFE) are replaced as the XLSX writer replaces them
    (``aligner.writers.cells.xlsx_text``)."""
    glossary, rejected = _writable(glossary), [_writable(r) for r in rejected]
    title, description = _writable(title), _writable(description)
    root = etree.Element("martif", {"type": "TBX-Basic", XML_LANG: "en"})
    header = etree.SubElement(root, "martifHeader")
    file_desc = etree.SubElement(header, "fileDesc")
    title_stmt = etree.SubElement(file_desc, "titleStmt")
    etree.SubElement(title_stmt, "title").text = title or glossary.name
    source_desc = etree.SubElement(file_desc, "sourceDesc")
    etree.SubElement(source_desc, "p").text = description or glossary.description or "hexaglot glossary"
    encoding = etree.SubElement(header, "encodingDesc")
    etree.SubElement(encoding, "p", {"type": "XCSURI"}).text = "TBXBasicXCSV02.xcs"
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    for concept in glossary.concepts:
        entry = etree.SubElement(body, "termEntry", {"id": concept.id})
        if concept.subject:
            etree.SubElement(entry, "descrip", {"type": "subjectField"}).text = concept.subject
        if concept.definition:
            etree.SubElement(entry, "descrip", {"type": "definition"}).text = concept.definition
        if concept.note:
            etree.SubElement(entry, "note").text = concept.note
        if concept.source:
            etree.SubElement(entry, "admin", {"type": "source"}).text = concept.source
        write_details(entry, [d for d in concept.details if not d.lang], "entry")
        for lang in concept.languages:
            lang_set = etree.SubElement(entry, "langSet", {XML_LANG: lang})
            write_details(lang_set, [d for d in concept.details if d.lang == lang], "lang")
            for term in concept.terms_in(lang):
                tig = etree.SubElement(lang_set, "tig")
                etree.SubElement(tig, "term").text = term.text
                # TBX-Basic has no part of speech "phrase": it is a term type there
                phrase = term.pos == "phrase"
                etree.SubElement(tig, "termNote", {"type": "partOfSpeech"}).text = "other" if phrase else term.pos
                etree.SubElement(tig, "termNote", {"type": "administrativeStatus"}).text = _STATUS_OUT[term.status]
                if term.term_type or phrase:
                    etree.SubElement(tig, "termNote", {"type": "termType"}).text = term.term_type or "phrase"
                etree.SubElement(tig, "termNote", {"type": "x-matchType"}).text = term.match
                if term.superseded_since:
                    etree.SubElement(tig, "termNote", {"type": SUPERSEDED_SINCE}).text = term.superseded_since
                private = [d for d in term.details if d.category.startswith("x-")]
                write_details(tig, private, "term")  # term notes before the other information
                if term.note:
                    etree.SubElement(tig, "note").text = term.note
                if term.source:
                    etree.SubElement(tig, "admin", {"type": "source"}).text = term.source
                write_details(tig, [d for d in term.details if d not in private], "term")
    add_to_tbx(root, rejected)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
