"""The JSON and CSV reports written finding by finding, from a ``qa_rules.engine.StreamedReport``.

What ``hexaglot.reports.json`` and ``hexaglot.reports.csv`` render from a whole ``Report``,
byte for byte, written to a text stream as the findings are read back (in report order, from
disk: ``qa_rules.stream``): a large CAT file's report never holds its findings in memory. The
JSON summary comes after the findings, so it is counted on the way. The text report
(``hexaglot.reports.text``) gives its total first: it reads the findings twice, once to count
them and to learn where each heading's last finding stands, once to write them, a heading as
soon as its last finding is read (what it holds is the headings read but not yet written, and
one position per heading). The HTML and XLSX reports need the whole report (the HTML report
groups by severity, the XLSX workbook is written at once): they render a ``Report``.
"""

from __future__ import annotations

import csv
import json
from collections import OrderedDict
from json.encoder import encode_basestring as _string
from typing import Any, TextIO

from aligner.writers.cells import escape_cell
from hexaglot import __version__
from hexaglot.reports.csv import COLUMNS, finding_record, target_status
from hexaglot.reports.placement import report_signature
from hexaglot.reports.text import group_key, group_lines, head_lines, tail_lines
from qa_rules.stream import Tally

#: The formats written finding by finding.
STREAMED = ("json", "csv", "text")


def _dumps(value: Any, indent: int) -> str:
    """``value`` as ``json.dumps(..., ensure_ascii=False, indent=2)`` writes it ``indent`` levels deep.

    The strings go through the ``json`` module's own escaping (C); the layout is put together
    here, because with ``indent`` the module lays every value out in Python, one call per value
    (most of the JSON report's cost for a systematic finding's hundreds of places)."""
    return _encode(value, "\n" + "  " * indent)


def _encode(value: Any, newline: str) -> str:
    if isinstance(value, str):
        return _string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    inner = newline + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        if not all(isinstance(key, str) for key in value):
            return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", newline)
        return "{" + inner + ("," + inner).join(_string(k) + ": " + _encode(v, inner) for k, v in value.items()) \
            + newline + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[" + inner + ("," + inner).join(_encode(v, inner) for v in value) + newline + "]"
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", newline)  # a float, NaN...


def write_json(report: Any, out: TextIO) -> int:
    """The JSON report of ``report`` (``hexaglot.reports.json``) to ``out``; the number of findings."""
    documents = [{"path": doc.path, "lang": doc.lang, "role": "source" if doc.lang == report.pivot else "target",
                  "units": len(doc.units)} for doc in report.documents]
    head = {"tool": "hexaglot", "version": __version__, "signature": report.signature,
            "rules": list(report.rules), "documents": documents}
    out.write(_dumps(head, 0)[:-2] + ",\n")  # the head's closing "\n}" gives way to the findings
    count = 0
    for finding, _ in report.findings():
        out.write(('  "findings": [\n    ' if count == 0 else ",\n    ") + _dumps(finding.as_dict(), 2))
        count += 1
    out.write("\n  ],\n" if count else '  "findings": [],\n')
    summary = report.summary()
    summary["stale_accepts"] = [{"id": e.id, "reason": e.reason, "path": e.path, "line": e.line}
                                for e in report.stale]
    summary["notices"] = list(report.notices)
    out.write('  "summary": ' + _dumps(summary, 1) + "\n}\n")
    return count


def write_csv(report: Any, out: TextIO) -> int:
    """The CSV report of ``report`` (``hexaglot.reports.csv``) to ``out``; the number of findings."""
    out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writeheader()
    count = 0
    for finding, _ in report.findings():
        record = finding_record(finding, target_status(report, finding), report)
        writer.writerow({name: escape_cell(value) for name, value in record.items()})
        count += 1
    signature = " ".join(report_signature(report).split())
    out.write(f"# signature: {signature}\n")
    return count


def write_text(report: Any, out: TextIO, *, color: bool = False) -> int:
    """The text report of ``report`` (``hexaglot.reports.text``) to ``out``; the number of findings."""
    tally = Tally(report.languages)
    last: dict[tuple, int] = {}  # each heading's last finding, by position
    for position, (finding, version) in enumerate(report.stream):
        tally.add(finding, version or _lang(finding))
        last[group_key(finding, version)] = position
    report.tally = tally
    _write_lines(out, head_lines(report, tally.total, color=color))
    waiting: OrderedDict[tuple, list] = OrderedDict()  # headings in the order they first come
    complete: set[tuple] = set()
    for position, (finding, version) in enumerate(report.stream):
        key = group_key(finding, version)
        waiting.setdefault(key, []).append((finding, version))
        if last[key] == position:
            complete.add(key)
            while waiting and next(iter(waiting)) in complete:
                done, findings = waiting.popitem(last=False)
                complete.discard(done)
                _write_lines(out, group_lines(report, findings, color=color))
    _write_lines(out, tail_lines(report, report.summary(), color=color))
    return tally.total


def _lang(finding: Any) -> str:
    side = finding.target or finding.source
    return side.lang if side else ""


def _write_lines(out: TextIO, lines: list[str]) -> None:
    out.write("".join(line + "\n" for line in lines))


WRITERS = {"json": write_json, "csv": write_csv, "text": write_text}
