"""An alignment's rows read as pairs (``build_pairs``), as a reviser would read them where the
aligner still pairs paragraphs wrongly.

Each target language's rows with the pivot become ``Pair``s of a source and
a target side (``build_pairs``, ``target_rows``). Two repairs over the pairs of one target language (row order), paragraph
level, each kept because it still changes findings on measured inputs
(``benchmarks/qa_pairing_repairs.py``: the drafts, the clean versions, and the
sample set and A/RES/55/100 perturbed one way at a time; figures in
``docs/qa.md``, "The engine"):

- ``split_overgrouped``: a paragraph cut short beside a neighbour of its role
  is grouped with that neighbour (1-2) and its own source paragraph left alone;
- ``repair_operative_runs``: an operative paragraph and a repeated copy of it
  crossed by the aligner, re-paired by number.

A third, rows that are the two halves of one cut pair (``op.15``/``op.15``),
is ``_rejoin``, applied to every level's rows: it matters at sentence level.
A fourth, regrouping a lone paragraph with a neighbour whose length it
explains as a merge or split, was removed once the aligner found those
merges and splits itself: on the same inputs it changed no finding but one,
a genuine Chinese omission (A/RES/55/100 without u.8) it turned into a false
merge.
"""

from __future__ import annotations

import weakref
from array import array
from bisect import bisect_right
from typing import Callable, Iterator, Mapping, Sequence

from aligner.model import Alignment, Document, Row, Unit
from qa_rules.base import Pair, Side

def _operative_ids(side: Side) -> list[str]:
    return [u.id for u in side.units if u.role == "operative"]


def _suspicious(pair: Pair) -> bool:
    """One-sided, or two numbered operative paragraphs that do not carry the same number."""
    if pair.source.missing != pair.target.missing:
        side = pair.source if not pair.source.missing else pair.target
        return len(side.units) == 1 and side.units[0].role == "operative"
    if pair.source.missing:
        return False
    src, tgt = _operative_ids(pair.source), _operative_ids(pair.target)
    return len(src) == len(pair.source.units) == 1 and len(tgt) == len(pair.target.units) == 1 and src != tgt


def _single(side: Side, unit) -> Side:
    return Side(doc=side.doc, units=(unit,), text=unit.text, lines=(unit.lines[0],))


def _empty(side: Side) -> Side:
    return Side(doc=side.doc, units=(), text="", lines=())


def numbers_kept(source_doc, target_doc) -> bool:
    """Whether the target's operative numbers can be trusted to name the source's paragraphs.

    Not when the translator renumbered: fewer paragraphs than the source,
    numbered 1..n without a gap or repeat. Otherwise (same count, or a gap or
    repeat showing the original numbers were kept) they can.
    """
    key = (id(source_doc), id(target_doc))
    known = _NUMBERS_KEPT.get(key)
    if known is not None and known[0]() is source_doc and known[1]() is target_doc:
        return known[2]
    source = [u.number for u in source_doc.by_role("operative")]
    target = [u.number for u in target_doc.by_role("operative")]
    kept = len(target) == len(source) or target != list(range(1, len(target) + 1))
    if len(_NUMBERS_KEPT) >= 64:
        _NUMBERS_KEPT.clear()
    _NUMBERS_KEPT[key] = (weakref.ref(source_doc), weakref.ref(target_doc), kept)
    return kept


#: ``numbers_kept`` of the last documents asked, by identity (asked for every stretch of a
#: version's pairs: it reads every unit of both documents); weak references, so that a run's
#: documents are not kept after it.
_NUMBERS_KEPT: dict[tuple[int, int], tuple[weakref.ref, weakref.ref, bool]] = {}


