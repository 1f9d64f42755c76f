"""``hexaglot batch``: check every document of a corpus, one report each.

One function checks one document, ``check_document(document, settings)``: it
reads the versions (or the CAT file), aligns them, runs the rules, renders the
report (and the alignment, on request) and returns a ``DocumentResult``: the
rendered files as bytes, a small JSON-ready *record* (counts, errors, the
paragraph renderings and glossary terms the corpus summary needs) and the time
each stage took. It never raises for a bad document: the error becomes the
record's ``error``. The same function runs in a local process pool and as one
Dask task per document (``hexaglot.batch_run``); the rules, glossaries and
accepted findings are loaded once per worker process (``run_setup``).

Whoever has the output folder writes each result, the reports first, each
atomically, then the record, ``documents/NAME.record.json``, last: a local
worker as it finishes the document (the parent then only reduces the summary),
the client for a Dask task (``hexaglot.batch_run``). A document whose record is there and matches the run's settings and its input
files is done: ``--resume`` skips it, so an interrupted run (Ctrl-C, a killed
worker) loses nothing it wrote and a finished run re-run does no work. Names
and contents are deterministic: the same corpus and options give the same
files byte for byte, whatever ran them.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field, replace
from typing import Any, Iterable

from aligner.corpus import CorpusDocument
from aligner.errors import InputError, one_line
from aligner.writers import FORMATS as WRITER_FORMATS
from hexaglot import collector
from qa_rules.config import RunConfig
from qa_rules.model import SEVERITIES, severity_rank
from qa_rules.run import CheckOptions, RunSetup

#: The folder under the output folder that holds the per-document files.
DOCUMENTS = "documents"
#: A document's record, written after its reports: the mark that it is done.
RECORD = ".record.json"
#: Alignment formats ``--align`` can write per document: those of ``aligner.writers``.
ALIGN_FORMATS: tuple[str, ...] = WRITER_FORMATS
#: The stages of a document's cost, in order.
STAGES: tuple[str, ...] = ("reading", "alignment", "rules", "report")


@dataclass(frozen=True)
class BatchSettings:
    """What every document of a run is checked with (the options of ``check``, resolved once)."""

    options: CheckOptions = CheckOptions()
    config: RunConfig = RunConfig()
    #: Also write each document's report as HTML.
    html: bool = False
    #: Also write each document's alignment in these formats (``ALIGN_FORMATS``).
    align: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """A hash of what the reports depend on besides the documents: the tool's version, these
        settings, and the size and time of the glossary, accept and config files they name (a
        record made with anything else is stale)."""
        from qa_rules.version import tool_version

        from qa_rules.accept import DEFAULT_ACCEPT_FILE

        files = (*(self.options.glossaries or self.config.glossaries), self.options.accept or self.config.accept,
                 os.path.join(self.options.search_dir, DEFAULT_ACCEPT_FILE), self.options.config or self.config.path)
        return hashlib.sha1(repr((tool_version(), self, _stamps(files))).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class DocumentResult:
    """One document checked: its files (path under the output folder -> bytes), its record, its timings."""

    name: str
    record: dict[str, Any]
    outputs: tuple[tuple[str, bytes], ...] = ()
    timings: dict[str, float] = field(default_factory=dict)
    #: The check did not run to an end (its worker died): no record is written, ``--resume`` retries it.
    transient: bool = False
    #: Its files and record are already written (by the worker that checked it, which shares the
    #: output folder): ``outputs`` is empty and the parent only reduces the record.
    written: bool = False

    @property
    def error(self) -> str | None:
        return self.record.get("error")


def output_name(name: str, suffix: str) -> str:
    """``documents/NAME.SUFFIX``: where a document's file goes under the output folder."""
    return f"{DOCUMENTS}/{name}.{suffix}"


def record_name(name: str) -> str:
    return f"{DOCUMENTS}/{name}{RECORD}"


def _stamps(paths: Iterable[str | None]) -> list[list]:
    stamps = []
    for path in paths:
        if not path:
            continue
        try:
            st = os.stat(path)
            stamps.append([path, st.st_size, st.st_mtime_ns])
        except OSError:
            stamps.append([path, None, None])
    return stamps


def fingerprint(document: CorpusDocument) -> list[list]:
    """Size and modification time of each input file (a changed file makes its record stale)."""
    return _stamps(document.paths)


# -- one document -----------------------------------------------------------------------

_SETUP: list[tuple[BatchSettings, RunSetup]] = []


def run_setup(settings: BatchSettings) -> RunSetup:
    """The rules, glossaries and accepted findings of ``settings``, loaded once per process."""
    from qa_rules.run import prepare_run

    if _SETUP and _SETUP[0][0] == settings:
        return _SETUP[0][1]
    setup = prepare_run(settings.options, settings.config, "", ())
    _SETUP[:] = [(settings, setup)]
    return setup


