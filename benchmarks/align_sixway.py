"""Six-way paragraph alignment of long documents: CPU time, peak memory and growth, beside hunalign.

Each of the six versions of a resolution is repeated N times as one document (the copies
follow each other as annexes do; the reader numbers only the first copy's paragraphs, so
past it the alignment must place itself without numbers), and ``align_documents`` aligns
the six at paragraph level (French the pivot, five pairs). Each size runs in its own
subprocess: CPU time of the alignment alone (``time.process_time`` around
``align_documents``; reading the files is shown apart), and the child's peak resident
memory (``ru_maxrss``). The growth exponent is the least-squares slope of log(CPU time)
against log(N): 1 is linear.

The peer, hunalign (C++, https://github.com/danielvarga/hunalign, built from source and
given with ``--hunalign PATH``; skipped with a notice without it), aligns the same five
pairs (fr-en, fr-es, fr-ru, fr-zh, fr-ar) from the same paragraphs, one a line, with no
dictionary (``-utf``: lengths in characters); its CPU time is the sum of the five runs
(``os.wait4``), its memory the largest of them. Preparing its input files is not timed.

Dev: E/RES/2023/26 (the sample the aligner was built on). Held out: A/RES/55/100 (never
looked at while making this fast).

Run from the repository root: ``python benchmarks/align_sixway.py [--hunalign PATH]
[--sizes 1,2,5,10,20,50]``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from large_input import slope  # noqa: E402  (least-squares slope of log y against log x)

LANGS = ("fr", "en", "es", "ru", "zh", "ar")
SETS = (("dev", REPO / "samples" / "E-RES-2023-26"), ("held-out", REPO / "samples" / "A-RES-55-100"))


def child(folder: str) -> None:
    """Read and align the six versions in ``folder``; print the figures as JSON."""
    import resource

    from aligner.align import align_documents
    from aligner.readers import read_document

    start = time.process_time()
    documents = [read_document(Path(folder) / f"{lang}.md") for lang in LANGS]
    read = time.process_time() - start
    start = time.process_time()
    alignment = align_documents(documents)
    cpu = time.process_time() - start
    # one paragraph a line, the units hexaglot read: the peer's input
    for doc in documents[1:] + documents[:1]:
        lines = "\n".join(" ".join(u.text.split()) for u in doc.units) + "\n"
        (Path(folder) / f"{doc.lang}.txt").write_text(lines, encoding="utf-8")
    print(json.dumps({"read": read, "cpu": cpu, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "rows": len(alignment.rows), "units": len(documents[0].units)}))


def repeat_set(source: Path, times: int, folder: Path) -> None:
    for lang in LANGS:
        text = (source / f"{lang}.md").read_text(encoding="utf-8")
        (folder / f"{lang}.md").write_text("\n\n".join([text] * times), encoding="utf-8")


#: The child may write its bytecode caches, as an installed package has them (with
#: PYTHONDONTWRITEBYTECODE set, a module imported during the alignment would be compiled
#: inside the timed part); the first size runs once untimed to write them.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure_hexaglot(folder: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(folder)], capture_output=True, text=True,
                         check=True, cwd=REPO, env=CHILD_ENV)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure_hunalign(binary: str, folder: Path) -> dict:
    """The five pairs with the pivot, each in its own process: summed CPU, largest peak memory."""
    empty = folder / "empty.dic"
    empty.write_text("", encoding="utf-8")
    cpu, rss = 0.0, 0.0
    for lang in LANGS[1:]:
        with open(os.devnull, "w") as sink:
            proc = subprocess.Popen([binary, "-utf", str(empty), str(folder / "fr.txt"), str(folder / f"{lang}.txt")],
                                    stdout=sink, stderr=subprocess.DEVNULL, cwd=folder)  # it leaves a translate.txt
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise SystemExit(f"hunalign failed on fr-{lang} in {folder} (exit {proc.returncode})")
        cpu += usage.ru_utime + usage.ru_stime
        rss = max(rss, usage.ru_maxrss / 1024)
    return {"cpu": cpu, "rss": rss}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1,2,5,10,20,50", help="repetitions, comma-separated")
    parser.add_argument("--hunalign", help="path of a hunalign binary (the peer); skipped if absent")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    peer = args.hunalign if args.hunalign and os.access(args.hunalign, os.X_OK) else None
    if not peer:
        print(f"hunalign: {'not found at ' + args.hunalign if args.hunalign else 'no --hunalign PATH given'}; "
              "the peer's columns are left out")
    for name, source in SETS:
        print(f"\n{name}: {source.name}, six versions repeated N times, paragraph level, pivot fr")
        head = f"{'N':>4} {'units':>6} {'rows':>6} {'read s':>7} {'align s':>8} {'MB':>6}"
        if peer:
            head += f" {'hunalign s':>11} {'MB':>6} {'ratio':>6}"
        print(head)
        figures = []
        for times in sizes:
            with tempfile.TemporaryDirectory() as tmp:
                folder = Path(tmp)
                repeat_set(source, times, folder)
                if not figures:
                    measure_hexaglot(folder)  # untimed: writes the bytecode caches
                ours = measure_hexaglot(folder)
                theirs = measure_hunalign(peer, folder) if peer else None
            figures.append((times, ours, theirs))
            line = (f"{times:>4} {ours['units']:>6} {ours['rows']:>6} {ours['read']:>7.2f} {ours['cpu']:>8.2f} "
                    f"{ours['rss']:>6.0f}")
            if theirs:
                line += f" {theirs['cpu']:>11.2f} {theirs['rss']:>6.0f} {ours['cpu'] / max(theirs['cpu'], 1e-3):>6.2f}"
            print(line, flush=True)
        if len(figures) >= 2:
            xs = [t for t, _, _ in figures]
            text = f"growth exponent (CPU): hexaglot {slope(xs, [o['cpu'] for _, o, _ in figures]):.2f}"
            if peer:
                text += f", hunalign {slope(xs, [h['cpu'] for _, _, h in figures]):.2f}"
            upper = [f for f in figures if f[0] >= 5]
            if len(upper) >= 2:
                text += f"; from N=5: hexaglot {slope([t for t, _, _ in upper], [o['cpu'] for _, o, _ in upper]):.2f}"
                if peer:
                    text += f", hunalign {slope([t for t, _, _ in upper], [h['cpu'] for _, _, h in upper]):.2f}"
            print(text)
            print(f"memory exponent: hexaglot {slope(xs, [o['rss'] for _, o, _ in figures]):.2f}"
                  + (f", hunalign {slope(xs, [h['rss'] for _, _, h in figures]):.2f}" if peer else ""))


if __name__ == "__main__":
    main()
