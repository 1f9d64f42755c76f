"""Throughput, per-document cost and memory of ``hexaglot batch``, beside ``hexaglot check`` run per document.

    python benchmarks/batch.py                       # everything (see below)
    python benchmarks/batch.py --no-throughput --no-warm   # memory only (500 and 2,000 documents)
    python benchmarks/batch.py --no-memory --throughput-docs 32 --no-dask

The corpus is generated: document ``doc-NNNN`` is a copy of one of the two sample sets, the
ECOSOC resolution 2023/26 (``samples/E-RES-2023-26``: the dev split, the texts the rules were
tuned on) for even numbers and the official A/RES/55/100 (``samples/A-RES-55-100``: the held-out
split, never looked at while tuning) for odd ones, with two perturbations planted in its target
versions by a seeded generator (a changed digit, a dropped or a repeated paragraph), so that no
two documents are the same. It prints:

1. documents per second over ``--throughput-docs`` six-language documents with 1 and 2 local
   worker processes and a Dask LocalCluster of 2 workers, wall time including start-up and the
   steady rate (first result to last), and the machine's load average before and after (other
   processes competing for the cores make the ratio meaningless); the goal is 2 workers >= 1.8 x
   1 worker;
2. the cost of one document in a warm worker (started as the pool starts one, ``warm_up``,
   then ``check_document`` after a first document, and writing its files) against a standalone ``hexaglot check`` process on the same six files
   (interpreter start, imports, glossaries, the check, the JSON report), dev and held-out
   separately, in wall time and in CPU time (which other processes on the machine disturb less);
   the goal is <= 25 %. The warm runs repeat one document, whose paragraphs the per-text caches
   of the rules and the aligner then know; the document checked by a worker that has seen only
   the other split's document (a fresh process for each measure) is printed beside, as a corpus
   of different documents would cost, and the document checked first by a fresh worker, with
   what the worker's start (the pool's initializer) then cost: ``warm_up``, as the pool runs it
   (it reads the corpus's first document, here the one checked), beside ``run_setup`` alone
   (rules and glossaries only), so that what moved from the first document to the worker's
   start shows;
   Then ``--corpus-docs`` documents of the generated corpus itself (section 1's: perturbed
   copies of the two sets), checked one after the other by one worker started as the pool
   starts one, each against a standalone ``hexaglot check`` of it: the figure the goal names,
   on the corpus this benchmark builds (a copy's unchanged paragraphs are known to the
   per-text caches once the worker has checked a copy of the same set);
3. the warm cost split into reading, alignment, rules and report (rendering, the record's
   term statistics and renderings, writing), dev and held-out; and the new document's CPU split
   the same way (``StageClock``, of the least of its runs), its rules by family (``NU``, ``TE``...)
   beside what the check spends outside the rules, and its costliest rules, and how much of it
   the garbage collector's collections took (``GcClock``: a collection is counted in whichever
   stage or rule allocated when it started);
4. the peak memory of a whole ``hexaglot batch`` run (the parent, the forkserver and the workers:
   the largest sum of their resident sizes, RSS, and of their proportional sizes, PSS, which
   counts the pages the workers share with the forkserver once; sampled every 0.2 s with psutil) for each of ``--memory-sizes``
   corpora (default 500 and 2,000) of small documents: the held-out resolution in two languages
   (fr, en), perturbed as above, about 0.1 CPU second each, so that 2,500 documents take minutes on
   a 2-core machine; the goal is flat within 10 %. The summary of a generated corpus holds few
   distinct paragraphs (its documents are copies of one): what grows with a real corpus's
   distinct paragraphs and terms is the summary's tables, not the run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from aligner.corpus import iter_corpus  # noqa: E402
from hexaglot.batch import STAGES, BatchSettings, check_document, with_search_dir  # noqa: E402
from hexaglot.batch_run import run_batch, write_result  # noqa: E402
from qa_rules.run import CheckOptions  # noqa: E402

from batch_stages import GcClock, StageClock, print_stages, rules_total  # noqa: E402

SPLITS = {"dev": REPO / "samples" / "E-RES-2023-26", "held-out": REPO / "samples" / "A-RES-55-100"}
LANGS = ("fr", "en", "es", "ru", "zh", "ar")
_DIGIT = re.compile(r"\d")


def _body_lines(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if len(line) > 80 and not line.startswith(("#", "<", "---"))]


def perturb(text: str, rng: random.Random) -> str:
    """``text`` with one planted change in a long paragraph line: a digit changed, the line dropped, or repeated."""
    lines = text.split("\n")
    body = _body_lines(lines)
    i = rng.choice(body)
    kind = rng.choice(("digit", "drop", "repeat"))
    if kind == "digit" and _DIGIT.search(lines[i]):
        spots = [m.start() for m in _DIGIT.finditer(lines[i])]
        at = rng.choice(spots)
        lines[i] = lines[i][:at] + str((int(lines[i][at]) + 1) % 10) + lines[i][at + 1:]
    elif kind == "repeat":
        lines[i + 1:i + 1] = ["", lines[i]]
    else:
        del lines[i]
    return "\n".join(lines)


def make_corpus(root: Path, count: int, langs: tuple[str, ...] = LANGS,
                splits: tuple[str, ...] = ("dev", "held-out")) -> Path:
    """``count`` documents ``doc-NNNN`` in the folders layout (see the module's docstring), taken
    from ``splits`` in turn."""
    texts = {split: {lang: (SPLITS[split] / f"{lang}.md").read_text(encoding="utf-8") for lang in langs}
             for split in splits}
    for n in range(count):
        split = splits[n % len(splits)]
        rng = random.Random(n)
        folder = root / f"doc-{n:04d}"
        folder.mkdir(parents=True)
        targets = [lang for lang in langs if lang != "fr"]
        planted = {rng.choice(targets) for _ in range(2)}
        for lang in langs:
            text = texts[split][lang]
            if lang in planted:
                text = perturb(text, rng)
            (folder / f"{lang}.md").write_text(text, encoding="utf-8")
    return root


def settings() -> BatchSettings:
    return BatchSettings(options=with_search_dir(CheckOptions()))


class CpuMeter:
    """CPU seconds (user + system) used by this process and every process under it while it runs,
    sampled every 0.2 s (a worker's last fraction of a second before it exits may be missed)."""

    def __init__(self) -> None:
        import psutil

        self.root = psutil.Process()
        self.seen: dict[int, float] = {}
        self.base = self._times().copy()
        self.running = True
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _times(self) -> dict[int, float]:
        import psutil

        for process in [self.root] + self.root.children(recursive=True):
            try:
                t = process.cpu_times()
                self.seen[process.pid] = t.user + t.system
            except psutil.Error:
                pass
        return self.seen

    def _run(self) -> None:
        while self.running:
            self._times()
            time.sleep(0.2)

    def stop(self) -> float:
        self.running = False
        self.thread.join()
        self._times()
        return sum(self.seen.values()) - sum(self.base.values())


def throughput(corpus: Path, tmp: Path, label: str, **engine) -> float:
    """Documents per second of one run (wall, with start-up; and steady, first result to last),
    and the CPU seconds the run's processes used per document."""
    done: list[float] = []
    load = os.getloadavg()[0]
    meter = CpuMeter()
    start = time.perf_counter()
    run_batch(iter_corpus(corpus, source="fr"), tmp / label.replace(" ", "-"), settings(),
              on_record=lambda record: done.append(time.perf_counter()), **engine)
    wall = time.perf_counter() - start
    cpu = meter.stop()
    steady = (len(done) - 1) / (done[-1] - done[0]) if len(done) > 1 and done[-1] > done[0] else float("nan")
    print(f"  {label:<29} {len(done) / wall:5.2f} documents/s wall ({wall:5.1f} s, start-up included), "
          f"{steady:5.2f} documents/s steady; {cpu / len(done):.2f} CPU s per document "
          f"(load average {load:.1f} before, {os.getloadavg()[0]:.1f} after, {os.cpu_count()} cores)")
    return steady


def warm_and_standalone(tmp: Path, repeats: int = 3) -> None:
    """The cost of a document in a warm worker against a fresh ``hexaglot check`` process, and its split."""
    from aligner.corpus import CorpusDocument
    from hexaglot.batch_warm import warm_up

    config = settings()
    for split, folder in SPLITS.items():
        files = tuple((lang, str(folder / f"{lang}.md")) for lang in LANGS)
        document = CorpusDocument(f"sample-{split}", files, location=str(folder))
        warm_up(config, document)  # the worker's start, as the pool's initializer runs it
        check_document(document, config)  # the worker's first document
        warm, warm_cpu, split_times = [], [], {stage: [] for stage in STAGES}
        for _ in range(repeats):
            start, cpu = time.perf_counter(), time.process_time()
            result = check_document(document, config)
            written = write_result(tmp / "warm", result)
            warm.append(time.perf_counter() - start)
            warm_cpu.append(time.process_time() - cpu)
            for stage in STAGES:
                split_times[stage].append(result.timings[stage] + (written if stage == "report" else 0.0))
        standalone, standalone_cpu = [], []
        for _ in range(repeats):
            start, cpu = time.perf_counter(), _children_cpu()
            subprocess.run([sys.executable, "-m", "hexaglot", "check", *[p for _, p in files], "--format", "json",
                            "-o", str(tmp / "standalone.json"), "--fail-on", "never", "-q"],
                           check=True, cwd=tmp, capture_output=True)
            standalone.append(time.perf_counter() - start)
            standalone_cpu.append(_children_cpu() - cpu)
        unseen = min((_first_sight(split, tmp) for _ in range(repeats)), key=lambda found: found["total"])
        fresh = {start: min((_first_sight(split, tmp, "--fresh", start) for _ in range(repeats)),
                            key=lambda found: found["total"]) for start in ("warm-up", "setup")}
        w, s = statistics.median(warm), statistics.median(standalone)
        wc, sc, uc = min(warm_cpu), min(standalone_cpu), unseen["total"]
        print(f"  {split:<9} six languages: warm worker {w:5.2f} s, standalone hexaglot check {s:5.2f} s: "
              f"{100 * w / s:4.0f} % (wall, median of {repeats}); CPU {wc:5.2f} s against {sc:5.2f} s: "
              f"{100 * wc / sc:4.0f} % (least of {repeats}; goal <= 25 %)")
        print(f"  {'':<9} the document new to the worker (warmed on the other split): CPU {uc:5.2f} s: "
              f"{100 * uc / sc:4.0f} % of standalone (least of {repeats})")
        for start, how in (("warm-up", "warm_up, as the pool runs it"), ("setup", "run_setup alone")):
            first = fresh[start]
            print(f"  {'':<9} the first document of a fresh worker whose start ran {how}: CPU "
                  f"{first['total']:5.2f} s: {100 * first['total'] / sc:4.0f} % of standalone; the start "
                  f"{first['start']:5.2f} s (least of {repeats}; reading {first.get('reading', 0.0):.3f} s, "
                  f"rules {rules_total(first):.3f} s)")
        total = sum(statistics.median(v) for v in split_times.values())
        print("  " + " " * 9 + " split: " + ", ".join(
            f"{stage} {statistics.median(split_times[stage]):.3f} s ({100 * statistics.median(split_times[stage]) / total:.0f} %)"
            for stage in STAGES))
        print_stages(unseen)


def corpus_documents(tmp: Path, count: int) -> None:
    """The cost of the generated corpus's own documents (section 1's, perturbed copies of the two
    sample sets) in one warm worker, against a standalone ``hexaglot check`` of each: the
    figure the goal names, on the corpus the benchmark builds. The worker is a fresh process
    started as the pool starts one (``--corpus-worker``); documents after its first are timed."""
    corpus = make_corpus(tmp / "corpus-documents", count + 1)
    done = subprocess.run([sys.executable, __file__, "--corpus-worker", str(corpus), "--out", str(tmp / "corpus-out")],
                          check=True, capture_output=True, text=True)
    warm = json.loads(done.stdout.strip().splitlines()[-1])
    ratios: dict[str, list[float]] = {split: [] for split in SPLITS}
    for name, cpu in sorted(warm.items()):
        folder = corpus / name
        start = _children_cpu()
        subprocess.run([sys.executable, "-m", "hexaglot", "check", *[str(folder / f"{lang}.md") for lang in LANGS],
                        "--format", "json", "-o", str(tmp / "standalone.json"), "--fail-on", "never", "-q"],
                       check=True, cwd=tmp, capture_output=True)
        standalone = _children_cpu() - start
        split = list(SPLITS)[int(name.split("-")[1]) % len(SPLITS)]
        ratios[split].append(cpu / standalone)
    every = [r for found in ratios.values() for r in found]
    print(f"  the corpus's documents ({len(every)} after the worker's first, perturbed copies of the two sets), "
          f"warm CPU / standalone CPU, mean: " + ", ".join(
              f"{split} {100 * statistics.mean(found):.0f} %" for split, found in ratios.items() if found)
          + f"; all {100 * statistics.mean(every):.0f} % (goal <= 25 %; the paragraphs a perturbed copy shares "
          "with the documents before it are known to the per-text caches, as a document new to the worker's "
          "are not: the figures above)")


def corpus_worker(corpus: Path, out: Path) -> dict[str, float]:
    """CPU seconds of each document of ``corpus`` after the first, in this process started as a
    pool worker (``warm_up`` on the corpus's first document, which it then checks)."""
    from hexaglot.batch_warm import warm_up

    config = settings()
    documents = list(iter_corpus(corpus, source="fr"))
    warm_up(config, documents[0])
    write_result(out, check_document(documents[0], config))
    found = {}
    for document in documents[1:]:
        cpu = time.process_time()
        result = check_document(document, config)
        write_result(out, result)
        found[Path(document.location).name] = time.process_time() - cpu
    return found


def _first_sight(split: str, tmp: Path, *how: str) -> dict[str, float]:
    """CPU seconds of ``split``'s document in a worker that has checked one document, the other
    split's, and never this one: what the per-text caches of the rules and the aligner (bounded,
    kept per process) cannot have seen, as in a corpus of different documents; in total and by
    stage (``StageClock``), and the worker's start (``start``). Measured in a fresh process
    (``--first-sight``); ``how``: ``--fresh`` (the worker's first document) and the start,
    ``warm-up`` or ``setup``."""
    done = subprocess.run([sys.executable, __file__, "--first-sight", split, "--out", str(tmp / "first-sight"),
                           *(("--fresh",) if "--fresh" in how else ()),
                           "--start", next((h for h in how if h != "--fresh"), "warm-up")],
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def first_sight(split: str, out: Path, fresh: bool = False, start: str = "warm-up") -> dict[str, float]:
    """``split``'s document in this process, started as a pool worker is (``start``: ``warm-up``,
    as the pool's initializer runs it now, or ``setup``: the rules and glossaries alone), after
    the other split's document unless ``fresh``."""
    from aligner.corpus import CorpusDocument
    from hexaglot.batch import run_setup
    from hexaglot.batch_warm import warm_up

    config = settings()
    documents = {}
    for name, folder in SPLITS.items():
        files = tuple((lang, str(folder / f"{lang}.md")) for lang in LANGS)
        documents[name] = CorpusDocument(f"sample-{name}", files, location=str(folder))
    first = split if fresh else next(name for name in SPLITS if name != split)  # the corpus's first document
    cpu = time.process_time()
    if start == "warm-up":
        warm_up(config, documents[first])
    else:
        run_setup(config)
    started = time.process_time() - cpu
    if not fresh:
        check_document(documents[first], config)  # the worker's first document
    clock = StageClock(run_setup(config).rules)
    collecting = GcClock()
    cpu = time.process_time()
    result = check_document(documents[split], config)
    collecting.stop()
    if result.record.get("error"):
        raise SystemExit(f"{split}: {result.record['error']}")
    writing = time.process_time()
    write_result(out, result)
    found = clock.stages()
    found["report"] = found.get("report", 0.0) + time.process_time() - writing
    found["total"] = time.process_time() - cpu
    found["start"] = started
    found["garbage collection"] = collecting.spent
    return found


def _children_cpu() -> float:
    """CPU seconds (user + system) of this process's finished child processes."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _tree_memory(process) -> tuple[int, int]:
    """The summed resident size (RSS) of ``process`` and its children, and their summed proportional
    set size (PSS: a page shared by n processes counts 1/n in each, so the workers' pages shared
    with the forkserver they were forked from count once)."""
    import psutil

    rss = pss = 0
    try:
        members = [process] + process.children(recursive=True)
    except psutil.Error:
        return 0, 0
    for member in members:
        try:
            info = member.memory_full_info()
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
        except psutil.Error:
            pass
    return rss, pss


def peak_memory(corpus: Path, out: Path, workers: int) -> tuple[float, float, float]:
    """Peaks of the summed RSS and PSS of a ``hexaglot batch`` process and its workers (MiB), and wall time."""
    import psutil

    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "hexaglot", "batch", str(corpus), "-o", str(out), "--source", "fr",
                              "--workers", str(workers), "-q", "--fail-on", "never"], cwd=REPO,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    process = psutil.Process(child.pid)
    peak = [0, 0]

    def sample() -> None:
        while child.poll() is None:
            rss, pss = _tree_memory(process)
            peak[:] = [max(peak[0], rss), max(peak[1], pss)]
            time.sleep(0.2)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, err = child.communicate()
    sampler.join()
    if child.returncode not in (0, 1):
        raise SystemExit(f"hexaglot batch failed ({child.returncode}): {err.decode(errors='replace')}")
    return peak[0] / 2**20, peak[1] / 2**20, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--throughput-docs", type=int, default=16)
    parser.add_argument("--memory-sizes", default="500,2000", help="comma-separated corpus sizes (default: 500,2000)")
    parser.add_argument("--no-throughput", action="store_true", help="skip the throughput runs (1)")
    parser.add_argument("--no-warm", action="store_true", help="skip the warm worker against standalone runs (2-3)")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask LocalCluster run")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak memory runs")
    parser.add_argument("--first-sight", choices=sorted(SPLITS), help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--fresh", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--start", choices=("warm-up", "setup"), default="warm-up", help=argparse.SUPPRESS)
    parser.add_argument("--corpus-docs", type=int, default=8,
                        help="documents of the generated corpus checked in one warm worker (2; 0 skips them)")
    parser.add_argument("--corpus-worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.first_sight:
        print(json.dumps(first_sight(args.first_sight, Path(args.out), args.fresh, args.start)))
        return
    if args.corpus_worker:
        print(json.dumps(corpus_worker(Path(args.corpus_worker), Path(args.out))))
        return
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        if not args.no_throughput:
            corpus = make_corpus(tmp / "corpus", args.throughput_docs)
            print(f"1. throughput, {args.throughput_docs} six-language documents (dev and held-out alternating):")
            one = throughput(corpus, tmp, "1 local worker", workers=1)
            two = throughput(corpus, tmp, "2 local workers", workers=2)
            print(f"  2 workers / 1 worker (steady): {two / one:.2f} x (goal >= 1.8 x)")
            if not args.no_dask:
                dask = throughput(corpus, tmp, "Dask LocalCluster, 2 workers", scheduler="local", workers=2)
                print(f"  Dask 2 workers / 1 local worker (steady): {dask / one:.2f} x")
        if not args.no_warm:
            print("2-3. one document, warm worker against a standalone process, and the warm cost by stage:")
            warm_and_standalone(tmp)
            if args.corpus_docs:
                corpus_documents(tmp, args.corpus_docs)
        if not args.no_memory:
            sizes = [int(s) for s in args.memory_sizes.split(",")]
            print("4. peak memory of hexaglot batch --workers 2 (parent and workers), two-language held-out documents:")
            peaks = []
            for size in sizes:
                small = make_corpus(tmp / f"memory-{size}", size, langs=("fr", "en"), splits=("held-out",))
                load = os.getloadavg()[0]
                rss, pss, wall = peak_memory(small, tmp / f"memory-run-{size}", 2)
                peaks.append((rss, pss))
                print(f"  {size:>5} documents: peak RSS {rss:6.1f} MiB, PSS {pss:6.1f} MiB ({size / wall:.2f} documents/s, "
                      f"{wall:.0f} s; load average {load:.1f} before, {os.getloadavg()[0]:.1f} after)")
                shutil.rmtree(tmp / f"memory-run-{size}")
                shutil.rmtree(small)
            print(f"  largest / smallest: RSS {peaks[-1][0] / peaks[0][0]:.3f}, PSS {peaks[-1][1] / peaks[0][1]:.3f} "
                  "(goal: within 10 %)")


if __name__ == "__main__":
    main()
