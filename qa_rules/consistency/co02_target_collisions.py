"""CO02: different source paragraphs or sentences translated identically."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from qa_rules.base import Context, Rule
from qa_rules.consistency.segments import Segment, grouped, segments_of, word_count
from qa_rules.model import Finding


class TargetCollision(Rule):
    """Different source paragraphs or sentences have the same translation (a paste in the wrong place?).

    Whole paragraphs and sentences are compared after normalizing case, white
    space and final punctuation; the later occurrences are flagged.

    Flags:
        fr: Prie l'Office de continuer à aider les États Membres qui en font la demande ; ¶ Encourage l'Office à continuer d'aider les États Membres à protéger les infrastructures critiques ;
        en: Requests the Office to continue to assist requesting Member States; ¶ Requests the Office to continue to assist requesting Member States;

    Passes:
        fr: Prie l'Office de continuer à aider les États Membres qui en font la demande ; ¶ Encourage l'Office à continuer d'aider les États Membres à protéger les infrastructures critiques ;
        en: Requests the Office to continue to assist requesting Member States; ¶ Encourages the Office to continue to assist Member States in protecting critical infrastructure;
    """

    code = "CO02"
    name = "consistency.target_collision"
    category = "consistency"
    severity = "warning"

    @dataclass(frozen=True)
    class Config:
        """min_words: translations with fewer words are not compared (short titles legitimately repeat)."""

        min_words: int = 4

    def _compared(self, seg: Segment) -> bool:
        return seg.kind in ("text", "sentence") and word_count(seg.target_text) >= self.config.min_words

    def check_document(self, context: Context) -> Iterator[Finding]:
        for lang, segs in segments_of(context).items():
            if not self.applies_to(lang):
                continue
            groups = grouped(segs, key=lambda seg: seg.target, keep=self._compared)
            for group in groups.values():
                seen: dict[str, Segment] = {}
                for seg in group:
                    if seg.source in seen:
                        continue
                    if seen:
                        first = next(iter(seen.values()))
                        yield self.finding(
                            None,
                            f"this {seg.target_at.lang} text also translates a different source "
                            f"({first.source_at.unit}, line {first.source_at.line})",
                            expected=f"a translation of: {seg.source_text[:80]}",
                            found=seg.target_text[:80],
                            source=seg.source_at,
                            target=seg.target_at,
                        )
                    seen[seg.source] = seg
