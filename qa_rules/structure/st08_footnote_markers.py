"""ST08 structure.footnote_markers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from qa_rules.base import Context, Pair, Rule
from qa_rules.markup.markers import stray_markers
from qa_rules.model import Finding, Location
from qa_rules.structure._util import excerpt

#: Languages whose word order puts a modifier before what it modifies (a title after the clause
#: that describes it), so that a marker's place in the paragraph says nothing: not compared.
_FREE_ORDER = ("zh",)


def _markers(units) -> list[int]:
    return sorted(ref.number for unit in units for ref in unit.footnotes)


def _where_missing(pair: Pair, missing: list[int]) -> int | None:
    if not missing or len(pair.target.units) != 1:
        return None
    target = pair.target.units[0]
    for unit in pair.source.units:
        for ref in unit.footnotes:
            if ref.number == missing[0] and unit.text:
                return target.line_at(round(ref.offset / len(unit.text) * len(target.text)))
    return None


class FootnoteMarkers(Rule):
    """A footnote marker is cited in the source paragraph and not in the target one, or the reverse, or elsewhere.

    Missing and extra markers are errors. A marker both versions cite once
    but at very different places is a warning: the footnote is attached to
    another instrument or term. A place is measured from the start and from
    the end of the paragraph, as a fraction of the source's length (the
    target's scaled by the document's length ratio), and the marker is
    reported only when both measures differ by more than ``max_shift``: a
    clause added or dropped on one side of a marker moves one measure, not
    both. Places are not compared when either version is Chinese, whose word
    order moves titles after the clauses describing them. A marker whose number
    stands in the target as plain text or in a broken tag (``thereto,7``,
    ``<sup>11<sup>``) is the markup rule's (MK03), not missing.

    Flags:
        fr: Rappelant sa résolution 2022/18 du 22 juillet 2022<sup>2</sup>,
        zh: 回顾其2022年7月22日第2022/18号决议，

        fr: Rappelant la Convention<sup>3</sup> et son Protocole additionnel,
        en: Recalling the Convention and its Additional Protocol<sup>3</sup>,

    Passes:
        fr: Rappelant sa résolution 2022/18 du 22 juillet 2022<sup>2</sup>,
        zh: 回顾其2022年7月22日第2022/18号决议<sup>2</sup>，

        fr: Rappelant la Convention<sup>3</sup> et son Protocole additionnel,
        en: Recalling the Convention<sup>3</sup> and its Additional Protocol,
    """

    code = "ST08"
    name = "structure.footnote_markers"
    category = "structure"
    severity = "error"
    needs_both_sides = True

    @dataclass(frozen=True)
    class Config:
        """max_shift: how far apart a marker may stand in the two versions, measured from either end of the paragraph as a fraction of its length."""

        max_shift: float = field(default=0.3, metadata={"range": (0, 1)})

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        source = _markers(pair.source.units)
        target = sorted(_markers(pair.target.units) + [stray.number for stray in stray_markers(pair)])
        if source == target:
            yield from self._moved(pair, context)
            return
        line = None
        for unit in pair.target.units:
            for ref in unit.footnotes:
                if ref.number not in source:
                    line = ref.line
        if line is None:  # a marker is missing: point where it would stand, proportionally
            line = _where_missing(pair, [n for n in source if n not in target])
        target_loc = None
        if line is not None:
            target_loc = Location(path=pair.target.doc.path, lang=pair.target.lang, unit=pair.target.unit_id, line=line)
        missing = [n for n in source if n not in target]
        extra = [n for n in target if n not in source]
        parts = []
        if missing:
            parts.append(f"marker {', '.join(map(str, missing))} missing")
        if extra:
            parts.append(f"marker {', '.join(map(str, extra))} not in the source")
        if not parts:
            parts.append("markers cited a different number of times")
        yield self.finding(
            pair,
            f"footnote markers differ in the {pair.target.lang} version: {'; '.join(parts)}",
            expected=", ".join(map(str, source)) or "none",
            found=", ".join(map(str, target)) or "none",
            target=target_loc,
        )

    def _moved(self, pair: Pair, context: Context) -> Iterator[Finding]:
        """Markers cited once on each side, at places further apart than ``max_shift`` from both ends."""
        if len(pair.source.units) != 1 or len(pair.target.units) != 1 or \
                pair.source.lang in _FREE_ORDER or pair.target.lang in _FREE_ORDER:
            return
        src, tgt = pair.source.units[0], pair.target.units[0]
        if not src.text or not tgt.text:
            return
        ratio = context.facts.get("length_ratio", {}).get((pair.source.lang, pair.target.lang))
        expected_length = len(src.text) * (ratio[0] if ratio and ratio[0] > 0 else len(tgt.text) / len(src.text))
        numbers = [ref.number for ref in src.footnotes]
        for s_ref in src.footnotes:
            t_refs = [ref for ref in tgt.footnotes if ref.number == s_ref.number]
            if numbers.count(s_ref.number) != 1 or len(t_refs) != 1:
                continue
            t_ref = t_refs[0]
            from_start = abs(s_ref.offset / len(src.text) - t_ref.offset / expected_length)
            from_end = abs((len(src.text) - s_ref.offset) / len(src.text) - (len(tgt.text) - t_ref.offset) / expected_length)
            if min(from_start, from_end) <= self.config.max_shift:
                continue
            after_source = excerpt(src.text[: s_ref.offset].rstrip()[-30:], 30)
            after_target = excerpt(tgt.text[: t_ref.offset].rstrip()[-30:], 30)
            yield self.finding(
                pair,
                f"footnote marker {s_ref.number} stands elsewhere in the {pair.target.lang} version: "
                f"{t_ref.offset / len(tgt.text):.0%} into the paragraph, {s_ref.offset / len(src.text):.0%} in the source",
                expected=f"after «…{after_source}»",
                found=f"after «…{after_target}»",
                target=Location(path=pair.target.doc.path, lang=pair.target.lang, unit=tgt.id, line=t_ref.line),
                severity="warning",
            )
