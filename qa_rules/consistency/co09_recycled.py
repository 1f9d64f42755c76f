"""CO09: recycled source text translated differently from the earlier version."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, NamedTuple

from qa_rules.base import Context, Pair, Rule
from qa_rules.model import Finding, Location


class Earlier(NamedTuple):
    """One aligned pair of the earlier version (``check --previous``), paragraph or sentence."""

    source: str
    target: str
    lang: str  # the earlier target's language
    path: str  # the earlier target file
    unit: str
    line: int
    level: str  # "paragraph" or "sentence"


def norm(text: str) -> str:
    return " ".join(text.split())


def _trigrams(text: str) -> set[str]:
    text = norm(text).lower()
    return {text[i:i + 3] for i in range(max(len(text) - 2, 1))}


class RecycledText(Rule):
    """A source paragraph or sentence recycled from the earlier version is translated differently.

    UN resolutions repeat paragraphs from earlier years. Given the earlier source
    and translation (``hexaglot check fr.md en.md --previous old_fr.md old_en.md``),
    each source paragraph identical or nearly identical to an earlier one (chrF
    at or above ``threshold``) should keep the earlier translation: where it does
    not, the earlier wording is reported as ``expected`` (a warning when the
    source is identical, information when it changed slightly). A sentence
    recycled inside a new paragraph is reported when its earlier translation no
    longer appears in the target paragraph. Without ``--previous`` the rule is silent.

    Flags:
        fr: *Rappelant* sa résolution 74/175 du 18 décembre 2019 relative à l'assistance technique,
        en: *Recalling* its resolution 74/175 of 18 December 2019 on technical support,

    Passes:
        fr: *Rappelant* sa résolution 74/175 du 18 décembre 2019 relative à l'assistance technique,
        en: *Recalling* its resolution 74/175 of 18 December 2019 on technical assistance,
    """

    code = "CO09"
    name = "consistency.recycled"
    category = "consistency"
    severity = "warning"
    #: Needs no language data (compares texts with chrF).
    language_independent = True

    @dataclass(frozen=True)
    class Config:
        """threshold: chrF (0-100) of a source paragraph against an earlier source paragraph at or above
        which it counts as recycled (100 = identical only);
        min_chars: shorter paragraphs and sentences are not matched (headings, "Recalling,");
        previous: the earlier version's aligned pairs (``Earlier`` tuples), filled in by
        ``check --previous OLD_SOURCE OLD_TARGET`` (``qa_rules.previous``), empty otherwise."""

        threshold: float = field(default=90.0, metadata={"range": (0, 100)})
        min_chars: int = 30
        previous: tuple[Earlier, ...] = ()

    @classmethod
    def example_config(cls) -> "RecycledText.Config":
        """The earlier version the docstring examples are checked against."""
        return cls.Config(previous=(Earlier(
            "Rappelant sa résolution 74/175 du 18 décembre 2019 relative à l'assistance technique,",
            "Recalling its resolution 74/175 of 18 December 2019 on technical assistance,",
            "en", "example/old_en.md", "pp.1", 1, "paragraph"),))

    def __init__(self, config=None, severity=None) -> None:
        super().__init__(config, severity)
        self._chrf = None  # sacrebleu's CHRF, made on first use: most runs have no --previous
        self._matches: dict[tuple[str, str, str], tuple[Earlier, float] | None] = {}

    def _score(self, hypothesis: str, reference: str) -> float:
        """sacrebleu's sentence chrF (imported on first use: `hexaglot --help` need not load sacrebleu)."""
        if self._chrf is None:
            from sacrebleu.metrics import CHRF

            self._chrf = CHRF()
        return self._chrf.sentence_score(hypothesis, [reference]).score

    def _best(self, text: str, lang: str, level: str) -> tuple[Earlier, float] | None:
        """The earlier pair whose source is closest to ``text`` (chrF >= threshold), cached."""
        key = (text, lang, level)
        if key in self._matches:
            return self._matches[key]
        best: tuple[Earlier, float] | None = None
        grams = _trigrams(text)
        for earlier in self.config.previous:
            if earlier.lang != lang or earlier.level != level:
                continue
            if norm(earlier.source) == text:
                best = (earlier, 100.0)
                break
            if level == "sentence" or self.config.threshold >= 100:
                continue  # sentences: identical only
            shorter, longer = sorted((len(text), len(norm(earlier.source))))
            if shorter < 0.7 * longer:
                continue
            other = _trigrams(earlier.source)
            if len(grams & other) < 0.5 * min(len(grams), len(other)):
                continue
            score = self._score(text, norm(earlier.source))
            if score >= self.config.threshold and (best is None or score > best[1]):
                best = (earlier, score)
        self._matches[key] = best
        return best

    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        if not self.config.previous or pair.source.missing or pair.target.missing:
            return
        source, target = norm(pair.source.text), norm(pair.target.text)
        lang = pair.target.lang
        if len(source) < self.config.min_chars:
            return
        match = self._best(source, lang, "paragraph")
        if match is not None:
            earlier, score = match
            if norm(earlier.target) == target:
                return
            identical = score >= 100.0
            against = self._score(target, norm(earlier.target))
            where = f"{earlier.path} {earlier.unit} (line {earlier.line})"
            yield self.finding(
                pair,
                (f"source identical to the earlier text ({where}) but translated differently"
                 if identical else
                 f"source nearly identical to the earlier text ({where}, chrF {score:.1f})"
                 " but translated differently")
                + f" (chrF {against:.1f} against the earlier translation)",
                expected=norm(earlier.target),
                found=target,
                severity=None if identical else "info",
            )
            return
        for unit in pair.source.units:
            for sentence in unit.sentences:
                text = norm(sentence.text)
                if len(text) < self.config.min_chars or len(unit.sentences) < 2:
                    continue
                found = self._best(text, lang, "sentence")
                if found is None or norm(found[0].target) in target:
                    continue
                earlier = found[0]
                yield self.finding(
                    pair,
                    f"sentence recycled from the earlier text ({earlier.path} {earlier.unit}, line {earlier.line}); "
                    "its earlier translation is not in the target",
                    expected=norm(earlier.target),
                    found=target,
                    source=Location(pair.source.doc.path, pair.source.lang, unit.id, sentence.line),
                    severity="info",
                )
