"""ST08 structure.footnote_markers."""

from __future__ import annotations

from typing import Iterator

from qa_rules.base import Context, Pair, Rule
from qa_rules.model import Finding, Location


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
    """A footnote marker is cited in the source paragraph and not in the target one, or the reverse.

    Flags:
        fr: Rappelant sa résolution 2022/18 du 22 juillet 2022<sup>2</sup>,
        zh: 回顾其2022年7月22日第2022/18号决议，

    Passes:
        fr: Rappelant sa résolution 2022/18 du 22 juillet 2022<sup>2</sup>,
        zh: 回顾其2022年7月22日第2022/18号决议<sup>2</sup>，
    """

    code = "ST08"
    name = "structure.footnote_markers"
    category = "structure"
    severity = "error"
    needs_both_sides = True

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        source, target = _markers(pair.source.units), _markers(pair.target.units)
        if source == target:
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
