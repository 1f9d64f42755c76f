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
``unterm-<record id>``, its provenance the UNTERM record.

The Turtle reader is small and strict: it reads the subset UNTERM's export
uses (``@prefix``, IRIs, prefixed names, ``a``, string literals with a
language tag or datatype, booleans and numbers, ``;`` and ``,`` lists,
comments) and refuses anything else (blank nodes, collections, long strings)
with the file and line, rather than guess.
"""

from __future__ import annotations

import html
import json
import re
from bisect import bisect_right
from pathlib import Path
from typing import NamedTuple, Sequence

from aligner.errors import InputError
from aligner.fileio import decode_bytes, read_bytes
from qa_rules.glossary.model import Concept, Glossary, Term, glossary_digest

OFFICIAL: tuple[str, ...] = ("ar", "zh", "en", "fr", "es", "ru")

SKOS = "http://www.w3.org/2004/02/skos/core#"
UNTERM = "https://metadata.un.org/UNTERM/ontology#"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

_STATUS = {"preferred": "preferred", "admitted": "admitted", "deprecated": "deprecated",
           "superseded": "superseded", "obsolete": "superseded"}
_TYPE = {"full": "fullForm", "short": "shortForm", "acronym": "acronym", "abbreviation": "abbreviation"}
#: UNTERM's JSON language keys.
_JSON_LANGS = {"arabic": "ar", "chinese": "zh", "english": "en", "french": "fr", "spanish": "es",
               "russian": "ru", "german": "de", "portuguese": "pt"}


class Literal(NamedTuple):
    value: str
    lang: str = ""


# -- Turtle --------------------------------------------------------------------------------

_TOKEN = re.compile(r"""
    (?P<space>\s+|\#[^\n]*)
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<string>"(?:[^"\\\n]|\\.)*")(?:@(?P<lang>[A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(?P<dt><[^<>\s]*>|[A-Za-z][\w.-]*:[\w.-]*))?
  | (?P<prefix_kw>@prefix)
  | (?P<bool>(?:true|false)(?![\w:]))
  | (?P<number>[+-]?\d+(?:\.\d+)?(?![\w:]))
  | (?P<a>a(?![\w:]))
  | (?P<pname>(?:[A-Za-z][\w.-]*)?:(?:[\w-](?:[\w.-]*[\w-])?)?)
  | (?P<punct>[;,.])
