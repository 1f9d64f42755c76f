"""The declared-language check with and without its quick function-word test, on real text.

    python benchmarks/langid_declared.py

``aligner.langid.declared_language_warning`` first asks ``aligner.function_words.confirms``
whether a Latin-script text's commonest words plainly are its declared language's, and only
otherwise weighs its n-grams with langdetect's profiles. The quick test may only spare that
work: for every text and every declared language, the verdict (no warning, or the warning's
exact words) must be the one the n-gram profiles alone give (``warning_for(declared,
identify(text))``). Printed per set: the cases, the verdicts that differ (the goal: none), how
many the quick test settled, and, over the common case (each Latin-script text declared in its
own language), the CPU time of the two ways (langdetect's profiles read before either is timed).

Texts: whole files and their paragraphs of 200 letters or more, each declared in each of
``DECLARED``. Two sets, kept apart:

- tuning: ``samples/E-RES-2023-26`` and ``samples/drafts`` (the lists and thresholds of
  ``aligner.function_words`` were chosen on these);
- held out: ``samples/A-RES-55-100``, the OPUS paragraphs of A/RES/55/100 and the German and
  French sentences of the Text+Berg article (in runs of ten), from ``../shared/data``.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from langid_pieces import paragraphs_of_markdown  # noqa: E402

from aligner.langid import MIN_LETTERS_TO_DOUBT, declared_language_warning, identify, warning_for  # noqa: E402

DATA = REPO.parent / "shared" / "data"
SIX = ("ar", "en", "es", "fr", "ru", "zh")
DECLARED = SIX + ("de", "pt", "it", "ca", "ro", "nl")


def _long_enough(text: str) -> bool:
    return sum(map(str.isalpha, text)) >= MIN_LETTERS_TO_DOUBT


def _markdown_texts(paths: list[Path]) -> list[tuple[str, str]]:
    """(language, text): each file whole, then its paragraphs long enough to judge."""
    texts = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        lang = path.name[:2]
        texts += [(lang, text)] + [(lang, p) for p in paragraphs_of_markdown(text) if _long_enough(p)]
    return texts


def tuning_texts() -> list[tuple[str, str]]:
    files = [p for p in sorted((REPO / "samples" / "E-RES-2023-26").glob("*.md")) if p.stem in SIX]
    return _markdown_texts(files + sorted((REPO / "samples" / "drafts").glob("*_draft.md")))


def held_out_texts() -> list[tuple[str, str]]:
    files = [p for p in sorted((REPO / "samples" / "A-RES-55-100").glob("*.md")) if p.stem in SIX]
    texts = _markdown_texts(files)
    opus = DATA / "opus-un-6way" / "A-RES-55-100.jsonl"
    if opus.is_file():
        for line in opus.read_text(encoding="utf-8").splitlines():
            unit = json.loads(line)
            texts += [(lang, unit[lang]) for lang in SIX if _long_enough(unit[lang])]
    for name in ("dev.de", "dev.fr"):
        path = DATA / "textberg-dev" / name
        if path.is_file():
            lines = path.read_text(encoding="utf-8").splitlines()
            runs = (" ".join(lines[i:i + 10]) for i in range(0, len(lines), 10))
            texts += [(name[-2:], t) for t in runs if _long_enough(t)]
    return texts


def compare(texts: list[tuple[str, str]]) -> dict[str, float]:
    cases = [(declared, text) for _, text in texts for declared in DECLARED]
    by_ngrams = [warning_for(declared, identify(text)) for declared, text in cases]
    quick = [declared_language_warning(declared, text) for declared, text in cases]
    settled = sum(1 for declared, text in cases if _settled(declared, text))
    differ = [(d, t[:80]) for (d, t), a, b in zip(cases, by_ngrams, quick) if a != b]
    for declared, head in differ:
        print(f"    differs: declared {declared}: {head!r}")
    # the common case timed: each Latin-script text declared in its own language
    own = [(lang, text) for lang, text in texts if lang in ("en", "es", "fr", "de")]
    start = time.process_time()
    for lang, text in own:
        warning_for(lang, identify(text))
    ngram_cpu = time.process_time() - start
    start = time.process_time()
    for lang, text in own:
        declared_language_warning(lang, text)
    quick_cpu = time.process_time() - start
    return {"texts": len(texts), "cases": len(cases), "differ": len(differ), "settled": settled,
            "warnings": sum(1 for w in by_ngrams if w), "own": len(own),
            "own_settled": sum(1 for lang, text in own if _settled(lang, text)),
            "ngram_cpu": ngram_cpu, "quick_cpu": quick_cpu}


def _settled(declared: str, text: str) -> bool:
    from aligner import function_words
    from aligner.langid import SCAN_CHARS, _main_script

    text = text[:SCAN_CHARS]
    return _main_script(text)[0] == "latin" and function_words.confirms(declared, text)


def main() -> None:
    identify("The General Assembly, recalling its resolutions on the subject, " * 4)  # profiles read, untimed
    for label, texts in (("tuning", tuning_texts()), ("held out", held_out_texts())):
        print(f"{label}:")
        r = compare(texts)
        print(f"  {r['texts']} texts x {len(DECLARED)} declared languages = {r['cases']} cases, "
              f"{r['warnings']} warnings by n-grams; verdicts that differ: {r['differ']}; "
              f"settled by the function words: {r['settled']}")
        print(f"  each of its {r['own']} Latin-script texts declared in its own language: "
              f"{r['own_settled']} settled by the function words; CPU, n-grams alone {r['ngram_cpu']:.3f} s, "
              f"function words first {r['quick_cpu']:.3f} s ({r['quick_cpu'] / r['ngram_cpu']:.2f})")


if __name__ == "__main__":
    main()
