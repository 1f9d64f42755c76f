"""The rule engine: an alignment and a set of rules in, a ``Report`` out.

The engine turns every aligned row into pairs (the pivot language as the
source, each other language as a target), computes the document-wide facts
rules share once (``Context.facts``), reads the pairs in blocks and runs every
rule's ``check`` on a block's pairs whose target language it applies to (their
findings go on before the next block is read) and hands each pair of the block to the rules
that look across the whole document (``Rule.fold``: they keep keys, counts and places, not
the pairs), then lets the block go; then each rule's ``check_document`` (or, for a rule that
folds the pairs, ``end_document``) once, drops
accepted findings (counting them), and sorts what is left by target document
and line::

    >>> from qa_rules.examples import example_alignment
    >>> alignment = example_alignment({"fr": "Prie l'Office de faire rapport,",
    ...                                 "en": "Requests the Office to report,"})
    >>> report = check(alignment, rules=())
    >>> report.findings, report.accepted
    ((), 0)

A report never re-runs a rule: renderers (``hexaglot.reports``) read the
findings, the documents and the alignment it carries.
"""

from __future__ import annotations

import hashlib
from array import array
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import islice
from typing import Any, Iterable, Iterator, Mapping, Sequence

from aligner.langid import DECLARED_LANGUAGE_WARNING
from aligner.model import OFFICIAL_LANGUAGES, Alignment, Document
from qa_rules.accept import AcceptEntry, apply_accept
from qa_rules.base import Context, Rule, folds
from qa_rules.causes import fold, most_severe, unfold
from qa_rules.facts import compute_facts  # noqa: F401 (compute_facts: the engine's API)
from qa_rules.first_look import FirstLook, lines_before
from qa_rules.model import CATEGORIES, SEVERITIES, Finding, severity_rank
from qa_rules.pairing import RunPairs, build_pairs  # noqa: F401 (build_pairs: the engine's API)
from qa_rules.stream import FindingStream, Tally
from qa_rules.systematic import Grouper, Systematic
from qa_rules.version import tool_version

TOOL = "hexaglot"


@dataclass(frozen=True)
class Report:
    """What one ``check`` run found, ready to render."""

    findings: tuple[Finding, ...]
    accepted: int
    stale: tuple[AcceptEntry, ...]
    signature: str
    documents: tuple[Document, ...]
    rules: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    pivot: str = ""
    alignment: Alignment | None = None
    notices: tuple[str, ...] = ()
    #: The version (language) each finding concerns, by finding id: a finding
    #: whose target is ``None`` (an omission) still belongs to a target language.
    versions: Mapping[str, str] = field(default_factory=dict)
    #: Findings withheld per version (language) because a rule found that the version
    #: cannot be compared with the source (``Rule.supersedes_version``: ST10).
    withheld: Mapping[str, int] = field(default_factory=dict)
    #: The glossary terms the rules found, by (language, text) of what they matched: the longest
    #: matches for the run's glossaries (``qa_rules.terminology.common.matches_found``), handed
    #: back so that term statistics over the same texts need not match them again.
    term_matches: Mapping[tuple[str, str], tuple[Any, ...]] = field(default_factory=dict)

    def version_of(self, finding: Finding) -> str:
        """The language of the version ``finding`` concerns (its target's, even when that is missing)."""
        return self.versions.get(finding.id) or _finding_lang(finding)

    def at_or_above(self, severity: str) -> tuple[Finding, ...]:
        """Findings at least as severe as ``severity``, or explaining one that is (``never``: none)."""
        if severity == "never":
            return ()
        limit = severity_rank(severity)
        return tuple(f for f in self.findings if severity_rank(most_severe(f)) <= limit)

    def summary(self) -> dict[str, Any]:
        """Counts by severity, category and target language (JSON-ready)."""
        by_category = Counter(f.category for f in self.findings)
        by_language = Counter(self.version_of(f) for f in self.findings)
        by_severity = Counter(f.severity for f in self.findings)
        return {
            "total": len(self.findings),
            # a systematic pattern is one finding of ``count`` occurrences
            "occurrences": sum(f.count for f in self.findings),
            "systematic": sum(1 for f in self.findings if f.grouped),
            # findings a cause explains, folded under it (``qa_rules.causes``), not in ``total``
            "consequences": sum(len(f.consequences) for f in self.findings),
            "by_severity": {s: by_severity.get(s, 0) for s in SEVERITIES},
            "by_category": {c: by_category[c] for c in CATEGORIES if by_category.get(c)},
            "by_language": {lang: by_language[lang] for lang in self.languages if by_language.get(lang)},
            "accepted": self.accepted,
            "stale_accepts": [entry.id for entry in self.stale],
            "withheld": {lang: self.withheld[lang] for lang in self.languages if self.withheld.get(lang)},
        }


