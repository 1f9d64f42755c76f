"""Which glossary terms documents use, per concept and language: the view a
terminologist needs to decide what to record."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping, Sequence

from aligner.model import Document
from qa_rules.glossary.matcher import Match, matcher_for
from qa_rules.glossary.model import Glossary

if TYPE_CHECKING:
    from qa_rules.engine import Report
    from qa_rules.glossary.model import Concept


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


def term_stats(documents: Sequence[Document], glossaries: Sequence[Glossary],
               known: Mapping[tuple[str, str], Sequence[Match]] | None = None) -> list[ConceptStats]:
    """Occurrences of every concept found in ``documents``, most frequent first.

    ``known``: matches of ``glossaries`` already found, by (language, text) (a check's
    ``Report.term_matches``): a unit whose text is there is not matched again."""
    table: dict[tuple[str, str], ConceptStats] = {}
    known = known or {}
    for doc in documents:
        matcher = None
        for unit in doc.units:
            found = known.get((doc.lang, unit.text))
            if found is None:
                matcher = matcher or matcher_for(glossaries, doc.lang)
                found = matcher.find(unit.text)
            for m in found:
                key = (m.glossary, m.concept.id)
                stats = table.get(key)
                if stats is None:
                    stats = table[key] = ConceptStats(m.glossary, m.concept.id, m.concept.label("en"))
                stats.terms[doc.lang][m.term.text] += 1
                stats.forms[doc.lang][m.text] += 1
                stats.statuses[doc.lang][m.term.status] += 1
    return sorted(table.values(), key=lambda s: (-sum(s.total(lang) for lang in s.terms), s.concept))


@dataclass(frozen=True)
class TermCheck:
    """One glossary concept found in the source, and how its occurrences are rendered in each version.

    ``matched`` holds ``(lang, matched, of)`` for every version whose language the concept has
    an accepted (preferred or admitted) term in: ``of`` source occurrences in that version's
    aligned pairs, ``matched`` of them with an accepted term in the target paragraph (a paragraph
    with two source occurrences and one target term counts 1 of 2; a deprecated term counts
    none; a paragraph missing from the version counts none). ``no_term`` lists the versions whose
    language the concept has no accepted term in (nothing to check there).
    """

    glossary: str
    concept: str
    #: The source term as the source writes it most often (« combattants terroristes étrangers »,
    #: where the glossary records « combattant terroriste étranger »).
    term: str
    #: Occurrences in the source document.
    count: int
    matched: tuple[tuple[str, int, int], ...]
    no_term: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        """Every source occurrence has an accepted rendering in every version that can have one."""
        return all(found == of for _, found, of in self.matched)


def term_checks(report: Report, glossaries: Sequence[Glossary]) -> tuple[TermCheck, ...]:
    """The glossary concepts of ``report``'s source, most frequent first, each with its per-version counts.

    Counts come from the terminology matcher (``qa_rules.terminology.common.find``: inflected
    forms, longest match) over the same source-target pairs the rules checked
    (``qa_rules.pairing.build_pairs`` of the report's alignment)."""
    from qa_rules.pairing import build_pairs
    from qa_rules.terminology.common import expected_terms, find

    alignment = report.alignment
    if alignment is None or not glossaries:
        return ()
    pivot = alignment.pivot
    source_doc = alignment.documents[pivot]
    count: Counter = Counter()
    terms: dict[tuple[str, str], Counter] = {}
    concepts: dict[tuple[str, str], Concept] = {}
    for unit in source_doc.units:
        for match in find(unit.text, pivot, glossaries):
            key = (match.glossary, match.concept.id)
            count[key] += 1
            terms.setdefault(key, Counter())[match.text] += 1
            concepts[key] = match.concept
    of: dict[str, Counter] = {}
    matched: dict[str, Counter] = {}
    for pair in build_pairs(alignment):
        if pair.source.missing:
            continue
        lang = pair.target.lang
        rendered: Counter = Counter()
        if not pair.target.missing:
            rendered = Counter((m.glossary, m.concept.id)
                               for m in find(pair.target.text, lang, glossaries, nested=True) if not m.term.rejected)
        for key, n in Counter((m.glossary, m.concept.id) for m in find(pair.source.text, pivot, glossaries)).items():
            of.setdefault(lang, Counter())[key] += n
            matched.setdefault(lang, Counter())[key] += min(n, rendered[key])
    targets = [lang for lang in alignment.languages if lang != pivot]
    checks = []
    for key, n in count.items():
        concept = concepts[key]
        checkable = [lang for lang in targets if expected_terms(concept, lang)]
        checks.append(TermCheck(
            glossary=key[0], concept=key[1], term=terms[key].most_common(1)[0][0], count=n,
            matched=tuple((lang, matched.get(lang, Counter())[key], of.get(lang, Counter())[key])
                          for lang in checkable),
            no_term=tuple(lang for lang in targets if lang not in checkable),
        ))
    return tuple(sorted(checks, key=lambda c: (-c.count, c.term)))
