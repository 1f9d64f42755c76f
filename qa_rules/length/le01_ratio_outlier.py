"""LE01: a target paragraph much shorter or longer than its source, for that language pair."""

from __future__ import annotations

import math
import re
import statistics
from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

from qa_rules import langdata
from qa_rules.base import Context, Pair, Rule
from qa_rules.candidates import Candidates, location, side_at
from qa_rules.langdata import UnsupportedLanguageError
from qa_rules.model import Finding, Location
from qa_rules.pairing import numbers_kept
from qa_rules.punctuation.langfacts import language_data
from qa_rules.references.extract import reference_spans
from qa_rules.untranslated.detect import left_untranslated

#: Runs of letters (counted by their lengths: one match a run, not one a letter).
_LETTERS = re.compile(r"[^\W\d_]+")
#: Scale factor that makes the MAD estimate a standard deviation (normal data).
MAD_TO_SD = 1.4826


@lru_cache(maxsize=8192)
def letters(text: str, lang: str | None = None) -> int:
    """Letters: what carries the wording (spaces, punctuation and digits vary by language).

    Text the language's data says to leave out is not counted first (the
    Arabic double month names ``أيلول/سبتمبر`` count once).
    """
    if lang is not None:
        try:
            ignore = language_data(lang)["length"].get("ignore", ())
        except UnsupportedLanguageError:  # a language without data (lines input): nothing to leave out
            ignore = ()
        for pattern in ignore:
            text = re.sub(pattern, "", text)
    return sum(map(len, _LETTERS.findall(text)))


def prior_log_ratio(source: str, target: str) -> float:
    """log(target/source length) expected from the languages' typical density (langdata)."""
    return math.log(language_data(target)["length"]["density"] / language_data(source)["length"]["density"])


def _wording(side) -> str:
    """The side's text without its references: a Treaty Series citation is written by each
    language's convention (fn.7 of E/RES/2023/26: «vol. 2225, 2237, 2241 et 2326, n° 39574»,
    «المجلدات 2225 و 2237 و 2241 و 2326، الرقم 39574»), not translated wording."""
    text = side.text
    if not langdata.supported(side.lang):
        return text
    for start, end in sorted(reference_spans(text, side.lang), reverse=True):
        text = text[:start] + " " + text[end:]
    return text


def _misnumbered(pair: Pair, renumbered: bool = False) -> bool:
    """A row pairing operative paragraphs of different numbers (a misalignment), in a version
    that kept the source's numbers (not ``renumbered``: a version whose translator numbered
    1..n after dropping a paragraph, where the numbers differ from where it was)."""
    if pair.source.missing or pair.target.missing or renumbered:
        return False
    src, tgt = pair.source.units[0].number, pair.target.units[0].number
    return src is not None and tgt is not None and src != tgt


@dataclass(frozen=True)
class PairStats:
    """Robust centre and spread of log(target/source) for one language pair."""

    centre: float
    spread: float
    n: int
    measured: bool


