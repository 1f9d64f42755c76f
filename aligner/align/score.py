"""Scoring an alignment against gold beads (Vecalign's convention, after
Sennrich & Volk 2011).

- Beads empty on both sides are dropped.
- Precision is over all system beads: a 1-0 or 0-1 bead counts as right only if
  gold has the very same bead.
- Recall is over gold beads with both sides non-empty.
- Strict: a bead identical to a gold bead. Lax: a bead with one of its source
  ids gold-linked to one of its target ids (a null bead: identical to gold).
- Counts pool over documents; F1 = 2PR / (P + R).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Iterable, Sequence

BeadIds = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float


def parse_beads(lines: Iterable[str]) -> list[BeadIds]:
    """Beads from lines ``[0, 1]:[2]`` (the ``.defr`` gold format)."""
    beads = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        left, _, right = line.partition(":")
        beads.append((tuple(ast.literal_eval(left)), tuple(ast.literal_eval(right))))
    return beads


def format_bead(bead: BeadIds) -> str:
    return f"[{', '.join(map(str, bead[0]))}]:[{', '.join(map(str, bead[1]))}]"


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_documents(pairs: Sequence[tuple[Sequence[BeadIds], Sequence[BeadIds]]]) -> dict[str, Scores]:
    """``{"strict": Scores, "lax": Scores}`` for (system beads, gold beads) per document."""
    strict_hit_p = lax_hit_p = sys_total = 0
    strict_hit_r = lax_hit_r = gold_total = 0
    for system, gold in pairs:
        system = [(tuple(s), tuple(t)) for s, t in system if s or t]
        gold = [(tuple(s), tuple(t)) for s, t in gold if s or t]
        gold_set = set(gold)
        gold_links = {(i, j) for s, t in gold for i in s for j in t}
        sys_links = {(i, j) for s, t in system for i in s for j in t}
        system_set = set(system)
        for bead in system:
            sys_total += 1
            if bead in gold_set:
                strict_hit_p += 1
                lax_hit_p += 1
            elif bead[0] and bead[1] and any((i, j) in gold_links for i in bead[0] for j in bead[1]):
                lax_hit_p += 1
        for bead in gold:
            if not (bead[0] and bead[1]):
                continue
            gold_total += 1
            if bead in system_set:
                strict_hit_r += 1
                lax_hit_r += 1
            elif any((i, j) in sys_links for i in bead[0] for j in bead[1]):
                lax_hit_r += 1
    out = {}
    for name, hp, hr in (("strict", strict_hit_p, strict_hit_r), ("lax", lax_hit_p, lax_hit_r)):
        p = hp / sys_total if sys_total else 0.0
        r = hr / gold_total if gold_total else 0.0
        out[name] = Scores(precision=p, recall=r, f1=_f1(p, r))
    return out


def score_beads(system: Sequence[BeadIds], gold: Sequence[BeadIds]) -> dict[str, Scores]:
    """Scores of one document's system beads against its gold beads."""
    return score_documents([(system, gold)])
