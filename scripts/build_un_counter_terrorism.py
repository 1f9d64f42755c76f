"""Build glossaries/un-counter-terrorism.tbx (the record) and its CSV twin.

Usage (from the repository root)::

    python scripts/build_un_counter_terrorism.py [--evidence ../shared/data/terms-verified/verified_terms.tsv]

The concepts are typed in ``un_counter_terrorism_data*.py``. Each term whose
text matches (inflections included) a rendering in ``verified_terms.tsv`` of
the same concept and language gets that row's evidence URLs as its source,
marked "[secondary]" where the TSV grades that source as secondary (see
``is_secondary``); a term with no such row but with a row in ``un_counter_terrorism_evidence.tsv``
(evidence the team itself found in stored copies of public pages, with its
grade and where it was seen) cites that; every other term is marked "drafted
by the hexaglot team, to be verified against UNTERM". Cells the TSV marks
"not found" are named in the concept's provenance.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO), str(HERE)]

from qa_rules.glossary import write_glossary  # noqa: E402
from qa_rules.glossary.matcher import term_keys  # noqa: E402
from qa_rules.glossary.model import Concept, Glossary, Term  # noqa: E402
from qa_rules.glossary.tbx import default_match  # noqa: E402

LANGS = ("en", "fr", "es", "ru", "zh", "ar")
DRAFTED = "drafted by the hexaglot team, to be verified against UNTERM"
STATUS_PREFIX = {"~": "admitted", "!": "deprecated", "^": "superseded"}
DESCRIPTION = (
    "UN counter-terrorism terminology of ECOSOC resolution 2023/26 and its field, in the six official "
    "languages. Compiled by the hexaglot team. Renderings with evidence cite the UN pages recorded in "
    "terms-verified/verified_terms.tsv; the others are marked as drafted, to be verified against UNTERM."
)


def parse_terms(spec: str, lang: str, pos: str) -> list[dict]:
    terms = []
    for raw in spec.split(";"):
        raw = raw.strip()
        if not raw:
            continue
        text, _, note = raw.partition("#")
        text = text.strip()
        status = "preferred"
        if text[:1] in STATUS_PREFIX:
            status, text = STATUS_PREFIX[text[0]], text[1:].strip()
        match = ""
        found = re.search(r"\{(exact|inflected|pattern)\}", text)
        if found:
            match, text = found.group(1), text.replace(found.group(), "").strip()
        term_type = ""
        found = re.search(r"\[(\w+)\]", text)
        if found:
            term_type, text = found.group(1), text.replace(found.group(), "").strip()
        terms.append(dict(text=text, lang=lang, status=status, match=match or default_match(text),
                          term_type=term_type, note=note.strip(),
                          pos="properNoun" if term_type == "acronym" else pos))
    return terms


def load_evidence(path: Path) -> dict:
    """{(concept_en, lang): [(variant keys, evidence, note)]} and the not-found cells."""
    index: dict = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            key = (row["concept_en"], row["lang"])
            if row["term"].strip().lower() == "not found":
                index[key].append((None, "", row["note"]))
                continue
            for variant in re.split(r" ; | / ", row["term"]):
                variant = variant.strip().strip("'")
                forms = [re.sub(r"\s*\([^)]*\)\s*", " ", variant).strip()]
                forms += re.findall(r"\(([^)]*)\)", variant)
                for form in forms:
                    if form and "..." not in form:
                        form = form.strip("《》")
                        index[key].append((term_keys(form, row["lang"], "inflected"), row["evidence"], row["note"]))
                        index[key].append((term_keys(form, row["lang"], "exact"), row["evidence"], row["note"]))
    return index


#: How verified_terms.tsv grades a row as secondary (its legend's grade S: press, academic work,
#: another organization, dictionary sites, non-UN usage), in the words its notes use. The grade is
#: the note's first clause; later clauses describe variants seen elsewhere ("Council of Europe uses
#: ... (non-UN)") and say nothing about the row's own source.
SECONDARY_WORDING = re.compile(
    r"\bsecondary\b"          # "SECONDARY", "SECONDARY press", "SECONDARY (academic article ...)"
    r"|\bnon-UN\b"            # "non-UN source", "non-UN encyclopedia", "non-UN (university course)"
    r"|\bpress sources?\b"    # "press sources; UN page evidence not found"
    r"|\bINTERPOL site\b",    # another intergovernmental organization, which the legend grades S
    re.IGNORECASE)


def is_secondary(note: str) -> bool:
    """True when verified_terms.tsv grades the row's own source as secondary, in any of its wordings.

    >>> is_secondary("SECONDARY press"), is_secondary("short title only, press sources; full title not found")
    (True, True)
    >>> is_secondary("non-UN source; part not verified"), is_secondary("short form only (INTERPOL site)")
    (True, True)
    >>> is_secondary('singular on UNODC FR page; Council of Europe uses "preuves" (non-UN)')
    False
    >>> is_secondary("ICAO own RU publication + press"), is_secondary("")
    (False, False)
    """
    return bool(SECONDARY_WORDING.search(note.split(";", 1)[0]))


TEAM_EVIDENCE = HERE / "un_counter_terrorism_evidence.tsv"


def load_team_evidence(path: Path = TEAM_EVIDENCE) -> dict:
    """{(concept id, lang, term): source text} for the evidence the team found itself."""
    with path.open(encoding="utf-8") as handle:
        return {(row["concept_id"], row["lang"], row["term"]):
                f"evidence{'' if row['grade'] == 'UN' else ' [secondary]'} (found by the hexaglot team): "
                f"{row['evidence']} ({row['note']})"
                for row in csv.DictReader(handle, delimiter="\t")}


def build(evidence_path: Path) -> Glossary:
    from un_counter_terrorism_data import CONCEPTS as FIRST
    from un_counter_terrorism_data2 import CONCEPTS as SECOND

    evidence = load_evidence(evidence_path) if evidence_path.is_file() else {}
    team = load_team_evidence()
    concepts = []
    for spec in FIRST + SECOND:
        tsv = spec.get("tsv")
        terms, cited, not_found = [], 0, []
        for lang in LANGS:
            rows = evidence.get((tsv, lang), []) if tsv else []
            if rows and all(keys is None for keys, _, _ in rows):
                not_found.append(lang)
            for t in parse_terms(spec[lang], lang, spec.get("pos", "noun")):
                keys = term_keys(t["text"].strip("《》"), lang, t["match"])
                urls = [(ev, note) for k, ev, note in rows if k == keys and ev]
                if urls:
                    cited += 1
                    ev, note = urls[0]
                    grade = " [secondary]" if is_secondary(note) else ""
                    if t["status"] in ("deprecated", "superseded"):
                        source = f"seen in (verified_terms.tsv, recorded as {t['status']}): {ev}"
                    else:
                        source = f"evidence{grade} (verified_terms.tsv): {ev}"
                else:
                    source = team.get((spec["id"], lang, t["text"]), DRAFTED)
                terms.append(Term(source=source, **t))
        provenance = [f"hexaglot team; verified_terms.tsv concept {tsv!r}: {cited} rendering(s) with evidence"
                      if tsv else "hexaglot team; no verified_terms.tsv entry"]
        if not_found:
            provenance.append(f"verified_terms.tsv: not found in {', '.join(not_found)} ({DRAFTED})")
        concepts.append(Concept(id=spec["id"], terms=tuple(terms), subject=spec.get("subject", ""),
                                note=spec.get("note", ""), source="; ".join(provenance)))
    return Glossary(name="un-counter-terrorism", path="glossaries/un-counter-terrorism.tbx",
                    concepts=tuple(concepts), format="tbx-basic-2008", description=DESCRIPTION)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evidence", type=Path,
                        default=REPO.parent / "shared" / "data" / "terms-verified" / "verified_terms.tsv")
    parser.add_argument("--out", type=Path, default=REPO / "glossaries")
    args = parser.parse_args()
    glossary = build(args.evidence)
    write_glossary(glossary, args.out / "un-counter-terrorism.tbx")
    write_glossary(glossary, args.out / "un-counter-terrorism.csv")
    print(f"{len(glossary.concepts)} concepts, {glossary.term_count} terms -> {args.out}")


if __name__ == "__main__":
    main()
