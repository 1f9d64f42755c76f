"""Which glossary terms documents use, per concept and language: the view a
terminologist needs to decide what to record."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Sequence

from aligner.model import Document
from qa_rules.glossary.matcher import matcher_for
from qa_rules.glossary.model import Glossary


@dataclass
class ConceptStats:
    glossary: str
    concept: str
    label: str
    #: lang -> glossary term -> count
    terms: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    #: lang -> surface form as written -> count
    forms: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    #: lang -> status -> count
    statuses: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def total(self, lang: str) -> int:
        return sum(self.terms[lang].values())

    def as_dict(self) -> dict:
        return {
            "glossary": self.glossary, "concept": self.concept, "label": self.label,
            "languages": {lang: {"occurrences": self.total(lang), "terms": dict(self.terms[lang]),
                                 "forms": dict(self.forms[lang]), "statuses": dict(self.statuses[lang])}
                          for lang in self.terms},
        }


def term_stats(documents: Sequence[Document], glossaries: Sequence[Glossary]) -> list[ConceptStats]:
    """Occurrences of every concept found in ``documents``, most frequent first."""
    table: dict[tuple[str, str], ConceptStats] = {}
    for doc in documents:
        matcher = matcher_for(glossaries, doc.lang)
        for unit in doc.units:
            for m in matcher.find(unit.text):
                key = (m.glossary, m.concept.id)
                stats = table.setdefault(key, ConceptStats(m.glossary, m.concept.id, m.concept.label("en")))
                stats.terms[doc.lang][m.term.text] += 1
                stats.forms[doc.lang][m.text] += 1
                stats.statuses[doc.lang][m.term.status] += 1
    return sorted(table.values(), key=lambda s: (-sum(s.total(lang) for lang in s.terms), s.concept))
