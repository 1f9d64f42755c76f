"""Recall and precision of hexaglot's QA rules on drafts with planted errors, against pofilter.

    python benchmarks/qa_recall.py                 # hexaglot and pofilter, per category
    python benchmarks/qa_recall.py --no-pofilter
    python benchmarks/qa_recall.py --misses held-out  # list the held-out misses (after tuning only)

The drafts (``samples/drafts/{en,es,ru,zh,ar}_draft.md``) are the sample resolution
with errors planted by hand; ``samples/drafts/gold.tsv`` lists each one
(draft, line, category, description, split). Each draft is checked against the
French original exactly as ``hexaglot check fr.md <draft>`` does (all
registered rules, default configuration). A finding *matches* a gold error of
the same draft and category when the gold line lies in the finding's target
unit (its input lines, +-1) or within one line of the finding's line;
precision is the share of findings that match a gold error, recall the share
of gold errors matched by at least one finding. A finding that explains others
(``qa_rules.causes``: a dropped paragraph and the numbering gap it leaves) is one
finding, as the report counts it; it matches a gold error when it or any of the
findings folded under it would (each in its own category), so a planted error
whose finding is folded under its cause still counts as found, and the symptoms
no longer count as findings of their own. The clean versions
(``samples/E-RES-2023-26``) are checked the same way: every finding there is a
false alarm.

The gold errors are split in two (``benchmarks/make_qa_drafts.py``): within a
draft and a category, every second plant is held out, the others are for
development. Rules are tuned by reading the development misses only (the run
lists them; ``--misses held-out`` lists the others, for the final look). A
finding belongs to the split of a gold error it matches, else to the split of
the nearest gold error of its draft (a wrong-category finding is almost always
a planted error's echo); recall and precision are printed for each split and
for both.

translate-toolkit's ``pofilter`` (GPL, a dev dependency: used here only, in a
subprocess) gets the same aligned pairs as a PO file (one unit per aligned
row, italics as ``<i>`` tags so that its ``xmltags`` test can see them), run
with only the tests that map honestly onto our categories (``POFILTER_TESTS``).
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from qa_rules.model import CATEGORIES  # noqa: E402
from qa_rules.run import CheckOptions, check_files  # noqa: E402

SAMPLES = REPO / "samples" / "E-RES-2023-26"
DRAFTS = REPO / "samples" / "drafts"
GOLD = DRAFTS / "gold.tsv"
DRAFT_LANGS = ("en", "es", "ru", "zh", "ar")
CLEAN_LANGS = ("en", "es", "ru", "zh", "ar")

#: pofilter test -> our category (tests with no honest counterpart are not run).
POFILTER_TESTS = {
    "numbers": "numbers",
    "doublespacing": "spacing",
    "puncspacing": "spacing",
    "endpunc": "punctuation",
    "startpunc": "punctuation",
    "brackets": "punctuation",
    "doublequoting": "punctuation",
    "untranslated": "untranslated",
    "unchanged": "untranslated",
    "blank": "untranslated",
    "long": "length",
    "short": "length",
    "sentencecount": "structure",
    "filepaths": "references",
    "acronyms": "terminology",
    "xmltags": "markup",
}


@dataclass(frozen=True)
class Gold:
    draft: str
    line: int
    category: str
    description: str
    split: str = "dev"


DEV, HELD_OUT = "dev", "held-out"
SPLITS = (DEV, HELD_OUT)


@dataclass(frozen=True)
class Hit:
    """A finding reduced to what matching needs: where and in which category."""

    draft: str
    category: str
    line: int | None
    span: tuple[int, int] | None  # the target unit's input lines
    severity: str = "warning"
    label: str = ""
    #: the findings folded under this one (``Finding.consequences``), each a hit of its own kind
    consequences: tuple["Hit", ...] = ()


@dataclass
class Score:
    gold: list[Gold]
    hits: list[Hit]
    matched_gold: set[int] = field(default_factory=set)
    matched_hits: set[int] = field(default_factory=set)
    hit_splits: list[str] = field(default_factory=list)

    def gold_in(self, split: str | None) -> list[int]:
        return [i for i, g in enumerate(self.gold) if split is None or g.split == split]

    def hits_in(self, split: str | None) -> list[int]:
        return [i for i in range(len(self.hits)) if split is None or self.hit_splits[i] == split]

    def per_category(self, split: str | None = None) -> dict[str, tuple[float | None, float | None, int, int]]:
        """category -> (recall, precision, gold count, finding count), on one split or (None) both."""
        out = {}
        for cat in CATEGORIES:
            gold = [i for i in self.gold_in(split) if self.gold[i].category == cat]
            hits = [i for i in self.hits_in(split) if self.hits[i].category == cat]
            recall = sum(i in self.matched_gold for i in gold) / len(gold) if gold else None
            precision = sum(i in self.matched_hits for i in hits) / len(hits) if hits else None
            out[cat] = (recall, precision, len(gold), len(hits))
        return out

    def overall(self, split: str | None = None) -> tuple[float, float]:
        gold, hits = self.gold_in(split), self.hits_in(split)
        recall = sum(i in self.matched_gold for i in gold) / len(gold) if gold else 0.0
        precision = sum(i in self.matched_hits for i in hits) / len(hits) if hits else 0.0
        return recall, precision


def read_gold(path: Path = GOLD) -> list[Gold]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t")
        return [Gold(r["draft"], int(r["line"]), r["category"], r["description"], r["split"]) for r in rows]


def matches(hit: Hit, gold: Gold) -> bool:
    """Whether the finding, or one the report folded under it, points at the gold error."""
    return _matches_here(hit, gold) or any(matches(c, gold) for c in hit.consequences)


def _matches_here(hit: Hit, gold: Gold) -> bool:
    if hit.draft != gold.draft or hit.category != gold.category:
        return False
    if hit.span and hit.span[0] - 1 <= gold.line <= hit.span[1] + 1:
        return True
    return hit.line is not None and abs(hit.line - gold.line) <= 1


def _distance(hit: Hit, gold: Gold) -> float:
    if hit.draft != gold.draft:
        return float("inf")
    if hit.span:
        return max(0, hit.span[0] - gold.line, gold.line - hit.span[1])
    return abs(hit.line - gold.line) if hit.line is not None else float("inf")


def hit_split(hit: Hit, gold: list[Gold]) -> str:
    """The split of the first gold error the finding matches, else of the nearest one in its draft."""
    matched = next((g for g in gold if matches(hit, g)), None)
    if matched is None:
        nearest = min(gold, key=lambda g: _distance(hit, g), default=None)
        matched = nearest if nearest is not None and _distance(hit, nearest) < float("inf") else None
    return matched.split if matched is not None else DEV


def score(gold: list[Gold], hits: list[Hit]) -> Score:
    result = Score(gold, hits, hit_splits=[hit_split(h, gold) for h in hits])
    for gi, g in enumerate(gold):
        for hi, h in enumerate(hits):
            if matches(h, g):
                result.matched_gold.add(gi)
                result.matched_hits.add(hi)
    return result


# -- hexaglot ---------------------------------------------------------------------------


def hexaglot_report(target: Path, lang: str):
    return check_files([str(SAMPLES / "fr.md"), str(target)], CheckOptions(langs=("fr", lang)))


def hexaglot_hits(report, draft: str) -> list[Hit]:
    """One hit per finding of the report (its consequences folded in it, as the report does)."""
    documents = {doc.lang: doc for doc in report.documents}

    def hit(f) -> Hit:
        side = f.target
        span = None
        line = side.line if side else None
        if side is not None and side.unit:
            unit = _unit(documents.get(side.lang), side.unit)
            if unit is not None:
                span = unit.lines
        if side is None and f.source is not None and report.alignment is not None:
            span = _neighbour_span(report, f)
        return Hit(draft, f.category, line, span, f.severity, f"{f.rule} {f.message}",
                   tuple(hit(c) for c in f.consequences))

    return [hit(f) for f in report.findings]


def _unit(doc, unit_id: str):
    if doc is None:
        return None
    unit = doc.unit(unit_id)
    if unit is None and ".s" in unit_id:
        unit = doc.unit(unit_id.rpartition(".s")[0])
    return unit


def _neighbour_span(report, finding) -> tuple[int, int] | None:
    """For a source unit missing from the target: the gap between the nearest
    rows before and after it that pair a source and a target unit."""
    alignment = report.alignment
    target_lang = next(lang for lang in alignment.languages if lang != alignment.pivot)

    def paired(row) -> bool:
        src, tgt = row.cells.get(alignment.pivot), row.cells.get(target_lang)
        return bool(src and src.units and tgt and tgt.units and tgt.lines)

    rows = alignment.rows
    for index, row in enumerate(rows):
        cell = row.cells.get(alignment.pivot)
        if cell and finding.source.unit in cell.units:
            before = next((r.cells[target_lang].lines[-1] for r in reversed(rows[:index]) if paired(r)), None)
            after = next((r.cells[target_lang].lines[0] for r in rows[index + 1:] if paired(r)), None)
            if before is not None and after is not None:
                return (before + 1, after - 1)
    return None


# -- pofilter ---------------------------------------------------------------------------


def _italic_markup(unit) -> str:
    text, out, pos = unit.text, [], 0
    for span in unit.italic:
        out.append(text[pos:span.start])
        out.append(f"<i>{text[span.start:span.end]}</i>")
        pos = span.end
    out.append(text[pos:])
    return "".join(out)


def _po_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def po_units(alignment, target_lang: str) -> list[tuple[str, str, str]]:
    """(context, source, target) per aligned row with both sides present.

    The context names the target units and their line span (``op.5@155-157``).
    """
    docs = alignment.documents
    units = []
    for row in alignment.rows:
        src_cell, tgt_cell = row.cells.get(alignment.pivot), row.cells.get(target_lang)
        if not src_cell or not src_cell.units or not tgt_cell or not tgt_cell.units:
            continue
        src_units = [_unit(docs[alignment.pivot], u) for u in src_cell.units]
        tgt_units = [_unit(docs[target_lang], u) for u in tgt_cell.units]
        if None in src_units or None in tgt_units:
            continue
        lines = [ln for u in tgt_units for ln in u.lines]
        context = f"{'+'.join(u.id for u in tgt_units)}@{min(lines)}-{max(lines)}"
        units.append((context, " ".join(_italic_markup(u) for u in src_units),
                      " ".join(_italic_markup(u) for u in tgt_units)))
    return units


def write_po(path: Path, units: list[tuple[str, str, str]], lang: str) -> None:
    head = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', f'"Language: {lang}\\n"', ""]
    body = []
    for context, source, target in units:
        body += [f"msgctxt {_po_quote(context)}", f"msgid {_po_quote(source)}", f"msgstr {_po_quote(target)}", ""]
    path.write_text("\n".join(head + body), encoding="utf-8")


_PO_FLAG = re.compile(r"^# \(pofilter\) (\w+):")
_CTXT = re.compile(r'^msgctxt "([^"]*)@(\d+)-(\d+)"')


def run_pofilter(po_path: Path, lang: str, source_lang: str = "fr") -> list[tuple[str, int, int]]:
    """(test, first line, last line) per pofilter failure."""
    cmd = pofilter_command(po_path, lang)
    subprocess.run(cmd, check=True, capture_output=True)
    return pofilter_failures(Path(cmd[-1]))


def pofilter_command(po_path: Path, lang: str) -> list[str]:
    """The pofilter command line checking ``po_path`` with ``POFILTER_TESTS`` (its output file last)."""
    cmd = ["pofilter", "--progress=none", f"--language={lang}"]
    for test in POFILTER_TESTS:
        cmd += ["-t", test]
    return cmd + [str(po_path), str(po_path.with_suffix(".out.po"))]


def pofilter_failures(out_path: Path) -> list[tuple[str, int, int]]:
    """(test, first line, last line) per failure in pofilter's output file."""
    failures, pending = [], []
    for line in out_path.read_text(encoding="utf-8").splitlines():
        flag = _PO_FLAG.match(line)
        if flag:
            pending.append(flag.group(1))
            continue
        ctxt = _CTXT.match(line)
        if ctxt:
            failures += [(test, int(ctxt.group(2)), int(ctxt.group(3))) for test in pending]
            pending = []
    return failures


