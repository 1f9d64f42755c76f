"""Sentence alignment on the Text+Berg dev article (German-French), with peers.

Quality: hexaglot (lines mode, ``aligner.align``), nltk's Gale-Church
(``nltk.translate.gale_church.align_blocks`` on sentence lengths, one block),
the PyPI ``galechurch`` package and hunalign (C++, no dictionary: an empty
dictionary file, with and without ``-realign``), each scored by
``aligner.align.score`` (Vecalign's convention, see ``../shared/data/README.md``):
strict and lax precision, recall, F1, and hexaglot's ratios to the peers. Then
hexaglot's confidence calibration on the same article. Then speed and peak
memory on the article repeated 1, 5, 20 and 50 times as one document: each run
is its own process, and its CPU time (user + system) and peak RSS are read from
the operating system when it ends (``os.wait4``), so the interpreter's start-up
and imports count for hexaglot as hunalign's start-up counts for it (each Python
system runs once untimed first and may write its bytecode caches, as an installed
package has them); hexaglot
also reports the CPU of its work alone (reading and aligning) and of the
alignment alone.

Run from the repository root: ``python benchmarks/align_textberg.py``
(``--quick``: quality and the 1x run only; ``--sizes 1,5``; ``--test DIR``:
quality only, on the Text+Berg test articles, held out from every choice of
weights: ``test0.de``, ``test0.fr``, ``test0.defr`` ... ``test6.*``, the
Bleualign test set as redistributed in the Vecalign repository's
``bleualign_data`` folder, GPL v2, not shipped here; ``--profile``:
hexaglot's profile on the article only; ``--hunalign PATH``
or the ``HUNALIGN`` environment variable: the hunalign executable, else
``hunalign`` on the PATH; without one the hunalign rows are skipped with a
notice). Needs ../shared/data/textberg-dev.

hunalign is built from its sources (github.com/danielvarga/hunalign,
``src/hunalign``: ``make``); it is a peer for this benchmark only.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from aligner.align.score import parse_beads, score_documents  # noqa: E402

DATA = REPO.parent / "shared" / "data" / "textberg-dev"


def read_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def run_hexaglot(de_path: Path, fr_path: Path) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    from aligner.align import align_documents
    from aligner.readers import read_document

    de = read_document(de_path, input_format="lines")
    fr = read_document(fr_path, input_format="lines")
    index_de = {u.id: k for k, u in enumerate(de.units)}
    index_fr = {u.id: k for k, u in enumerate(fr.units)}
    start = time.process_time()
    alignment = align_documents([de, fr], level="sentence")
    ALIGN_CPU["seconds"] = time.process_time() - start
    return [(tuple(index_de[u] for u in row.cells["de"].units), tuple(index_fr[u] for u in row.cells["fr"].units),
             row.score) for row in alignment.rows]


def run_galechurch(de_path: Path, fr_path: Path):
    import galechurch

    de, fr = read_lines(de_path), read_lines(fr_path)
    block = galechurch.align(de, fr, max_block_size=(len(de) + 1) * (len(fr) + 1) + 1)
    return [(tuple(range(b.source_start, b.source_end)), tuple(range(b.target_start, b.target_end)), 1.0)
            for b in block.beads]


def run_nltk(de_path: Path, fr_path: Path):
    from nltk.translate.gale_church import align_blocks

    de, fr = read_lines(de_path), read_lines(fr_path)
    links = align_blocks([len(s) for s in de], [len(s) for s in fr])
    return beads_from_links(links, len(de), len(fr))


def beads_from_links(links, n: int, m: int):
    """nltk gives sentence links; its beads are their connected components,
    and sentences in no link are null beads."""
    parent: dict = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in links:
        parent[find(("s", i))] = find(("t", j))
    groups: dict = {}
    for i, j in links:
        g = groups.setdefault(find(("s", i)), (set(), set()))
        g[0].add(i)
        g[1].add(j)
    beads = [(tuple(sorted(s)), tuple(sorted(t)), 1.0) for s, t in groups.values()]
    linked_s = {i for i, _ in links}
    linked_t = {j for _, j in links}
    beads += [((i,), (), 1.0) for i in range(n) if i not in linked_s]
    beads += [((), (j,), 1.0) for j in range(m) if j not in linked_t]
    return beads


SYSTEMS = {"hexaglot": run_hexaglot, "nltk": run_nltk, "galechurch": run_galechurch}


def child(system: str, de_path: str, fr_path: str) -> None:
    """Subprocess body: run one system once, print its work's CPU and the beads."""
    if system == "hexaglot":
        import aligner.align  # noqa: F401
        import aligner.readers  # noqa: F401
    elif system == "galechurch":
        import galechurch  # noqa: F401
    else:
        import nltk.translate.gale_church  # noqa: F401
    start = time.process_time()
    beads = SYSTEMS[system](Path(de_path), Path(fr_path))
    elapsed = time.process_time() - start
    print(json.dumps({"work_cpu": elapsed, "align_cpu": ALIGN_CPU.get("seconds", elapsed), "beads": beads}))


