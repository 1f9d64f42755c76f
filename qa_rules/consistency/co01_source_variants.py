"""CO01: the same source text translated in different ways."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterator

from qa_rules.base import Context, Rule
from qa_rules.consistency.segments import Segment, grouped, segments_of, word_count
from qa_rules.model import Finding


class SourceVariants(Rule):
    """The same source paragraph, sentence or opening phrase is translated in different ways.

    Paragraphs, sentences (when both sides have as many), italic opening
    phrases (*Réaffirmant* -> *Reaffirming*) and italic titles are compared
    across the whole run after normalizing case, white space and final
    punctuation. The rendering used most often is taken as the expected one;
    with a tie, the first. Opening phrases are only flagged against a strict
    majority (some verbs are legitimately rendered two ways).

    Flags:
        fr: *Réaffirmant* sa résolution 60/288, ¶ *Réaffirmant* sa résolution 74/175, ¶ *Réaffirmant* sa résolution 77/298,
        en: *Reaffirming* its resolution 60/288, ¶ *Reaffirming* its resolution 74/175, ¶ *Reaffirming* its resolution 77/298,
        es: *Reafirmando* su resolución 60/288, ¶ *Reafirmando* su resolución 74/175, ¶ *Reiterando* su resolución 77/298,

    Passes:
        fr: *Réaffirmant* sa résolution 60/288, ¶ *Réaffirmant* sa résolution 74/175, ¶ *Réaffirmant* sa résolution 77/298,
        es: *Reafirmando* su resolución 60/288, ¶ *Reafirmando* su resolución 74/175, ¶ *Reafirmando* su resolución 77/298,
    """

    code = "CO01"
    name = "consistency.source_variants"
    category = "consistency"
    severity = "warning"

    @dataclass(frozen=True)
    class Config:
        """min_words: paragraphs and sentences with fewer source words are not compared."""

        min_words: int = 4

    def check_document(self, context: Context) -> Iterator[Finding]:
        for lang, segs in segments_of(context).items():
            if not self.applies_to(lang):
                continue
            groups = grouped(segs, key=lambda seg: (seg.kind, seg.source), keep=self._compared)
            for (kind, _), group in groups.items():
                yield from self._variants(kind, group)

    def _compared(self, seg: Segment) -> bool:
        if seg.kind in ("text", "sentence") and word_count(seg.source_text) < self.config.min_words:
            return False
        return bool(seg.source and seg.target)

    def _variants(self, kind: str, group: list[Segment]) -> Iterator[Finding]:
        counts = Counter(seg.target for seg in group)
        if len(counts) < 2:
            return
        first_seen = {}
        for seg in group:
            first_seen.setdefault(seg.target, seg)
        best, best_n = max(counts.items(), key=lambda kv: (kv[1], -group.index(first_seen[kv[0]])))
        if kind == "opening" and list(counts.values()).count(best_n) > 1:
            return
        expected = first_seen[best].target_text
        for seg in group:
            if seg.target == best:
                continue
            what = {"text": "paragraph", "sentence": "sentence", "opening": "opening phrase", "italic": "title"}[kind]
            source = seg.source_text if len(seg.source_text) <= 40 else seg.source_text[:40] + "…"
            yield self.finding(
                None,
                f"the source {what} «{source}» is rendered otherwise here than the {best_n} time(s) "
                f"it is rendered «{expected if len(expected) <= 40 else expected[:40] + '…'}»",
                expected=expected,
                found=seg.target_text,
                source=seg.source_at,
                target=seg.target_at,
            )
