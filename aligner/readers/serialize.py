"""A ``Document`` as plain JSON-ready data (the ``hexaglot segment --format json`` interface)."""

from __future__ import annotations

from aligner.model import Document, Unit


def unit_as_dict(unit: Unit) -> dict:
    return {
        "id": unit.id,
        "role": unit.role,
        "number": unit.number,
        "text": unit.text,
        "lines": [unit.lines[0], unit.lines[1]],
        "sentences": [{"text": s.text, "start": s.start, "end": s.end, "line": s.line} for s in unit.sentences],
        "footnotes": [{"number": f.number, "offset": f.offset, "line": f.line} for f in unit.footnotes],
        "italic": [{"start": s.start, "end": s.end, "text": s.text} for s in unit.italic],
        "cuts": [{"offset": c.offset, "line": c.line, "kind": c.kind} for c in unit.cuts],
    }


def document_as_dict(document: Document, signature: str) -> dict:
    """``{"path", "lang", "units", "warnings", "signature"}``; see docs/reading.md."""
    return {
        "path": document.path,
        "lang": document.lang,
        "input_format": document.input_format,
        "units": [unit_as_dict(u) for u in document.units],
        "warnings": list(document.warnings),
        "signature": signature,
    }
