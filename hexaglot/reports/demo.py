"""The ``hexaglot demo`` step that writes the editor's HTML reports and says where they are.

One page per report the demo made (the six-language sample set, the drafts),
in a ``hexaglot-demo`` folder of the system's temporary directory (never over
a user's file). The reports are given: this module only renders them.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, Mapping

from aligner.fileio import write_atomic
from hexaglot.reports.html import render_html


def demo_folder() -> Path:
    folder = Path(tempfile.gettempdir()) / "hexaglot-demo"
    folder.mkdir(exist_ok=True)
    return folder


def file_name(label: str) -> str:
    """``sample set`` -> ``qa-sample-set.html``."""
    return "qa-" + "-".join(label.split()) + ".html"


def write_html_reports(console: Any, reports: Mapping[str, Any]) -> None:
    """Write each report as HTML in ``demo_folder()`` and print its path."""
    folder = demo_folder()
    for label, report in reports.items():
        target = folder / file_name(label)
        write_atomic(target, render_html(report))
        console.print(f"HTML report of the {label} ({len(report.findings)} findings): {target.as_uri()}",
                      markup=False)