def pofilter_hits(report, draft: str, lang: str, workdir: Path) -> list[Hit]:
    po_path = workdir / f"{draft}.po"
    write_po(po_path, po_units(report.alignment, lang), lang)
    return [Hit(draft, POFILTER_TESTS[test], None, (start, end), "warning", test)
            for test, start, end in run_pofilter(po_path, lang)]


# -- the run ----------------------------------------------------------------------------


@dataclass
class Results:
    hexaglot: Score
    pofilter: Score | None
    clean_hexaglot: dict[str, list[Hit]]
    clean_pofilter: dict[str, list[Hit]] | None


def evaluate(with_pofilter: bool = True) -> Results:
    gold = read_gold()
    ours, theirs = [], []
    clean_ours: dict[str, list[Hit]] = {}
    clean_theirs: dict[str, list[Hit]] | None = {} if with_pofilter else None
    with_pofilter = with_pofilter and shutil.which("pofilter") is not None
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for lang in DRAFT_LANGS:
            draft = f"{lang}_draft.md"
            report = hexaglot_report(DRAFTS / draft, lang)
            ours += hexaglot_hits(report, draft)
            if with_pofilter:
                theirs += pofilter_hits(report, draft, lang, workdir)
        for lang in CLEAN_LANGS:
            name = f"{lang}.md"
            report = hexaglot_report(SAMPLES / name, lang)
            clean_ours[name] = hexaglot_hits(report, name)
            if with_pofilter and clean_theirs is not None:
                clean_theirs[name] = pofilter_hits(report, name, lang, workdir)
    return Results(score(gold, ours), score(gold, theirs) if with_pofilter else None,
                   clean_ours, clean_theirs if with_pofilter else None)


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.2f}"


