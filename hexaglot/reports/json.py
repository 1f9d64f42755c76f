"""The JSON report (schema in docs/qa.md)::

    {"tool": "hexaglot", "version": "0.1.0", "signature": "...",
     "documents": [{"path", "lang", "role", "units"}],
     "findings": [Finding.as_dict() ...], "summary": {...}}
"""

from __future__ import annotations

import json
from typing import Any

from hexaglot import __version__


def as_dict(report: Any) -> dict:
    documents = [
        {
            "path": doc.path,
            "lang": doc.lang,
            "role": "source" if doc.lang == report.pivot else "target",
            "units": len(doc.units),
        }
        for doc in report.documents
    ]
    summary = report.summary()
    summary["stale_accepts"] = [
        {"id": e.id, "reason": e.reason, "path": e.path, "line": e.line} for e in report.stale
    ]
    summary["notices"] = list(getattr(report, "notices", ()))
    return {
        "tool": "hexaglot",
        "version": __version__,
        "signature": report.signature,
        "rules": list(report.rules),
        "documents": documents,
        "findings": [finding.as_dict() for finding in report.findings],
        "summary": summary,
    }


def render(report: Any, *, color: bool = False) -> str:
    return json.dumps(as_dict(report), ensure_ascii=False, indent=2) + "\n"