def repair_operative_runs(pairs: Sequence[Pair], window: int = 4) -> list[Pair]:
    """Operative paragraphs re-paired by their number where the aligner crossed them.

    Still needed: when a version repeats an operative paragraph (pasted twice,
    the copy unnumbered) and the numbered copy is even one character shorter,
    the copy fits the source's length better, the aligner drops the
    ``op.10``/``op.10`` anchor (a neighbour beats it) and pairs the source
    ``op.10`` with the copy, leaving the numbered ``op.10`` alone: the extra
    paragraph reported would be the numbered one. Measured
    (``benchmarks/qa_pairing_repairs.py``): 6 of 70 perturbed sample-set
    versions (op.10 or op.20 repeated in ru, zh, ar), nothing else;
    ``tests/test_qa_engine_pairing.py``.

    Within a run of at most ``window`` consecutive pairs that are one-sided or
    pair ``op.N`` with ``op.M``, each ``op.N`` of the source is paired with the
    target's ``op.N`` of the same run (the translator kept the numbering), the
    rest stay one-sided, if that makes more same-number pairs without crossing.
    Only when the target's numbering shows it was kept (``numbers_kept``), and
    not in a run where the target repeats a number (``op.27`` numbered 28 just
    before ``op.28``, read as ``op.28`` and ``op.28b``): there a number names
    two paragraphs, and re-pairing by it would pair the source ``op.28`` with
    the renumbered ``op.27``, turning one misnumbered paragraph into an omission,
    an addition and a paragraph compared with the wrong source; the aligner's
    reading (by the texts) stands.
    """
    if not pairs or not numbers_kept(pairs[0].source.doc, pairs[0].target.doc):
        return list(pairs)
    result: list[Pair] = []
    index = 0
    while index < len(pairs):
        end = index
        while end < len(pairs) and end - index < window and _suspicious(pairs[end]):
            end += 1
        run = list(pairs[index:end])
        repaired = _repair(run) if len(run) >= 2 else None
        result += repaired if repaired is not None else run or [pairs[index]]
        index = max(end, index + 1)
    return result


def _repair(run: list[Pair]) -> list[Pair] | None:
    sources = [(u, p) for p in run for u in p.source.units]
    targets = [(u, p) for p in run for u in p.target.units]
    target_ids = {u.id for u, _ in targets}
    numbers = [u.number for u, _ in targets if u.number is not None]
    if len(numbers) != len(set(numbers)):
        return None  # a number repeated in the version: it does not name one paragraph (see above)
    source_ids = {u.id for u, _ in sources}
    before = sum(1 for p in run if p.source.units and p.target.units and p.source.units[0].id == p.target.units[0].id)
    out: list[Pair] = []
    i = j = 0
    src_side = next((p.source for p in run if not p.source.missing), None)
    tgt_side = next((p.target for p in run if not p.target.missing), None)
    if src_side is None or tgt_side is None:
        return None  # only omissions, or only additions: nothing to re-pair
    while i < len(sources) or j < len(targets):
        if i < len(sources) and j < len(targets) and sources[i][0].id == targets[j][0].id:
            unit, owner = sources[i]
            out.append(Pair(_single(src_side, unit), _single(tgt_side, targets[j][0]), owner.row, owner.index))
            i, j = i + 1, j + 1
        elif i < len(sources) and sources[i][0].id not in target_ids:
            unit, owner = sources[i]
            out.append(Pair(_single(src_side, unit), _empty(tgt_side), owner.row, owner.index))
            i += 1
        elif j < len(targets) and targets[j][0].id not in source_ids:
            unit, owner = targets[j]
            out.append(Pair(_empty(src_side), _single(tgt_side, unit), owner.row, owner.index))
            j += 1
        else:
            return None  # crossing numbers: leave the aligner's reading
    after = sum(1 for p in out if p.source.units and p.target.units)
    return out if after > before else None


def _same_count(role: str, pair: Pair) -> bool:
    return len(pair.source.doc.by_role(role)) == len(pair.target.doc.by_role(role))


