"""Pre-aligned input: one TMX or XLIFF file read straight into an ``Alignment``.

A CAT tool's export already pairs source and target segment by segment, so
there is nothing to align: each segment becomes a ``Unit`` (role ``segment``,
id ``seg.N``) of one ``Document`` per language, and each segment pair a row
of score 1. Every document's ``path`` is the input file, so findings point at
lines of that file::

    alignment = read_bilingual("draft.sdlxliff")
    alignment.languages      # ("en", "fr")
    alignment.documents["fr"].units[0].status   # "Translated"
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from aligner.errors import InputError
from aligner.fileio import read_bytes
from aligner.model import Alignment, Cell, Document, Row, Unit
from aligner.readers.inline import Flat, local
from aligner.readers.xmlsafe import parse_xml, quote

#: File extensions read as pre-aligned CAT-tool files.
BILINGUAL_EXTENSIONS: tuple[str, ...] = (".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".mxliff", ".tmx")

LEVEL = "segment"


def is_bilingual(path: str | os.PathLike) -> bool:
    """True if ``path`` names a TMX or XLIFF file (by extension)."""
    return str(path).lower().endswith(BILINGUAL_EXTENSIONS)


@dataclass
class SegmentRow:
    """One pre-aligned segment: its flattened text per language, and its status."""

    cells: dict[str, Flat | None]
    status: str = ""
    note: str = ""  # where it came from (trans-unit id, mid), for warnings
    #: Line of the segment's element (trans-unit, segment, tu): where a missing translation belongs.
    line: int = 0


@dataclass
class Collected:
    """What a format reader hands to ``assemble``."""

    languages: list[str]
    rows: list[SegmentRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_bilingual(path: str | os.PathLike) -> Alignment:
    """Read a TMX, XLIFF 1.2 (incl. ``.sdlxliff``, memoQ) or XLIFF 2.x file."""
    source = str(path)
    root = parse_xml(read_bytes(source), source)
    kind = local(root.tag)
    if kind == "tmx":
        from aligner.readers.tmx import collect_tmx

        collected = collect_tmx(root, source)
        fmt = "tmx"
    elif kind == "xliff":
        from aligner.readers.xliff import collect_xliff

        collected = collect_xliff(root, source)
        fmt = "xliff"
    else:
        raise InputError(source, f"root element <{quote(kind)}> is neither <xliff> nor <tmx>", root.sourceline)
    return assemble(source, fmt, collected)


def assemble(path: str, input_format: str, collected: Collected) -> Alignment:
    """Turn collected segment rows into documents and a 1-1 alignment."""
    languages = collected.languages
    if len(languages) < 2:
        raise InputError(path, "holds fewer than two languages; a bilingual file is needed")
    units: dict[str, list[Unit]] = {lang: [] for lang in languages}
    rows = []
    for number, seg in enumerate(collected.rows, start=1):
        unit_id = f"seg.{number}"
        cells = {}
        for lang in languages:
            flat = seg.cells.get(lang)
            is_source = lang == languages[0]
            if flat is None or not flat.text.strip():
                if is_source or not seg.line:
                    cells[lang] = Cell(units=(), lines=(), text="")
                    continue
                unit = untranslated_unit(unit_id, flat, seg)
                units[lang].append(unit)
                cells[lang] = Cell(units=(unit_id,), lines=unit.lines[:1], text="")
                continue
            unit = Unit(
                id=unit_id,
                role="segment",
                text=flat.text,
                lines=(flat.first_line, max(flat.first_line, flat.last_line)),
                line_offsets=flat.line_offsets,
                markup=flat.markup,
                status="" if is_source else seg.status,
            )
            units[lang].append(unit)
            cells[lang] = Cell(units=(unit_id,), lines=(flat.first_line,), text=flat.text)
        rows.append(Row(cells=cells, score=1.0))
    warnings = tuple(collected.warnings) + tuple(
        w for lang in languages if (w := declared_language_warning(path, lang, units[lang])) is not None
    )
    documents = {
        lang: Document(path=path, lang=lang, units=tuple(units[lang]), input_format=input_format, warnings=warnings)
        for lang in languages
    }
    return Alignment(
        languages=tuple(languages),
        pivot=languages[0],
        level=LEVEL,
        rows=tuple(rows),
        documents=documents,
        signature=f"pre-aligned:{input_format}|langs:{languages[0]}>{','.join(languages[1:])}",
    )


#: The status part of a target segment with no translation (an absent or empty target).
UNTRANSLATED = "untranslated"


def untranslated_unit(unit_id: str, flat: Flat | None, seg: SegmentRow) -> Unit:
    """The target unit of a segment the translator has not translated yet: no text, status
    ``untranslated`` (after the tool's own status, if any), at the line of its empty target or
    else of the segment's element. A CAT file lists every segment, so an absent target is work
    still to do (UT02 reports it; ``qa_rules.base.Side.untranslated``), not a paragraph the
    translation dropped (ST01)."""
    line = flat.first_line if flat is not None and flat.first_line else seg.line
    status = f"{seg.status}, {UNTRANSLATED}" if seg.status else UNTRANSLATED
    return Unit(id=unit_id, role="segment", text="", lines=(line, line), status=status)


#: Letters of text needed before the declared language is second-guessed.
MIN_LETTERS_TO_DOUBT = 200


def declared_language_warning(path: str, lang: str, units: list[Unit]) -> str | None:
    """A warning when a language's text reads as another language (CAT files
    often keep a template's declared languages), else None."""
    from aligner.langid import detect_language

    text = " ".join(u.text for u in units)
    if lang == "und" or sum(ch.isalpha() for ch in text) < MIN_LETTERS_TO_DOUBT:
        return None
    try:
        detected = detect_language(text, path)
    except InputError:  # langdetect cannot tell: nothing to say
        return None
    if detected == lang.split("-")[0]:
        return None
    return f"the text declared as {lang} reads as {detected} (langdetect); check the file's declared languages"


def unique_codes(codes: list[str]) -> list[str]:
    """Language keys for documents: the base code (``en``) unless two share it,
    then the full lower-case code for the later ones (``en-gb``)."""
    from aligner.readers.inline import base_lang

    keys: list[str] = []
    for code in codes:
        base = base_lang(code) or "und"
        keys.append(base if base not in keys else code.lower().replace("_", "-"))
    return keys
