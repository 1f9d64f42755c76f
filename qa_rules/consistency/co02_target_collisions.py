"""CO02: different source paragraphs or sentences translated identically."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterator

from qa_rules.base import Context, Rule
from qa_rules.causes import Explains
from qa_rules.consistency.segments import Segment, grouped, segments_of, word_count
from qa_rules.model import Finding
from qa_rules.punctuation.langfacts import SCRIPTS


class TargetCollision(Rule):
    """Different source paragraphs or sentences have the same translation (a paste in the wrong place?).

    Whole paragraphs and sentences are compared after normalizing case, white
    space and final punctuation; paragraphs without their italic opening phrase
    (a paragraph pasted in the wrong place under its own opening verb, *Requests*
    kept before the text of an *Also requests* paragraph). The occurrence kept as the right one is the
    one whose source fits the translation's length best (measured against the
    language pair's median length ratio in the run), else the one whose source
    shares clearly more anchors with it (numbers, acronyms and, between two
    versions in the same script, word stems: *radiologique* / *radiological*).
    A paragraph pasted in the wrong place is usually much longer or shorter
    than the source it stands against, or shares little with it. When neither
    measure tells them apart (``min_length_gap``, ``min_anchor_gap``), the
    first occurrence is kept; the others are flagged. What the other rules
    find when they compare the pasted text with the source it stands against
    (its terms, opening phrase, numbers, references, dates, footnote markers,
    length) is folded under the finding (``explains``): it is the paste, once.

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
    #: what comparing a pasted text with the source it stands against finds
    explains = (Explains(("CO01", "TE01", "TE05", "NU01", "NU02", "NU03", "RF01", "RF02", "RF03",
                          "DA01", "ST08", "LE01"), "pair"),)

    @dataclass(frozen=True)
    class Config:
        """min_words: translations with fewer words are not compared (short titles legitimately repeat); min_length_gap: how much better, in log length ratio, another source must fit the translation's length than the first one to be taken as the one it translates; min_anchor_gap: how much larger another source's share of anchors (numbers, acronyms, same-script word stems) found in the translation must be."""

        min_words: int = 4
        #: how much better (in log length ratio) a later source must fit the translation's
        #: length than the first one to be kept as the right one instead.
        min_length_gap: float = field(default=0.2, metadata={"range": (0, 5)})
        #: how much larger a later source's share of anchors found in the translation must be.
        min_anchor_gap: float = field(default=0.1, metadata={"range": (0, 1)})

    def _compared(self, seg: Segment) -> bool:
        return seg.kind in ("text", "sentence") and word_count(seg.target_text) >= self.config.min_words

    def check_document(self, context: Context) -> Iterator[Finding]:
        for lang, segs in segments_of(context).items():
            if not self.applies_to(lang):
                continue
            groups = grouped(segs, key=lambda seg: seg.body("target"), keep=self._compared)
            for group in groups.values():
                if len({seg.body("source") for seg in group}) < 2:
                    continue
                kept = self._kept(group, context)
                seen: dict[str, Segment] = {kept.body("source"): kept}
                for seg in group:
                    if seg.body("source") in seen:
                        continue
                    yield self.finding(
                        None,
                        f"this {seg.target_at.lang} text also translates a different source "
                        f"({kept.source_at.unit}, line {kept.source_at.line})",
                        expected=f"a translation of: {seg.source_text[:80]}",
                        found=seg.target_text[:80],
                        mark=(0, len(seg.target_text)),  # the whole text; found shows its start
                        source=seg.source_at,
                        target=seg.target_at,
                    )
                    seen[seg.body("source")] = seg

    def _kept(self, group: list[Segment], context: Context) -> Segment:
        """The occurrence taken to be the right one: the first, unless another source fits the
        translation's length better by ``min_length_gap`` (log of the length ratio)."""
        first = group[0]
        ratio = context.facts.get("length_ratio", {}).get((first.source_at.lang, first.target_at.lang))
        if not ratio or ratio[0] <= 0:
            return first

        def misfit(seg: Segment) -> float:
            src, tgt = len(seg.source_text.strip()), len(seg.target_text.strip())
            return abs(math.log(tgt / (src * ratio[0]))) if src and tgt else math.inf

        best = min(group, key=misfit)
        if misfit(first) - misfit(best) > self.config.min_length_gap:
            return best
        best = max(group, key=_anchor_share)
        return best if _anchor_share(best) - _anchor_share(first) > self.config.min_anchor_gap else first


_NUMBER = re.compile(r"\d+")
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
_LONG_WORD = re.compile(r"[^\W\d_]{6,}")


def _anchors(text: str, stems: bool) -> set[str]:
    found = set(_NUMBER.findall(text)) | set(_ACRONYM.findall(text))
    if stems:
        plain = unicodedata.normalize("NFKD", text.casefold())
        found |= {word[:5] for word in _LONG_WORD.findall("".join(c for c in plain if not unicodedata.combining(c)))}
    return found


def _anchor_share(seg: Segment) -> float:
    """The share of the source's anchors that the translation has (stems only between two
    versions written in the same script)."""
    same_script = SCRIPTS.get(seg.source_at.lang) == SCRIPTS.get(seg.target_at.lang) is not None
    source = _anchors(seg.source_text, same_script)
    return len(source & _anchors(seg.target_text, same_script)) / len(source) if source else 0.0
