"""Sentence-alignment weights chosen by cross-validation, with held-out figures.

Leave one article out (``--test DIR``): the Text+Berg dev article
(German-French, ``../shared/data/textberg-dev``) and the seven Text+Berg test
articles in DIR (``test0.de``, ``test0.fr``, ``test0.defr`` ... ``test6.*``:
the Bleualign test set as redistributed in the Vecalign repository's
``bleualign_data`` folder, GPL v2, not shipped here) are eight articles. For
each article, the weights are chosen on the seven others (the best strict F1
pooled over their beads) and the left-out article, never looked at while
choosing, is scored with them: its strict F1 is that fold's held-out figure.
The held-out figures are reported per fold and as two means: micro (the
left-out articles' beads pooled, each aligned with its own fold's choice) and
macro (the mean of the eight F1). The shipped weights (``CostParams()``) and
hunalign (``--hunalign PATH``, no dictionary, as in ``align_textberg.py``)
are scored on the same articles. Last, the weights chosen on all eight
articles: they should replace the shipped ones only if the leave-one-out
mean beats the shipped weights' on the same folds.

Without ``--test`` (the earlier single-article split): the dev article is cut
in two halves at the gold bead boundary nearest the middle of the German
side (``split_article``: the same cut on every run), the weights are chosen on
one half and scored on the other. The halves of one article share its
vocabulary and its captions: weights chosen that way lost on the test
articles (docs/alignment.md).

In both, the official six-language text of resolution A/RES/55/100
(``../shared/data/opus-un-6way``: 16 units in each language, every unit the
translation of the same unit in the five others) is aligned unit by unit for
all 15 language pairs as a sanity set: a candidate that loses any of its
pairs (strict F1 below the best candidate's) is not chosen. With ``--test``,
neither is one that glues the block of photo captions at the start of the dev
article onto its neighbours (``keeps_captions``; its UN figure is shown as 0).

The grid: the lexical weight, the cap on a null bead's length cost, the
prior of a run of segments with no counterpart, the share of segments above
which a key is too common to be evidence and the weight of a rare key
(``aligner.align.cost``); ties go to the earlier candidate.
Alignment runs as for lines input (``align_segments`` with the sentence beads).

Run from the repository root: ``python benchmarks/align_crossval.py --test DIR
[--hunalign PATH]`` (``--quick``: a grid of 4 candidates). Needs
../shared/data/textberg-dev and ../shared/data/opus-un-6way.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(1, str(REPO / "benchmarks"))  # align_textberg: hunalign's runner

from aligner.align.beads import NULL_RUNS, SENTENCE_BEADS  # noqa: E402
from aligner.align.cost import PRIORS, CostParams  # noqa: E402
from aligner.align.features import segment  # noqa: E402
from aligner.align.score import parse_beads, score_documents  # noqa: E402
from aligner.align.segments import align_segments  # noqa: E402

DATA = REPO.parent / "shared" / "data"
UN_LANGS = ("ar", "en", "es", "fr", "ru", "zh")

Beads = list[tuple[tuple[int, ...], tuple[int, ...]]]
#: One test document: source lines, target lines, gold beads.
Part = tuple[list[str], list[str], Beads]


def read_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def split_article(src: list[str], tgt: list[str], gold: Beads) -> tuple[Part, Part]:
    """Two halves of an aligned article, each with its own gold beads (indices
    renumbered from 0), cut at the bead boundary nearest the source's middle
    where every gold bead lies wholly on one side (a null bead's empty side
    does not bind). Deterministic: the same cut on every run."""
    best = None
    for cut_s in range(1, len(src)):
        below = [b for b in gold if any(i < cut_s for i in b[0])]
        above = [b for b in gold if any(i >= cut_s for i in b[0])]
        if any(b in above for b in below):
            continue  # a bead straddles the cut
        cut_t = max((j + 1 for b in below for j in b[1]), default=0)
        if any(j < cut_t for b in above for j in b[1]):
            continue  # crossing target sides
        # target-only beads go with the side their indices fall on
        if best is None or abs(cut_s - len(src) / 2) < abs(best[0] - len(src) / 2):
            best = (cut_s, cut_t)
    if best is None:
        raise ValueError("no cut leaves every gold bead on one side")
    cut_s, cut_t = best
    first = [b for b in gold if (b[0] and b[0][0] < cut_s) or (not b[0] and b[1][0] < cut_t)]
    second = [(tuple(i - cut_s for i in s), tuple(j - cut_t for j in t)) for s, t in gold if (s, t) not in first]
    return (src[:cut_s], tgt[:cut_t], first), (src[cut_s:], tgt[cut_t:], second)


def un_pairs() -> list[Part]:
    """All 15 language pairs of A/RES/55/100, unit by unit, every unit 1-1."""
    rows = [json.loads(line) for line in (DATA / "opus-un-6way" / "A-RES-55-100.jsonl").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    parts = []
    for a, b in itertools.combinations(UN_LANGS, 2):
        parts.append(([r[a] for r in rows], [r[b] for r in rows], [((k,), (k,)) for k in range(len(rows))]))
    return parts


def with_runs(prior: float) -> dict[tuple[int, int], float]:
    return {**PRIORS, **{shape: prior for shape in NULL_RUNS}}


def candidates(quick: bool, weak: bool = False) -> list[CostParams]:
    """The halves' grid (144 candidates, without the weak-boundary cost, as
    recorded), or with ``weak`` the leave-one-out grid (72): the weak-boundary
    cost 0, 4 or 8 instead of the rare-key weight and the two smallest
    common-key shares, which the halves' run never chose."""
    if quick:
        return [PREVIOUS, replace(PREVIOUS, common_key_share=0.06), replace(PREVIOUS, weak_boundary=4.0),
                replace(PREVIOUS, lexical_weight=20.0, null_cost=7.0, priors=with_runs(0.001), common_key_share=0.06,
                        rare_key_weight=2)]
    out = []
    if weak:
        for share, cost, weight, null_cost, run in itertools.product((1.0, 0.06), (0.0, 4.0, 8.0), (20.0, 30.0, 40.0),
                                                                     (7.0, 15.0), (0.001, 0.003)):
            out.append(CostParams(lexical_weight=weight, null_cost=null_cost, priors=with_runs(run),
                                  common_key_share=share, weak_boundary=cost))
        return out
    for share, rare, weight, null_cost, run in itertools.product((1.0, 0.06, 0.04, 0.025), (1, 2), (20.0, 30.0, 40.0),
                                                                 (7.0, 10.0, 15.0), (0.001, 0.003)):
        out.append(CostParams(lexical_weight=weight, null_cost=null_cost, priors=with_runs(run),
                              common_key_share=share, rare_key_weight=rare, weak_boundary=0.0))
    return out


