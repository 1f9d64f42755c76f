"""Language identification on short pieces of real UN text, with peers.

Pieces: every paragraph of a text, cut by ``cut_pieces`` (below): sentences
first (at ``.``, ``!``, ``?``, ``;``, ``。``, ``！``, ``？``, ``；``, ``؛``, ``؟``),
then any sentence longer than ``MAX_CHARS`` cut greedily at word boundaries
(spaces; in text without spaces, after ``，、：`` or, failing those, every
``MAX_CHARS`` characters); pieces shorter than ``MIN_CHARS`` are dropped. The rule
is deterministic: the same texts always give the same pieces.

Two sets, kept apart:

- tuning: the sample set ``samples/E-RES-2023-26`` (six versions) and the drafts
  ``samples/drafts`` (planted errors included). Thresholds in ``aligner.langid``
  were chosen on this set only. Some of its pieces are not in their file's
  language, so no system reaches 100% there: "Distr.: General" heads every version,
  Russian footnotes cite "United Nations, Treaty Series" in English, and the drafts
  carry planted untranslated passages.
- held out: the official text of resolution A/RES/55/100 in six languages, as
  ``samples/A-RES-55-100/*.md`` and as the OPUS UN corpus' tokenised paragraphs
  (``../shared/data/opus-un-6way/A-RES-55-100.jsonl``). Reported, never tuned on.

Systems: hexaglot (``aligner.langid.identify``; "cannot tell" and a language
outside the six count as wrong),
langdetect unrestricted (seeded), and the PyPI ``langid`` package (langid.py,
unrestricted) when it is installed: a benchmark peer only, never a dependency.

Run from the repository root: ``python benchmarks/langid_pieces.py``.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SIX = ("ar", "en", "es", "fr", "ru", "zh")
MIN_CHARS, MAX_CHARS = 15, 300
SAMPLES = REPO / "samples"
OPUS = REPO.parent / "shared" / "data" / "opus-un-6way" / "A-RES-55-100.jsonl"

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|(?<=[。！？；؛؟])\s*")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_MARKUP = re.compile(r"<sup>.*?</sup>|[*_]|^#+\s*|^>\s*", re.M)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def paragraphs_of_markdown(text: str) -> list[str]:
    """The paragraphs of a UN text form file: comments, page separators and markup removed,
    the lines of a paragraph joined by a space."""
    text = _COMMENT.sub("", text)
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip() and line.strip() != "---"]
        joined = _MARKUP.sub("", _LINK.sub(r"\1", " ".join(lines))).strip()
        if joined:
            paragraphs.append(joined)
    return paragraphs


def _cut_long(sentence: str) -> list[str]:
    """A sentence over MAX_CHARS cut greedily at word boundaries."""
    spaced = " " in sentence.strip()
    words = re.findall(r"\S+\s*", sentence) if spaced else re.findall(r"[^，、：]*[，、：]?", sentence)
    pieces, current = [], ""
    for word in filter(None, words):
        while len(word) > MAX_CHARS:  # one "word" longer than a piece: cut it hard
            if current:
                pieces.append(current)
                current = ""
            pieces.append(word[:MAX_CHARS])
            word = word[MAX_CHARS:]
        if len((current + word).strip()) > MAX_CHARS:
            pieces.append(current)
            current = ""
        current += word
    if current:
        pieces.append(current)
    return [p.strip() for p in pieces]


def cut_pieces(paragraphs: Iterable[str]) -> list[str]:
    """Pieces of MIN_CHARS..MAX_CHARS characters: sentences, long ones cut at word boundaries."""
    pieces: list[str] = []
    for paragraph in paragraphs:
        for sentence in _SENTENCE_END.split(paragraph):
            sentence = sentence.strip()
            for piece in [sentence] if len(sentence) <= MAX_CHARS else _cut_long(sentence):
                if len(piece) >= MIN_CHARS:
                    pieces.append(piece)
    return pieces


def markdown_pieces(paths: Iterable[tuple[str, Path]]) -> list[tuple[str, str]]:
    """(language, piece) for each file, in order."""
    return [(lang, piece) for lang, path in paths
            for piece in cut_pieces(paragraphs_of_markdown(path.read_text(encoding="utf-8")))]


def tuning_set() -> list[tuple[str, str]]:
    files = [(lang, SAMPLES / "E-RES-2023-26" / f"{lang}.md") for lang in SIX]
    files += [(path.name[:2], path) for path in sorted((SAMPLES / "drafts").glob("*_draft.md"))]
    return markdown_pieces(files)


def held_out_markdown() -> list[tuple[str, str]]:
    return markdown_pieces((lang, SAMPLES / "A-RES-55-100" / f"{lang}.md") for lang in SIX)


def held_out_opus(path: Path = OPUS) -> list[tuple[str, str]]:
    units = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(lang, piece) for lang in SIX for piece in cut_pieces(unit[lang] for unit in units)]


def hexaglot_system() -> Callable[[str], str | None]:
    from aligner.langid import identify

    return lambda text: identify(text).lang


def langdetect_system() -> Callable[[str], str | None]:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    def run(text: str) -> str | None:
        DetectorFactory.seed = 0
        try:
            return detect(text).split("-")[0]
        except LangDetectException:
            return None

    return run


def langid_py_system() -> Callable[[str], str | None] | None:
    try:
        import langid  # the PyPI package langid.py: a peer for this benchmark only
    except ImportError:
        return None
    return lambda text: langid.classify(text)[0]


def accuracy(system: Callable[[str], str | None], pieces: list[tuple[str, str]]) -> dict[str, tuple[int, int]]:
    """Per language (and ``all``): (right, total)."""
    counts: dict[str, list[int]] = {lang: [0, 0] for lang in [*SIX, "all"]}
    for lang, piece in pieces:
        right = int(system(piece) == lang)
        for key in (lang, "all"):
            counts[key][0] += right
            counts[key][1] += 1
    return {key: (r, t) for key, (r, t) in counts.items() if t}


def main() -> None:
    systems = {"hexaglot": hexaglot_system(), "langdetect": langdetect_system()}
    peer = langid_py_system()
    if peer is not None:
        systems["langid.py"] = peer
    sets = {"tuning: samples/E-RES-2023-26 + drafts": tuning_set(),
            "held out: samples/A-RES-55-100": held_out_markdown()}
    if OPUS.is_file():
        sets["held out: opus-un-6way A-RES-55-100"] = held_out_opus()
        sets["held out: both (the goal: 0.98)"] = held_out_markdown() + held_out_opus()
    for title, pieces in sets.items():
        print(f"\n{title}: {len(pieces)} pieces of {MIN_CHARS}-{MAX_CHARS} characters")
        print(f"{'system':<12}" + "".join(f"{key:>12}" for key in [*SIX, "all"]))
        for name, system in systems.items():
            acc = accuracy(system, pieces)
            cells = "".join(f"{f'{r}/{t}':>12}" for r, t in (acc.get(k, (0, 0)) for k in [*SIX, "all"]))
            print(f"{name:<12}{cells}   {acc['all'][0] / acc['all'][1]:.3f}")


if __name__ == "__main__":
    main()
