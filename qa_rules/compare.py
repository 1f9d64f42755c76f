"""A draft against a reference in the same language: what revision changed.

``compare_documents(draft, reference, source=None)`` aligns the two versions
with the aligner's pair API (same-language alignment is the easy case: length
ratio near 1 and most keys shared), scores each aligned pair with sacrebleu's
sentence-level chrF, BLEU and TER (the draft as hypothesis, the reference as
the single reference), adds a word-level diff (difflib), and sorts the pairs by
how much changed (lowest chrF first). Corpus scores over all pairs come last.
Each metric's sacrebleu signature is kept so scores can be compared::

    result = compare_documents(read_document("en_draft.md"), read_document("en.md"))
    result.paragraphs[0].chrf, result.corpus["chrf"], result.metric_signatures["chrf"]

A paragraph present on one side only is scored against the empty string
(chrF 0, BLEU 0, TER 100), as sacrebleu scores it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping, Sequence

from aligner.model import Document

if TYPE_CHECKING:  # sacrebleu is imported where scores are computed: `hexaglot --help` need not load it
    from sacrebleu.metrics import BLEU, CHRF, TER

#: ``compare``'s default alignment level (``hexaglot compare --level`` reads it).
DEFAULT_LEVEL = "paragraph"

#: Languages whose words are not separated by spaces: diffs and BLEU/TER work on characters.
_CJK_LANGS = frozenset({"zh", "ja", "ko"})
#: The diff's tokens: runs of whitespace, words, single other characters (a language written
#: without spaces: every character but whitespace on its own).
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)
_CJK_TOKEN = re.compile(r"\s+|\S", re.UNICODE)


@dataclass(frozen=True)
class Side:
    units: tuple[str, ...]
    lines: tuple[int, ...]
    text: str


@dataclass(frozen=True)
class DiffOp:
    """One difflib opcode over words: ``equal``, ``replace``, ``delete`` (in the
    draft only) or ``insert`` (in the reference only)."""

    op: str
    draft: str
    reference: str


@dataclass(frozen=True)
class ParagraphComparison:
    draft: Side
    reference: Side
    source: Side | None
    chrf: float
    bleu: float
    ter: float
    diff: tuple[DiffOp, ...]
    position: int  # the pair's place in document order (0-based)

    @property
    def changed(self) -> bool:
        return self.draft.text != self.reference.text


@dataclass(frozen=True)
class Comparison:
    draft_path: str
    reference_path: str
    source_path: str | None
    lang: str
    level: str
    paragraphs: tuple[ParagraphComparison, ...]  # most changed first
    corpus: Mapping[str, float]
    metric_signatures: Mapping[str, str] = field(default_factory=dict)


def metrics(lang: str) -> tuple[CHRF, BLEU, TER]:
    from sacrebleu.metrics import BLEU, CHRF, TER

    """The sentence-level metrics (sacrebleu's defaults, Chinese tokenization for zh)."""
    bleu = BLEU(effective_order=True, tokenize="zh") if lang in ("zh",) else BLEU(effective_order=True)
    return CHRF(), bleu, TER(asian_support=lang in _CJK_LANGS)


def tokens(text: str, lang: str) -> list[str]:
    """``text`` cut into the diff's tokens, which join back into ``text`` exactly: runs of
    whitespace, and words and punctuation marks (characters for Chinese, Japanese, Korean)."""
    return (_CJK_TOKEN if lang in _CJK_LANGS else _TOKEN).findall(text)


def word_diff(draft: str, reference: str, lang: str) -> tuple[DiffOp, ...]:
    """difflib opcodes over words and punctuation, whitespace included: joined, the ops' ``draft``
    texts give the draft exactly and their ``reference`` texts the reference, so a space added,
    dropped or changed (``capacities ;`` for ``capacities;``, a no-break space for a space) is an
    op of its own. Whitespace never anchors a match (difflib's junk): a changed stretch of words
    stays one op, its spaces inside it.

    >>> word_diff("of assets , to", "of assets, to", "en")[1]
    DiffOp(op='delete', draft=' ', reference='')
    >>> [op.draft for op in word_diff("74/157 of", "74/175 of", "en")]
    ['74/', '157', ' of']
    """
    a, b = tokens(draft, lang), tokens(reference, lang)
    a_at, b_at = _offsets(a), _offsets(b)
    matcher = difflib.SequenceMatcher(str.isspace, a, b, autojunk=False)
    return tuple(DiffOp(op, draft[a_at[i1]:a_at[i2]], reference[b_at[j1]:b_at[j2]])
                 for op, i1, i2, j1, j2 in matcher.get_opcodes())


def _offsets(toks: list[str]) -> list[int]:
    """Where each token starts in the text they join into, and the text's end."""
    out = [0]
    for tok in toks:
        out.append(out[-1] + len(tok))
    return out


def _side(doc: Document, ids: Sequence[str]) -> Side:
    units = [u for u in (doc.find(uid) for uid in ids) if u is not None]
    return Side(tuple(ids), tuple(u.lines[0] for u in units), " ".join(u.text for u in units))


def _source_map(source: Document, reference: Document, level: str) -> dict[str, tuple[str, ...]]:
    from aligner.align import align_pair

    out: dict[str, tuple[str, ...]] = {}
    for bead in align_pair(source, reference, level):
        for rid in bead.tgt_ids:
            out[rid] = tuple(bead.src_ids)
    return out


#: chrF (the higher of both directions) at or above which a paragraph found only in the draft and
#: its neighbour found only in the reference are one revised paragraph (the aligner, built for
#: translations, keeps them apart when revision changed the length a lot). UN boilerplate shared
#: by unrelated operative paragraphs scores about 45.
MERGE_CHRF = 60.0


def merge_one_sided(draft: Document, reference: Document, beads: Sequence) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """``(draft ids, reference ids)`` per bead, adjacent deletion + insertion merged when similar."""
    from sacrebleu.metrics import CHRF

    pairs = [(tuple(b.src_ids), tuple(b.tgt_ids)) for b in beads]
    chrf = CHRF()
    out: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    i = 0
    while i < len(pairs):
        here = pairs[i]
        after = pairs[i + 1] if i + 1 < len(pairs) else None
        if after is not None and _opposite(here, after):
            d_ids = here[0] or after[0]
            r_ids = here[1] or after[1]
            d_text, r_text = _side(draft, d_ids).text, _side(reference, r_ids).text
            # both directions: a cut paragraph is a low-recall hypothesis of its full version
            score = max(chrf.sentence_score(d_text, [r_text]).score, chrf.sentence_score(r_text, [d_text]).score)
            if score >= MERGE_CHRF:
                out.append((d_ids, r_ids))
                i += 2
                continue
        out.append(here)
        i += 1
    return out


def _opposite(a: tuple[tuple[str, ...], tuple[str, ...]], b: tuple[tuple[str, ...], tuple[str, ...]]) -> bool:
    return (bool(a[0]) != bool(a[1])) and (bool(b[0]) != bool(b[1])) and bool(a[0]) != bool(b[0])


def compare_documents(draft: Document, reference: Document, source: Document | None = None,
                      level: str = DEFAULT_LEVEL) -> Comparison:
    """Align ``draft`` with ``reference`` and score every aligned pair."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    from aligner.align import align_pair

    lang = reference.lang
    chrf, bleu, ter = metrics(lang)
    to_source = _source_map(source, reference, level) if source is not None else {}
    paragraphs = []
    hyps, refs = [], []
    for position, (d_ids, r_ids) in enumerate(merge_one_sided(draft, reference, align_pair(draft, reference, level))):
        d, r = _side(draft, d_ids), _side(reference, r_ids)
        src = None
        if source is not None:
            ids = tuple(dict.fromkeys(s for rid in r_ids for s in to_source.get(rid, ())))
            src = _side(source, ids)
        hyps.append(d.text)
        refs.append(r.text)
        paragraphs.append(ParagraphComparison(
            draft=d, reference=r, source=src,
            chrf=chrf.sentence_score(d.text, [r.text]).score,
            bleu=bleu.sentence_score(d.text, [r.text]).score,
            ter=ter.sentence_score(d.text, [r.text]).score,
            diff=word_diff(d.text, r.text, lang),
            position=position,
        ))
    corpus_chrf, corpus_bleu, corpus_ter = CHRF(), BLEU(tokenize="zh") if lang == "zh" else BLEU(), \
        TER(asian_support=lang in _CJK_LANGS)
    corpus = {
        "chrf": corpus_chrf.corpus_score(hyps, [refs]).score,
        "bleu": corpus_bleu.corpus_score(hyps, [refs]).score,
        "ter": corpus_ter.corpus_score(hyps, [refs]).score,
    }
    signatures = {
        "chrf": str(chrf.get_signature()), "bleu": str(bleu.get_signature()), "ter": str(ter.get_signature()),
        "corpus_bleu": str(corpus_bleu.get_signature()),
    }
    ordered = tuple(sorted(paragraphs, key=lambda p: (p.chrf, -p.ter, p.position)))
    return Comparison(draft.path, reference.path, source.path if source else None, lang, level, ordered,
                      corpus, signatures)
