"""Word documents (``.docx``): paragraphs, italic runs and the footnotes part, read into the UN text form.

The document is rewritten, paragraph by paragraph, into the UN text form that
``aligner.structure`` reads (one paragraph per block, italic runs as ``*...*``,
footnote references as ``<sup>n</sup>``, footnotes as blocks at the end, headings
styled "Title"/"Heading N" as ``#`` headings), so the same structure rules apply
to every format. Text that looks like markup is escaped first.

Line numbers of a ``.docx`` are paragraph numbers: paragraph 1 is line 1;
footnotes are numbered after the last body paragraph, in order. Footnote numbers
are the order of first citation, as Word displays them. Operative numbers are read
from the text; Word's automatic list numbering is not visible to hexaglot.
"""

from __future__ import annotations

import io
import os
import re
import traceback
import zipfile
from dataclasses import replace

from aligner.errors import InputError
from aligner.fileio import read_bytes
from aligner.langid import require_structure_language, resolve_language
from aligner.model import Document, FootnoteRef, Sentence, Unit
from aligner.readers.package import check_package, exception_text
from aligner.readers.xmlsafe import ENTITY_PROBLEM, parse_xml

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FOOTNOTES_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_ESCAPE = re.compile(r"([\\*\[\]<_])")


def read_docx(path: str, lang: str | None) -> Document:
    data = read_bytes(path)
    if not data.startswith(b"PK"):
        raise InputError(path, "is not a .docx file (not a zip package); use --input-format for other formats")
    check_package(data, path, ".docx")  # sizes and compression checked before anything is unpacked
    import docx  # python-docx, loaded only for Word input

    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        word = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, XMLSyntaxError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        # a zip that is not a Word package, a missing part, broken XML in a part
        raise InputError(path, f"is not a readable .docx ({type(exc).__name__}: {exception_text(exc)})") from None
    except (AttributeError, TypeError, IndexError) as exc:
        raise _damaged(path, exc) from None
    body = word.element
    if body.tag != f"{_W}document" or body.find(f"{_W}body") is None:
        found = "no w:body" if body.tag == f"{_W}document" else f"root element {_local_name(body.tag)}"
        raise InputError(path, f"is not a readable .docx (word/document.xml has {found}, not a w:document with a w:body)")
    _refuse_entities(body, path, "word/document.xml")
    try:
        lines, line_to_para, plain = _to_text_form(word, path)
    except (AttributeError, TypeError, IndexError) as exc:
        raise _damaged(path, exc) from None
    if not plain.strip():
        raise InputError(path, "is empty (no text in its paragraphs)")
    code = resolve_language(path, plain, lang)
    require_structure_language(code, path)
    from aligner.structure import parse_structure

    parsed = parse_structure("\n".join(lines), path, code, input_format="docx")

    def to_para(line: int) -> int:
        return line_to_para[line - 1] if 0 < line <= len(line_to_para) else line

    return replace(parsed, units=tuple(_remap(u, to_para) for u in parsed.units))


def _damaged(path: str, exc: Exception) -> Exception:
    """python-docx walking a package whose parts do not fit together (a part whose content
    type was damaged in ``[Content_Types].xml`` is read as a generic part) fails with
    AttributeError and the like rather than its own errors: that is bad input. The same
    exception raised by hexaglot's own code is a bug and goes on as it is."""
    frames = traceback.extract_tb(exc.__traceback__)
    if frames and f"{os.sep}docx{os.sep}" in frames[-1].filename:
        return InputError(path, f"is a damaged .docx (its package parts do not fit together: {type(exc).__name__})")
    return exc


def _to_text_form(word, path: str) -> tuple[list[str], list[int], str]:
    """UN text form lines, the paragraph number of each line, and the plain text."""
    notes = _footnotes(word, path)
    order: dict[str, int] = {}
    lines: list[str] = []
    line_to_para: list[int] = []
    plain: list[str] = []
    paragraphs = word.paragraphs
    for number, paragraph in enumerate(paragraphs, start=1):
        marked = _paragraph_markup(paragraph, order)
        if not marked.strip():
            continue
        plain.append(paragraph.text)
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        level = _heading_level(style)
        if level:
            marked = "#" * level + " " + marked
        lines.extend([marked, ""])
        line_to_para.extend([number, number])
    next_line = len(paragraphs) + 1
    cited = sorted(order.items(), key=lambda kv: kv[1])
    uncited = [(note_id, None) for note_id in notes if note_id not in order]
    extra = len(order)
    for note_id, shown in cited + uncited:
        if note_id not in notes:
            continue
        if shown is None:
            extra += 1
            shown = extra
        lines.extend([f"<sup>{shown}</sup> {notes[note_id]}", ""])
        line_to_para.extend([next_line, next_line])
        next_line += 1
    return lines, line_to_para, "\n".join(plain)


