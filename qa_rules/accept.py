"""Accepted findings: a reviewed side file keyed by finding id, with reasons.

``hexaglot-accept.toml``::

    [[accept]]
    id = "3f2a9c01b7de"
    reason = "The English version keeps the French title, as agreed with the editor."

Accepted findings are hidden from the report but counted; entries whose id
matches no finding of the run are reported as stale, so the file does not
silently rot when the text is corrected.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from aligner.errors import InputError
from aligner.fileio import read_text
from qa_rules.causes import unfold
from qa_rules.model import Finding
from qa_rules.tomlfile import load_toml, short_value

#: The file ``check`` reads when no ``--accept`` is given and it exists.
DEFAULT_ACCEPT_FILE = "hexaglot-accept.toml"

_KEYS = frozenset({"id", "reason"})
_ID = re.compile(r"^[0-9a-f]{12}$")


@dataclass(frozen=True)
class AcceptEntry:
    """One accepted finding: its id, why it was accepted, where it is written."""

    id: str
    reason: str
    path: str = ""
    line: int | None = None


def load_accept(path: str | Path) -> tuple[AcceptEntry, ...]:
    """Read an accept file; ``InputError`` naming the file and line on bad input."""
    text = read_text(path)
    data = load_toml(text, str(path))
    entry_lines = [i for i, ln in enumerate(text.splitlines(), 1) if ln.strip() == "[[accept]]"]
    unknown_tables = set(data) - {"accept"}
    if unknown_tables:
        key = sorted(unknown_tables)[0]
        raise InputError(str(path), f"unknown key {short_value(key)}; the file holds [[accept]] tables", line=_line_of(text, key))
    listed = data.get("accept", [])
    if not isinstance(listed, list):
        raise InputError(str(path), "accept must be an array of tables: write each entry under its own [[accept]] header",
                         line=_line_of(text, "accept"))
    entries = []
    seen: dict[str, int] = {}
    for index, item in enumerate(listed):
        line = entry_lines[index] if index < len(entry_lines) else None
        if not isinstance(item, dict):
            raise InputError(str(path), "each accept entry is a [[accept]] table", line=line or _line_of(text, "accept"))
        extra = set(item) - _KEYS
        if extra:
            raise InputError(str(path), f"unknown key {short_value(sorted(extra)[0])} in [[accept]] (keys: id, reason)", line=line)
        fid, reason = item.get("id"), item.get("reason")
        if not isinstance(fid, str) or not _ID.match(fid):
            raise InputError(str(path), f"[[accept]] needs an id of 12 hex digits (found {short_value(fid)})", line=line)
        if not isinstance(reason, str) or not reason.strip():
            raise InputError(str(path), f"[[accept]] {fid} needs a reason", line=line)
        if fid in seen:
            raise InputError(str(path), f"id {fid} is accepted twice (first at line {seen[fid]})", line=line)
        seen[fid] = line or 0
        entries.append(AcceptEntry(id=fid, reason=reason.strip(), path=str(path), line=line))
    return tuple(entries)


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(rf"\s*\[*\s*{re.escape(key)}\b", line):
            return number
    return None


def apply_accept(
    findings: Sequence[Finding], entries: Iterable[AcceptEntry]
) -> tuple[tuple[Finding, ...], int, tuple[AcceptEntry, ...]]:
    """(findings kept, number accepted, stale entries)."""
    entries = tuple(entries)
    wanted = {entry.id for entry in entries}
    kept = tuple(f for f in findings if f.id not in wanted)
    present = {f.id for f in findings}
    stale = tuple(entry for entry in entries if entry.id not in present)
    return kept, len(findings) - len(kept), stale


def accept_file_text(findings: Iterable[Finding], reason: str) -> str:
    """An accept file listing ``findings`` and those folded under them (``Finding.consequences``,
    each accepted by its own id), each with the reviewer's ``reason``."""
    blocks = []
    for finding in unfold(findings):
        blocks.append(
            # a JSON string is a valid TOML basic string: quotes and backslashes escaped
            f"# {finding.rule} {' '.join(finding.message.split())}\n[[accept]]\n"
            f"id = \"{finding.id}\"\nreason = {json.dumps(reason, ensure_ascii=False)}\n"
        )
    return "\n".join(blocks)
