"""Finding glossary terms in running text, inflected forms included.

Each term becomes a sequence of token keys (``normalise.tokenize``): stems
for ``inflected`` terms, surface forms (case-sensitive) for ``exact`` ones;
``pattern`` terms are regular expressions run on the text. The sequences are
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

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from qa_rules.glossary.model import STATUSES, Concept, Glossary, Term
from qa_rules.glossary.normalise import PREFIX_LANGS, PREFIX_MIN, surface_form, tokenize


@dataclass(frozen=True)
class Match:
    """One occurrence of a glossary term in a text."""

    start: int
    end: int
    text: str
    term: Term
    concept: Concept
    glossary: str


@dataclass(frozen=True)
class _Entry:
    keys: tuple[tuple[str, str], ...]
    term: Term
    concept: Concept
    glossary: str


def term_keys(text: str, lang: str, match: str) -> tuple[tuple[str, str], ...]:
    """The key sequence a term's text must match."""
    if match == "exact" and lang != "zh":
        return tuple(("s", surface_form(t.surface)) for t in tokenize(text, lang))
    return tuple(("k", t.key) for t in tokenize(text, lang))


class Matcher:
    """All the terms of some glossaries in one language, ready to match."""

    def __init__(self, lang: str, entries: Iterable[tuple[Term, Concept, str]]) -> None:
        self.lang = lang
        self.prefix = lang in PREFIX_LANGS
        self._index: dict[tuple[str, str], list[_Entry]] = {}
        self._patterns: list[tuple[re.Pattern, Term, Concept, str]] = []
        self.size = 0
        for term, concept, glossary in entries:
            if term.lang != lang:
                continue
            self.size += 1
            if term.match == "pattern":
                try:
                    self._patterns.append((re.compile(term.text), term, concept, glossary))
                except re.error:
                    continue  # reported by ``hexaglot glossary validate``
                continue
            variants = {term_keys(term.text, lang, term.match)}
            if re.search(r"\w-\w", term.text):
                variants.add(term_keys(re.sub(r"(?<=\w)-(?=\w)", "", term.text), lang, term.match))
            for keys in variants:
                if keys:
                    self._index.setdefault(self._index_key(keys[0]), []).append(_Entry(keys, term, concept, glossary))
        for bucket in self._index.values():
            bucket.sort(key=lambda e: -len(e.keys))
        # Which text words can be part of a term (``could_match``): the first three letters of
        # every stem of every term, and the whole of stems shorter than that.
        stems = {key for bucket in self._index.values() for e in bucket for kind, key in e.keys if kind == "k"}
        self._starts = frozenset(stem[:3] for stem in stems if len(stem) >= 3)
        self._short = frozenset(stem for stem in stems if len(stem) < 3)
        self._all_words = bool(self._patterns)  # a pattern counts tokens, not keys: nothing to skip

    def could_match(self, word: str) -> bool:
        """Whether a word (its ``stem_input``) can have the key of a term word: its stem begins
        with its first three letters, so it must begin like one of the terms' stems."""
        return word[:3] in self._starts or word[:1] in self._short or word[:2] in self._short

    def _index_key(self, key: tuple[str, str]) -> tuple[str, str]:
        if self.prefix and key[0] == "k":
            return ("k", key[1][:PREFIX_MIN])
        return key

    def _same(self, want: tuple[str, str], have: tuple[tuple[str, str], ...]) -> bool:
        if want in have:
            return True
        if not self.prefix or want[0] != "k":
            return False
        got = have[0][1]
        short, long_ = sorted((want[1], got), key=len)
        return len(short) >= PREFIX_MIN and len(long_) - len(short) <= 2 and long_.startswith(short)

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

    def find(self, text: str, nested: bool = False) -> list[Match]:
        """Every term occurrence in ``text``, longest first on overlaps, in text order.

        With ``nested``, terms inside longer ones are reported too (the
        rules use it to ask "is this concept expressed at all in the target").
        """
        candidates = self._scan(text, nested)
        if nested:
            return self._all(text, candidates)
        return self._select(text, candidates)

    def _scan(self, text: str, nested: bool) -> list:
        tokens = tokenize(text, self.lang, None if self._all_words else self.could_match)
        keyed = [_token_keys(t.key, surface_form(t.surface), self.lang) for t in tokens]
        candidates: list[tuple[int, int, int, list[_Entry]]] = []  # (start char, end char, n tokens, entries)
        n_tokens = len(tokens)
        for i, token_keys in enumerate(keyed):
            best_len = 0
            best: list[_Entry] = []
            for bucket in [self._index.get(self._index_key(key)) for key in token_keys]:
                if not bucket:
                    continue
                for entry in bucket:
                    size = len(entry.keys)
                    if size < best_len or i + size > n_tokens:
                        continue
                    if all(self._same(entry.keys[j], keyed[i + j]) for j in range(size)):
                        if nested:
                            candidates.append((tokens[i].start, tokens[i + size - 1].end, size, [entry]))
                        elif size > best_len:
                            best_len, best = size, [entry]
                        elif size == best_len:
                            best.append(entry)
            if best:
                candidates.append((tokens[i].start, tokens[i + best_len - 1].end, best_len, best))
        for pattern, term, concept, glossary in self._patterns:
            for m in pattern.finditer(text):
                if m.end() > m.start():
                    entry = _Entry((), term, concept, glossary)
                    size = sum(1 for t in tokens if m.start() <= t.start < m.end())
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
            for entry in best.values():
                matches.append(Match(start, end, text[start:end], entry.term, entry.concept, entry.glossary))
        return matches


def _preference(entry: _Entry) -> tuple[int, int]:
    """Among terms of one concept matching the same span: an ``exact`` or
    ``pattern`` term is more specific than an inflected one (``États membres`` written exactly
    as the deprecated form); then preferred before admitted before rejected."""
    return (0 if entry.term.match in ("exact", "pattern") else 1, STATUSES.index(entry.term.status))


def _token_keys(key: str, surface: str, lang: str) -> tuple[tuple[str, str], ...]:
    """The keys a text token can match: its stem, its surface, and for an
    English acronym plural (``FTFs``) the acronym itself."""
    keys = (("k", key), ("s", surface))
    if lang == "en" and len(surface) > 2 and surface.endswith("s") and surface[:-1].isupper():
        keys += (("s", surface[:-1]),)
    return keys


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
