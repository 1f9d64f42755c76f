"""The repeatable pieces of an aligned pair, for consistency checks.

A *segment* is a stretch of source text and its translation that a reviser
expects to be rendered the same way wherever it recurs:

- ``text``: a whole paragraph (the cell's text);
- ``sentence``: a sentence of a paragraph, when both sides have the same
  number of sentences (paired by position);
- ``opening``: the italic opening phrase (*Rappelant* -> *Recalling*), in
  versions that italicize it (``qa_rules.markup.italics``), keyed by the
  language's ``[consistency]`` data: Arabic ``وإذ تشير`` after a first
  ``إذ تشير`` is grammar (``opening_prefix``), Chinese ``敦促`` and ``促请``
  both render *Engage* (``opening_equivalents``), neither is inconsistency;
- ``italic``: another italic span (a title), paired by position.

Keys are normalized (NFC, case-folded, white space collapsed, final
punctuation and closing quotes dropped) so that a paragraph ending with a
comma in the preamble and a semicolon in the operative part is one segment.
Only body paragraphs (preambular, operative, footnotes...) are segmented: the
header lines repeat names (``Conseil économique et social``) by design.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from collections.abc import Callable, Hashable, MutableMapping
from typing import Iterable, Iterator

from qa_rules.base import Pair
from qa_rules.markup.italics import opening_span, other_spans
from qa_rules.model import Location
from qa_rules.untranslated.detect import left_untranslated

_LEAD_NUMBER = re.compile(r"^\d+\.\s+")
_WORD = re.compile(r"[^\W\d_]+")


#: What ends a key and is left out of it (``normalize``): spaces and closing punctuation.
_TRAIL_CHARS = " ,.;:，。；：،؛»”\""


@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """The key of ``text`` (see the module); kept for the last texts asked: a source paragraph
    is segmented once per target language.

    Every run of white space (``str.isspace``: the no-break spaces too) becomes one space and
    the closing spaces and punctuation go, by ``str`` methods rather than patterns (the regular
    expression engine tried the trailing pattern at every character of every paragraph)."""
    text = unicodedata.normalize("NFC", text)
    text = " ".join(_LEAD_NUMBER.sub("", text.strip()).split())
    return text.rstrip(_TRAIL_CHARS).casefold()


def word_count(text: str) -> int:
    """Words (or, for unspaced scripts, characters / 2) in ``text``."""
    spaced = len(text.split())
    if spaced > 1:
        return spaced  # spaced words: the characters are not counted
    return max(spaced, sum(max(1, len(w) // 2) for w in _WORD.findall(text)))


@dataclass(frozen=True)
class Segment:
    kind: str
    source: str
    target: str
    source_text: str
    target_text: str
    source_at: Location
    target_at: Location
    #: ``source`` and ``target`` without the paragraph's italic opening phrase (``text`` segments;
    #: the same as them otherwise): a paragraph pasted in the wrong place under its own opening verb.
    source_body: str = ""
    target_body: str = ""

    def body(self, side: str) -> str:
        return (self.source_body or self.source) if side == "source" else (self.target_body or self.target)


def _loc(side, unit, offset: int = 0) -> Location:
    return Location(side.doc.path, side.lang, unit.id, unit.line_at(offset))


#: Roles whose units are compared (header lines and titles legitimately repeat words).
BODY_ROLES = frozenset({"preambular", "operative", "footnote", "closing", "segment"})


def segments(pair: Pair, italic: frozenset[str] = frozenset(), paragraphs_only: bool = False) -> Iterator[Segment]:
    """Every segment of one aligned pair (nothing if a side is missing); opening phrases
    only where both languages are in ``italic`` (``qa_rules.markup.italics.italic_languages``).
    ``paragraphs_only``: the whole-paragraph (``text``) segments alone, the sentences and italic
    spans not computed (the corpus's paragraph renderings need only these)."""
    src, tgt = pair.source, pair.target
    if src.missing or tgt.missing or src.units[0].role not in BODY_ROLES:
        return
    if left_untranslated(pair) or _foreign_script(tgt.text, tgt.lang):
        return  # reported once, as untranslated (UT01, UT02)
    if len(src.units) != len(tgt.units):
        yield Segment("text", normalize(src.text), normalize(tgt.text), src.text, tgt.text,
                      _loc(src, src.units[0]), _loc(tgt, tgt.units[0]))
        return
    for su, tu in zip(src.units, tgt.units):
        yield from _unit_segments(src, su, tgt, tu, src.lang in italic and tgt.lang in italic, paragraphs_only)


def _unit_segments(src, su, tgt, tu, openings: bool, paragraphs_only: bool = False) -> Iterator[Segment]:
    if su.number is not None and tu.number is not None and su.number != tu.number:
        return  # a misaligned pair (the structure rules report the numbering): nothing to compare
    yield Segment("text", normalize(su.text), normalize(tu.text), su.text, tu.text, _loc(src, su), _loc(tgt, tu),
                  normalize(_without_opening(su)), normalize(_without_opening(tu)))
    if paragraphs_only:
        return
    if 1 < len(su.sentences) == len(tu.sentences):
        for a, b in zip(su.sentences, tu.sentences):
            yield Segment("sentence", normalize(a.text), normalize(b.text), a.text, b.text,
                          _loc(src, su, a.start), _loc(tgt, tu, b.start))
    so, to = opening_span(su), opening_span(tu)
    if so is not None and to is not None and openings:
        yield Segment("opening", opening_key(so.text, src.lang), opening_key(to.text, tgt.lang), so.text, to.text,
                      _loc(src, su, so.start), _loc(tgt, tu, to.start))
    s_other, t_other = other_spans(su), other_spans(tu)
    if s_other and len(s_other) == len(t_other):
        for a, b in zip(s_other, t_other):
            yield Segment("italic", normalize(a.text), normalize(b.text), a.text, b.text,
                          _loc(src, su, a.start), _loc(tgt, tu, b.start))


@lru_cache(maxsize=None)
def _opening_forms(lang: str) -> tuple[re.Pattern | None, dict[str, str]]:
    from qa_rules.langdata import UnsupportedLanguageError, value

    try:
        prefix = value(lang, "consistency.opening_prefix", "")
        groups = value(lang, "consistency.opening_equivalents", ())
    except UnsupportedLanguageError:
        return None, {}
    canonical = {normalize(form): normalize(group[0]) for group in groups for form in group}
    return (re.compile(prefix) if prefix else None), canonical


def opening_key(text: str, lang: str) -> str:
    """The normalized opening phrase, with the language's joining prefix dropped and
    equivalent renderings made one (``qa_rules/langdata/<lang>.toml [consistency]``).

        >>> opening_key("وإذ تشير", "ar") == opening_key("إذ تشير", "ar")
        True
        >>> opening_key("促请", "zh") == opening_key("敦促", "zh"), opening_key("Urges", "en")
        (True, 'urges')
    """
    prefix, canonical = _opening_forms(lang)
    key = normalize(text)
    if prefix is not None:
        key = prefix.sub("", key, count=1)
    return canonical.get(key, key)


def _without_opening(unit) -> str:
    span = opening_span(unit)
    return unit.text[span.end:] if span is not None else unit.text


def _foreign_script(text: str, lang: str) -> bool:
    """Whether most letters of ``text`` are not in ``lang``'s script (pasted from another version)."""
    from qa_rules.punctuation.langfacts import SCRIPTS
    from qa_rules.untranslated.detect import dominant_script

    script, major, total = dominant_script(text)
    return script is not None and lang in SCRIPTS and script != SCRIPTS[lang] and major * 2 > total


def by_target_language(pairs: Iterable[Pair], italic: frozenset[str] = frozenset()) -> dict[str, list[Segment]]:
    """All segments of a run, grouped by target language, in document order."""
    result: dict[str, list[Segment]] = {}
    for pair in pairs:
        result.setdefault(pair.target.lang, []).extend(segments(pair, italic))
    return result


def grouped(segs: Iterable[Segment], key: Callable[[Segment], Hashable],
            keep: Callable[[Segment], bool]) -> dict[Hashable, list[Segment]]:
    """The segments ``keep`` accepts, grouped by ``key``, groups and members in document order."""
    groups: dict[Hashable, list[Segment]] = {}
    for seg in segs:
        if keep(seg):
            groups.setdefault(key(seg), []).append(seg)
    return groups


def _derived(context, kind: str, compute):
    """A value derived from the run, kept in the run's ``Context.facts`` (so it lives and dies
    with the run; a module-level cache kept the last alignment alive after its run) and shared
    by the rules that look at a whole run (CO01, CO02, LE01, TE05). Computed on every call when
    the facts cannot be written to."""
    facts = context.facts
    if not isinstance(facts, MutableMapping):
        return compute()
    key = f"consistency.{kind}"
    hit = facts.get(key)
    if hit is not None and hit[0] is context.alignment:
        return hit[1]
    value = compute()
    facts[key] = (context.alignment, value)
    return value


def pairs_of(context) -> tuple[Pair, ...]:
    """The engine's pairs of the run (``Context.facts["pairs"]``, else built once per context)."""
    shared = context.facts.get("pairs") if context.facts else None
    if shared is not None:
        return tuple(shared)
    from qa_rules.pairing import build_pairs

    return _derived(context, "pairs", lambda: build_pairs(context.alignment))


def segments_of(context) -> dict[str, list[Segment]]:
    """``by_target_language`` of the run's pairs (built once per context)."""
    from qa_rules.markup.italics import italic_languages_of

    return _derived(context, "segments", lambda: by_target_language(pairs_of(context), italic_languages_of(context)))


def folded_segments(languages: dict[str, int], pair: Pair, context, applies: Callable[[str], bool],
                    compared: Callable[[Segment], bool]) -> tuple[int, list[Segment]]:
    """What CO01 and CO02 fold of one pair: the rank of its target language among those the run
    has met (``languages``, kept in the rule's state, counted whether or not the rule
    ``applies`` to the language), and the pair's segments the rule ``compared`` (none in a
    language it does not apply to)."""
    lang = pair.target.lang
    rank = languages.setdefault(lang, len(languages))
    if not applies(lang):
        return rank, []
    return rank, [seg for seg in pair_segments(pair, context) if compared(seg)]


def pair_segments(pair: Pair, context) -> list[Segment]:
    """``segments`` of one pair of the run, worked out once for the rules that fold it one after
    the other (CO01, CO02: the engine hands each pair to every folding rule before the next
    pair): the last pair's segments are kept in the run's ``Context.facts``."""
    from qa_rules.markup.italics import italic_languages_of

    facts = context.facts
    last = facts.get("consistency.pair_segments") if isinstance(facts, MutableMapping) else None
    if last is not None and last[0] is pair:
        return last[1]
    found = list(segments(pair, italic_languages_of(context)))
    if isinstance(facts, MutableMapping):
        facts["consistency.pair_segments"] = (pair, found)
    return found
