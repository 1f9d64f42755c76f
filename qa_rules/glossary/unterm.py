"""UNTERM's exports read into a glossary (``hexaglot glossary import-unterm``).

Two shapes of UNTERM record are read:

- the SKOS/Turtle export (``.ttl``): each record a ``skos:Concept`` with
  ``dct:identifier``, ``skos:note``, ``skos:definition``, ``unterm:subjects``,
  ``unterm:dbName``, ``unterm:distribution`` and ``unterm:languageData``
  sections (``dct:language``), each listing its ``unterm:Term`` nodes
  (``unterm:termValue``, ``unterm:termStatus``, ``unterm:termType``). A record
  without language sections gets its terms from ``skos:prefLabel``
  (preferred) and ``skos:altLabel`` (admitted);
- the API's JSON records (``.json``): one record or a list of them, each with
  ``recordID`` and one object per language (``english``, ``french``...) holding
  ``terms`` (``term``, ``termStatus``, ``termType``, ``termNote``,
  ``termSource``), ``note`` and ``definition``.

The six official languages are kept (ar, zh, en, fr, es, ru); UNTERM's other
languages (de, pt) are counted and left out. Statuses: ``preferred``,
``admitted``, ``deprecated``, ``superseded`` as they are, ``obsolete`` as
``superseded``; a term UNTERM has not validated (``suggestion``, ``open``) is
``admitted`` (accepted in a target, never enforced) with its UNTERM status in
the term's note. Types: ``full`` -> ``fullForm``, ``short`` -> ``shortForm``,
``acronym``, ``abbreviation``; any other -> ``variant``. UNTERM's listing forms
keep their article in parentheses (``France (la)``, ``Bahamas (the)``): the bare
name is the term and the listing form goes into its note, as the matcher looks
for the name in running text; Arabic listing forms (``هولندا (مملكة -)``) also
get their running-text order (``مملكة هولندا``). Each concept is
``unterm-<record id>``, its provenance the UNTERM record. The English note
and definition are the concept's; the other languages' notes and
definitions, UNTERM's validation, special fields (``Adjective`` ->
``x-adjective``), record status, dates and references are ``Detail``s of the
concept, of their language or of the term (``details``); the names of the
people who edited a record are not kept.

The Turtle is read by ``qa_rules.glossary.turtle``, which reads the subset
UNTERM's export uses and refuses anything else with the file and line.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Sequence

from aligner.errors import InputError
from aligner.fileio import decode_bytes, read_bytes
from qa_rules.glossary.details import DATE
from qa_rules.glossary.model import Concept, Detail, Glossary, Term, glossary_digest
from qa_rules.glossary.turtle import RDF_TYPE, Literal, parse_turtle

OFFICIAL: tuple[str, ...] = ("ar", "zh", "en", "fr", "es", "ru")

SKOS = "http://www.w3.org/2004/02/skos/core#"
UNTERM = "https://metadata.un.org/UNTERM/ontology#"
DCT = "http://purl.org/dc/terms/"

_STATUS = {"preferred": "preferred", "admitted": "admitted", "deprecated": "deprecated",
           "superseded": "superseded", "obsolete": "superseded"}
_TYPE = {"full": "fullForm", "short": "shortForm", "acronym": "acronym", "abbreviation": "abbreviation"}
#: UNTERM's JSON language keys.
_JSON_LANGS = {"arabic": "ar", "chinese": "zh", "english": "en", "french": "fr", "spanish": "es",
               "russian": "ru", "german": "de", "portuguese": "pt"}


# -- UNTERM records -> concepts ------------------------------------------------------------

_ARTICLE = re.compile(r"\s*\((the|la|le|l'|l’|les|el|los|las)\)\s*$", re.IGNORECASE)
LEADING_ARTICLE = re.compile(r"^(the|le|la|les|el|los|las)\s+|^l['’]", re.IGNORECASE)
_AR_LISTING = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<before>[^()-]*?)\s*-\s*(?P<after>[^()]*)\)$")


def listing_forms(text: str, lang: str, term_type: str) -> tuple[str, str]:
    """(name without the article, note recording the UNTERM form). Only formal names lose a
    leading article (the Kingdom of ...): in a short name it is part of it (El Salvador)."""
    m = _ARTICLE.search(text)
    if m:
        return text[: m.start()].strip(), f"UNTERM listing form: {text}"
    m = LEADING_ARTICLE.match(text) if lang in ("en", "fr", "es") and term_type == "fullForm" else None
    if m and len(text) > m.end():
        return text[m.end():], f"UNTERM form: {text}"
    return text, ""


def arabic_running_order(text: str) -> str | None:
    """``مملكة هولندا`` for the Arabic listing form ``هولندا (مملكة -)``; None for other text."""
    m = _AR_LISTING.match(text)
    if not m:
        return None
    return " ".join(x for x in (m.group("before"), m.group("name"), m.group("after")) if x.strip())


def unterm_terms(value: str, lang: str, status: str, kind: str, note: str = "", source: str = "UNTERM",
                 pos: str = "noun", details: Sequence[Detail] = ()) -> list[Term]:
    """The glossary terms of one UNTERM term (two for an Arabic listing form); ``pos``
    ``properNoun`` for the names of a country record. A type hexaglot has no name for is kept
    as the term's ``x-untermTermType`` detail; a phrase (``phrase``, ``phraseology``) is the
    part of speech ``phrase``."""
    status = (status or "").strip().lower()
    notes = [] if status in _STATUS else [f"UNTERM status: {status or 'none'}"]
    mapped = _STATUS.get(status, "admitted")
    kind = (kind or "").strip()
    term_type = _TYPE.get(kind.lower(), "variant")
    details = list(details)
    if kind.lower() in _PHRASE:
        pos, term_type = "phrase", ""
    elif kind and kind.lower() not in _TYPE:
        details.insert(0, Detail("x-untermTermType", kind))
    text, listing = listing_forms(" ".join(value.split()), lang, term_type)
    note = "; ".join(x for x in (*notes, listing, _clean(note)) if x)
    terms = [Term(text=text, lang=lang, status=mapped, pos=pos,
                  match="inflected", term_type=term_type, note=note, source=source, details=tuple(details))]
    running = arabic_running_order(text) if lang == "ar" else None
    if running:
        terms.append(Term(text=running, lang=lang, status=mapped, pos=pos, match="inflected",
                          term_type=term_type, note=f"running-text order of the UNTERM listing form {text}",
                          source=f"{source} (word order by the hexaglot team)"))
    return terms


#: UNTERM term types that name a phrase, not a term form.
_PHRASE = frozenset({"phrase", "phraseology"})


def _dated(category: str, value: object) -> list[Detail]:
    """An ``origination`` or ``modification`` detail, unless the date is UNTERM's placeholder
    (``0001-01-01``: not recorded)."""
    text = str(value or "").strip()
    if not text or text.startswith("0001-") or not DATE.fullmatch(text.replace("+00:00", "Z")):
        return []
    return [Detail(category, text.replace("+00:00", "Z"))]


def _references(values, lang: str = "") -> list[Detail]:
    """UNTERM's references (UN document symbols, often): a string each, or an object whose
    non-empty values are joined."""
    found = []
    for item in values if isinstance(values, list) else []:
        text = " ".join(str(v) for v in item.values() if v not in (None, "")) if isinstance(item, dict) else str(item or "")
        if _clean(text):
            found.append(Detail("x-reference", _clean(text), lang))
    return found


def _private_name(name: str) -> str:
    """``Monetary Unit`` -> ``x-monetaryUnit``: UNTERM's special field as a private category."""
    words = re.findall(r"[A-Za-z0-9]+", name)
    return "x-" + "".join(w.lower() if i == 0 else w[:1].upper() + w[1:].lower() for i, w in enumerate(words))


