"""Is the target a translation of the source? Every document paired with every other.

    python benchmarks/correspondence.py            # dev and held-out, every signal, the peers
    python benchmarks/correspondence.py --dev      # the development split only (for tuning)
    python benchmarks/correspondence.py --ratios   # the characters-per-French ratios of the dev set
    python benchmarks/correspondence.py --list     # every misjudged pair with its evidence
    python benchmarks/correspondence.py --whole    # whole documents only (quicker)

Documents (each in the languages it has):

- ``E``: ``samples/E-RES-2023-26`` (the official French text and five working translations);
- ``E drafts``: ``samples/drafts/*_draft.md``, translations of the same text with 33 planted
  errors each (true pairs with every version of ``E`` and with each other);
- ``E earlier``: ``tests/data/earlier-text/E-RES-2023-26``: an earlier reconstruction of the
  French text and its five translations: same symbol, title and structure, other wording,
  references and dates: another revision (false pairs with ``E``, true pairs among themselves);
- ``A``: ``samples/A-RES-55-100`` (official text of General Assembly resolution 55/100);
- ``A opus``: the same resolution as OPUS distributes it (``../shared/data/opus-un-6way``,
  tokenised, one paragraph per line: another conversion of the same text, true pairs with ``A``);
- cut documents: each version of ``E`` and ``A`` cut into thirds (the head lines go with the
  first third). A third paired with the whole document in another language is a partial
  translation (true pair: it translates part of the source and the paragraph rules report the
  rest as missing); a third with the same third is a true pair; a third with another third of
  the same resolution is a false pair (same document, other content);
- ``same head, other body``: the head (symbol, title) and numbering of one resolution with the
  paragraphs of the other (false pairs with the resolution whose head they carry);
- ``E a third replaced``: a version of ``E`` whose operative paragraphs 1, 4, 7... (12 of 36)
  were replaced by paragraphs of ``A``: a translation with many wrong paragraphs, a true pair
  (most of the text corresponds; the paragraph rules report the twelve).

Every ordered pair of documents in two different languages is judged (``hexaglot check``
refuses two documents in one language). The development split is the pairs whose two documents
come from E/RES/2023/26 only (what the thresholds in ``qa_rules/correspondence.py`` were set on);
the held-out split is every pair involving A/RES/55/100 (the other resolution, OPUS, and pairs
across the two resolutions), never looked at while tuning.

For each split the script prints true pairs accepted and false pairs flagged for the combined
judgement, for each signal used alone (flag when it says "different"), for the judgement
without each signal, and for a peer measured on the same pairs: the whole-document length
ratio alone (a length filter, as parallel-corpus cleaners use), flagging a ratio outside
``[1/1.5, 1.5]`` of the languages' usual ratio.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from aligner.align import align_documents  # noqa: E402
from aligner.model import Document  # noqa: E402
from qa_rules import correspondence as corr  # noqa: E402

LANGS = ("ar", "en", "es", "fr", "ru", "zh")
SAMPLES = REPO / "samples"
EARLIER = REPO / "tests" / "data" / "earlier-text" / "E-RES-2023-26"
OPUS = REPO.parent / "shared" / "data" / "opus-un-6way" / "A-RES-55-100.jsonl"
SIGNALS = ("identity", "shared keys", "alignment", "paired keys", "length")


@dataclass(frozen=True)
class Doc:
    """A document of the benchmark and what it is: which resolution, which text, which part."""

    name: str
    resolution: str  # "E" or "A"
    text: str  # which text of the resolution: "official", "earlier", "mixed-<n>"
    part: str  # "whole" or "1/3", "2/3", "3/3"
    document: Document

    #: Holds text of A/RES/55/100 (the held-out resolution).
    has_a: bool = False

    @property
    def lang(self) -> str:
        return self.document.lang


def read(path: Path, lang: str, input_format: str | None = None) -> Document:
    from aligner.readers import read_document

    return read_document(str(path), lang=lang, input_format=input_format)


def opus_documents() -> list[Document]:
    """The OPUS text, one paragraph per line, read as a lines input."""
    import tempfile

    units = [json.loads(line) for line in OPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGS:
            path = Path(tmp) / f"A-RES-55-100.opus.{lang}.txt"
            path.write_text("\n".join(unit[lang] for unit in units) + "\n", encoding="utf-8")
            docs.append(replace(read(path, lang, "lines"), path=f"opus-un-6way/A-RES-55-100.{lang}"))
    return docs


def thirds(doc: Document) -> list[Document]:
    """``doc`` cut into three runs of paragraphs of about equal size; the head goes with the first."""
    n = len(doc.units)
    cuts = [0, round(n / 3), round(2 * n / 3), n]
    return [replace(doc, units=doc.units[cuts[k]:cuts[k + 1]]) for k in range(3)]


def _body(doc: Document) -> list:
    return [u for u in doc.units if u.role in ("preambular", "operative")]


def other_body(head_doc: Document, body_doc: Document) -> Document:
    """The head, numbering and footnotes of ``head_doc`` with the paragraph texts of ``body_doc``
    (same language), as many as ``head_doc`` has, cycled."""
    texts = [u.text for u in _body(body_doc)]
    out, k = [], 0
    for unit in head_doc.units:
        if unit.role in ("preambular", "operative"):
            text = texts[k % len(texts)]
            if unit.role == "operative":
                text = f"{unit.number}. " + text.split(". ", 1)[-1] if text[:1].isdigit() else text
            out.append(replace(unit, text=text))
            k += 1
        else:
            out.append(unit)
    return replace(head_doc, units=tuple(out))


def third_replaced(doc: Document, other: Document) -> Document:
    """``doc`` with operative paragraphs 1, 4, 7... replaced by paragraphs of ``other`` (same language)."""
    texts = [u.text for u in _body(other)]
    out, k = [], 0
    for unit in doc.units:
        if unit.role == "operative" and unit.number is not None and unit.number % 3 == 1:
            out.append(replace(unit, text=texts[k % len(texts)]))
            k += 1
        else:
            out.append(unit)
    return replace(doc, units=tuple(out))


def documents() -> list[Doc]:
    docs: list[Doc] = []
    e = {lang: read(SAMPLES / "E-RES-2023-26" / f"{lang}.md", lang) for lang in LANGS}
    a = {lang: read(SAMPLES / "A-RES-55-100" / f"{lang}.md", lang) for lang in LANGS}
    for lang in LANGS:
        docs.append(Doc(f"E {lang}", "E", "official", "whole", e[lang]))
        docs.append(Doc(f"A {lang}", "A", "official", "whole", a[lang], has_a=True))
        docs.append(Doc(f"E earlier {lang}", "E", "earlier", "whole", read(EARLIER / f"{lang}.md", lang)))
    for path in sorted((SAMPLES / "drafts").glob("*_draft.md")):
        lang = path.name[:2]
        docs.append(Doc(f"E draft {lang}", "E", "official", "whole", read(path, lang)))
    if OPUS.is_file():
        for doc in opus_documents():
            docs.append(Doc(f"A opus {doc.lang}", "A", "official", "whole", doc, has_a=True))
    else:
        print(f"{OPUS.relative_to(REPO.parent)} not found: OPUS documents left out", file=sys.stderr)
    for key, versions in (("E", e), ("A", a)):
        for lang, doc in versions.items():
            for k, part in enumerate(thirds(doc), 1):
                docs.append(Doc(f"{key} {lang} {k}/3", key, "official", f"{k}/3", part, has_a=key == "A"))
    for lang in LANGS:
        docs.append(Doc(f"A head, E body {lang}", "A", "mixed-E", "whole", other_body(a[lang], e[lang]),
                        has_a=True))
        docs.append(Doc(f"E head, A body {lang}", "E", "mixed-A", "whole", other_body(e[lang], a[lang]), has_a=True))
        if lang != "fr":
            docs.append(Doc(f"E a third replaced {lang}", "E", "official", "whole", third_replaced(e[lang], a[lang]),
                            has_a=True))
    return docs


def truth(source: Doc, target: Doc) -> bool:
    """True when ``target`` translates (part of) what ``source`` says."""
    if source.resolution != target.resolution or source.text != target.text or source.text.startswith("mixed"):
        return False
    return source.part == target.part or "whole" in (source.part, target.part)


def split(source: Doc, target: Doc) -> str:
    return "held-out" if source.has_a or target.has_a else "dev"


@dataclass(frozen=True)
class Judged:
    source: Doc
    target: Doc
    true: bool
    split: str
    verdict: corr.Verdict


def pairs(docs: list[Doc]) -> list[tuple[Doc, Doc]]:
    out = []
    for s in docs:
        for t in docs:
            if s is t or s.lang == t.lang:
                continue
            if "mixed" in s.text or "third replaced" in s.name:
                continue  # a made-up document is only ever a target
            out.append((s, t))
    return out


def judge(s: Doc, t: Doc) -> corr.Verdict:
    alignment = align_documents([s.document, t.document])
    rows = alignment.pair_rows.get(t.lang) or alignment.rows
    return corr.judge_correspondence(s.document, t.document, rows)


# -- scoring --------------------------------------------------------------------------


def tally(items: list[Judged], flagged) -> tuple[int, int, int, int]:
    """(true accepted, true, false flagged, false) under the judgement ``flagged(verdict)``."""
    true = [j for j in items if j.true]
    false = [j for j in items if not j.true]
    return (sum(not flagged(j.verdict) for j in true), len(true), sum(bool(flagged(j.verdict)) for j in false), len(false))


def _votes_without(verdict: corr.Verdict, left_out: str) -> bool:
    return sum(s.weight for s in verdict.signals if s.name != left_out) >= corr.MIN_VOTES


def _signal(verdict: corr.Verdict, name: str) -> bool:
    return any(s.name == name and s.vote == "different" for s in verdict.signals)


def _length_peer(verdict: corr.Verdict) -> bool:
    r = verdict.whole_length_ratio
    return r is not None and not (1 / 1.5 <= r <= 1.5)


def judgements():
    yield "hexaglot (combined)", lambda v: not v.corresponds
    for name in SIGNALS:
        yield f"  {name} alone", lambda v, n=name: _signal(v, n)
    for name in SIGNALS:
        yield f"  without {name}", lambda v, n=name: _votes_without(v, n)
    yield "peer: whole-document length ratio", _length_peer


def report(items: list[Judged], title: str) -> None:
    print(f"== {title}: {len(items)} ordered pairs")
    print(f"{'judgement':<38}{'true pairs accepted':>22}{'false pairs flagged':>22}")
    for name, flagged in judgements():
        ta, t, ff, f = tally(items, flagged)
        print(f"{name:<38}{f'{ta}/{t}':>14} {100 * ta / t if t else 0:5.1f}%{f'{ff}/{f}':>14} {100 * ff / f if f else 0:5.1f}%")
    whole = [j for j in items if j.source.part == j.target.part == "whole"]
    ta, t, ff, f = tally(whole, lambda v: not v.corresponds)
    print(f"{'hexaglot, whole documents only':<38}{f'{ta}/{t}':>14} {100 * ta / t if t else 0:5.1f}%"
          f"{f'{ff}/{f}':>14} {100 * ff / f if f else 0:5.1f}%")
    votes = Counter(s.name for j in items for s in j.verdict.signals if s.vote == "different")
    abstain = Counter(s.name for j in items for s in j.verdict.signals if s.vote == "abstains")
    print("signals saying 'different' / abstaining: "
          + ", ".join(f"{n} {votes[n]}/{abstain[n]}" for n in SIGNALS))
    kinds = defaultdict(lambda: [0, 0])
    for j in items:
        kind = _kind(j)
        kinds[kind][0] += j.verdict.corresponds != j.true
        kinds[kind][1] += 1
    print("misjudged by kind: " + ", ".join(f"{k} {bad}/{n}" for k, (bad, n) in sorted(kinds.items())))
    print()


def _kind(j: Judged) -> str:
    s, t = j.source, j.target
    if j.true:
        if s.part != t.part:
            return "true: partial"
        if "draft" in s.name or "draft" in t.name:
            return "true: draft"
        if "third replaced" in t.name:
            return "true: a third replaced"
        return "true: same text"
    if s.resolution != t.resolution:
        return "false: other resolution" if not t.text.startswith("mixed") else "false: other head"
    if t.text.startswith("mixed"):
        return "false: same head, other body"
    if s.text != t.text:
        return "false: other revision"
    return "false: other part"


def ratios() -> None:
    """Characters (no digits, no spaces, no head lines) per French character on the dev set."""
    e = {lang: read(SAMPLES / "E-RES-2023-26" / f"{lang}.md", lang) for lang in LANGS}
    chars = {lang: sum(corr._letters(u.text) for u in doc.units if u.role != "meta") for lang, doc in e.items()}
    print("characters per French character, E/RES/2023/26 sample set (dev):")
    print("  " + ", ".join(f"{lang} {chars[lang] / chars['fr']:.2f}" for lang in LANGS))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", action="store_true", help="the development split only")
    parser.add_argument("--ratios", action="store_true", help="print the dev set's character ratios and stop")
    parser.add_argument("--list", action="store_true", help="print every misjudged pair with its evidence")
    parser.add_argument("--whole", action="store_true", help="whole documents only (no cut thirds)")
    args = parser.parse_args(argv)
    if args.ratios:
        ratios()
        return 0
    docs = documents()
    judged = []
    for s, t in pairs(docs):
        where = split(s, t)
        if (args.dev and where != "dev") or (args.whole and not s.part == t.part == "whole"):
            continue
        judged.append(Judged(s, t, truth(s, t), where, judge(s, t)))
    print(f"{len(docs)} documents, thresholds: MIN_VOTES {corr.MIN_VOTES}, KEY_SHARE {corr.KEY_SHARE}, "
          f"COVERED {corr.COVERED}/{corr.COVERED_STRONG}, ROW_KEYS {corr.ROW_KEYS}, LENGTH_BAND {corr.LENGTH_BAND}\n")
    for where in ("dev", "held-out"):
        items = [j for j in judged if j.split == where]
        if items:
            report(items, f"{where} split")
    if args.list:
        for j in judged:
            if j.verdict.corresponds != j.true:
                print(f"{j.split}: {j.source.name} -> {j.target.name}: {'true' if j.true else 'false'} pair "
                      f"{'flagged' if j.true else 'accepted'}\n    {j.verdict.evidence()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
