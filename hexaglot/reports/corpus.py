"""The summary of a corpus run (``hexaglot batch``), reduced from the documents' records.

Each document's check leaves a small record (``hexaglot.batch``); this module
reads them all and writes, in the output folder:

- ``summary.csv``: one row per document, worst first (documents that could not
  be checked, then by errors, warnings, infos): its languages, findings by
  severity, category and language, the problem of a broken document, the
  rules that judged a whole version, and its report;
- ``terms.csv``: each glossary concept and language: occurrences, the number of
  documents, the glossary terms used (``term (N documents)``) and whether
  documents disagree on the term (``inconsistent``: the term each document
  uses most is not the same in all of them);
- ``consistency.csv``: the same source paragraph translated differently in two
  documents (``qa_rules.consistency.corpus``), one row per rendering;
- ``summary.xlsx``: the same tables as sheets, plus totals by category and language;
- ``summary.html``: a self-contained page with the same tables, each document
  linking to its report.

pandas is imported here only, and this module only when a summary is written.
"""

from __future__ import annotations

import html
import io
import json
from pathlib import Path
from typing import Any, Iterable, Sequence

import pandas as pd

from aligner.fileio import write_atomic
from aligner.writers.cells import append_row, escape_cell
from qa_rules.model import CATEGORIES, SEVERITIES

SUMMARY_FILES: tuple[str, ...] = ("summary.csv", "terms.csv", "consistency.csv", "summary.xlsx", "summary.html")


def _report_link(record: dict[str, Any]) -> str:
    outputs = record.get("outputs") or []
    for suffix in (".html", ".json"):
        for path in outputs:
            if path.endswith(suffix) and not path.endswith(".align" + suffix):
                return path
    return ""


