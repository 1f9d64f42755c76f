"""Convert OPUS UN resolution 55/100 (six-way JSONL) into hexaglot's UN text form.

    python scripts/convert_opus_un.py [../shared/data/opus-un-6way/A-RES-55-100.jsonl] [samples/A-RES-55-100]

Input: one JSON object per paragraph unit (``unit_id``, ``symbol``, ``ar`` ...
``zh``), aligned 1:1 across the six languages. Output: ``<lang>.md`` per language:
a provenance comment, the symbol, the heading and adoption/vote lines (meta),
the ``## 55/100. ...`` title, the "The General Assembly," line, and one
paragraph per unit (preambular, then numbered operative). The official text is
kept word for word; only OPUS's tokenisation spaces are removed, conservatively
(``detokenize``): spaces before , . ) ] and after ( [, around / between symbol
parts, inside straight quotes, after an elided French article (``l' homme``),
between Chinese characters. French keeps its space before ; : ? ! and inside
« » (the original no-break spaces are lost in OPUS; a plain space stands for them).
Footnote texts that OPUS glued into the paragraphs stay where OPUS put them.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO.parent / "shared" / "data" / "opus-un-6way" / "A-RES-55-100.jsonl"
TARGET = REPO / "samples" / "A-RES-55-100"
LANGS = ("ar", "zh", "en", "fr", "ru", "es")

#: Unit roles in A/RES/55/100 as OPUS cuts it (1-based unit ids).
HEADING, ADOPTION, VOTES, TITLE, OPENER = 1, 2, (3, 4, 5), 6, 7

_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef《》“”"


def detokenize(text: str, lang: str) -> str:
    """Remove OPUS tokenisation spaces where the language's typography is certain."""
    t = " ".join(text.split())
    t = re.sub(r"\s*/\s*", "/", t)  # 55 / 100, A/ 55/ 602, كانون الأول / ديسمبر
    t = re.sub(r"\(\s+", "(", t)
    t = re.sub(r"\[\s+", "[", t)
    t = re.sub(r"\s+([,.)\]])", r"\1", t)
    t = re.sub(r'"\s+([^"]*?)\s+"', r'"\1"', t)  # " Human rights questions "
    if lang == "fr":
        t = re.sub(r"\b([cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]\s+(?=\w)", r"\1'", t, flags=re.IGNORECASE)
    else:
        t = re.sub(r"\s+([;:!?])", r"\1", t)
    if lang == "en":
        t = re.sub(r"(\w) '(\w)", r"\1'\2", t)  # Côte d 'Ivoire
    if lang in ("ru", "es"):
        t = re.sub(r"«\s+", "«", t)
        t = re.sub(r"\s+»", "»", t)
    if lang == "zh":
        t = re.sub(rf"(?<=[{_CJK}])\s+(?=[{_CJK}\w(])", "", t)
        t = re.sub(rf"(?<=[\w.)])\s+(?=[{_CJK}])", "", t)
    if lang == "ar":
        t = re.sub(r"\s+([،؛:؟])", r"\1", t)
    return t.strip()


def to_markdown(units: list[dict], lang: str) -> str:
    by_id = {int(u["unit_id"]): u for u in units}
    symbol = units[0]["symbol"]
    text = {i: detokenize(u[lang], lang) for i, u in by_id.items()}
    out = [
        f"<!-- hexaglot sample: {symbol} in {lang}, official United Nations text from the OPUS UN corpus v20090831 "
        "(Rafalovitch & Dale 2009), converted by scripts/convert_opus_un.py; tokenisation spaces removed "
        "conservatively, footnote texts left glued into paragraphs as in OPUS. See PROVENANCE.md. -->",
        "",
        symbol,
        "",
        f"# {text[HEADING]}",
        "",
        text[ADOPTION],
        "",
    ]
    for unit_id in VOTES:
        out += [text[unit_id], ""]
    out += [f"## {text[TITLE]}", "", text[OPENER], ""]
    for unit_id in sorted(i for i in by_id if i > OPENER):
        out += [text[unit_id], ""]
    return "\n".join(out)


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else SOURCE
    target = Path(argv[2]) if len(argv) > 2 else TARGET
    units = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    units.sort(key=lambda u: int(u["unit_id"]))
    target.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        (target / f"{lang}.md").write_text(to_markdown(units, lang), encoding="utf-8")
        print(f"wrote {target / f'{lang}.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