def _language_details(notes: dict[str, str], definitions: dict[str, str], first: str,
                      extra: dict[str, list[Detail]]) -> list[Detail]:
    """The details of each language: its note and definition unless ``first`` gave them to
    the concept, then ``extra`` (validation status, special fields, references)."""
    found = []
    for lang in OFFICIAL:
        if lang != first:
            found += [Detail("definition", definitions[lang], lang)] if definitions.get(lang) else []
            found += [Detail("note", notes[lang], lang)] if notes.get(lang) else []
        found += extra.get(lang, [])
    return found


def _clean(note: str | None) -> str:
    """UNTERM notes hold bits of HTML (``<br>``, ``&nbsp;``)."""
    if not note:
        return ""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", note)).split())


class _Skipped:
    def __init__(self) -> None:
        self.languages: dict[str, int] = {}

    def add(self, lang: str) -> None:
        self.languages[lang] = self.languages.get(lang, 0) + 1


def _record_source(ident: str, db: str, distribution: str) -> str:
    where = ", ".join(x for x in (f"dbName {db}" if db else "", distribution.lower()) if x)
    return f"UNTERM record {ident}" + (f" ({where})" if where else "")


def _first(values: list, lang: str = "en") -> str:
    texts = [v for v in values if isinstance(v, Literal)]
    chosen = next((v for v in texts if v.lang == lang), None) or next((v for v in texts if not v.lang), None)
    return _clean(chosen.value) if chosen else ""