def split_overgrouped(pairs: Sequence[Pair]) -> list[Pair]:
    """A 1-2 (or 2-1) pair next to a lone paragraph that is its extra unit's namesake, re-split.

    ``pp.3`` paired with ``pp.3+pp.4`` beside a lone source ``pp.4`` is two 1-1
    pairs the aligner grouped (typically when the two languages' lengths differ
    a lot, as Chinese and French do). Only when both versions have as many
    paragraphs of that role, so that the ids name the same paragraphs.

    Still needed: a paragraph cut to under about a third of its length next
    to a neighbour of its role is grouped by the aligner with that neighbour
    (the two target paragraphs fit the neighbour's source length) and its own
    source paragraph left 1-0, which reads as an omission plus a split
    instead of a paragraph cut short (LE01). Measured
    (``benchmarks/qa_pairing_repairs.py``): 4 of 70 perturbed sample-set
    versions (ru, zh, ar with op.15 and op.16 cut; ar with op.22 cut to 15%)
    and 1 of 120 perturbed A/RES/55/100 versions (ru, u.8 cut);
    ``tests/test_qa_engine_pairing.py``.
    """
    result = list(pairs)
    k = 0
    while k < len(result):
        pair = result[k]
        grouped_target = len(pair.source.units) == 1 and len(pair.target.units) == 2
        grouped_source = len(pair.source.units) == 2 and len(pair.target.units) == 1
        if not (grouped_target or grouped_source):
            k += 1
            continue
        done = False
        for at in (k + 1, k - 1):
            if not 0 <= at < len(result):
                continue
            lone = result[at]
            if grouped_target and not lone.source.missing and lone.target.missing and len(lone.source.units) == 1:
                first, second = pair.target.units
                keep, other = (first, second) if at > k else (second, first)
                unit = pair.source.units[0]
                if unit.id == keep.id and lone.source.units[0].id == other.id and _same_count(unit.role, pair):
                    mine = Pair(pair.source, _single(pair.target, keep), pair.row, pair.index)
                    theirs = Pair(lone.source, _single(pair.target, other), lone.row, lone.index)
                    done = True
            elif grouped_source and lone.source.missing and not lone.target.missing and len(lone.target.units) == 1:
                first, second = pair.source.units
                keep, other = (first, second) if at > k else (second, first)
                unit = pair.target.units[0]
                if unit.id == keep.id and lone.target.units[0].id == other.id and _same_count(unit.role, pair):
                    mine = Pair(_single(pair.source, keep), pair.target, pair.row, pair.index)
                    theirs = Pair(_single(pair.source, other), lone.target, lone.row, lone.index)
                    done = True
            if done:
                low = min(k, at)
                result[low : low + 2] = [mine, theirs] if at > k else [theirs, mine]
                break
        k += 1
    return result


# -- pairs ---------------------------------------------------------------------------


def build_pairs(alignment: Alignment) -> tuple[Pair, ...]:
    """One pair per bead of each target language with the pivot: the pivot's cell is the source.

    Each target's pairs come from its own alignment with the pivot
    (``target_rows``: ``Alignment.pair_rows[lang]``), so that a version's
    findings are the same whatever other versions are in the run: a joined
    row shows one pivot cell, and where one version merges two pivot
    paragraphs every other version's beads over them share that row (an
    omission there would read as part of the merge).

    A row where the target has nothing next to a row where the source has
    nothing, the two naming the same unit (``op.15`` and ``op.15``), is one
    badly matched pair, not an omission plus an addition: the aligner split
    it because the texts differ (a cut or an added clause). Such rows are
    re-paired so that the rules compare them (length, numbers...) instead of
    reporting a missing and an extra paragraph (``_rejoin``). A 1-2 pair
    beside a lone paragraph that is its extra unit's namesake is re-split, and
    operative paragraphs the aligner crossed (``op.15`` with ``op.16`` next to
    a lone ``op.15``) are re-paired by number (``qa_rules.pairing``).

    ``Pair.index`` is the index of the pair's row in ``target_rows(alignment,
    lang)``; pairs come in document order (by the joined row their units are
    in), then by target language.
    """
    return tuple(RunPairs(alignment))


