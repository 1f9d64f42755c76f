"""Systematic patterns: the same problem many times in a version is one finding with a count.

A text tokenised with spaces around punctuation has a space before every
semicolon: a reviser wants to read that once, with the number of times and
where, not 280 times. After the rules run, the engine hands every finding to
a ``Grouper``. A finding whose rule names its kind (``Rule.pattern``: SP02
says ``space before ';'``) is held with the others of its kind in the same
version (same rule, same source and target documents); when the kind occurs
at least ``Systematic.min_count`` times, in at least ``min_share`` of the
version's paragraphs (pairs), the group becomes one finding: its message
says how many times and gives the first lines, ``count`` is the number of
occurrences and ``places`` every distinct place (unit and line), in document
order. A kind below the threshold gives its findings back one by one, as if
no grouping were done::

    >>> from qa_rules.examples import example_alignment
    >>> from qa_rules.engine import check
    >>> from qa_rules.spacing.sp02_space_before_punctuation import SpaceBeforePunctuation
    >>> texts = {"fr": "Prie l'Office de faire rapport ; invite les États ; décide",
    ...          "en": "Requests the Office to report ; invites States ; decides ; notes ; urges ; calls"}
    >>> report = check(example_alignment(texts), [SpaceBeforePunctuation],
    ...                systematic=Systematic(min_count=3, min_share=0.5))
    >>> [(f.rule, f.count) for f in report.findings]
    [('SP02', 5)]

The grouped finding's id is a hash of the rule, the two documents and the
kind (not of the places or the count), so accepting it keeps working as the
text changes; a finding accepted on its own before is still hidden (and
counted as accepted), never folded into a group. Only the first
``min_count`` findings of a kind are held in full; once the kind qualifies,
further occurrences are kept as places only, so a run over a large tokenised
text does not hold hundreds of thousands of findings.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator, Sequence

from qa_rules.base import Pair, Rule
from qa_rules.model import Finding, Location, severity_rank

#: How many lines a grouped finding's message names before "…".
SHOWN_PLACES = 5
#: How many distinct messages a group counts (and the grouped message names the first few).
KEPT_MESSAGES = 20
SHOWN_MESSAGES = 4
_QUOTED_CHARACTER = re.compile(r"""('[^']'|"[^"]")""")


def any_character(message: str) -> str:
    """A rule's message with the punctuation mark it names made general: ``space before ','
    in en`` -> ``space before punctuation in en`` (a kind of spacing error, whatever the mark)."""
    return _QUOTED_CHARACTER.sub("punctuation", message)


@dataclass(frozen=True)
class Systematic:
    """When a kind of finding becomes one systematic finding.

    min_count: at least this many occurrences in the version (0: never group).
    min_share: and in at least this share of the version's paragraphs (pairs with a target).
    """

    min_count: int = 5
    min_share: float = field(default=0.1, metadata={"range": (0, 1)})

    @property
    def enabled(self) -> bool:
        return self.min_count > 0


@dataclass
class _Group:
    """The findings of one kind in one version, while the rules run."""

    kind: str
    lang: str
    first: Finding
    held: list[Finding]
    count: int = 0
    severity: str = "info"
    #: (unit, line) -> its place, in the order found.
    places: dict[tuple[str | None, int | None], Location] = field(default_factory=dict)
    units: set = field(default_factory=set)
    qualified: bool = False
    #: The rule's own messages and how often each came (the kind may cover several).
    messages: Counter = field(default_factory=Counter)

    def add(self, finding: Finding) -> None:
        self.count += 1
        if finding.message in self.messages or len(self.messages) < KEPT_MESSAGES:
            self.messages[finding.message] += 1
        if severity_rank(finding.severity) < severity_rank(self.severity):
            self.severity = finding.severity
        target = finding.target
        if target is not None:
            self.places.setdefault((target.unit, target.line), target)
            self.units.add(target.unit)
        if not self.qualified:
            self.held.append(finding)


class Grouper:
    """Collects the findings of a run and folds systematic patterns (see the module)."""

    def __init__(self, pairs: Sequence[Pair], settings: Systematic = Systematic(),
                 accepted: Iterable[str] = ()) -> None:
        self.settings = settings
        self.accepted = frozenset(accepted)
        #: Paragraphs of each version: the pairs whose target has text.
        self.paragraphs = Counter(pair.target.lang for pair in pairs if not pair.target.missing)
        self.groups: dict[tuple, _Group] = {}

    def take(self, rule: Rule, finding: Finding, lang: str) -> bool:
        """Keep ``finding`` to be grouped (True), or leave it to the caller (False): its rule
        names no kind for it, it has no target, or a reviewer accepted it by its own id."""
        if not self.settings.enabled or finding.target is None or (self.accepted and finding.id in self.accepted):
            return False
        kind = rule.pattern(finding)
        if kind is None:
            return False
        source = finding.source
        key = (finding.rule, lang, source.path if source else "", finding.target.path, kind)
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = _Group(kind=kind, lang=lang, first=finding, held=[])
        group.add(finding)
        if not group.qualified and self._qualifies(group):
            group.qualified, group.held = True, []  # from now on, places only
        return True

    def _qualifies(self, group: _Group) -> bool:
        paragraphs = self.paragraphs.get(group.lang, 0)
        return group.count >= self.settings.min_count and len(group.units) >= self.settings.min_share * paragraphs

    def findings(self) -> Iterator[tuple[Finding, str]]:
        """``(finding, version language)``: one per systematic pattern, and the held findings
        of every kind that did not make one."""
        for group in self.groups.values():
            if group.qualified:
                yield grouped_finding(group.first, group.kind, group.count, group.severity,
                                      tuple(group.places.values()), len(group.units), group.messages), group.lang
            else:
                for finding in group.held:
                    yield finding, group.lang


def grouped_finding(first: Finding, kind: str, count: int, severity: str,
                    places: Sequence[Location], units: int, messages: Counter | None = None) -> Finding:
    """The one finding standing for ``count`` occurrences of ``kind`` at ``places``.

    Its sides name the documents, not a unit (the unit ids are in ``places``),
    and its lines are the first occurrence's, so that it sorts where the
    pattern begins; the message names the rule's own messages it covers, most
    frequent first (``messages``: ``space before ','`` 203 times, ``space before
    '.'`` 12 times), when they say more than the kind; ``found`` is the kind, which, with the rule and the two
    documents, makes its id; ``expected`` is the first occurrence's.
    """
    ordered = tuple(sorted(places, key=lambda p: (p.line is None, p.line or 0)))
    shown = ", ".join(str(p.line) for p in ordered[:SHOWN_PLACES] if p.line is not None)
    more = " …" if len(ordered) > SHOWN_PLACES else ""
    message = (f"{kind}: {count} times in this version, in {units} paragraph(s), lines {shown}{more} "
               "(a systematic pattern, reported once)")
    if messages and (len(messages) > 1 or kind not in messages):
        common = messages.most_common()
        message += ": " + ", ".join(f"{text} ({n})" for text, n in common[:SHOWN_MESSAGES])
        message += ", …" if len(common) > SHOWN_MESSAGES else ""
    return Finding(
        rule=first.rule,
        name=first.name,
        category=first.category,
        severity=severity,
        source=replace(first.source, unit=None) if first.source else None,
        target=replace(ordered[0], unit=None) if ordered else first.target,
        message=message,
        expected=first.expected,
        found=kind,
        count=count,
        places=ordered,
    )
