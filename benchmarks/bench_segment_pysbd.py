"""Sentence splitting: hexaglot's rules against pysbd on the UN cases of tests/data/segment_cases.json.

Prints, per language, the cases split exactly right by each, and the boundary
precision/recall over all cases; then the time ratio (pysbd / hexaglot) of one
pass over the bundled samples, measured in the same run.

    python benchmarks/bench_segment_pysbd.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from aligner.segment import split_sentences  # noqa: E402


def ours(text: str, lang: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, lang)]


def make_pysbd(lang: str):
    import pysbd

    seg = pysbd.Segmenter(language=lang, clean=False, char_span=False)
    return lambda text, _lang: [s.strip() for s in seg.segment(text) if s.strip()]


def boundaries(sentences: list[str]) -> set[int]:
    out, pos = set(), 0
    for s in sentences[:-1]:
        pos += len("".join(s.split()))
        out.add(pos)
    return out


def main() -> None:
    cases = json.loads((REPO / "tests" / "data" / "segment_cases.json").read_text(encoding="utf-8"))["cases"]
    langs = sorted({c["lang"] for c in cases})
    pysbds = {lang: make_pysbd(lang) for lang in langs}
    totals = {"hexaglot": [0, 0, 0, 0], "pysbd": [0, 0, 0, 0]}  # exact, tp, predicted, gold
    print(f"{'lang':5} {'cases':>5} {'hexaglot exact':>15} {'pysbd exact':>12}")
    for lang in langs:
        mine = theirs = count = 0
        for case in (c for c in cases if c["lang"] == lang):
            gold = case["sentences"]
            sep = "" if lang == "zh" else " "
            text = sep.join(gold)
            count += 1
            for name, fn in (("hexaglot", ours), ("pysbd", pysbds[lang])):
                got = fn(text, lang)
                exact = got == gold
                g, p = boundaries(gold), boundaries(got)
                t = totals[name]
                t[0] += exact
                t[1] += len(g & p)
                t[2] += len(p)
                t[3] += len(g)
                if name == "hexaglot":
                    mine += exact
                else:
                    theirs += exact
                if not exact and "-v" in sys.argv:
                    print(f"  {name} {lang}/{case['name']}: {got}")
        print(f"{lang:5} {count:>5} {mine:>15} {theirs:>12}")
    for name, (exact, tp, pred, gold) in totals.items():
        p = tp / pred if pred else 1.0
        r = tp / gold if gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{name:9} exact {exact}/{len(cases)}  boundary P={p:.3f} R={r:.3f} F1={f:.3f}")
    from aligner.errors import InputError
    from aligner.readers import read_document

    texts, skipped = [], []
    for path in sorted((REPO / "samples").glob("*/*.md")):
        lang = path.stem
        if lang in pysbds or lang in ("fr", "en", "es", "ru", "zh", "ar"):
            try:
                doc = read_document(path)
            except InputError as exc:  # a sample the reader refuses: say so, time the others
                skipped.append(f"{path.relative_to(REPO)} ({exc.problem})")
                continue
            texts.extend((u.text, lang) for u in doc.units)
    if skipped:
        print(f"samples: {len(skipped)} file(s) skipped, not timed: " + "; ".join(skipped))
    if texts:
        start = time.perf_counter()
        for text, lang in texts:
            ours(text, lang)
        t_ours = time.perf_counter() - start
        segs = {lang: make_pysbd(lang) for lang in {lang for _, lang in texts}}
        start = time.perf_counter()
        for text, lang in texts:
            segs[lang](text, lang)
        t_pysbd = time.perf_counter() - start
        print(f"samples: {len(texts)} units; pysbd/hexaglot time ratio {t_pysbd / max(t_ours, 1e-9):.1f}")


if __name__ == "__main__":
    main()
