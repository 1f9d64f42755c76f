"""Time and peak memory of ``hexaglot segment`` on large generated inputs, beside a peer.

Run: ``python benchmarks/large_input.py [--scale 1.0]``. Each input is generated in a
temporary folder at three sizes (each twice the one before), read in a fresh process,
and timed with its peak resident memory (``ru_maxrss`` of the child). The growth exponent
is the slope of log(time) and log(memory) against log(input size): 1 is linear.

Inputs:

- ``preamble``: a resolution whose body is N one-line preambular paragraphs (a real
  document shape, read in full);
- ``wrapped``: a resolution hard-wrapped at 20 characters, N lines, one numbered
  paragraph every few lines (the numbers pass 999, the last number the reader knows, so
  the later paragraphs join op.999 until it passes the paragraph limit and the file is
  refused);
- ``oneline``: one paragraph on a single line of N bytes (refused at the paragraph limit);
- ``noise``: N short lines with no structure (refused: no recognisable structure).

The peer reads the same file in a fresh Python process, decodes it and splits it into
lines and then into sentences with one regular expression (``[.!?] ``): the least any
reader of the file must do, so the ratio says how much more hexaglot does per byte.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import resource
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

SENTENCES = [
    "*Rappelant* toutes ses résolutions relatives à l'assistance technique en matière de lutte contre le "
    "terrorisme, notamment sa résolution [74/175](#) du 18 décembre 2019.",
    "Elle prie l'Office des Nations Unies contre la drogue et le crime de continuer à fournir une "
    "assistance<sup>1</sup> aux États Membres.",
    "Réaffirmant la Stratégie antiterroriste mondiale des Nations Unies, adoptée le 8 septembre 2006, et "
    "rappelant les examens biennaux de la Stratégie, dont le plus récent, *par.* 5.",
]
HEAD = ("# Résolution adoptée par le Conseil économique et social le 25 juillet 2023\n\n"
        "## 2023/26. Assistance technique en matière de lutte contre le terrorisme\n\n*L'Assemblée générale*,\n\n")
TAIL = "\n\n*52<sup>e</sup> séance plénière\n25 juillet 2023*\n\n<sup>1</sup> Résolution 60/288.\n"

PEER = ("import re, sys; t = open(sys.argv[1], encoding='utf-8').read(); "
        "n = sum(len(re.split(r'(?<=[.!?]) ', line)) for line in t.split('\\n')); print(n)")


def generate(kind: str, n: int, path: Path) -> None:
    rnd = random.Random(1)
    with open(path, "w", encoding="utf-8") as out:
        if kind == "preamble":
            out.write(HEAD)
            for _ in range(n):
                out.write(rnd.choice(SENTENCES).rstrip(".") + ",\n\n")
            out.write("1. Prie le Secrétaire général de lui faire rapport." + TAIL)
        elif kind == "wrapped":
            out.write(HEAD)
            lines = number = 0
            while lines < n:
                number += 1
                for line in textwrap.wrap(f"{number}. " + " ".join(rnd.choice(SENTENCES) for _ in range(3)), 20):
                    out.write(line + "\n")
                    lines += 1
                out.write("\n")
                lines += 1
            out.write(TAIL)
        elif kind == "oneline":
            out.write(HEAD)
            parts, size = [], 0
            while size < n:
                sentence = rnd.choice(SENTENCES)
                parts.append(sentence)
                size += len(sentence.encode("utf-8")) + 1
            out.write(" ".join(parts) + "\n" + TAIL)
        elif kind == "noise":
            for _ in range(n):
                out.write(rnd.choice(["lorem ipsum dolor sit", "amet consectetur", "adipiscing elit sed"]) + "\n")


def measure(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak resident MiB of the child, exit code."""
    script = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
              "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
              "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)")
    result = subprocess.run([sys.executable, "-c", script, *command], capture_output=True, text=True, check=True)
    seconds, kib, code = result.stdout.split()
    return float(seconds), int(kib) / 1024, int(code)


def slope(xs: list[float], ys: list[float]) -> float:
    lx, ly = [math.log(x) for x in xs], [math.log(max(y, 1e-6)) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly)) / sum((a - mx) ** 2 for a in lx)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every input size (default 1)")
    args = parser.parse_args()
    plans = {
        "preamble": [25_000, 50_000, 100_000],
        "wrapped": [250_000, 500_000, 1_000_000],
        "oneline": [12_500_000, 25_000_000, 50_000_000],
        "noise": [250_000, 500_000, 1_000_000],
    }
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'input':<10}{'N':>11}{'MB':>7}  {'hexaglot s':>10}{'MiB':>7}{'exit':>5}  {'peer s':>7}{'MiB':>6}"
              f"  {'time x':>6}")
        for kind, sizes in plans.items():
            sizes = [max(1, int(s * args.scale)) for s in sizes]
            rows = []
            for n in sizes:
                path = Path(folder) / f"fr_{kind}.md"
                generate(kind, n, path)
                mb = os.path.getsize(path) / 1e6
                ours = measure([sys.executable, "-m", "hexaglot", "segment", str(path)])
                peer = measure([sys.executable, "-c", PEER, str(path)])
                rows.append((mb, ours, peer))
                print(f"{kind:<10}{n:>11,}{mb:>7.1f}  {ours[0]:>10.2f}{ours[1]:>7.0f}{ours[2]:>5}  "
                      f"{peer[0]:>7.2f}{peer[1]:>6.0f}  {ours[0] / peer[0]:>6.1f}")
                path.unlink()
            mbs = [r[0] for r in rows]
            print(f"{'':<10}growth exponent: hexaglot time {slope(mbs, [r[1][0] for r in rows]):.2f}, "
                  f"memory {slope(mbs, [r[1][1] for r in rows]):.2f}; "
                  f"peer time {slope(mbs, [r[2][0] for r in rows]):.2f}")
    print("exit 0: read in full; exit 2: refused with a one-line message (see the module docstring)")


if __name__ == "__main__":
    start = time.perf_counter()
    main()
    print(f"total {time.perf_counter() - start:.0f} s")
