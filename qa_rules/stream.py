"""A run's findings streamed to the report, in report order, in bounded memory.

The engine (``qa_rules.engine.check_stream``) hands each finding to a ``FindingStream`` as the
rules find it. The stream drops accepted findings (counting them), and writes the others to a
``SortedSpill`` keyed by report order (``engine.sort_key``), so that memory holds one chunk of
findings whatever their number. Iterating the stream reads them back in report order, as
``(finding, version language or None)``, with what the report does to the whole list done on the
way:

- systematic patterns (``qa_rules.systematic``): a kind's findings wait apart until the rules
  have run; those of a kind that qualified are read once and dropped, its one grouped finding
  (with its counts and first places) stands for them;
- causes (``qa_rules.causes``): one reading collects the causes (findings whose rule explains
  others), a second the findings they may explain (``CauseIndex``), and ``fold_plan`` decides on
  those alone; the report's reading folds them under their causes;
- versions that are not translations (``Rule.supersedes_version``): their findings are counted and
  withheld, the superseding finding says how many.

A finding found twice (the same id) is reported once, as first found: every finding's id goes to a
third spill, keyed by id, with the number of its adding; once the rules have run (``set_grouper``)
one reading of it finds the ids added more than once, and the later copies are skipped when read.
What stays in memory grows with the causes and the findings they explain (a dropped paragraph and
the numbering gap it leaves), the accepted ids, the copies of a finding found twice and the
documents; not with the findings themselves nor with their ids. ``tally`` holds the
summary (``Report.summary``) once the stream has been read through.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, Iterator, Mapping, Sequence

from qa_rules.accept import AcceptEntry
from qa_rules.causes import CauseIndex, fold_plan, most_severe, relations_of
from qa_rules.model import CATEGORIES, SEVERITIES, Finding, severity_rank
from qa_rules.spill import SortedSpill


@dataclass
class Tally:
    """The report's summary counts, added up finding by finding (``Report.summary``)."""

    languages: tuple[str, ...]
    total: int = 0
    occurrences: int = 0
    systematic: int = 0
    consequences: int = 0
    by_severity: Counter = field(default_factory=Counter)
    by_category: Counter = field(default_factory=Counter)
    by_language: Counter = field(default_factory=Counter)
    #: Findings by the most severe of their own severity and their consequences' (``--fail-on``).
    by_most_severe: Counter = field(default_factory=Counter)

    def add(self, finding: Finding, version: str) -> None:
        self.total += 1
        self.occurrences += finding.count
        self.systematic += finding.grouped
        self.consequences += len(finding.consequences)
        self.by_severity[finding.severity] += 1
        self.by_category[finding.category] += 1
        self.by_language[version] += 1
        self.by_most_severe[most_severe(finding)] += 1

    def at_or_above(self, severity: str) -> int:
        """How many findings are at least as severe as ``severity`` or explain one that is."""
        if severity == "never":
            return 0
        limit = severity_rank(severity)
        return sum(n for s, n in self.by_most_severe.items() if severity_rank(s) <= limit)

    def summary(self, accepted: int, stale: Sequence[AcceptEntry], withheld: Mapping[str, int]) -> dict[str, Any]:
        return {
            "total": self.total,
            "occurrences": self.occurrences,
            "systematic": self.systematic,
            "consequences": self.consequences,
            "by_severity": {s: self.by_severity.get(s, 0) for s in SEVERITIES},
            "by_category": {c: self.by_category[c] for c in CATEGORIES if self.by_category.get(c)},
            "by_language": {lang: self.by_language[lang] for lang in self.languages if self.by_language.get(lang)},
            "accepted": accepted,
            "stale_accepts": [entry.id for entry in stale],
            "withheld": {lang: withheld[lang] for lang in self.languages if withheld.get(lang)},
        }


