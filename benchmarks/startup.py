"""Start-up: what one ``hexaglot`` command costs from a cold interpreter, beside pofilter.

    python benchmarks/startup.py            # 5 runs of each command
    python benchmarks/startup.py --runs 9
    python benchmarks/startup.py --against ../hexaglot-before   # an earlier checkout, in the same run

Each command runs ``--runs`` times in a fresh process; printed: the least CPU time (user +
system, from ``resource.getrusage(RUSAGE_CHILDREN)``: the machine is shared, and CPU time moves
less with other processes' load than wall time does) and the least wall time. Commands:

- ``hexaglot --help``;
- ``hexaglot check`` of the six sample versions (``samples/E-RES-2023-26``, French source),
  with the bundled glossaries and with ``--no-default-glossaries``;
- ``hexaglot check`` of two one-paragraph files (operative paragraph 1 of the sample's French
  and English versions, its line as written), with and without the bundled glossaries.

The peer, in the same run: translate-toolkit's ``pofilter`` (GPL, a test dependency, run in a
subprocess only) on the same pairs as XLIFF 1.2 files (one ``trans-unit`` per aligned row, as
hexaglot aligned them; built before timing): once per pair with ``--language`` (its
documentation recommends it), and once over the folder of the five files (one process, no
language), all its default tests, ``--progress=none``. The faster of the two is the one beside
ours. The load average is printed at the start and the end (a wall time means little beside a
high one). Last, the ten most expensive imports of the six-language check (``python -X importtime``,
outermost imports, cumulative, one run).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SAMPLES = REPO / "samples" / "E-RES-2023-26"
LANGS = ("fr", "en", "es", "ru", "zh", "ar")
HEXAGLOT = [sys.executable, "-m", "hexaglot"]


#: The processes measured may write their bytecode caches, as an installed package has them: with
#: PYTHONDONTWRITEBYTECODE set (some shells and containers set it), a checkout's modules would be
#: compiled again in every process, while the peer's installed modules have theirs.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def measure(cmd: list[str], runs: int, cwd: Path = REPO) -> tuple[float, float]:
    """(least CPU seconds, least wall seconds) of ``cmd`` over ``runs`` fresh processes, after one
    process not counted (it writes the bytecode caches a first run after an edit lacks)."""
    return measure_in(cmd, runs, [cwd])[0]


def measure_in(cmd: list[str], runs: int, cwds: list[Path]) -> list[tuple[float, float]]:
    """``measure`` of ``cmd`` run in each of ``cwds`` (``python -m hexaglot`` there runs that
    checkout's code), their runs alternating so that a change in the machine's load falls on
    all of them alike."""
    for cwd in cwds:
        subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=CHILD_ENV)
    cpus: list[list[float]] = [[] for _ in cwds]
    walls: list[list[float]] = [[] for _ in cwds]
    for run in range(runs):
        order = list(range(len(cwds)))
        for k in order if run % 2 == 0 else order[::-1]:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            done = subprocess.run(cmd, cwd=cwds[k], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=CHILD_ENV)
            walls[k].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if done.returncode not in (0, 1):  # 1: findings
                raise SystemExit(f"{' '.join(cmd)} (in {cwds[k]}): exit {done.returncode}: "
                                 f"{done.stderr.decode()[-500:]}")
            cpus[k].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return [(min(c), min(w)) for c, w in zip(cpus, walls)]


def one_paragraph_files(folder: Path) -> list[Path]:
    """Operative paragraph 1 of the French and English sample versions, one file each (its line as written)."""
    paths = []
    for lang in ("fr", "en"):
        lines = (SAMPLES / f"{lang}.md").read_text(encoding="utf-8").splitlines()
        path = folder / "one" / f"{lang}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(next(line for line in lines if line.startswith("1. ")) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def write_xliff(path: Path, pairs: list[tuple[str, str, str]], target: str) -> None:
    """XLIFF 1.2: one trans-unit per (id, source, target)."""
    units = "".join(
        f'      <trans-unit id={quoteattr(uid)}>\n        <source>{escape(src)}</source>\n'
        f'        <target>{escape(tgt)}</target>\n      </trans-unit>\n'
        for uid, src, tgt in pairs)
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        f'  <file original="{path.stem}" source-language="fr" target-language="{target}" datatype="plaintext">\n'
        f'    <body>\n{units}    </body>\n  </file>\n</xliff>\n', encoding="utf-8")


def xliff_pairs(paths: list[Path], folder: Path) -> list[tuple[Path, str]]:
    """The aligned pairs of ``paths`` (the first the source) as one XLIFF file per target."""
    from aligner.align import align_documents
    from aligner.readers import read_document

    alignment = align_documents([read_document(str(p)) for p in paths])
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for target in alignment.languages[1:]:
        pairs = []
        for n, row in enumerate(alignment.rows, start=1):
            src, tgt = row.cells[alignment.pivot], row.cells[target]
            if src.units and tgt.units:
                pairs.append((f"{n}:{'+'.join(tgt.units)}", src.text, tgt.text))
        path = folder / f"fr-{target}.xlf"
        write_xliff(path, pairs, target)
        files.append((path, target))
    return files


def pofilter(files: list[tuple[Path, str]], folder: Path, runs: int) -> dict[str, tuple[float, float]]:
    """pofilter per file with --language (CPU and wall summed over the files), and over the folder."""
    exe = shutil.which("pofilter")
    per_file_cpu = per_file_wall = 0.0
    for path, lang in files:
        cpu, wall = measure([exe, "--progress=none", f"--language={lang}", str(path),
                             str(path.with_suffix(".out.xlf"))], runs)
        per_file_cpu, per_file_wall = per_file_cpu + cpu, per_file_wall + wall
    out = folder.parent / f"{folder.name}-out"
    results = {"pofilter, one process per pair, --language": (per_file_cpu, per_file_wall)}
    if len(files) > 1:
        results["pofilter, one process over the folder"] = measure(
            [exe, "--progress=none", "-x", "*.out.xlf", str(folder), str(out)], runs)
    return results


def import_top(cmd: list[str], n: int = 10) -> list[tuple[float, str]]:
    """The ``n`` outermost imports of ``cmd`` with the most cumulative time (seconds)."""
    done = subprocess.run([sys.executable, "-X", "importtime"] + cmd[1:], cwd=REPO, capture_output=True, text=True,
                          env=CHILD_ENV)
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line[len("import time:"):].split("|")
        if not name.startswith("  "):  # " name": outermost; deeper ones are indented further
            rows.append((int(cumulative) / 1e6, name.strip()))
    return sorted(rows, reverse=True)[:n]


def _load() -> str:
    """The machine's load average over 1, 5 and 15 minutes (wall times mean little beside a high one)."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--against", metavar="DIR", type=Path,
                        help="another checkout of hexaglot (an earlier commit): each hexaglot command is run "
                             "there too, in turn with this one's runs, and printed beside")
    args = parser.parse_args()
    if args.against is not None and not (args.against / "hexaglot" / "__main__.py").is_file():
        raise SystemExit(f"{args.against}: not a checkout of hexaglot")
    six = [str(SAMPLES / f"{lang}.md") for lang in LANGS]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        one = [str(p) for p in one_paragraph_files(folder)]
        cases = [
            ("hexaglot --help", HEXAGLOT + ["--help"]),
            ("check, six sample versions", HEXAGLOT + ["check"] + six),
            ("check, six sample versions, --no-default-glossaries",
             HEXAGLOT + ["check", "--no-default-glossaries"] + six),
            ("check, two one-paragraph files", HEXAGLOT + ["check"] + one),
            ("check, two one-paragraph files, --no-default-glossaries",
             HEXAGLOT + ["check", "--no-default-glossaries"] + one),
        ]
        print(f"CPU and wall time, least of {args.runs} fresh processes each (seconds); "
              f"load average at the start {_load()}:")
        results = {}
        for label, cmd in cases:
            if args.against is None:
                results[label] = measure(cmd, args.runs)
            else:
                results[label], (cpu, wall) = measure_in(cmd, args.runs, [REPO, args.against])
                print(f"  {label + ', the other checkout':<66} CPU {cpu:6.3f}  wall {wall:6.3f}")
            print(f"  {label:<66} CPU {results[label][0]:6.3f}  wall {results[label][1]:6.3f}")
        if shutil.which("pofilter") is None:
            print("pofilter: not installed (pip install translate-toolkit); not measured")
        else:
            for label, paths, name in (("six sample versions", six, "six"),
                                       ("two one-paragraph files", one, "one-paragraph")):
                files = xliff_pairs([Path(p) for p in paths], folder / name)
                theirs = pofilter(files, folder / name, args.runs)
                for peer, (cpu, wall) in theirs.items():
                    print(f"  {peer + ', ' + label:<66} CPU {cpu:6.3f}  wall {wall:6.3f}")
                best = min(theirs.values())
                ours = results[f"check, {label}"]
                print(f"  hexaglot check / fastest pofilter, {label}: CPU {ours[0] / best[0]:.2f}, "
                      f"wall {ours[1] / best[1]:.2f}")
    print(f"load average at the end {_load()}")
    print("import time of the six-language check (python -X importtime, outermost imports, cumulative):")
    for seconds, name in import_top(HEXAGLOT + ["check"] + six):
        print(f"  {seconds * 1000:7.1f} ms  {name}")


if __name__ == "__main__":
    main()
