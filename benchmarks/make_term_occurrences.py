"""Write tests/data/term_occurrences.tsv: the hand-annotated term occurrences.

The annotation is ``benchmarks/data/term_forms.tsv`` (``FORMS``): for each language, the concept
(glossary id) and the exact form in which it occurs in running text, as a
terminologist reads it (inflected, with clitics, in a different case...).
This script only looks the forms up, by plain substring search (never with
hexaglot's matcher), in real sentences:

- ``opus``: A/RES/55/100 in six languages (../shared/data/opus-un-6way, real UN text);
- ``verified``: the attested forms and quoted contexts of
  ../shared/data/terms-verified/verified_terms.tsv (real UN pages, URL kept);
- ``sample``: the E/RES/2023/26 sample set: the official French text and our
  working translations of it into the five other languages.

Rows with ``expected = 0`` (``NEGATIVES``, ``benchmarks/data/term_negatives.tsv``) are sentences where the concept's
words (or a word a stemmer could confuse with them: French « avoir du mal » is
not Mali) occur but the concept does not: a match there is a false positive.

A form is annotated in every chosen sentence that contains it, so a form must
be specific enough to be the concept wherever it occurs; the annotation is
complete per concept and sentence (a concept not annotated in a sentence is not
scored there). A form that no sentence contains any more is reported by the
script (a warning), to be removed from the tables.

Run from the repository root: ``python benchmarks/make_term_occurrences.py``.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared" / "data"
OUT = REPO / "tests" / "data" / "term_occurrences.tsv"

DATA = Path(__file__).resolve().parent / "data"


def _rows(name: str) -> list[list[str]]:
    """The rows of ``benchmarks/data/<name>`` after its header (``#`` lines are notes)."""
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        lines = [line.rstrip("\n") for line in handle if not line.startswith("#")]
    return [line.split("\t") for line in lines[1:] if line]


def annotation() -> tuple[dict[str, list[tuple[str, str]]], list[tuple[str, str, str, str]]]:
    """``FORMS`` (per language: (concept, form) in the table's order) and ``NEGATIVES``
    ((lang, concept, sentence, source): the concept must NOT be found in the sentence)."""
    forms: dict[str, list[tuple[str, str]]] = {}
    for lang, concept, form in _rows("term_forms.tsv"):
        forms.setdefault(lang, []).append((concept, form))
    negatives = [(lang, concept, sentence, source) for lang, concept, sentence, source in _rows("term_negatives.tsv")]
    return forms, negatives


FORMS, NEGATIVES = annotation()


def sentences() -> dict[str, list[tuple[str, str]]]:
    """(sentence, source) per language from the three sources."""
    from aligner.readers import read_document

    result: dict[str, list[tuple[str, str]]] = {lang: [] for lang in FORMS}
    for lang in FORMS:
        path = REPO / "samples" / "E-RES-2023-26" / f"{lang}.md"
        for unit in read_document(str(path)).units:
            result[lang].append((unit.text, f"sample E-RES-2023-26/{lang}.md {unit.id}"))
    with (SHARED / "opus-un-6way" / "A-RES-55-100.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            unit = json.loads(line)
            for lang in FORMS:
                result[lang].append((unit[lang], f"opus A/RES/55/100 unit {unit['unit_id']}"))
    with (SHARED / "terms-verified" / "verified_terms.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["lang"] in result and row["term"] != "not found":
                url = row["evidence"].split(" ")[0]
                for text in (row["term"], row["note"]):
                    if text:
                        result[row["lang"]].append((text, f"verified_terms.tsv {url}"))
    return result


def main() -> None:
    pool = sentences()
    rows = []
    for lang, forms in FORMS.items():
        chosen: dict[str, str] = {}
        for concept, form in forms:
            found = [(sentence, source) for sentence, source in pool[lang] if form in sentence][:5]
            if not found:
                print(f"warning: {lang}: form {form!r} not found in any sentence", file=sys.stderr)
            chosen.update(found)
        # every listed form occurring in a chosen sentence is annotated there, so the gold is complete
        for sentence, source in chosen.items():
            for concept, form in forms:
                if form in sentence:
                    rows.append((lang, concept, form, 1, sentence, source))
    for lang, concept, sentence, source in NEGATIVES:
        rows.append((lang, concept, "", 0, sentence, source))
    rows = list(dict.fromkeys(rows))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(("lang", "concept_id", "form", "expected", "sentence", "source"))
        writer.writerows(rows)
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main()
