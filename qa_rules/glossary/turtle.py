"""A small, strict reader of Turtle (RDF), the subset UNTERM's SKOS export uses.

It reads ``@prefix``, IRIs, prefixed names, ``a``, string literals with a
language tag or datatype, booleans and numbers, ``;`` and ``,`` lists and
comments, and refuses anything else (blank nodes, collections, long strings)
with the file and line, rather than guess. ``parse_turtle`` gives the graph as
``{subject: {predicate: [object, ...]}}``, an IRI object as its text and a
literal as a ``Literal``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from aligner.errors import InputError

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


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
