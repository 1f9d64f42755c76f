"""The lines format: pre-segmented text, one segment per line.

Each non-blank line becomes a unit ``seg.N`` (N counts the non-blank lines from 1,
so a file without blank lines has ``seg.N`` on line N) with role ``segment``,
``lines=(n, n)`` and one sentence: itself. Leading and trailing spaces are not
part of the text. Any ISO 639-1 language is accepted: no structure is assumed. A line
over ``MAX_PARAGRAPH_CHARS`` (no sentence is that long) is an ``InputError``.
"""

from __future__ import annotations

from aligner.errors import InputError
from aligner.model import Document, Sentence, Unit
from aligner.limits import MAX_PARAGRAPH_CHARS


def parse_lines(text: str, path: str, lang: str) -> Document:
    units: list[Unit] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        clean = raw.strip()
        if not clean:
            continue
        if len(clean) > MAX_PARAGRAPH_CHARS:
            raise InputError(path, f"a line of more than {MAX_PARAGRAPH_CHARS:,} characters; the lines format "
                             "expects one sentence or paragraph per line: check the file", line=number)
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
