"""Document-wide values the rules share (``Context.facts``), computed once per run."""

from __future__ import annotations

import statistics
from array import array
from typing import Any, Sequence

from aligner.model import Alignment
from qa_rules.base import Pair


def compute_facts(alignment: Alignment, pairs: Sequence[Pair], *, share_pairs: bool = True) -> dict[str, Any]:
    """Document-wide values rules share, computed once per run.

    ``length_ratio``: ``{(source_lang, target_lang): (median, mad, n)}`` of
    ``len(target) / len(source)`` over the pairs where both sides have text
    (each target's own beads, see ``build_pairs``: a version's ratio does not
    move with the other versions of the run; the robust statistics the length
    rules compare a pair against). ``pairs``: the
    pairs (for a rule's ``check_document`` asked directly: it folds them,
    no need to call ``build_pairs`` again); not with ``share_pairs=False``: the
    engine hands each pair to the rules that fold them (``Rule.fold``) and lets
    it go, where the facts would keep every pair to the end of the run. ``rows``:
    the number of rows.
    """
    gathered = Facts(alignment)
    for pair in pairs:
        gathered.add(pair)
    facts = gathered.facts()
    if share_pairs:
        facts["pairs"] = tuple(pairs)
    return facts


class Facts:
    """``compute_facts`` pair by pair (``add``), for a run that makes its pairs as it reads them
    (``qa_rules.pairing.RunPairs``); ``facts`` once every pair is added."""

    def __init__(self, alignment: Alignment) -> None:
        self.alignment = alignment
        self.ratios: dict[tuple[str, str], array] = {}

    def add(self, pair: Pair) -> None:
        if pair.source.missing or pair.target.missing:
            return
        src, tgt = len(pair.source.text.strip()), len(pair.target.text.strip())
        if src and tgt:
            self.ratios.setdefault((pair.source.lang, pair.target.lang), array("d")).append(tgt / src)

    def facts(self) -> dict[str, Any]:
        length_ratio = {}
        for key, values in self.ratios.items():
            median = statistics.median(values)
            mad = statistics.median(abs(v - median) for v in values)
            length_ratio[key] = (median, mad, len(values))
        return {"length_ratio": length_ratio, "rows": len(self.alignment.rows)}
