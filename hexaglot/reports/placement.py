"""Where each finding sits in the aligned text (shared by the HTML and XLSX reports).

A finding is placed in the row of the alignment whose cell names its target
unit (``op.9``, or its paragraph for a sentence id ``op.9.s2``), else its
source unit (an omission: the target side is ``None``), and in the column of
the version it concerns (``Report.version_of``: the target language, even for
an omission, whose cell in that row is the gap). Findings on whole documents
(numbering, counts) or on units no row names are "unplaced".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

from aligner.model import RTL_LANGUAGES, Alignment, Unit
from qa_rules.model import Finding

_SENTENCE_ID = re.compile(r"^(.*)\.s\d+$")


def finding_side(finding: Finding):
    """The location a finding is about: its target, else its source (None: neither)."""
    return finding.target or finding.source


def finding_lang(finding: Finding, report: Any = None) -> str:
    """The language of the version a finding concerns (the report knows it for an omission)."""
    version_of = getattr(report, "version_of", None)
    if version_of is not None:
        return version_of(finding)
    side = finding_side(finding)
    return side.lang if side else ""


def is_rtl(lang: str) -> bool:
    return lang.split("-")[0].lower() in RTL_LANGUAGES


@dataclass(frozen=True)
class Placement:
    """Findings by ``(row index, lang)``, and those no row holds."""

    placed: Mapping[tuple[int, str], tuple[Finding, ...]]
    unplaced: tuple[Finding, ...]


def place(findings: tuple[Finding, ...], alignment: Alignment | None, report: Any = None) -> Placement:
    """Findings by row and column; ``report`` (when given) says which version each concerns."""
    index: dict[tuple[str, str], int] = {}
    if alignment is not None:
        for i, row in enumerate(alignment.rows):
            for lang, cell in row.cells.items():
                for unit_id in cell.units:
                    index.setdefault((lang, unit_id), i)
                    parent = _SENTENCE_ID.match(unit_id)
                    if parent:
                        index.setdefault((lang, parent.group(1)), i)
    placed: dict[tuple[int, str], list[Finding]] = {}
    unplaced: list[Finding] = []
    for finding in findings:
        row = None
        for side in (finding.target, finding.source):  # the target's unit, else the source's (an omission)
            if row is None and side is not None and side.unit:
                row = index.get((side.lang, side.unit))
                if row is None:
                    parent = _SENTENCE_ID.match(side.unit)
                    row = index.get((side.lang, parent.group(1))) if parent else None
        if row is None:
            unplaced.append(finding)
        else:  # shown in the column of the version it concerns (a gap cell for an omission)
            placed.setdefault((row, finding_lang(finding, report)), []).append(finding)
    return Placement({k: tuple(v) for k, v in placed.items()}, tuple(unplaced))


def cell_units(alignment: Alignment, lang: str, unit_ids: tuple[str, ...]) -> tuple[Unit, ...]:
    doc = alignment.documents.get(lang)
    if doc is None:
        return ()
    return tuple(u for u in (doc.find(uid) for uid in unit_ids) if u is not None)


def cell_status(alignment: Alignment, lang: str, unit_ids: tuple[str, ...]) -> str:
    """CAT-tool status of a cell's units (``Draft``, ``ApprovedSignOff, locked``), '' if none."""
    statuses = [u.status for u in cell_units(alignment, lang, unit_ids) if getattr(u, "status", "")]
    return "; ".join(dict.fromkeys(statuses))


def report_signature(report: Any) -> str:
    return str(getattr(report, "signature", "") or "")
