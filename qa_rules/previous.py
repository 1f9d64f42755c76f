"""``check --previous OLD_SOURCE OLD_TARGET``: the earlier version, for recycled text (CO09).

``--previous`` may be repeated, once per target language: each pair is the
earlier source (in the run's source language) and its earlier translation
into one of the run's target languages; a target language without a pair is
not compared with an earlier text.

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
    # its own pairs with the pivot: a merge there is one pair, not a cell spanning rows
    for row in alignment.pair_rows.get(target_lang) or alignment.rows:
        src, tgt = row.cells.get(alignment.pivot), row.cells.get(target_lang)
        if src is None or tgt is None or not src.units or not tgt.units:
            continue
        out.append(Earlier(src.text, tgt.text, target_lang, doc.path, ",".join(tgt.units),
                           tgt.lines[0] if tgt.lines else 0, level))
    return tuple(out)


def load_previous(
    pairs: Sequence[Sequence[str]], source_lang: str, target_langs: Sequence[str]
) -> tuple[Earlier, ...]:
    """Read and align each ``(OLD_SOURCE, OLD_TARGET)``: paragraph pairs then sentence pairs.

    ``OLD_SOURCE`` must be in the run's source language and ``OLD_TARGET`` in
    one of its target languages, each target language given at most once (the
    earlier translation a target is held to): anything else is an
    ``InputError`` naming the file, never a run that silently finds nothing.
    """
    from aligner.align import align_documents
    from aligner.readers import read_document

    targets = list(target_langs)
    wanted = f"--previous needs the earlier {source_lang} source first and the earlier {'/'.join(targets)} translation"
    out: list[Earlier] = []
    given: dict[str, str] = {}
    for pair in pairs:
        if len(pair) != 2:
            raise InputError("--previous", "give the earlier source and the earlier translation (two files)")
        old_source, old_target = (read_document(path) for path in pair)
        if old_source.lang != source_lang:
            raise InputError(old_source.path, f"is in {old_source.lang}; {wanted}")
        if old_target.lang not in targets:
            raise InputError(old_target.path, f"is in {old_target.lang}; {wanted}")
        if old_target.lang in given:
            raise InputError(old_target.path, f"is a second earlier {old_target.lang} translation "
                                              f"(after {given[old_target.lang]}); give one per target language")
        given[old_target.lang] = old_target.path
        documents = [old_source, old_target]
        out += earlier_pairs(align_documents(documents, level="paragraph"), "paragraph")
        out += earlier_pairs(align_documents(documents, level="sentence"), "sentence")
    return tuple(out)


def with_previous(rules: Sequence[Rule], previous: tuple[Earlier, ...]) -> tuple[Rule, ...]:
    """``rules`` with the recycled-text rule (if selected) given the earlier pairs."""
    out = []
    for rule in rules:
        if isinstance(rule, RecycledText):
            rule = RecycledText(replace(rule.config, previous=previous), severity=rule.severity)
        out.append(rule)
    return tuple(out)
