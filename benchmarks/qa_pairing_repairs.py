"""Do the engine's pairing repairs still change any finding? Each one disabled in turn.

    python benchmarks/qa_pairing_repairs.py            # sample set, drafts, A/RES/55/100 if present
    python benchmarks/qa_pairing_repairs.py --verbose  # and the findings each repair changes

The repairs (``qa_rules.pairing._rejoin``, ``qa_rules.pairing.split_overgrouped``
and ``repair_operative_runs``) undo aligner mistakes before the rules see the
pairs. A repair is worth keeping only while the aligner still makes the
mistake it covers, so this script runs the engine (every registered rule) on

- the drafts (``samples/drafts``) alone and together, and the clean versions;
- each clean version of the sample set perturbed one way at a time (cut
  short, lengthened, merged, split, deleted, renumbered, repeated);
- the six-language A/RES/55/100 of ``../shared/data/opus-un-6way`` perturbed
  the same way (when the folder is there);

at paragraph and sentence level, with all repairs and with each one turned
into the identity, and counts the runs whose findings (rule, units, message)
change.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import qa_rules.engine as engine  # noqa: E402
from aligner.align import align_documents  # noqa: E402
from aligner.model import Document, Unit  # noqa: E402
from aligner.readers import read_document  # noqa: E402
from qa_rules.registry import RULES  # noqa: E402

SAMPLES = REPO / "samples" / "E-RES-2023-26"
DRAFT_LANGS = ("en", "es", "ru", "zh", "ar")
DRAFTS = REPO / "samples" / "drafts"
OPUS = REPO.parent / "shared" / "data" / "opus-un-6way" / "A-RES-55-100.jsonl"
LANGS = ("en", "es", "ru", "zh", "ar")
LEVELS = ("paragraph", "sentence")
REPAIRS = ("_rejoin", "split_overgrouped", "repair_operative_runs")


# -- perturbations (each returns a new Document) ------------------------------------------


def _edit(doc: Document, uid: str, make) -> Document:
    units = []
    for unit in doc.units:
        units += make(unit) if unit.id == uid else [unit]
    return replace(doc, units=tuple(units))


def cut(doc: Document, uid: str, keep: float = 0.3) -> Document:
    return _edit(doc, uid, lambda u: [replace(u, text=u.text[: int(len(u.text) * keep)])])


def lengthen(doc: Document, uid: str, other: str) -> Document:
    extra = doc.unit(other).text
    return _edit(doc, uid, lambda u: [replace(u, text=f"{u.text} {extra}")])


def merge(doc: Document, first: str, second: str) -> Document:
    tail = doc.unit(second).text
    merged = _edit(doc, first, lambda u: [replace(u, text=f"{u.text} {tail}")])
    return replace(merged, units=tuple(u for u in merged.units if u.id != second))


def split(doc: Document, uid: str) -> Document:
    def halves(u: Unit) -> list[Unit]:
        at = u.text.find(" ", len(u.text) // 2)
        at = at if at > 0 else len(u.text) // 2  # Chinese: no spaces
        return [replace(u, text=u.text[:at]), replace(u, id=f"{uid}b", text=u.text[at:].strip(), number=None)]

    return _edit(doc, uid, halves)


def delete(doc: Document, uid: str) -> Document:
    return replace(doc, units=tuple(u for u in doc.units if u.id != uid))


def renumber(doc: Document) -> Document:
    units, n = [], 0
    for unit in doc.units:
        if unit.role == "operative":
            n += 1
            unit = replace(unit, id=f"op.{n}", number=n)
        units.append(unit)
    return replace(doc, units=tuple(units))


def repeat(doc: Document, uid: str) -> Document:
    """``uid`` pasted twice: the numbered paragraph one character short, an unnumbered copy after it."""
    return _edit(doc, uid, lambda u: [replace(u, text=u.text[:-1]), replace(u, id=f"{uid}b", number=None)])


def sample_perturbations(doc: Document):
    yield "cut op.15", cut(doc, "op.15")
    yield "cut op.15, op.16", cut(cut(doc, "op.15"), "op.16")
    yield "cut op.22 to 15%", cut(doc, "op.22", 0.15)
    yield "lengthen op.16", lengthen(doc, "op.16", "op.20")
    yield "merge pp.3+pp.4", merge(doc, "pp.3", "pp.4")
    yield "merge pp.17+pp.18", merge(doc, "pp.17", "pp.18")
    yield "merge op.9+op.10", merge(doc, "op.9", "op.10")
    yield "split pp.5", split(doc, "pp.5")
    yield "split op.10", split(doc, "op.10")
    yield "delete pp.17", delete(doc, "pp.17")
    yield "delete op.12", delete(doc, "op.12")
    yield "delete op.12, renumber", renumber(delete(doc, "op.12"))
    yield "repeat op.10", repeat(doc, "op.10")
    yield "repeat op.20", repeat(doc, "op.20")


def opus_documents() -> dict[str, Document]:
    records = [json.loads(line) for line in OPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {lang: Document(path=f"A-RES-55-100.{lang}", lang=lang, units=tuple(
        Unit(id=f"u.{r['unit_id']}", role="preambular", text=r[lang], lines=(k, k))
        for k, r in enumerate(records, start=1))) for lang in ("fr",) + LANGS}


def opus_perturbations(doc: Document):
    ids = [u.id for u in doc.units]
    for k in range(3, len(ids) - 2, 2):
        yield f"merge {ids[k]}", merge(doc, ids[k], ids[k + 1])
        yield f"cut {ids[k]}", cut(doc, ids[k])
        yield f"delete {ids[k]}", delete(doc, ids[k])
        yield f"split {ids[k]}", split(doc, ids[k])


# -- runs ---------------------------------------------------------------------------------


def runs():
    """(group, name, documents, level) for every run."""
    fr = read_document(SAMPLES / "fr.md")
    drafts = {lang: read_document(DRAFTS / f"{lang}_draft.md", lang=lang) for lang in DRAFT_LANGS}
    clean = {lang: read_document(SAMPLES / f"{lang}.md") for lang in LANGS}
    for level in LEVELS:
        for lang, doc in drafts.items():
            yield "drafts and clean", f"{lang} draft", [fr, doc], level
        yield "drafts and clean", "five drafts together", [fr, *drafts.values()], level
        yield "drafts and clean", "six clean versions", [fr, *clean.values()], level
        for lang, doc in clean.items():
            for name, perturbed in sample_perturbations(doc):
                yield "sample set perturbed", f"{lang} {name}", [fr, perturbed], level
    if OPUS.is_file():
        opus = opus_documents()
        for level in LEVELS:
            for lang in LANGS:
                for name, perturbed in opus_perturbations(opus[lang]):
                    yield "A/RES/55/100 perturbed", f"{lang} {name}", [opus["fr"], perturbed], level


def findings(alignment) -> set[tuple]:
    report = engine.check(alignment, RULES)
    return {(report.version_of(f), f.rule, f.source.unit if f.source else None,
             f.target.unit if f.target else None, f.message) for f in report.findings}


def disabled(name: str):
    return (lambda sources, targets: {}) if name == "_rejoin" else (lambda pairs: list(pairs))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print the findings each repair changes")
    args = parser.parse_args(argv)
    kept = {name: getattr(engine, name) for name in REPAIRS}
    totals: dict[tuple[str, str], int] = {}
    changed: dict[tuple[str, str, str], list[str]] = {}
    for group, name, documents, level in runs():
        alignment = align_documents(documents, level=level)
        base = findings(alignment)
        totals[group, level] = totals.get((group, level), 0) + 1
        for repair in REPAIRS:
            setattr(engine, repair, disabled(repair))
            try:
                without = findings(alignment)
            finally:
                setattr(engine, repair, kept[repair])
            if without != base:
                changed.setdefault((repair, group, level), []).append(name)
                if args.verbose:
                    print(f"[{repair}] {group}, {level}: {name}")
                    for item in sorted(base - without, key=repr):
                        print("    with the repair only:   ", item)
                    for item in sorted(without - base, key=repr):
                        print("    without the repair only:", item)
    print("runs whose findings change when one repair is disabled")
    print(f"{'repair':<24}{'inputs':<26}{'level':<11}{'changed':>8}  runs")
    for repair in REPAIRS:
        for (group, level), total in totals.items():
            names = changed.get((repair, group, level), [])
            shown = ", ".join(names[:6]) + (", ..." if len(names) > 6 else "")
            print(f"{repair:<24}{group:<26}{level:<11}{len(names):>3}/{total:<4}  {shown}")


if __name__ == "__main__":
    main()
