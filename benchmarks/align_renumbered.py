"""Renumbered drafts: operative paragraphs deleted or added, the rest renumbered, beside hunalign.

A draft loses an operative paragraph in negotiation (or gains one) and the paragraphs after it
are renumbered: its ``op.6`` is now the French ``op.7``. An aligner that trusts the numbers pairs
every paragraph after the change with the wrong one, and every check after it compares a
paragraph with another's translation. Each of the five working versions of the sample set
(``samples/E-RES-2023-26``) is perturbed so, and aligned with the official French text at
paragraph level (``aligner.align.align_pair``); the gold links follow from the perturbation.

Printed for each perturbation and version: how many French operative paragraphs are not paired
with exactly their translation (``wrong``, of those the perturbation left in the version), for

- hexaglot as shipped;
- hexaglot without reading a shifted numbering (``anchors.SHIFT_STEPS`` emptied in this process:
  the structure anchors as they were before ``anchors.shifted_numbering``);
- hunalign (C++, ``--hunalign PATH``; no dictionary, ``-utf``; one paragraph a line, as
  ``benchmarks/align_sixway.py`` gives it), the peer, which reads no numbers.

Then what ``check`` reports on each version with op.5 deleted, and with one paragraph added
after op.5, with and without the shift reading (the one true finding: op.5 missing, or the
paragraph added).

The first perturbation (op.5 deleted) is the case the shift reading was made on, and the next
four were looked at while choosing its steps (one and two paragraphs); the last five were fixed
before any of them was run, and are printed apart.

Run from the repository root: ``python benchmarks/align_renumbered.py [--hunalign PATH]``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import aligner.align.anchors as anchors  # noqa: E402
from aligner.align import align_pair  # noqa: E402
from aligner.model import Document, Unit  # noqa: E402
from aligner.readers import read_document  # noqa: E402

SAMPLES = REPO / "samples" / "E-RES-2023-26"
VERSIONS = ("en", "es", "ru", "zh", "ar")

#: An operative paragraph a draft may gain, in each version (written by the hexaglot team).
ADDED = {
    "en": "Requests the Secretary-General to report on the implementation of the present resolution to the "
          "Commission at its next session;",
    "es": "Solicita al Secretario General que informe a la Comisión, en su próximo período de sesiones, sobre "
          "la aplicación de la presente resolución;",
    "ru": "просит Генерального секретаря представить доклад об осуществлении настоящей резолюции Комиссии на ее "
          "следующей сессии;",
    "zh": "请秘书长向委员会下届会议报告本决议的执行情况；",
    "ar": "تطلب إلى الأمين العام أن يقدم تقريرا عن تنفيذ هذا القرار إلى اللجنة في دورتها المقبلة؛",
}

#: (name, deleted operative paragraphs, operative paragraph a new one is added after).
SEEN = (("op.5 deleted", ("op.5",), None), ("op.20 deleted", ("op.20",), None),
        ("op.8 and op.21 deleted", ("op.8", "op.21"), None), ("one added after op.5", (), "op.5"),
        ("one added after op.30", (), "op.30"))
FRESH = (("op.12 deleted", ("op.12",), None), ("op.27 deleted", ("op.27",), None),
         ("op.2 and op.3 deleted", ("op.2", "op.3"), None), ("one added after op.15", (), "op.15"),
         ("op.9 deleted, one added after op.22", ("op.9",), "op.22"))


def perturbed(doc: Document, deleted: tuple[str, ...], added_after: str | None) -> tuple[Document, dict[str, str]]:
    """``doc`` with ``deleted`` removed, a paragraph added after ``added_after``, its operative
    paragraphs renumbered; and, for each French operative paragraph it still translates, the id
    of that translation now."""
    units: list[Unit] = []
    origin: list[str | None] = []
    for unit in doc.units:
        if unit.id in deleted:
            continue
        units.append(unit)
        origin.append(unit.id)
        if unit.id == added_after:
            units.append(Unit(id="added", role="operative", text=ADDED[doc.lang], lines=unit.lines))
            origin.append(None)
    number = 0
    for k, unit in enumerate(units):
        if unit.role == "operative":
            number += 1
            units[k] = replace(unit, id=f"op.{number}", number=number)
    gold = {source: unit.id for unit, source in zip(units, origin) if source and source.startswith("op.")}
    return replace(doc, units=tuple(units)), gold


def wrong(links: set[tuple[str, str]], gold: dict[str, str]) -> int:
    """French operative paragraphs not paired with exactly their translation."""
    paired: dict[str, set[str]] = {}
    for source, target in links:
        paired.setdefault(source, set()).add(target)
    return sum(1 for source, target in gold.items() if paired.get(source) != {target})


def hexaglot_links(fr: Document, doc: Document) -> set[tuple[str, str]]:
    return {(s, t) for bead in align_pair(fr, doc) for s in bead.src_ids for t in bead.tgt_ids}


def hunalign_links(binary: str, fr: Document, doc: Document) -> set[tuple[str, str]]:
    """hunalign's ladder on the two documents' paragraphs, one a line, read back as unit links."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, d in (("fr", fr), ("version", doc)):
            (folder / f"{name}.txt").write_text("".join(" ".join(u.text.split()) + "\n" for u in d.units),
                                                encoding="utf-8")
        (folder / "empty.dic").write_text("", encoding="utf-8")
        done = subprocess.run([binary, "-utf", "empty.dic", "fr.txt", "version.txt"], cwd=folder,
                              capture_output=True, text=True, check=True)
    rungs = [tuple(int(x) for x in line.split()[:2]) for line in done.stdout.splitlines() if len(line.split()) >= 2]
    n, m = len(fr.units), len(doc.units)
    rungs = ([(0, 0)] if not rungs or rungs[0] != (0, 0) else []) + rungs
    if rungs[-1] != (n, m):
        rungs.append((n, m))
    return {(fr.units[i].id, doc.units[j].id) for (i0, j0), (i1, j1) in zip(rungs, rungs[1:])
            for i in range(i0, i1) for j in range(j0, j1)}


