"""Time of the terminology rules and of loading the glossaries in the six-language check.

    python benchmarks/term_rules_speed.py            # fresh processes, best of 3
    python benchmarks/term_rules_speed.py --profile  # the same under cProfile (cumulative)
    python benchmarks/term_rules_speed.py samples/E-RES-2023-26/fr.md samples/drafts/en_draft.md

The sample set (fr source, en es ru zh ar) is read and aligned once per process (not timed);
then, timed: the bundled glossaries loaded and indexed (``load_glossaries``), loading the
Snowball stemmers (PyStemmer; paid once per process by whichever step first stems a word, timed apart here so
it is not charged to a rule), and one engine run of the five terminology rules (TE01-TE05) on
the alignment, with each rule's own share (its ``check`` and ``check_document`` calls; TE01 runs
first, so it pays for building the matchers and matching the texts the others reuse). The peer, in the same process: the sample set's
tokenisation in the six languages (the floor of any term matching). Then, with the sample set's
words and terms known to the matchers, the held-out resolution A/RES/55/100 in the same process:
a document new to a warm batch worker (TE01 and the five rules; its tokenisation as the peer).
Also printed: how many
distinct words were keyed (``word_key`` cache misses: Snowball stems, Arabic stems, Han
characters), the work that does not depend on the machine's load. Each figure is the best of
``--runs`` fresh processes, in CPU time of the process (``time.process_time``: the machine is
shared, and wall time moved by a factor of two with the load of other processes).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SAMPLES = REPO / "samples" / "E-RES-2023-26"
#: The held-out split (never looked at while tuning), checked after the sample set in the same process.
HELD_OUT = REPO / "samples" / "A-RES-55-100"
LANGS = ("fr", "en", "es", "ru", "zh", "ar")
RULES = ("TE01", "TE02", "TE03", "TE04", "TE05")


def one_run(profile: bool, files: list[str]) -> dict[str, float]:
    from aligner.align import align_documents
    from aligner.readers import read_document
    from qa_rules.engine import check
    from qa_rules.registry import RULES as REGISTERED

    documents = [read_document(path) for path in files or [str(SAMPLES / f"{lang}.md") for lang in LANGS]]
    alignment = align_documents(documents)
    by_code = {rule.code: rule for rule in REGISTERED}
    times: dict[str, float] = {}
    profiler = cProfile.Profile() if profile else None

    def timed(label, fn):
        start = time.process_time()
        if profiler:
            profiler.enable()
        result = fn()
        if profiler:
            profiler.disable()
        times[label] = time.process_time() - start
        return result

    from qa_rules.glossary import load_glossaries

    glossaries = timed("glossary load", lambda: load_glossaries([], include_default=True))

    def import_stemmers():
        from qa_rules.glossary.normalise import _stemmer

        return [_stemmer(lang) for lang in ("en", "fr", "es", "ru")]

    timed("stemmer load", import_stemmers)
    rules = [by_code[code] for code in RULES]
    for rule in rules:  # each rule's own time inside ONE engine run (the run shares its matches)
        times[rule.code] = 0.0
        for method in ("check", "check_document"):
            original = getattr(rule, method)

            def wrapper(self, *args, _original=original, _code=rule.code):
                start = time.process_time()
                if profiler:
                    profiler.enable()
                try:
                    result = list(_original(self, *args))
                finally:
                    if profiler:
                        profiler.disable()
                    times[_code] += time.process_time() - start
                return iter(result)

            setattr(rule, method, wrapper)
    timed("check run (TE01-TE05)", lambda: check(alignment, rules, glossaries))
    from qa_rules.glossary.normalise import tokenize, word_key

    times["words keyed (stems computed)"] = word_key.cache_info().misses / 1000  # printed as a count

    texts = [(u.text, lang) for lang in alignment.languages for u in alignment.documents[lang].units]
    timed("peer: tokenise the six texts", lambda: [tokenize(t, lang) for t, lang in texts])
    if not files:  # the other document, new to this process's matchers: a warm batch worker's case
        other = align_documents([read_document(str(HELD_OUT / f"{lang}.md")) for lang in LANGS])
        first = {code: times[code] for code in RULES}
        timed("held-out, new to the process: TE01-TE05", lambda: check(other, rules, glossaries))
        times["held-out, new to the process: TE01"] = times["TE01"] - first["TE01"]
        for code in RULES:
            times[code] = first[code]
        other_texts = [(u.text, lang) for lang in other.languages for u in other.documents[lang].units]
        timed("held-out: peer tokenise", lambda: [tokenize(t, lang) for t, lang in other_texts])
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("files", nargs="*", help="documents to check instead of the six-language sample set "
                        "(e.g. samples/E-RES-2023-26/fr.md samples/drafts/en_draft.md)")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(one_run(args.profile, args.files)))
        return
    best: dict[str, float] = {}
    for _ in range(args.runs):
        cmd = [sys.executable, __file__, "--child"] + (["--profile"] if args.profile else []) + \
            [str(Path(f).resolve()) for f in args.files]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=REPO).stdout
        for label, seconds in json.loads(out.strip().splitlines()[-1]).items():
            best[label] = min(best.get(label, seconds), seconds)
    print(f"{' '.join(Path(f).name for f in args.files) or 'six-language sample set'}, CPU time, best of {args.runs} fresh processes{' under cProfile' if args.profile else ''}:")
    for label, seconds in best.items():
        if label.startswith("words keyed"):
            print(f"  {label:<30} {seconds * 1000:8.0f}")
        else:
            print(f"  {label:<30} {seconds * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
