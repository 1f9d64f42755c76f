"""Term candidates: top-30 precision of ``hexaglot glossary candidates`` per target language.

Gold: ``tests/data/candidates_gold_E-RES-2023-26.tsv`` (development: the official
French text of E/RES/2023/26, from ``../shared/data/un-official``, against each
working version of ``samples/E-RES-2023-26``) and
``tests/data/candidates_gold_A-RES-55-100.tsv`` (held out: A/RES/55/100, official
text in all six languages, ``samples/A-RES-55-100``, converted from
``../shared/data/opus-un-6way``; never looked at while tuning). Both were written
before the extractor was tuned. A candidate is right when its source is a term of
the gold list and its proposed equivalent one of the renderings listed for that
language, compared word by word as the glossary matcher compares words
(inflection aside); anything else is wrong, including "no reliable equivalent".

Measured in the same run: the command without glossaries (the text's terms are
all still to be found), with the bundled glossaries (what a terminologist runs:
the known terms are left out, so few terms remain), and a peer: plain frequency
ranking of the same n-grams (two to four words, not beginning or ending with a
function word; Chinese two to six characters) with the target n-gram of best
Dice over rows as equivalent, the classic baseline of bilingual term extraction;
and our candidates ranked by nltk's log-likelihood ratio (the collocation
measure) of each expression's weakest cut instead of by C-value. The development
text is also cut into pieces of 16 rows, the size of the held-out text, to see
how the command does on a short document without looking at the held-out one.

Run from the repository root: ``python benchmarks/candidates.py [--top 30]``.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from aligner.align import align_documents  # noqa: E402
from aligner.readers import read_document  # noqa: E402
from qa_rules.glossary import bundled_glossaries  # noqa: E402
from qa_rules.glossary.candidates import _WORD, candidates  # noqa: E402
from qa_rules.glossary.normalise import tokenize  # noqa: E402
from qa_rules.glossary.stopwords import is_stopword  # noqa: E402

SHARED = REPO.parent / "shared" / "data"
TARGETS = ("en", "es", "ru", "zh", "ar")
#: name -> (French text, folder of the versions, gold list)
SETS = {
    "dev E/RES/2023/26": (SHARED / "un-official" / "E-RES-2023-26.fr.md", REPO / "samples" / "E-RES-2023-26",
                          REPO / "tests" / "data" / "candidates_gold_E-RES-2023-26.tsv"),
    "held-out A/RES/55/100": (REPO / "samples" / "A-RES-55-100" / "fr.md", REPO / "samples" / "A-RES-55-100",
                              REPO / "tests" / "data" / "candidates_gold_A-RES-55-100.tsv"),
}


def keys(text: str, lang: str) -> tuple[str, ...]:
    """The words of ``text`` as the glossary matcher compares them (Chinese: its characters)."""
    if lang == "zh":
        return tuple(ch for ch in text if "\u3400" <= ch <= "\u9fff")
    return tuple(token.key for token in tokenize(text, lang))


def load_gold(path: Path) -> dict[tuple[str, ...], dict[str, set[tuple[str, ...]]]]:
    """{French term's keys: {lang: {keys of a right equivalent}}}."""
    gold: dict = defaultdict(lambda: defaultdict(set))
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        equivalents = gold[keys(row["term"], "fr")][row["lang"]]
        equivalents.update(keys(e, row["lang"]) for e in row["equivalents"].split(" | ") if e.strip())
    return gold


def right(source: str, target: str, lang: str, gold) -> bool:
    return bool(target) and keys(target, lang) in gold.get(keys(source, "fr"), {}).get(lang, set())


def frequency_peer(alignment, lang: str, top: int) -> list[tuple[str, str]]:
    """Plain frequency ranking with a best-Dice equivalent (see the module's docstring)."""
    src_rows: dict[str, set[int]] = defaultdict(set)
    tgt_rows: dict[str, set[int]] = defaultdict(set)
    of_row: dict[int, set[str]] = defaultdict(set)
    count: Counter = Counter()
    surface: dict[str, Counter] = defaultdict(Counter)
    for index, row in enumerate(alignment.rows):
        for side, table, max_n in (("fr", src_rows, 4), (lang, tgt_rows, 4)):
            cell = row.cells.get(side)
            if cell is None:
                continue
            for key, text in _grams(cell.text, side, max_n if side != "zh" else 6, 2 if table is src_rows else 1):
                table[key].add(index)
                if table is src_rows:
                    count[key] += 1
                else:
                    of_row[index].add(key)
                surface[(side, key)][text] += 1
    ranked = sorted((k for k in src_rows if len(src_rows[k]) >= 2), key=lambda k: (-count[k], k))[:top]
    result = []
    for key in ranked:
        rows = src_rows[key]
        options = {t for i in rows for t in of_row[i]}
        best = max(sorted(options), key=lambda t: (2 * len(rows & tgt_rows[t]) / (len(rows) + len(tgt_rows[t])), len(t)),
                   default="")
        result.append((surface[("fr", key)].most_common(1)[0][0],
                       surface[(lang, best)].most_common(1)[0][0] if best else ""))
    return result


def _grams(text: str, lang: str, max_n: int, min_n: int):
    if lang == "zh":
        han = "".join(ch if "\u3400" <= ch <= "\u9fff" else " " for ch in text)
        for run in han.split():
            for i in range(len(run)):
                for n in range(max(min_n, 2), max_n + 1):
                    if i + n <= len(run):
                        yield run[i:i + n], run[i:i + n]
        return
    words = [t.surface for t in tokenize(text, lang) if any(ch.isalpha() for ch in t.surface)]
    for i in range(len(words)):
        for n in range(min_n, max_n + 1):
            gram = words[i:i + n]
            if len(gram) < n or is_stopword(gram[0], lang) or is_stopword(gram[-1], lang):
                continue
            yield " ".join(w.casefold() for w in gram), " ".join(gram)


def llr_ranked(alignment, top: int) -> list[tuple[str, str]]:
    """Our candidates and equivalents, ranked by nltk's log-likelihood ratio (Dunning's G², the
    collocation measure of ``nltk.metrics.BigramAssocMeasures``) of each expression's weakest
    cut instead of C-value; those with an equivalent first, as the command orders them."""
    from nltk.metrics.association import BigramAssocMeasures

    grams: Counter = Counter()
    total = 0
    for row in alignment.rows:
        cell = row.cells.get("fr")
        words = [w.casefold() for w in _WORD.findall(cell.text)] if cell is not None else []
        total += len(words)
        for i in range(len(words)):
            for n in range(1, min(10, len(words) - i) + 1):
                grams[" ".join(words[i:i + n])] += 1

    def weakest(source: str) -> float:
        words = [w.casefold() for w in _WORD.findall(source)]
        together = grams[" ".join(words)]
        return min((BigramAssocMeasures.likelihood_ratio(
            together, (grams[" ".join(words[:i])], grams[" ".join(words[i:])]), total)
            for i in range(1, len(words))), default=0.0)

    found = candidates(alignment, (), limit=10_000)
    found.sort(key=lambda c: (not c.target, -weakest(c.source)))
    return [(c.source, c.target) for c in found[:top]]


#: Rows of the pieces the development text is cut into: about the size of the held-out text
#: (16 paragraphs), to see how the extractor does on a short document without looking at it.
PIECE = 16


def in_pieces(alignment, lang: str, gold, top: int) -> tuple[int, int]:
    """(right, proposed) over the development text cut into pieces of ``PIECE`` rows."""
    rows = alignment.pair_rows.get(lang) or alignment.rows
    right_, proposed = 0, 0
    for start in range(0, len(rows) - PIECE + 1, PIECE):
        piece = tuple(rows[start:start + PIECE])
        found = candidates(replace(alignment, rows=piece, pair_rows={lang: piece}), (), limit=top)
        right_ += sum(right(c.source, c.target, lang, gold) for c in found)
        proposed += len(found)
    return right_, proposed


def run(top: int) -> None:
    defaults = bundled_glossaries()
    for name, (source, folder, gold_path) in SETS.items():
        if not source.is_file():
            print(f"{name}: {source} is absent, skipped")
            continue
        gold = load_gold(gold_path)
        french = read_document(str(source))
        print(f"{name}: top-{top} precision (right / proposed), gold {gold_path.relative_to(REPO)}")
        print(f"{'lang':<5}{'no glossaries':>18}{'bundled glossaries':>22}{'frequency peer':>18}{'ranked by LLR':>18}")
        pooled = Counter()
        zh_rows, pieces = [], []
        for lang in TARGETS:
            alignment = align_documents([french, read_document(str(folder / f"{lang}.md"))], "paragraph")
            cells = []
            for label, found in (
                    ("bare", [(c.source, c.target) for c in candidates(alignment, (), limit=top)]),
                    ("glossaries", [(c.source, c.target) for c in candidates(alignment, defaults, limit=top)]),
                    ("peer", frequency_peer(alignment, lang, top)),
                    ("llr", llr_ranked(alignment, top))):
                hits = sum(right(s, t, lang, gold) for s, t in found)
                pooled[(label, "hits")] += hits
                pooled[(label, "n")] += len(found)
                cells.append(f"{hits / len(found) if found else 0:.2f} ({hits}/{len(found)})")
            print(f"{lang:<5}{cells[0]:>18}{cells[1]:>22}{cells[2]:>18}{cells[3]:>18}")
            if lang == "zh":
                zh_rows.append((alignment, gold))
            if name.startswith("dev"):
                pieces.append((lang, *in_pieces(alignment, lang, gold, top)))
        print(f"{'all':<5}" + "".join(
            f"{pooled[(label, 'hits')] / max(1, pooled[(label, 'n')]):>{width}.2f}"
            for label, width in (("bare", 18), ("glossaries", 22), ("peer", 18), ("llr", 18))))
        for alignment, gold in zh_rows:
            figures = []
            for segmenter in ("jieba", "characters"):
                start = time.process_time()
                try:
                    found = candidates(alignment, (), limit=top, segmenter=segmenter)
                except ImportError:
                    figures.append(f"{segmenter}: not installed")
                    continue
                hits = sum(right(c.source, c.target, "zh", gold) for c in found)
                figures.append(f"{segmenter} {hits / max(1, len(found)):.2f} ({hits}/{len(found)}, "
                               f"{time.process_time() - start:.2f} s CPU)")
            print("zh words, no glossaries: " + "; ".join(figures))
        if pieces:
            print(f"in pieces of {PIECE} rows, no glossaries (right / proposed, all pieces): " + ", ".join(
                f"{lang} {r / max(1, n):.2f} ({r}/{n})" for lang, r, n in pieces)
                + f"; all {sum(r for _, r, _ in pieces) / max(1, sum(n for _, _, n in pieces)):.2f}")
        print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    run(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