""", re.VERBOSE)

_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.DOTALL)
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


class _Tokens:
    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self.lines = [m.start() for m in re.finditer("\n", text)]
        self.items: list[tuple[str, object, int]] = []
        pos = 0
        while pos < len(text):
            m = _TOKEN.match(text, pos)
            if m is None:
                raise self.error(pos, "is Turtle hexaglot does not read (only the shape of UNTERM's export: "
                                 "IRIs, prefixed names, literals, ';' and ',' lists; no blank nodes, "
                                 "collections or long strings)")
            kind = m.lastgroup if m.lastgroup not in ("lang", "dt") else "string"
            if m.group("string") is not None:
                kind = "string"
            if kind != "space":
                self.items.append((kind, m, pos))
            pos = m.end()
        self.i = 0

    def line(self, pos: int) -> int:
        return bisect_right(self.lines, pos - 1) + 1

    def error(self, pos: int, problem: str) -> InputError:
        return InputError(self.path, problem, self.line(pos))

    def next(self, what: str):
        if self.i >= len(self.items):
            raise InputError(self.path, f"ends where {what} was expected", self.line(len(self.text)))
        item = self.items[self.i]
        self.i += 1
        return item

    def peek(self):
        return self.items[self.i] if self.i < len(self.items) else None


def _unescape(tokens: _Tokens, raw: str, pos: int) -> str:
    def one(m: re.Match) -> str:
        if m.group(1) or m.group(2):
            return chr(int(m.group(1) or m.group(2), 16))
        if m.group(3) in _ECHAR:
            return _ECHAR[m.group(3)]
        raise tokens.error(pos, f"unknown escape '\\{m.group(3)}' in a string")
    return _ESCAPE.sub(one, raw) if "\\" in raw else raw


def parse_turtle(path: str, text: str) -> dict[str, dict[str, list]]:
    """Subject -> predicate -> objects: IRIs as ``str``, literals as ``Literal`` (booleans and
    numbers as their text). ``InputError`` with file and line on anything outside the subset."""
    tokens = _Tokens(path, text)
    prefixes: dict[str, str] = {}
    graph: dict[str, dict[str, list]] = {}

    def resource(item, what: str) -> str:
        kind, m, pos = item
        if kind == "iri":
            return m.group()[1:-1]
        if kind == "pname":
            prefix, local = m.group().split(":", 1)
            if prefix not in prefixes:
                raise tokens.error(pos, f"prefix '{prefix}:' is not declared")
            return prefixes[prefix] + local
        raise tokens.error(pos, f"expected {what}, found {m.group()[:20]!r}")

    def punct(expected: str):
        wanted = " or ".join(repr(c) for c in expected)
        kind, m, pos = tokens.next(wanted)
        if kind != "punct" or m.group() not in expected:
            raise tokens.error(pos, f"expected {wanted}, found {m.group()[:20]!r}")
        return m.group()

    while tokens.peek() is not None:
        item = tokens.next("a statement")
        if item[0] == "prefix_kw":
            kind, m, pos = tokens.next("a prefix name")
            if kind != "pname" or not m.group().endswith(":"):
                raise tokens.error(pos, "expected a prefix name such as 'skos:'")
            iri = tokens.next("an IRI")
            if iri[0] != "iri":
                raise tokens.error(iri[2], "expected the prefix's IRI in <>")
            prefixes[m.group()[:-1]] = iri[1].group()[1:-1]
            punct(".")
            continue
        subject = graph.setdefault(resource(item, "a subject (an IRI or a prefixed name)"), {})
        while True:  # predicate ; predicate ; ...
            item = tokens.next("a predicate")
            predicate = RDF_TYPE if item[0] == "a" else resource(item, "a predicate")
            while True:  # object , object , ...
                kind, m, pos = tokens.next("an object")
                if kind == "string":
                    obj: object = Literal(_unescape(tokens, m.group("string")[1:-1], pos), (m.group("lang") or "").lower())
                    datatype = m.group("dt") or ""
                    if datatype and datatype[0] != "<" and datatype.split(":", 1)[0] not in prefixes:
                        raise tokens.error(pos, f"prefix '{datatype.split(':', 1)[0]}:' is not declared")
                elif kind in ("bool", "number"):
                    obj = Literal(m.group())
                else:
                    obj = resource((kind, m, pos), "an object")
                subject.setdefault(predicate, []).append(obj)
                separator = punct(",;.")
                if separator != ",":
                    break
            if separator == ".":
                break
            while _is_punct(tokens.peek(), ";"):  # ';' may repeat, and end the statement before '.'
                tokens.next("';'")
            if _is_punct(tokens.peek(), "."):
                tokens.next("'.'")
                break
    return graph


def _is_punct(item, mark: str) -> bool:
    return item is not None and item[0] == "punct" and item[1].group() == mark


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
                 pos: str = "noun") -> list[Term]:
    """The glossary terms of one UNTERM term (two for an Arabic listing form); ``pos``
    ``properNoun`` for the names of a country record."""
    status = (status or "").strip().lower()
    notes = [] if status in _STATUS else [f"UNTERM status: {status or 'none'}"]
    mapped = _STATUS.get(status, "admitted")
    term_type = _TYPE.get((kind or "").strip().lower(), "variant")
    text, listing = listing_forms(" ".join(value.split()), lang, term_type)
    note = "; ".join(x for x in (*notes, listing, _clean(note)) if x)
    terms = [Term(text=text, lang=lang, status=mapped, pos=pos,
                  match="inflected", term_type=term_type, note=note, source=source)]
    running = arabic_running_order(text) if lang == "ar" else None
    if running:
        terms.append(Term(text=running, lang=lang, status=mapped, pos=pos, match="inflected",
                          term_type=term_type, note=f"running-text order of the UNTERM listing form {text}",
                          source=f"{source} (word order by the hexaglot team)"))
    return terms


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
        concepts.append(Concept(id=f"unterm-{ident}", terms=tuple(_by_language(terms)), subject="; ".join(subjects),
                                definition=_first(props.get(SKOS + "definition", [])),
                                note=_first(props.get(SKOS + "note", [])), source=source))
    return concepts


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
                terms.extend(unterm_terms(str(term["term"]), lang, str(term.get("termStatus") or ""),
                                          str(term.get("termType") or ""), str(term.get("termNote") or ""),
                                          source=f"UNTERM; {_clean(term['termSource'])}" if term.get("termSource")
                                          else "UNTERM", pos=pos))
            notes[lang] = _clean(section.get("note"))
            definition[lang] = _clean(section.get("definition"))
        if not terms:
            continue
        subjects = [str(s) for s in record.get("subjects") or [] if isinstance(s, str)]
        pick = lambda d: d.get("en") or next((v for v in d.values() if v), "")  # noqa: E731
        concepts.append(Concept(id=f"unterm-{ident}", terms=tuple(_by_language(terms)), subject="; ".join(subjects),
                                definition=pick(definition), note=pick(notes), source=source))
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
