"""Findings on real UN text with every language as source, beside pofilter.

    python benchmarks/real_text.py                    # both sets, hexaglot and pofilter
    python benchmarks/real_text.py --set a55 --no-pofilter

Two sets of six versions are checked, each ordered pair in turn (6 x 5 = 30 per
set), one source and one target per run, exactly as ``hexaglot check SOURCE
TARGET`` does: all registered rules, library default configuration (no config
file is looked up), the bundled glossaries.

- ``a55``: ``samples/A-RES-55-100``, the six official versions of A/RES/55/100;
- ``sample``: ``samples/E-RES-2023-26``, the official French text of
  E/RES/2023/26 and five working translations;
- ``tokenised``: A/RES/55/100 exactly as OPUS ships it
  (``../shared/data/opus-un-6way``: spaces around every punctuation mark, one
  paragraph per OPUS unit, written to temporary Markdown files), the case of
  systematic patterns: hundreds of misplaced spaces per version, each kind
  reported once with its count (``qa_rules.systematic``). Not run by default
  (``--set tokenised`` or ``--set all``).

A finding that stands for a systematic pattern counts once in the tables and
the rates; its occurrences are printed beside.

The texts are real, so every finding is either a true problem of a text or a
false alarm; the goal is that no error-severity finding is a false alarm. The
script prints, per set, the findings per rule code and target language, the
count per severity, the total per 1,000 target words, and every error-severity
finding (rule, pair, line, message) to be judged by a reader.

Words: whitespace-separated tokens of the target file; for Chinese, which is
written without spaces, the number of Han characters divided by 1.5 (about 1.5
characters to a word), so that rates compare across languages. Each target
counts once per source it is checked against (five times per set).

translate-toolkit's ``pofilter`` (GPL, a dev dependency used only here and in
``qa_recall.py``, in a subprocess) gets the same aligned pairs as a PO file
built as ``qa_recall.py`` builds it, with the same tests (pofilter's default
test set restricted to those that map honestly onto a hexaglot category,
``qa_recall.POFILTER_TESTS``); its failures per 1,000 target words are printed
beside hexaglot's.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
for folder in (REPO, REPO / "benchmarks"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from qa_recall import po_units, run_pofilter, write_po  # noqa: E402
from qa_rules.config import RunConfig  # noqa: E402
from qa_rules.run import CheckOptions, check_files  # noqa: E402
from qa_rules.systematic import Systematic  # noqa: E402

LANGS = ("ar", "en", "es", "fr", "ru", "zh")
SETS = {
    "a55": ("A/RES/55/100, six official versions", REPO / "samples" / "A-RES-55-100"),
    "sample": ("E/RES/2023/26, official French + five working translations", REPO / "samples" / "E-RES-2023-26"),
    "tokenised": ("A/RES/55/100 as OPUS tokenises it (spaces around punctuation)",
                  REPO.parent / "shared" / "data" / "opus-un-6way" / "A-RES-55-100.jsonl"),
}
SEVERITIES = ("error", "warning", "info")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def words(text: str, lang: str) -> float:
    """Whitespace tokens; for Chinese, Han characters / 1.5."""
    if lang == "zh":
        return len(_HAN.findall(text)) / 1.5
    return float(len(text.split()))


@dataclass(frozen=True)
class Item:
    rule: str
    severity: str
    source: str
    target: str
    line: int | None
    message: str
    count: int = 1


@dataclass
class SetResult:
    key: str
    findings: list[Item] = field(default_factory=list)
    target_words: float = 0.0
    pofilter: Counter | None = None  # test -> failures
    pairs: int = 0


def check_pair(folder: Path, source: str, target: str, config: RunConfig = RunConfig()):
    """``config``: the library defaults, or (``--no-grouping``) every finding on its own."""
    options = CheckOptions(langs=(source, target), discover=False)
    return check_files([str(folder / f"{source}.md"), str(folder / f"{target}.md")], options, config=config)


def tokenised_folder(jsonl: Path, workdir: Path) -> Path:
    """The OPUS units of each language as a Markdown file (a paragraph per unit) in ``workdir``."""
    records = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines() if line.strip()]
    folder = workdir / "tokenised"
    folder.mkdir(exist_ok=True)
    for lang in LANGS:
        (folder / f"{lang}.md").write_text("\n\n".join(r[lang] for r in records) + "\n", encoding="utf-8")
    return folder


def run_set(key: str, with_pofilter: bool, workdir: Path | None, config: RunConfig = RunConfig()) -> SetResult:
    folder = SETS[key][1]
    if key == "tokenised":
        if workdir is None:
            raise ValueError("the tokenised set is written to a working folder")
        folder = tokenised_folder(folder, workdir)
    result = SetResult(key, pofilter=Counter() if with_pofilter else None)
    sizes = {lang: words((folder / f"{lang}.md").read_text(encoding="utf-8"), lang) for lang in LANGS}
    for source in LANGS:
        for target in LANGS:
            if source == target:
                continue
            report = check_pair(folder, source, target, config)
            result.pairs += 1
            result.target_words += sizes[target]
            for f in report.findings:
                side = f.target or f.source
                result.findings.append(Item(f.rule, f.severity, source, target,
                                            side.line if side else None, f.message, f.count))
            if with_pofilter and workdir is not None and report.alignment is not None:
                po_path = workdir / f"{key}-{source}-{target}.po"
                write_po(po_path, po_units(report.alignment, target), target)
                result.pofilter.update(test for test, _, _ in run_pofilter(po_path, target, source))
    return result


def per_thousand(count: int, total_words: float) -> float:
    return 1000 * count / total_words if total_words else 0.0


def print_set(result: SetResult) -> None:
    title, folder = SETS[result.key]
    shown = folder.relative_to(REPO) if folder.is_relative_to(REPO) else f"../{folder.relative_to(REPO.parent)}"
    print(f"== {result.key}: {title} ({shown}), {result.pairs} ordered pairs, "
          f"{result.target_words:,.0f} target words (zh: Han characters / 1.5)")
    table = Counter((f.rule, f.target) for f in result.findings)
    rules = sorted({rule for rule, _ in table})
    print(f"{'rule':<6}" + "".join(f"{lang:>6}" for lang in LANGS) + f"{'total':>7}   (columns: target language)")
    for rule in rules:
        counts = [table[(rule, lang)] for lang in LANGS]
        print(f"{rule:<6}" + "".join(f"{c:>6}" for c in counts) + f"{sum(counts):>7}")
    by_target = Counter(f.target for f in result.findings)
    print(f"{'all':<6}" + "".join(f"{by_target[lang]:>6}" for lang in LANGS) + f"{len(result.findings):>7}")
    severity = Counter(f.severity for f in result.findings)
    print("by severity: " + ", ".join(f"{s} {severity[s]}" for s in SEVERITIES)
          + "".join(f", {s} {n}" for s, n in severity.items() if s not in SEVERITIES))
    total = len(result.findings)
    grouped = [f for f in result.findings if f.count > 1]
    if grouped:
        print(f"systematic patterns: {len(grouped)} findings standing for {sum(f.count for f in grouped)} "
              f"occurrences; all findings stand for {sum(f.count for f in result.findings)} occurrences")
    line = f"hexaglot: {total} findings, {per_thousand(total, result.target_words):.2f} per 1,000 target words"
    warn = severity["error"] + severity["warning"]
    line += f" ({per_thousand(warn, result.target_words):.2f} errors+warnings)"
    print(line)
    if result.pofilter is not None:
        n = sum(result.pofilter.values())
        rate = per_thousand(n, result.target_words)
        ours = per_thousand(total, result.target_words)
        ratio = f", ratio pofilter/hexaglot {rate / ours:.1f}" if ours else ""
        print(f"pofilter: {n} failures, {rate:.2f} per 1,000 target words{ratio}  ("
              + ", ".join(f"{t} {c}" for t, c in result.pofilter.most_common()) + ")")
    errors = [f for f in result.findings if f.severity == "error"]
    print(f"error-severity findings: {len(errors)}")
    for f in sorted(errors, key=lambda f: (f.rule, f.source, f.target, f.line or 0)):
        where = f"{f.source}->{f.target}" + (f":{f.line}" if f.line is not None else "")
        print(f"  {f.rule} {where}  {f.message}" + (f"  [{f.count} occurrences]" if f.count > 1 else ""))
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("a55", "sample", "tokenised", "both", "all"), default="both",
                        help="which set to check (both: a55 and sample; all: the three)")
    parser.add_argument("--no-pofilter", action="store_true", help="measure hexaglot only")
    parser.add_argument("--no-grouping", action="store_true",
                        help="report every finding on its own, no systematic patterns (to compare)")
    args = parser.parse_args(argv)
    config = RunConfig(systematic=Systematic(min_count=0)) if args.no_grouping else RunConfig()
    keys = {"both": ("a55", "sample"), "all": ("a55", "sample", "tokenised")}.get(args.set, (args.set,))
    with_pofilter = not args.no_pofilter
    if with_pofilter and shutil.which("pofilter") is None:
        print("pofilter not found (pip install translate-toolkit); measuring hexaglot only", file=sys.stderr)
        with_pofilter = False
    with tempfile.TemporaryDirectory() as tmp:
        for key in keys:
            print_set(run_set(key, with_pofilter, Path(tmp), config))
    return 0


if __name__ == "__main__":
    sys.exit(main())