#: Pairs read at a time: every rule runs over a block before the next block is read (a rule's
#: tables stay at hand over a block, where a rule after rule over each pair was measured slower).
PAIR_BLOCK = 256


def _finding_lang(finding: Finding) -> str:
    side = finding.target or finding.source
    return side.lang if side else ""


def check(
    alignment: Alignment,
    rules: Iterable[Rule | type[Rule]],
    glossaries: Sequence[Any] = (),
    *,
    accept: Sequence[AcceptEntry] = (),
    options: Mapping[str, Any] | None = None,
    systematic: Systematic = Systematic(),
    never_grouped: Iterable[str] = (),
) -> Report:
    """Run ``rules`` over every pair of ``alignment``; return the ``Report``.

    ``rules`` are rule instances (configured) or classes (defaults).
    ``accept`` entries hide the findings whose id they name. ``options`` are
    recorded (hashed) in the signature so two reports can be compared.
    ``systematic``: when many findings of one kind in a version become one
    (``qa_rules.systematic``); accepted findings, and those ``never_grouped``
    names (accepted by a caller that applies ``accept`` itself), stay on their own.
    The findings are all held in the report: ``check_stream`` reads them one by one.
    """
    streamed = check_stream(alignment, rules, glossaries, accept=accept, options=options, systematic=systematic,
                            never_grouped=never_grouped)
    return streamed.report()


@dataclass
class StreamedReport:
    """What one ``check`` run found, its findings read back one by one (``findings``) from disk
    in report order (``qa_rules.stream``): the JSON and CSV reports write them as they come,
    and the summary (``summary``, ``at_or_above``) is ready once they have been read."""

    stream: FindingStream
    signature: str
    documents: tuple[Document, ...]
    rules: tuple[str, ...]
    languages: tuple[str, ...]
    pivot: str
    alignment: Alignment
    base_notices: tuple[str, ...]
    term_matches: Mapping[tuple[str, str], tuple[Any, ...]]
    tally: Tally | None = None

    @property
    def notices(self) -> tuple[str, ...]:
        return self.base_notices + self.stream.notices

    @property
    def accepted(self) -> int:
        return self.stream.accepted

    @property
    def stale(self) -> tuple[AcceptEntry, ...]:
        return self.stream.stale

    @property
    def withheld(self) -> Mapping[str, int]:
        return self.stream.withheld

    def findings(self) -> Iterator[tuple[Finding, str]]:
        """``(finding, the language of the version it concerns)`` in report order; counted."""
        tally = Tally(self.languages)
        for finding, version in self.stream:
            lang = version or _finding_lang(finding)
            tally.add(finding, lang)
            yield finding, lang
        self.tally = tally

    def summary(self) -> dict[str, Any]:
        """``Report.summary`` (once ``findings`` has been read through)."""
        if self.tally is None:
            raise RuntimeError("the findings have not been read yet")
        return self.tally.summary(self.accepted, self.stale, self.withheld)

    def report(self) -> Report:
        """Every finding held in one ``Report``."""
        findings, versions = [], {}
        for finding, version in self.stream:
            findings.append(finding)
            if version:
                versions[finding.id] = version
        folded = self.stream.consequence_versions
        for finding in unfold(findings):
            if finding.id in folded:
                versions.setdefault(finding.id, folded[finding.id])
        self.stream.close()
        return Report(findings=tuple(findings), accepted=self.accepted, stale=self.stale, signature=self.signature,
                      documents=self.documents, rules=self.rules, languages=self.languages, pivot=self.pivot,
                      alignment=self.alignment, notices=self.notices, versions=versions, withheld=self.withheld,
                      term_matches=self.term_matches)


