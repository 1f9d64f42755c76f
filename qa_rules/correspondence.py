"""Is this target a translation of this source at all? A document-level judgement.

Rules compare a source and a target paragraph by paragraph; they assume the
target translates the source. When it does not (another document, a different
symbol, the translation of another revision of the text), every paragraph
differs and the report drowns the cause under a hundred symptoms. This module
judges the pair of documents once, from independent signals, each of which a
reviewer can check by eye:

- **identity**: the resolution each document says it is, read from its head
  (a symbol ``A/RES/55/100`` in a heading line, a title ``2023/26. ...``, a
  heading ``RESOLUTION 55/100``); ``E/RES/2023/26`` and ``2023/26`` are one;
- **shared keys**: the distinct language-neutral keys (numbers in digits,
  dates, document symbols, resolution numbers, read as the numbers, dates and
  references rules read them) of the side with fewer keys that the other side
  also has;
- **alignment**: the share of the shorter side's paragraphs that the aligner
  pairs with confidence (row score at least ``LOW_CONFIDENCE``, the threshold
  under which the aligned-file writers mark a row for review); below
  ``COVERED_STRONG`` (most of it is not the other's translation) it counts
  two votes;
- **paired keys**: among paired rows that have keys, the share whose two
  sides' keys agree: another revision keeps many of the document's
  references and dates, but not in the same paragraphs; below
  ``ROW_KEYS_STRONG`` it counts two votes;
- **length**: characters of the paired rows (digits and spaces left out)
  against the usual ratio of the two languages (``CHARS_PER_FRENCH``).

Structure counts (preambular, operative, footnote paragraphs) are shown as
evidence but not voted: a partial translation has other counts, and another
revision often the same ones.

The decision adds the votes of the signals that say "different" and flags
the pair at ``MIN_VOTES`` (two): one ordinary signal alone can be a typo (a
wrong symbol in the heading) or a damaged draft (many numbers changed). A
signal with too little evidence (fewer than ``MIN_KEYS`` keys, fewer than
``MIN_ROWS`` rows, no identity on one side) abstains, so a short excerpt is
never judged. Heading lines (``meta``, ``title`` units) are left out of the
alignment signals: every document of a session has the like.

What counts as "the same document": a target that translates part of the
source (a partial draft, an excerpt) or the source with paragraphs changed,
missing or added (a draft with errors, a third of the operative paragraphs
wrong) corresponds; the per-paragraph rules report those differences. A
target that translates *another revision* of the text (same symbol, but its
paragraphs say other things, cite other references, run to other lengths: an
earlier draft, a reconstruction) does not: paragraph findings would only
repeat that the texts differ. The signals read what the two texts have in
common (keys from the side with fewer, alignment coverage of the shorter
side, length over paired rows), so a partial translation is not read as
another document.

Thresholds were set on the development set of ``benchmarks/correspondence.py``
(the E/RES/2023/26 sample set, its drafts and the pairs cut from them) and are
reported on a held-out set (A/RES/55/100, the OPUS text, pairs across the two
resolutions)::

    >>> from aligner.model import Document, Unit
    >>> def doc(lang, *texts):
    ...     units = tuple(Unit(id=f"pp.{i}", role="preambular", text=t, lines=(i, i))
    ...                   for i, t in enumerate(texts, 1))
    ...     return Document(path=f"{lang}.md", lang=lang, units=units)
    >>> fr = doc("fr", "Rappelant sa résolution 74/175 du 18 décembre 2019 et la résolution 2178 (2014),")
    >>> en = doc("en", "Recalling its resolution 54/169 of 17 December 1999 and resolution 217 A (III),")
    >>> verdict = judge_correspondence(fr, en)
    >>> verdict.corresponds, verdict.keys.shared, [s.vote for s in verdict.signals]
    (True, 0, ['abstains', 'abstains', 'abstains', 'abstains', 'abstains'])

One paragraph is too little to judge: every signal abstains.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from aligner.align.confidence import REVIEW_BELOW
from aligner.model import Alignment, Cell, Document, Row, Unit

#: Rows the aligner scores below this are not confident: the threshold under which the aligned-file
#: writers mark a row for review.
LOW_CONFIDENCE = REVIEW_BELOW
#: Fewest distinct keys on the side they are counted from for the shared-keys signal to vote.
MIN_KEYS = 4
#: Shared keys below this share of the counted side's keys say "different".
KEY_SHARE = 0.7
#: Fewest rows for a signal read from the alignment to vote: rows of paragraphs (alignment),
#: paired rows (length), paired rows with keys (paired keys).
MIN_ROWS = 4
#: Less of the shorter side's paragraphs than this paired with confidence says "different"; less than
#: ``COVERED_STRONG`` (most of it is not the other's translation) counts two votes.
COVERED = 0.75
COVERED_STRONG = 0.5
#: Two paired rows' keys agree when they share this share of their union.
ROW_KEYS_AGREE = 0.5
#: Fewer paired rows with keys that agree than this share says "different"; fewer than
#: ``ROW_KEYS_STRONG`` (the numbers, dates and symbols are rarely where the source has them) counts two.
ROW_KEYS = 0.5
ROW_KEYS_STRONG = 0.25
#: A length ratio (of the usual one) outside ``[1 / LENGTH_BAND, LENGTH_BAND]`` says "different".
LENGTH_BAND = 1.5
#: Signals that must say "different" for the pair to be flagged.
MIN_VOTES = 2
#: Characters (digits and spaces left out) per character of French, by language; measured on the
#: development set's six versions (``benchmarks/correspondence.py --ratios`` prints them again).
CHARS_PER_FRENCH = {"fr": 1.0, "en": 0.87, "es": 1.01, "ru": 1.03, "ar": 0.71, "zh": 0.25}

#: How many heading lines (``meta``, ``title`` units) are read for a document's identity; in a text
#: without structure, how many first lines (a later line citing ``A/RES/74/175`` is not its symbol).
_HEAD_UNITS = 20
_HEAD_SEGMENTS = 3
#: A resolution number that opens a heading: ``2023/26. Assistance...``, ``RESOLUTION 55/100``,
#: ``第55/100号决议``: at most this many characters before it.
_HEAD_OFFSET = 12
_NOT_COUNTED = re.compile(r"[\s\d]")
#: Unit ids of heading lines (``aligner.model.Unit``): left out of the alignment signals.
_HEAD_IDS = frozenset({"meta", "title"})


@dataclass(frozen=True)
class Signal:
    """One signal's reading: ``vote`` is ``"different"``, ``"same"`` or ``"abstains"``."""

    name: str
    vote: str
    evidence: str
    #: How many votes a "different" reading counts for (the alignment's strong reading counts two).
    weight_if_different: int = 1

    @property
    def weight(self) -> int:
        return self.weight_if_different if self.vote == "different" else 0