def describe(params: CostParams) -> str:
    run = (params.priors or PRIORS)[NULL_RUNS[0]]
    common = "all keys" if params.common_key_share >= 1.0 else f"common > {params.common_key_share:g}"
    return (f"lexical {params.lexical_weight:g}, null cap {params.null_cost:g}, null run {run:g}, {common},"
            f" rare x{params.rare_key_weight}, weak {params.weak_boundary:g}")


def align_parts(parts: list[Part], params: CostParams, cache: dict) -> list[tuple[Beads, Beads]]:
    """(system beads, gold beads) of each part, aligned with ``params``."""
    pairs = []
    for src, tgt, gold in parts:
        segs = cache.setdefault(id(src), [segment(s) for s in src]), cache.setdefault(id(tgt), [segment(t) for t in tgt])
        beads = align_segments(segs[0], segs[1], SENTENCE_BEADS, params=params)
        pairs.append(([(b.src, b.tgt) for b in beads], gold))
    return pairs


def strict_f1(parts: list[Part], params: CostParams, cache: dict) -> float:
    return score_documents(align_parts(parts, params, cache))["strict"].f1


def choose(grid: list[CostParams], tune: dict[int, float], un: dict[int, float]) -> int:
    """The candidate (among the keys of ``tune``) with the best F1 on the tuning
    data among those that keep the best UN figure; ties go to the earlier candidate."""
    best_un = max(un[k] for k in tune)
    allowed = [k for k in tune if un[k] >= best_un - 1e-9]
    return max(allowed, key=lambda k: (tune[k], -k))


def pooled_f1(pairs: list[tuple[Beads, Beads]]) -> float:
    return score_documents(pairs)["strict"].f1