class FindingStream:
    """The findings of one run, added as found, read back in report order (see the module).

    ``rules``: the run's rules (what explains what, what supersedes a version);
    ``documents``: the run's documents by language; ``accept``: the reviewer's accepted ids.
    Add every finding (``add``), then the grouper (``set_grouper``), then read.
    """

    def __init__(self, rules: Sequence[Any], documents: Mapping[str, Any], accept: Sequence[AcceptEntry] = (),
                 languages: Sequence[str] = ()) -> None:
        self.rules = rules
        self.documents = documents
        self.accept = tuple(accept)
        self.wanted = {entry.id for entry in self.accept}
        self.present: set[str] = set()
        self.accepted = 0
        #: Findings kept so far (accepted ones aside): each item carries its number, in the order added.
        self.added = 0
        #: ``(id as a number, the finding's number)`` of every finding kept, by id (``_copies``).
        self.ids = SortedSpill()
        #: The numbers of the findings whose id an earlier finding has (known once adding is done).
        self.copies: set[int] | None = None
        self.spill = SortedSpill()
        #: Findings of a systematic kind not yet known to qualify, apart: most are never read back.
        self.waiting = SortedSpill()
        self.languages = tuple(languages)
        self._plan: tuple | None = None
        #: The version of each finding folded under a cause (by id), when the pair said so.
        self.consequence_versions: dict[str, str] = {}

    # -- adding -------------------------------------------------------------------------

    def add(self, finding: Finding, key: tuple, order: tuple, version: str | None, group: int = -1) -> None:
        """``finding`` at ``key`` (report order), ``order`` breaking ties (the order it would have
        been found in); ``version``: the language it concerns when the pair said so; ``group``:
        the systematic kind it waits on (skipped if that kind becomes one finding)."""
        found = finding.id
        if self.wanted and found in self.wanted:
            if found not in self.present:  # counted as first found
                self.present.add(found)
                if group < 0:
                    self.accepted += 1
            return
        number = self.added
        self.added += 1
        self.ids.add(int(found, 16), (int(found, 16), number))
        if group >= 0:
            self.waiting.add((key, order), (finding, version, group, key, order, number))
        else:
            self.spill.add((key, order), (finding, version, number))

    def _copies(self) -> set[int]:
        """The numbers of the findings an earlier one has the id of (read from the ids' spill once)."""
        if self.copies is None:
            copies, last = set(), None
            for found, number in self.ids:  # by id, then in the order added: the first of an id is kept
                if found == last:
                    copies.add(number)
                last = found
            self.ids.close()
            self.copies = copies
        return self.copies

    def set_grouper(self, qualified: Any) -> None:
        """Once the rules have run, ``qualified(group)``: whether a systematic kind became one finding.
        The findings of the kinds that did not are reported one by one; the others' are dropped."""
        copies = self._copies()
        for finding, version, group, key, order, number in self.waiting:
            if not qualified(group) and number not in copies:
                self.spill.add((key, order), (finding, version, number))
        self.waiting.close()

    @property
    def stale(self) -> tuple[AcceptEntry, ...]:
        return tuple(entry for entry in self.accept if entry.id not in self.present)

    # -- reading ------------------------------------------------------------------------

    def _records(self) -> Iterator[tuple[Finding, str | None]]:
        """Every finding kept, in report order, before folding and withholding."""
        copies = self._copies()
        for finding, version, number in self.spill:
            if number not in copies:
                yield finding, version

    def unfolded(self) -> Iterator[tuple[Finding, str | None]]:
        """``(finding, version or None)`` in report order, neither folded nor withheld: for a
        caller that merges several runs into one report and folds and withholds once."""
        yield from self._records()

    def _version(self, finding: Finding, version: str | None) -> str:
        if version:
            return version
        side = finding.target or finding.source
        return side.lang if side else ""

    def plan(self) -> tuple[dict[int, tuple[Finding, ...]], set[int], dict[str, int], tuple[str, ...]]:
        """(consequences by the cause's position, positions folded, withheld per version, notices)."""
        if self._plan is not None:
            return self._plan
        relations = relations_of(self.rules)
        superseding = {rule.code for rule in self.rules if getattr(rule, "supersedes_version", False)}
        causes, supersede = [], []
        per_version: Counter = Counter()
        for position, (finding, version) in enumerate(self._records()):
            if finding.rule in relations and not finding.grouped:
                causes.append((position, finding, version))
            if superseding:
                if finding.rule in superseding:
                    if finding.target is not None:
                        supersede.append((position, finding, version))
                else:
                    per_version[self._version(finding, version)] += 1
        under: dict[int, tuple[Finding, ...]] = {}
        folded: set[int] = set()
        if causes:
            index = CauseIndex(((f, v) for _, f, v in causes), self.rules, self.documents)
            cause_at = {position for position, _, _ in causes}
            subset = [(p, f, v) for p, f, v in causes]
            for position, (finding, version) in enumerate(self._records()):
                if position not in cause_at and index.may_explain(finding):
                    subset.append((position, finding, version))
            subset.sort(key=lambda entry: entry[0])
            versions = {f.id: v for _, f, v in subset if v}
            plan = fold_plan([f for _, f, _ in subset], self.rules, self.documents, versions)
            for i, explained in plan.items():
                under[subset[i][0]] = tuple(subset[j][1] for j in explained)
                for j in explained:
                    position, finding, version = subset[j]
                    folded.add(position)
                    if version:
                        self.consequence_versions[finding.id] = version
                    if superseding and finding.rule not in superseding:
                        per_version[self._version(finding, version)] -= 1
        withheld = {self._version(f, v): 0 for p, f, v in supersede if p not in folded}
        for lang in withheld:
            withheld[lang] = per_version.get(lang, 0)
        notices = []
        for position, finding, version in supersede:
            lang = self._version(finding, version)
            if position in folded:
                continue
            notices.append(f"{finding.target.path}: {withheld[lang]} finding(s) withheld: the {lang} version does "
                           f"not appear to be a translation of the source ({finding.rule}); accept that finding "
                           "to see them")
        self._plan = (under, folded, withheld, tuple(notices))
        return self._plan

    @property
    def withheld(self) -> dict[str, int]:
        """Findings withheld per version (only versions with some)."""
        return {lang: n for lang, n in self.plan()[2].items() if n}

    @property
    def notices(self) -> tuple[str, ...]:
        return self.plan()[3]

    def __iter__(self) -> Iterator[tuple[Finding, str | None]]:
        """``(finding, version or None)`` in report order: folded, withheld, as the report shows them."""
        under, folded, withheld, _ = self.plan()
        superseding = {rule.code for rule in self.rules if getattr(rule, "supersedes_version", False)}
        for position, (finding, version) in enumerate(self._records()):
            if position in folded:
                continue
            lang = self._version(finding, version)
            if lang in withheld:  # a version a superseding finding says is not a translation
                if finding.rule not in superseding:
                    continue
                if finding.target is not None:
                    n = withheld.get(lang, 0)
                    said = f"{n} finding(s) on this version withheld" if n else "no other finding on this version"
                    finding = replace(finding, message=f"{finding.message}. {said}")
            if position in under:
                finding = replace(finding, consequences=under[position])
            yield finding, version

    def close(self) -> None:
        self.spill.close()
        self.waiting.close()
        self.ids.close()
