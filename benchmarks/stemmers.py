"""Snowball in C (PyStemmer, what hexaglot uses) against nltk's Snowball (what it used before).

    python benchmarks/stemmers.py

For en, es, fr and ru, every distinct word of the sample set (official French text and working
translations), the drafts, the A/RES/55/100 six-way text, the bundled glossaries and, for French,
the Text+Berg development article is stemmed both ways, after the same folding ``word_key`` does
(case, NFC, French feminine and plural endings, Spanish accents, Russian ё). Printed per
language: the words whose stems differ, and whether the difference changes which words share a
key (the only thing glossary matching sees). Then the cost of each: the import (fresh process,
CPU time, best of 5) and the time per word (every word once, no cache). nltk is a test
dependency: this benchmark is its only user here.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SHARED = REPO.parent / "shared" / "data"
NAMES = {"en": "english", "es": "spanish", "fr": "french", "ru": "russian"}
_WORD = re.compile(r"[^\W\d_]+")


def vocabulary() -> dict[str, set[str]]:
    """{lang: distinct case-folded words} of the texts above."""
    words: dict[str, set[str]] = defaultdict(set)

    def add(lang: str, text: str) -> None:
        words[lang].update(unicodedata.normalize("NFC", w).casefold() for w in _WORD.findall(text))

    for path in sorted((REPO / "samples").glob("*/*.md")):
        lang = path.stem[:2]
        if lang in NAMES:
            add(lang, path.read_text(encoding="utf-8"))
    for path in sorted((REPO / "glossaries").glob("*.csv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                for column, value in row.items():
                    if column and column[:2] in NAMES and value:
                        add(column[:2], value)
    six_way = SHARED / "opus-un-6way" / "A-RES-55-100.jsonl"
    if six_way.exists():
        for line in six_way.read_text(encoding="utf-8").splitlines():
            for lang, text in json.loads(line).items():
                if lang in NAMES and isinstance(text, str):
                    add(lang, text)
    textberg = SHARED / "textberg-dev" / "dev.fr"
    if textberg.exists():
        add("fr", textberg.read_text(encoding="utf-8"))
    return words


class _Nltk:
    """nltk's stemmer with PyStemmer's method name, to stand in ``word_key``."""

    def __init__(self, name: str) -> None:
        from nltk.stem.snowball import SnowballStemmer

        self.stemmer = SnowballStemmer(name)

    def stemWord(self, word: str) -> str:  # noqa: N802 (PyStemmer's name)
        return self.stemmer.stem(word)


def keys(words: list[str], lang: str, stemmer) -> dict[str, str]:
    """``word_key`` of each word (its folding before and after Snowball) with ``stemmer``."""
    from qa_rules.glossary import normalise

    original = normalise._stemmer
    normalise._stemmer = lambda _lang: stemmer
    try:
        return {w: normalise.word_key.__wrapped__(w, lang) for w in words}
    finally:
        normalise._stemmer = original


def groups(keys: dict[str, str]) -> set[frozenset[str]]:
    """The words that share a key, as sets (singletons left out)."""
    by_key: dict[str, set[str]] = defaultdict(set)
    for word, key in keys.items():
        by_key[key].add(word)
    return {frozenset(ws) for ws in by_key.values() if len(ws) > 1}


def import_time(statement: str, runs: int = 5) -> float:
    code = f"import time\nt = time.process_time()\n{statement}\nprint(time.process_time() - t)"
    return min(float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                    check=True, cwd=REPO).stdout) for _ in range(runs))


def main() -> None:
    import Stemmer

    words = vocabulary()
    total_c = total_nltk = 0.0
    n_words = 0
    print("word_key with PyStemmer (C) against nltk's Snowball, on the words of the samples, drafts, "
          "A/RES/55/100, glossaries (fr: and Text+Berg dev):")
    for lang, name in NAMES.items():
        vocab = sorted(words[lang])
        c_stemmer, nltk_stemmer = Stemmer.Stemmer(name, 0), _Nltk(name)
        start = time.process_time()
        ours = keys(vocab, lang, c_stemmer)
        total_c += time.process_time() - start
        start = time.process_time()
        theirs = keys(vocab, lang, nltk_stemmer)
        total_nltk += time.process_time() - start
        n_words += len(vocab)
        differ = [w for w in vocab if ours[w] != theirs[w]]
        joined = groups(ours) - groups(theirs)
        parted = groups(theirs) - groups(ours)
        print(f"  {lang}: {len(differ)} of {len(vocab)} words keyed differently"
              + "".join(f"\n      {w}: nltk {theirs[w]}, PyStemmer {ours[w]}" for w in differ))
        for label, changed in (("share a key only with PyStemmer", joined), ("share a key only with nltk", parted)):
            for group in sorted(changed, key=sorted):
                print(f"      {label}: {', '.join(sorted(group))}")
    print(f"time per word (word_key, no cache, {n_words} words): PyStemmer {total_c / n_words * 1e6:.1f} us, "
          f"nltk {total_nltk / n_words * 1e6:.1f} us")
    print(f"import, fresh process, CPU best of 5: PyStemmer {import_time('import Stemmer') * 1000:.0f} ms, "
          f"nltk.stem.snowball {import_time('from nltk.stem.snowball import SnowballStemmer') * 1000:.0f} ms")


if __name__ == "__main__":
    main()