class RunPairs:
    """``build_pairs``'s pairs, in its order, made as they are read rather than held together.

    Each target language's pairs are made stretch by stretch (``language_pairs``); making
    them once gives the document order (a number per pair: where its units are in the joined
    rows); each reading (``iter``) makes them again, each language's stream read as that order
    asks, so that a run holds a stretch of each language's pairs, not every pair of every
    language. ``observe``: called with each pair of the first making (in the languages'
    order, not the document's): what a run needs to know of every pair before reading them.
    ``order``: the pairs' numbers in that first making (language by language), in document
    order, so that what ``observe`` saw can be put in the order the pairs are read. The pairs
    of a document of ``KEPT_PAIRS`` pairs or fewer (a resolution in six languages has about
    400) are kept from the first making and read from it: making them again would cost more
    than the few megabytes they hold.
    """

    def __init__(self, alignment: Alignment, observe: Callable[[Pair], None] | None = None) -> None:
        self.alignment = alignment
        self.resolver = _UnitResolver(alignment.documents)
        pivot = alignment.pivot
        self.targets = [lang for lang in alignment.languages if lang != pivot]
        position = _joined_positions(alignment)
        keys = []
        #: where each language's pairs start in the first making's numbering
        self.starts = array("q")
        made = 0
        kept: list[Pair] | None = []
        for rank, lang in enumerate(self.targets):
            self.starts.append(made)
            at_target = position.get(lang, {})
            for pair in language_pairs(alignment, lang, self.resolver):
                at, units = (position[pivot], pair.source.units) if pair.source.units else \
                    (at_target, pair.target.units)
                first = min((at.get(u.id, pair.index) for u in units), default=pair.index)
                # (document position, language, row index, number made): one int, sorted as the tuple
                keys.append((((first << _BITS) | rank) << _BITS | pair.index) << _BITS | made)
                made += 1
                if kept is not None:
                    kept.append(pair)
                    if made > KEPT_PAIRS:
                        kept = None  # a long document: its pairs are made again as they are read
                if observe is not None:
                    observe(pair)
        del position
        keys.sort()
        mask = (1 << _BITS) - 1
        self.order = array("q", (key & mask for key in keys))
        self._kept = kept

    def __len__(self) -> int:
        return len(self.order)

    def __iter__(self) -> Iterator[Pair]:
        if self._kept is not None:
            kept = self._kept
            yield from (kept[number] for number in self.order)
            return
        streams = [language_pairs(self.alignment, lang, self.resolver) for lang in self.targets]
        starts = self.starts
        made = list(starts)
        waiting: dict[int, Pair] = {}  # made ahead of their turn (a pair read out of its language's order)
        for number in self.order:
            pair = waiting.pop(number, None)
            if pair is None:
                rank = bisect_right(starts, number) - 1  # its language (one without pairs shares the next one's start)
                while pair is None:
                    made_pair, at = next(streams[rank]), made[rank]
                    made[rank] += 1
                    if at == number:
                        pair = made_pair
                    else:
                        waiting[at] = made_pair
            yield pair


#: A document of this many pairs or fewer keeps them from their first making (``RunPairs``).
KEPT_PAIRS = 4096
#: Bits of each part of a pair's sort key (``RunPairs``): positions and counts below 2**40.
_BITS = 40
#: Rows of one language read before the repairs run over them (``language_pairs``).
STRETCH = 256


def language_pairs(alignment: Alignment, lang: str, resolver: _UnitResolver | None = None) -> Iterator[Pair]:
    """The pairs of one target language, in row order: its rows with the pivot (``target_rows``),
    re-paired (``_rejoin``) and, at paragraph level, repaired (``repair_operative_runs``,
    ``split_overgrouped``) stretch by stretch. The repairs look a few rows around a pair:
    a stretch of at least ``STRETCH`` rows ends between two rows neither can change
    (``_untouched``), so that the pairs are those of the whole language's rows at once."""
    resolver = resolver or _UnitResolver(alignment.documents)
    rows = target_rows(alignment, lang)
    pivot = alignment.pivot
    start, sources, sides = 0, [], []
    for index, row in enumerate(rows):
        source, side = resolver.side(pivot, row), resolver.side(lang, row)
        if (len(sources) >= STRETCH and _untouched(sources[-1], sides[-1], rows[index - 1], index - 1)
                and _untouched(source, side, row, index)):
            pairs = _stretch_pairs(alignment, rows, start, sources, sides)
            start, sources, sides = index, [], []
            yield from _handed_out(pairs)
        sources.append(source)
        sides.append(side)
    if sources:
        pairs = _stretch_pairs(alignment, rows, start, sources, sides)
        sources = sides = []
        yield from _handed_out(pairs)


def _handed_out(pairs: list[Pair]) -> Iterator[Pair]:
    """``pairs`` one by one, each let go by the list once read."""
    pairs.reverse()
    while pairs:
        yield pairs.pop()


def _untouched(source: Side, target: Side, row: Row, index: int) -> bool:
    """A row whose pair no re-pairing or repair changes or looks past: both sides there, one
    unit against one (or as many as it likes but not 1-2 or 2-1), the same operative number."""
    if source.missing or target.missing or (len(source.units), len(target.units)) in ((1, 2), (2, 1)):
        return False
    return not _suspicious(Pair(source=source, target=target, row=row, index=index))


def _stretch_pairs(alignment: Alignment, rows: Sequence[Row], start: int, sources: list[Side],
                   sides: list[Side]) -> list[Pair]:
    """The pairs of ``rows[start:start + len(sources)]`` (their sides made already)."""
    joined = _rejoin(sources, sides)
    pairs = []
    for offset, (source, target) in enumerate(zip(sources, sides)):
        if offset in joined:
            partner = joined[offset]
            if partner is None:
                continue  # the other half of a re-paired row
            source = source if not source.missing else sources[partner]
            target = target if not target.missing else sides[partner]
        pairs.append(Pair(source=source, target=target, row=rows[start + offset], index=start + offset))
    if alignment.level == "paragraph":
        pairs = split_overgrouped(repair_operative_runs(pairs))
    return pairs


