"""Term matching: recall and precision per language, and speed, against a naive peer.

Gold: tests/data/term_occurrences.tsv (hand-annotated inflected occurrences in
real sentences; see benchmarks/make_term_occurrences.py). Glossaries: the
bundled ones (un-counter-terrorism and unterm-countries, ~3,100 terms), so
every term competes for the longest match as in ``hexaglot check``.

Peer, measured in the same run: what a plain CAT-tool term check does, a
case-insensitive search for each glossary term's exact text (one regex per
term, run on every sentence).

Run from the repository root: ``python benchmarks/term_matching.py``.
"""

from __future__ import annotations

import csv
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from qa_rules.glossary import bundled_glossaries  # noqa: E402
from qa_rules.glossary.matcher import Matcher  # noqa: E402

GOLD = REPO / "tests" / "data" / "term_occurrences.tsv"
LANGS = ("ar", "zh", "en", "fr", "ru", "es")


#: (lang, sentence) -> "sample" (E/RES/2023/26: the official French text and our working translations),
#: "opus" (A/RES/55/100) or "verified_terms.tsv" (UN pages)
KINDS: dict[tuple[str, str], str] = {}


def load_gold(path: Path = GOLD) -> dict:
    """{(lang, sentence): {concept: [gold spans]}} (empty list = negative row)."""
    gold: dict = defaultdict(lambda: defaultdict(list))
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            sentence = row["sentence"].replace("\\n", "\n")
            spans = gold[(row["lang"], sentence)][row["concept_id"]]
            KINDS[(row["lang"], sentence)] = row["source"].split(" ")[0]
            form = row["form"].replace("\\n", "\n")
            if row["expected"] == "1":
                start = sentence.find(form)
                while start >= 0:
                    span = (start, start + len(form))
                    if span not in spans:
                        spans.append(span)
                    start = sentence.find(form, start + 1)
    for concepts in gold.values():  # longest match wins in the annotation too
        everything = [(s, e, c) for c, spans in concepts.items() for s, e in spans]
        for concept, spans in concepts.items():
            spans[:] = [(s, e) for s, e in spans
                        if not any(os <= s and e <= oe and oe - os > e - s for os, oe, c in everything)]
    return gold


def score(gold: dict, find) -> dict[str, dict[str, float]]:
    """Per language: tp, fp, fn, recall, precision; ``find(lang, sentence)`` -> [(start, end, concept)]."""
    counts: dict = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0, "errors": []})
    for (lang, sentence), concepts in gold.items():
        hits = find(lang, sentence)
        for concept, spans in concepts.items():
            predicted = [(s, e) for s, e, c in hits if c == concept]
            used = set()
            c = counts[lang]
            for gs, ge in spans:
                hit = next((i for i, (s, e) in enumerate(predicted) if i not in used and s < ge and gs < e), None)
                if hit is None:
                    c["fn"] += 1
                    c["errors"].append(("missed", concept, sentence[gs:ge] + "  <<  " + sentence[max(0, gs - 60):ge + 60]))
                else:
                    used.add(hit)
                    c["tp"] += 1
            for i, (s, e) in enumerate(predicted):
                if i not in used:
                    c["fp"] += 1
                    c["errors"].append(("spurious", concept, sentence[s:e]))
    for c in counts.values():
        c["recall"] = c["tp"] / max(c["tp"] + c["fn"], 1)
        c["precision"] = c["tp"] / max(c["tp"] + c["fp"], 1)
    return counts


def hexaglot_finder(glossaries):
    matchers = {lang: Matcher(lang, ((t, c, g.name) for g in glossaries for c in g.concepts for t in c.terms))
                for lang in LANGS}
    return lambda lang, sentence: [(m.start, m.end, m.concept.id) for m in matchers[lang].find(sentence)]


def naive_finder(glossaries):
    patterns = defaultdict(list)
    for g in glossaries:
        for c in g.concepts:
            for t in c.terms:
                patterns[t.lang].append((re.compile(re.escape(t.text), re.IGNORECASE), c.id))
    return lambda lang, sentence: [(m.start(), m.end(), cid) for rx, cid in patterns[lang] for m in rx.finditer(sentence)]


def _by_kind(gold: dict, find):
    for kind in ("sample", "opus", "verified_terms.tsv"):
        subset = {key: value for key, value in gold.items() if KINDS.get(key) == kind}
        counts = score(subset, find)
        tp = sum(c["tp"] for c in counts.values())
        fp = sum(c["fp"] for c in counts.values())
        fn = sum(c["fn"] for c in counts.values())
        yield kind, tp / max(tp + fn, 1), tp / max(tp + fp, 1), tp + fn


