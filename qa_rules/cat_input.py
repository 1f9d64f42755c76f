"""``hexaglot check draft.sdlxliff``: checking one pre-aligned CAT-tool file.

The file (TMX, XLIFF 1.2/2.x) is already aligned (``aligner.readers.bilingual``).
Three things differ from checking separate documents:

- CAT statuses are honoured: a locked segment (Trados ``locked="true"``,
  memoQ ``mq:locked``) cannot be edited in the CAT tool, so it is not checked;
  it stays in the report's aligned text, and a notice lists it with the
  statuses of all segments (``fr: segment statuses: Translated 2, Draft 1...``);
- a language outside the six (``de``, ``en-gb``, an undeclared ``und``) gets
  the language-independent rules only (``LANGUAGE_INDEPENDENT`` categories),
  with a notice naming the rules it did not get;
- the reader's warnings (``seg-source`` differing from ``source``...) become notices.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any, Callable, Mapping, Sequence

from aligner.model import OFFICIAL_LANGUAGES, Alignment, Row
from aligner.readers.bilingual import read_bilingual
from qa_rules.accept import AcceptEntry
from qa_rules.base import Rule
from qa_rules.config import RunConfig
from qa_rules.engine import (Report, StreamedReport, check_stream, signature, sort_key, unavailable_notices,
                             unavailable_rules)
from qa_rules.run import CheckOptions, RunSetup, prepare_run, resolved_config
from qa_rules.stream import FindingStream
from qa_rules.systematic import Systematic

#: Rule categories that need no language data: they run for any language.
LANGUAGE_INDEPENDENT: frozenset[str] = frozenset({"structure", "consistency"})


def is_language_independent(rule: Rule) -> bool:
    """Structure and consistency rules, and rules declaring ``language_independent = True``."""
    return rule.category in LANGUAGE_INDEPENDENT or bool(getattr(rule, "language_independent", False))


def check_cat_file(
    path: str,
    options: CheckOptions = CheckOptions(),
    extra_rules: Sequence[Rule] = (),
    *,
    config: RunConfig | None = None,
    streamed: bool = False,
    before_rules: Callable[[], None] | None = None,
) -> Report | StreamedReport:
    """Read one TMX/XLIFF file and check it (the options of ``check_files``); ``streamed``: the
    findings read back one by one (``StreamedReport``) rather than held in a ``Report``;
    ``before_rules``: called once the file is read and the rules and glossaries are loaded."""
    alignment = read_bilingual(path)
    targets = [lang for lang in alignment.languages if lang != alignment.pivot]
    setup = prepare_run(options, config or resolved_config(options), alignment.pivot, targets, extra_rules)
    if before_rules is not None:
        before_rules()
    return check_cat_alignment(alignment, setup, streamed=streamed)


def check_cat_alignment(alignment: Alignment, setup: RunSetup, *, streamed: bool = False) -> Report | StreamedReport:
    """The rules of ``setup`` over a CAT-tool file's alignment (``read_bilingual``)."""
    return check_pretranslated(alignment, setup.rules, setup.glossaries, accept=setup.accept,
                               options={"input": "pre-aligned", "accept": bool(setup.accept)},
                               systematic=setup.config.systematic, streamed=streamed)


