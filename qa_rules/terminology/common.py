"""What the terminology rules share: the run's glossaries and cached matches."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Iterator, Sequence

from qa_rules.base import Context, Pair, Side, side_location
from qa_rules.model import Location
from qa_rules.glossary.matcher import Match, Matcher, matcher_for, same_objects
from qa_rules.glossary.model import Concept, Glossary, Term

COUNTRY_SUBJECT = "Country names"


@dataclass(frozen=True)
class GlossaryConfig:
    """bundled_when_none: with no glossary in the run at all, use the bundled ones (the docstring examples do)."""

    bundled_when_none: bool = False


def run_glossaries(context: Context, bundled_when_none: bool) -> tuple[Glossary, ...]:
    glossaries = tuple(g for g in context.glossaries if isinstance(g, Glossary))
    if not glossaries and bundled_when_none:
        glossaries = _bundled()
    return glossaries


_BUNDLED: list[tuple[Glossary, ...]] = []


def _bundled() -> tuple[Glossary, ...]:
    if not _BUNDLED:
        from qa_rules.glossary import bundled_glossaries

        _BUNDLED.append(bundled_glossaries())
    return _BUNDLED[0]


#: Where a run keeps its term matches: ``Context.facts[MATCHES_FACT]``, filled on first use.
MATCHES_FACT = "terminology.matches"

#: The matches of the latest texts, whichever run or call asked (a warm worker meets the same
#: paragraphs in document after document: preambles, recycled paragraphs, a document checked
#: again), at most ``_KEPT`` of them, the oldest dropped first; a call made without a run (the
#: glossary commands, tests) reads only these. (lang, text, glossary ids) -> (the glossaries,
#: longest matches, every match). An entry keeps its glossaries alive and is used only for those
#: very objects: an ``id()`` is reused once its object is collected, and glossaries built in
#: memory have no content digest to tell them apart. An entry holds about 2 KB besides its text
#: (measured on the sample sets): 4,096 of them, the texts of about eight six-language
#: resolutions, hold 10-12 MB.
_MATCHES: "OrderedDict[tuple, tuple[tuple[Glossary, ...], tuple[Match, ...], tuple[Match, ...]]]" = OrderedDict()
_KEPT = 4_096


def _store(context: Context | None) -> dict:
    """The run's match cache (one per ``Context``, dropped with it), else the bounded module one."""
    if context is not None and isinstance(context.facts, dict):
        return context.facts.setdefault(MATCHES_FACT, {})
    return _MATCHES


def find(text: str, lang: str, glossaries: Sequence[Glossary], nested: bool = False,
         context: Context | None = None) -> tuple[Match, ...]:
    """The term occurrences in ``text``; ``nested`` adds the terms found inside longer ones.

    Each (text, language) is matched once per run, whatever rule asks and however often (a
    source cell is checked against five targets by five rules): the matches are kept in the
    run's ``context.facts``. A text matched lately by another run is not matched again
    (``_MATCHES``)."""
    if not text or not glossaries:
        return ()
    glossaries = tuple(glossaries)
    store = _store(context)
    key = (lang, text, tuple(id(g) for g in glossaries))
    found = store.get(key)
    if found is None or not same_objects(found[0], glossaries):
        found = _MATCHES.get(key)
        if found is None or not same_objects(found[0], glossaries):
            longest, everything = matcher_for(glossaries, lang).find_both(text)
            found = _MATCHES[key] = (glossaries, tuple(longest), tuple(everything))
            if len(_MATCHES) > _KEPT:
                _MATCHES.popitem(last=False)
        store[key] = found
    return found[2] if nested else found[1]


def matches_found(facts, glossaries: Sequence) -> dict[tuple[str, str], tuple[Match, ...]]:
    """The longest term matches a run's rules found (``find`` with the run's ``Context.facts``),
    by (language, text), for the glossaries ``glossaries`` (a rule that asked with other ones,
    the bundled ones of a run without any, is left out): a plain value the run hands back
    (``qa_rules.engine.Report.term_matches``)."""
    store = facts.get(MATCHES_FACT) if isinstance(facts, dict) else None
    glossaries = tuple(g for g in glossaries if isinstance(g, Glossary))
    if not store or not glossaries:
        return {}
    ids = tuple(id(g) for g in glossaries)
    return {(key[0], key[1]): found[1] for key, found in store.items()
            if len(key) == 3 and key[2] == ids and same_objects(found[0], glossaries)}


