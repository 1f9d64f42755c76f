"""A bead's confidence: the estimated probability that it is exactly right.

A logistic function of the evidence of the bead: how far its lengths are
from the expected ratio (Gale-Church z), how much of its keys are shared,
and its shape (1-1 beads are right far more often than 0-1 beads).
"""

from __future__ import annotations

import math


def bead_confidence(model, i0: int, i1: int, j0: int, j1: int, cost: float) -> float:
    ls = model._ls[i1] - model._ls[i0]
    lt = model._lt[j1] - model._lt[j0]
    length_cost = model.length_cost(ls, lt)
    shape = (i1 - i0, j1 - j0)
    _, lex = model.lexical(i0, i1, j0, j1) if shape[0] and shape[1] else (0, 0.0)
    x = 1.5 - 0.4 * length_cost + 3.0 * lex - (1.5 if 0 in shape else 0.0) - (0.5 if max(shape) > 1 else 0.0)
    return 1.0 / (1.0 + math.exp(-x))
