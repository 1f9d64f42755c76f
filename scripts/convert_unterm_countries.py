"""Convert UNTERM country records (SKOS/Turtle) into glossaries/unterm-countries.{tbx,csv}.

Usage (from the repository root)::

    python scripts/convert_unterm_countries.py [../shared/data/unterm/countries.ttl] [--out glossaries]

To refresh the glossary, save a newer UNTERM export of the country records
(same SKOS/Turtle shape as the Dag Hammarskjöld Library's unterm-proxy) and
run this script on it; it rewrites both files.

What it does:
- reads the Turtle with ``qa_rules.glossary.unterm.parse_turtle`` and maps
  each UNTERM term as ``hexaglot glossary import-unterm`` does
  (``unterm.unterm_terms``: statuses, short -> shortForm, full -> fullForm,
  listing forms such as ``Bahamas (the)`` to the bare name with a note, Arabic
  listing forms also in running-text order); one concept per
  ``unterm:Country`` in ar, zh, en, fr, ru, es, the UNTERM English note as the
  concept note;
- former names (Swaziland, Cape Verde, Libyan Arab Jamahiriya...) are not
  UNTERM terms in this export: ``FORMER_NAMES`` below adds them as
  superseded terms, with the date they were superseded where it is known
  (``SUPERSEDED_SINCE``, its source in the term's note), citing the UNTERM
  note where the note records the change
  and marked as drafted by the hexaglot team otherwise.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from qa_rules.glossary import write_glossary  # noqa: E402
from qa_rules.glossary.model import Concept, Glossary, Term  # noqa: E402
from qa_rules.glossary.turtle import RDF_TYPE, parse_turtle  # noqa: E402
from qa_rules.glossary.unterm import DCT, LEADING_ARTICLE, SKOS, UNTERM, unterm_terms  # noqa: E402

LANGS = ("ar", "zh", "en", "fr", "ru", "es")
DRAFTED = "drafted by the hexaglot team, to be verified against UNTERM"

# Former names: (current English short name, lang, former name, where the change is recorded).
UNTERM_NOTE = "UNTERM note on this record"
FORMER_NAMES = [
    ("Eswatini", "en", "Swaziland", UNTERM_NOTE), ("Eswatini", "en", "the Kingdom of Swaziland", UNTERM_NOTE),
    ("Eswatini", "fr", "Swaziland", DRAFTED), ("Eswatini", "fr", "le Royaume du Swaziland", UNTERM_NOTE),
    ("Eswatini", "es", "Swazilandia", DRAFTED), ("Eswatini", "es", "el Reino de Swazilandia", UNTERM_NOTE),
    ("Eswatini", "ru", "Свазиленд", DRAFTED), ("Eswatini", "ar", "سوازيلند", DRAFTED),
    ("Cabo Verde", "en", "Cape Verde", UNTERM_NOTE), ("Cabo Verde", "en", "the Republic of Cape Verde", UNTERM_NOTE),
    ("Cabo Verde", "fr", "Cap-Vert", DRAFTED), ("Cabo Verde", "ar", "الرأس الأخضر", DRAFTED),
    ("Libya", "en", "Libyan Arab Jamahiriya", UNTERM_NOTE),
    ("Libya", "en", "Socialist People's Libyan Arab Jamahiriya", UNTERM_NOTE),
    ("Libya", "fr", "Jamahiriya arabe libyenne", DRAFTED), ("Libya", "es", "Jamahiriya Árabe Libia", DRAFTED),
    ("Libya", "ru", "Ливийская Арабская Джамахирия", DRAFTED), ("Libya", "zh", "阿拉伯利比亚民众国", DRAFTED),
    ("Libya", "ar", "الجماهيرية العربية الليبية", DRAFTED),
    ("Türkiye", "en", "Turkey", DRAFTED), ("Türkiye", "fr", "Turquie", DRAFTED), ("Türkiye", "es", "Turquía", DRAFTED),
    ("North Macedonia", "en", "the former Yugoslav Republic of Macedonia", DRAFTED),
    ("North Macedonia", "fr", "l'ex-République yougoslave de Macédoine", DRAFTED),
    ("North Macedonia", "es", "la ex República Yugoslava de Macedonia", DRAFTED),
    ("North Macedonia", "ru", "бывшая югославская Республика Македония", DRAFTED),
    ("North Macedonia", "zh", "前南斯拉夫的马其顿共和国", DRAFTED),
    ("North Macedonia", "ar", "جمهورية مقدونيا اليوغوسلافية السابقة", DRAFTED),
    # Bolivia and Venezuela alone were the UN short names until the changes of name (Bolivia: 2009,
    # recorded in the UNTERM en/fr/es notes); UNTERM has only the new names today, so the bare names
    # are former short names, superseded in all six languages alike (A/RES/55/100 of 2000 uses them).
    ("Venezuela (Bolivarian Republic of)", "zh", "委内瑞拉", DRAFTED),
    ("Venezuela (Bolivarian Republic of)", "en", "Venezuela", DRAFTED),
    ("Venezuela (Bolivarian Republic of)", "fr", "Venezuela", DRAFTED),
    ("Venezuela (Bolivarian Republic of)", "es", "Venezuela", DRAFTED),
    ("Venezuela (Bolivarian Republic of)", "ru", "Венесуэла", DRAFTED),
    ("Venezuela (Bolivarian Republic of)", "ar", "فنزويلا", DRAFTED),
    ("Bolivia (Plurinational State of)", "zh", "玻利维亚", DRAFTED),
    ("Bolivia (Plurinational State of)", "en", "Bolivia", UNTERM_NOTE),
    ("Bolivia (Plurinational State of)", "fr", "Bolivie", UNTERM_NOTE),
    ("Bolivia (Plurinational State of)", "es", "Bolivia", UNTERM_NOTE),
    ("Bolivia (Plurinational State of)", "ru", "Боливия", DRAFTED),
    ("Bolivia (Plurinational State of)", "ar", "بوليفيا", DRAFTED),
    ("Myanmar", "en", "Burma", DRAFTED), ("Timor-Leste", "en", "East Timor", DRAFTED),
    ("Democratic Republic of the Congo", "en", "Zaire", DRAFTED),
    ("Rwanda", "en", "Rwandese Republic", UNTERM_NOTE),
]

#: Since when each country's former names are superseded (current English short name -> date,
#: where the date is recorded). A year or a month where the day is not certain; no entry: not
#: known (TE03 then says it cannot tell whether a dated document could use the name).
DRAFTED_DATE = "date drafted by the hexaglot team from public UN announcements, to be verified against UNTERM"
SUPERSEDED_SINCE = {
    "Eswatini": ("2018-04-19", 'UNTERM note on this record: "Effective date: 19 April 2018"'),
    "Cabo Verde": ("2013-10-25", 'UNTERM note on this record: "As of 25 October 2013"'),
    "Libya": ("2011-09-16", "UNTERM note on this record: requested on 16 September 2011"),
    "Bolivia (Plurinational State of)": ("2009-04-07", "UNTERM note on this record: the Chief of Protocol "
                                         "informed of the change of name on 7 April 2009"),
    "Rwanda": ("2003-06-04", 'UNTERM note on this record: "effective 4 June 2003"'),
    "Venezuela (Bolivarian Republic of)": ("2004-11-17", "UNTERM record: the Protocol and Liaison Service was "
                                           "informed of the new short name on 17 November 2004"),
    "Türkiye": ("2022-06", DRAFTED_DATE),
    "North Macedonia": ("2019-02", DRAFTED_DATE),
    "Timor-Leste": ("2002", DRAFTED_DATE),
    "Democratic Republic of the Congo": ("1997", DRAFTED_DATE),
    "Myanmar": ("1989-06", DRAFTED_DATE),
}

#: Former names that were formal names (the others were short names).
FORMAL_FORMER = {"the Kingdom of Swaziland", "le Royaume du Swaziland", "el Reino de Swazilandia",
                 "the Republic of Cape Verde", "Socialist People's Libyan Arab Jamahiriya", "Rwandese Republic"}


def convert(path: Path) -> Glossary:
    graph = parse_turtle(str(path), path.read_text(encoding="utf-8"))
    concepts = []
    by_english: dict[str, int] = {}
    for subject, props in graph.items():
        if UNTERM + "Country" not in props.get(RDF_TYPE, []):
            continue
        ident = props[DCT + "identifier"][0][0]
        notes = [v for v, lang in props.get(SKOS + "note", []) if lang == "en"]
        terms: list[Term] = []
        sections = {graph[s][DCT + "language"][0][0]: graph[s] for s in props.get(UNTERM + "languageData", [])}
        for lang in LANGS:
            section = sections.get(lang)
            if not section:
                continue
            for term_iri in section.get(UNTERM + "terms", []):
                node = graph[term_iri]
                terms.extend(unterm_terms(node[UNTERM + "termValue"][0][0], lang, node[UNTERM + "termStatus"][0][0],
                                          node[UNTERM + "termType"][0][0], pos="properNoun"))
        english = next((t.text for t in terms if t.lang == "en" and t.term_type == "shortForm"), ident)
        by_english[english] = len(concepts)
        concepts.append(Concept(id=f"unterm-{ident}", terms=tuple(terms), subject="Country names",
                                note=" ".join(re.sub(r"<[^>]+>|&nbsp;", " ", notes[0]).split()) if notes else "",
                                source=f"UNTERM record {ident} (dbName UNHQ, public), converted by "
                                       "scripts/convert_unterm_countries.py"))
    for current, lang, former, where in FORMER_NAMES:
        index = by_english.get(current)
        if index is None:
            raise SystemExit(f"FORMER_NAMES: no UNTERM record with English short name {current!r}")
        c = concepts[index]
        kind = "fullForm" if former in FORMAL_FORMER else "shortForm"
        # French and Spanish former names lose their leading article like the UNTERM names: a vote
        # list writes «ex-République yougoslave de Macédoine», running text «de l'ex-République...».
        bare = LEADING_ARTICLE.match(former) if lang in ("fr", "es") else None
        text, note = (former[bare.end():], f"former name; with its article: {former}") if bare else (former, "former name")
        since, since_source = SUPERSEDED_SINCE.get(current, ("", ""))
        if since:
            note += f"; superseded since {since} ({since_source})"
        extra = Term(text=text, lang=lang, status="superseded", pos="properNoun", match="inflected",
                     term_type=kind, note=note, source=where, superseded_since=since)
        terms = c.terms + (extra,)
        order = {lang: i for i, lang in enumerate(dict.fromkeys(t.lang for t in terms))}
        terms = tuple(sorted(terms, key=lambda t: order[t.lang]))  # TBX groups terms by language
        concepts[index] = Concept(id=c.id, terms=terms, subject=c.subject, note=c.note, source=c.source)
    concepts.sort(key=lambda c: c.label("en").casefold())
    return Glossary(
        name="unterm-countries", path="glossaries/unterm-countries.tbx", concepts=tuple(concepts),
        format="tbx-basic-2008",
        description="UNTERM country names (short and formal) in the six official languages: real UNTERM "
                    "records (Dag Hammarskjöld Library unterm-proxy export, public UNHQ records), converted by "
                    "scripts/convert_unterm_countries.py; former names added as superseded terms.",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ttl", nargs="?", type=Path, default=REPO.parent / "shared" / "data" / "unterm" / "countries.ttl")
    parser.add_argument("--out", type=Path, default=REPO / "glossaries")
    args = parser.parse_args()
    glossary = convert(args.ttl)
    write_glossary(glossary, args.out / "unterm-countries.tbx")
    write_glossary(glossary, args.out / "unterm-countries.csv")
    print(f"{len(glossary.concepts)} countries, {glossary.term_count} terms -> {args.out}")


if __name__ == "__main__":
    main()