class LengthOutlier(Rule):
    """A target paragraph is much shorter (omission?) or longer (addition?) than its source.

    The yardstick is the language pair's own ratio in this document: the median
    and the median absolute deviation of log(target/source) over all aligned
    paragraphs (letters counted, outside references such as Treaty Series
    citations; header lines left out). A paragraph is flagged
    when its log ratio lies more than ``threshold`` robust deviations from the
    median and at least ``min_deviation`` away (so a very uniform document does
    not turn small differences into findings). Merged or split paragraphs are
    left to the structure rules; a source and a target paragraph the alignment
    left unpaired side by side, or paired across operative numbers, are
    re-paired by number and measured; a paragraph left as its source is the
    untranslated rules' (UT01, UT02). With fewer than ``min_pairs`` paragraphs
    the languages' typical density (langdata) stands in.

    Flags:
        fr: Prie l'Office de continuer à aider les États Membres qui en font la demande à renforcer la sécurité de leurs frontières et à utiliser les renseignements préalables concernant les voyageurs ;
        en: Requests the Office to continue to assist requesting Member States;

    Passes:
        fr: Prie l'Office de continuer à aider les États Membres qui en font la demande à renforcer la sécurité de leurs frontières et à utiliser les renseignements préalables concernant les voyageurs ;
        en: Requests the Office to continue to assist requesting Member States in strengthening their border security and in using advance passenger information;
    """

    code = "LE01"
    name = "length.ratio_outlier"
    category = "length"
    severity = "warning"

    @dataclass(frozen=True)
    class Config:
        """threshold: robust deviations (MAD x 1.4826) from the median that make an outlier;
        min_deviation: smallest |log ratio - median| flagged (0.2 = about 22 %; a clause dropped from a long paragraph);
        min_letters: shorter sources (symbols, short footnotes) are not judged;
        min_pairs: fewer measured paragraphs and the langdata density is the yardstick;
        prior_spread: the spread assumed with the langdata density;
        roles: the unit roles measured (header lines, ``meta``, are not);
        noise: the extra spread of a paragraph of n letters is noise / sqrt(n)."""

        threshold: float = 4.0
        min_deviation: float = 0.2
        min_letters: int = 25
        min_pairs: int = 8
        prior_spread: float = 0.15
        roles: tuple[str, ...] = ("title", "preambular", "operative", "footnote", "closing", "segment")
        noise: float = 0.6

    def begin_document(self, context: Context) -> _Lengths:
        return _Lengths()

    def fold(self, state: _Lengths, pair: Pair, context: Context) -> None:
        lang = pair.target.lang
        if lang not in state.renumbered:  # the language's first pair: are its numbers the source's?
            state.renumbered[lang] = not numbers_kept(pair.source.doc, pair.target.doc)
        misnumbered = _misnumbered(pair, state.renumbered[lang])
        value = None if misnumbered else self._measure(pair)
        if value is not None:
            state.values.setdefault(lang, array("d")).append(value[1])
            self._hold(state, (lang, 0), value)
        # source and target paragraphs left unpaired (or paired across operative numbers) side by
        # side, re-paired when a full pair ends their run (``_orphan_pairs``)
        if pair.source.missing and pair.target.missing:
            return
        if pair.source.missing or pair.target.missing or misnumbered:
            sources, targets = state.runs.setdefault(lang, ([], []))
            if not pair.source.missing:
                sources.append(pair)
            if not pair.target.missing:
                targets.append(pair)
        elif lang in state.runs:
            self._repaired(state, lang)

    def end_document(self, state: _Lengths, context: Context) -> Iterator[Finding]:
        for lang in list(state.runs):
            self._repaired(state, lang)
        stats: dict[str, PairStats] = {}
        # the outliers, by language, the pairs as measured first, then those re-paired
        outliers: dict[tuple[str, int], list] = {}
        for group, value, size, untranslated, source_at, target_at in state.places:
            lang = group[0]
            if lang not in stats:
                stats[lang] = self.stats(context.alignment.pivot, lang, state.values.pop(lang, ()))
            deviation = value - stats[lang].centre
            # short paragraphs vary more: add a counting noise of about 1/sqrt(letters)
            spread = math.hypot(stats[lang].spread, self.config.noise / math.sqrt(size))
            if abs(deviation) < self.config.min_deviation or abs(deviation) < self.config.threshold * spread:
                continue
            if untranslated:
                continue  # the source left as it is: reported once, as untranslated (UT01, UT02)
            outliers.setdefault(group, []).append((source_at, target_at, value))
        for group in sorted(outliers):
            for source_at, target_at, value in outliers[group]:
                yield self._finding(location(source_at), location(target_at), value, stats[group[0]])

    def _hold(self, state: _Lengths, group: tuple[str, int], measured: tuple[Pair, float, int]) -> None:
        """Keep a measured pair's place until the language's median is known."""
        pair, value, size = measured
        state.places.add((group, value, size, left_untranslated(pair), side_at(pair.source), side_at(pair.target)))

    def _repaired(self, state: _Lengths, lang: str) -> None:
        """Measure what ``_orphan_pairs`` re-pairs in the run of ``lang`` that just ended."""
        for pair in self._orphan_pairs(*state.runs.pop(lang)).get(lang, ()):
            measured = self._measure(pair)
            if measured is not None:
                self._hold(state, (lang, 1), measured)

    def _measure(self, pair: Pair) -> tuple[Pair, float, int] | None:
        """(pair, log length ratio, smaller letter count), or None if not measured."""
        if pair.source.missing or pair.target.missing or not self.applies_to(pair.target.lang):
            return None
        if pair.source.units[0].role not in self.config.roles:
            return None
        if len(pair.source.units) != len(pair.target.units):
            return None  # merged or split paragraphs: the structure rules report them
        src, tgt = letters(_wording(pair.source), pair.source.lang), letters(_wording(pair.target), pair.target.lang)
        if src < self.config.min_letters or tgt == 0:
            return None
        return pair, math.log(tgt / src), min(src, tgt)

    @staticmethod
    def _orphan_pairs(sources: list[Pair], targets: list[Pair]) -> dict[str, list[Pair]]:
        """Source and target paragraphs the alignment left unpaired (or paired
        across operative numbers) next to each other: ``sources`` and ``targets``, one run of
        such pairs of one language, in order.

        A paragraph cut in half may be too short for the aligner to pair it
        with its source (a 1-0 and a 0-1 row side by side), or be passed over
        for a lengthened neighbour (op.15 paired with op.16). Between two rows
        that pair a source and a target paragraph of the same number, such
        paragraphs are re-paired: operative ones by number, others by role in
        order, and measured as pairs.
        """
        result: dict[str, list[Pair]] = {}
        for src in sources:
            unit = src.source.units[0]
            match = next((t for t in targets if t.target.units[0].role == unit.role
                          and (unit.number is None or t.target.units[0].number == unit.number)), None)
            if match is None:
                continue
            targets.remove(match)
            result.setdefault(match.target.lang, []).append(
                Pair(source=src.source, target=match.target, row=match.row, index=match.index))
        return result

    def stats(self, source: str, target: str, values: list[float]) -> PairStats:
        if len(values) >= self.config.min_pairs:
            centre = statistics.median(values)
            mad = statistics.median(abs(v - centre) for v in values)
            return PairStats(centre, MAD_TO_SD * mad, len(values), True)
        try:
            prior = prior_log_ratio(source, target)
        except UnsupportedLanguageError:  # no language data: too few paragraphs to judge
            return PairStats(0.0, math.inf, len(values), False)
        return PairStats(prior, self.config.prior_spread, len(values), False)

    def _finding(self, source: Location, target: Location, value: float, stats: PairStats) -> Finding:
        ratio, usual = math.exp(value), math.exp(stats.centre)
        kind = "shorter" if value < stats.centre else "longer"
        what = "an omission?" if kind == "shorter" else "an addition?"
        basis = f"median of {stats.n} paragraphs" if stats.measured else "typical for the languages"
        return self.finding(
            None,
            # one measure throughout, the one expected and found give (not a percentage beside it)
            f"the {target.lang} paragraph is {ratio:.2f} times as long as the {source.lang} one, "
            f"where about {usual:.2f} is usual ({kind}: {what})",
            expected=f"length ratio about {usual:.2f} ({basis})",
            found=f"length ratio {ratio:.2f}",
            source=source,
            target=target,
        )


@dataclass
class _Lengths:
    """What LE01 keeps of a run: by language, whether its numbers are the source's, the log
    length ratios measured (for the median), the run of unpaired paragraphs under way, and the
    place of every measured pair in the run's order (``Candidates``): once the medians are known,
    one reading keeps the outliers, reported by language."""

    renumbered: dict[str, bool] = field(default_factory=dict)
    values: dict[str, array] = field(default_factory=dict)
    runs: dict[str, tuple[list[Pair], list[Pair]]] = field(default_factory=dict)
    places: Candidates = field(default_factory=Candidates)
