"""Finding glossary terms in running text, inflected forms included.

Each term becomes a sequence of token keys (``normalise.tokenize``): stems
for ``inflected`` terms, surface forms (case-sensitive) for ``exact`` ones;
``pattern`` terms are regular expressions run on the text in bounded windows
(``patterns.find_pattern``; a pattern that could backtrack without end is
refused, ``patterns.pattern_problem``). The sequences are
indexed by their first key, so matching a paragraph costs one dictionary
look-up per token plus a comparison with the few terms that start with that
key: glossaries of thousands of entries stay fast (no regex per term).

Longest match wins: at each token the longest matching term is kept, then
matches are chosen longest first and a match overlapping a chosen one is
dropped, so ``Office des Nations Unies contre la drogue et le crime`` is one
match, not also ``drogue`` and ``crime``. Terms of several concepts with the
very same span are all reported; of one concept, the most specific term
(see ``_preference``) is reported once.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Iterable, NamedTuple, Sequence

from aligner.errors import InputError
from qa_rules.glossary.model import STATUSES, Concept, Glossary, Term
from qa_rules.glossary.normalise import _TOKEN as _SURFACES
from qa_rules.glossary.normalise import (
    AGENT_LANGS, CASED, PREFIX_LANGS, PREFIX_MIN, arabic_folded, arabic_name_forms, key_start,
    russian_forms, surface_form, tokenize, word_key,
)
from qa_rules.glossary.coordination import resume_points
from qa_rules.glossary.patterns import find_pattern, pattern_problem, quote_pattern


@dataclass(frozen=True)
class Match:
    """One occurrence of a glossary term in a text."""

    start: int
    end: int
    text: str
    term: Term
    concept: Concept
    glossary: str


class _Entry:
    """One term (or its hyphen-joined variant) in the index; its key sequence is computed the
    first time a text reaches its bucket (most glossary terms never occur in a given text, and
    stemming them all up front was most of the cost of a check)."""

    __slots__ = ("text", "term", "concept", "glossary", "lang", "_keys", "_name")

    def __init__(self, text: str, term: Term, concept: Concept, glossary: str, lang: str,
                 keys: tuple[tuple[str, str], ...] | None = None) -> None:
        self.text, self.term, self.concept, self.glossary, self.lang = text, term, concept, glossary, lang
        self._keys = keys
        self._name: tuple | None = None

    def name_fits(self, words: Sequence[str], i: int) -> bool:
        """Whether the text words from ``i`` are written as this term, if it is an inflected
        proper noun: its first word capitalised if it is (cased scripts), a Russian word with a
        short stem in one of its own case forms, Arabic words with proclitics only. Anything
        else (a common noun, an exact or pattern term) fits once its keys matched."""
        if self._name is None:
            self._name = name_constraints(self.text, self.lang) if (
                self.term.pos == "properNoun" and self.term.match == "inflected") else ()
        for j, (capital, forms) in enumerate(self._name):
            word = words[i + j]
            if capital and not word[:1].isupper():
                return False
            if forms and (arabic_folded(word) if self.lang == "ar" else word.casefold().replace("ё", "е")) not in forms:
                return False
        return True

    @property
    def keys(self) -> tuple[tuple[str, str], ...]:
        if self._keys is None:
            self._keys = term_keys(self.text, self.lang, self.term.match)
        return self._keys


class _Word(NamedTuple):
    """A text word as a matcher sees it: its surface form and key, and the index entries of the
    terms it may begin (each with its keys and their number), in the order they are tried."""

    surface: str
    #: Its key, if some inflected term begins like it (else worked out where a term needs it).
    key: str | None
    entries: tuple[tuple[_Entry, tuple[tuple[str, str], ...], int], ...]
    #: In a coordinated scan, also the terms its key less an agent ending begins (``_scan``).
    agent: tuple[tuple[_Entry, tuple[tuple[str, str], ...], int], ...] = ()


#: Words a matcher remembers (``Matcher._word``) before it starts again.
_WORDS_KEPT = 200_000


def name_constraints(text: str, lang: str) -> tuple[tuple[bool, frozenset[str]], ...]:
    """Per word of a proper noun: (must be capitalised, the only forms it may take, or none).

    Only the first word's capital is required: titles of publications are written in sentence
    case in some languages (Spanish «Guía práctica para solicitar...» for «Guía Práctica...»)."""
    found = []
    for index, token in enumerate(tokenize(text, lang)):
        capital = lang in CASED and token.surface[:1].isupper() and index == 0
        forms: frozenset[str] = frozenset()
        if lang == "ru" and token.surface[:1].isupper() and len(token.key) < PREFIX_MIN:
            forms = frozenset(russian_forms(token.surface))
        elif lang == "ar":
            forms = arabic_name_forms(token.surface)
        found.append((capital, forms))
    return tuple(found)


def term_keys(text: str, lang: str, match: str) -> tuple[tuple[str, str], ...]:
    """The key sequence a term's text must match."""
    words = _SURFACES.findall(text)  # the surfaces of ``tokenize``, without offsets or keys made for nothing
    if match == "exact" and lang != "zh":
        return tuple(("s", surface_form(w)) for w in words)
    return tuple(("k", word_key(w, lang)) for w in words)