@dataclass(frozen=True)
class Identity:
    """What a document says it is: the resolution key (``55/100``) and how the document wrote it."""

    key: str
    text: str
    unit: str


@dataclass(frozen=True)
class KeyOverlap:
    """Distinct keys (numbers, dates, symbols, resolution numbers) of each side and how many both have."""

    source: int
    target: int
    shared: int
    #: Up to five keys of the counted side missing from the other, for the message.
    missing: tuple[str, ...] = ()
    #: Only document symbols were compared (a language without language data).
    symbols_only: bool = False

    @property
    def counted(self) -> int:
        """Keys of the side the share is read from: the side with fewer keys (a partial text's)."""
        return min(self.source, self.target)

    @property
    def share(self) -> float | None:
        return self.shared / self.counted if self.counted else None


@dataclass(frozen=True)
class AlignmentFit:
    """What the alignment of the two documents shows.

    Rows of heading lines only (``meta``, ``title`` units: symbol, session,
    agenda item, adoption note) are left out: documents of one session share
    them, and a heading as long as a vote list would outweigh the paragraphs.
    ``covered``: the share of the shorter side's rows (rows where it has text)
    that are paired rows the aligner is confident in (score at least
    ``LOW_CONFIDENCE``); the shorter side, so that the part a partial text
    translates is what is measured. ``keyed_rows``: paired rows where either
    side has a key (number, date, symbol); ``keys_agree``: those whose two
    sides' keys mostly agree (``ROW_KEYS_AGREE``). Characters (digits and
    spaces not counted) of the paired rows give the length ratio.
    """

    rows: int
    low: int
    median: float | None
    #: Rows where only the source, only the target has text (omissions, additions, what a
    #: partial text leaves out).
    source_only: int
    target_only: int
    source_paired: int
    target_paired: int
    keyed_rows: int
    keys_agree: int

    @property
    def one_sided(self) -> int:
        return self.source_only + self.target_only

    @property
    def covered(self) -> float | None:
        shorter = self.rows + min(self.source_only, self.target_only)
        return (self.rows - self.low) / shorter if shorter else None


