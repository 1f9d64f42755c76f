"""Consistency across documents: the same source paragraph translated differently in two documents.

CO01 compares the paragraphs of one run; over a corpus the documents are
checked one at a time (in different processes, perhaps on different machines),
so each document's check hands back its paragraph *renderings*, small values
keyed by a hash of the normalized source and target (``renderings``), and the
corpus summary groups them (``cross_document_variants``)::

    >>> a = Rendering("en", "op.1", "k1", "t1", "Prie l'Office de faire rapport", "Requests the Office to report")
    >>> b = Rendering("en", "op.4", "k1", "t2", "Prie l'Office de faire rapport", "Asks the Office to report")
    >>> [v.documents for v in cross_document_variants([("A", a), ("B", b)])[0].variants]
    [('A',), ('B',)]
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Iterable

from qa_rules.consistency.segments import segments, word_count

#: Paragraphs with fewer source words are not compared (as CO01's default ``min_words``).
MIN_WORDS = 4
#: Characters of each side kept to show a rendering (the key is a hash of the whole text).
EXCERPT = 160


@dataclass(frozen=True)
class Rendering:
    """One body paragraph of one version: its source and target, normalized and hashed."""

    lang: str
    unit: str
    source_key: str
    target_key: str
    source: str
    target: str

    def as_list(self) -> list[str]:
        return [self.lang, self.unit, self.source_key, self.target_key, self.source, self.target]


def _key(normalized: str) -> str:
    return hashlib.sha1(normalized.encode("utf-8")).hexdigest()[:16]


def renderings(pairs: Iterable) -> tuple[Rendering, ...]:
    """The whole-paragraph segments of ``pairs`` (``qa_rules.pairing.build_pairs`` of a report's
    alignment) with at least ``MIN_WORDS`` source words, in order."""
    found = []
    for pair in pairs:
        for seg in segments(pair, paragraphs_only=True):
            if word_count(seg.source_text) >= MIN_WORDS:  # seg.source, seg.target: normalized
                found.append(Rendering(pair.target.lang, seg.source_at.unit or "", _key(seg.source),
                                       _key(seg.target), seg.source_text[:EXCERPT], seg.target_text[:EXCERPT]))
    return tuple(found)


@dataclass(frozen=True)
class Variant:
    """One way a source paragraph is translated, and the documents that translate it so."""

    target: str
    documents: tuple[str, ...]


@dataclass(frozen=True)
class CrossDocumentVariants:
    """A source paragraph translated into ``lang`` in more than one way across documents."""

    lang: str
    source: str
    variants: tuple[Variant, ...]


def cross_document_variants(items: Iterable[tuple[str, Rendering]]) -> list[CrossDocumentVariants]:
    """Group ``(document, rendering)`` pairs by language and source paragraph; keep those with two
    renderings or more, most documents first. Variants are ordered by how many documents use them
    (the most used first, as CO01 takes the most used rendering as the expected one)."""
    groups: dict[tuple[str, str], dict[str, tuple[str, set[str]]]] = {}
    sources: dict[tuple[str, str], str] = {}
    for document, r in items:
        key = (r.lang, r.source_key)
        sources.setdefault(key, r.source)
        target, docs = groups.setdefault(key, {}).setdefault(r.target_key, (r.target, set()))
        docs.add(document)
    found = []
    for key, by_target in groups.items():
        if len(by_target) < 2:
            continue
        variants = sorted((Variant(text, tuple(sorted(docs))) for text, docs in by_target.values()),
                          key=lambda v: (-len(v.documents), v.documents, v.target))
        found.append(CrossDocumentVariants(key[0], sources[key], tuple(variants)))
    return sorted(found, key=lambda c: (-sum(len(v.documents) for v in c.variants), c.lang, c.source))