def arabic_alternatives(glossaries, gold) -> list[tuple[str, float, float, int, list[str]]]:
    """Arabic recall/precision with nltk's ISRI and Snowball Arabic stemmers in place of ours
    (after the same clitic and article stripping), and the matches they make on the gold's Arabic
    sentences that ours does not (any concept: e.g. a preposition read as a country name)."""
    from nltk.stem.isri import ISRIStemmer
    from nltk.stem.snowball import SnowballStemmer

    from qa_rules.glossary import matcher as matcher_module
    from qa_rules.glossary import normalise

    ours = normalise.arabic_stem
    isri, snowball = ISRIStemmer(), SnowballStemmer("arabic")
    subset = {key: value for key, value in gold.items() if key[0] == "ar"}
    sentences = [sentence for lang, sentence in subset]

    def all_matches(finder):
        return {(sentence, s, e, c) for sentence in sentences for s, e, c in finder("ar", sentence)}

    base = all_matches(hexaglot_finder(glossaries))
    results = []
    for name, stem in (("ISRI", isri.stem), ("Snowball arabic", snowball.stem)):
        normalise.arabic_stem = lambda word, stem=stem: stem(ours(word)) if len(ours(word)) > 2 else ours(word)
        normalise.word_key.cache_clear()
        normalise.key_start.cache_clear()
        matcher_module._CACHE.clear()
        try:
            finder = hexaglot_finder(glossaries)
            counts = score(subset, finder)["ar"]
            extra = sorted(all_matches(finder) - base)
        finally:
            normalise.arabic_stem = ours
            normalise.word_key.cache_clear()
            normalise.key_start.cache_clear()
            matcher_module._CACHE.clear()
        examples = list(dict.fromkeys(sentence[s:e] for sentence, s, e, _ in extra))[:4]
        results.append((name, counts["recall"], counts["precision"], len(extra), examples))
    return results


def main() -> None:
    glossaries = bundled_glossaries()
    terms = sum(g.term_count for g in glossaries)
    gold = load_gold()
    t0 = time.perf_counter()
    ours_find = hexaglot_finder(glossaries)
    build = time.perf_counter() - t0
    peer_find = naive_finder(glossaries)
    sentences = [key for key in gold]
    timings = {}
    for name, find in (("hexaglot", ours_find), ("naive", peer_find)):
        start = time.perf_counter()
        for _ in range(3):
            for lang, sentence in sentences:
                find(lang, sentence)
        timings[name] = (time.perf_counter() - start) / (3 * len(sentences))
    ours, peer = score(gold, ours_find), score(gold, peer_find)
    print(f"term matching on {GOLD.relative_to(REPO)}: {len(sentences)} sentences, "
          f"glossaries {', '.join(g.signature() for g in glossaries)} ({terms} terms)")
    print(f"{'lang':<5}{'gold':>6}{'recall':>9}{'precision':>11}   {'peer recall':>12}{'peer precision':>16}")
    for lang in LANGS:
        o, p = ours[lang], peer[lang]
        print(f"{lang:<5}{o['tp'] + o['fn']:>6}{o['recall']:>9.3f}{o['precision']:>11.3f}   "
              f"{p['recall']:>12.3f}{p['precision']:>16.3f}")
    print("by source (all languages pooled): " + "; ".join(
        f"{kind}: recall {r:.3f} precision {p:.3f} ({n} gold)" for kind, r, p, n in _by_kind(gold, ours_find)))
    print("arabic with nltk's stemmers instead of ours (same clitic stripping first): " + "; ".join(
        f"{name}: recall {r:.3f} precision {p:.3f}, {n} matches ours does not make on these sentences "
        f"(another concept or span, e.g. {', '.join(examples)})" for name, r, p, n, examples in arabic_alternatives(glossaries, gold)))
    print(f"speed: hexaglot {timings['hexaglot'] * 1e3:.3f} ms/sentence (index built in {build:.2f} s), "
          f"naive one-regex-per-term {timings['naive'] * 1e3:.3f} ms/sentence, "
          f"ratio {timings['naive'] / timings['hexaglot']:.1f}x")
    if "-v" in sys.argv:
        for lang in LANGS:
            for kind, concept, text in ours[lang]["errors"]:
                print(f"  {lang} {kind}: {concept}: {text!r}")
            for kind, concept, text in peer[lang]["errors"][:0]:
                print(f"  peer {lang} {kind}: {concept}: {text!r}")


if __name__ == "__main__":
    main()
