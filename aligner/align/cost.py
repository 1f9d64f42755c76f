"""The cost of a bead: Gale-Church length cost plus cheap lexical evidence.

``cost = length + prior - lexical``, in nats (negative log-probabilities):

- length: Gale & Church (1993): ``d = (lt - c*ls) / sqrt(s2 * (ls + lt/c)/2)``,
  cost ``-log P(|D| >= |d|)`` under a standard normal, with the ratio ``c`` and
  variance ``s2`` estimated from the two documents themselves (see
  ``estimate_length_model``), so Chinese against French needs no table;
- prior: ``-log P(shape)``, Gale-Church's bead priors extended to larger beads;
- lexical: a bonus for keys shared by the two sides (numbers, Latin-script
  names and cognates, learned lexicon pairs), as a Dice-like ratio so that
  gluing an unrelated sentence onto a bead costs evidence instead of adding it;
  a key found in many segments of a document (quotation marks, parentheses,
  the article's topic word) says little about which segments pair, and is left
  out when ``common_key_share`` is below 1 (``common_keys``); one found in
  one or two (a name, a date) says much, and counts ``rare_key_weight`` times
  (``rare_keys``). Both are off by default: see ``CostParams``;
- weak boundary: a joint bead ending where one version's sentence ends with a
  colon or a semicolon and the other's does not costs ``weak_boundary`` (between
  sentences; off between paragraphs): the sentences around such a pause are
  one bead more often than not;
- role: a penalty when paragraphs of different roles (preambular vs operative)
  would be put in one bead.
"""

from __future__ import annotations

import math
import weakref
from collections import Counter
from dataclasses import dataclass
from typing import Mapping, Sequence

from aligner.align.dp import Band
from aligner.align.features import Segment, counted
from aligner.align.matches import MatchesOnDemand, extended_index, key_index, pair_matches

#: Prior probability of a run of 2 to 4 segments with no counterpart (0.001 and
#: 0.003 score alike on both halves of the dev article: ``benchmarks/align_crossval.py``).
NULL_RUN = 0.003
#: Prior probability of each bead shape (sums need not be 1: only differences matter).
PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.85, (1, 0): 0.01, (0, 1): 0.01, (1, 2): 0.06, (2, 1): 0.06, (2, 2): 0.01,
    (1, 3): 0.006, (3, 1): 0.006, (1, 4): 0.001, (4, 1): 0.001, (2, 3): 0.002, (3, 2): 0.002,
    # a run of 2-4 segments with no counterpart: one event (a block of captions), not k
    (0, 2): NULL_RUN, (2, 0): NULL_RUN, (0, 3): NULL_RUN, (3, 0): NULL_RUN, (0, 4): NULL_RUN, (4, 0): NULL_RUN,
}


#: Paragraphs of official translations are merged or split far more rarely than sentences.
PARAGRAPH_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.95, (1, 0): 0.01, (0, 1): 0.01, (1, 2): 0.01, (2, 1): 0.01, (2, 2): 0.002,
}


@dataclass(frozen=True)
class CostParams:
    """Weights of the cost terms. The lexical weight, the null cap and the null
    run's prior were set on the Text+Berg dev article and kept: neither the
    halves' cross-validation nor leaving one of eight Text+Berg articles out
    chose weights that beat them on the articles left out
    (``benchmarks/align_crossval.py``, docs/alignment.md). ``weak_boundary``
    was chosen by leaving one article out."""

    lexical_weight: float = 30.0
    lexical_smoothing: float = 1.0
    role_penalty: float = 10.0
    min_variance: float = 1.0
    #: Bead priors; ``None``: ``PRIORS`` (sentences).
    priors: "Mapping[tuple[int, int], float] | None" = None
    #: Cap on the length cost of a 1-0 or 0-1 bead (on top of its prior).
    null_cost: float = 15.0
    #: Anchored pairs (structure verified by evidence) inside a bead: a bonus each.
    anchor_bonus: float = 25.0
    #: Cap on the length cost of a 1-1 bead (``inf``: uncapped). Between paragraphs
    #: a partial omission or an added clause must stay a 1-1 pair whenever the two
    #: share any evidence, not become a 1-0 and a 0-1 (see ``pair.paragraph_params``).
    match_cost: float = math.inf
    #: A key found in more than this share of either document's segments (and in
    #: more than ``COMMON_KEY_FLOOR`` of them) is not evidence (``common_keys``);
    #: 1.0: every key counts.
    common_key_share: float = 1.0
    #: How many keys a rare key counts for (in a bead's shared keys and in each
    #: side's keys): one found in at most ``RARE_KEY_LIMIT`` segments of each
    #: document (a name, a date, a height) rarely pairs two segments by chance.
    rare_key_weight: int = 1
    #: Cost of a joint bead ending where the sentence boundary is weak on one
    #: side only (``weak_boundaries``: the sentence before it ends with a colon
    #: or a semicolon): one version pauses where
    #: the other starts a new sentence, so the sentences either side of it
    #: belong in one bead more often than not (a 2-2 bead cut into two 1-1
    #: beads). Weak on both sides (both cut a list at its semicolons) costs
    #: nothing; 0: not counted. 4: chosen by leaving one Text+Berg article out
    #: among 0, 4 and 8 (8 glued a block of captions to its neighbours).
    weak_boundary: float = 4.0


