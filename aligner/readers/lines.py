"""The lines format: pre-segmented text, one segment per line.

Each non-blank line becomes a unit ``seg.N`` (N counts the non-blank lines from 1,
so a file without blank lines has ``seg.N`` on line N) with role ``segment``,
``lines=(n, n)`` and one sentence: itself. Leading and trailing spaces are not
part of the text. Any ISO 639-1 language is accepted: no structure is assumed.
"""

from __future__ import annotations

from aligner.model import Document, Sentence, Unit


def parse_lines(text: str, path: str, lang: str) -> Document:
    units: list[Unit] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        clean = raw.strip()
        if not clean:
            continue
        seg = len(units) + 1
        units.append(
            Unit(
                id=f"seg.{seg}",
                role="segment",
                text=clean,
                lines=(number, number),
                sentences=(Sentence(text=clean, start=0, end=len(clean), line=number),),
                line_offsets=((0, number),),
            )
        )
    return Document(path=path, lang=lang, units=tuple(units), input_format="lines")