def concept_in(text: str, lang: str, match: Match, context: Context | None = None,
               coordinated: bool = False) -> bool:
    """Whether ``match``'s concept has a term of ``lang`` in ``text`` (inflected, nested too;
    with ``coordinated``, also split by a coordinated word: «technical and legislative assistance»).

    Only that concept's terms are indexed (cached per run): asking whether a target holds a
    term in another language's form must not build the matcher of every glossary term of
    every language (the index is built per language the run needs, on first use). The index
    is kept across runs (``_CONCEPT_MATCHERS``): a warm worker meets the same concepts in
    document after document, and an index remembers the words it has keyed."""
    key = (lang, id(match.concept), match.glossary)
    hit = _CONCEPT_MATCHERS.get(key)
    if hit is None or hit[0] is not match.concept:
        if len(_CONCEPT_MATCHERS) > 2_000:
            _CONCEPT_MATCHERS.clear()
        entries = ((t, match.concept, match.glossary) for t in match.concept.terms if t.lang == lang)
        hit = _CONCEPT_MATCHERS[key] = (match.concept, Matcher(lang, entries, words_kept=_CONCEPT_WORDS_KEPT))
    matcher = hit[1]
    return matcher.size > 0 and bool(matcher.find(text, nested=True, coordinated=coordinated))


#: ``concept_in``'s index of one concept's terms: (lang, id of the concept, glossary name) ->
#: (the concept, its matcher). The concept is kept so that its ``id()`` is not reused while the
#: entry stands; the glossary's name is part of the key because a match carries it.
_CONCEPT_MATCHERS: dict[tuple[str, int, str], tuple[Concept, Matcher]] = {}
#: The text words each of those matchers remembers (``Matcher.words_kept``).
_CONCEPT_WORDS_KEPT = 100


def rejected_in_target(pair: Pair, context: Context, bundled_when_none: bool, countries: bool) -> Iterator[Match]:
    """The deprecated or superseded terms used in the pair's target: the country names
    (``countries``, TE03's) or every other term (TE02's)."""
    if pair.target.missing:
        return
    glossaries = run_glossaries(context, bundled_when_none)
    for match in find(pair.target.text, pair.target.lang, glossaries, context=context):
        if match.term.rejected and is_country(match.concept) == countries:
            yield match


def located(side: Side, offset: int) -> Location | None:
    """The side's location, with the line of the character at ``offset`` of its text
    (the line where the offending term is), when the text is a single unit's."""
    location = side_location(side)
    line = located_line(side, offset)
    if location is None or line is None:
        return location
    return replace(location, line=line)


def located_line(side: Side, offset: int) -> int | None:
    """The line ``located`` gives (None: the side's own), without making a location."""
    if side.missing or len(side.units) != 1 or side.units[0].text != side.text:
        return None
    return side.units[0].line_at(offset)


def is_country(concept: Concept) -> bool:
    return concept.subject == COUNTRY_SUBJECT


def form_group(term: Term) -> str:
    """Terms of one concept that are alternatives of each other share a group:
    a full name and its short form or acronym are not inconsistent."""
    if term.term_type in ("shortForm", "acronym", "abbreviation", "variant"):
        return term.term_type
    return "full"


#: ``expected_terms`` already worked out: (id of the concept, lang, group) -> (the concept, the text).
#: The concept is kept so that its ``id()`` is not reused while the entry stands.
_EXPECTED: dict[tuple[int, str, str | None], tuple[Concept, str]] = {}


def expected_terms(concept: Concept, lang: str, group: str | None = None) -> str:
    """The accepted terms of ``concept`` in ``lang`` (preferred first), ``|``-separated
    (worked out once per concept and language: TE01 asks for every source term of every pair)."""
    key = (id(concept), lang, group)
    hit = _EXPECTED.get(key)
    if hit is None or hit[0] is not concept:
        if len(_EXPECTED) > 50_000:
            _EXPECTED.clear()
        hit = _EXPECTED[key] = (concept, _expected_terms(concept, lang, group))
    return hit[1]


def _expected_terms(concept: Concept, lang: str, group: str | None) -> str:
    terms = tuple(t for t in concept.accepted(lang) if t.match != "pattern")
    if group is not None:
        same = [t for t in terms if form_group(t) == group]
        terms = tuple(same) or terms
    return " | ".join(dict.fromkeys(t.text for t in terms))
