"""Document-wide values the rules share (``Context.facts``), computed once per run."""

from __future__ import annotations

import statistics
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
    ratios: dict[tuple[str, str], list[float]] = {}
    for pair in pairs:
        if pair.source.missing or pair.target.missing:
            continue
        src, tgt = len(pair.source.text.strip()), len(pair.target.text.strip())
        if src and tgt:
            ratios.setdefault((pair.source.lang, pair.target.lang), []).append(tgt / src)
    length_ratio = {}
    for key, values in ratios.items():
        median = statistics.median(values)
        mad = statistics.median(abs(v - median) for v in values)
        length_ratio[key] = (median, mad, len(values))
    facts = {"length_ratio": length_ratio, "rows": len(alignment.rows)}
    if share_pairs:
        facts["pairs"] = tuple(pairs)
    return facts