def table(title: str, cases, fr: Document, versions: dict[str, Document], hunalign: str | None) -> dict[str, int]:
    print(f"\n{title}")
    print(f"{'perturbation':<36} {'version':<8} {'left':>5} {'hexaglot':>9} {'unshifted':>10} {'hunalign':>9}")
    totals = {"left": 0, "hexaglot": 0, "unshifted": 0, "hunalign": 0}
    for name, deleted, added_after in cases:
        for lang in VERSIONS:
            doc, gold = perturbed(versions[lang], deleted, added_after)
            ours = wrong(hexaglot_links(fr, doc), gold)
            steps, anchors.SHIFT_STEPS = anchors.SHIFT_STEPS, ()
            try:
                before = wrong(hexaglot_links(fr, doc), gold)
            finally:
                anchors.SHIFT_STEPS = steps
            peer = wrong(hunalign_links(hunalign, fr, doc), gold) if hunalign else None
            totals["left"] += len(gold)
            totals["hexaglot"] += ours
            totals["unshifted"] += before
            totals["hunalign"] += peer or 0
            print(f"{name:<36} {lang:<8} {len(gold):>5} {ours:>9} {before:>10} {'-' if peer is None else peer:>9}")
    peer_total = totals["hunalign"] if hunalign else "-"
    print(f"{'all':<36} {'':<8} {totals['left']:>5} {totals['hexaglot']:>9} {totals['unshifted']:>10} {peer_total:>9}")
    return totals


def findings_table(fr: Document, versions: dict[str, Document]) -> None:
    """What the check reports on each version with op.5 deleted, then with one paragraph added
    after it, and the rest renumbered (every rule, the bundled glossaries, French the source),
    with and without the shift reading: the one true finding is op.5 missing (ST01), or the
    paragraph added (ST02)."""
    from qa_rules.config import configure, select_rules
    from qa_rules.glossary import load_glossaries

    rules, glossaries = configure(select_rules([], []), {}), load_glossaries([], include_default=True)
    for title, deleted, added_after in (("op.5 deleted", ("op.5",), None), ("one added after op.5", (), "op.5")):
        print(f"\nThe check of each version with {title} and the rest renumbered: findings (commonest rules;"
              " those folded under their cause are not counted)")
        print(f"{'version':<8} {'hexaglot':<40} {'without the shift reading':<40}")
        for lang in VERSIONS:
            doc, _ = perturbed(versions[lang], deleted, added_after)
            print(f"{lang:<8} {findings(fr, doc, rules, glossaries):<40} "
                  f"{findings(fr, doc, rules, glossaries, steps=()):<40}")


def findings(fr: Document, doc: Document, rules, glossaries, steps: tuple[int, ...] | None = None) -> str:
    """How many findings the check of ``doc`` against ``fr`` reports, and its commonest rules
    (``steps``: ``anchors.SHIFT_STEPS`` for this check, as shipped if None)."""
    from collections import Counter

    from aligner.align import align_documents
    from qa_rules.engine import check

    kept = anchors.SHIFT_STEPS
    anchors.SHIFT_STEPS = kept if steps is None else steps
    try:
        counts = Counter(f.rule for f in check(align_documents([fr, doc]), rules, glossaries).findings)
    finally:
        anchors.SHIFT_STEPS = kept
    return f"{sum(counts.values())} ({', '.join(f'{rule} {n}' for rule, n in counts.most_common(3))})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hunalign", help="path of a hunalign binary (the peer); skipped if absent")
    args = parser.parse_args()
    hunalign = args.hunalign or os.environ.get("HUNALIGN")
    if hunalign and not (Path(hunalign).is_file() and os.access(hunalign, os.X_OK)):
        sys.exit(f"{hunalign}: not an executable hunalign")
    if not hunalign:
        print("hunalign: no --hunalign PATH given; the peer's column is left out")
    fr = read_document(SAMPLES / "fr.md")
    versions = {lang: read_document(SAMPLES / f"{lang}.md") for lang in VERSIONS}
    print("French operative paragraphs not paired with exactly their translation (of those the version keeps)")
    table("Seen while making the shift reading (op.5 deleted: the case it was made on)", SEEN, fr, versions, hunalign)
    table("Fixed before they were first run", FRESH, fr, versions, hunalign)
    findings_table(fr, versions)


if __name__ == "__main__":
    main()
