"""Does a TBX file keep to the TBX-Basic dialect, the TBX that CAT tools (memoQ, Trados MultiTerm,
OmegaT) import?

TBX-Basic (LISA 2008, ``martif type="TBX-Basic"``, XCS ``TBXBasicXCSV02.xcs``; carried over to
TBX v3 as the Basic dialect, ``tbx type="TBX-Basic" style="dca"``) fixes the structure and the data
categories a tool may expect:

- structure: ``martif`` > ``martifHeader`` (with ``fileDesc``) and ``text`` > ``body`` >
  ``termEntry`` > ``langSet`` (``xml:lang``) > ``tig`` > ``term`` first; in TBX v3
  ``conceptEntry`` > ``langSec`` > ``termSec``. In a group, information (``descrip``, ``admin``,
  ``note``...) comes before the sections it holds, and a term's ``termNote`` before its other
  information;
- data categories, each at its own level (``DATA_CATEGORIES``): ``descrip`` subjectField (entry),
  definition (entry, language), context (term); ``admin`` source (any level), customerSubset and
  projectSubset (entry, term); ``termNote`` (term only) administrativeStatus, partOfSpeech,
  termType, grammaticalGender, geographicalUsage, termLocation; ``transac`` transactionType;
  ``xref``, ``ref``; ``note`` anywhere;
- picklists (``PICKLISTS``): administrativeStatus ``preferredTerm-admn-sts``... ; partOfSpeech
  noun, verb, adjective, adverb, properNoun (2008), other; termType fullForm, acronym,
  abbreviation, shortForm, variant, phrase; grammaticalGender masculine, feminine, neuter, other.

A data category whose type begins with ``x-`` is private: outside the dialect, a tool keeps it as a
custom field or drops it. hexaglot writes two, as term notes: ``x-matchType`` (how a term matches
running text) and ``x-supersededSince`` (when a superseded term stopped being current), and its
rejected candidates as a ``x-rejectedCandidates`` list in the back matter. ``dialect_problems``
names each private category once, as a warning with its count; any other category or value outside
the dialect is an error.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from aligner.readers.xmlsafe import quote

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: Levels: ``entry`` (termEntry/conceptEntry), ``lang`` (langSet/langSec), ``term`` (tig/termSec).
ENTRY, LANG, TERM = "entry", "lang", "term"

#: (element, type) -> the levels it may appear at.
DATA_CATEGORIES: dict[tuple[str, str], frozenset[str]] = {
    ("descrip", "subjectField"): frozenset({ENTRY}),
    ("descrip", "definition"): frozenset({ENTRY, LANG}),
    ("descrip", "context"): frozenset({TERM}),
    ("admin", "source"): frozenset({ENTRY, LANG, TERM}),
    ("admin", "customerSubset"): frozenset({ENTRY, TERM}),
    ("admin", "projectSubset"): frozenset({ENTRY, TERM}),
    ("termNote", "administrativeStatus"): frozenset({TERM}),
    ("termNote", "partOfSpeech"): frozenset({TERM}),
    ("termNote", "termType"): frozenset({TERM}),
    ("termNote", "grammaticalGender"): frozenset({TERM}),
    ("termNote", "geographicalUsage"): frozenset({TERM}),
    ("termNote", "termLocation"): frozenset({TERM}),
    ("transac", "transactionType"): frozenset({ENTRY, LANG, TERM}),
    ("transacNote", "responsibility"): frozenset({ENTRY, LANG, TERM}),
    ("ref", "crossReference"): frozenset({ENTRY, TERM}),
    ("xref", "externalCrossReference"): frozenset({ENTRY, LANG, TERM}),
    ("xref", "xGraphic"): frozenset({ENTRY, LANG}),
}

#: Data categories whose value is one of a closed list.
PICKLISTS: dict[str, frozenset[str]] = {
    "administrativeStatus": frozenset({"preferredTerm-admn-sts", "admittedTerm-admn-sts",
                                       "deprecatedTerm-admn-sts", "supersededTerm-admn-sts"}),
    "partOfSpeech": frozenset({"noun", "verb", "adjective", "adverb", "properNoun", "other"}),
    "termType": frozenset({"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"}),
    "grammaticalGender": frozenset({"masculine", "feminine", "neuter", "other"}),
    "transactionType": frozenset({"origination", "modification"}),
}

#: Information elements of a group (TBX ``auxInfo``), and the groups that wrap them.
_INFO = frozenset({"descrip", "admin", "note", "transac", "transacNote", "ref", "xref"})
_INFO_GROUPS = frozenset({"descripGrp", "adminGrp", "transacGrp"})
#: Element names of the two TBX versions: (entry, language section, term section).
_NAMES = {"martif": ("termEntry", "langSet", "tig"), "tbx": ("conceptEntry", "langSec", "termSec")}


@dataclass(frozen=True)
class DialectProblem:
    """One departure from TBX-Basic: ``error`` (a tool may refuse or misread it) or ``warning``
    (a private data category, kept or dropped by the tool)."""

    level: str
    kind: str
    line: int
    message: str

    def as_dict(self) -> dict:
        return {"level": self.level, "kind": self.kind, "line": self.line, "message": self.message}


def _local(el) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag[tag.index("}") + 1:] if tag[:1] == "{" else tag


def dialect_problems(root) -> list[DialectProblem]:
    """The departures from TBX-Basic of a parsed TBX document (its root element), in document order;
    private (``x-``) data categories last, one warning each."""
    problems: list[DialectProblem] = []
    private: Counter = Counter()
    private_line: dict[str, int] = {}

    def error(kind: str, el, message: str) -> None:
        problems.append(DialectProblem("error", kind, el.sourceline or 0, message))

    kind = _local(root)
    if kind not in _NAMES:
        error("structure", root, f"root element is <{quote(kind)}>, not <martif> (TBX 2008) or <tbx> (TBX v3)")
        return problems
    if root.get("type") != "TBX-Basic":
        error("dialect", root, f"<{kind}> type is '{quote(root.get('type') or '')}', not 'TBX-Basic'")
    if kind == "tbx" and root.get("style") != "dca":
        error("dialect", root, "<tbx> style must be 'dca' in TBX-Basic")
    entry_name, lang_name, term_name = _NAMES[kind]
    header_name = "martifHeader" if kind == "martif" else "tbxHeader"
    children = [c for c in root if _local(c)]
    if [_local(c) for c in children] != [header_name, "text"]:
        error("structure", root, f"<{kind}> must hold <{header_name}> then <text>")
    header = next((c for c in children if _local(c) == header_name), None)
    if header is not None and not any(_local(c) == "fileDesc" for c in header):
        error("structure", header, f"<{header_name}> has no <fileDesc>")
    text = next((c for c in children if _local(c) == "text"), None)
    body = next((c for c in text if _local(c) == "body"), None) if text is not None else None
    if body is None:
        error("structure", text if text is not None else root, "no <text><body>")
        return problems

    def check_info(el, level: str) -> None:
        name = _local(el)
        if name in _INFO_GROUPS:
            for child in el:
                if _local(child) == "date" and name == "transacGrp":
                    continue  # the date of a transaction: no data category
                if _local(child):
                    check_info(child, level)
            return
        dtype = el.get("type")
        if name == "note" or (name in ("ref", "xref") and dtype is None):
            return
        if dtype is None:
            error("data-category", el, f"<{name}> has no type")
            return
        if dtype.startswith("x-"):
            private[f"{name} {dtype}"] += 1
            private_line.setdefault(f"{name} {dtype}", el.sourceline or 0)
            return
        levels = DATA_CATEGORIES.get((name, dtype))
        if levels is None:
            error("data-category", el, f"<{name} type=\"{quote(dtype)}\"> is not a TBX-Basic data category "
                  "(a private one must begin with x-)")
            return
        if level not in levels:
            error("level", el, f"<{name} type=\"{dtype}\"> may not appear at {level} level "
                  f"(only at {', '.join(sorted(levels))})")
        allowed = PICKLISTS.get(dtype)
        value = (el.text or "").strip()
        if allowed is not None and value not in allowed:
            error("picklist", el, f"{dtype} '{quote(value)}' is not one of {', '.join(sorted(allowed))}")

    def check_group(el, level: str, section: str | None) -> int:
        """Check the information of a group, in order before its sections; the number of sections."""
        sections = 0
        for child in el:
            name = _local(child)
            if not name:
                continue
            if section is not None and name == section:
                sections += 1
                yield_child(child)
            elif name in _INFO or name in _INFO_GROUPS:
                if sections:
                    error("order", child, f"<{name}> comes after a <{section}>; put it before them")
                check_info(child, level)
            else:
                error("structure", child, f"<{quote(name)}> is not allowed in <{_local(el)}> in TBX-Basic")
        return sections

    def yield_child(child) -> None:
        name = _local(child)
        if name == lang_name:
            if not child.get(XML_LANG):
                error("structure", child, f"<{lang_name}> has no xml:lang")
            if check_group(child, LANG, term_name) == 0:
                error("structure", child, f"<{lang_name}> has no <{term_name}>")
        else:
            check_term(child)

    def check_term(group) -> None:
        elements = [c for c in group if _local(c)]
        terms = sum(_local(c) == "term" for c in elements)
        if terms != 1:
            error("structure", group, f"<{term_name}> holds {terms} <term> elements, not one")
        elif _local(elements[0]) != "term":
            error("structure", group, f"<{term_name}> must begin with its <term>")
        seen_info = False
        for child in elements:
            name = _local(child)
            if name == "term":
                continue
            elif name in ("termNote", "termNoteGrp"):
                if seen_info:
                    error("order", child, f"<termNote> comes after other information of the <{term_name}>")
                if name == "termNoteGrp":
                    for note in child:
                        if _local(note) == "termNote":
                            check_info(note, TERM)
                else:
                    check_info(child, TERM)
            elif name in _INFO or name in _INFO_GROUPS:
                seen_info = True
                check_info(child, TERM)
            else:
                error("structure", child, f"<{quote(name)}> is not allowed in <{term_name}> in TBX-Basic")

    entries = 0
    for entry in body:
        name = _local(entry)
        if not name:
            continue
        if name != entry_name:
            error("structure", entry, f"<{quote(name)}> in <body>; TBX-Basic has <{entry_name}> only")
            continue
        entries += 1
        if not entry.get("id"):
            error("structure", entry, f"<{entry_name}> has no id (tools key entries by it)")
        if check_group(entry, ENTRY, lang_name) == 0:
            error("structure", entry, f"<{entry_name}> has no <{lang_name}>")
    if entries == 0:
        error("structure", body, f"<body> has no <{entry_name}>")
    back = next((c for c in text if _local(c) == "back"), None)
    if back is not None:
        for ref_list in back:
            if _local(ref_list) == "refObjectList":
                list_type = ref_list.get("type") or ""
                if list_type.startswith("x-"):
                    private[f"refObjectList {list_type}"] += 1
                    private_line.setdefault(f"refObjectList {list_type}", ref_list.sourceline or 0)
                elif list_type != "respPerson":
                    error("data-category", ref_list, f"back matter list type '{quote(list_type)}' is not "
                          "TBX-Basic (respPerson; a private one must begin with x-)")
    for name, count in private.items():
        element, dtype = name.split(" ", 1)
        problems.append(DialectProblem(
            "warning", "private", private_line[name],
            f"<{element} type=\"{quote(dtype)}\"> ({count} time{'s' if count != 1 else ''}) is a private data "
            "category: a CAT tool keeps it as a custom field or drops it"))
    return problems