class Matcher:
    """All the terms of some glossaries in one language, ready to match."""

    def __init__(self, lang: str, entries: Iterable[tuple[Term, Concept, str]], words_kept: int | None = None) -> None:
        """``words_kept``: how many text words it remembers before it starts again (``_WORDS_KEPT``
        unless told: a matcher of one concept's terms, kept among thousands, needs far fewer)."""
        self.lang = lang
        self.words_kept = _WORDS_KEPT if words_kept is None else words_kept
        self.prefix = lang in PREFIX_LANGS
        #: Exact terms by first surface, and inflected terms by their first key (in Russian its
        #: first ``PREFIX_MIN`` letters), the latter filled one coarse bucket at a time.
        self._index: dict[tuple[str, str], list[_Entry]] = {}
        #: Inflected terms not yet keyed, by the first three letters of their first key.
        self._coarse: dict[str, list[_Entry]] = {}
        #: The coarse buckets that held terms (whether keyed yet or not).
        self._starts: set[str] = set()
        self._patterns: list[tuple[re.Pattern, Term, Concept, str]] = []
        #: What ``_scan`` needs of each text word it has seen (``_Word``); a matcher lives as
        #: long as its glossaries (``matcher_for``), so a warm process looks a word up once.
        self._words: dict[str, _Word] = {}
        #: The words of ``_words`` that read each bucket of inflected terms (forgotten when
        #: ``_refine`` adds terms to the bucket).
        self._readers: dict[tuple[str, str], list[str]] = {}
        self.size = 0
        for term, concept, glossary in entries:
            if term.lang != lang:
                continue
            self.size += 1
            if term.match == "pattern":
                problem = pattern_problem(term.text)
                if problem is not None:  # the readers refuse these; a glossary built in memory may not
                    raise InputError(glossary, f"{lang} pattern term '{quote_pattern(term.text)}' of concept "
                                     f"'{quote_pattern(concept.id)}' {problem}")
                self._patterns.append((re.compile(term.text), term, concept, glossary))
                continue
            texts = {term.text}
            if re.search(r"\w-\w", term.text):
                texts.add(re.sub(r"(?<=\w)-(?=\w)", "", term.text))
            for text in texts:
                first = _SURFACES.search(text)
                if first is None:
                    continue
                if term.match == "exact" and lang != "zh":
                    keys = term_keys(text, lang, term.match)  # surfaces: nothing to stem
                    if keys:
                        self._index.setdefault(keys[0], []).append(_Entry(text, term, concept, glossary, lang, keys))
                else:
                    entry = _Entry(text, term, concept, glossary, lang)
                    start = key_start(first.group(), lang)
                    self._coarse.setdefault(start, []).append(entry)
                    self._starts.add(start)
        for bucket in self._index.values():
            bucket.sort(key=lambda e: -len(e.keys))

    def _bucket(self, key: tuple[str, str]) -> list[_Entry] | None:
        return self._index.get(self._index_key(key))

    def _index_key(self, key: tuple[str, str]) -> tuple[str, str]:
        if self.prefix and key[0] == "k":
            return ("k", key[1][:PREFIX_MIN])
        return key

    def _refine(self, start: str) -> None:
        """Key the terms of one coarse bucket (the first time a text word begins like them)."""
        entries = self._coarse.pop(start, None)
        if not entries:
            return
        touched = set()
        for entry in entries:
            if entry.keys:
                index_key = self._index_key(entry.keys[0])
                self._index.setdefault(index_key, []).append(entry)
                touched.add(index_key)
        for index_key in touched:
            self._index[index_key].sort(key=lambda e: -len(e.keys))
            for word in self._readers.pop(index_key, ()):  # a word seen before may begin these terms
                self._words.pop(word, None)

    def _same(self, want: tuple[str, str], i: int, surfaces: list[str], keys: list[str | None],
              words: list[str], loose: bool = False) -> bool:
        kind, value = want
        if kind == "s":
            surface = surfaces[i]
            return value == surface or (self.lang == "en" and len(surface) > 2 and surface.endswith("s")
                                        and surface[:-1].isupper() and value == surface[:-1])
        key = keys[i]
        if key is None:
            key = keys[i] = word_key(words[i], self.lang)
        if value == key:
            return True
        if loose and self.lang in AGENT_LANGS and value.removesuffix("ist") == key.removesuffix("ist"):
            return True  # present in the target: «groupes extrémistes violents» renders 暴力极端主义团体
        if not self.prefix:
            return False
        short, long_ = sorted((value, key), key=len)
        return len(short) >= PREFIX_MIN and len(long_) - len(short) <= 2 and long_.startswith(short)

    def _same_run(self, wants: tuple[tuple[str, str], ...], i: int, surfaces: list[str],
                  keys: list[str | None], words: list[str], loose: bool) -> bool:
        """Whether every key of ``wants`` matches the tokens from ``i`` (``_same`` on each), with
        the common answers decided here: an equal surface or key matches; a different one does
        not, unless ``_same`` has more to try (an English plural acronym, a loose -ist form,
        a prefix language's key). The matcher spends most of its time here."""
        plural_en = self.lang == "en"
        more_for_keys = self.prefix or (loose and self.lang in AGENT_LANGS)
        for j, want in enumerate(wants):
            pos = i + j
            if want[0] == "s":
                surface = surfaces[pos]
                if want[1] == surface:
                    continue
                if plural_en and self._same(want, pos, surfaces, keys, words, loose):
                    continue
                return False
            key = keys[pos]
            if key is None:
                key = keys[pos] = word_key(words[pos], self.lang)
            if want[1] == key:
                continue
            if more_for_keys and self._same(want, pos, surfaces, keys, words, loose):
                continue
            return False
        return True

    def find_both(self, text: str) -> tuple[list[Match], list[Match]]:
        """``(find(text), find(text, nested=True))`` from one scan of the text."""
        everything = self._scan(text, nested=True)
        by_start: dict[int, list] = {}
        for cand in everything:
            by_start.setdefault(cand[0], []).append(cand)
        longest = []
        for start, cands in by_start.items():
            size = max(c[2] for c in cands)
            entries = [e for c in cands if c[2] == size for e in c[3]]
            end = max(c[1] for c in cands if c[2] == size)
            longest.append((start, end, size, entries))
        return self._select(text, longest), self._all(text, everything)

    def find(self, text: str, nested: bool = False, coordinated: bool = False) -> list[Match]:
        """Every term occurrence in ``text``, longest first on overlaps, in text order.

        With ``nested``, terms inside longer ones are reported too (the
        rules use it to ask "is this concept expressed at all in the target").
        With ``coordinated`` (and ``nested``), a term also matches with a coordinated word between
        two of its words: «technical and legislative assistance» holds «technical assistance»,
        «international and domestic law» holds «international law» (``CONJUNCTIONS``), and in
        its -ist form (French and Spanish «extrémistes violents» for «extrémisme violent»).
        """
        candidates = self._scan(text, nested, coordinated and nested)
        if nested:
            return self._all(text, candidates)
        return self._select(text, candidates)

    def _gapped(self, entry: _Entry, i: int, surfaces: list[str], keys: list[str | None],
                words: list[str], tokens: list[re.Match], text: str) -> int | None:
        """The end (token index) of ``entry`` matched from token ``i`` with coordinated words between
        two of its words; None if it does not match so. Between two words of the term may stand:
        a conjunction and one or two other words (three characters in Chinese: «technical [and
        legislative] assistance»), the same after a comma-separated list («international[,
        regional and subregional] cooperation»), or words ending with a conjunction («secteurs
        [public et] privé», «coopération [internationale, régionale et] sous-régionale»)."""
        pos, n, gaps = i, len(words), 0
        for j, want in enumerate(entry.keys):
            if pos < n and self._same(want, pos, surfaces, keys, words, True):
                pos += 1
                continue
            if j == 0 or pos >= n:
                return None
            found = next((k for k in resume_points(self.lang, pos, surfaces, tokens, text)
                          if k < n and self._same(want, k, surfaces, keys, words, True)), None)
            if found is None:
                return None
            pos, gaps = found + 1, gaps + 1
        return pos if gaps and entry.name_fits(words, i) else None

    def _compound(self, entry: _Entry, i: int, size: int, tokens: list[re.Match], text: str) -> bool:
        """Whether a Russian term of separate words matched the parts of one hyphenated word:
        «международно-правовые документы» (international legal instruments) is not
        «международное право» (international law). In a target, where the question is whether the
        concept is expressed at all, the compound still counts."""
        if self.lang != "ru" or "-" in entry.text:
            return False
        return any(text[tokens[i + j].end():tokens[i + j + 1].start()] == "-" for j in range(size - 1))

    def _word(self, word: str) -> _Word:
        """What ``_scan`` needs of a text word (computed once per matcher, see ``_Word``): the
        terms it may begin are those of the buckets of its surface (and, in English, of the
        singular of a plural acronym: ``NGOs``) and of its key, if some inflected term begins
        like it, and in a coordinated scan of its key without an agent ending (``-ist``)."""
        known = self._words.get(word)
        if known is not None:
            return known
        if len(self._words) > self.words_kept:
            self._words.clear()
            self._readers.clear()
        surface = surface_form(word)
        looked = [("s", surface)]
        if self.lang == "en" and len(surface) > 2 and surface.endswith("s") and surface[:-1].isupper():
            looked.append(("s", surface[:-1]))
        start = key_start(word, self.lang)
        if start in self._coarse:
            self._refine(start)
        key = None  # a word no inflected term begins like is not stemmed (a term's later word may be)
        agent: tuple[tuple[_Entry, tuple[tuple[str, str], ...], int], ...] = ()
        if start in self._starts:
            key = word_key(word, self.lang)
            looked.append(("k", key))
            self._readers.setdefault(self._index_key(("k", key)), []).append(word)
            if self.lang in AGENT_LANGS and key.endswith("ist"):
                agent = self._entries([("k", key.removesuffix("ist"))])
                self._readers.setdefault(self._index_key(("k", key.removesuffix("ist"))), []).append(word)
        known = self._words[word] = _Word(surface, key, self._entries(looked), agent)
        return known

    def _entries(self, looked: list[tuple[str, str]]) -> tuple[tuple[_Entry, tuple[tuple[str, str], ...], int], ...]:
        """The entries of the buckets of ``looked``, bucket after bucket, each with its keys and
        their number (a bucket is sorted longest term first)."""
        return tuple((entry, entry.keys, len(entry.keys)) for key in looked for entry in self._bucket(key) or ())

    def _scan(self, text: str, nested: bool, coordinated: bool = False) -> list:
        tokens = list(_SURFACES.finditer(text))
        words = [m.group() for m in tokens]
        seen = [self._word(w) for w in words]
        surfaces = [w.surface for w in seen]
        keys: list[str | None] = [w.key for w in seen]
        candidates: list[tuple[int, int, int, list[_Entry]]] = []  # (start char, end char, n tokens, entries)
        n_tokens = len(words)
        for i, word in enumerate(seen):
            entries = word.entries + word.agent if coordinated and word.agent else word.entries
            if not entries:
                continue
            best_len = 0
            best: list[_Entry] = []
            for entry, wants, size in entries:
                if size < best_len or size == 0 or i + size > n_tokens:
                    continue
                if coordinated and size > 1:
                    end = self._gapped(entry, i, surfaces, keys, words, tokens, text)
                    if end is not None:
                        candidates.append((tokens[i].start(), tokens[end - 1].end(), size, [entry]))
                        continue
                if self._same_run(wants, i, surfaces, keys, words, coordinated) \
                        and entry.name_fits(words, i) \
                        and (coordinated or not self._compound(entry, i, size, tokens, text)):
                    if nested:
                        candidates.append((tokens[i].start(), tokens[i + size - 1].end(), size, [entry]))
                    elif size > best_len:
                        best_len, best = size, [entry]
                    elif size == best_len:
                        best.append(entry)
            if best:
                candidates.append((tokens[i].start(), tokens[i + best_len - 1].end(), best_len, best))
        for pattern, term, concept, glossary in self._patterns:
            for m in find_pattern(pattern, text):
                if m.end() > m.start():
                    entry = _Entry(term.text, term, concept, glossary, self.lang, ())
                    size = sum(1 for token in tokens if m.start() <= token.start() < m.end())
                    candidates.append((m.start(), m.end(), size, [entry]))
        return candidates

    @staticmethod
    def _all(text: str, candidates) -> list[Match]:
        return [Match(s, e, text[s:e], entry.term, entry.concept, entry.glossary)
                for s, e, _, entries in sorted(candidates, key=lambda c: (c[0], -c[2])) for entry in entries]

    @staticmethod
    def _select(text: str, candidates) -> list[Match]:
        merged: dict[tuple[int, int], tuple[int, int, int, list[_Entry]]] = {}
        for start, end, size, entries in candidates:  # a pattern and a term on the same span compete as one
            if (start, end) in merged:
                _, _, other_size, other = merged[(start, end)]
                merged[(start, end)] = (start, end, max(size, other_size), other + list(entries))
            else:
                merged[(start, end)] = (start, end, size, list(entries))
        candidates = list(merged.values())
        chosen: list[tuple[int, int, list[_Entry]]] = []
        taken: list[tuple[int, int]] = []
        for start, end, _, entries in sorted(candidates, key=lambda c: (-c[2], -(c[1] - c[0]), c[0])):
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            chosen.append((start, end, entries))
        chosen.sort(key=lambda c: c[0])
        matches = []
        for start, end, entries in chosen:
            best: dict[tuple[str, str], _Entry] = {}
            for entry in sorted(entries, key=_preference):
                best.setdefault((entry.glossary, entry.concept.id), entry)
            for entry in _closest_names(list(best.values()), text[start:end]):
                matches.append(Match(start, end, text[start:end], entry.term, entry.concept, entry.glossary))
        return matches