def print_table(results: Results, split: str | None) -> None:
    tools = [("hexaglot", results.hexaglot, results.clean_hexaglot)]
    if results.pofilter is not None:
        tools.append(("pofilter", results.pofilter, results.clean_pofilter))
    name_of_split = {None: "both splits", DEV: "development split", HELD_OUT: "held-out split"}[split]
    gold_count = len(results.hexaglot.gold_in(split))
    print(f"{name_of_split}: {gold_count} gold errors in {len(DRAFT_LANGS)} drafts ({', '.join(DRAFT_LANGS)}) against fr.md")
    header = f"{'category':<13}{'gold':>5}" + "".join(f"  {name:>8} R    P  (n) clean" for name, _, _ in tools)
    print(header)
    per = {name: s.per_category(split) for name, s, _ in tools}
    noise = {name: Counter(h.category for hits in clean.values() for h in hits) for name, _, clean in tools}
    for cat in CATEGORIES:
        row = f"{cat:<13}{per['hexaglot'][cat][2]:>5}"
        for name, _, _ in tools:
            recall, precision, _, n = per[name][cat]
            row += f"  {'':>3}{_fmt(recall)} {_fmt(precision)} ({n:>2}) {noise[name][cat]:>5}"
        print(row)
    row = f"{'overall':<13}{gold_count:>5}"
    for name, s, _ in tools:
        recall, precision = s.overall(split)
        row += f"  {'':>3}{recall:5.2f} {precision:5.2f} ({len(s.hits_in(split)):>2}) {sum(noise[name].values()):>5}"
    print(row)