def preload(rules: Sequence[Rule], langs: Sequence[str]) -> None:
    """Each rule starts loading, in the background, what it will need for the target languages
    ``langs`` (``Rule.preload``: the spelling rules' dictionaries, which the C library loads on
    the second core meanwhile). ``qa_rules.run`` calls it as soon as it knows the rules and the
    declared languages, before reading the documents; ``check_stream`` calls it again with the
    alignment's target languages, for a caller that could not (a TMX/XLIFF file's languages are
    inside it; the library called with an alignment): what is loaded or loading already is not
    loaded again."""
    for rule in rules:
        applies = [lang for lang in langs if rule.applies_to(lang)]
        if applies:
            rule.preload(applies)


def check_stream(
    alignment: Alignment,
    rules: Iterable[Rule | type[Rule]],
    glossaries: Sequence[Any] = (),
    *,
    accept: Sequence[AcceptEntry] = (),
    options: Mapping[str, Any] | None = None,
    systematic: Systematic = Systematic(),
    never_grouped: Iterable[str] = (),
) -> StreamedReport:
    """``check``, with the findings kept on disk in report order rather than in memory."""
    instances = tuple(r() if isinstance(r, type) else r for r in rules)
    preload(instances, [lang for lang in alignment.languages if lang != alignment.pivot])
    # the pairs are made as they are read (``RunPairs``), and let go once every rule has read
    # them; what the run needs to know of every pair beforehand is gathered as they are first made
    first = FirstLook(alignment)
    pairs = RunPairs(alignment, observe=first.add)
    context = Context(alignment=alignment, glossaries=tuple(glossaries), facts=first.facts.facts())
    order = {lang: i for i, lang in enumerate(alignment.languages)}
    stream = FindingStream(instances, alignment.documents, accept, alignment.languages)
    found = 0

    def add(finding: Finding, version: str | None, gap: float | None = None, group: int = -1,
            tie: tuple = ()) -> None:
        nonlocal found
        stream.add(finding, _key(finding, order, version, gap), tie or (0, found, 0), version, group)
        found += 1

    before = lines_before(partial(first.gaps, pairs.order))
    held: Counter = Counter()

    def hold(group: Any, finding: Finding) -> None:  # a finding waiting on its kind, with its tie rank
        held[group.number] += 1
        add(finding, group.lang, group=group.number, tie=(1, group.number, held[group.number]))

    grouper = Grouper((), systematic, accepted=[entry.id for entry in accept] + list(never_grouped),
                      overflow=hold)
    grouper.paragraphs = first.paragraphs
    unavailable = unavailable_rules(instances, alignment)
    plan = first.kinds.plan(instances, unavailable)
    kind_of = array("H", (first.kinds.kind_of[number] for number in pairs.order))  # in the order read
    del first  # and the pair it keeps of each kind
    # the whole-document rules that read the pairs keep what they need of each (``Rule.fold``)
    states = [rule.begin_document(context) if folds(rule) else None for rule in instances]
    folding = [(rule, state) for rule, state in zip(instances, states) if state is not None]
    # block by block: every rule that runs on a block's pairs sees them, in order, before the next
    # block is read, and its findings go on (to the grouper or the stream) as they come; a rule's
    # findings keep the order they had rule by rule (ties in report order are broken within one
    # rule only)
    reading = iter(pairs)
    start = 0
    while block := list(islice(reading, PAIR_BLOCK)):
        for rule, ask, runs in plan:
            for position, pair in enumerate(block, start):
                if not runs[kind_of[position]] or (ask and not rule.runs_on(pair)):
                    continue
                lang = pair.target.lang
                for finding in rule.check(pair, context):
                    if not grouper.take(rule, finding, lang, pair.index):
                        gap = before[(lang, pair.index)] if finding.target is None and pair.target.missing else None
                        add(finding, lang, gap)
        for pair in block:  # pair by pair, so that the folding rules share what they derive from one
            for rule, state in folding:
                rule.fold(state, pair, context)
        start += len(block)  # the next block is read in place of this one: every rule has read it
    pair = None
    for rule, state in zip(instances, states):
        if not folds(rule):
            whole = rule.check_document(context)
        else:  # no state: nothing to look for in this run
            whole = rule.end_document(state, context) if state is not None else ()
        for finding in whole:
            if not (finding.target and grouper.take(rule, finding, finding.target.lang)):
                add(finding, None)
    grouper.release()  # the findings of the kinds that did not qualify
    for group, finding in grouper.grouped():
        add(finding, group.lang, tie=(1, group.number, 0))
    qualified = {group.number for group in grouper.groups.values() if group.qualified}
    stream.set_grouper(qualified.__contains__)
    # a version whose text is not in its declared language: said once, at the top of the report
    notices = [f"{doc.path}: {warning}" for doc in alignment.documents.values() for warning in doc.warnings
               if warning.startswith(DECLARED_LANGUAGE_WARNING)]
    for lang in alignment.languages:
        skipped = [rule.code for rule in instances if not rule.applies_to(lang)]
        if skipped and lang not in OFFICIAL_LANGUAGES:
            notices.append(
                f"{len(skipped)} rule(s) need language data hexaglot has only for the six official "
                f"languages and did not run on the {lang} version: {', '.join(skipped)}"
            )
    notices += unavailable_notices(unavailable)
    if systematic != Systematic():  # a report grouped otherwise says so in its signature
        options = {**(options or {}), "systematic": (systematic.min_count, systematic.min_share)}
    from qa_rules.terminology.common import matches_found

    documents = tuple(alignment.documents[lang] for lang in alignment.languages if lang in alignment.documents)
    return StreamedReport(
        stream=stream, signature=signature(alignment, instances, glossaries, options), documents=documents,
        rules=tuple(rule.code for rule in instances), languages=tuple(alignment.languages), pivot=alignment.pivot,
        alignment=alignment, base_notices=tuple(notices), term_matches=matches_found(context.facts, glossaries))


