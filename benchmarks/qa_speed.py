"""Speed and memory of ``hexaglot check``, against pofilter on the same pairs, in the same run.

    python benchmarks/qa_speed.py            # both measurements
    python benchmarks/qa_speed.py --pairs 2000 --no-pofilter

1. The editor's six-language check of the sample set (``hexaglot check fr.md en.md es.md
   ru.md zh.md ar.md``), end to end in a fresh process (interpreter start, imports, reading,
   alignment, all rules with the bundled glossaries, JSON report): wall time, best of three,
   and the in-process split (read, align, check).
2. ``--pairs`` aligned paragraph pairs (default 10,000): the drafts (fr against the en, es, ru, zh and ar drafts)
   aligned once, their rows repeated (units renamed ``k12.op.5``) into one alignment per target
   language, run through the rule engine with every registered rule; wall and CPU time, time
   per pair and peak memory (the process's max RSS, and what the check adds to the memory that
   holds the alignments), first run and second run. The first run writes each version's JSON
   report finding by finding (``check_stream``, ``hexaglot.reports.streaming``), as
   ``hexaglot check --format json -o FILE`` does; the second runs ``check`` (findings in memory). pofilter (translate-toolkit, GPL: a dev
   dependency, run here in a subprocess only) checks the same pairs written as PO files with the
   tests of ``benchmarks/qa_recall.py``, under a fresh small interpreter that reports its
   children's CPU time and peak RSS (a child started by this process would inherit its
   high-water mark); both are printed beside ours with the ratios per pair (on a loaded machine,
   read the CPU ratio). The repeated rows repeat texts, which the rules' bounded per-text caches
   recognise: the first run is the figure that counts. ``--tokenised``: the pairs are A/RES/55/100 exactly as
   OPUS ships it (``../shared/data/opus-un-6way``: spaces around every punctuation mark, about 230
   spacing findings per version of 16 paragraphs), repeated the same way; ``--no-grouping``
   reports every finding on its own instead of one per systematic pattern (``qa_rules.systematic``),
   to measure what grouping saves (run each in its own process: the peak RSS is the process's).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from aligner.model import Alignment, Cell, Document, Row, Unit  # noqa: E402

SAMPLES = REPO / "samples" / "E-RES-2023-26"
DRAFTS = REPO / "samples" / "drafts"
LANGS = ("fr", "en", "es", "ru", "zh", "ar")
DRAFT_LANGS = ("en", "es", "ru", "zh", "ar")
OPUS = REPO.parent / "shared" / "data" / "opus-un-6way" / "A-RES-55-100.jsonl"


#: Runs the pofilter commands given as JSON, one after the other; prints its children's CPU
#: time (s) and peak RSS (KiB).
_LAUNCH = ("import json, resource, subprocess, sys\n"
           "for cmd in json.loads(sys.argv[1]):\n"
           "    subprocess.run(cmd, check=True, capture_output=True)\n"
           "used = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
           "print(used.ru_utime + used.ru_stime, used.ru_maxrss)")


def _memory() -> tuple[int, int] | None:
    """(resident now, peak since the last ``_reset_peak``) of this process, KiB (Linux), or None."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


