"""Rendering a ``qa_rules.compare.Comparison`` (``hexaglot compare``) as text or JSON.

Text: one block per aligned pair, most changed first: the units and lines on
both sides, chrF/BLEU/TER, and the word diff (``[-draft only-]{+reference only+}``,
with the documents' own spacing; a change of whitespace drawn, ``capacities[-␣-];``),
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


#: How a changed space shows in the text diff.
VISIBLE = {" ": "\u2423", "\u00a0": "\u237d", "\t": "\u21e5", "\n": "\u21b5"}
WHITESPACE_LEGEND = ("whitespace changed shows as \u2423 space, \u237d no-break space, \u21e5 tab, "
                     "\u21b5 line break, <U+202F> any other")


def visible(text: str) -> str:
    """``text`` with every whitespace character drawn (``␣`` for a space)."""
    return "".join(VISIBLE.get(ch, f"<U+{ord(ch):04X}>") if ch.isspace() else ch for ch in text)


def _edges(text: str) -> tuple[str, str, str]:
    """``text`` as (leading whitespace, the rest, trailing whitespace)."""
    core = text.strip()
    if not core:
        return text, "", ""
    start = text.index(core)
    return text[:start], core, text[start + len(core):]


def marked(op) -> str:
    """One diff op as text: ``[-draft only-]{+reference only+}``, the same text once when equal.
    Spacing is the documents' own: spaces both sides have at the edges of a changed stretch of
    words stay outside the marks, and a change of whitespace alone is drawn (``[-␣-]``).

    >>> from qa_rules.compare import word_diff
    >>> "".join(marked(op) for op in word_diff("capacities ; and", "capacities; and", "en"))
    'capacities[-␣-]; and'
    >>> "".join(marked(op) for op in word_diff("resolution 74/157 of", "resolution 74/175 of", "en"))
    'resolution 74/[-157-]{+175+} of'
    """
    if op.op == "equal":
        return op.draft
    sides = [text for text in (op.draft, op.reference) if text]
    lead = trail = ""
    if all(text.strip() for text in sides):
        edges = [_edges(text) for text in sides]
        if len({e[0] for e in edges}) == 1:
            lead = edges[0][0]
        if len({e[2] for e in edges}) == 1:
            trail = edges[0][2]
    out = [lead]
    for text, before, after in ((op.draft, "[-", "-]"), (op.reference, "{+", "+}")):
        core = text[len(lead):len(text) - len(trail)]
        if core:
            out.append(before + (core if core.strip() else visible(core)) + after)
    return "".join(out) + trail


def _diff_text(p: ParagraphComparison) -> str:
    return "".join(marked(op) for op in p.diff)


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
    if any("\u2423" in _diff_text(p) or "<U+" in _diff_text(p) for p in changed):
        lines += [WHITESPACE_LEGEND, ""]
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
