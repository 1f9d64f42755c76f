"""Finding glossary terms in running text, inflected forms included.

Each term becomes a sequence of token keys (``normalise.tokenize``): stems
for ``inflected`` terms, surface forms (case-sensitive) for ``exact`` ones;
``pattern`` terms are regular expressions run on the text in bounded windows
(``patterns.find_pattern``; a pattern that could backtrack without end is
refused, ``patterns.pattern_problem``). The sequences are
indexed by their first key, so matching a paragraph costs one dictionary
look-up per token plus a comparison with the few terms that start with that
key: glossaries of thousands of entries stay fast (no regex per term).

A text is tokenised once (one compiled regular expression); each distinct word is looked up
once per matcher (``Matcher._word``, remembered across texts): the entries of the terms it may
begin, sorted by what their second word must be, so that a scan tries only the terms whose first
two words the text has. Longest match wins (``qa_rules.glossary.overlaps``).
"""

from __future__ import annotations

import re
from typing import Iterable, NamedTuple, Sequence

from aligner.errors import InputError
from qa_rules.glossary.model import Concept, Glossary, Term
from qa_rules.glossary.normalise import _TOKEN as _SURFACES
from qa_rules.glossary.normalise import (
    AGENT_LANGS, PREFIX_LANGS, PREFIX_MIN, arabic_folded, key_start, name_constraints, surface_form, word_key,
)
from qa_rules.glossary.coordination import resume_points
from qa_rules.glossary.overlaps import Made, Match, every_match, longest_at_each_start, longest_first
from qa_rules.glossary.patterns import find_pattern, pattern_problem, quote_pattern


class _Entry:
    """One term (or its hyphen-joined variant) in the index; its key sequence is computed the
    first time a text word has its first key (most glossary terms never occur in a given text,
    and stemming them all up front was most of the cost of a check)."""

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


#: An index entry as a scan tries it: its place among the entries of the word that begins it,
#: the entry, its keys and their number.
_Row = tuple[int, _Entry, tuple[tuple[str, str], ...], int]


class _Word(NamedTuple):
    """A text word as a matcher sees it: its surface form and key, and the index entries of the
    terms it may begin, in the order they are tried, also sorted by what a term's second word
    must be (``_rows_by_second``: a scan tries only the terms whose second word the text has)."""

    surface: str
    #: Its key, if some inflected term begins like it (else worked out where a term needs it).
    key: str | None
    entries: tuple[_Row, ...]
    #: In a coordinated scan, also the terms its key less an agent ending begins (``_scan``).
    agent: tuple[_Row, ...] = ()
    #: The entries of one word.
    singles: tuple[_Row, ...] = ()
    #: The entries of several words by the surface their second word must have...
    by_surface: dict[str, tuple[_Row, ...]] | None = None
    #: ... and by the key it must have (in a prefix language, its first ``PREFIX_MIN`` letters).
    by_key: dict[str, tuple[_Row, ...]] | None = None


#: A hyphen between two letters: a term written with one is also indexed without (``counterterrorism``).
_WORD_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")

