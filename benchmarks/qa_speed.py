"""Speed and peak memory of ``hexaglot check``, against pofilter on the same pairs.

    python benchmarks/qa_speed.py              # 10,000 pairs
    python benchmarks/qa_speed.py --pairs 2000

1. The editor's six-language check of the sample set, end to end (a fresh
   ``python -m hexaglot check fr.md en.md es.md ru.md zh.md ar.md --format json``
   process: start-up, reading, alignment, every rule, the JSON report), with
   its peak resident memory; the same run in-process for the library's share.
2. The three drafts aligned with the French original, their aligned rows
   repeated until there are ``--pairs`` (source, target) paragraph pairs, checked
   by the engine with every registered rule and the bundled glossaries (time,
   tracemalloc peak); the same pairs as PO files through translate-toolkit's
   ``pofilter`` with its default tests (a subprocess per target language; time
   and peak resident memory). Per-segment times are compared in the same run.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from aligner.model import Alignment, Cell, Document, Row  # noqa: E402

SAMPLES = REPO / "samples" / "E-RES-2023-26"
DRAFTS = REPO / "samples" / "drafts"
LANGS = ("en", "es", "ru", "zh", "ar")
DRAFT_LANGS = ("en", "es", "ru")


def _child_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def six_language_cli(workdir: Path) -> tuple[float, float, int]:
    """(seconds, peak MB of the process, exit code) of the editor's command."""
    paths = [str(SAMPLES / "fr.md")] + [str(SAMPLES / f"{lang}.md") for lang in LANGS]
    out = workdir / "six.json"
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "hexaglot", "check", *paths, "--format", "json", "-o", str(out)],
                          cwd=workdir, capture_output=True, text=True)
    return time.perf_counter() - start, _child_peak_mb(), proc.returncode


def six_language_library() -> tuple[float, int]:
    from qa_rules.run import check_files

    paths = [str(SAMPLES / "fr.md")] + [str(SAMPLES / f"{lang}.md") for lang in LANGS]
    start = time.perf_counter()
    report = check_files(paths)
    return time.perf_counter() - start, len(report.findings)


def draft_alignment() -> Alignment:
    from aligner.align import align_documents
    from aligner.readers import read_document

    docs = [read_document(SAMPLES / "fr.md")] + [read_document(DRAFTS / f"{lang}_draft.md", lang=lang) for lang in DRAFT_LANGS]
    return align_documents(docs, level="paragraph")


def repeated(alignment: Alignment, pairs: int) -> Alignment:
    """The alignment's rows repeated (unit ids made unique) until it holds ``pairs`` pairs."""
    targets = [lang for lang in alignment.languages if lang != alignment.pivot]
    per_copy = sum(1 for row in alignment.rows for lang in targets
                   if row.cells.get(alignment.pivot) and row.cells[alignment.pivot].units
                   and row.cells.get(lang) and row.cells[lang].units)
    copies = -(-pairs // per_copy)
    units = {lang: [] for lang in alignment.languages}
    rows = []
    for k in range(copies):
        for lang in alignment.languages:
            units[lang] += [replace(u, id=f"{u.id}.r{k}") for u in alignment.documents[lang].units]
        for row in alignment.rows:
            cells = {lang: Cell(tuple(f"{u}.r{k}" for u in cell.units), cell.lines, cell.text)
                     for lang, cell in row.cells.items()}
            rows.append(Row(cells=cells, score=row.score))
    documents = {lang: Document(path=doc.path, lang=lang, units=tuple(units[lang]), input_format=doc.input_format)
                 for lang, doc in alignment.documents.items()}
    return Alignment(languages=alignment.languages, pivot=alignment.pivot, level=alignment.level,
                     rows=tuple(rows), documents=documents, signature=alignment.signature)


def count_pairs(alignment: Alignment) -> int:
    pivot = alignment.pivot
    return sum(1 for row in alignment.rows for lang, cell in row.cells.items()
               if lang != pivot and cell.units and row.cells.get(pivot) and row.cells[pivot].units)


def hexaglot_engine(alignment: Alignment) -> tuple[float, float, int]:
    """(seconds, tracemalloc peak MB, findings) of every registered rule on ``alignment``."""
    from qa_rules.engine import check
    from qa_rules.registry import RULES
    from qa_rules.run import load_run_glossaries

    glossaries = load_run_glossaries((), include_default=True)
    tracemalloc.start()
    start = time.perf_counter()
    report = check(alignment, RULES, glossaries)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return seconds, peak, len(report.findings)


def pofilter_run(alignment: Alignment, workdir: Path) -> tuple[float, float, int]:
    """(seconds, peak MB of the largest pofilter process, failures) on the same pairs."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("qa_recall_bench", REPO / "benchmarks" / "qa_recall.py")
    recall = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = recall
    spec.loader.exec_module(recall)
    files = []
    for lang in alignment.languages:
        if lang == alignment.pivot:
            continue
        path = workdir / f"speed_{lang}.po"
        recall.write_po(path, recall.po_units(alignment, lang), lang)
        files.append((lang, path))
    start = time.perf_counter()
    failures = 0
    for lang, path in files:
        out = path.with_suffix(".out.po")
        subprocess.run(["pofilter", "--progress=none", f"--language={lang}", str(path), str(out)],
                       check=True, capture_output=True)
        if out.exists():
            failures += out.read_text(encoding="utf-8").count("# (pofilter) ")
    return time.perf_counter() - start, _child_peak_mb(), failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=10_000, help="aligned pairs to check (default 10,000)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        seconds, peak, code = six_language_cli(workdir)
        print(f"six-language sample check, end to end (hexaglot check, JSON): {seconds:.2f} s, "
              f"peak RSS {peak:.0f} MB, exit {code}")
        lib_seconds, findings = six_language_library()
        print(f"  of which the library (read, align, check): {lib_seconds:.2f} s, {findings} findings")
        base = draft_alignment()
        big = repeated(base, args.pairs)
        pairs = count_pairs(big)
        ours, our_peak, our_findings = hexaglot_engine(big)
        print(f"hexaglot engine, {pairs} aligned pairs ({len(big.rows)} rows x 3 targets), every rule: "
              f"{ours:.2f} s, {1e6 * ours / pairs:.0f} us/pair, tracemalloc peak {our_peak:.0f} MB, {our_findings} findings")
        theirs, their_peak, failures = pofilter_run(big, workdir)
        print(f"pofilter (default tests, 3 processes), same pairs: {theirs:.2f} s, "
              f"{1e6 * theirs / pairs:.0f} us/pair, peak RSS {their_peak:.0f} MB, {failures} failures")
        print(f"per segment: hexaglot is {theirs / ours:.1f}x {'faster' if ours < theirs else 'slower'} than pofilter")
    return 0


if __name__ == "__main__":
    sys.exit(main())