def target_rows(alignment: Alignment, lang: str) -> tuple[Row, ...]:
    """The rows ``lang``'s pairs are read from: its own two-language rows with the pivot.

    ``Alignment.pair_rows[lang]`` (one row per bead, the same whatever other
    languages were aligned). An alignment the aligner did not make (built by
    hand in tests and rule examples, read from a TMX/XLIFF file) has no
    ``pair_rows``: its joined rows are read instead, which is the same thing
    when it holds a single target language.
    """
    own = alignment.pair_rows.get(lang) if alignment.pair_rows else None
    return alignment.rows if own is None else own


def _joined_positions(alignment: Alignment) -> dict[str, dict[str, int]]:
    """``lang -> unit id -> index of the joined row holding it`` (to sort pairs in document order;
    a table per language, where a key per (language, unit) was a pair made for every unit)."""
    position: dict[str, dict[str, int]] = {lang: {} for lang in alignment.languages}
    for i, row in enumerate(alignment.rows):
        for lang, cell in row.cells.items():
            at = position.setdefault(lang, {})
            for unit_id in cell.units:
                at.setdefault(unit_id, i)
    return position


#: How far apart (in rows) the two halves of a cut pair may be.
REJOIN_WINDOW = 3


def _rejoin(sources: Sequence[Side], targets: Sequence[Side]) -> dict[int, int | None]:
    """Rows to re-pair: ``{kept row: partner row, partner row: None}``.

    Within a run of rows where one side is empty, a source-only row and a
    target-only row naming the same units (``op.15``/``op.15``) are one pair.

    Still needed at sentence level: the aligner keeps a paragraph cut short
    paired with its original (its partial-omission cap is for paragraphs),
    but a sentence cut to a third can be a 1-0 and a 0-1 bead, reported as an
    omission and an addition of ``op.15.s1``. Measured
    (``benchmarks/qa_pairing_repairs.py``): 3 of 70 perturbed sample-set
    versions at sentence level (ru op.15 and op.22 cut, ar op.15 cut), none at
    paragraph level; ``tests/test_qa_engine_pairing.py``.
    """
    joined: dict[int, int | None] = {}
    n = len(sources)
    for i in range(n):
        if i in joined or sources[i].missing == targets[i].missing:
            continue
        ids = [u.id for u in (sources[i].units or targets[i].units)]
        for j in range(i + 1, min(n, i + 1 + REJOIN_WINDOW)):
            if sources[j].missing == targets[j].missing:
                break  # a full row ends the run
            if j in joined or sources[j].missing == sources[i].missing:
                continue
            other = [u.id for u in (sources[j].units or targets[j].units)]
            if other == ids:
                keep, drop = (i, j) if not sources[i].missing else (j, i)
                joined[keep], joined[drop] = drop, None
                break
    return joined


class _UnitResolver:
    """Unit ids of cells -> units; sentence ids (``op.9.s2``) become sentence units."""

    def __init__(self, documents: Mapping[str, Document]) -> None:
        self.documents = documents
        self.cache: dict[tuple[str, str], Unit | None] = {}
        #: ``Document.unit`` is a linear search; index each document once.
        self.index = {lang: {u.id: u for u in doc.units} for lang, doc in documents.items()}

    def side(self, lang: str, row) -> Side:
        doc = self.documents[lang]
        cell = row.cells.get(lang)
        if cell is None or not cell.units:
            return Side(doc=doc, units=(), text="", lines=())
        units = tuple(u for u in (self.unit(lang, uid) for uid in cell.units) if u is not None)
        lines = tuple(cell.lines) or tuple(u.lines[0] for u in units)
        return Side(doc=doc, units=units, text=cell.text, lines=lines)

    def unit(self, lang: str, unit_id: str) -> Unit | None:
        found = self.index[lang].get(unit_id)
        if found is not None:
            return found
        key = (lang, unit_id)  # a sentence id, or none of the document's: looked for once
        if key not in self.cache:
            self.cache[key] = self.documents[lang].find(unit_id)
        return self.cache[key]
