"""Glossaries as terminologists see them: concepts, each with terms per language.

A ``Concept`` is one termEntry/conceptEntry; its ``terms`` are the
designations in every language, each with a status that means behaviour in
QA (``preferred`` -> enforced, ``admitted`` -> accepted, ``deprecated`` and
``superseded`` -> flagged in targets), a part of speech, how it matches
(``exact``, ``inflected``, ``pattern``: a regular expression, which the
readers refuse if it could backtrack without end, see ``patterns``) and its
provenance. All values are
frozen; readers build them, the matcher and the rules only read them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Sequence

#: Term statuses, in the order of preference.
STATUSES: tuple[str, ...] = ("preferred", "admitted", "deprecated", "superseded")
#: Statuses a target may use.
ACCEPTED: frozenset[str] = frozenset({"preferred", "admitted"})
#: Statuses flagged when found in a target.
REJECTED: frozenset[str] = frozenset({"deprecated", "superseded"})
#: How a term matches running text.
MATCH_TYPES: tuple[str, ...] = ("exact", "inflected", "pattern")
#: Parts of speech (TBX-Basic picklist, plus ``phrase`` for multi-word names).
PARTS_OF_SPEECH: tuple[str, ...] = ("noun", "properNoun", "verb", "adjective", "adverb", "phrase", "other")
#: The form of ``Term.superseded_since``: a year, a month or a day, ISO 8601.
PARTIAL_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
#: Term types (TBX termType picklist; UNTERM's full/short map to fullForm/shortForm).
TERM_TYPES: tuple[str, ...] = ("", "fullForm", "shortForm", "acronym", "abbreviation", "variant")


@dataclass(frozen=True)
class Detail:
    """One more piece of information on a concept, on one of its languages or on a term, named by
    its TBX data category (``details.CATEGORIES``): ``definition``, ``note``, ``source``,
    ``context``, the dates ``origination`` and ``modification`` (ISO 8601), or a private one
    beginning with ``x-`` (UNTERM's ``x-adjective``, ``x-recordStatus``...)."""

    category: str
    value: str
    #: The language it is about; "" for the concept as a whole (or, on a term, the term).
    lang: str = ""


@dataclass(frozen=True)
class Term:
    """One designation of a concept in one language."""

    text: str
    lang: str
    status: str = "preferred"
    pos: str = "noun"
    match: str = "inflected"
    term_type: str = ""
    note: str = ""
    #: Provenance of this rendering: evidence URLs, or who drafted it.
    source: str = ""
    #: A ``superseded`` term: the date it stopped being current (``2018-04-19``, ``2013-10``,
    #: ``2009``; empty: not recorded). A document dated before it may use the term (TE03).
    superseded_since: str = ""
    #: Further information on the term (its context, dates, UNTERM's own fields).
    details: tuple[Detail, ...] = ()

    @property
    def accepted(self) -> bool:
        return self.status in ACCEPTED

    @property
    def rejected(self) -> bool:
        return self.status in REJECTED


@dataclass(frozen=True)
class Concept:
    """One entry: a concept and its terms in every language."""

    id: str
    terms: tuple[Term, ...]
    subject: str = ""
    definition: str = ""
    note: str = ""
    #: Provenance of the entry as a whole.
    source: str = ""
    #: Further information on the concept or on one of its languages (``Detail.lang``): the
    #: notes and definitions of each language, dates, UNTERM's special fields.
    details: tuple[Detail, ...] = ()

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self._by_lang)

    @cached_property
    def _by_lang(self) -> dict[str, tuple[Term, ...]]:
        """The terms of each language, in order, grouped once (the rules ask per pair)."""
        grouped: dict[str, list[Term]] = {}
        for term in self.terms:
            grouped.setdefault(term.lang, []).append(term)
        return {lang: tuple(terms) for lang, terms in grouped.items()}

    def terms_in(self, lang: str) -> tuple[Term, ...]:
        return self._by_lang.get(lang, ())

    def accepted(self, lang: str) -> tuple[Term, ...]:
        """Preferred terms first, then admitted ones."""
        cache = self._accepted
        if lang not in cache:
            terms = [t for t in self.terms_in(lang) if t.accepted]
            cache[lang] = tuple(sorted(terms, key=lambda t: STATUSES.index(t.status)))
        return cache[lang]

    @cached_property
    def _accepted(self) -> dict[str, tuple[Term, ...]]:
        return {}

    def preferred(self, lang: str) -> tuple[Term, ...]:
        return tuple(t for t in self.terms_in(lang) if t.status == "preferred")

    def rejected(self, lang: str) -> tuple[Term, ...]:
        return tuple(t for t in self.terms_in(lang) if t.rejected)

    def label(self, lang: str = "en") -> str:
        """A readable name for the concept: its preferred short form (Senegal, not the
        Republic of Senegal), else its first preferred term that is not an acronym."""
        for want in (lang, "en", "fr"):
            found = self.preferred(want) or self.accepted(want)
            if found:
                short = [t for t in found if t.term_type == "shortForm"]
                words = [t for t in found if t.term_type not in ("acronym", "abbreviation")]
                return (short or words or list(found))[0].text
        return self.terms[0].text if self.terms else self.id


@dataclass(frozen=True)
class Glossary:
    """A loaded glossary: where it came from and its concepts."""

    name: str
    path: str
    concepts: tuple[Concept, ...]
    #: ``tbx-basic-2008``, ``tbx-2019``, ``csv``, ``xlsx``.
    format: str = ""
    #: True for the glossaries shipped with hexaglot.
    bundled: bool = False
    #: Short hash of the content (``glossary_digest``: concepts, terms and description, not the
    #: file's bytes: the same glossary as TBX, CSV or XLSX has one digest), for report signatures.
    digest: str = ""
    #: Free description from the file header (origin, licence).
    description: str = ""

    @property
    def languages(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for concept in self.concepts:
            for lang in concept.languages:
                seen.setdefault(lang, None)
        return tuple(seen)

    def concept(self, concept_id: str) -> Concept | None:
        for concept in self.concepts:
            if concept.id == concept_id:
                return concept
        return None

    @property
    def term_count(self) -> int:
        return sum(len(c.terms) for c in self.concepts)

    def signature(self) -> str:
        return f"{self.name}@{self.digest}" if self.digest else self.name


def content_digest(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()[:10]


def glossary_digest(concepts: Sequence[Concept], description: str = "") -> str:
    """The digest of a glossary's content, whatever file it was read from: every field of every
    concept and term, in order, and the description (not its name, path or format)."""
    from dataclasses import fields

    concept_fields = [f.name for f in fields(Concept) if f.name not in ("terms", "details")]
    term_fields = [f.name for f in fields(Term) if f.name != "details"]
    parts = [description]
    for concept in concepts:
        parts.append("\x1d" + "\x1f".join(str(getattr(concept, name)) for name in concept_fields))
        parts.append(_details_digest(concept.details))
        for term in concept.terms:
            parts.append("\x1e" + "\x1f".join(str(getattr(term, name)) for name in term_fields))
            parts.append(_details_digest(term.details))
    return content_digest("".join(parts).encode("utf-8"))


def _details_digest(details: Sequence[Detail]) -> str:
    """Nothing when there are none, so that a glossary without details keeps the digest it had
    before details existed (report signatures stay comparable)."""
    return "".join(f"\x1c{d.category}\x1f{d.lang}\x1f{d.value}" for d in details)
