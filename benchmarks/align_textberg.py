"""Sentence alignment on the Text+Berg dev article (German-French), with peers.

Quality: hexaglot (lines mode, ``aligner.align``), nltk's Gale-Church
(``nltk.translate.gale_church.align_blocks`` on sentence lengths, one block)
and the PyPI ``galechurch`` package, each scored by ``aligner.align.score``
(Vecalign's convention, see ``../shared/data/README.md``): strict and lax
precision, recall, F1, and hexaglot's ratios to the peers. Then hexaglot's
confidence calibration on the same article. Then speed and peak memory
(each system in its own subprocess, ``ru_maxrss``) on the article and on it
repeated 20 times as one document, hexaglot against ``galechurch``.

Run from the repository root: ``python benchmarks/align_textberg.py``
(``--quick`` skips the 20x run). Needs ../shared/data/textberg-dev.
"""

from __future__ import annotations

import argparse
import json
import resource
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
    alignment = align_documents([de, fr], level="sentence")
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
    """Subprocess body: run one system once, print time, memory and beads."""
    # imports are not timed: each system is measured on its work alone
    if system == "hexaglot":
        import aligner.align  # noqa: F401
        import aligner.readers  # noqa: F401
    elif system == "galechurch":
        import galechurch  # noqa: F401
    else:
        import nltk.translate.gale_church  # noqa: F401
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    beads = SYSTEMS[system](Path(de_path), Path(fr_path))
    elapsed = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": elapsed, "peak_rss_mb": rss / 1024, "start_rss_mb": rss_before / 1024,
                      "beads": beads}))


def measure(system: str, de_path: Path, fr_path: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", system, str(de_path), str(fr_path)],
                         capture_output=True, text=True, check=True, cwd=REPO)
    return json.loads(out.stdout.strip().splitlines()[-1])


def fmt(x: float) -> str:
    return f"{x:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the 20x speed run")
    parser.add_argument("--child", nargs=3, metavar=("SYSTEM", "DE", "FR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    if not DATA.is_dir():
        sys.exit(f"skipped: {DATA} is absent")
    gold = parse_beads((DATA / "dev.defr").read_text().splitlines())
    de_path, fr_path = DATA / "dev.de", DATA / "dev.fr"
    results = {name: measure(name, de_path, fr_path) for name in ("hexaglot", "nltk", "galechurch")}
    scores = {name: score_documents([([(tuple(s), tuple(t)) for s, t, _ in r["beads"]], gold)])
              for name, r in results.items()}
    print("Text+Berg dev article, German-French (468 x 554 sentences, 422 gold beads)")
    print(f"{'system':<12} {'strict P':>9} {'strict R':>9} {'strict F1':>9} {'lax P':>7} {'lax R':>7} {'lax F1':>7}"
          f" {'beads':>6} {'seconds':>8} {'peak MB':>8}")
    for name, sc in scores.items():
        st, lx = sc["strict"], sc["lax"]
        r = results[name]
        print(f"{name:<12} {fmt(st.precision):>9} {fmt(st.recall):>9} {fmt(st.f1):>9} {fmt(lx.precision):>7}"
              f" {fmt(lx.recall):>7} {fmt(lx.f1):>7} {len(r['beads']):>6} {r['seconds']:>8.2f} {r['peak_rss_mb']:>8.1f}")
    hx = scores["hexaglot"]
    for peer in ("nltk", "galechurch"):
        print(f"hexaglot / {peer}: strict F1 x{hx['strict'].f1 / scores[peer]['strict'].f1:.2f}, "
              f"lax F1 x{hx['lax'].f1 / scores[peer]['lax'].f1:.2f}")
    calibration(results["hexaglot"]["beads"], gold)
    if not args.quick:
        speed(de_path, fr_path, gold, results)


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


def speed(de_path: Path, fr_path: Path, gold, small: dict) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        big_de, big_fr = Path(tmp) / "dev20.de", Path(tmp) / "dev20.fr"
        big_de.write_text("\n".join(read_lines(de_path) * 20) + "\n", encoding="utf-8")
        big_fr.write_text("\n".join(read_lines(fr_path) * 20) + "\n", encoding="utf-8")
        big = {name: measure(name, big_de, big_fr) for name in ("hexaglot", "galechurch")}
    n_de, n_fr = len(read_lines(de_path)), len(read_lines(fr_path))
    gold20 = [(tuple(i + n_de * k for i in s), tuple(j + n_fr * k for j in t)) for k in range(20) for s, t in gold]
    print("\nSpeed and peak memory (one subprocess per run; peak RSS includes the interpreter and the"
          " imported libraries, growth MB is the peak minus the RSS before the run)")
    print(f"{'input':<22} {'system':<11} {'seconds':>8} {'peak MB':>8} {'growth MB':>9} {'strict F1':>9}")
    for label, res, g in (("dev (468x554)", small, gold), (f"dev x20 ({n_de * 20}x{n_fr * 20})", big, gold20)):
        for name in ("hexaglot", "galechurch"):
            r = res[name]
            f1 = score_documents([([(tuple(s), tuple(t)) for s, t, _ in r["beads"]], g)])["strict"].f1
            growth = r["peak_rss_mb"] - r["start_rss_mb"]
            print(f"{label:<22} {name:<11} {r['seconds']:>8.2f} {r['peak_rss_mb']:>8.1f} {growth:>9.1f} {fmt(f1):>9}")
        print(f"{'':<22} galechurch/hexaglot time x{res['galechurch']['seconds'] / res['hexaglot']['seconds']:.2f}, "
              f"memory x{res['galechurch']['peak_rss_mb'] / res['hexaglot']['peak_rss_mb']:.2f}")
    growth = big["hexaglot"]["seconds"] / small["hexaglot"]["seconds"]
    print(f"hexaglot time growth for 20x the input: x{growth:.1f} (linear would be x20, quadratic x400)")


if __name__ == "__main__":
    main()
