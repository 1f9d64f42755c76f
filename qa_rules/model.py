"""Findings: what a QA rule reports, and where.

A ``Finding`` is a plain frozen value. Its ``id`` is a stable hash of the
document paths, unit ids, rule code and the offending text, so a reviewer can
accept it once (``hexaglot-accept.toml``) and never see it again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import PurePath
from typing import Literal

#: The report's categories, exactly these.
CATEGORIES: tuple[str, ...] = (
    "structure",
    "terminology",
    "numbers",
    "references",
    "dates",
    "untranslated",
    "consistency",
    "punctuation",
    "spacing",
    "markup",
    "length",
    "spelling",
)

Severity = Literal["error", "warning", "info"]
#: Severities, most severe first.
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")


def severity_rank(severity: str) -> int:
    """0 for error, 1 for warning, 2 for info (lower is more severe)."""
    return SEVERITIES.index(severity)


@dataclass(frozen=True)
class Location:
    """One side of a finding: file, language, unit and 1-based line."""

    path: str
    lang: str
    unit: str | None
    line: int | None

    def as_dict(self) -> dict:
        return {"path": self.path, "lang": self.lang, "unit": self.unit, "line": self.line}


@lru_cache(maxsize=1024)
def file_name(path: str) -> str:
    """The file name of ``path`` as ids use it (``PurePath.name``), worked out once per path:
    a run's findings name a handful of documents, hundreds of thousands of times."""
    return PurePath(path).name


@dataclass(frozen=True)
class Finding:
    """One problem found by one rule in one aligned pair."""

    rule: str
    name: str
    category: str
    severity: str
    source: Location | None
    target: Location | None
    message: str
    expected: str = ""
    found: str = ""
    #: A systematic pattern (``qa_rules.systematic``): how many times the rule found it in the
    #: version, and every distinct place (target file, unit, line), in document order. A
    #: finding of one place has ``count`` 1 and no ``places``.
    count: int = 1
    places: tuple[Location, ...] = ()
    #: How many distinct places a systematic pattern has when ``places`` lists only the first of
    #: them (``qa_rules.systematic.KEPT_PLACES``); 0: ``places`` lists them all.
    place_count: int = 0
    #: Where the problem itself stands in ``found`` (start, end), when ``found`` shows it with
    #: some context around (``Compact,and noting`` for a missing space): the reports highlight
    #: that part only. The end may lie past ``found``'s when ``found`` shows only the start of a
    #: long problem (a paragraph left untranslated). None: ``found`` is the problem.
    mark: tuple[int, int] | None = None
    #: The source's own text for what the finding compares (``18 décembre 2019`` for a date
    #: the target altered), when the rule knows it: the reports show the source paragraph
    #: around it. Not part of the id.
    in_source: str = ""
    #: The findings this one explains (``qa_rules.causes``): a paragraph dropped is one
    #: finding (ST01) with the numbering gap it leaves (ST05) folded under it, in report order.
    #: Folded findings are not counted in a report's totals; they keep their own ids. Not part
    #: of the id.
    consequences: tuple["Finding", ...] = ()

    def __init__(self, rule: str, name: str, category: str, severity: str, source: Location | None,
                 target: Location | None, message: str, expected: str = "", found: str = "", count: int = 1,
                 places: tuple[Location, ...] = (), place_count: int = 0, mark: tuple[int, int] | None = None,
                 in_source: str = "", consequences: tuple["Finding", ...] = ()) -> None:
        # The fields in one write of the instance's dictionary, where the generated ``__init__`` of
        # a frozen dataclass sets them one by one through ``object.__setattr__``: a tokenised
        # version makes a finding per misplaced space, hundreds of thousands in a large run, and
        # this halves what each costs. The signature is the fields' (a test holds them together).
        self.__dict__.update(rule=rule, name=name, category=category, severity=severity, source=source,
                             target=target, message=message, expected=expected, found=found, count=count,
                             places=places, place_count=place_count, mark=mark, in_source=in_source,
                             consequences=consequences)

    @property
    def places_total(self) -> int:
        """The number of distinct places (more than ``len(places)`` when only the first are listed)."""
        return self.place_count or len(self.places)

    @property
    def grouped(self) -> bool:
        """Whether this finding stands for a systematic pattern (several places)."""
        return bool(self.places)

    @cached_property
    def id(self) -> str:
        """Stable id: the same problem in the same place keeps its id.

        The document enters by its file name, not the path as typed, so that
        ``fr.md``, ``./fr.md`` and the same file's absolute path give the same
        id and an accept file keeps working whatever folder the check runs from.
        A missing target (``None``: a paragraph omitted in a target) has no
        file to name, so the message, which names the version it is missing
        from, enters instead: the same omission in two targets keeps two ids.
        A systematic pattern (``places``) is named by its kind, whatever its
        places, count and first occurrence.
        """
        parts = [self.rule]
        for side in (self.source, self.target):
            parts.append(f"{file_name(side.path)}|{side.lang}|{side.unit}" if side else "-")
        if self.places:  # a systematic pattern: its kind (``found``), not the first place's expected text
            parts += ["systematic", self.found]
        else:
            parts += [self.expected, self.found]
        if self.target is None:
            parts.append(self.message)
        digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
        return digest[:12]  # a frozen value's id never changes: computed once (``cached_property``)

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "source": self.source.as_dict() if self.source else None,
            "target": self.target.as_dict() if self.target else None,
            "message": self.message,
            "expected": self.expected,
            "found": self.found,
            "count": self.count,
            "places": [place.as_dict() for place in self.places],
            **({"place_count": self.place_count} if self.place_count else {}),
            "mark": list(self.mark) if self.mark else None,
            "in_source": self.in_source,
            "consequences": [finding.as_dict() for finding in self.consequences],
        }
