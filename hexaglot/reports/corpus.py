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
  linking to its report;
- ``summary.json``: the headline counts, and the key of the records the summary was made of.

The files are written again only when that key changed or one of them is missing
(``unchanged``): a nightly run that found nothing new to check leaves them as they were.
pandas is imported only when the tables are written.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from aligner.fileio import write_atomic
from aligner.writers.cells import append_row, escape_cell
from qa_rules.consistency.corpus import Rendering, cross_document_variants
from qa_rules.model import CATEGORIES, SEVERITIES
from qa_rules.version import tool_version

if TYPE_CHECKING:
    import pandas as pd

SUMMARY_FILES: tuple[str, ...] = ("summary.csv", "terms.csv", "consistency.csv", "summary.xlsx", "summary.html",
                                  "summary.json")


def _report_link(record: dict[str, Any]) -> str:
    outputs = record.get("outputs") or []
    for suffix in (".html", ".json"):
        for path in outputs:
            if path.endswith(suffix) and not path.endswith(".align" + suffix):
                return path
    return ""


def document_row(record: dict[str, Any]) -> dict[str, Any]:
    """A document's row of ``summary.csv`` from its record."""
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
    return row


class CorpusSummary:
    """The corpus summary, reduced one record at a time (``add``): what it holds grows with the
    number of documents by one short row each, and with the corpus's distinct glossary terms and
    paragraphs, not with the records' size."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self.whole: list[dict[str, Any]] = []
        #: (glossary, concept, label, lang, term) -> [occurrences, documents]
        self.terms: dict[tuple[str, str, str, str, str], list[int]] = {}
        #: (glossary, concept, label, lang) -> the term each document uses most -> documents
        self.usual: dict[tuple[str, str, str, str], dict[str, int]] = {}
        self._groups: dict[tuple[str, str], dict[str, tuple[str, list[str]]]] = {}
        self._sources: dict[tuple[str, str], str] = {}
        self._records: list[bytes] = []  # each record's digest

    @property
    def key(self) -> str:
        """What the summary is made of: the tool's version and the records added, in any order
        (the tables are sorted: a pool's workers and a cluster's finish the documents in
        different orders, and write the same summary)."""
        digest = hashlib.sha1(tool_version().encode("utf-8"))
        for record in sorted(self._records):
            digest.update(record)
        return digest.hexdigest()

    def add(self, record: dict[str, Any]) -> None:
        name = record["name"]
        canonical = json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8")
        self._records.append(hashlib.sha1(canonical).digest())
        self.rows.append(document_row(record))
        self.whole += [{"document": name, "lang": f["lang"], "rule": f["rule"], "name": f["name"],
                        "severity": f["severity"], "message": f["message"]} for f in record.get("whole_version", [])]
        usual: dict[tuple, tuple[int, str]] = {}
        for glossary, concept, label, lang, term, count in record.get("terms", []):
            entry = self.terms.setdefault((glossary, concept, label, lang, term), [0, 0])
            entry[0] += count
            entry[1] += 1
            key = (glossary, concept, label, lang)
            best = usual.get(key)
            if best is None or (-count, term) < (-best[0], best[1]):
                usual[key] = (count, term)
        for key, (_, term) in usual.items():
            by_term = self.usual.setdefault(key, {})
            by_term[term] = by_term.get(term, 0) + 1
        for values in record.get("renderings", []):
            r = Rendering(*values)
            key = (r.lang, r.source_key)
            self._sources.setdefault(key, r.source)
            target, documents = self._groups.setdefault(key, {}).setdefault(r.target_key, (r.target, []))
            if not documents or documents[-1] != name:
                documents.append(name)

    # -- tables (pandas) --

    def documents_frame(self) -> pd.DataFrame:
        """One row per document, worst first: broken documents, then by errors, warnings, infos."""
        import pandas as pd

        frame = pd.DataFrame(self.rows)
        if frame.empty:
            return frame
        lang_columns = sorted(c for c in frame.columns if c.startswith("in "))
        frame[lang_columns] = frame[lang_columns].fillna(0).astype(int)
        ordered = [c for c in frame.columns if not c.startswith("in ") and c not in ("whole version", "problem", "report")]
        frame = frame[ordered + lang_columns + ["whole version", "problem", "report"]]
        frame = frame.assign(_broken=(frame["status"] == "error").astype(int))
        frame = frame.sort_values(["_broken", *SEVERITIES, "findings", "document"],
                                  ascending=[False] + [False] * len(SEVERITIES) + [False, True], kind="stable")
        return frame.drop(columns="_broken").reset_index(drop=True)

    def whole_version_frame(self) -> pd.DataFrame:
        """The findings that judge a whole version (e.g. a target that is not a translation of
        its source), by document."""
        import pandas as pd

        return pd.DataFrame(self.whole, columns=["document", "lang", "rule", "name", "severity", "message"])

    def terms_frame(self) -> pd.DataFrame:
        """Each glossary concept and language: occurrences, documents, the terms used, and whether
        the term each document uses most differs between documents (``inconsistent``)."""
        import pandas as pd

        columns = ["glossary", "concept", "label", "lang", "occurrences", "documents", "terms", "inconsistent"]
        per_term = pd.DataFrame([(*key, n, docs) for key, (n, docs) in self.terms.items()],
                                columns=["glossary", "concept", "label", "lang", "term", "count", "documents"])
        if per_term.empty:
            return pd.DataFrame(columns=columns)
        keys = ["glossary", "concept", "label", "lang"]
        per_term = per_term.sort_values(keys + ["documents", "count", "term"], ascending=[True] * 4 + [False, False, True])
        rows = []
        for key, group in per_term.groupby(keys, sort=False):
            documents = sum(self.usual.get(key, {}).values())
            rows.append((*key, int(group["count"].sum()), documents,
                         "; ".join(f"{t} ({d} document{'s' if d != 1 else ''})"
                                   for t, d in zip(group["term"], group["documents"])),
                         len(self.usual.get(key, {})) > 1))
        frame = pd.DataFrame(rows, columns=columns)
        frame = frame.sort_values(["inconsistent", "occurrences", "concept", "lang"], ascending=[False, False, True, True])
        return frame.reset_index(drop=True)

    def consistency_frame(self) -> pd.DataFrame:
        """One row per rendering of a source paragraph translated in two ways or more across documents."""
        import pandas as pd

        items = ((document, Rendering(key[0], "", key[1], target_key, self._sources[key], target))
                 for key, by_target in self._groups.items() if len(by_target) > 1
                 for target_key, (target, documents) in by_target.items() for document in documents)
        rows = [{"lang": group.lang, "source": group.source, "rendering": n, "target": variant.target,
                 "documents": " ".join(variant.documents)}
                for group in cross_document_variants(items) for n, variant in enumerate(group.variants, start=1)]
        return pd.DataFrame(rows, columns=["lang", "source", "rendering", "target", "documents"])

    def totals_frame(self, column: str) -> pd.DataFrame:
        """Findings of the whole corpus by ``category`` or ``language``."""
        import pandas as pd

        if column == "category":
            counts = {c: sum(row.get(c, 0) for row in self.rows) for c in CATEGORIES}
            ordered = [c for c in CATEGORIES if counts[c]]
        else:
            counts = {}
            for row in self.rows:
                for key, n in row.items():
                    if key.startswith("in ") and n:
                        counts[key[3:]] = counts.get(key[3:], 0) + n
            ordered = sorted(counts)
        return pd.DataFrame({column: ordered, "findings": [counts[c] for c in ordered]})


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


def unchanged(out_dir: str | Path, key: str) -> bool:
    """Whether every summary file is in ``out_dir`` and was made of the records whose key
    (``CorpusSummary.key``) is ``key``, as ``summary.json`` says: writing them again would change
    nothing but their dates."""
    out = Path(out_dir)
    if not all((out / name).is_file() for name in SUMMARY_FILES):
        return False
    try:
        written = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(written, dict) and written.get("records") == key


def write_summary(out_dir: str | Path, summary: CorpusSummary) -> str:
    """Write the summary files (``SUMMARY_FILES``) into ``out_dir``, unless they are ``unchanged``;
    the path of the HTML page."""
    out, key = Path(out_dir), summary.key
    if unchanged(out, key):
        return str(out / "summary.html")
    documents = summary.documents_frame()
    whole = summary.whole_version_frame()
    terms = summary.terms_frame()
    consistency = summary.consistency_frame()
    by_category = summary.totals_frame("category")
    by_language = summary.totals_frame("language")
    broken = sum(1 for row in summary.rows if row["status"] == "error")
    findings = sum(row["findings"] for row in summary.rows)
    inconsistent = int(terms["inconsistent"].sum()) if not terms.empty else 0
    paragraphs = consistency[["lang", "source"]].drop_duplicates().shape[0]
    headline = (f"{len(summary.rows)} documents, {broken} could not be checked, {findings} findings; "
                f"{inconsistent} glossary concepts rendered differently across documents; {paragraphs} "
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
    write_atomic(out / "summary.json", json.dumps({"documents": len(summary.rows), "could_not_be_checked": broken,
                                                    "findings": findings, "inconsistent_terms": inconsistent,
                                                    "inconsistent_paragraphs": paragraphs, "records": key},
                                                   indent=1) + "\n")
    return str(out / "summary.html")