def documents_frame(records: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """One row per document, worst first."""
    rows = []
    for record in records:
        findings = record.get("findings") or {}
        by_severity = findings.get("by_severity") or {}
        row: dict[str, Any] = {
            "document": record["name"],
            "status": "error" if record.get("error") else "checked",
            "languages": " ".join(record.get("languages") or [lang for lang, _ in record.get("files", []) if lang]),
            "findings": findings.get("total", 0),
        }
        for severity in SEVERITIES:
            row[severity] = by_severity.get(severity, 0)
        for category in CATEGORIES:
            row[category] = (findings.get("by_category") or {}).get(category, 0)
        for lang, n in sorted((findings.get("by_language") or {}).items()):
            row[f"in {lang}"] = n
        row["whole version"] = " ".join(sorted({f"{f['rule']}:{f['lang']}" for f in record.get("whole_version", [])}))
        row["problem"] = record.get("error") or ""
        row["report"] = _report_link(record)
        rows.append(row)
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    lang_columns = sorted(c for c in frame.columns if c.startswith("in "))
    frame[lang_columns] = frame[lang_columns].fillna(0).astype(int)
    frame["_broken"] = (frame["status"] == "error").astype(int)
    frame = frame.sort_values(["_broken", *SEVERITIES, "findings", "document"],
                              ascending=[False] + [False] * len(SEVERITIES) + [False, True], kind="stable")
    return frame.drop(columns="_broken").reset_index(drop=True)


def whole_version_frame(records: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """The findings that judge a whole version (e.g. a target that is not a translation of its
    source): one row per finding, by document."""
    rows = [{"document": r["name"], "lang": f["lang"], "rule": f["rule"], "name": f["name"],
             "severity": f["severity"], "message": f["message"]}
            for r in records for f in r.get("whole_version", [])]
    return pd.DataFrame(rows, columns=["document", "lang", "rule", "name", "severity", "message"])


def terms_frame(records: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """Corpus-wide use of each glossary concept per language (see the module's docstring)."""
    rows = [{"document": r["name"], "glossary": t[0], "concept": t[1], "label": t[2], "lang": t[3],
             "term": t[4], "count": t[5]}
            for r in records for t in r.get("terms", [])]
    columns = ["glossary", "concept", "label", "lang", "occurrences", "documents", "terms", "inconsistent"]
    if not rows:
        return pd.DataFrame(columns=columns)
    raw = pd.DataFrame(rows)
    keys = ["glossary", "concept", "label", "lang"]
    per_term = raw.groupby(keys + ["term"], sort=True).agg(count=("count", "sum"), documents=("document", "nunique"))
    per_term = per_term.reset_index().sort_values(keys + ["documents", "count", "term"],
                                                  ascending=[True] * 4 + [False, False, True])
    terms = per_term.groupby(keys, sort=False).apply(
        lambda g: "; ".join(f"{t} ({d} document{'s' if d != 1 else ''})" for t, d in zip(g["term"], g["documents"])),
        include_groups=False).rename("terms")
    # each document's usual term (most used, then first by name); documents disagree when these differ
    usual = (raw.groupby(keys + ["document", "term"])["count"].sum().reset_index()
             .sort_values(keys + ["document", "count", "term"], ascending=[True] * 5 + [False, True])
             .groupby(keys + ["document"]).head(1))
    disagree = (usual.groupby(keys)["term"].nunique() > 1).rename("inconsistent")
    totals = raw.groupby(keys).agg(occurrences=("count", "sum"), documents=("document", "nunique"))
    frame = totals.join(terms).join(disagree).reset_index()
    frame = frame.sort_values(["inconsistent", "occurrences", "concept", "lang"], ascending=[False, False, True, True])
    return frame[columns].reset_index(drop=True)


def consistency_frame(records: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """One row per rendering of a source paragraph translated in two ways or more across documents."""
    from qa_rules.consistency.corpus import Rendering, cross_document_variants

    items = ((r["name"], Rendering(*values)) for r in records for values in r.get("renderings", []))
    rows = [{"lang": group.lang, "source": group.source, "rendering": n, "target": variant.target,
             "documents": " ".join(variant.documents)}
            for group in cross_document_variants(items) for n, variant in enumerate(group.variants, start=1)]
    return pd.DataFrame(rows, columns=["lang", "source", "rendering", "target", "documents"])


def totals_frame(records: Sequence[dict[str, Any]], key: str) -> pd.DataFrame:
    """Findings of the whole corpus by ``key`` (``by_category`` or ``by_language``)."""
    counts: dict[str, int] = {}
    for record in records:
        for name, n in ((record.get("findings") or {}).get(key) or {}).items():
            counts[name] = counts.get(name, 0) + n
    label = "category" if key == "by_category" else "language"
    ordered = [c for c in CATEGORIES if c in counts] if key == "by_category" else sorted(counts)
    return pd.DataFrame({label: ordered, "findings": [counts[c] for c in ordered]})


def _csv(frame: pd.DataFrame) -> str:
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object:
            safe[column] = safe[column].map(escape_cell)
    return "\ufeff" + safe.to_csv(index=False, lineterminator="\n")


def _xlsx(sheets: Iterable[tuple[str, pd.DataFrame]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for title, frame in sheets:
        sheet = book.create_sheet(title)
        append_row(sheet, [str(c) for c in frame.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for values in frame.itertuples(index=False):
            append_row(sheet, [v.item() if hasattr(v, "item") else v for v in values])
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


_STYLE = """body{font-family:system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0;font-size:.9em}
th,td{border:1px solid #ccc;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#f1f3f5}td.n{text-align:right}tr.error td{background:#ffe3e3}
caption{text-align:left;font-weight:bold;padding:.5em 0}"""


def _table(frame: pd.DataFrame, caption: str, link: str | None = None) -> str:
    if frame.empty:
        return f"<h2>{html.escape(caption)}</h2><p>None.</p>"
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = []
    for record in frame.to_dict("records"):
        cells = []
        for column, value in record.items():
            text = "" if value is None else str(value)
            if column == link and text:
                cells.append(f'<td><a href="{html.escape(text, quote=True)}">{html.escape(text)}</a></td>')
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                cells.append(f'<td class="n">{html.escape(text)}</td>')
            else:
                cells.append(f"<td>{html.escape(text)}</td>")
        status = ' class="error"' if record.get("status") == "error" else ""
        body.append(f"<tr{status}>{''.join(cells)}</tr>")
    return (f"<h2>{html.escape(caption)}</h2><table><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def render_html(tables: Sequence[tuple[str, pd.DataFrame, str | None]], headline: str) -> str:
    parts = "".join(_table(frame, caption, link) for caption, frame, link in tables)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>hexaglot corpus summary</title>'
            f"<style>{_STYLE}</style></head><body><h1>hexaglot corpus summary</h1><p>{html.escape(headline)}</p>"
            f"{parts}</body></html>\n")


def write_summary(out_dir: str | Path, records: Sequence[dict[str, Any]]) -> str:
    """Write the summary files (``SUMMARY_FILES``) into ``out_dir``; the path of the HTML page."""
    out = Path(out_dir)
    documents = documents_frame(records)
    whole = whole_version_frame(records)
    terms = terms_frame(records)
    consistency = consistency_frame(records)
    by_category = totals_frame(records, "by_category")
    by_language = totals_frame(records, "by_language")
    broken = sum(1 for r in records if r.get("error"))
    findings = sum((r.get("findings") or {}).get("total", 0) for r in records)
    headline = (f"{len(records)} documents, {broken} could not be checked, {findings} findings; "
                f"{int(terms['inconsistent'].sum()) if not terms.empty else 0} glossary concepts rendered "
                f"differently across documents; {consistency[['lang', 'source']].drop_duplicates().shape[0]} "
                "source paragraphs translated differently in two documents or more.")
    write_atomic(out / "summary.csv", _csv(documents))
    write_atomic(out / "terms.csv", _csv(terms))
    write_atomic(out / "consistency.csv", _csv(consistency))
    write_atomic(out / "summary.xlsx", _xlsx([("documents", documents), ("by category", by_category),
                                              ("by language", by_language), ("whole versions", whole),
                                              ("terms", terms), ("consistency", consistency)]))
    page = render_html([("Documents, worst first", documents, "report"),
                        ("Findings by category", by_category, None),
                        ("Findings by language", by_language, None),
                        ("Findings on whole versions", whole, None),
                        ("Glossary terms across documents", terms, None),
                        ("The same source paragraph translated differently across documents", consistency, None)],
                       headline)
    write_atomic(out / "summary.html", page)
    write_atomic(out / "summary.json", json.dumps({"documents": len(records), "could_not_be_checked": broken,
                                                    "findings": findings}, indent=1) + "\n")
    return str(out / "summary.html")
