"""``check --previous OLD_SOURCE OLD_TARGET``: the earlier version, for recycled text (CO09).

The earlier source and translation are read and aligned (paragraphs, and
sentences inside them) like any pair; their aligned pairs become the
``previous`` of the ``RecycledText`` rule's config. The rule itself never
opens a file.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from aligner.errors import InputError
from aligner.model import Alignment
from qa_rules.base import Rule
from qa_rules.consistency.co09_recycled import Earlier, RecycledText


def earlier_pairs(alignment: Alignment, level: str) -> tuple[Earlier, ...]:
    """The aligned pairs (pivot -> the other language) of an earlier version."""
    target_lang = next(lang for lang in alignment.languages if lang != alignment.pivot)
    doc = alignment.documents[target_lang]
    out = []
    for row in alignment.rows:
        src, tgt = row.cells.get(alignment.pivot), row.cells.get(target_lang)
        if src is None or tgt is None or not src.units or not tgt.units:
            continue
        out.append(Earlier(src.text, tgt.text, target_lang, doc.path, ",".join(tgt.units),
                           tgt.lines[0] if tgt.lines else 0, level))
    return tuple(out)


def load_previous(paths: Sequence[str], langs: Sequence[str | None] = (None, None)) -> tuple[Earlier, ...]:
    """Read and align ``OLD_SOURCE OLD_TARGET``: paragraph pairs then sentence pairs."""
    from aligner.align import align_documents
    from aligner.readers import read_document

    if len(paths) != 2:
        raise InputError("--previous", "give the earlier source and the earlier translation (two files)")
    documents = [read_document(path, lang=lang) for path, lang in zip(paths, langs)]
    pairs = earlier_pairs(align_documents(documents, level="paragraph"), "paragraph")
    return pairs + earlier_pairs(align_documents(documents, level="sentence"), "sentence")


def with_previous(rules: Sequence[Rule], previous: tuple[Earlier, ...]) -> tuple[Rule, ...]:
    """``rules`` with the recycled-text rule (if selected) given the earlier pairs."""
    out = []
    for rule in rules:
        if isinstance(rule, RecycledText):
            rule = RecycledText(replace(rule.config, previous=previous), severity=rule.severity)
        out.append(rule)
    return tuple(out)