#: Words a matcher remembers (``Matcher._word``) before it starts again.
_WORDS_KEPT = 200_000


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
            if "-" in term.text and _WORD_HYPHEN.search(term.text):
                texts.add(_WORD_HYPHEN.sub("", term.text))
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

    def _index_key(self, key: tuple[str, str]) -> tuple[str, str]:
        if self.prefix and key[0] == "k":
            return ("k", key[1][:PREFIX_MIN])
        return key

    def _refine(self, start: str) -> None:
        """Index the terms of one coarse bucket by their first key (the first time a text word
        begins like them). Only that key is worked out: the keys of a term's other words wait
        until a text word has its first one (``_Entry.keys``), as most never do."""
        entries = self._coarse.pop(start, None)
        if not entries:
            return
        touched = set()
        sizes: dict[int, int] = {}
        for entry in entries:
            words = _SURFACES.findall(entry.text)  # as many as its keys
            if words:
                index_key = self._index_key(("k", word_key(words[0], self.lang)))
                self._index.setdefault(index_key, []).append(entry)
                touched.add(index_key)
                sizes[id(entry)] = len(words)
        for index_key in touched:
            # longest term first (terms indexed before this bucket, if any, are keyed already)
            self._index[index_key].sort(key=lambda e: -(sizes[id(e)] if id(e) in sizes else len(e.keys)))
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
        if loose and self.lang in AGENT_LANGS and value.removesuffix("ist") == key.removesuffix("ist"):
            return True  # present in the target: «groupes extrémistes violents» renders 暴力极端主义团体
        return self._same_key(value, key)

    def _same_key(self, value: str, key: str) -> bool:
        """Whether a term's key ``value`` matches a text word's ``key`` (equal, or in a prefix
        language one a prefix of the other)."""
        if value == key:
            return True
        if not self.prefix:
            return False
        short, long_ = sorted((value, key), key=len)
        return len(short) >= PREFIX_MIN and len(long_) - len(short) <= 2 and long_.startswith(short)

    def _same_run(self, wants: tuple[tuple[str, str], ...], i: int, surfaces: list[str],
                  keys: list[str | None], words: list[str], loose: bool, known: int = 0) -> bool:
        """Whether every key of ``wants`` matches the tokens from ``i`` (``_same`` on each), the
        first ``known`` of them already known to, with the common answers decided here: an equal
        surface or key matches; a different one does not, unless ``_same`` has more to try (an
        English plural acronym, a loose -ist form, a prefix language's key)."""
        plural_en = self.lang == "en"
        more_for_keys = self.prefix or (loose and self.lang in AGENT_LANGS)
        for j in range(known, len(wants)):
            want, pos = wants[j], i + j
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
        if not everything:
            return [], []
        made: Made = {}
        return longest_first(text, longest_at_each_start(everything), made), every_match(text, everything, made)

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
            return every_match(text, candidates)
        return longest_first(text, candidates)

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
        words = self._words
        known = words.get(word)
        if known is not None:
            return known
        if len(words) > self.words_kept:
            words.clear()
            self._readers.clear()
        lang, index = self.lang, self._index
        start = key_start(word, lang)
        if start in self._coarse:
            self._refine(start)
        surface = surface_form(word)
        found = list(index.get(("s", surface), ()))
        if lang == "en" and len(surface) > 2 and surface.endswith("s") and surface[:-1].isupper():
            found += index.get(("s", surface[:-1]), ())
        key = None  # a word no inflected term begins like is not stemmed (a term's later word may be)
        agent: tuple[_Row, ...] = ()
        if start in self._starts:
            key = word_key(word, lang)
            read = self._index_key(("k", key))
            found += index.get(read, ())
            self._readers.setdefault(read, []).append(word)
            if lang in AGENT_LANGS and key.endswith("ist"):
                read = self._index_key(("k", key.removesuffix("ist")))
                agent = _rows(index.get(read, ()))
                self._readers.setdefault(read, []).append(word)
        if found:
            entries = _rows(found)
            known = _Word(surface, key, entries, agent, *self._rows_by_second(entries, key))
        else:
            known = _Word(surface, key, (), agent)
        words[word] = known
        return known

    def _rows_by_second(self, rows: tuple[_Row, ...], key: str | None) -> tuple[
            tuple[_Row, ...], dict[str, tuple[_Row, ...]] | None, dict[str, tuple[_Row, ...]] | None]:
        """A word's entries as ``_Word.singles``, ``by_surface`` and ``by_key`` hold them. In a
        prefix language, an inflected term whose first key does not match the word's (its bucket
        holds the keys of the same first letters) is left out: a scan would try it for nothing."""
        singles: list[_Row] = []
        by_surface: dict[str, list[_Row]] = {}
        by_key: dict[str, list[_Row]] = {}
        for row in rows:
            wants = row[2]
            if self.prefix and wants[0][0] == "k" and not (key is not None and self._same_key(wants[0][1], key)):
                continue
            if row[3] == 1:
                singles.append(row)
                continue
            kind, value = wants[1]
            if kind == "s":
                by_surface.setdefault(value, []).append(row)
            else:
                by_key.setdefault(value[:PREFIX_MIN] if self.prefix else value, []).append(row)
        return (tuple(singles), {k: tuple(v) for k, v in by_surface.items()} or None,
                {k: tuple(v) for k, v in by_key.items()} or None)

    def _scan(self, text: str, nested: bool, coordinated: bool = False) -> list:
        """The candidate matches of ``text``: (start char, end char, number of tokens, entries),
        at each token the longest term(s) beginning there, or with ``nested`` every one of them."""
        if coordinated:
            return self._scan_each(text, nested, coordinated)
        tokens = list(_SURFACES.finditer(text))
        words = [m.group() for m in tokens]
        get, new = self._words.get, self._word
        seen = [get(w) or new(w) for w in words]  # ``_word`` of each, without a call for a known word
        surfaces = [w.surface for w in seen]
        keys: list[str | None] = [w.key for w in seen]
        candidates: list[tuple[int, int, int, list[_Entry]]] = []
        n_tokens = len(words)
        prefix, lang = self.prefix, self.lang
        plural_en = lang == "en"
        known = 1 if prefix else 2  # how many of a term's first keys the look-ups below decided
        for i, word in enumerate(seen):
            if not word.entries:
                continue
            rows = word.singles
            if i + 1 < n_tokens and (word.by_surface or word.by_key):
                more: list[tuple[_Row, ...]] = []
                if word.by_surface:
                    surface = surfaces[i + 1]
                    more.append(word.by_surface.get(surface, ()))
                    if plural_en and len(surface) > 2 and surface.endswith("s") and surface[:-1].isupper():
                        more.append(word.by_surface.get(surface[:-1], ()))
                if word.by_key:
                    key = keys[i + 1]
                    if key is None:
                        key = keys[i + 1] = word_key(words[i + 1], lang)
                    more.append(word.by_key.get(key[:PREFIX_MIN] if prefix else key, ()))
                if any(more):
                    rows = tuple(sorted(rows + tuple(row for hit in more for row in hit), key=_row_order))
            best_len = 0
            best: list[_Entry] = []
            for _, entry, wants, size in rows:
                if size < best_len or i + size > n_tokens:
                    continue
                if size > known and not self._same_run(wants, i, surfaces, keys, words, False, known):
                    continue
                if not entry.name_fits(words, i) or self._compound(entry, i, size, tokens, text):
                    continue
                if nested:
                    candidates.append((tokens[i].start(), tokens[i + size - 1].end(), size, [entry]))
                elif size > best_len:
                    best_len, best = size, [entry]
                else:
                    best.append(entry)
            if best:
                candidates.append((tokens[i].start(), tokens[i + best_len - 1].end(), best_len, best))
        return candidates + self._pattern_candidates(text, tokens)

    def _scan_each(self, text: str, nested: bool, coordinated: bool = False) -> list:
        """``_scan`` trying every entry each word may begin: what a coordinated scan does (a
        coordinated word may stand between a term's first and second word)."""
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
            for _, entry, wants, size in entries:
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
        return candidates + self._pattern_candidates(text, tokens)

    def _pattern_candidates(self, text: str, tokens: list[re.Match]) -> list:
        candidates = []
        for pattern, term, concept, glossary in self._patterns:
            for m in find_pattern(pattern, text):
                if m.end() > m.start():
                    entry = _Entry(term.text, term, concept, glossary, self.lang, ())
                    size = sum(1 for token in tokens if m.start() <= token.start() < m.end())
                    candidates.append((m.start(), m.end(), size, [entry]))
        return candidates

def _rows(entries) -> tuple[_Row, ...]:
    """Index entries as a scan tries them (``_Row``), in the order given (a bucket is sorted
    longest term first)."""
    return tuple((order, entry, entry.keys, len(entry.keys)) for order, entry in enumerate(entries))


def _row_order(row: _Row) -> int:
    return row[0]


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
    matcher = Matcher(lang, ((t, c, g.name) for g in glossaries for c in g.concepts for t in c.terms if t.lang == lang))
    _CACHE[key] = (glossaries, matcher)
    return matcher


def same_objects(cached: Sequence[object], given: Sequence[object]) -> bool:
    """Whether two sequences hold the very same objects (identity, not equality), in order."""
    return len(cached) == len(given) and all(a is b for a, b in zip(cached, given))


def find_terms(text: str, lang: str, glossaries: Sequence[Glossary]) -> list[Match]:
    """Shortcut: the term occurrences of ``glossaries`` in ``text``."""
    return matcher_for(glossaries, lang).find(text)