@dataclass(frozen=True)
class LengthModel:
    ratio: float  # target characters per source character
    variance: float  # s2 of Gale-Church, per source character


def estimate_length_model(src: Sequence[Segment], tgt: Sequence[Segment], pairs=None) -> LengthModel:
    """Ratio and variance from the documents: totals, or observed 1-1 pairs."""
    if pairs:
        ls = sum(src[i].length for i, _ in pairs)
        lt = sum(tgt[j].length for _, j in pairs)
        ratio = lt / ls if ls else 1.0
        dev = [(tgt[j].length - ratio * src[i].length) ** 2 / max((src[i].length + tgt[j].length / ratio) / 2, 1.0)
               for i, j in pairs]
        dev.sort()
        # trimmed mean: a few misaligned pairs must not inflate the variance
        kept = dev[: max(1, int(len(dev) * 0.9))]
        variance = sum(kept) / len(kept)
        return LengthModel(ratio=ratio, variance=max(variance, 1.0))
    ls = sum(s.length for s in src)
    lt = sum(t.length for t in tgt)
    ratio = lt / ls if ls and lt else 1.0
    # Gale-Church's 6.8 is per character of a European pair; scale it with the ratio
    return LengthModel(ratio=ratio, variance=6.8 * max(ratio, 0.1))


#: A key in this many segments or fewer is never common: in a short document
#: (16 paragraphs) a share would leave out a name found in two of them.
COMMON_KEY_FLOOR = 3


def common_keys(src: Sequence[Segment], tgt: Sequence[Segment], share: float) -> frozenset[str]:
    """Keys found in more than ``share`` of either side's segments (and in more
    than ``COMMON_KEY_FLOOR``): they match near every segment, so a bead earns
    them wherever it is cut. On the Text+Berg article they are quotation marks,
    parentheses, semicolons (a French list's, a German sentence's comma), the
    article's topic words (``exped``, ``himal``) and false friends common on one
    side (German ``gross``, French ``somme``); a number counts too (``#1956``)."""
    if share >= 1.0:
        return frozenset()
    out: set[str] = set()
    for side in (src, tgt):
        limit = max(share * len(side), COMMON_KEY_FLOOR)
        counts = Counter(k for seg in side for k in counted(seg))
        out.update(k for k, count in counts.items() if count > limit)
    return frozenset(out)


#: A key in at most this many segments of each document is rare (``rare_keys``).
RARE_KEY_LIMIT = 2


def rare_keys(src: Sequence[Segment], tgt: Sequence[Segment]) -> frozenset[str]:
    """Keys found in at most ``RARE_KEY_LIMIT`` segments of each side."""
    counts_s = Counter(k for seg in src for k in counted(seg))
    counts_t = Counter(k for seg in tgt for k in counted(seg))
    return frozenset(k for k, count in counts_s.items()
                     if count <= RARE_KEY_LIMIT and counts_t.get(k, 0) <= RARE_KEY_LIMIT)


#: A sentence ending with one of these only pauses: the next one continues it
#: (colons and semicolons, fullwidth as in Chinese, the Arabic semicolon).
WEAK_ENDS = frozenset(":;\uff1a\uff1b\u061b")