def _local_name(tag: object) -> str:
    """An element's name without its namespace, escaped and short, for a message."""
    name = str(tag).rsplit("}", 1)[-1]
    return ascii(name[:40])


def _heading_level(style: str) -> int:
    if style == "Title":
        return 1
    m = re.match(r"Heading (\d)$", style)
    return int(m.group(1)) if m else 0


def _paragraph_markup(paragraph, order: dict[str, int]) -> str:
    out: list[str] = []
    for item in paragraph.iter_inner_content():
        runs = getattr(item, "runs", None)
        for run in runs if runs is not None else [item]:
            out.append(_run_markup(run.element, bool(run.italic), order))
    return _tidy("".join(out))


def _run_markup(element, italic: bool, order: dict[str, int]) -> str:
    pieces: list[str] = []
    for child in element:
        tag = child.tag
        if tag == f"{_W}t":
            pieces.append(_escape(child.text or ""))
        elif tag == f"{_W}tab":
            pieces.append(" ")
        elif tag in (f"{_W}br", f"{_W}cr"):
            pieces.append(" ")
        elif tag == f"{_W}footnoteReference":
            note_id = child.get(f"{_W}id")
            if note_id not in order:
                order[note_id] = len(order) + 1
            pieces.append(f"<sup>{order[note_id]}</sup>")
    text = "".join(pieces)
    if italic and text.strip() and "<sup>" not in text:
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()):]
        return f"{lead}*{text.strip()}*{trail}"
    return text


def _escape(text: str) -> str:
    return _ESCAPE.sub(r"\\\1", text)


def _tidy(marked: str) -> str:
    marked = marked.replace("**", "")  # two adjacent italic runs: one italic stretch
    marked = re.sub(r"[ \t\r\n]+", " ", marked).strip(" ")
    if re.match(r"^(#|-{3,}|\d{1,3}\s*/\s*\d{1,3}$)", marked):
        marked = "\\" + marked  # text that would read as a heading, separator or page number
    return marked


def _footnotes(word, path: str) -> dict[str, str]:
    """Footnote id -> its text in the UN text form, from the package's footnotes part."""
    part = None
    for rel in word.part.rels.values():
        if rel.reltype == _FOOTNOTES_RT and not rel.is_external:
            part = rel.target_part
            break
    if part is None:
        return {}
    element = getattr(part, "element", None)
    name = ascii(str(part.partname).lstrip("/")[:60]).strip("'")  # the package names it: escaped, short
    if element is None:  # python-docx has no class for this part: parsed here, the safe way
        try:
            element = parse_xml(part.blob, path)
        except InputError as exc:
            where = f" (line {exc.line})" if exc.line else ""
            raise InputError(path, f"is not a readable .docx: its part {name}{where} {exc.problem}") from None
    else:  # parsed by python-docx: parse_xml's own entity check did not see it
        _refuse_entities(element, path, name)
    notes: dict[str, str] = {}
    for note in element.iter(f"{_W}footnote"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        note_id = note.get(f"{_W}id")
        texts = []
        for para in note.iter(f"{_W}p"):
            runs = []
            for run in para.iter(f"{_W}r"):
                if run.find(f"{_W}footnoteRef") is not None:
                    continue
                runs.append(_run_markup(run, _is_italic(run), {}))
            texts.append("".join(runs))
        text = _tidy(" ".join(texts))
        if note_id is not None and text:
            notes[note_id] = text
    return notes


def _refuse_entities(element, path: str, name: str) -> None:
    """Word never writes XML entities; text behind one would be lost without a word said."""
    from lxml import etree

    tree = element.getroottree()
    dtd = tree.docinfo.internalDTD
    if next(element.iter(etree.Entity), None) is not None or (dtd is not None and next(iter(dtd.iterentities()), None)):
        raise InputError(path, f"is not a readable .docx: its part {name} {ENTITY_PROBLEM}")


def _is_italic(run) -> bool:
    props = run.find(f"{_W}rPr")
    if props is None:
        return False
    mark = props.find(f"{_W}i")
    return mark is not None and mark.get(f"{_W}val", "true") not in ("0", "false", "off")


def _remap(unit: Unit, to_para) -> Unit:
    return replace(
        unit,
        lines=(to_para(unit.lines[0]), to_para(unit.lines[1])),
        sentences=tuple(Sentence(s.text, s.start, s.end, to_para(s.line)) for s in unit.sentences),
        footnotes=tuple(FootnoteRef(f.number, f.offset, to_para(f.line)) for f in unit.footnotes),
        line_offsets=tuple((o, to_para(ln)) for o, ln in unit.line_offsets),
    )
