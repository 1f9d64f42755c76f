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


#: Gale & Church's variance per source character, scaled with the ratio: the
#: length fit of a paragraph is read with it, not with the second pass's
#: estimate (official paragraphs fit so tightly that it reaches its floor, and a
#: short heading a few characters off would look like an omission).
PARAGRAPH_VARIANCE = 6.8


def _letters(segment) -> int:
    """Length without digits: numbers are copied, not translated, so they do
    not scale with the language pair's ratio (Chinese dates are all digits)."""
    return segment.length - segment.digits


def paragraph_features(model, path, anchors) -> list[dict]:
    """What each bead of a paragraph path shows: its length fit at the
    documents' own ratio (from the path's 1-1 beads, digits left out), its
    shared keys, whether it holds a structure anchor."""
    len_s = [_letters(s) for s in model.src]
    len_t = [_letters(t) for t in model.tgt]
    ones = [(i0, j0) for i0, i1, j0, j1, _ in path if i1 - i0 == 1 and j1 - j0 == 1]
    ls = sum(len_s[i] for i, _ in ones)
    lt = sum(len_t[j] for _, j in ones)
    ratio = lt / ls if ls and lt else model.length.ratio
    s2 = PARAGRAPH_VARIANCE * max(ratio, 0.1)
    anchored = dict(anchors)
    out = []
    for i0, i1, j0, j1, _ in path:
        a = sum(len_s[i0:i1])
        b = sum(len_t[j0:j1])
        z = abs(b - ratio * a) / math.sqrt(max(s2 * (a + b / ratio) / 2.0, 1e-9)) if a or b else 0.0
        shared, lexical = model.lexical(i0, i1, j0, j1) if i1 > i0 and j1 > j0 else (0, 0.0)
        ks = model._ks[i1] - model._ks[i0]
        kt = model._kt[j1] - model._kt[j0]
        out.append({"shape": (i1 - i0, j1 - j0), "z": z, "shared": shared, "lexical": lexical, "keys": (ks, kt),
                    "anchor": any(j0 <= anchored.get(i, -1) < j1 for i in range(i0, i1))})
    return out


#: Paragraph confidence (structured documents). Set by hand on the sample set's
#: clean six versions against the planted drafts (no paragraph gold to fit on):
#: a clean pair sits far above 0.5 (length z <= 2.2 there), a paragraph cut in
#: half or given a clause (z >= 3.3) far below, even when anchored.
PARA_BASE = 3.5
PARA_Z_FREE = 1.5  # length deviations up to this many standard deviations are normal
PARA_Z = -3.0  # per standard deviation beyond that
PARA_EVIDENCE = 2.0  # times (evidence - 0.5): shared keys, smoothed toward neutral
PARA_SMOOTH = 4.0  # pseudo-keys at 0.5: three keys of which two shared is weak evidence
PARA_ANCHOR = 0.5
PARA_MANY = -1.0
#: A keyless pair (a heading such as "Nations Unies"): neutral, good when
#: the beads on both sides of it have shared evidence or an anchor.
PARA_KEYLESS = 1.0
PARA_KEYLESS_CONTEXT = 1.0


def _logistic(x: float) -> float:
    return 0.0 if x < -30 else 1.0 / (1.0 + math.exp(-x))


def paragraph_scores(model, path, anchors=()) -> list[float]:
    """Confidence of each bead of a paragraph path (see ``paragraph_features``):
    the length fit with the documents' own ratio (numbers left out), shared
    numbers, symbols, names and learned words, the anchor of an operative or
    footnote number, the neighbours of a keyless heading. Null beads keep the
    fitted ``confidence`` (a long omitted paragraph scores near 0)."""
    feats = paragraph_features(model, path, anchors)

    def supported(k: int) -> bool:  # the document's edge counts as support
        if not 0 <= k < len(feats):
            return True
        return min(feats[k]["shape"]) > 0 and (feats[k]["shared"] > 0 or feats[k]["anchor"])

    scores = []
    for k, ((i0, i1, j0, j1, c), f) in enumerate(zip(path, feats)):
        if 0 in f["shape"]:
            scores.append(bead_confidence(model, i0, i1, j0, j1, c))
            continue
        length = PARA_Z * max(0.0, f["z"] - PARA_Z_FREE)
        if sum(f["keys"]) == 0:
            x = PARA_KEYLESS + length + (PARA_KEYLESS_CONTEXT if supported(k - 1) and supported(k + 1) else 0.0)
        else:
            evidence = (2.0 * f["shared"] + 0.5 * PARA_SMOOTH) / (sum(f["keys"]) + PARA_SMOOTH)
            x = PARA_BASE + length + PARA_EVIDENCE * (evidence - 0.5) + (PARA_ANCHOR if f["anchor"] else 0.0)
        if max(f["shape"]) > 1:
            x += PARA_MANY
        scores.append(_logistic(x))
    return scores