def concepts_from_turtle(path: str, graph: dict[str, dict[str, list]], skipped: _Skipped) -> list[Concept]:
    concepts = []
    for subject, props in graph.items():
        types = props.get(RDF_TYPE, [])
        if SKOS + "Concept" not in types and UNTERM + "Country" not in types:
            continue
        ident = _first(props.get(DCT + "identifier", [])) or subject.rstrip("/").rsplit("/", 1)[-1]
        source = _record_source(ident, _first(props.get(UNTERM + "dbName", [])),
                                _first(props.get(UNTERM + "distribution", [])))
        pos = "properNoun" if UNTERM + "Country" in types else "noun"
        terms: list[Term] = []
        sections = [graph.get(s, {}) for s in props.get(UNTERM + "languageData", []) if isinstance(s, str)]
        for lang_code in OFFICIAL + ("",):
            for section in sections:
                code = _first(section.get(DCT + "language", []))
                if (code if code in OFFICIAL else "") != lang_code:
                    continue
                if not lang_code:
                    skipped.add(code or "?")
                    continue
                for term_iri in section.get(UNTERM + "terms", []):
                    node = graph.get(term_iri, {})
                    value = _first(node.get(UNTERM + "termValue", []))
                    if value:
                        terms.extend(unterm_terms(value, lang_code, _first(node.get(UNTERM + "termStatus", [])),
                                                  _first(node.get(UNTERM + "termType", [])), pos=pos))
        if not sections:
            for predicate, status in ((SKOS + "prefLabel", "preferred"), (SKOS + "altLabel", "admitted")):
                for label in props.get(predicate, []):
                    if isinstance(label, Literal) and label.lang[:2] in OFFICIAL:
                        terms.extend(unterm_terms(label.value, label.lang[:2], status, "", pos=pos))
                    elif isinstance(label, Literal):
                        skipped.add(label.lang or "?")
        if not terms:
            continue
        subjects = [v.value for v in props.get(UNTERM + "subjects", []) if isinstance(v, Literal)]
        notes, definitions = _by_tag(props.get(SKOS + "note", [])), _by_tag(props.get(SKOS + "definition", []))
        note, definition = _first(props.get(SKOS + "note", [])), _first(props.get(SKOS + "definition", []))
        first = "en" if (note or definition) and (notes.get("en") or definitions.get("en")) else ""
        if not first:  # an untagged note or definition is the concept's own; the tagged ones their language's
            note, definition = notes.get("", ""), definitions.get("", "")
        extra: dict[str, list[Detail]] = {}
        for section in sections:
            code = _first(section.get(DCT + "language", []))
            status = _first(section.get(UNTERM + "validationStatus", []))
            if code in OFFICIAL and status:
                extra.setdefault(code, []).append(Detail("x-validationStatus", status, code))
        own = [Detail(f"x-{name}", value) for name, predicate in (("recordType", DCT + "type"),
                                                                   ("recordStatus", UNTERM + "status"),
                                                                   ("space", UNTERM + "space"))
               for value in [_first(props.get(predicate, []))] if value]
        own += _dated("origination", _first(props.get(DCT + "created", [])))
        own += _dated("modification", _first(props.get(DCT + "modified", [])))
        terms = _by_language(terms)
        langs = {t.lang for t in terms}
        details = own + [d for d in _language_details(notes, definitions, first, extra) if d.lang in langs]
        concepts.append(Concept(id=f"unterm-{ident}", terms=tuple(terms), subject="; ".join(subjects),
                                definition=definition, note=note, source=source, details=tuple(details)))
    return concepts


def _by_tag(values: list) -> dict[str, str]:
    """The cleaned text of each language-tagged literal (the first of each tag)."""
    found: dict[str, str] = {}
    for value in values:
        if isinstance(value, Literal) and _clean(value.value):
            found.setdefault(value.lang[:2], _clean(value.value))
    return found


def _by_language(terms: list[Term]) -> list[Term]:
    return sorted(terms, key=lambda t: OFFICIAL.index(t.lang))


