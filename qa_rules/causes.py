"""One cause, one finding: the findings another finding explains are folded under it.

A paragraph dropped from a version is one problem, yet two rules see it: ST01
(the source paragraph has no counterpart) and ST05 (the version's numbering
jumps from 23 to 25). A paragraph pasted in the wrong place is one problem,
yet CO02 (the same text translates two sources), CO01 (its opening phrase is
rendered otherwise) and TE01 (the source's terms are not in it) all report
it. A reviser wants the problem once, with what it causes under it, and totals
that count problems, not symptoms.

A rule says which findings its own findings explain (``Rule.explains``): a
tuple of ``Explains``, each naming rule codes and where their findings must
stand for the cause to explain them (``Explains.where``). After every rule
has run (and accepted findings are gone), ``fold`` takes the causes in
report order; each finding a cause's rule declares it explains, and that no
earlier cause has taken, becomes one of that cause's ``Finding.consequences``
and leaves the report's list (wherever it stood: ST06 takes the ST05 just
before it at the same line)::

    >>> from qa_rules.model import Finding, Location
    >>> at = Location("en.md", "en", "op.24", 153)
    >>> src = Location("fr.md", "fr", "op.24", 149)
    >>> paste = Finding("CO02", "consistency.target_collision", "consistency", "warning", src, at, "pasted")
    >>> term = Finding("TE01", "terminology.missing_term", "terminology", "warning", src, at, "no term")
    >>> class Paste:
    ...     code, explains = "CO02", (Explains(("TE01",), "pair"),)
    >>> [(f.rule, [c.rule for c in f.consequences]) for f in fold([paste, term], [Paste()], {}, {})]
    [('CO02', ['TE01'])]

The cause keeps its id, its message, its place and its severity (the report's
totals count it as its own severity); ``Report.at_or_above`` reads the
consequences too, so ``--fail-on error`` still fails when an error is folded
under a warning (``most_severe``). Consequences keep their own ids
(an accept file naming one still hides it: accepted findings are dropped
before folding) and are never causes of their own: a cause folded under
another brings its consequences along (the list stays flat). A systematic
pattern (``Finding.places``) is neither a cause nor a consequence: it stands
for many places, none of which is a cause's.

``unfold`` gives back the flat list (a report re-built from another's
findings: ``qa_rules.cat_input``), so that folding twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Iterable, Literal, Mapping, Sequence

from qa_rules.model import Finding, Location, severity_rank

if TYPE_CHECKING:  # the rules declare ``Explains``; this module only reads their ``code``
    from qa_rules.base import Rule

#: Where a consequence stands relative to its cause (see ``Explains``).
Where = Literal["pair", "number", "gap", "shift", "added", "merged", "split"]
WHERE: tuple[str, ...] = ("pair", "number", "gap", "shift", "added", "merged", "split")


@dataclass(frozen=True)
class Explains:
    """A finding of the declaring rule explains the findings of ``rules`` that stand ``where``:

    - ``pair``: on the same source unit and the same target unit (a paragraph pasted in the
      wrong place explains every comparison of it with its source: a missing term, an opening
      phrase rendered otherwise, a number that is not the source's);
    - ``number``: on the same version, the findings whose ``found`` is the number the cause's
      operative paragraph carries in it (``op.27`` numbered 28 explains the numbering jumping
      from 26 to 28 there and 28 coming twice at the next paragraph; a paragraph 15 added
      before the version's own 15 explains 15 coming twice);
    - ``gap``: in the gap a missing source paragraph leaves in the version: a finding on the
      same version whose ``expected`` is the missing operative paragraph's number (op.24
      dropped explains "numbering jumps from 23 to 25", expected 24);
    - ``shift``: after a missing source paragraph, in a version that numbered on without it: a
      finding on the same version whose ``expected`` (the source's number) is above the missing
      paragraph's and whose ``found`` (the version's number) is lower, but not below it (op.14
      dropped and the rest renumbered explains "operative paragraph 15 of the source is numbered
      14" and every one after it); only where the version has a paragraph numbered as the missing
      one (a version that kept the gap kept the source's numbers).
    - ``added``: after a version paragraph with no source counterpart, numbered in the version's
      sequence: a finding on the same version whose ``expected`` (the source's number) is at or
      above the added paragraph's number and whose ``found`` (the version's number) is higher (a
      paragraph added as op.6 and the rest renumbered explains "operative paragraph 6 of the
      source is numbered 7" and every one after it).
    - ``merged``: source paragraphs merged into one paragraph of a version leave the numbers after
      the first out of its numbering: ``gap`` and ``shift`` as for a missing paragraph numbered
      one more than the first (op.14 and op.15 merged explains "numbering jumps from 14 to 16",
      expected 15, or, the rest renumbered, "operative paragraph 16 of the source is numbered 15"
      and every one after it).
    - ``split``: a source paragraph split into several of a version's, the rest renumbered, gives
      the numbers after the first to its parts: ``added`` as for a paragraph added with the number
      one more than the split one's (op.14 split into 14 and 15 explains "operative paragraph 15
      of the source is numbered 16" and every one after it).
    """

    rules: tuple[str, ...]
    where: Where

    def __post_init__(self) -> None:
        if self.where not in WHERE:
            raise ValueError(f"Explains.where must be one of {WHERE}, not {self.where!r}")


def unfold(findings: Iterable[Finding]) -> list[Finding]:
    """Every finding on its own: causes without their consequences, then the consequences."""
    flat: list[Finding] = []
    for finding in findings:
        if finding.consequences:
            flat.append(replace(finding, consequences=()))
            flat.extend(unfold(finding.consequences))
        else:
            flat.append(finding)
    return flat


def fold(
    findings: Sequence[Finding],
    rules: Sequence["Rule | Any"],
    documents: Mapping[str, Any],
    versions: Mapping[str, str],
) -> tuple[Finding, ...]:
    """``findings`` (in report order) with each finding a rule's ``explains`` accounts for
    folded under its cause (see the module).

    ``documents``: the run's documents by language (the number of a missing operative
    paragraph, for ``gap``); ``versions``: the language of the version each finding
    concerns, by id (a finding whose target is missing still belongs to a version).
    """
    under = fold_plan(findings, rules, documents, versions)
    if not under:
        return tuple(findings)
    folded = {j for explained in under.values() for j in explained}
    kept = []
    for i, finding in enumerate(findings):
        if i in folded:
            continue
        consequences = tuple(findings[j] for j in under.get(i, ()))
        kept.append(replace(finding, consequences=consequences) if consequences else finding)
    return tuple(kept)


def fold_plan(
    findings: Sequence[Finding],
    rules: Sequence["Rule | Any"],
    documents: Mapping[str, Any],
    versions: Mapping[str, str],
) -> dict[int, list[int]]:
    """What ``fold`` does, as indexes: each cause's index -> the indexes of the findings folded
    under it, in report order (empty: nothing to fold). ``findings`` may be any subsequence of a
    report's findings that holds every cause and every finding a cause explains (``CauseIndex``):
    the others are never folded, so leaving them out changes nothing."""
    relations = relations_of(rules)
    if not relations:
        return {}
    cause_of: dict[int, int] = {}
    by_rule: dict[str, list[int]] = {}  # candidates by rule: a run may hold thousands of findings
    for j, other in enumerate(findings):
        if not other.grouped:
            by_rule.setdefault(other.rule, []).append(j)

    def root(index: int) -> int:
        while index in cause_of:
            index = cause_of[index]
        return index

    for i, cause in enumerate(findings):
        if cause.grouped:
            continue
        for explains in relations.get(cause.rule, ()):
            for j in sorted(j for code in explains.rules for j in by_rule.get(code, ())):
                if j == i or j in cause_of or root(i) == j:  # never a cycle: j already explains i
                    continue
                if _stands(explains.where, cause, findings[j], documents, versions):
                    cause_of[j] = i
    under: dict[int, list[int]] = {}
    for j in sorted(cause_of):
        under.setdefault(root(j), []).append(j)
    return under


def relations_of(rules: Sequence["Rule | Any"]) -> dict[str, tuple[Explains, ...]]:
    """The rules that explain others' findings: code -> its ``explains``."""
    return {rule.code: tuple(rule.explains) for rule in rules if getattr(rule, "explains", ())}


class CauseIndex:
    """The causes of a run, indexed so that a finding a cause may explain is found without
    comparing it with every cause: a stream of findings keeps the causes and these findings
    only (``fold_plan`` then decides exactly; ``may_explain`` may say yes to a few it rejects).

    ``causes``: ``(finding, version language or None)`` of every finding whose rule explains
    others (``relations_of``), in any order.
    """

    def __init__(self, causes: Iterable[tuple[Finding, str | None]], rules: Sequence["Rule | Any"],
                 documents: Mapping[str, Any]) -> None:
        relations = relations_of(rules)
        self.documents = documents
        self.keys: dict[tuple, set[str]] = {}  # (where, key) -> rule codes explained there
        self.shifts: dict[str, list[tuple[int, frozenset[str]]]] = {}  # version -> (missing number, codes)
        self.raises: dict[str, list[tuple[int, frozenset[str]]]] = {}  # version -> (added number, codes)
        self.rules: set[str] = set()
        for cause, version in causes:
            if cause.grouped:
                continue
            for explains in relations.get(cause.rule, ()):
                codes = frozenset(explains.rules)
                self.rules |= codes
                for key in self._cause_keys(explains.where, cause, version):
                    if key[0] in ("shift", "added"):
                        (self.shifts if key[0] == "shift" else self.raises).setdefault(key[1], []).append(
                            (key[2], codes))
                    else:
                        self.keys.setdefault(key, set()).update(codes)

    def _cause_keys(self, where: str, cause: Finding, version: str | None) -> list[tuple]:
        if where == "pair":
            if cause.source is None or cause.target is None or cause.source.unit is None or cause.target.unit is None:
                return []
            return [("pair", *_side(cause.source), *_side(cause.target))]
        if where == "number":
            if cause.target is None or cause.target.unit is None:
                return []
            number = _operative_number(self.documents, cause.target)
            return [] if number is None else [("number", cause.target.path, cause.target.lang, str(number))]
        if where in ("added", "split"):
            raised = _raised(where, cause, self.documents)
            return [] if raised is None else [("added", *raised)]
        missing = _missing(where, cause, self.documents, version)
        if missing is None:
            return []
        version, number = missing
        gap, shift = ("gap", version, str(number)), ("shift", version, number)
        return [gap] if where == "gap" else [shift] if where == "shift" else [gap, shift]

    def may_explain(self, other: Finding) -> bool:
        """Whether some cause of the run may explain ``other`` (never False when one does)."""
        if other.rule not in self.rules or other.grouped or other.target is None:
            return False
        code, target = other.rule, other.target
        if code in self.keys.get(("number", target.path, target.lang, other.found), ()):
            return True
        if code in self.keys.get(("gap", target.lang, other.expected), ()):
            return True
        if other.source is not None and other.source.unit is not None and target.unit is not None:
            if code in self.keys.get(("pair", *_side(other.source), *_side(target)), ()):
                return True
        if other.expected.isdigit() and other.found.isdigit():
            expected, found = int(other.expected), int(other.found)
            return any(code in codes and expected > number and number <= found < expected
                       for number, codes in self.shifts.get(target.lang, ())) or \
                any(code in codes and number <= expected < found for number, codes in self.raises.get(target.lang, ()))
        return False


def _side(location: Location) -> tuple:
    return location.path, location.lang, location.unit


def most_severe(finding: Finding) -> str:
    """The most severe of a finding's own severity and those of the findings folded under it."""
    return min((finding.severity, *(c.severity for c in finding.consequences)), key=severity_rank)


def _same(a: Location | None, b: Location | None) -> bool:
    return a is not None and b is not None and a.unit is not None and (a.path, a.lang, a.unit) == (b.path, b.lang, b.unit)


def _stands(where: str, cause: Finding, other: Finding, documents: Mapping[str, Any],
            versions: Mapping[str, str]) -> bool:
    """Whether ``other`` stands ``where`` (an ``Explains.where``) relative to ``cause``."""
    if where == "pair":
        return _same(cause.source, other.source) and _same(cause.target, other.target)
    if where in ("number", "added", "split"):
        if cause.target is None or cause.target.unit is None or other.target is None:
            return False
        if (cause.target.path, cause.target.lang) != (other.target.path, other.target.lang):
            return False
        if where == "number":
            number = _operative_number(documents, cause.target)
            return number is not None and other.found == str(number)
        raised = _raised(where, cause, documents)
        return raised is not None and other.expected.isdigit() and other.found.isdigit() \
            and raised[1] <= int(other.expected) < int(other.found)
    # gap, shift and merged: a number left out of a version's numbering
    missing = _missing(where, cause, documents, versions.get(cause.id))
    if missing is None or other.target is None or other.target.lang != missing[0]:
        return False
    version, number = missing
    if where != "shift" and other.expected == str(number):
        return True  # the gap
    if where == "gap":
        return False
    # shift: only where the version gave the missing paragraph's number to the next one (it numbered
    # on); a version that kept the gap kept the source's numbers, and its misnumberings are its own
    if not (other.expected.isdigit() and other.found.isdigit()) or not _numbered(documents, version, number):
        return False
    return int(other.expected) > number and number <= int(other.found) < int(other.expected)


def _raised(where: str, cause: Finding, documents: Mapping[str, Any]) -> tuple[str, int] | None:
    """The version and the first source number it raises: the number of a paragraph it added
    (``added``), or the one after a source paragraph it split in numbered parts (``split``); None
    when there is none."""
    if cause.target is None or cause.target.unit is None:
        return None
    if where == "added":
        number = _operative_number(documents, cause.target)
    elif cause.source is None or cause.source.unit is None:
        return None
    else:
        split = _operative_number(documents, cause.source)
        number = None if split is None else split + 1
    return None if number is None else (cause.target.lang, number)


def _missing(where: str, cause: Finding, documents: Mapping[str, Any], version: str | None) -> tuple[str, int] | None:
    """The version and the number a cause leaves out of its numbering: a source paragraph missing
    from the version (``gap``, ``shift``: no target; ``version``, the version it is missing from),
    or the number after the first of source paragraphs merged into one of the version's
    (``merged``); None when there is none."""
    if cause.source is None or cause.source.unit is None:
        return None
    if where == "merged":
        if cause.target is None:
            return None
        first = _operative_number(documents, cause.source)
        return None if first is None else (cause.target.lang, first + 1)
    if cause.target is not None or version is None:
        return None
    number = _operative_number(documents, cause.source)
    return None if number is None else (version, number)


def _numbered(documents: Mapping[str, Any], lang: str, number: int) -> bool:
    """Whether the ``lang`` version has an operative paragraph numbered ``number``."""
    doc = documents.get(lang)
    return doc is not None and any(getattr(u, "number", None) == number for u in doc.by_role("operative"))


def _operative_number(documents: Mapping[str, Any], where: Location) -> int | None:
    """The number of the operative paragraph ``where`` names in its document (None: not one)."""
    doc = documents.get(where.lang)
    unit = doc.unit(where.unit) if doc is not None and where.unit else None
    return getattr(unit, "number", None) if getattr(unit, "role", "") == "operative" else None