def _key(finding: Finding, order: Mapping[str, int], version: str | None, gap: float | None) -> tuple:
    """``sort_key`` of one finding, given its version and gap."""
    return sort_key(finding, order, {finding.id: version} if version else None,
                    {finding.id: gap} if gap is not None else None)


def unavailable_rules(rules: Sequence[Rule], alignment: Alignment) -> dict[tuple[str, str], str]:
    """(rule code, target language) -> why the rule cannot run on that version here."""
    found = {}
    for rule in rules:
        for lang in alignment.languages:
            if lang != alignment.pivot and rule.applies_to(lang):
                reason = rule.unavailable(lang)
                if reason:
                    found[(rule.code, lang)] = reason
    return found


def unavailable_notices(unavailable: Mapping[tuple[str, str], str]) -> list[str]:
    """One notice per version and reason: ``SC01, SC02 did not run on the en version: ...``."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for (code, lang), reason in unavailable.items():
        grouped.setdefault((lang, reason), []).append(code)
    return [f"{', '.join(codes)} did not run on the {lang} version: {reason}"
            for (lang, reason), codes in grouped.items()]


def build_report(
    alignment: Alignment,
    rules: Sequence[Rule],
    glossaries: Sequence[Any],
    findings: Iterable[Finding],
    *,
    accept: Sequence[AcceptEntry] = (),
    options: Mapping[str, Any] | None = None,
    notices: Sequence[str] = (),
    versions: Mapping[str, str] | None = None,
    gaps: Mapping[str, float] | None = None,
    term_matches: Mapping[tuple[str, str], tuple[Any, ...]] | None = None,
) -> Report:
    """The ``Report`` of a run: accepted findings dropped (counted), the rest sorted, the
    findings a cause explains folded under it (``qa_rules.causes``), the signature.

    ``versions``: the target language of each finding found on a pair, by id
    (what a finding with a missing target concerns). ``gaps``: where in its version a finding
    with a missing target stands (just after the version's previous line), by id.
    """
    kept, accepted, stale = apply_accept(tuple(unfold(findings)), accept)
    versions = versions or {}
    order = {lang: i for i, lang in enumerate(alignment.languages)}
    documents = tuple(alignment.documents[lang] for lang in alignment.languages if lang in alignment.documents)
    ordered = sorted(kept, key=lambda f: sort_key(f, order, versions, gaps))
    # folded before withholding, so that a version's withheld findings are counted as the report
    # counts findings: a cause with what it explains is one
    shown, withheld, withheld_notices = withhold(fold(ordered, rules, alignment.documents, versions), rules, versions)
    notices = tuple(notices) + withheld_notices
    kept = unfold(shown)
    return Report(
        findings=shown,
        accepted=accepted,
        stale=stale,
        signature=signature(alignment, rules, glossaries, options),
        documents=documents,
        rules=tuple(rule.code for rule in rules),
        languages=tuple(alignment.languages),
        pivot=alignment.pivot,
        alignment=alignment,
        notices=tuple(notices),
        versions={f.id: versions[f.id] for f in kept if f.id in versions},
        withheld=withheld,
        term_matches=term_matches or {},
    )


def withhold(
    findings: Sequence[Finding], rules: Sequence[Rule], versions: Mapping[str, str]
) -> tuple[tuple[Finding, ...], dict[str, int], tuple[str, ...]]:
    """Drop the findings of a version a superseding rule (``Rule.supersedes_version``) found
    cannot be compared with the source; return what is kept, the count withheld per language
    and one notice per such version.

    A finding's version is its target's language (``versions`` for an omission,
    whose target is missing); findings on the source alone stay. The superseding
    finding says how many were withheld (its id does not change: the id of a
    finding with a target does not read its message); accepting it shows them again.
    """
    superseding = {rule.code for rule in rules if rule.supersedes_version}

    def lang_of(finding: Finding) -> str:
        return versions.get(finding.id) or _finding_lang(finding)

    causes = {lang_of(f): f for f in findings if f.rule in superseding and f.target is not None}
    if not causes:
        return tuple(findings), {}, ()
    counts: Counter[str] = Counter()
    kept = []
    for finding in findings:
        lang = lang_of(finding)
        if lang in causes and finding.rule not in superseding:
            counts[lang] += 1
        else:
            kept.append(finding)
    notices = []
    for index, finding in enumerate(kept):
        lang = lang_of(finding)
        if finding.rule in superseding and lang in causes:
            n = counts.get(lang, 0)
            said = f"{n} finding(s) on this version withheld" if n else "no other finding on this version"
            kept[index] = replace(finding, message=f"{finding.message}. {said}")
            target = finding.target.path if finding.target else lang
            notices.append(f"{target}: {n} finding(s) withheld: the {lang} version does not appear to be a "
                           f"translation of the source ({finding.rule}); accept that finding to see them")
    return tuple(kept), dict(counts), tuple(notices)


def sort_key(finding: Finding, order: Mapping[str, int], versions: Mapping[str, str] | None = None,
             gaps: Mapping[str, float] | None = None) -> tuple:
    """Report order: target document (by ``order`` of languages), line, source line, severity, rule.

    A finding whose target is missing sorts with its version (``versions``) where the missing
    text would stand in it (``gaps``: after its previous line), else at its source line (the
    source's line numbers are not the version's: op.33 of the source at line 173 would sort
    before op.31 of the version at line 177).
    """
    side = finding.target or finding.source
    lang = (versions or {}).get(finding.id) or (side.lang if side else None)
    lang_index = order.get(lang, len(order))
    gap = (gaps or {}).get(finding.id) if finding.target is None else None
    line = gap if gap is not None else side.line if side and side.line is not None else 0
    src_line = finding.source.line if finding.source and finding.source.line is not None else 0
    return (lang_index, line, src_line, severity_rank(finding.severity), finding.rule, finding.message)


# -- signature -----------------------------------------------------------------------


def signature(
    alignment: Alignment,
    rules: Sequence[Rule],
    glossaries: Sequence[Any] = (),
    options: Mapping[str, Any] | None = None,
) -> str:
    """What produced a report: tool version, rules, glossaries, languages.

    Glossaries are named by their own ``signature()`` (``name@digest``), the
    spelling every report and ``hexaglot glossary`` use.
    """
    targets = ",".join(lang for lang in alignment.languages if lang != alignment.pivot)
    config = sorted(
        (rule.code, rule.severity, repr(rule.config)) for rule in rules
    )
    opts = repr(sorted((options or {}).items())) + repr(config)
    parts = [
        f"{TOOL}:{tool_version()}",
        f"rules:{len(rules)}:{','.join(sorted(rule.code for rule in rules))}",
        f"config:{hashlib.sha1(opts.encode('utf-8')).hexdigest()[:8]}",
        f"glossaries:{','.join(g.signature() for g in glossaries) or 'none'}",
        f"langs:{alignment.pivot}>{targets}",
        f"level:{alignment.level}",
    ]
    return "|".join(parts)