def concepts_from_json(path: str, data, skipped: _Skipped) -> list[Concept]:
    records = data if isinstance(data, list) else [data]
    concepts = []
    for number, record in enumerate(records, 1):
        if not isinstance(record, dict) or not record.get("recordID"):
            raise InputError(path, f"record {number} is not an UNTERM record (an object with recordID and "
                             "one object per language: english, french...)")
        ident = str(record["recordID"])
        source = _record_source(ident, str(record.get("dbName") or ""), str(record.get("distribution") or ""))
        pos = "properNoun" if str(record.get("recordType") or "").lower() == "country" else "noun"
        terms: list[Term] = []
        notes, definition = {}, {}
        extra: dict[str, list[Detail]] = {}
        language_ids: dict[str, str] = {}
        for key, lang in _JSON_LANGS.items():
            section = record.get(key)
            if not isinstance(section, dict):
                continue
            if lang not in OFFICIAL:
                skipped.add(lang)
                continue
            for term in section.get("terms") or []:
                if not isinstance(term, dict) or not str(term.get("term") or "").strip():
                    raise InputError(path, f"record {ident}: a {key} term has no text")
                if term.get("languageID"):
                    language_ids[str(term["languageID"])] = lang
                dates = _dated("origination", term.get("created")) + _dated("modification", term.get("modified"))
                terms.extend(unterm_terms(str(term["term"]), lang, str(term.get("termStatus") or ""),
                                          str(term.get("termType") or ""), str(term.get("termNote") or ""),
                                          source=f"UNTERM; {_clean(term['termSource'])}" if term.get("termSource")
                                          else "UNTERM", pos=pos, details=_references(term.get("references")) + dates))
            notes[lang] = _clean(section.get("note"))
            definition[lang] = _clean(section.get("definition"))
            of_lang = extra.setdefault(lang, [])
            for name, field in (("definition", "definitionSource"), ("note", "noteSource")):
                if _clean(section.get(field)):
                    of_lang.append(Detail("source", f"{name}: {_clean(section.get(field))}", lang))
            status = _clean(section.get("validationStatus") or section.get("validated"))
            of_lang += [Detail("x-validationStatus", status, lang)] if status else []
            of_lang += _references(section.get("references"), lang)
        if not terms:
            continue
        subjects = [str(s) for s in record.get("subjects") or [] if isinstance(s, str)]
        first = "en" if notes.get("en") or definition.get("en") else next(
            (lang for lang in OFFICIAL if notes.get(lang) or definition.get(lang)), "")
        own = [Detail(f"x-{name}", _clean(str(record.get(field)))) for name, field in
               (("recordType", "recordType"), ("recordStatus", "status"), ("space", "space"))
               if _clean(str(record.get(field) or ""))]
        own += [Detail("x-body", _clean(b if isinstance(b, str) else " ".join(str(v) for v in b.values() if v)))
                for b in record.get("bodies") or [] if isinstance(b, (str, dict))]
        own += _dated("origination", record.get("created")) + _dated("modification", record.get("modified"))
        own += _references(record.get("references"))
        for field in record.get("specialFields") or []:
            if isinstance(field, dict) and _clean(str(field.get("value") or "")) and field.get("name"):
                lang = language_ids.get(str(field.get("languageId") or ""), "")
                value = _clean(str(field["value"])) + (f" ({_clean(field['note'])})" if _clean(field.get("note")) else "")
                (extra.setdefault(lang, []) if lang else own).append(Detail(_private_name(str(field["name"])), value, lang))
        terms = _by_language(terms)
        langs = {t.lang for t in terms}
        details = own + [d for d in _language_details(notes, definition, first, extra) if d.lang in langs]
        concepts.append(Concept(id=f"unterm-{ident}", terms=tuple(terms), subject="; ".join(subjects),
                                definition=definition.get(first, ""), note=notes.get(first, ""), source=source,
                                details=tuple(details)))
    return concepts


def read_unterm(paths: Sequence[str], name: str = "unterm") -> tuple[Glossary, dict[str, int], list[str]]:
    """The glossary of the UNTERM records in ``paths`` (``.ttl`` or ``.json``), the number of
    language sections left out per language, and the record ids given twice (the first kept)."""
    skipped = _Skipped()
    concepts: dict[str, Concept] = {}
    twice: list[str] = []
    for path in paths:
        data = read_bytes(path)
        suffix = Path(path).suffix.lower()
        if suffix == ".ttl":
            found = concepts_from_turtle(path, parse_turtle(path, decode_bytes(data, path)), skipped)
        elif suffix == ".json":
            try:
                payload = json.loads(decode_bytes(data, path))
            except json.JSONDecodeError as exc:
                raise InputError(path, f"is not valid JSON ({exc.msg})", exc.lineno) from None
            found = concepts_from_json(path, payload, skipped)
        else:
            raise InputError(path, "unknown UNTERM export; give the SKOS/Turtle export (.ttl) or API records (.json)")
        if not found:
            raise InputError(path, "has no UNTERM record with a term in ar, zh, en, fr, es or ru")
        for concept in found:
            if concept.id in concepts:
                twice.append(concept.id)
                continue
            concepts[concept.id] = concept
    files = ", ".join(Path(p).name for p in paths)
    description = (f"UNTERM records (UN terminology database) imported from {files} by hexaglot glossary "
                   "import-unterm; terms, statuses and notes are UNTERM's, except where a term's source "
                   "says the hexaglot team wrote it.")
    glossary = Glossary(
        name=name, path="", concepts=tuple(concepts.values()), format="unterm",
        digest=glossary_digest(tuple(concepts.values()), description), description=description,
    )
    return glossary, dict(skipped.languages), twice
