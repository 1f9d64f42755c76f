"""The spelling family (SC01, SC02): speed of the binding, false alarms on clean official and
working texts, recall on the planted misspellings, beside plain Hunspell and spylls.

    python benchmarks/spelling.py              # everything (spylls's speed if it is installed)
    python benchmarks/spelling.py --no-spylls

spylls is installed by hand (``pip install spylls``; measure in a separate virtual environment:
its wheel also installs a top-level ``tests`` package, which shadows the test suite's).

- Speed: each language's dictionary, loaded and run on the words SC01 judges in the clean sample
  version, through hexaglot's binding (ctypes on the system's libhunspell) and through spylls
  (the pure-Python port of Hunspell, the peer), same dictionary files, same words.
- False alarms: every SC01/SC02 finding on a clean text is one. Development texts: the sample
  E/RES/2023/26 (working translations, whose words informed the languages' UN word lists);
  held-out texts: the official six-language A/RES/55/100 (``samples/A-RES-55-100``, from the
  OPUS UN corpus) and the official French E/RES/2023/26 (``../shared/data/un-official``), never
  used to tune the lists. French is checked with English as the source, the others with French.
- Recall: the planted misspellings of ``samples/drafts`` (gold rows of category ``spelling``,
  written before the rules were run on the drafts); a finding matches a gold row of its draft
  within one line.
- The peer for false alarms and recall, "plain Hunspell": every word SC01 judges that the
  language's dictionary rejects, with no glossary, UN word list, cited-English or source-word
  acceptance: what a spell checker that knows nothing of UN texts would report.
- Suggestions (``--suggestions``): Hunspell's CPU time per suggested word (the words SC01 flags
  on the held-out set, and misspellings made by dropping one letter of the development set's
  long words, seeded), and how many of them come out otherwise when the same call runs beside
  a busy thread of the same process, the peer being the call alone: Hunspell 1.7 stops a
  suggestion's search after a budget of the process's CPU clock (``clock()``), which every
  thread advances, so suggestions computed in a background pool while the rules run could
  change the findings.
- Suggestions against Hunspell's (``--suggestions``, first): SC01's own suggestions
  (``qa_rules.spelling.suggest``: the words one typing slip away, in a fixed order) beside
  Hunspell's ``suggest``, the peer, on misspellings whose right word is known: a letter dropped
  from, or two neighbouring letters swapped in, long words (seeded) of the development set and
  of the held-out A/RES/55/100 (never looked at while the order of slips was chosen), and the
  planted misspellings of the drafts: how often the right word comes first and among the three
  SC01 shows, the CPU time per word of each, and whether each one's lists change beside two busy
  threads.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from qa_rules import langdata  # noqa: E402
from qa_rules.run import CheckOptions, check_files  # noqa: E402
from qa_rules.spelling import common, hunspell  # noqa: E402
from qa_rules.spelling.words import words  # noqa: E402

SAMPLES = REPO / "samples"
DEV_SET = SAMPLES / "E-RES-2023-26"
HELD_OUT_SET = SAMPLES / "A-RES-55-100"
OFFICIAL_FR = REPO.parent / "shared" / "data" / "un-official" / "E-RES-2023-26.fr.md"
DRAFTS = SAMPLES / "drafts"
LANGS = ("en", "fr", "es", "ru", "ar")


def unit_words(path: Path, lang: str) -> list[str]:
    from aligner.readers import read_document

    return [w for unit in read_document(str(path), lang).units for _, _, w in words(unit.text)]


def speed(lang: str, use_spylls: bool) -> str:
    name = langdata.value(lang, "spelling.dictionaries")[0]
    dic = hunspell.find(name) or hunspell.find(langdata.value(lang, "spelling.dictionaries")[-1])
    if dic is None:
        return f"{lang}: no dictionary"
    sample = unit_words(DEV_SET / f"{lang}.md", lang)
    start = time.perf_counter()
    hunspell.load.cache_clear()
    ours = hunspell.load(dic.stem)
    load = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(5):
        for word in sample:
            ours.checks(word)
    rate = 5 * len(sample) / (time.perf_counter() - start)
    line = f"{lang:3} {dic.stem:6} {len(sample):6} words  ctypes: load {load:5.2f} s, {rate:9,.0f} words/s"
    if use_spylls:
        try:
            from spylls.hunspell import Dictionary
        except ImportError:
            return line + "  spylls: not installed"
        start = time.perf_counter()
        peer = Dictionary.from_files(str(dic.with_suffix("")))
        peer_load = time.perf_counter() - start
        part = sample[:1500]
        start = time.perf_counter()
        for word in part:
            peer.lookup(word)
        peer_rate = len(part) / (time.perf_counter() - start)
        line += f"  spylls: load {peer_load:5.2f} s, {peer_rate:7,.0f} words/s ({len(part)} words)"
        line += f"  ratio {rate / peer_rate:,.0f}x"
    return line


def plain_rejects(path: Path, lang: str) -> list[str]:
    spell = common.speller(lang)
    if isinstance(spell, str):
        return []
    return [w for w in unit_words(path, lang) if not spell.main.checks(w)]


def run(paths: list[Path], langs: list[str]):
    return check_files([str(p) for p in paths], CheckOptions(select=("spelling",), discover=False,
                                                              langs=tuple(langs)))


def false_alarms(label: str, folder: Path | None, extra: list[tuple[Path, Path]] = ()) -> None:
    rows = []
    if folder is not None:
        report = run([folder / "fr.md", *(folder / f"{l}.md" for l in LANGS if l != "fr")],
                     ["fr", *(l for l in LANGS if l != "fr")])
        by_lang = {l: [f for f in report.findings if report.version_of(f) == l] for l in LANGS}
        fr_report = run([folder / "en.md", folder / "fr.md"], ["en", "fr"])
        by_lang["fr"] = list(fr_report.findings)
        for lang in LANGS:
            path = folder / f"{lang}.md"
            rows.append((f"{folder.name}/{lang}.md", len(unit_words(path, lang)), by_lang[lang],
                         len(plain_rejects(path, lang))))
    for source, target in extra:
        report = run([source, target], ["en", "fr"])
        rows.append((target.name, len(unit_words(target, "fr")), list(report.findings),
                     len(plain_rejects(target, "fr"))))
    print(f"\nfalse alarms, {label}")
    print(f"{'text':34} {'words':>6} {'SC01/02':>8} {'plain Hunspell':>15}")
    total = [0, 0, 0]
    for name, count, found, plain in rows:
        print(f"{name:34} {count:6} {len(found):8} {plain:15}")
        total[0] += count
        total[1] += len(found)
        total[2] += plain
    print(f"{'all':34} {total[0]:6} {total[1]:8} {total[2]:15}   "
          f"(per 1,000 words: {1000 * total[1] / max(total[0], 1):.2f} vs {1000 * total[2] / max(total[0], 1):.2f})")
    for name, _, found, _ in rows:
        for f in found:
            print(f"    {name}: {f.rule} {f.message}")


def recall() -> None:
    gold = [r for r in csv.DictReader((DRAFTS / "gold.tsv").open(encoding="utf-8"), delimiter="\t")
            if r["category"] == "spelling"]
    print(f"\nrecall on the planted misspellings ({len(gold)} in {len({r['draft'] for r in gold})} drafts)")
    print("(recall per split; precision over all the findings on the drafts: a finding is right when it stands")
    print(" within one line of a planted misspelling of its draft)")
    print(f"{'split':9} {'gold':>4} {'SC01/02 R':>10} {'P':>6} {'(n)':>5}   {'plain Hunspell R':>16} {'P':>6} {'(n)':>5}")
    found: dict[str, list[int]] = {}
    plain: dict[str, list[int]] = {}
    for draft in sorted({r["draft"] for r in gold}):
        lang = draft[:2]
        report = run([DEV_SET / "fr.md", DRAFTS / draft], ["fr", lang])
        found[draft] = [f.target.line for f in report.findings if f.target is not None]
        spell = common.speller(lang)
        from aligner.readers import read_document

        plain[draft] = [unit.line_at(s) for unit in read_document(str(DRAFTS / draft), lang).units
                        for s, _, w in words(unit.text) if not isinstance(spell, str) and not spell.main.checks(w)]
    for split in ("dev", "held-out", None):
        rows = [r for r in gold if split is None or r["split"] == split]
        cells = []
        for lines in (found, plain):
            hit = sum(1 for r in rows if any(abs(l - int(r["line"])) <= 1 for l in lines[r["draft"]]))
            # a finding is right when it stands on a planted misspelling of its draft (any split)
            n = sum(len(lines[d]) for d in lines)
            right = sum(1 for d in lines for l in lines[d]
                        if any(r["draft"] == d and abs(l - int(r["line"])) <= 1 for r in gold))
            precision = f"{right / max(n, 1):6.2f} {n:5}" if split is None else f"{'':6} {'':5}"
            cells.append(f"{hit / max(len(rows), 1):10.2f} {precision}")
        print(f"{split or 'both':9} {len(rows):4} {cells[0]}   {cells[1]:>29}")


def suggestion_words(per_language: int = 40) -> dict[str, list[str]]:
    """Per dictionary: the words SC01 flags on the held-out set, then ``per_language`` words of nine
    letters or more of the development set with one inner letter dropped (seeded)."""
    import random
    import re

    rng = random.Random(1)
    found: dict[str, list[str]] = {}
    for lang in LANGS:
        spell = common.speller(lang)
        if isinstance(spell, str):
            continue
        flagged = [w for w in unit_words(HELD_OUT_SET / f"{lang}.md", lang) if not spell.knows(w)]
        long = sorted({w for w in re.findall(r"[^\W\d_]{9,}", (DEV_SET / f"{lang}.md").read_text(encoding="utf-8"))})
        rng.shuffle(long)
        dropped = [w[:i] + w[i + 1:] for w in long[:per_language] for i in [rng.randrange(1, len(w) - 1)]]
        found[spell.main.name] = list(dict.fromkeys(w for w in flagged + dropped if not spell.knows(w)))
    return found


def _all_suggestions(dictionary, word: str) -> tuple[str, ...]:
    return dictionary.suggest(word, limit=100)


@contextmanager
def busy(threads: int) -> Iterator[None]:
    """``threads`` threads of this process hashing while the block runs (hashing releases the
    GIL, as Hunspell's calls do, and advances the process's CPU clock)."""
    import hashlib
    import threading

    stop = threading.Event()
    data = b"x" * 20_000_000

    def work() -> None:
        while not stop.is_set():
            hashlib.sha256(data).digest()

    running = [threading.Thread(target=work, daemon=True) for _ in range(threads)]
    for thread in running:
        thread.start()
    try:
        yield
    finally:
        stop.set()
        for thread in running:
            thread.join()


def suggestions_beside_a_busy_thread(busy_threads: int = 2) -> None:
    """Each word's suggestions (CPU of this thread) alone, then beside ``busy_threads`` threads
    hashing (which release the GIL, as Hunspell's calls do): how many lists differ."""
    words_of = suggestion_words()
    dictionaries = {name: hunspell.load(name) for name in words_of}
    alone, spent = {}, {}
    for name, found in words_of.items():
        for word in found:
            start = time.thread_time()
            alone[(name, word)] = _all_suggestions(dictionaries[name], word)
            spent[(name, word)] = time.thread_time() - start
    with busy(busy_threads):
        beside = {key: _all_suggestions(dictionaries[key[0]], key[1]) for key in alone}
    print(f"suggestions: {len(alone)} words; CPU per word alone (this thread), by dictionary:")
    for name in words_of:
        times = sorted(spent[k] for k in spent if k[0] == name)
        print(f"  {name:6} {len(times):3} words: median {1000 * times[len(times) // 2]:6.1f} ms, "
              f"slowest {1000 * times[-1]:6.1f} ms, total {sum(times):5.2f} s")
    differ = [key for key in alone if alone[key] != beside[key]]
    shown = [key for key in differ if alone[key][:3] != beside[key][:3]]
    print(f"  beside {busy_threads} busy threads of the same process: {len(differ)} of {len(alone)} suggestion "
          f"lists differ, {len(shown)} in the first three (what SC01 shows)")
    for key in shown[:5]:
        print(f"    {key[0]} {key[1]!r}: alone {' / '.join(alone[key][:3])}; beside {' / '.join(beside[key][:3])}")


def misspellings(split: Path, lang: str, spell, per_kind: int = 30, seed: int = 1) -> list[tuple[str, str]]:
    """(misspelling, right word): ``per_kind`` long words (nine letters or more) of ``split``'s
    ``lang`` version that its own dictionary knows, with an inner letter dropped, and as many with two inner neighbours swapped
    (seeded); only misspellings the dictionary does not know."""
    import random
    import re

    rng = random.Random(seed)
    long = sorted({w for w in re.findall(r"[^\W\d_]{9,}", (split / f"{lang}.md").read_text(encoding="utf-8"))
                   if spell.main.checks(w)})  # the language's own words: not an English one it cites
    rng.shuffle(long)
    found = []
    for k, word in enumerate(long[:2 * per_kind]):
        i = rng.randrange(1, len(word) - 2)
        wrong = word[:i] + word[i + 1:] if k % 2 == 0 else word[:i] + word[i + 1] + word[i] + word[i + 2:]
        if wrong != word and not spell.knows(wrong):
            found.append((wrong, word))
    return found


def planted_misspellings() -> dict[str, list[tuple[str, str]]]:
    """The drafts' planted misspellings (``plants.json``, category ``spelling``), by language."""
    import json
    import re

    plants = json.loads((SAMPLES / "drafts" / "plants.json").read_text(encoding="utf-8"))["plants"]
    found: dict[str, list[tuple[str, str]]] = {}
    for lang, rows in plants.items():
        for row in rows:
            said = re.search(r"'([^']+)'[^']*for[^']*'([^']+)'", row["description"]) if row["category"] == "spelling" else None
            if said and " " not in said.group(1):
                found.setdefault(lang, []).append((said.group(1), said.group(2)))
    return found


def suggestions_against_hunspell(busy_threads: int = 2) -> None:
    """SC01's suggestions beside Hunspell's on misspellings whose right word is known (see the module)."""
    from qa_rules.spelling.sc01_misspelling import suggestions

    sets: dict[str, list[tuple[str, str, str]]] = {"development": [], "held-out": [], "planted (drafts)": []}
    planted = planted_misspellings()
    for lang in LANGS:
        spell = common.speller(lang)
        if isinstance(spell, str):
            continue
        sets["development"] += [(lang, w, r) for w, r in misspellings(DEV_SET, lang, spell)]
        sets["held-out"] += [(lang, w, r) for w, r in misspellings(HELD_OUT_SET, lang, spell)]
        sets["planted (drafts)"] += [(lang, w, r) for w, r in planted.get(lang, ()) if not spell.knows(w)]
    systems = {"hexaglot": lambda spell, word: suggestions.__wrapped__(spell, word),
               "Hunspell suggest": lambda spell, word: spell.main.suggest(word)}
    print("suggestions against Hunspell's own, on misspellings whose right word is known:")
    print(f"  {'words':<17} {'n':>4}  {'system':<17} {'first right':>11} {'in three':>9} {'none':>5} {'CPU per word':>13}")
    alone: dict[tuple[str, str, str], tuple[str, ...]] = {}
    for name, rows in sets.items():
        for system, run in systems.items():
            first = three = empty = 0
            start = time.process_time()
            for lang, wrong, right in rows:
                got = run(common.speller(lang), wrong)
                alone[(system, lang, wrong)] = got
                first += bool(got) and got[0] == right
                three += right in got
                empty += not got
            spent = (time.process_time() - start) / max(len(rows), 1)
            print(f"  {name:<17} {len(rows):>4}  {system:<17} {first / max(len(rows), 1):>11.2f} "
                  f"{three / max(len(rows), 1):>9.2f} {empty:>5} {1000 * spent:>10.1f} ms")
    with busy(busy_threads):
        changed = {system: sum(1 for (s, lang, wrong), got in alone.items()
                               if s == system and systems[system](common.speller(lang), wrong) != got)
                   for system in systems}
    print(f"  beside {busy_threads} busy threads of the same process, lists that change: "
          + ", ".join(f"{system} {count} of {len(alone) // len(systems)}" for system, count in changed.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-spylls", action="store_true", help="do not measure spylls's speed")
    parser.add_argument("--suggestions", action="store_true",
                        help="only the suggestions: SC01's against Hunspell's, and Hunspell's cost alone and beside busy threads")
    args = parser.parse_args(argv)
    if args.suggestions:
        suggestions_against_hunspell()
        suggestions_beside_a_busy_thread()
        return 0
    missing = {lang: r for lang in LANGS if isinstance(r := common.speller(lang), str)}
    for lang, reason in missing.items():
        print(f"{lang}: {reason}")
    print("speed (5 passes of the clean sample's words; spylls: one pass of at most 1,500 words)")
    for lang in LANGS:
        print(speed(lang, not args.no_spylls))
    common.speller.cache_clear()
    false_alarms("development: the sample E/RES/2023/26 (working translations; fr official)", DEV_SET)
    extra = [(DEV_SET / "en.md", OFFICIAL_FR)] if OFFICIAL_FR.is_file() else []
    false_alarms("held-out: official A/RES/55/100 (six languages) and the official French E/RES/2023/26",
                 HELD_OUT_SET, extra)
    recall()
    return 0


if __name__ == "__main__":
    sys.exit(main())