def read_articles(folder: Path) -> list[tuple[str, Part]]:
    """The dev article, then the test articles of ``folder`` (``testN.de``, ``testN.fr``, ``testN.defr``)."""
    dev = DATA / "textberg-dev"
    out = [("dev", (read_lines(dev / "dev.de"), read_lines(dev / "dev.fr"),
                    parse_beads((dev / "dev.defr").read_text(encoding="utf-8").splitlines())))]
    for gold_path in sorted(folder.glob("test*.defr")):
        de_path, fr_path = gold_path.with_suffix(".de"), gold_path.with_suffix(".fr")
        if not (de_path.is_file() and fr_path.is_file()):
            sys.exit(f"{gold_path}: {de_path.name} or {fr_path.name} is missing beside it")
        out.append((gold_path.stem, (read_lines(de_path), read_lines(fr_path),
                                     parse_beads(gold_path.read_text(encoding="utf-8").splitlines()))))
    if len(out) == 1:
        sys.exit(f"{folder}: no test*.defr file (the Text+Berg test articles)")
    return out


def hunalign_beads(hunalign: str, part: Part) -> Beads:
    """hunalign's beads on one article (no dictionary, no -realign), through
    ``align_textberg.measure_hunalign`` on the article's lines."""
    import tempfile

    from align_textberg import measure_hunalign

    with tempfile.TemporaryDirectory() as tmp:
        de_path, fr_path = Path(tmp) / "a.de", Path(tmp) / "a.fr"
        de_path.write_text("\n".join(part[0]) + "\n", encoding="utf-8")
        fr_path.write_text("\n".join(part[1]) + "\n", encoding="utf-8")
        return [(tuple(s), tuple(t)) for s, t, _ in measure_hunalign(hunalign, de_path, fr_path, realign=False)["beads"]]


def keeps_captions(dev: Part, params: CostParams, cache: dict) -> bool:
    """Whether the block of 36 French photo captions and OCR lines (16-51) that
    the German lacks stays unaligned, each line a null bead, in the dev
    article's first 20 German and 58 French sentences (the check of
    ``tests/test_align_null_runs.py``): a candidate that glues them is not chosen."""
    src, tgt, _ = dev
    (beads, _), = align_parts([(src[:20], tgt[:58], [])], params, cache)
    return all(((), (j,)) in beads for j in range(16, 52))


def _run_candidate(job: tuple[CostParams, list[Part], list[Part]]) -> tuple[list, float, float]:
    """One candidate on every article and on the UN pairs (in a worker process):
    the beads, the UN strict F1 (0 if it glues the dev article's captions: both
    sanity checks in one figure) and the CPU seconds it took."""
    params, parts, un = job
    start = time.process_time()
    cache: dict = {}
    pairs = align_parts(parts, params, cache)
    sanity = strict_f1(un, params, cache) if keeps_captions(parts[0], params, cache) else 0.0
    return pairs, sanity, time.process_time() - start


