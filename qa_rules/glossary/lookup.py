"""Looking a term up in the glossaries, whatever its language and inflection."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from qa_rules.glossary.matcher import matcher_for
from qa_rules.glossary.model import REJECTED, Concept, Glossary


@dataclass(frozen=True)
class Hit:
    glossary: str
    concept: Concept
    lang: str  # the language the query was recognised in
    matched: str  # the glossary term the query matched
    exact: bool  # the query is the whole term (not just part of it)
    status: str = ""  # the matched term's status
    #: True when the term contains the query (found as plain text), False when the query contains the term.
    within: bool = False

    def heading(self, query: str) -> str:
        """What the query is in this concept: the matched term, its status and language,
        and for a deprecated or superseded term what to use instead::

            «Turquie» superseded in fr: use «Türkiye»
            «combattants terroristes étrangers» is a form of «combattant terroriste étranger», preferred in fr
            «Royaume-Uni» is part of the fr term «Royaume-Uni de Grande-Bretagne et d'Irlande du Nord» (preferred)
        """
        status = f"{self.status} in {self.lang}"
        if self.exact and self.matched.casefold() == query.strip().casefold():
            said = f"«{self.matched}» {status}"
        elif self.exact:
            said = f"«{query}» is a form of «{self.matched}», {status}"
        elif self.within:
            said = f"«{query}» is part of the {self.lang} term «{self.matched}» ({self.status})"
        else:
            said = f"«{query}» contains the {self.lang} term «{self.matched}» ({self.status})"
        if self.status in REJECTED:
            use = self.concept.accepted(self.lang)
            said += f": use «{self.concept.label(self.lang)}»" if use else f": no accepted {self.lang} term"
        return said


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
            hit = Hit(m.glossary, m.concept, lang, m.term.text, whole, m.term.status)
            if key not in hits or _better(hit, hits[key], wanted):
                hits[key] = hit
    if not hits:
        needle = wanted.casefold()
        for g in glossaries:
            for concept in g.concepts:
                for term in concept.terms:
                    if needle and needle in term.text.casefold():
                        hits.setdefault((g.name, concept.id),
                                        Hit(g.name, concept, term.lang, term.text, False, term.status, within=True))
    return sorted(hits.values(), key=lambda h: (not h.exact, -len(h.matched)))


def _better(new: Hit, old: Hit, query: str) -> bool:
    """A whole match beats a partial one; then the term written as the query beats an inflected
    or cross-language match («Turquie» is the French term, not a form of the Spanish «Turquía»)."""
    def rank(hit: Hit) -> tuple[bool, bool]:
        return hit.exact, hit.matched.casefold() == query.casefold()
    return rank(new) > rank(old)
