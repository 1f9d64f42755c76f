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
counted as accepted), never folded into a group. A kind's findings are held
in full only until it qualifies (and, past ``hold_limit`` held in all, handed
to the caller, who writes them to disk); from then on a group holds its counts, its
first ``KEPT_PLACES`` places and at most ``KEPT_MESSAGES`` messages, so a run
over a large tokenised text holds the same per pattern at 50,000 pairs as at
1,000.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Iterator, Sequence

from qa_rules.base import Pair, Rule
from qa_rules.model import SEVERITIES, Finding, Location

#: How many findings the groups of a run hold while their kinds have not qualified, before they
#: are handed to the caller (``Grouper(overflow=...)``).
HOLD_LIMIT = 2000
#: How many lines a grouped finding's message names before "…".
SHOWN_PLACES = 5
#: How many places (the first, in document order) a grouped finding lists; beyond, it counts them
#: (``Finding.place_count``): a pattern over 10,000 paragraphs is held in the same memory as one over 1,000.
KEPT_PLACES = 200
#: How many distinct messages a group counts (and the grouped message names the first few).
KEPT_MESSAGES = 20
SHOWN_MESSAGES = 4
_QUOTED_CHARACTER = re.compile(r"""('[^']'|"[^"]")""")


#: Severities by rank (lower is more severe), looked up once per finding a group takes.
_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}


@lru_cache(maxsize=4096)
def any_character(message: str) -> str:
    """A rule's message with the punctuation mark it names made general: ``space before ','
    in en`` -> ``space before punctuation in en`` (a kind of spacing error, whatever the mark).
    A tokenised version repeats a handful of messages thousands of times: each is made general once."""
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
    """The findings of one kind in one version, while the rules run: counts, and the first
    ``KEPT_PLACES`` places in document order (memory does not grow with the version)."""

    kind: str
    lang: str
    first: Finding
    held: list[Finding]
    #: Its rank among the run's groups, in the order they were made.
    number: int = 0
    count: int = 0
    severity: str = "info"
    #: The first places (by line) found so far, each once, in the order found (sorted when shown).
    places: list[Location] = field(default_factory=list)
    #: Distinct places and distinct units (paragraphs) found.
    place_count: int = 0
    unit_count: int = 0
    qualified: bool = False
    #: The rule's own messages and how often each came (the kind may cover several).
    messages: Counter = field(default_factory=Counter)
    #: The pair the last finding came from, and the places and units seen on it: a rule's findings
    #: on two pairs are on different units (the pairs share no unit), so telling places apart
    #: needs only those of the current pair. Findings on no pair (``check_document``) are told
    #: apart in ``loose``.
    at: object = None
    recent: set = field(default_factory=set)
    loose: set = field(default_factory=set)

    def add(self, finding: Finding, at: object = None) -> None:
        self.count += 1
        message, messages = finding.message, self.messages
        if message in messages:
            messages[message] += 1
        elif len(messages) < KEPT_MESSAGES:
            messages[message] = 1
        severity = finding.severity
        if severity != self.severity and _RANK[severity] < _RANK[self.severity]:
            self.severity = severity
        target = finding.target
        if target is not None:
            if at is None:
                seen = self.loose
            else:
                if at != self.at:
                    self.at, self.recent = at, set()
                seen = self.recent
            if ("unit", target.unit) not in seen:
                seen.add(("unit", target.unit))
                self.unit_count += 1
            if (target.unit, target.line) not in seen:
                seen.add((target.unit, target.line))
                self.place_count += 1
                self.places.append(target)
                if len(self.places) >= 2 * KEPT_PLACES:
                    self.places = first_places(self.places)
        if not self.qualified:
            self.held.append(finding)


def _by_line(place: Location) -> tuple[bool, int]:
    return (place.line is None, place.line or 0)


def first_places(places: Sequence[Location]) -> list[Location]:
    """The first ``KEPT_PLACES`` of ``places`` in document order (a stable sort: places on one
    line stay in the order found)."""
    return sorted(places, key=_by_line)[:KEPT_PLACES]