def leave_one_out(grid: list[CostParams], folder: Path, hunalign: str | None, jobs: int) -> None:
    """Every candidate on every article once; then each fold's choice on the seven others."""
    articles = read_articles(folder)
    un = un_pairs()
    cache: dict = {}
    parts = [part for _, part in articles]
    work = [(params, parts, un) for params in grid]
    if jobs > 1:
        from multiprocessing import Pool

        with Pool(jobs) as pool:
            results = pool.map(_run_candidate, work, chunksize=1)
    else:
        results = [_run_candidate(job) for job in work]
    beads = {k: pairs for k, (pairs, _, _) in enumerate(results)}
    f1_un = {k: f1 for k, (_, f1, _) in enumerate(results)}
    elapsed = sum(cpu for _, _, cpu in results)
    names = [name for name, _ in articles]
    print(f"{len(articles)} Text+Berg articles (German-French: {', '.join(names)}),"
          f" {sum(len(p[0]) for _, p in articles)} x {sum(len(p[1]) for _, p in articles)} sentences,"
          f" {sum(len(p[2]) for _, p in articles)} gold beads; A/RES/55/100: 15 language pairs x {len(un[0][2])} units")
    print(f"{len(grid)} candidates, {elapsed:.1f} s CPU\n")
    print(f"{'candidate':<86} " + " ".join(f"{n:>6}" for n in names) + f" {'pooled':>6} {'UN':>6}")
    for k, params in enumerate(grid):
        print(f"{describe(params):<86} " + " ".join(f"{pooled_f1([pair]):>6.3f}" for pair in beads[k])
              + f" {pooled_f1(beads[k]):>6.3f} {f1_un[k]:>6.3f}")
    shipped = align_parts(parts, PREVIOUS, cache)
    peer = [(hunalign_beads(hunalign, part), part[2]) for _, part in articles] if hunalign else None
    everything = list(range(len(grid)))
    folds(f"Leave one article out, the whole grid ({len(grid)} candidates)", articles, grid, everything, beads,
          f1_un, shipped, peer)
    weak_only = [k for k in everything if describe(replace(grid[k], weak_boundary=0.0)) == describe(PREVIOUS)]
    folds(f"Leave one article out, the weak-boundary cost alone ({len(weak_only)} candidates: the weights shipped"
          " before, weak 0, 4 or 8)", articles, grid, weak_only, beads, f1_un, shipped, peer)
    current = align_parts(parts, CostParams(), cache)
    print(f"\nthe current defaults ({describe(CostParams())}): pooled {pooled_f1(current):.3f}, "
          + ", ".join(f"{name} {pooled_f1([pair]):.3f}" for (name, _), pair in zip(articles, current)))


#: The weights shipped before the leave-one-article-out cross-validation (the
#: ``CostParams`` defaults of the time): what a choice must beat to be shipped.
PREVIOUS = CostParams(lexical_weight=30.0, null_cost=15.0, priors=with_runs(0.003), weak_boundary=0.0)