def _reset_peak() -> bool:
    """Start the peak RSS (VmHWM) again from the current RSS (Linux 4.0 and later)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def six_language_end_to_end(repeats: int = 3) -> float:
    paths = [str(SAMPLES / f"{lang}.md") for lang in LANGS]
    best = float("inf")
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(repeats):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "hexaglot", "check", *paths, "--format", "json",
                            "-o", str(Path(tmp) / "qa.json"), "--fail-on", "never"],
                           check=True, cwd=tmp, capture_output=True)
            best = min(best, time.perf_counter() - start)
        findings = len(json.loads((Path(tmp) / "qa.json").read_text(encoding="utf-8"))["findings"])
    print(f"six-language sample check, end to end (fresh process, best of {repeats}): {best:.2f} s "
          f"({findings} findings)")
    return best


def six_language_split() -> None:
    from aligner.align import align_documents
    from aligner.readers import read_document
    from qa_rules.config import configure, select_rules
    from qa_rules.engine import check
    from qa_rules.glossary import load_glossaries

    t0 = time.perf_counter()
    docs = [read_document(SAMPLES / f"{lang}.md", lang=lang) for lang in LANGS]
    t1 = time.perf_counter()
    alignment = align_documents(docs)
    t2 = time.perf_counter()
    glossaries = load_glossaries([], include_default=True)
    t3 = time.perf_counter()
    rules = configure(select_rules([], []), {})
    check(alignment, rules, glossaries)
    t4 = time.perf_counter()
    print(f"  in process (modules already imported): read {t1 - t0:.2f} s, align {t2 - t1:.2f} s, "
          f"glossaries {t3 - t2:.2f} s, rules {t4 - t3:.2f} s")
    timings = []
    for rule in rules:
        start = time.perf_counter()
        check(alignment, [rule], glossaries)
        timings.append((time.perf_counter() - start, rule.code))
    slowest = ", ".join(f"{code} {sec:.2f} s" for sec, code in sorted(timings, reverse=True)[:6])
    print(f"  slowest rules once warm (each run alone after the full run, pairs rebuilt): {slowest}")


def warm_rules_stage(repeats: int = 3) -> None:
    """The rules stage of a warm worker on a document it has not seen: the process has imported
    everything and checked the six versions of A/RES/55/100 (matchers built, profiles read), then
    checks the six sample versions (E/RES/2023/26) for the first time, then again (CPU, least of
    ``repeats`` fresh processes: the second check shows what the per-text caches add)."""
    code = ("import sys, time\n"
            f"sys.path.insert(0, {str(REPO)!r})\n"
            "from aligner.align import align_documents\n"
            "from aligner.readers import read_document\n"
            "from qa_rules.config import configure, select_rules\n"
            "from qa_rules.engine import check\n"
            "from qa_rules.glossary import load_glossaries\n"
            f"langs = {LANGS!r}\n"
            "def aligned(folder):\n"
            "    return align_documents([read_document(f'{folder}/{lang}.md', lang=lang) for lang in langs])\n"
            "glossaries, rules = load_glossaries([], include_default=True), configure(select_rules([], []), {})\n"
            f"other, document = aligned({str(REPO / 'samples' / 'A-RES-55-100')!r}), aligned({str(SAMPLES)!r})\n"
            "check(other, rules, glossaries)\n"
            "t = time.process_time(); check(document, rules, glossaries); first = time.process_time() - t\n"
            "t = time.process_time(); check(document, rules, glossaries); again = time.process_time() - t\n"
            "print(first, again)")
    runs = [tuple(map(float, subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                            text=True).stdout.split())) for _ in range(repeats)]
    print(f"rules stage of a warm worker on the six sample versions (CPU, least of {repeats} processes): "
          f"{min(r[0] for r in runs):.3f} s the first time, {min(r[1] for r in runs):.3f} s again")


def repeated_alignment(base: Alignment, pairs: int) -> Alignment:
    """``base`` (pivot + one target) repeated until it has ``pairs`` rows with both sides."""
    full = [row for row in base.rows if all(row.cells.get(lang) and row.cells[lang].units for lang in base.languages)]
    copies = -(-pairs // len(full))
    docs: dict[str, list] = {lang: [] for lang in base.languages}
    rows = []
    offset = 0
    span = max(u.lines[1] for doc in base.documents.values() for u in doc.units) + 1
    for k in range(copies):
        for lang in base.languages:
            for unit in base.documents[lang].units:
                docs[lang].append(replace(
                    unit, id=f"k{k}.{unit.id}", lines=(unit.lines[0] + offset, unit.lines[1] + offset),
                    line_offsets=tuple((o, ln + offset) for o, ln in unit.line_offsets),
                    footnotes=tuple(replace(f, line=f.line + offset) for f in unit.footnotes),
                    sentences=tuple(replace(s, line=s.line + offset) for s in unit.sentences)))
        for row in full:
            cells = {lang: Cell(tuple(f"k{k}.{u}" for u in cell.units), tuple(ln + offset for ln in cell.lines), cell.text)
                     for lang, cell in row.cells.items()}
            rows.append(Row(cells=cells, score=row.score))
        offset += span
    rows = rows[:pairs]
    documents = {lang: Document(path=base.documents[lang].path, lang=lang, units=tuple(units))
                 for lang, units in docs.items()}
    return Alignment(languages=base.languages, pivot=base.pivot, level=base.level, rows=tuple(rows),
                     documents=documents)


def tokenised_alignment(lang: str) -> Alignment:
    """fr and ``lang`` of A/RES/55/100 exactly as OPUS ships them (spaces around every punctuation
    mark: hundreds of spacing findings per version), one paragraph per OPUS unit."""
    records = [json.loads(line) for line in OPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = {code: Document(path=f"A-RES-55-100.opus.{code}", lang=code, units=tuple(
        Unit(id=f"u.{r['unit_id']}", role="preambular", text=r[code], lines=(k, k)) for k, r in enumerate(records, 1)))
        for code in ("fr", lang)}
    rows = tuple(Row(cells={code: Cell((f"u.{r['unit_id']}",), (k,), r[code]) for code in docs}, score=1.0)
                 for k, r in enumerate(records, 1))
    return Alignment(languages=("fr", lang), pivot="fr", level="paragraph", rows=rows, documents=docs)


def many_pairs(pairs: int, with_pofilter: bool, tokenised: bool = False, grouping: bool = True,
               second_run: bool = True) -> None:
    from aligner.align import align_documents
    from aligner.readers import read_document
    from hexaglot.reports.streaming import write_json
    from qa_rules.config import configure, select_rules
    from qa_rules.engine import check, check_stream
    from qa_rules.glossary import load_glossaries
    from qa_rules.systematic import Systematic

    glossaries = load_glossaries([], include_default=True)
    rules = configure(select_rules([], []), {})
    systematic = Systematic() if grouping else Systematic(min_count=0)
    per_lang = -(-pairs // len(DRAFT_LANGS))
    alignments = []
    if tokenised:
        alignments = [repeated_alignment(tokenised_alignment(lang), per_lang) for lang in DRAFT_LANGS]
    else:
        fr = read_document(SAMPLES / "fr.md", lang="fr")
        for lang in DRAFT_LANGS:
            draft = read_document(DRAFTS / f"{lang}_draft.md", lang=lang)
            alignments.append(repeated_alignment(align_documents([fr, draft]), per_lang))
    total = sum(len(a.rows) for a in alignments)
    held = _memory() if _reset_peak() else None  # the alignments are built: what the check adds from here
    start, cpu = time.perf_counter(), time.process_time()
    findings = occurrences = 0
    writing = 0.0  # CPU of reading the findings back and writing them (with the folding done on the way)
    with tempfile.TemporaryDirectory() as tmp:
        for alignment in alignments:  # as ``hexaglot check --format json -o FILE`` does
            report = check_stream(alignment, rules, glossaries, systematic=systematic)
            written = time.process_time()
            with open(Path(tmp) / "qa.json", "w", encoding="utf-8") as out:
                findings += write_json(report, out)
            writing += time.process_time() - written
            occurrences += report.summary()["occurrences"]
            report.stream.close()
            del report
    ours, ours_cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux: the whole process
    after = _memory()
    added = (f", of which the check added {(after[1] - held[0]) / 1024:.0f} MiB over the "
             f"{held[0] / 1024:.0f} MiB holding the alignments") if held and after else ""
    what = "A/RES/55/100 as OPUS tokenises it, repeated" if tokenised else "drafts repeated"
    grouped = "systematic patterns grouped" if grouping else "no grouping"
    print(f"{total} aligned paragraph pairs ({what}), {len(rules)} rules, {grouped}, JSON report written as the "
          f"findings come, first run (one-time set-up "
          f"included: language profiles, glossary matchers): {ours:.2f} s, {ours / total * 1000:.3f} ms per pair "
          f"(CPU {ours_cpu:.2f} s, {ours_cpu / total * 1000:.3f} ms per pair, of which reading the findings back "
          f"and writing the JSON {writing:.2f} s), peak RSS of the process {peak / 1024:.0f} MiB{added}, {findings} findings ({occurrences} occurrences)")
    if second_run:
        start = time.perf_counter()
        for alignment in alignments:
            check(alignment, rules, glossaries, systematic=systematic)
        warm = time.perf_counter() - start
        print(f"  second run (set-up done; repeated paragraphs hit the per-text caches): {warm:.2f} s, "
              f"{warm / total * 1000:.3f} ms per pair")
    if not with_pofilter:
        return
    if shutil.which("pofilter") is None:
        print("pofilter: not installed (pip install translate-toolkit); not measured")
        return
    sys.path.insert(0, str(REPO / "benchmarks"))
    from qa_recall import POFILTER_TESTS, pofilter_command, pofilter_failures, po_units, write_po

    with tempfile.TemporaryDirectory() as tmp:
        commands = []
        for alignment, lang in zip(alignments, DRAFT_LANGS):
            path = Path(tmp) / f"{lang}.po"
            write_po(path, po_units(alignment, lang), lang)
            commands.append(pofilter_command(path, lang))
        del alignments
        # A child's peak RSS starts at its parent's (Linux keeps the high-water mark across
        # fork and exec): pofilter runs under a fresh small interpreter, which reports its children's.
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", _LAUNCH, json.dumps(commands)], check=True,
                              capture_output=True, text=True)
        theirs = time.perf_counter() - start
        theirs_cpu, rss = float(done.stdout.split()[-2]), int(done.stdout.split()[-1])
        failures = sum(len(pofilter_failures(Path(cmd[-1]))) for cmd in commands)
    print(f"pofilter on the same {total} pairs: {theirs:.2f} s, {theirs / total * 1000:.3f} ms per pair "
          f"(CPU {theirs_cpu:.2f} s, {theirs_cpu / total * 1000:.3f} ms per pair), "
          f"peak RSS {rss / 1024:.0f} MiB (one pofilter process per language, each reading its PO file whole), "
          f"{failures} failures")
    print(f"hexaglot / pofilter time per pair: {ours / theirs:.2f} wall, {ours_cpu / theirs_cpu:.2f} CPU "
          f"({'faster' if ours < theirs else 'slower'}; hexaglot runs {len(rules)} rules, pofilter "
          f"{len(POFILTER_TESTS)} tests)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=10000)
    parser.add_argument("--no-pofilter", action="store_true")
    parser.add_argument("--skip-end-to-end", action="store_true")
    parser.add_argument("--tokenised", action="store_true",
                        help="the pairs are A/RES/55/100 as OPUS tokenises it (../shared/data/opus-un-6way)")
    parser.add_argument("--warm", action="store_true",
                        help="only the rules stage of a warm worker on the six sample versions")
    parser.add_argument("--no-grouping", action="store_true",
                        help="every finding on its own (systematic_min_count = 0), to compare memory")
    parser.add_argument("--once", action="store_true", help="no second run (it only shows what the caches save)")
    args = parser.parse_args(argv)
    if hasattr(os, "getloadavg"):
        print("load average (1, 5, 15 min) at the start: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    if args.warm:
        warm_rules_stage()
        return 0
    if not args.skip_end_to_end:
        six_language_end_to_end()
        six_language_split()
    many_pairs(args.pairs, not args.no_pofilter, tokenised=args.tokenised, grouping=not args.no_grouping,
               second_run=not args.once)
    return 0


if __name__ == "__main__":
    sys.exit(main())