def _base_record(document: CorpusDocument, settings: BatchSettings) -> dict[str, Any]:
    return {"name": document.name, "error": None, "files": [list(f) for f in document.files],
            "bilingual": document.bilingual, "settings": settings.key, "inputs": fingerprint(document)}


def failed(document: CorpusDocument, settings: BatchSettings, error: str) -> DocumentResult:
    """The result of a document that could not be checked: its one-line ``error``."""
    record = _base_record(document, settings)
    record["error"] = one_line(error)
    return DocumentResult(document.name, record)


def check_document(document: CorpusDocument, settings: BatchSettings) -> DocumentResult:
    """Check one document of a corpus (see the module's docstring); never raises for bad input."""
    if document.problem:
        return failed(document, settings, f"{document.where}: {document.problem}")
    try:
        with collector.paused():  # nothing a check makes is garbage in a cycle (``hexaglot.collector``)
            return _check(document, settings)
    except InputError as exc:
        return failed(document, settings, str(exc))
    except MemoryError:
        return failed(document, settings, f"{document.where}: too large to check (out of memory)")
    except Exception as exc:  # a bug: listed with the document, the run goes on
        return failed(document, settings, f"{document.where}: internal error: {type(exc).__name__}: {exc}")


def _check(document: CorpusDocument, settings: BatchSettings) -> DocumentResult:
    from aligner.align import align_documents
    from qa_rules.cat_input import check_cat_alignment
    from qa_rules.run import check_alignment, read_versions

    setup = run_setup(settings)
    level = settings.options.level or settings.config.level
    clock = time.perf_counter
    t0 = clock()
    if document.bilingual:
        from aligner.readers.bilingual import read_bilingual

        alignment = read_bilingual(document.paths[0])
        t1 = clock()
    else:
        documents = read_versions(document.paths, document.languages)
        t1 = clock()
        alignment = align_documents(documents, level=level)
    t2 = clock()
    report = check_cat_alignment(alignment, setup) if document.bilingual else check_alignment(alignment, setup, level)
    t3 = clock()
    outputs, record = _render(document, settings, setup, report)
    t4 = clock()
    timings = dict(zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)))
    return DocumentResult(document.name, record, tuple(outputs), timings)


def _render(document: CorpusDocument, settings: BatchSettings, setup: RunSetup, report) -> tuple[list, dict]:
    from hexaglot.reports import render
    from qa_rules.consistency.corpus import renderings
    from qa_rules.pairing import build_pairs
    from qa_rules.glossary.stats import term_stats

    outputs = [(output_name(document.name, "json"), render(report, "json").encode("utf-8"))]
    if settings.html:
        outputs.append((output_name(document.name, "html"), render(report, "html").encode("utf-8")))
    if settings.align:
        from aligner.writers import render as render_alignment

        for fmt in settings.align:
            data = render_alignment(report.alignment, fmt)
            outputs.append((output_name(document.name, f"align.{fmt}"),
                            data.encode("utf-8") if isinstance(data, str) else data))
    summary = report.summary()
    record = _base_record(document, settings)
    record.update({
        "languages": list(report.languages),
        "pivot": report.pivot,
        "outputs": [path for path, _ in outputs],
        "findings": {key: summary[key] for key in ("total", "by_severity", "by_category", "by_language", "accepted")},
        "by_rule": dict(sorted(_count(f.rule for f in report.findings).items())),
        "whole_version": whole_version_findings(report),
        "renderings": [r.as_list() for r in renderings(build_pairs(report.alignment))],
        "terms": [[s.glossary, s.concept, s.label, lang, term, count]
                  for s in term_stats(report.documents, setup.glossaries, report.term_matches)
                  for lang in sorted(s.terms) for term, count in sorted(s.terms[lang].items())],
    })
    return outputs, record


def _count(values: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def whole_version_findings(report) -> list[dict[str, str]]:
    """Findings about a whole version rather than a place in it (neither side names a unit): a
    judgement on the document, such as a target that is not a translation of its source. The
    corpus summary lists the documents that have them."""
    found = []
    for finding in report.findings:
        if any(side is not None and side.unit for side in (finding.source, finding.target)):
            continue
        found.append({"rule": finding.rule, "name": finding.name, "severity": finding.severity,
                      "lang": report.version_of(finding), "message": finding.message})
    return found


def fails(record: dict[str, Any], fail_on: str) -> bool:
    """Whether a checked document has a finding at least as severe as ``fail_on`` (``never``: no)."""
    if fail_on == "never" or record.get("error"):
        return False
    by_severity = record.get("findings", {}).get("by_severity", {})
    return any(n and severity_rank(s) <= severity_rank(fail_on) for s, n in by_severity.items() if s in SEVERITIES)


def with_search_dir(options: CheckOptions) -> CheckOptions:
    """``options`` with the folder searched for config and accept files made absolute (a worker's
    working folder may differ from the command's)."""
    return replace(options, search_dir=os.path.abspath(options.search_dir))