#: CPU of ``align_documents`` alone in the hexaglot child (reading left out).
ALIGN_CPU: dict[str, float] = {}


#: The processes measured may write their bytecode caches, as an installed package has them:
#: with PYTHONDONTWRITEBYTECODE set (some shells and containers set it), every run would
#: compile the checkout's modules again (0.1-0.3 s), which no installed hexaglot does.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_process(cmd: list[str], stdout_path: Path, cwd: Path = REPO) -> dict:
    """Run ``cmd`` in ``cwd`` with its output in ``stdout_path``; its CPU seconds
    (user + system) and peak RSS as the operating system counted them."""
    with open(stdout_path, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, cwd=cwd, env=CHILD_ENV)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.stderr.close()  # type: ignore[union-attr]
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed ({proc.returncode}): {err.strip()[-300:]}")
    return {"cpu": usage.ru_utime + usage.ru_stime, "peak_rss_mb": usage.ru_maxrss / 1024, "wall": wall}


def measure(system: str, de_path: Path, fr_path: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.json"
        usage = run_process([sys.executable, __file__, "--child", system, str(de_path), str(fr_path)], out)
        result = json.loads(out.read_text().strip().splitlines()[-1])
    result.update(usage)
    return result


def warm_up(de_path: Path, fr_path: Path) -> None:
    """Each Python system once, untimed, on the article's first 30 lines: it writes the
    bytecode caches of every module the measured runs import."""
    with tempfile.TemporaryDirectory() as tmp:
        small_de, small_fr = Path(tmp) / "head.de", Path(tmp) / "head.fr"
        small_de.write_text("\n".join(read_lines(de_path)[:30]) + "\n", encoding="utf-8")
        small_fr.write_text("\n".join(read_lines(fr_path)[:30]) + "\n", encoding="utf-8")
        for name in SYSTEMS:
            measure(name, small_de, small_fr)


def find_hunalign(given: str | None) -> str | None:
    path = given or os.environ.get("HUNALIGN") or shutil.which("hunalign")
    return path if path and Path(path).is_file() and os.access(path, os.X_OK) else None


def beads_from_ladder(lines, n: int, m: int):
    """hunalign's ladder (``i<TAB>j<TAB>score`` rungs) as beads: the segments
    between two consecutive rungs form one bead."""
    rungs = []
    for line in lines:
        parts = line.split()
        if len(parts) >= 2:
            rungs.append((int(parts[0]), int(parts[1])))
    if not rungs or rungs[0] != (0, 0):
        rungs.insert(0, (0, 0))
    if rungs[-1] != (n, m):
        rungs.append((n, m))
    return [(tuple(range(i0, i1)), tuple(range(j0, j1)), 1.0)
            for (i0, j0), (i1, j1) in zip(rungs, rungs[1:]) if i1 > i0 or j1 > j0]


def measure_hunalign(hunalign: str, de_path: Path, fr_path: Path, realign: bool = True) -> dict:
    n, m = len(read_lines(de_path)), len(read_lines(fr_path))
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "null.dic"  # no dictionary: hunalign's documented way
        empty.write_bytes(b"")
        out = Path(tmp) / "out.ladder"
        cmd = [hunalign] + (["-realign"] if realign else []) + ["-utf", str(empty), str(de_path), str(fr_path)]
        usage = run_process(cmd, out, cwd=Path(tmp))  # hunalign writes a translate.txt where it runs
        usage["beads"] = beads_from_ladder(out.read_text(encoding="utf-8").splitlines(), n, m)
    return usage


def fmt(x: float) -> str:
    return f"{x:.3f}"


def quality(title: str, articles: list[tuple[Path, Path, list]], hunalign: str | None) -> dict:
    """Every system on every article (one process per run), strict and lax
    scores pooled over the articles; the results of the last article."""
    names = ["hexaglot", "nltk", "galechurch"] + (["hunalign", "hunalign -realign"] if hunalign else [])
    pairs: dict[str, list] = {name: [] for name in names}
    cpu = {name: 0.0 for name in names}
    peak = {name: 0.0 for name in names}
    results: dict = {}
    warm_up(articles[0][0], articles[0][1])
    for de_path, fr_path, gold in articles:
        results = {name: measure(name, de_path, fr_path) for name in ("hexaglot", "nltk", "galechurch")}
        if hunalign:
            results["hunalign"] = measure_hunalign(hunalign, de_path, fr_path, realign=False)
            results["hunalign -realign"] = measure_hunalign(hunalign, de_path, fr_path, realign=True)
        for name, r in results.items():
            pairs[name].append(([(tuple(s), tuple(t)) for s, t, _ in r["beads"]], gold))
            cpu[name] += r["cpu"]
            peak[name] = max(peak[name], r["peak_rss_mb"])
    scores = {name: score_documents(pairs[name]) for name in names}
    print(title)
    print(f"{'system':<18} {'strict P':>9} {'strict R':>9} {'strict F1':>9} {'lax P':>7} {'lax R':>7} {'lax F1':>7}"
          f" {'beads':>6} {'CPU s':>7} {'peak MB':>8}")
    for name, sc in scores.items():
        st, lx = sc["strict"], sc["lax"]
        beads = sum(len(system) for system, _ in pairs[name])
        print(f"{name:<18} {fmt(st.precision):>9} {fmt(st.recall):>9} {fmt(st.f1):>9} {fmt(lx.precision):>7}"
              f" {fmt(lx.recall):>7} {fmt(lx.f1):>7} {beads:>6} {cpu[name]:>7.2f} {peak[name]:>8.1f}")
    if len(articles) > 1:  # each article's strict F1 (the pooled figure weighs long articles most)
        print(f"\nstrict F1 by article: {'system':<18} " + " ".join(f"{de.stem:>6}" for de, _, _ in articles)
              + f" {'macro':>6}")
        for name in names:
            each = [score_documents([pair])["strict"].f1 for pair in pairs[name]]
            print(f"{'':<21} {name:<18} " + " ".join(f"{f:>6.3f}" for f in each) + f" {sum(each) / len(each):>6.3f}")
    hx = scores["hexaglot"]
    for peer in scores:
        if peer != "hexaglot":
            print(f"hexaglot / {peer}: strict F1 x{hx['strict'].f1 / scores[peer]['strict'].f1:.2f}, "
                  f"lax F1 x{hx['lax'].f1 / scores[peer]['lax'].f1:.2f}")
    return results


def test_articles(folder: Path) -> list[tuple[Path, Path, list]]:
    """The Text+Berg test articles in ``folder`` (``testN.de``, ``testN.fr``, ``testN.defr``)."""
    out = []
    for gold_path in sorted(folder.glob("test*.defr")):
        de_path, fr_path = gold_path.with_suffix(".de"), gold_path.with_suffix(".fr")
        if not (de_path.is_file() and fr_path.is_file()):
            sys.exit(f"{gold_path}: {de_path.name} or {fr_path.name} is missing beside it")
        out.append((de_path, fr_path, parse_beads(gold_path.read_text(encoding="utf-8").splitlines())))
    if not out:
        sys.exit(f"{folder}: no test*.defr file (the Text+Berg test articles)")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="quality and the 1x speed run only")
    parser.add_argument("--sizes", default="1,5,20,50", help="repetitions of the article for the speed runs")
    parser.add_argument("--hunalign", metavar="PATH", help="the hunalign executable (default: $HUNALIGN, else PATH)")
    parser.add_argument("--profile", action="store_true",
                        help="only profile hexaglot on the article (cProfile, cumulative time) and stop")
    parser.add_argument("--test", metavar="DIR", type=Path,
                        help="only the quality table, on the Text+Berg test articles in DIR")
    parser.add_argument("--child", nargs=3, metavar=("SYSTEM", "DE", "FR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    hunalign = find_hunalign(args.hunalign)
    if args.test:
        articles = test_articles(args.test)
        if hunalign is None:
            print("notice: hunalign not found (--hunalign PATH or HUNALIGN=PATH): its rows are skipped\n")
        sentences = sum(len(read_lines(de)) for de, _, _ in articles), sum(len(read_lines(fr)) for _, fr, _ in articles)
        quality(f"Text+Berg test articles, German-French ({len(articles)} articles, {sentences[0]} x {sentences[1]}"
                f" sentences, {sum(len(g) for _, _, g in articles)} gold beads; pooled)", articles, hunalign)
        return
    if not DATA.is_dir():
        sys.exit(f"skipped: {DATA} is absent")
    if args.profile:
        profile(DATA / "dev.de", DATA / "dev.fr")
        return
    if hunalign is None:
        print("notice: hunalign not found (--hunalign PATH or HUNALIGN=PATH): its rows are skipped\n")
    gold = parse_beads((DATA / "dev.defr").read_text().splitlines())
    de_path, fr_path = DATA / "dev.de", DATA / "dev.fr"
    results = quality("Text+Berg dev article, German-French (468 x 554 sentences, 422 gold beads)",
                      [(de_path, fr_path, gold)], hunalign)
    calibration(results["hexaglot"]["beads"], gold)
    sizes = [1] if args.quick else [int(x) for x in args.sizes.split(",") if x.strip()]
    speed(de_path, fr_path, gold, sizes, hunalign, results)


def profile(de_path: Path, fr_path: Path) -> None:
    """Where hexaglot's time goes on one article: reading, then aligning."""
    import cProfile
    import pstats

    import aligner.align  # noqa: F401
    import aligner.readers  # noqa: F401

    profiler = cProfile.Profile()
    profiler.enable()
    run_hexaglot(de_path, fr_path)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def calibration(beads, gold) -> None:
    gold_set = {(tuple(s), tuple(t)) for s, t in gold}
    print("\nhexaglot confidence calibration on the dev article (row score vs exactly right)")
    print(f"{'score bin':<12} {'rows':>5} {'mean score':>11} {'exact':>7}")
    edges = [0.0, 0.5, 0.7, 0.8, 0.9, 1.01]
    for lo, hi in zip(edges, edges[1:]):
        chosen = [(score, (tuple(s), tuple(t)) in gold_set) for s, t, score in beads if lo <= score < hi and (s or t)]
        if chosen:
            mean = sum(c[0] for c in chosen) / len(chosen)
            exact = sum(c[1] for c in chosen) / len(chosen)
            print(f"[{lo:.1f}, {min(hi, 1.0):.1f}) {len(chosen):>5} {mean:>11.3f} {exact:>7.3f}")


#: galechurch fills the whole matrix: beyond this many repetitions it is left out.
GALECHURCH_MAX_SIZE = 20


def speed(de_path: Path, fr_path: Path, gold, sizes: list[int], hunalign: str | None, first: dict) -> None:
    """hexaglot against hunalign -realign (and galechurch up to 20x), each run
    in its own process, on the article repeated ``sizes`` times."""
    lines_de, lines_fr = read_lines(de_path), read_lines(fr_path)
    n_de, n_fr = len(lines_de), len(lines_fr)
    print("\nSpeed and peak memory: the article repeated N times as one document, one process per run."
          "\nCPU s = user + system CPU of the whole process (interpreter start-up and imports included);"
          "\nwork s = hexaglot's reading + aligning; align s = align_documents alone; peak MB = the process's"
          " peak RSS")
    print(f"{'N':>3} {'sentences':>13} {'system':<18} {'CPU s':>8} {'work s':>7} {'align s':>8} {'peak MB':>8}"
          f" {'strict F1':>9}")
    rows = {}
    for size in sizes:
        gold_n = [(tuple(i + n_de * k for i in s), tuple(j + n_fr * k for j in t)) for k in range(size) for s, t in gold]
        with tempfile.TemporaryDirectory() as tmp:
            big_de, big_fr = Path(tmp) / f"dev{size}.de", Path(tmp) / f"dev{size}.fr"
            big_de.write_text("\n".join(lines_de * size) + "\n", encoding="utf-8")
            big_fr.write_text("\n".join(lines_fr * size) + "\n", encoding="utf-8")
            res = {"hexaglot": measure("hexaglot", big_de, big_fr) if size > 1 else first["hexaglot"]}
            if hunalign:
                res["hunalign -realign"] = (measure_hunalign(hunalign, big_de, big_fr) if size > 1
                                            else first["hunalign -realign"])
            if size <= GALECHURCH_MAX_SIZE:
                res["galechurch"] = measure("galechurch", big_de, big_fr) if size > 1 else first["galechurch"]
        rows[size] = res
        for name, r in res.items():
            f1 = score_documents([([(tuple(s), tuple(t)) for s, t, _ in r["beads"]], gold_n)])["strict"].f1
            work = f"{r['work_cpu']:>7.2f}" if "work_cpu" in r else f"{'-':>7}"
            align = f"{r['align_cpu']:>8.2f}" if name == "hexaglot" else f"{'-':>8}"
            print(f"{size:>3} {f'{n_de * size}x{n_fr * size}':>13} {name:<18} {r['cpu']:>8.2f} {work} {align}"
                  f" {r['peak_rss_mb']:>8.1f} {fmt(f1):>9}")
        hx = res["hexaglot"]
        if "hunalign -realign" in res:
            hu = res["hunalign -realign"]
            print(f"{'':>3} {'':>13} hexaglot / hunalign -realign: CPU x{hx['cpu'] / hu['cpu']:.2f}"
                  f" (alignment alone x{hx['align_cpu'] / hu['cpu']:.2f}), peak memory x{hx['peak_rss_mb'] / hu['peak_rss_mb']:.2f}")
        if size > GALECHURCH_MAX_SIZE:
            print(f"{'':>3} {'':>13} galechurch left out (full {n_de * size} x {n_fr * size} matrix)")
    if len(rows) > 1:
        small, big = min(rows), max(rows)
        for name in ("hexaglot", "hunalign -realign"):
            if name in rows[small] and name in rows[big]:
                key = "align_cpu" if name == "hexaglot" else "cpu"
                growth = rows[big][name][key] / rows[small][name][key]
                print(f"{name} time growth from {small}x to {big}x: x{growth:.1f} (linear: x{big / small:.0f})")


if __name__ == "__main__":
    main()