def check_pretranslated(
    alignment: Alignment,
    rules: Sequence[Rule | type[Rule]],
    glossaries: Sequence[Any] = (),
    *,
    accept: Sequence[AcceptEntry] = (),
    options: Mapping[str, Any] | None = None,
    systematic: Systematic = Systematic(),
    streamed: bool = False,
) -> Report | StreamedReport:
    """Run ``rules`` on a pre-aligned file's alignment, honouring statuses and languages.

    The findings of every part of the run (the language-independent rules, then the others
    on the official languages) go to one ``FindingStream``, which drops the accepted ones,
    orders, folds and withholds them once; ``streamed``: it is handed back to be read one by
    one (``StreamedReport``), else they are all held in a ``Report``."""
    instances = tuple(r() if isinstance(r, type) else r for r in rules)
    checked, locked = without_locked(alignment)
    notices = list(dict.fromkeys(w for doc in alignment.documents.values() for w in doc.warnings))
    notices += status_notices(alignment, locked)
    notices += unavailable_notices(unavailable_rules(instances, alignment))  # no spelling dictionary
    unsupported = [lang for lang in alignment.languages if lang not in OFFICIAL_LANGUAGES]
    merged = FindingStream(instances, alignment.documents, accept, alignment.languages)
    order = {lang: i for i, lang in enumerate(alignment.languages)}
    term_matches: dict[tuple[str, str], tuple] = {}
    added = 0

    def run(subset: Alignment, rules: Sequence[Rule]) -> None:
        # the findings before folding and withholding: the merged stream does both once, over
        # every part (withheld twice, a superseding finding said «0 withheld» of its version)
        nonlocal added
        part = check_stream(subset, rules, glossaries, systematic=systematic, never_grouped=[e.id for e in accept])
        for finding, version in part.stream.unfolded():
            merged.add(finding, sort_key(finding, order, {finding.id: version} if version else None),
                       (0, added, 0), version)
            added += 1
        part.stream.close()
        term_matches.update(part.term_matches)

    if not unsupported:
        run(checked, instances)
    else:
        independent = tuple(r for r in instances if is_language_independent(r))
        dependent = tuple(r for r in instances if not is_language_independent(r))
        run(checked, independent)
        supported = [lang for lang in alignment.languages if lang in OFFICIAL_LANGUAGES]
        if alignment.pivot in OFFICIAL_LANGUAGES and len(supported) >= 2 and dependent:
            run(restrict(checked, supported), dependent)
        skipped = ", ".join(sorted(r.code for r in dependent)) or "none"
        notices.append(
            f"{', '.join(unsupported)}: outside the six UN languages (ar, zh, en, fr, ru, es); only the "
            f"language-independent rules ({', '.join(sorted(r.code for r in independent))}) were run there; "
            f"not run: {skipped}"
        )
    merged.set_grouper(lambda group: False)  # the parts grouped their own: nothing waits here
    documents = tuple(alignment.documents[lang] for lang in alignment.languages if lang in alignment.documents)
    report = StreamedReport(
        stream=merged, signature=signature(alignment, instances, glossaries, options), documents=documents,
        rules=tuple(rule.code for rule in instances), languages=tuple(alignment.languages), pivot=alignment.pivot,
        alignment=alignment, base_notices=tuple(notices), term_matches=term_matches)
    return report if streamed else report.report()


def _locked_units(alignment: Alignment) -> dict[str, list[tuple[str, int, str]]]:
    """Per target language: (unit id, line, status) of its locked segments."""
    out: dict[str, list[tuple[str, int, str]]] = {}
    for lang, doc in alignment.documents.items():
        for unit in doc.units:
            if "locked" in [part.strip() for part in unit.status.split(",")]:
                out.setdefault(lang, []).append((unit.id, unit.lines[0], unit.status))
    return out


def without_locked(alignment: Alignment) -> tuple[Alignment, dict[str, list[tuple[str, int, str]]]]:
    """The alignment without the rows of locked segments (and which ones were locked)."""
    locked = _locked_units(alignment)
    ids = {(lang, uid) for lang, units in locked.items() for uid, _, _ in units}
    if not ids:
        return alignment, locked
    rows = tuple(
        row for row in alignment.rows
        if not any((lang, uid) in ids for lang, cell in row.cells.items() for uid in cell.units)
    )
    return replace(alignment, rows=rows), locked


def restrict(alignment: Alignment, languages: Sequence[str]) -> Alignment:
    """The same alignment with only ``languages`` (pivot kept first)."""
    langs = tuple(lang for lang in alignment.languages if lang in languages)
    rows = tuple(
        Row(cells={lang: cell for lang, cell in row.cells.items() if lang in langs}, score=row.score)
        for row in alignment.rows
    )
    documents = {lang: doc for lang, doc in alignment.documents.items() if lang in langs}
    return replace(alignment, languages=langs, rows=rows, documents=documents)


def status_notices(alignment: Alignment, locked: Mapping[str, list[tuple[str, int, str]]]) -> list[str]:
    """One notice per language with statuses: counts, and the locked segments."""
    notices = []
    for lang in alignment.languages:
        doc = alignment.documents[lang]
        counts = Counter(u.status.split(",")[0].strip() for u in doc.units if u.status)
        if not counts:
            continue
        text = f"{lang}: segment statuses in {doc.path}: " + ", ".join(f"{s} {n}" for s, n in counts.items())
        if locked.get(lang):
            listed = ", ".join(f"{uid} (line {line}, {status})" for uid, line, status in locked[lang])
            text += f"; locked, so not checked: {listed}"
        notices.append(text)
    return notices
