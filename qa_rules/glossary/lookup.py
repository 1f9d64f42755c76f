"""Looking a term up in the glossaries, whatever its language and inflection."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from qa_rules.glossary.matcher import matcher_for
from qa_rules.glossary.model import Concept, Glossary


@dataclass(frozen=True)
class Hit:
    glossary: str
    concept: Concept
    lang: str  # the language the query was recognised in
    matched: str  # the glossary term the query matched
    exact: bool  # the query is the whole term (not just part of it)


def lookup(query: str, glossaries: Sequence[Glossary]) -> list[Hit]:
    """Concepts whose terms the query contains (inflected forms count), whole matches first;
    then, if nothing matched, concepts with a term containing the query as plain text."""
    hits: dict[tuple[str, str], Hit] = {}
    languages = sorted({lang for g in glossaries for lang in g.languages})
    wanted = query.strip()
    for lang in languages:
        for m in matcher_for(glossaries, lang).find(wanted, nested=True):
            whole = m.start == 0 and m.end >= len(wanted.rstrip(" .,;:"))
            key = (m.glossary, m.concept.id)
            if key not in hits or (whole and not hits[key].exact):
                hits[key] = Hit(m.glossary, m.concept, lang, m.term.text, whole)
    if not hits:
        needle = wanted.casefold()
        for g in glossaries:
            for concept in g.concepts:
                for term in concept.terms:
                    if needle and needle in term.text.casefold():
                        hits.setdefault((g.name, concept.id), Hit(g.name, concept, term.lang, term.text, False))
    return sorted(hits.values(), key=lambda h: (not h.exact, -len(h.matched)))
