"""The small interface every QA rule implements.

A rule is one class in one file (``qa_rules/<family>/<code>_<slug>.py``). It
declares everything about itself as class attributes and checks one aligned
pair at a time::

    class NumberMismatch(Rule):
        '''Numbers in the source are missing or different in the target.

        Flags:
            fr: Rappelant sa résolution 74/175 du 18 décembre 2019,
            en: Recalling its resolution 74/157 of 18 December 2019,

        Passes:
            fr: Rappelant sa résolution 74/175 du 18 décembre 2019,
            en: Recalling its resolution 74/175 of 18 December 2019,
        '''

        code = "NU01"
        name = "numbers.mismatch"
        category = "numbers"
        severity = "error"

        @dataclass(frozen=True)
        class Config:
            '''tolerance: ...'''
            tolerance: float = 0.0

        def check(self, pair, context):
            ...
            yield self.finding(pair, "message", expected=..., found=...)

The docstring is the documentation (``hexaglot rules NU01``): its first line
says what the rule finds; a ``Flags:`` and a ``Passes:`` example follow, each
as ``lang: text`` lines, source first. A meta-test runs every rule on its own
examples: the ``Flags`` pair must yield a finding, the ``Passes`` pair none.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Iterable, Iterator, Mapping

from aligner.model import Alignment, Document, Row, Unit
from qa_rules.causes import Explains
from qa_rules.model import CATEGORIES, SEVERITIES, Finding, Location


@dataclass(frozen=True, slots=True)
class Side:
    """One side of an aligned pair: the document and the units of the row.

    A run makes a side for every cell it reads: a side keeps its fields, and whether it is ``missing`` or ``untranslated`` (worked out when it is made: the
    rules ask millions of times), in slots rather than in a dictionary of its own."""

    doc: Document
    units: tuple[Unit, ...]
    text: str
    lines: tuple[int, ...]
    #: A CAT-file segment with no translation yet: the reader's empty unit of status
    #: ``untranslated`` (``aligner.readers.bilingual.untranslated_unit``). UT02 reports it;
    #: to every other rule the side is missing.
    untranslated: bool = field(init=False, repr=False, compare=False)
    #: No unit, or an untranslated segment.
    missing: bool = field(init=False, repr=False, compare=False)
    _location: Location | None | bool = field(default=False, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        untranslated = bool(self.units) and all(
            not u.text.strip() and "untranslated" in [part.strip() for part in u.status.split(",")]
            for u in self.units
        )
        object.__setattr__(self, "untranslated", untranslated)
        object.__setattr__(self, "missing", not self.units or untranslated)

    @property
    def lang(self) -> str:
        return self.doc.lang

    @property
    def unit_id(self) -> str | None:
        return self.units[0].id if self.units else None

    @property
    def line(self) -> int | None:
        return self.lines[0] if self.lines else None

    @property
    def location(self) -> Location | None:
        """Where a finding on this side stands (None when the side is missing); one frozen
        ``Location`` per side, made the first time a finding asks and shared by every finding on it."""
        if self._location is False:
            at = None if self.missing else Location(path=self.doc.path, lang=self.lang, unit=self.unit_id,
                                                    line=self.line)
            object.__setattr__(self, "_location", at)
        return self._location


@dataclass(frozen=True, slots=True)
class Pair:
    """A source cell and a target cell of one aligned row."""

    source: Side
    target: Side
    row: Row
    index: int  # the row's index in qa_rules.pairing.target_rows(alignment, target lang)


@dataclass(frozen=True)
class Context:
    """Everything a rule may read besides the pair: document-wide facts.

    ``alignment`` is the whole alignment (for rules that look across rows,
    like consistency); ``glossaries`` the loaded glossaries (terminology);
    ``facts`` is a mapping of precomputed document-wide values rules may
    share (e.g. the length ratio of a language pair), filled by the engine.
    """

    alignment: Alignment
    glossaries: tuple[Any, ...] = ()
    facts: Mapping[str, Any] = field(default_factory=dict)


class Rule:
    """Base class of every QA rule. Subclasses set the class attributes."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    category: ClassVar[str] = ""
    severity: ClassVar[str] = "warning"
    #: Languages the rule applies to, as targets; empty = every language.
    languages: ClassVar[tuple[str, ...]] = ()
    #: The rule reads language data of the source too: the engine also skips pairs
    #: whose source language is not in ``languages`` (e.g. a German lines input).
    source_in_languages: ClassVar[bool] = False
    #: Compare text on both sides: the engine does not call ``check`` on a row where
    #: either side has no unit (omissions and additions are the structure rules' business).
    needs_both_sides: ClassVar[bool] = False
    #: A finding of this rule says a whole version cannot be compared with the source (ST10:
    #: not a translation of it): the engine withholds that version's other findings and counts them.
    supersedes_version: ClassVar[bool] = False
    #: The findings of other rules a finding of this rule explains, and where they must stand
    #: (``qa_rules.causes``): the engine folds them under it, so a report counts the problem once
    #: (ST01's dropped paragraph explains the gap ST05 sees in the numbering).
    explains: ClassVar[tuple[Explains, ...]] = ()

    @dataclass(frozen=True)
    class Config:
        """This rule has no options."""

    def __init__(self, config: Any = None, severity: str | None = None) -> None:
        self.config = config if config is not None else self.Config()
        if severity is not None:
            self.severity = severity  # type: ignore[misc]

    # -- what subclasses implement -------------------------------------------------
    def check(self, pair: Pair, context: Context) -> Iterator[Finding]:
        """Yield the findings of this rule for one aligned pair."""
        return iter(())

    def check_document(self, context: Context) -> Iterator[Finding]:
        """Yield findings that concern whole documents (numbering, counts).

        Called once per run; most rules do not need it. A rule that reads the run's pairs
        (a rendering counted over the whole document) folds them instead (``fold``): asked
        directly, such a rule folds every pair of the run here and yields what it found.
        """
        if type(self).fold is Rule.fold:
            return iter(())
        return self._fold_run(context)

    # -- whole-document rules that read the pairs: a small state, folded pair by pair ---------
    def begin_document(self, context: Context) -> Any:
        """The state this rule keeps of the run's pairs as they go by (``fold``), or ``None``
        when it has nothing to look for in this run (no glossary): then it is not folded.

        The engine reads the pairs in blocks and lets each block go once every rule has
        read it; a rule that looks across the whole document keeps what it needs of each pair
        (keys and counts, where each key was first seen, the places it may report, on disk
        past a chunk: ``qa_rules.candidates``), so that its memory grows with the distinct
        content of the document, not with its number of pairs."""
        return None

    def fold(self, state: Any, pair: Pair, context: Context) -> None:
        """Fold one pair of the run (every pair, in the run's order, whatever its language)
        into ``state``."""

    def end_document(self, state: Any, context: Context) -> Iterator[Finding]:
        """Yield the findings of the whole document from ``state``, once every pair is folded."""
        return iter(())

    def _fold_run(self, context: Context) -> Iterator[Finding]:
        from qa_rules.consistency.segments import pairs_of

        state = self.begin_document(context)
        if state is None:
            return
        for pair in pairs_of(context):
            self.fold(state, pair, context)
        yield from self.end_document(state, context)

    def unavailable(self, lang: str) -> str | None:
        """Why this rule cannot run on the ``lang`` version on this machine (something it needs
        is not installed: a spelling dictionary), as a sentence, or ``None``. The engine then
        does not call ``check`` on that version and says so once in the report's notices."""
        return None

    def preload(self, langs: Iterable[str]) -> None:
        """Start loading, in the background, what this rule will need for the ``langs`` target
        versions (the spelling rules' dictionaries). A run calls it as soon as it knows its
        rules and the declared languages, before reading the documents; most rules need nothing."""

    def pattern(self, finding: Finding) -> str | None:
        """The kind of problem ``finding`` is (``space before ';'``), or ``None``.

        Findings of one kind in one version, when the rule finds it many times
        in many paragraphs, are reported as one systematic finding with a
        count and its places (``qa_rules.systematic``). ``None``, the
        default: this rule's findings are never grouped.
        """
        return None

    # -- helpers -------------------------------------------------------------------
    def applies_to(self, lang: str) -> bool:
        return not self.languages or lang in self.languages

    def runs_on(self, pair: Pair) -> bool:
        """Whether the engine calls ``check`` on ``pair``: its target language (and,
        if the rule says so, its source language) covered, and both sides present
        when the rule compares them."""
        if not self.applies_to(pair.target.lang):
            return False
        if self.source_in_languages and not self.applies_to(pair.source.lang):
            return False
        return not (self.needs_both_sides and (pair.source.missing or pair.target.missing))

    def finding(
        self,
        pair: Pair | None,
        message: str,
        *,
        expected: str = "",
        found: str = "",
        source: Location | None = None,
        target: Location | None = None,
        severity: str | None = None,
        mark: tuple[int, int] | None = None,
        in_source: str = "",
    ) -> Finding:
        """Build a finding located on the pair (or on explicit locations); ``mark``: where the
        problem itself stands in ``found`` when ``found`` shows it with some context (``window``)."""
        if pair is not None:
            source = source or side_location(pair.source)
            target = target or side_location(pair.target)
        return Finding(
            rule=self.code,
            name=self.name,
            category=self.category,
            severity=severity or self.severity,
            source=source,
            target=target,
            message=message,
            expected=expected,
            found=found,
            mark=mark,
            in_source=in_source,
        )

    @classmethod
    def summary(cls) -> str:
        doc = inspect.getdoc(cls) or ""
        return doc.splitlines()[0] if doc else ""

    @classmethod
    def examples(cls) -> dict[str, list[dict[str, str]]]:
        """The ``Flags:`` and ``Passes:`` examples of the docstring.

        Returns ``{"flags": [{"fr": ..., "en": ...}, ...], "passes": [...]}``;
        several examples in one section are separated by a blank line.
        """
        return parse_examples(inspect.getdoc(cls) or "")

    @classmethod
    def config_fields(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls.Config))