@dataclass(frozen=True)
class Verdict:
    """The judgement on one source-target pair, with its evidence.

    ``corresponds`` is False when ``MIN_VOTES`` signals say the target is not a
    translation of the source.
    """

    corresponds: bool
    source_identity: Identity | None
    target_identity: Identity | None
    keys: KeyOverlap
    alignment: AlignmentFit | None
    structure: tuple[tuple[int, int, int], tuple[int, int, int]]
    #: ``length_ratio`` of the paired rows, and of the whole documents (head lines left out).
    length_ratio: float | None
    whole_length_ratio: float | None
    signals: tuple[Signal, ...]

    @property
    def against(self) -> tuple[Signal, ...]:
        """The signals that say "different"."""
        return tuple(s for s in self.signals if s.vote == "different")

    def evidence(self) -> str:
        """Every signal's reading on one line (``identity: ...; shared keys: ...``), then the
        structure counts (shown, not voted)."""
        return "; ".join([f"{s.name}: {s.evidence}" for s in self.signals] + [f"structure: {self.structure_text()}"])

    def structure_text(self) -> str:
        """``20 preambular, 36 operative, 11 footnotes against 4, 5, 0``."""
        (pp, op, fn), (tpp, top, tfn) = self.structure
        if self.structure[0] == self.structure[1]:
            return f"{pp} preambular, {op} operative, {fn} footnotes in both"
        return f"{pp} preambular, {op} operative, {fn} footnotes against {tpp}, {top}, {tfn}"


# -- the signals -----------------------------------------------------------------------


def document_identity(doc: Document) -> Identity | None:
    """The resolution ``doc`` says it is, from the units before its first paragraph.

    A symbol of a resolution (``A/RES/55/100``, ``E/RES/2023/26``) anywhere in
    a heading line, or a resolution number opening one (``2023/26. Title``,
    ``RESOLUTION 55/100``). Other symbols of the head (``E/2023/30``, the
    report the resolution was adopted on) are not the document's own.
    """
    from qa_rules.references.extract import resolution_key_of_symbol, resolutions, symbols

    for unit in _head(doc):
        for key, text, _, _ in symbols(unit.text):
            resolution = resolution_key_of_symbol(key)
            if resolution:
                return Identity(key=resolution, text=key, unit=unit.id)
        for key, text, start, _ in resolutions(unit.text, doc.lang):
            if start <= _HEAD_OFFSET:
                return Identity(key=key, text=key, unit=unit.id)
    return None


def _head(doc: Document) -> tuple[Unit, ...]:
    """The heading lines before the first paragraph (at most ``_HEAD_UNITS``); in a text without
    structure (one segment a line) its first ``_HEAD_SEGMENTS`` lines."""
    if doc.units and doc.units[0].role == "segment":
        return doc.units[:_HEAD_SEGMENTS]
    head = []
    for unit in doc.units[:_HEAD_UNITS]:
        if unit.role not in ("meta", "title"):
            break
        head.append(unit)
    return tuple(head)


def document_keys(doc: Document, symbols_only: bool = False) -> frozenset[str]:
    """The distinct language-neutral keys of ``doc``: ``n:`` numbers written in digits,
    ``d:`` dates, ``s:`` document symbols, ``r:`` resolution numbers.

    Numbers, dates and resolution numbers are read with the language's data
    (``qa_rules.langdata``); ``symbols_only`` keeps to the symbols, which need
    none (what two documents can be compared on when one language has no data).
    """
    return frozenset(key for unit in doc.units for key in text_keys(unit.text, doc.lang, symbols_only))


def comparable_by_symbols_only(source_lang: str, target_lang: str) -> bool:
    """Whether one of the two languages has no language data: then only symbols are compared,
    on both sides alike (a German text has numbers too; they are just not read)."""
    from qa_rules import langdata

    return not (langdata.supported(source_lang) and langdata.supported(target_lang))


@lru_cache(maxsize=8192)
def text_keys(text: str, lang: str, symbols_only: bool = False) -> frozenset[str]:
    """``document_keys`` of one text (kept for the last texts asked: ST10 reads each source
    paragraph once per target language, for the documents and again for the rows)."""
    from qa_rules.dates.extract import dates
    from qa_rules.numbers.extract import numbers
    from qa_rules.references.extract import resolution_key_of_symbol, resolutions, symbols

    keys: set[str] = set()
    for key, *_ in symbols(text):
        resolution = resolution_key_of_symbol(key)
        keys.add(f"r:{resolution}" if resolution else f"s:{key}")
    if not symbols_only:
        keys.update(f"r:{key}" for key, *_ in resolutions(text, lang))
        keys.update(f"d:{key}" for key, *_ in dates(text, lang))
        keys.update(f"n:{n.key}" for n in numbers(text, lang) if n.kind == "digits")
    return frozenset(keys)