def _closest_names(entries: list[_Entry], found: str) -> list[_Entry]:
    """Of several proper nouns of different concepts matching one span by their stems, the ones
    written most like the text: Russian «Нигерия» stems as «Нигер» does, but it is Nigeria."""
    if len(entries) < 2 or any(e.term.pos != "properNoun" for e in entries):
        return entries
    found = found.casefold()

    def shared(entry: _Entry) -> tuple[bool, int]:
        text = entry.text.casefold()
        declined = entry.lang == "ru" and found.replace("ё", "е") in russian_forms(text)
        return declined, len(os.path.commonprefix([text, found]))

    most = max(shared(e) for e in entries)
    return [e for e in entries if shared(e) == most]


def _preference(entry: _Entry) -> tuple[int, int]:
    """Among terms of one concept matching the same span: an ``exact`` or
    ``pattern`` term is more specific than an inflected one (``États membres`` written exactly
    as the deprecated form); then preferred before admitted before rejected."""
    return (0 if entry.term.match in ("exact", "pattern") else 1, STATUSES.index(entry.term.status))


#: (lang, glossary ids) -> (the glossaries, their matcher). An entry keeps its glossaries alive
#: and is used only for those very objects: an ``id()`` is reused once its object is collected,
#: and glossaries built in memory all have the digest "".
_CACHE: dict[tuple, tuple[tuple[Glossary, ...], Matcher]] = {}


def matcher_for(glossaries: Sequence[Glossary], lang: str) -> Matcher:
    """A (cached) matcher over all the terms of ``glossaries`` in ``lang``."""
    glossaries = tuple(glossaries)
    key = (lang,) + tuple(id(g) for g in glossaries)
    hit = _CACHE.get(key)
    if hit is not None and same_objects(hit[0], glossaries):
        return hit[1]
    if len(_CACHE) > 64:
        _CACHE.clear()
    matcher = Matcher(lang, ((t, c, g.name) for g in glossaries for c in g.concepts for t in c.terms))
    _CACHE[key] = (glossaries, matcher)
    return matcher


def same_objects(cached: Sequence[object], given: Sequence[object]) -> bool:
    """Whether two sequences hold the very same objects (identity, not equality), in order."""
    return len(cached) == len(given) and all(a is b for a, b in zip(cached, given))


def find_terms(text: str, lang: str, glossaries: Sequence[Glossary]) -> list[Match]:
    """Shortcut: the term occurrences of ``glossaries`` in ``text``."""
    return matcher_for(glossaries, lang).find(text)