def print_results(results: Results, misses: str = DEV) -> None:
    print("(n: findings on the drafts; clean: findings on the five clean versions, all false alarms)")
    for split in (DEV, HELD_OUT, None):
        print_table(results, split)
        print()
    tools = [("hexaglot", results.clean_hexaglot)]
    if results.clean_pofilter is not None:
        tools.append(("pofilter", results.clean_pofilter))
    for name, clean in tools:
        total = sum(len(h) for h in clean.values())
        errors = sum(1 for hits in clean.values() for h in hits if h.severity == "error")
        detail = ", ".join(f"{k} {len(v)}" for k, v in clean.items())
        print(f"{name}: false alarms on the clean versions: {total} ({detail}); error severity: {errors}")
    if misses == "none":
        return
    shown = None if misses == "all" else misses
    ours = results.hexaglot
    print(f"hexaglot misses ({misses}): " + ("; ".join(
        f"{ours.gold[i].draft}:{ours.gold[i].line} {ours.gold[i].category} ({ours.gold[i].description})"
        for i in ours.gold_in(shown) if i not in ours.matched_gold) or "none"))
    unmatched = [ours.hits[i] for i in ours.hits_in(shown) if i not in ours.matched_hits]
    print(f"hexaglot unmatched findings ({misses}): "
          + ("; ".join(f"{h.draft}:{h.line} {h.category} {h.label[:70]}" for h in unmatched) or "none"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-pofilter", action="store_true", help="measure hexaglot only")
    parser.add_argument("--misses", choices=(DEV, HELD_OUT, "all", "none"), default=DEV,
                        help="whose misses and unmatched findings to list (default: the development split's)")
    args = parser.parse_args(argv)
    print_results(evaluate(with_pofilter=not args.no_pofilter), misses=args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