def weak_boundaries(segments: Sequence[Segment]) -> list[int]:
    """1 at each boundary ``k`` (between segments ``k - 1`` and ``k``) where the
    segment before ends with a colon or a semicolon (``WEAK_ENDS``: a list
    after a colon, a French sentence cut at its semicolons); 0 elsewhere, at
    both ends included. On the Text+Berg dev article 45% (German) and 60%
    (French) of these boundaries fall inside a gold bead, 14% and 15% of the
    others. A segment starting in lowercase is not a sign: Russian preambular
    paragraphs start so, and Chinese and Arabic have no case."""
    out = [0] * (len(segments) + 1)
    for k in range(1, len(segments)):
        if segments[k - 1].text.rstrip()[-1:] in WEAK_ENDS:
            out[k] = 1
    return out


_SQRT2 = math.sqrt(2.0)


def neg_log_tail(z: float) -> float:
    """-log P(|N(0,1)| >= z)."""
    if z < 8.0:
        return -math.log(max(math.erfc(z / _SQRT2), 1e-300))
    # asymptotic tail: erfc(x) ~ exp(-x^2) / (x sqrt(pi))
    x = z / math.sqrt(2.0)
    return x * x + math.log(x * math.sqrt(math.pi))


def _key_prefixes(src: Sequence[Segment], tgt: Sequence[Segment], params: CostParams):
    """Prefix sums of the two sides' lengths and of their keys that can be evidence,
    with the common and the rare keys: what a cost model reads of its segments."""
    ls, lt = _prefix([s.length for s in src]), _prefix([t.length for t in tgt])
    # only keys the other document has at all can be evidence: French words
    # facing Chinese (or German words with no French cognate) must not
    # drown the numbers and names both share
    common = common_keys(src, tgt, params.common_key_share)
    vocab_s = set().union(*[seg.keys for seg in src]) - common
    vocab_t = set().union(*[seg.keys for seg in tgt]) - common
    weight = params.rare_key_weight
    rare = rare_keys(src, tgt) if weight != 1 else frozenset()
    # numbers are written with digits in every language: a number with no
    # counterpart always counts against a bead (a common one never counts)
    if common or rare:
        ks = _prefix([sum(weight if k in rare else 1 for k in seg.keys
                          if k in vocab_t or (k[0] == "#" and k not in common)) for seg in src])
        kt = _prefix([sum(weight if k in rare else 1 for k in seg.keys
                          if k in vocab_s or (k[0] == "#" and k not in common)) for seg in tgt])
    else:  # the default: every key once (a side's numbers join the other's vocabulary)
        known_s = vocab_t.union([k for k in vocab_s if k[0] == "#"])
        known_t = vocab_s.union([k for k in vocab_t if k[0] == "#"])
        ks = _prefix([sum(map(known_s.__contains__, seg.keys)) for seg in src])
        kt = _prefix([sum(map(known_t.__contains__, seg.keys)) for seg in tgt])
    return ls, lt, common, rare, ks, kt


