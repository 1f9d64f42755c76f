"""Reading a file into a ``Document``: one entry point, ``read_document``.

Formats (``input_format``, else from the extension):

- ``md``: the UN text form of the samples (headings, ``*italic*``, ``<sup>n</sup>``
  footnote markers and blocks, ``---`` page separators, hard line breaks);
- ``txt``: the same structure without markup (plain text as copied from a PDF);
- ``docx``: a Word document (paragraphs, italic runs, the footnotes part);
- ``lines``: pre-segmented text, one segment per line (any ISO 639-1 language).

A file whose extension is a language code (``dev.fr``, as parallel corpora name
them) is read as ``lines``. Anything else needs ``--input-format``.

Every problem with the input is an ``aligner.errors.InputError`` naming the file.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from aligner.errors import InputError
from aligner.fileio import STDIO, read_text
from aligner.langid import (
    ISO_639_1,
    declared_language_warning,
    lang_from_name,
    require_structure_language,
    resolve_language,
)
from aligner.model import Document

#: The input formats ``read_document`` understands.
INPUT_FORMATS: tuple[str, ...] = ("md", "txt", "docx", "lines")

_BY_EXTENSION = {"md": "md", "markdown": "md", "txt": "txt", "text": "txt", "docx": "docx"}


def detect_format(path: str) -> str:
    """The input format a file name implies; ``InputError`` if it implies none."""
    name = Path(path).name
    ext = name.rpartition(".")[2].lower() if "." in name else ""
    if ext in _BY_EXTENSION:
        return _BY_EXTENSION[ext]
    if ext in ISO_639_1:
        return "lines"
    raise InputError(path, f"unknown input format {('.' + ext) if ext else '(no extension)'}; "
                     f"pass --input-format ({'|'.join(INPUT_FORMATS)})")


def read_document(path: str | os.PathLike, lang: str | None = None, input_format: str | None = None) -> Document:
    """Read ``path`` into a ``Document`` with its structure and sentences.

    ``lang``: an ISO 639-1 code; when None, taken from the file name, else
    detected (seeded langdetect). ``input_format``: one of ``INPUT_FORMATS``;
    when None, taken from the extension.
    """
    source = str(path)
    fmt = input_format.lower() if input_format else None
    if fmt is not None and fmt not in INPUT_FORMATS:
        raise InputError(source, f"unknown input format {input_format!r}; use one of {', '.join(INPUT_FORMATS)}")
    if fmt is None and source == STDIO:
        fmt = "md"  # standard input has no extension: the UN text form
    if fmt is None:
        p = Path(source)
        if not p.exists():
            raise InputError(source, "no such file")
        if p.is_dir():
            raise InputError(source, "is a directory, not a file")
        fmt = detect_format(source)
    declared = bool(lang) or (source != STDIO and lang_from_name(source) is not None)
    if fmt == "docx":
        from aligner.readers.word import read_docx

        return _checked_language(read_docx(source, lang), declared)
    text = read_text(source)
    code = resolve_language(source, text, lang)
    if fmt == "lines":
        from aligner.readers.lines import parse_lines

        return _checked_language(parse_lines(text, source, code), declared, sample=LINES_SAMPLE_CHARS)
    require_structure_language(code, source)
    from aligner.structure import parse_structure

    return _checked_language(parse_structure(text, source, code, input_format=fmt), declared)


def _checked_language(document: Document, declared: bool, sample: int | None = None) -> Document:
    """A declared language (``--lang``, the file name) the text plainly is not in gets a
    warning in ``Document.warnings`` (a detected one is the text's by construction).

    ``sample``: read about this many characters of the text, in units taken evenly
    through the document (``language_sample``), rather than the whole text."""
    if not declared:
        return document
    texts = [u.text for u in document.units]
    text = language_sample(texts, sample) if sample else " ".join(texts)
    warning = declared_language_warning(document.lang, text)
    if warning is None:
        return document
    return replace(document, warnings=(*document.warnings, warning))


#: Characters of a lines file that the declared-language check reads. A corpus file
#: is one language from end to end (a wrong file is wrong throughout), and a
#: thousand characters (some 3,000 n-grams) leave the decision as clear as the whole
#: text does: German against French reads 0.5 nats an n-gram apart either way, the
#: threshold is 0.12. Reading them costs a third of reading the first 20,000.
LINES_SAMPLE_CHARS = 1000


def language_sample(texts: list[str], size: int) -> str:
    """About ``size`` characters of ``texts`` (segments, in order), taken from evenly
    spaced segments through them so that a file whose beginning is a title page or a
    quotation is still judged on its body; all of them when they are shorter."""
    total = sum(len(t) + 1 for t in texts)
    if total <= size:
        return " ".join(texts)
    # every ``step``-th segment: about ``size`` characters when segments are of average length
    step = max(1, total // size)
    picked: list[str] = []
    taken = 0
    for text in texts[::step]:
        picked.append(text)
        taken += len(text) + 1
        if taken >= size:
            break
    return " ".join(picked)


__all__ = ["INPUT_FORMATS", "detect_format", "lang_from_name", "read_document"]