def key_overlap(source: Document, target: Document) -> KeyOverlap:
    """How many keys the two documents share, read from the side with fewer keys."""
    only = comparable_by_symbols_only(source.lang, target.lang)
    src, tgt = document_keys(source, only), document_keys(target, only)
    shared = src & tgt
    counted = src if len(src) <= len(tgt) else tgt
    missing = tuple(sorted(_show(k) for k in counted - shared)[:5])
    return KeyOverlap(source=len(src), target=len(tgt), shared=len(shared), missing=missing, symbols_only=only)


def _show(key: str) -> str:
    return key.split(":", 1)[1]


def alignment_fit(rows: Sequence[Row], source_lang: str, target_lang: str) -> AlignmentFit:
    """The aligner's confidence over ``rows`` (one source-target alignment) with text on both sides."""
    only = comparable_by_symbols_only(source_lang, target_lang)
    scores = []
    source_only = target_only = keyed = agree = source_paired = target_paired = 0
    for row in rows:
        src, tgt = row.cells.get(source_lang), row.cells.get(target_lang)
        if _head_only(src) and _head_only(tgt):
            continue  # heading lines: every document of a session has the like
        src_text = src.text if src and src.units else ""
        tgt_text = tgt.text if tgt and tgt.units else ""
        if not (src_text and tgt_text):
            source_only += bool(src_text)
            target_only += bool(tgt_text)
            continue
        scores.append(row.score)
        source_paired += _letters(src_text)
        target_paired += _letters(tgt_text)
        a, b = text_keys(src_text, source_lang, only), text_keys(tgt_text, target_lang, only)
        if a or b:
            keyed += 1
            agree += len(a & b) >= ROW_KEYS_AGREE * len(a | b)
    low = sum(1 for s in scores if s < LOW_CONFIDENCE)
    return AlignmentFit(rows=len(scores), low=low, median=statistics.median(scores) if scores else None,
                        source_only=source_only, target_only=target_only, source_paired=source_paired,
                        target_paired=target_paired, keyed_rows=keyed, keys_agree=agree)


def _head_only(cell: Cell | None) -> bool:
    """A cell holding no unit, or heading lines only (``meta.3``, ``title``)."""
    return cell is None or all(u.split(".", 1)[0] in _HEAD_IDS for u in cell.units)


def structure_counts(doc: Document) -> tuple[int, int, int]:
    """(preambular, operative, footnote) paragraphs."""
    return tuple(len(doc.by_role(role)) for role in ("preambular", "operative", "footnote"))  # type: ignore[return-value]


@lru_cache(maxsize=8192)
def _letters(text: str) -> int:
    return len(_NOT_COUNTED.sub("", text))


def length_ratio(source_chars: int, target_chars: int, source_lang: str, target_lang: str) -> float | None:
    """Target characters per source character divided by the ratio of the two languages
    (``CHARS_PER_FRENCH``): about 1 for a translation. None for a language without a measured
    ratio or an empty side."""
    if source_lang not in CHARS_PER_FRENCH or target_lang not in CHARS_PER_FRENCH:
        return None
    if not source_chars or not target_chars:
        return None
    return (target_chars / source_chars) / (CHARS_PER_FRENCH[target_lang] / CHARS_PER_FRENCH[source_lang])


def document_length_ratio(source: Document, target: Document) -> float | None:
    """``length_ratio`` of the whole documents (head lines left out), digits and spaces not counted."""
    src = sum(_letters(u.text) for u in source.units if u.role != "meta")
    tgt = sum(_letters(u.text) for u in target.units if u.role != "meta")
    return length_ratio(src, tgt, source.lang, target.lang)


# -- the judgement ---------------------------------------------------------------------


def judge_correspondence(
    source: Document,
    target: Document,
    alignment: Alignment | Sequence[Row] | None = None,
    *,
    align: bool = True,
) -> Verdict:
    """Whether ``target`` is a translation of ``source``, with the evidence.

    ``alignment``: an ``Alignment`` holding both documents (its own rows for
    the target, ``pair_rows[target.lang]``, are read), or those rows. When
    None the two documents are aligned here (paragraph level), unless
    ``align`` is False: then the signals read from an alignment (alignment,
    paired keys, length) abstain and only identity and shared keys vote.
    """
    rows = _rows(source, target, alignment, align)
    src_id, tgt_id = document_identity(source), document_identity(target)
    keys = key_overlap(source, target)
    fit = alignment_fit(rows, source.lang, target.lang) if rows is not None else None
    paired = length_ratio(fit.source_paired, fit.target_paired, source.lang, target.lang) if fit else None
    whole = document_length_ratio(source, target)
    signals = (
        _identity_signal(src_id, tgt_id, source.lang, target.lang),
        _keys_signal(keys),
        _alignment_signal(fit),
        _row_keys_signal(fit),
        _length_signal(paired, whole, fit),
    )
    return Verdict(
        corresponds=sum(s.weight for s in signals) < MIN_VOTES,
        source_identity=src_id,
        target_identity=tgt_id,
        keys=keys,
        alignment=fit,
        structure=(structure_counts(source), structure_counts(target)),
        length_ratio=paired,
        whole_length_ratio=whole,
        signals=signals,
    )