def window(text: str, start: int, end: int, before: int = 20, after: int = 20) -> tuple[str, tuple[int, int]]:
    """``text[start:end]`` (the problem: a space, a mark, a digit run) shown with up to ``before``
    and ``after`` characters around it, and where the problem stands in that window: a finding's
    ``found`` and ``mark``. The reports highlight the mark, not the window.

    >>> window("Coordination Compact,and noting", 20, 22, 8, 3)
    (' Compact,and ', (8, 10))
    """
    low = max(start - before, 0)
    return text[low:end + after], (start - low, end - low)


def folds(rule: Rule) -> bool:
    """Whether ``rule`` reads the run's pairs as they go by (``Rule.fold``)."""
    return type(rule).fold is not Rule.fold


def side_location(side: Side) -> Location | None:
    return side.location


_SECTION = re.compile(r"^(Flags|Passes):\s*$")
_EXAMPLE_LINE = re.compile(r"^\s+([a-z]{2,3}):\s?(.*)$")
#: Optional hint before an example's language lines: ``role: preambular``.
_ROLE_LINE = re.compile(r"^\s+role:\s*([a-z]+)\s*$")


def parse_examples(doc: str) -> dict[str, list[dict[str, str]]]:
    result: dict[str, list[dict[str, str]]] = {"flags": [], "passes": []}
    section: str | None = None
    current: dict[str, str] = {}

    def close() -> None:
        nonlocal current
        if section and current:
            result[section].append(current)
        current = {}

    for line in doc.splitlines():
        head = _SECTION.match(line)
        if head:
            close()
            section = head.group(1).lower()
            continue
        if section is None:
            continue
        role = _ROLE_LINE.match(line)
        if role:  # the role of the units of this example (key "role", not a language)
            if "role" in current or any(key != "role" for key in current):
                close()
            current["role"] = role.group(1)
            continue
        example = _EXAMPLE_LINE.match(line)
        if example:
            lang, text = example.groups()
            if lang in current:  # a new example starts with a repeated language
                close()
            current[lang] = text
        elif not line.strip():
            close()
        else:
            close()
            section = None
    close()
    return result


def validate_rule_class(rule: type[Rule]) -> list[str]:
    """Problems with a rule's declaration (used by the registry's meta-test)."""
    problems = []
    if not re.fullmatch(r"[A-Z]{2}\d{2}", rule.code):
        problems.append(f"{rule.__name__}: code {rule.code!r} is not like 'NU01'")
    if not re.fullmatch(r"[a-z]+\.[a-z0-9_.]+", rule.name):
        problems.append(f"{rule.__name__}: name {rule.name!r} is not dotted lower case")
    if rule.category not in CATEGORIES:
        problems.append(f"{rule.__name__}: category {rule.category!r} is not one of {CATEGORIES}")
    if rule.severity not in SEVERITIES:
        problems.append(f"{rule.__name__}: severity {rule.severity!r} is not one of {SEVERITIES}")
    examples = rule.examples()
    if not examples["flags"] or not examples["passes"]:
        problems.append(f"{rule.__name__}: docstring needs a Flags: and a Passes: example")
    return problems