def folds(title: str, articles: list[tuple[str, Part]], grid: list[CostParams], allowed: list[int],
          beads: dict[int, list[tuple[Beads, Beads]]], f1_un: dict[int, float],
          shipped: list[tuple[Beads, Beads]], peer: list[tuple[Beads, Beads]] | None) -> None:
    """Each article scored with the candidate (among ``allowed``) chosen on the
    seven others; the means beside those of the weights shipped before and hunalign."""
    print(f"\n{title}\n(strict F1; chosen on the seven other articles, pooled; the left-out article never seen"
          " while choosing)")
    print(f"{'left out':<8} {'sentences':>9} {'gold':>5} {'chosen on the seven others':<86} {'seven':>6}"
          f" {'held-out':>8} {'before':>7}" + (f" {'hunalign':>8}" if peer else ""))
    un = {k: f1_un[k] for k in allowed}
    held: list[tuple[Beads, Beads]] = []
    for a, (name, (src, tgt, gold)) in enumerate(articles):
        others = {k: pooled_f1([pair for b, pair in enumerate(beads[k]) if b != a]) for k in allowed}
        k = choose(grid, others, un)
        held.append(beads[k][a])
        print(f"{name:<8} {f'{len(src)}x{len(tgt)}':>9} {len(gold):>5} {describe(grid[k]):<86} {others[k]:>6.3f}"
              f" {pooled_f1([beads[k][a]]):>8.3f} {pooled_f1([shipped[a]]):>7.3f}"
              + (f" {pooled_f1([peer[a]]):>8.3f}" if peer else ""))
    rows = [("leave-one-out choice", held), (f"shipped before ({describe(PREVIOUS)})", shipped)]
    if peer:
        rows.append(("hunalign, no dictionary", peer))
    for name, pairs in rows:
        macro = sum(pooled_f1([pair]) for pair in pairs) / len(pairs)
        print(f"{name:<100} micro {pooled_f1(pairs):.3f}  macro {macro:.3f}")
    whole = {k: pooled_f1(beads[k]) for k in allowed}
    k = choose(grid, whole, un)
    better = pooled_f1(held) > pooled_f1(shipped)
    print(f"chosen on all {len(articles)} articles: {describe(grid[k])}: pooled {whole[k]:.3f}, UN {f1_un[k]:.3f}"
          f"\nleave-one-out micro {pooled_f1(held):.3f} vs shipped before {pooled_f1(shipped):.3f}:"
          f" {'ship the choice on all articles' if better else 'keep the weights shipped before'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="4 candidates instead of 144 (72 with --test)")
    parser.add_argument("--test", metavar="DIR", type=Path,
                        help="leave one article out over the dev article and the Text+Berg test articles in DIR")
    parser.add_argument("--hunalign", metavar="PATH", help="the hunalign executable (default: $HUNALIGN, else PATH)")
    parser.add_argument("--jobs", type=int, default=1, help="candidates aligned in parallel (leave-one-out only)")
    args = parser.parse_args()
    for needed in ("textberg-dev", "opus-un-6way"):
        if not (DATA / needed).is_dir():
            sys.exit(f"skipped: {DATA / needed} is absent")
    if args.test:
        from align_textberg import find_hunalign

        hunalign = find_hunalign(args.hunalign)
        if hunalign is None:
            print("notice: hunalign not found (--hunalign PATH or HUNALIGN=PATH): its column is skipped\n")
        leave_one_out(candidates(args.quick, weak=True), args.test, hunalign, args.jobs)
        return
    halves(candidates(args.quick))


def halves(grid: list[CostParams]) -> None:
    """The earlier cross-validation: the two halves of the dev article."""
    data = DATA / "textberg-dev"
    de, fr = read_lines(data / "dev.de"), read_lines(data / "dev.fr")
    gold = parse_beads((data / "dev.defr").read_text(encoding="utf-8").splitlines())
    half_a, half_b = split_article(de, fr, gold)
    un = un_pairs()
    cache: dict = {}
    start = time.process_time()
    f1_a, f1_b, f1_un, f1_whole = {}, {}, {}, {}
    for k, params in enumerate(grid):
        f1_a[k] = strict_f1([half_a], params, cache)
        f1_b[k] = strict_f1([half_b], params, cache)
        f1_un[k] = strict_f1(un, params, cache)
        f1_whole[k] = strict_f1([(de, fr, gold)], params, cache)
    elapsed = time.process_time() - start
    print(f"Text+Berg dev article cut in two: A = de 0-{len(half_a[0]) - 1} / fr 0-{len(half_a[1]) - 1}"
          f" ({len(half_a[2])} gold beads), B = the rest ({len(half_b[2])} gold beads);"
          f" A/RES/55/100: 15 language pairs x {len(un[0][2])} units")
    print(f"{len(grid)} candidates, {elapsed:.1f} s CPU\n")
    print(f"{'candidate':<86} {'F1 A':>6} {'F1 B':>6} {'F1 UN':>6} {'F1 whole':>8}")
    for k, params in enumerate(grid):
        print(f"{describe(params):<86} {f1_a[k]:>6.3f} {f1_b[k]:>6.3f} {f1_un[k]:>6.3f} {f1_whole[k]:>8.3f}")
    print("\nCross-validation (strict F1; chosen on one half, held-out = the other half, never seen while choosing)")
    print(f"{'tuned on':<9} {'chosen':<86} {'tuning half':>11} {'held-out half':>13} {'UN 15 pairs':>11}")
    held = []
    for name, tune, test in (("A", f1_a, f1_b), ("B", f1_b, f1_a)):
        k = choose(grid, tune, f1_un)
        held.append(test[k])
        print(f"{name:<9} {describe(grid[k]):<86} {tune[k]:>11.3f} {test[k]:>13.3f} {f1_un[k]:>11.3f}")
    print(f"mean held-out strict F1: {sum(held) / len(held):.3f}")
    mean = {k: (f1_a[k] + f1_b[k] + f1_whole[k]) / 3 for k in f1_a}
    k = choose(grid, mean, f1_un)
    print(f"chosen on the whole dev article (best mean of A, B and whole): {describe(grid[k])},"
          f" mean {mean[k]:.3f}, whole {f1_whole[k]:.3f}, UN {f1_un[k]:.3f}")
    k = next((k for k, p in enumerate(grid) if describe(p) == describe(PREVIOUS)), None)
    if k is not None:
        print(f"\nshipped before ({describe(PREVIOUS)}): A {f1_a[k]:.3f}, B {f1_b[k]:.3f}, UN {f1_un[k]:.3f},"
              f" whole article {f1_whole[k]:.3f}")


if __name__ == "__main__":
    main()