class Grouper:
    """Collects the findings of a run and folds systematic patterns (see the module)."""

    def __init__(self, pairs: Sequence[Pair], settings: Systematic = Systematic(),
                 accepted: Iterable[str] = (), overflow: Callable[[_Group, Finding], None] | None = None,
                 hold_limit: int | None = None) -> None:
        """A kind's findings are held by its group (``_Group.held``) until it qualifies; ``overflow``:
        where they go when the groups hold more than ``hold_limit`` in all (None: no limit): the
        groups' held findings are handed to it, in order, and the groups hold none until the next
        time; a caller that writes them elsewhere skips those of a group that qualified."""
        self.settings = settings
        self.enabled = settings.enabled
        self.overflow = overflow
        self.hold_limit = hold_limit or HOLD_LIMIT
        self.holding = 0
        self.accepted = frozenset(accepted)
        #: Paragraphs of each version: the pairs whose target has text.
        self.paragraphs = Counter(pair.target.lang for pair in pairs if not pair.target.missing)
        self.groups: dict[tuple, _Group] = {}

    def take(self, rule: Rule, finding: Finding, lang: str, at: object = None) -> bool:
        """Keep ``finding`` to be grouped (True), or leave it to the caller (False): its rule
        names no kind for it, it has no target, or a reviewer accepted it by its own id. ``at``
        names the pair it was found on (None: the document)."""
        if not self.enabled or finding.target is None or (self.accepted and finding.id in self.accepted):
            return False
        kind = rule.pattern(finding)
        if kind is None:
            return False
        source = finding.source
        key = (finding.rule, lang, source.path if source else "", finding.target.path, kind)
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = _Group(kind=kind, lang=lang, first=finding, held=[], number=len(self.groups))
        group.add(finding, at)
        if group.qualified:
            return True
        self.holding += 1
        if self._qualifies(group):
            self.holding -= len(group.held)
            group.qualified, group.held = True, []  # from now on, counts and the first places only
        elif self.overflow is not None and self.holding > self.hold_limit:
            self.release()
        return True

    def release(self) -> None:
        """Hand every held finding to ``overflow`` (group by group, in the order found)."""
        assert self.overflow is not None
        for group in self.groups.values():
            for finding in group.held:
                self.overflow(group, finding)
            group.held = []
        self.holding = 0

    def _qualifies(self, group: _Group) -> bool:
        paragraphs = self.paragraphs.get(group.lang, 0)
        return group.count >= self.settings.min_count and group.unit_count >= self.settings.min_share * paragraphs

    def grouped(self) -> Iterator[tuple[_Group, Finding]]:
        """``(group, its one finding)`` for every kind that became a systematic pattern."""
        for group in self.groups.values():
            if group.qualified:
                yield group, grouped_finding(group.first, group.kind, group.count, group.severity, group.places,
                                             group.unit_count, group.messages, group.place_count)

    def findings(self) -> Iterator[tuple[Finding, str]]:
        """``(finding, version language)``: one per systematic pattern, and the held findings
        of every kind that did not make one."""
        for group in self.groups.values():
            if group.qualified:
                yield grouped_finding(group.first, group.kind, group.count, group.severity, group.places,
                                      group.unit_count, group.messages, group.place_count), group.lang
            else:
                for finding in group.held:
                    yield finding, group.lang


def grouped_finding(first: Finding, kind: str, count: int, severity: str, places: Sequence[Location],
                    units: int, messages: Counter | None = None, place_count: int = 0) -> Finding:
    """The one finding standing for ``count`` occurrences of ``kind`` at ``places``.

    Its sides name the documents, not a unit (the unit ids are in ``places``),
    and its lines are the first occurrence's, so that it sorts where the
    pattern begins; the message names the rule's own messages it covers, most
    frequent first (``messages``: ``space before ','`` 203 times, ``space before
    '.'`` 12 times), when they say more than the kind; ``found`` is the kind, which, with the rule and the two
    documents, makes its id; ``expected`` is the first occurrence's. ``places`` keeps the first
    ``KEPT_PLACES`` of them; ``place_count``: how many distinct places there are (0: ``places``).
    """
    ordered = tuple(first_places(places))
    total = max(place_count, len(places))
    shown = ", ".join(str(p.line) for p in ordered[:SHOWN_PLACES] if p.line is not None)
    more = " …" if total > SHOWN_PLACES else ""
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
        place_count=total if total > len(ordered) else 0,
    )
