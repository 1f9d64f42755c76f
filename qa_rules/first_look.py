"""What a run needs to know of every pair before the rules read them (``FirstLook``), gathered
as the pairs are first made (``qa_rules.pairing.RunPairs``): the document-wide facts, each
version's paragraphs, each pair's kind (``PairKinds``: what ``Rule.runs_on`` reads, so the engine
asks a rule once per kind) and where a missing target would stand (``lines_before``), kept as
plain numbers rather than pairs."""

from __future__ import annotations

import math
from array import array
from collections import Counter
from typing import Callable, Container, Iterable, Iterator, Sequence

from aligner.model import Alignment
from qa_rules.base import Pair, Rule
from qa_rules.facts import Facts


class PairKinds:
    """The pairs of a run by kind (the two languages, which sides are missing): all that
    ``Rule.runs_on`` reads, so a rule that keeps it is asked once per kind, not once per pair."""

    def __init__(self, pairs: Iterable[Pair] = ()) -> None:
        self.kinds: dict[tuple, int] = {}
        #: Each pair's kind, by position (a small number: the kinds are few).
        self.kind_of = array("H")
        self.example: dict[int, Pair] = {}
        for pair in pairs:
            self.add(pair)

    def add(self, pair: Pair) -> None:
        kind = self.kinds.setdefault((pair.target.lang, pair.source.lang, pair.source.missing, pair.target.missing),
                                     len(self.kinds))
        self.kind_of.append(kind)
        self.example.setdefault(kind, pair)

    def plan(self, rules: Sequence[Rule],
             unavailable: Container[tuple[str, str]] = ()) -> list[tuple[Rule, bool, tuple[bool, ...]]]:
        """Each rule with whether it must be asked pair by pair (a rule that decides ``runs_on``
        on more than the kind) and, by kind, whether its ``check`` runs on the pairs of that kind.
        A rule does not run where ``unavailable`` holds (its code, the language)."""
        plan = []
        for rule in rules:
            ask = type(rule).runs_on is not Rule.runs_on
            plan.append((rule, ask, tuple(
                (rule.code, self.example[kind].target.lang) not in unavailable
                and (ask or rule.runs_on(self.example[kind])) for kind in range(len(self.example)))))
        return plan


def lines_before(gaps: Callable[[], Iterable[tuple[str, int, bool, float | None]]]) -> dict[tuple[str, int], float]:
    """For each pair whose target is missing (by version and ``Pair.index``), just after the last
    line its version has in the pairs before it: where the missing text would stand (0.5 before
    any). Pairs sharing an index (a row re-paired) share the value of the last of them. Only
    pairs with a missing target are kept: no other finding has a gap to sort by. ``gaps``: each
    pair's (version, index, whether its target is missing, the last line of its target or None),
    in the order the pairs are read (``FirstLook.gaps``); called twice, for two readings."""
    wanted = {(lang, index) for lang, index, missing, _ in gaps() if missing}
    last: dict[str, float] = {}
    before: dict[tuple[str, int], float] = {}
    for lang, index, missing, line in gaps():
        if (lang, index) in wanted:
            before[(lang, index)] = last.get(lang, 0.0) + 0.5
        if line is not None:
            last[lang] = max(last.get(lang, 0.0), line)
    return before


class FirstLook:
    """What a run needs to know of every pair before the rules read them, gathered as the pairs
    are first made (``RunPairs``: in the languages' order): the facts (``qa_rules.facts``), each
    version's paragraphs (``Grouper.paragraphs``), each pair's kind (``PairKinds``) and what
    ``lines_before`` reads, in arrays of plain numbers."""

    def __init__(self, alignment: Alignment) -> None:
        self.facts = Facts(alignment)
        self.paragraphs: Counter = Counter()
        self.kinds = PairKinds()
        self.langs = [lang for lang in alignment.languages if lang != alignment.pivot]
        self.lang_of, self.index, self.missing, self.line = array("B"), array("q"), array("b"), array("d")
        self.lang_rank: dict[str, int] = {}

    def add(self, pair: Pair) -> None:
        self.facts.add(pair)
        target = pair.target
        if not target.missing:
            self.paragraphs[target.lang] += 1
        self.kinds.add(pair)
        rank = self.lang_rank.get(target.lang)
        if rank is None:
            rank = self.lang_rank[target.lang] = len(self.lang_rank)
        self.lang_of.append(rank)
        self.index.append(pair.index)
        self.missing.append(target.missing)
        self.line.append(float(target.units[-1].lines[-1]) if not target.missing and target.units else math.nan)

    def gaps(self, order: Sequence[int]) -> Iterator[tuple[str, int, bool, float | None]]:
        """What ``lines_before`` reads, in ``order`` (the pairs' numbers as they are read)."""
        langs = list(self.lang_rank)
        for number in order:
            line = self.line[number]
            yield langs[self.lang_of[number]], self.index[number], bool(self.missing[number]), \
                None if math.isnan(line) else line
