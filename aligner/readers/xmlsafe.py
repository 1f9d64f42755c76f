"""Refusing XML that declares entities, before any parser sees it.

A DOCTYPE whose internal subset declares entities is the shape of an entity
expansion attack ("billion laughs") or of an external entity reading local
files. lxml is run with entity resolution off, but libxml2 still counts the
expansion while parsing and fails with its own message ("Maximum entity
amplification factor exceeded", "Detected an entity reference loop") at a
line that is not the declaration's; a small bomb may even parse. Glossaries
(TBX) and CAT files (XLIFF, TMX) never need entities of their own, so every
declaration is refused with one message, at the line of the first
``<!ENTITY``.
"""

from __future__ import annotations

import re

from aligner.errors import InputError

ENTITY_PROBLEM = "declares XML entities (an entity expansion attack?); hexaglot refuses to expand them"

_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^\[>]*\[")


def _as_text(data: bytes) -> str:
    """The bytes as text for a search of markup: UTF-16/32 by their BOM, else Latin-1 (every
    byte one character, so offsets, and the line count, are those of any ASCII-based encoding)."""
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                       (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    return data.decode("latin-1")


def declared_entity_line(data: bytes) -> int | None:
    """The line of the first entity declared in the DOCTYPE's internal subset, or None."""
    text = _as_text(data)
    subset = _DOCTYPE_SUBSET.search(text)
    if subset is None:
        return None
    index = text.find("<!ENTITY", subset.end())
    if index < 0:
        return None
    return text.count("\n", 0, index) + 1


def refuse_entities(data: bytes, path: str) -> None:
    """``InputError`` naming ``path`` and the line when the XML declares entities."""
    line = declared_entity_line(data)
    if line is not None:
        raise InputError(path, ENTITY_PROBLEM, line)
