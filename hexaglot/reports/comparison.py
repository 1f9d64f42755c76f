"""Rendering a ``qa_rules.compare.Comparison`` (``hexaglot compare``) as text or JSON.

Text: one block per aligned pair, most changed first: the units and lines on
both sides, chrF/BLEU/TER, and the word diff (``[-draft only-]{+reference only+}``),
the source paragraph when one was given; identical pairs are counted, not
repeated; corpus scores, sacrebleu's signatures and the signature line last.
Control characters from the documents are shown escaped (``\\x1b``), never raw.

JSON (documented in ``docs/reports.md``)::

    {"tool": "hexaglot", "version", "draft", "reference", "source", "lang", "level",
     "paragraphs": [{"draft": {"units", "lines", "text"}, "reference": {...}, "source": {...} | null,
                     "chrf", "bleu", "ter", "changed", "diff": [{"op", "draft", "reference"}]}],
     "corpus": {"chrf", "bleu", "ter"}, "metrics": {"chrf", "bleu", "ter", "corpus_bleu"},
     "signature": "..."}
"""

from __future__ import annotations

import json
from dataclasses import asdict

from hexaglot import __version__
from hexaglot.reports import escape_controls
from qa_rules.compare import Comparison, ParagraphComparison


def comparison_signature(result: Comparison) -> str:
    source = "yes" if result.source_path else "no"
    return (f"hexaglot:{__version__}|compare|lang:{result.lang}|level:{result.level}|source:{source}"
            f"|chrF:{result.metric_signatures.get('chrf', '')}")


def _diff_text(p: ParagraphComparison) -> str:
    out = []
    for op in p.diff:
        if op.op == "equal":
            out.append(op.draft)
        if op.op in ("replace", "delete") and op.draft:
            out.append(f"[-{op.draft}-]")
        if op.op in ("replace", "insert") and op.reference:
            out.append(f"{{+{op.reference}+}}")
    return " ".join(out)


def _where(side) -> str:
    if not side.units:
        return "(nothing)"
    line = f" line {side.lines[0]}" if side.lines else ""
    return f"{','.join(side.units)}{line}"


def render_text(result: Comparison) -> str:
    lines = [f"hexaglot compare: {result.draft_path} (draft) vs {result.reference_path} (reference)"
             + (f", source {result.source_path}" if result.source_path else ""), ""]
    same = [p for p in result.paragraphs if not p.changed]
    changed = [p for p in result.paragraphs if p.changed]
    for p in changed:
        lines.append(f"{_where(p.draft)} -> {_where(p.reference)}   "
                     f"chrF {p.chrf:.1f}  BLEU {p.bleu:.1f}  TER {p.ter:.1f}")
        if p.source is not None and p.source.text:
            lines.append(f"  source: {p.source.text}")
        lines.append(f"  diff:   {_diff_text(p)}")
        lines.append("")
    lines.append(f"{len(changed)} of {len(result.paragraphs)} aligned pairs changed; {len(same)} identical.")
    c = result.corpus
    lines.append(f"Corpus: chrF {c['chrf']:.2f}  BLEU {c['bleu']:.2f}  TER {c['ter']:.2f}")
    for name, sig in result.metric_signatures.items():
        lines.append(f"  {name}: {sig}")
    lines.append(f"signature: {comparison_signature(result)}")
    return escape_controls("\n".join(lines) + "\n")


def render_json(result: Comparison) -> str:
    data = {
        "tool": "hexaglot",
        "version": __version__,
        "draft": result.draft_path,
        "reference": result.reference_path,
        "source": result.source_path,
        "lang": result.lang,
        "level": result.level,
        "paragraphs": [
            {
                "draft": asdict(p.draft),
                "reference": asdict(p.reference),
                "source": asdict(p.source) if p.source is not None else None,
                "chrf": p.chrf,
                "bleu": p.bleu,
                "ter": p.ter,
                "changed": p.changed,
                "diff": [asdict(op) for op in p.diff],
            }
            for p in result.paragraphs
        ],
        "corpus": dict(result.corpus),
        "metrics": dict(result.metric_signatures),
        "signature": comparison_signature(result),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