class CostModel:
    """Bead costs between two segment lists, with prefix sums for speed.

    ``band``: the pairs whose shared keys are counted (``pair_matches``).
    ``probe``: a model that costs a few pairs only (``structure_anchors``): a
    pair's shared keys are counted when asked, the same as ``pair_matches``
    counts them, instead of every pair of the band beforehand.
    ``like``: a model made before over the same segments (the probe before the
    first pass: its lengths and key counts are reused) or over the same
    segments less the learned lexicon's keys (the first pass before the second:
    its index of the targets' keys, kept with ``keep_index``, is extended with
    the learned ones).
    """

    def __init__(self, src: Sequence[Segment], tgt: Sequence[Segment], length: LengthModel,
                 params: CostParams = CostParams(), anchors: Sequence[tuple[int, int]] = (),
                 band: Band | None = None, probe: bool = False, like: "CostModel | None" = None,
                 keep_index: bool = False) -> None:
        self.src, self.tgt, self.length, self.params = src, tgt, length, params
        weight = params.rare_key_weight
        if like is not None and like.src is src and like.tgt is tgt and \
                like.params.common_key_share == params.common_key_share and like.params.rare_key_weight == weight:
            # ``like`` reads the very same segments with the same key options (the structure
            # probe before the first pass): their lengths and key counts are its
            self._ls, self._lt, self.common, rare = like._ls, like._lt, like.common, like._rare
            self._ks, self._kt = like._ks, like._kt
        else:
            self._ls, self._lt, self.common, rare, self._ks, self._kt = _key_prefixes(src, tgt, params)
        common, self._rare = self.common, rare
        #: where each target key is (``matches.key_index``), kept (``keep_index``) for a
        #: model made ``like`` this one next
        self._index = None
        if probe:
            self.matches = MatchesOnDemand(src, tgt, band, ignore=common, rare=rare, rare_weight=weight)
        else:
            index = None
            if like is not None and like._index is not None:
                if like.tgt is tgt and like.common == common:
                    index = like._index
                elif not common and not like.common:
                    # the second pass's targets: the first pass's with the learned keys added
                    index = extended_index(like._index, like.tgt, tgt)
            if index is None:
                index = key_index(tgt, common)
            self.matches = pair_matches(src, tgt, band, ignore=common, rare=rare, rare_weight=weight, index=index)
            if keep_index:
                self._index = index
        self.anchors = {i: j for i, j in anchors}
        self._prior = {shape: -math.log(p) for shape, p in (params.priors or PRIORS).items()}
        self._c, self._inv_c, self._s2 = length.ratio, 1.0 / length.ratio, length.variance
        self._lex_weight, self._smoothing = params.lexical_weight, params.lexical_smoothing
        self._null_cost = params.null_cost
        self._match_cost = params.match_cost
        self._many_roles = len({s.role for s in src} | {t.role for t in tgt}) > 1
        # a joint bead ending before src i and tgt j costs ``_weak_cost`` if
        # ``_weak_s[i] != _weak_t[j]``
        self._weak_cost = params.weak_boundary
        self._weak_s = weak_boundaries(src) if self._weak_cost else None
        self._weak_t = weak_boundaries(tgt) if self._weak_cost else None
        #: ``cost(i0, i1, j0, j1, limit=inf)``: the cost of bead src[i0:i1] x tgt[j0:j1]
        #: (a closure with every lookup local: the programme spends its time there).
        #: When even the largest lexical bonus the bead could get leaves it above
        #: ``limit``, a lower bound above ``limit`` is returned without counting its
        #: shared keys (the programme only needs to know it loses).
        self.cost = self._make_cost()

    def _make_cost(self):
        prior, ls_, lt_, ks_, kt_, matches = self._prior, self._ls, self._lt, self._ks, self._kt, self.matches
        # roles and anchors (structured documents), read by index: a bead mixes
        # roles when its first source and target roles differ or a side changes role
        structured = bool(self.anchors) or self._many_roles
        names = {r: k for k, r in enumerate(sorted({s.role for s in self.src} | {t.role for t in self.tgt}))}
        rs, rt = [names[s.role] for s in self.src], [names[t.role] for t in self.tgt]
        cs, ct = _changes(rs), _changes(rt)
        anchor_j = [-1] * (len(self.src) + 1)
        for i, j in self.anchors.items():
            anchor_j[i] = j
        role_penalty, anchor_bonus = self.params.role_penalty, self.params.anchor_bonus
        c, inv_c, s2, null_cost, match_cost = self._c, self._inv_c, self._s2, self._null_cost, self._match_cost
        weight, smoothing, inf, sqrt, tail = self._lex_weight, self._smoothing, math.inf, math.sqrt, neg_log_tail
        log, erfc, inv_sqrt2 = math.log, math.erfc, 1.0 / _SQRT2
        weak_s, weak_t, weak_cost = self._weak_s, self._weak_t, self._weak_cost

        src_null: list[float] = []  # filled below: the cost of each one-segment null bead
        tgt_null: list[float] = []

        def cost(i0: int, i1: int, j0: int, j1: int, limit: float = inf) -> float:
            a, b = i1 - i0, j1 - j0
            if not b:
                if a == 1 and src_null:
                    return src_null[i0]
            elif not a and b == 1 and tgt_null:
                return tgt_null[j0]
            total = prior[(a, b)]
            bound = 0.0
            if a and b:
                if structured:
                    # exact, so that a pruned bead's bound only leaves out the lexical bonus
                    if rs[i0] != rt[j0] or cs[i1 - 1] != cs[i0] or ct[j1 - 1] != ct[j0]:
                        total += role_penalty
                    # one bonus per bead: two anchored pairs are two beads, not a 2-2
                    # whose lengths happen to fit (an omission next to an addition)
                    if a == 1:
                        if j0 <= anchor_j[i0] < j1:
                            total -= anchor_bonus
                    else:
                        for i in range(i0, i1):
                            if j0 <= anchor_j[i] < j1:
                                total -= anchor_bonus
                                break
                ks = ks_[i1] - ks_[i0]
                kt = kt_[j1] - kt_[j0]
                bound = weight * 2.0 * (ks if ks < kt else kt) / (ks + kt + smoothing)
                if total - bound > limit:
                    return total - bound
            ls = ls_[i1] - ls_[i0]
            lt = lt_[j1] - lt_[j0]
            if ls or lt:
                mean = (ls + lt * inv_c) * 0.5
                z = abs(lt - c * ls) / sqrt(s2 * mean if s2 * mean > 1e-9 else 1e-9)
                length = -log(erfc(z * inv_sqrt2)) if z < 8.0 else tail(z)
                if a and b:
                    total += length if (length < match_cost or a != 1 or b != 1) else match_cost
                else:
                    total += length if length < null_cost else null_cost
                if total - bound > limit:
                    return total - bound
            if a and b:
                if a == 1 and b == 1:  # most beads: one lookup
                    row = matches.get(i0)
                    m = row.get(j0, 0) if row else 0
                else:
                    m = 0
                    for i in range(i0, i1):
                        row = matches.get(i)
                        if row:
                            for j in range(j0, j1):
                                m += row.get(j, 0)
                if m:
                    if m > ks:
                        m = ks
                    if m > kt:
                        m = kt
                    total -= weight * 2.0 * m / (ks + kt + smoothing)
                if weak_s is not None and weak_s[i1] != weak_t[j1]:
                    total += weak_cost
            return total

        # a null bead's cost depends on its segment alone (no limit prunes it):
        # counted once per segment, not once per cell of the programme, and only
        # for a programme that calls ``cost`` (``plain_path`` and a probe of a few
        # pairs do not). It reaches ``cost`` through a weak reference and holds no
        # ``self``: ``cost.null_costs`` -> ``null_costs`` -> ``cost`` would be a cycle,
        # and the model, its segments and its matches would wait for the garbage
        # collector instead of going as soon as the aligner lets the model go.
        n_src, n_tgt, bead = len(self.src), len(self.tgt), weakref.ref(cost)

        def null_costs() -> tuple[list[float], list[float]]:
            costed = bead()
            if (1, 0) in prior and not src_null:
                src_null.extend([costed(i, i + 1, 0, 0) for i in range(n_src)])
            if (0, 1) in prior and not tgt_null:
                tgt_null.extend([costed(0, 0, j, j + 1) for j in range(n_tgt)])
            return src_null, tgt_null

        cost.null_costs = null_costs  # read by ``dp.best_path``
        return cost

    @property
    def plain(self) -> bool:
        """No roles, no anchors, no cap on a 1-1 bead's length cost: the
        programme can inline the cost (``plain.plain_path``)."""
        return not self.anchors and not self._many_roles and self._match_cost == math.inf

    def pair_match(self, i: int, j: int) -> int:
        row = self.matches.get(i)
        return row.get(j, 0) if row else 0

    def length_cost(self, ls: int, lt: int) -> float:
        c, s2 = self.length.ratio, self.length.variance
        if ls == 0 and lt == 0:
            return 0.0
        z = abs(lt - c * ls) / math.sqrt(max(s2 * (ls + lt / c) / 2.0, 1e-9))
        return neg_log_tail(z)

    def lexical(self, i0: int, i1: int, j0: int, j1: int) -> tuple[int, float]:
        """(shared keys, Dice-like ratio) of the bead src[i0:i1] x tgt[j0:j1]."""
        m = 0
        for i in range(i0, i1):
            row = self.matches.get(i)
            if row:
                for j in range(j0, j1):
                    m += row.get(j, 0)
        ks = self._ks[i1] - self._ks[i0]
        kt = self._kt[j1] - self._kt[j0]
        m = min(m, ks, kt)
        return m, 2.0 * m / (ks + kt + self.params.lexical_smoothing)


def _changes(roles: Sequence[int]) -> list[int]:
    """How many times the role changed up to each index (equal at k and l:
    one role from k to l)."""
    out, count = [], 0
    for k, role in enumerate(roles):
        if k and role != roles[k - 1]:
            count += 1
        out.append(count)
    return out


def _prefix(values: Sequence[int]) -> list[int]:
    out = [0]
    for v in values:
        out.append(out[-1] + v)
    return out
