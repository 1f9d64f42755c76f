"""Rebuild the drafts with planted errors and their gold file from the clean samples.

    python benchmarks/make_qa_drafts.py          # writes samples/drafts/{en,es,ru,zh,ar}_draft.md and gold.tsv
    python benchmarks/make_qa_drafts.py --check  # exit 1 if the committed drafts differ from a rebuild

The plants are data (``samples/drafts/plants.json``): for each draft language, a
list of ``{category, description, old, new, mark}``. ``old`` must occur exactly
once in the clean ``samples/E-RES-2023-26/<lang>.md``; ``new`` replaces it
(``FR:<start>`` stands for the French paragraph that starts so, copied from
``fr.md`` byte for byte, as a translator's paste would be). The gold line of a
plant is the line of ``mark`` in the draft, or the line before it for a dropped
paragraph (the gap where it should be). Run it again whenever a clean sample
changes, so that the drafts stay the clean text plus the planted errors only.

Each gold row names its split (``split``): within one draft and one category, the
plants are taken in their order in ``plants.json`` and every second one (the 2nd,
the 4th) is held out, the others are the development split. The split depends on
the plants' order only, never on what the rules find, so a rule can be tuned on
the development plants and measured on the held-out ones; a plant corrected in
place keeps its split.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples" / "E-RES-2023-26"
DRAFTS = REPO / "samples" / "drafts"
HEADER = ("<!-- hexaglot test draft with planted errors (see gold.tsv): {lang} version of E/RES/2023/26, built from "
          "{lang}.md by the hexaglot team; not an official United Nations text. -->")


def french_paragraph(fr_text: str, start: str) -> str:
    index = fr_text.index("\n" + start) + 1
    return fr_text[index:fr_text.index("\n\n", index)]


DEV, HELD_OUT = "dev", "held-out"


def splits(plants: list[dict]) -> list[str]:
    """Each plant's split: every second plant of a category (in the list's order) is held out."""
    seen: dict[str, int] = {}
    out = []
    for plant in plants:
        index = seen.get(plant["category"], 0)
        seen[plant["category"]] = index + 1
        out.append(HELD_OUT if index % 2 else DEV)
    return out


def build(lang: str, plants: list[dict], fr_text: str) -> tuple[str, list[tuple[str, int, str, str, str]]]:
    """The draft text and its gold rows (draft, line, category, description, split)."""
    lines = (SAMPLES / f"{lang}.md").read_text(encoding="utf-8").split("\n")
    lines[0] = HEADER.format(lang=lang)
    text = "\n".join(lines)
    resolved = []
    for plant in plants:
        new = plant["new"]
        if new.startswith("FR:"):
            new = french_paragraph(fr_text, new[3:])
        count = text.count(plant["old"])
        if count != 1:
            raise SystemExit(f"{lang}: {plant['description']}: the text to replace occurs {count} times")
        text = text.replace(plant["old"], new)
        resolved.append((plant, new))
    gold = []
    for (plant, new), split in zip(resolved, splits(plants)):
        if text.count(plant["mark"]) != 1:
            raise SystemExit(f"{lang}: {plant['description']}: the mark is not unique in the draft")
        line = text[: text.index(plant["mark"])].count("\n") + 1
        gold.append((f"{lang}_draft.md", line - 1 if not new else line, plant["category"], plant["description"], split))
    return text, gold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files, write nothing")
    args = parser.parse_args(argv)
    data = json.loads((DRAFTS / "plants.json").read_text(encoding="utf-8"))
    fr_text = (SAMPLES / "fr.md").read_text(encoding="utf-8")
    outputs = {}
    gold_rows = ["draft\tline\tcategory\tdescription\tsplit"]
    for lang, plants in data["plants"].items():
        text, gold = build(lang, plants, fr_text)
        outputs[DRAFTS / f"{lang}_draft.md"] = text
        gold_rows += ["\t".join(map(str, row)) for row in gold]
    outputs[DRAFTS / "gold.tsv"] = "\n".join(gold_rows) + "\n"
    if args.check:
        stale = [str(p.relative_to(REPO)) for p, t in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != t]
        print("drafts up to date" if not stale else "stale: " + ", ".join(stale))
        return 1 if stale else 0
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(outputs)} files, {len(gold_rows) - 1} planted errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
