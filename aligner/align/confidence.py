"""A bead's confidence: the estimated probability that it is exactly right.

A logistic function of the bead's evidence: its Gale-Church length cost (how
far its lengths are from the ratio the documents show, uncapped: a long
omitted paragraph scores low, a short caption left out scores high), its
shared-key ratio, whether it is a null bead (1-0, 0-1) and whether it is a
many-to-one bead. The weights were fitted
(logistic regression) on the Text+Berg dev article's final beads against the
gold beads, the only data we tune on; ``benchmarks/align_textberg.py`` prints
the calibration table (mean confidence against observed exactness per bin).

Reading it: above 0.9, about 19 beads in 20 were exactly right on the dev
article; below 0.5, most were wrong. A reviewer should look at rows below 0.5.
"""

from __future__ import annotations

import math

#: Fitted on the Text+Berg dev article (see module docstring).
INTERCEPT = 2.102
LENGTH_COST = -0.328
LEXICAL = 1.586
NULL_BEAD = 11.042
MANY_BEAD = -1.446
#: Rows below this are marked for review in the writers.
REVIEW_BELOW = 0.5


def confidence(length_cost: float, lexical: float, shape: tuple[int, int]) -> float:
    """``length_cost``: uncapped Gale-Church cost; ``lexical``: shared-key ratio."""
    x = INTERCEPT + LENGTH_COST * length_cost + LEXICAL * lexical
    if 0 in shape:
        x += NULL_BEAD
    if max(shape) > 1:
        x += MANY_BEAD
    if x < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))


def bead_confidence(model, i0: int, i1: int, j0: int, j1: int, cost: float) -> float:
    ls = model._ls[i1] - model._ls[i0]
    lt = model._lt[j1] - model._lt[j0]
    shape = (i1 - i0, j1 - j0)
    lexical = model.lexical(i0, i1, j0, j1)[1] if shape[0] and shape[1] else 0.0
    return confidence(model.length_cost(ls, lt), lexical, shape)