def _rows(source: Document, target: Document, alignment: Alignment | Sequence[Row] | None,
          align: bool) -> Sequence[Row] | None:
    if isinstance(alignment, Alignment):
        own = alignment.pair_rows.get(target.lang) if alignment.pair_rows else None
        return alignment.rows if own is None else own
    if alignment is not None or not align:
        return alignment
    from aligner.align import align_documents

    return align_documents([source, target]).pair_rows[target.lang]


def _identity_signal(src: Identity | None, tgt: Identity | None, src_lang: str, tgt_lang: str) -> Signal:
    if src is None or tgt is None:
        said = f"{src.text} in {src_lang}" if src else (f"{tgt.text} in {tgt_lang}" if tgt else "")
        return Signal("identity", "abstains", f"{said}, none in the other" if said else "no symbol on either side")
    vote = "same" if src.key == tgt.key else "different"
    evidence = f"{src.text} in both" if src.text == tgt.text else f"{src.text} in {src_lang}, {tgt.text} in {tgt_lang}"
    return Signal("identity", vote, evidence)


def _keys_signal(keys: KeyOverlap) -> Signal:
    side = "source" if keys.source <= keys.target else "target"
    what = "symbols (numbers and dates not read: no language data)" if keys.symbols_only else \
        "numbers, dates and symbols"
    evidence = f"{keys.shared} of {keys.counted} {side} {what} found in the other"
    if keys.missing and keys.share is not None and keys.share < 1:
        evidence += f" (missing: {', '.join(keys.missing)}{', ...' if keys.counted - keys.shared > 5 else ''})"
    if keys.counted < MIN_KEYS:
        return Signal("shared keys", "abstains", evidence)
    return Signal("shared keys", "different" if keys.shared < KEY_SHARE * keys.counted else "same", evidence)


def _alignment_signal(fit: AlignmentFit | None) -> Signal:
    if fit is None or fit.covered is None:
        return Signal("alignment", "abstains", "not aligned")
    evidence = (f"{fit.covered:.0%} of the shorter text's paragraphs paired with confidence ({fit.low} of "
                f"{fit.rows} paired rows below {LOW_CONFIDENCE}, {fit.one_sided} unpaired)")
    if fit.rows + fit.one_sided < MIN_ROWS:
        return Signal("alignment", "abstains", evidence)
    if fit.covered < COVERED_STRONG:
        return Signal("alignment", "different", evidence, weight_if_different=2)
    return Signal("alignment", "different" if fit.covered < COVERED else "same", evidence)


def _row_keys_signal(fit: AlignmentFit | None) -> Signal:
    if fit is None:
        return Signal("paired keys", "abstains", "not aligned")
    evidence = f"numbers, dates and symbols agree in {fit.keys_agree} of {fit.keyed_rows} paired rows that have some"
    if fit.keyed_rows < MIN_ROWS:
        return Signal("paired keys", "abstains", evidence)
    if fit.keys_agree < ROW_KEYS_STRONG * fit.keyed_rows:
        return Signal("paired keys", "different", evidence, weight_if_different=2)
    return Signal("paired keys", "different" if fit.keys_agree < ROW_KEYS * fit.keyed_rows else "same", evidence)


def _length_signal(paired: float | None, whole: float | None, fit: AlignmentFit | None) -> Signal:
    if paired is None or fit is None:
        return Signal("length", "abstains", "no measured ratio for these languages" if fit else "not aligned")
    evidence = f"paired text {paired:.2f} of the usual ratio"
    if whole is not None and abs(whole - paired) >= 0.05:
        evidence += f" (whole documents {whole:.2f})"
    if fit.rows < MIN_ROWS:
        return Signal("length", "abstains", evidence)
    return Signal("length", "same" if 1 / LENGTH_BAND <= paired <= LENGTH_BAND else "different", evidence)
