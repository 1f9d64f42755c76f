"""Running ``hexaglot batch`` over a corpus: the engines and the run.

``hexaglot.batch.check_document`` checks one document. Here it runs over a
whole corpus: in a local process pool (``local_results``) or as one Dask task
per document (``dask_results``), the rules, glossaries and accepted findings
loaded once per worker (``run_setup``). A local worker writes its document's
files itself (``check_and_write``: the reports first, each atomically, then the
record last) and hands back only the record, so the parent (``run_batch``) only
reduces the summary; a Dask task hands back the files' bytes and the client
writes them (the cluster need not share the output folder). Either way a worker
loads what it would otherwise load during its first document when it starts
(``hexaglot.batch_warm.warm_up``: it reads the corpus's first document and
runs the rules on their examples in its languages), so that no document pays for its worker's start. ``load_record``
says whether a document is already done (``--resume``).
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from aligner.corpus import CorpusDocument
from aligner.errors import InputError
from aligner.fileio import write_atomic
from hexaglot.batch import (DOCUMENTS, BatchSettings, DocumentResult, check_document, failed, fingerprint,
                            record_name)
from hexaglot.batch_warm import first_document, warm_up

# -- engines ----------------------------------------------------------------------------


#: Imported once by the forkserver, so that each worker it forks starts with them (a second
#: worker, or the pool that replaces a dead one, does not import them again).
PRELOAD = ["hexaglot.batch_run", "aligner.align", "aligner.readers", "aligner.readers.markup", "aligner.structure",
           "aligner.segment", "qa_rules.run", "qa_rules.engine", "qa_rules.registry", "qa_rules.cat_input",
           "qa_rules.glossary.stats", "qa_rules.consistency.corpus", "hexaglot.reports", "hexaglot.reports.json",
           "langdetect.detector_factory", "langdetect.utils.ngram", "Stemmer"]

Task = Callable[[CorpusDocument, BatchSettings], DocumentResult]


def check_and_write(document: CorpusDocument, settings: BatchSettings, out_dir: str) -> DocumentResult:
    """A local worker's task: check ``document``, write its files and then its record into
    ``out_dir``, and return the result without the files' bytes (``written``). The time the
    writing took is part of the ``report`` stage."""
    result = check_document(document, settings)
    elapsed = write_result(out_dir, result, inputs=[path for _, path in document.files])
    timings = {**result.timings, "report": result.timings["report"] + elapsed} if result.timings else {}
    return replace(result, outputs=(), timings=timings, written=True)


def _init_worker(settings: BatchSettings, first: CorpusDocument | None = None) -> None:
    """A pool worker: Ctrl-C is the parent's to handle; load now the rules, glossaries and what
    checking documents like the corpus's ``first`` loads on first use (``warm_up``; it never
    raises: a bad glossary, config or document is each document's error)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    warm_up(settings, first)


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def local_results(documents: Iterable[CorpusDocument], settings: BatchSettings, workers: int,
                  task: Task = check_document) -> Iterator[DocumentResult]:
    """``task`` (``check_document``, or ``check_and_write`` bound to an output folder) over
    ``documents`` in ``workers`` processes (0: in this process), results as they complete, at most
    two per worker in flight (memory does not grow with the corpus). A worker that dies (killed,
    out of memory) takes the documents in flight with it (which one killed it is unknown): each is
    tried once more on a new pool, alone, and a document whose worker dies then is a transient
    error (``died``)."""
    if workers <= 0:
        for document in documents:
            yield task(document, settings)
        return
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)  # read when the forkserver starts, once per process
    first, pending = first_document(documents)
    retry: list[CorpusDocument] = []  # in flight when a worker died: tried once more
    tried: set[str] = set()
    limit = 2 * workers
    in_flight: dict = {}

    def start() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(settings, first))

    pool = start()
    try:
        exhausted = False
        while True:
            lost: list[CorpusDocument] = []
            broken = False
            while len(in_flight) < limit and (retry or not exhausted):
                if retry and in_flight:
                    break  # a document lost with a pool runs alone: if it kills its worker again, it is the one
                document = retry.pop(0) if retry else next(pending, None)
                if document is None:
                    exhausted = True
                    break
                try:
                    in_flight[pool.submit(task, document, settings)] = document
                except BrokenProcessPool:  # a worker died since the last results
                    retry.insert(0, document)
                    broken = True
                    break
                if document.name in tried:
                    break
            if not broken:
                if not in_flight:
                    return
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in sorted(done, key=lambda f: in_flight[f].name):
                    document = in_flight.pop(future)
                    try:
                        yield future.result()
                    except BrokenProcessPool:
                        lost.append(document)
                        broken = True
            if broken:  # every document in flight is lost with the pool: which one killed it is unknown
                lost += sorted(in_flight.values(), key=lambda d: d.name)
                in_flight.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                for document in lost:
                    if document.name in tried:
                        yield died(document, settings)
                    else:
                        tried.add(document.name)
                        retry.append(document)
                pool = start()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def died(document: CorpusDocument, settings: BatchSettings) -> DocumentResult:
    """A document whose worker died twice while checking it (killed, out of memory): an error
    for this run, without a record, so that ``--resume`` tries it again."""
    result = failed(document, settings, f"{document.where}: the worker process checking it died "
                                        "(killed, or out of memory)")
    return replace(result, transient=True)


def dask_results(documents: Iterable[CorpusDocument], settings: BatchSettings, scheduler: str,
                 workers: int) -> Iterator[DocumentResult]:
    """``check_document`` as one Dask task per document: on a ``LocalCluster`` of ``workers``
    processes (``scheduler`` ``local``) or on the cluster whose scheduler is at ``scheduler``
    (``tcp://host:8786``); results as they complete, at most two per worker in flight."""
    import logging

    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise InputError("--scheduler", "needs dask.distributed; install it with: pip install 'hexaglot[dask]'") from None
    cluster = None
    if scheduler == "local":
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    else:
        try:
            client = Client(scheduler, timeout=30)
        except (OSError, ValueError, TypeError) as exc:
            raise InputError("--scheduler", f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
    try:
        first, pending = first_document(documents)
        _warm_dask_workers(client, settings, first)
        limit = 2 * max(1, sum(client.nthreads().values()) if cluster is None else workers)
        names: dict[str, CorpusDocument] = {}
        completed = as_completed()

        def submit() -> bool:
            document = next(pending, None)
            if document is None:
                return False
            future = client.submit(check_document, document, settings, pure=False)
            names[future.key] = document
            completed.add(future)
            return True

        for _ in range(limit):
            if not submit():
                break
        for future in completed:
            document = names.pop(future.key)
            try:
                yield future.result()
            except Exception as exc:  # a worker that died (KilledWorker) or a lost connection
                yield replace(failed(document, settings, f"{document.where}: the Dask task failed "
                                                         f"({type(exc).__name__}: {exc})"), transient=True)
            future.release()
            submit()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _warm_dask_workers(client, settings: BatchSettings, first: CorpusDocument | None) -> None:
    """Every worker of the cluster, and any that joins it later, runs ``warm_up`` as it is set up
    (a Dask worker plugin), as a local pool's workers do in their initializer."""
    from dask.distributed import WorkerPlugin

    class WarmUp(WorkerPlugin):
        name = "hexaglot-warm-up"

        def __init__(self, settings: BatchSettings, first: CorpusDocument | None) -> None:
            self.settings, self.first = settings, first

        def setup(self, worker) -> None:
            warm_up(self.settings, self.first)

    client.register_plugin(WarmUp(settings, first))


# -- the run ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    """What ``run_batch`` tells its caller after each document."""

    done: int
    skipped: int
    errors: int
    name: str


def load_record(out_dir: str | os.PathLike, document: CorpusDocument, settings: BatchSettings) -> dict | None:
    """The record of a document already done by a run with these settings on these input files, else None."""
    path = Path(out_dir) / record_name(document.name)
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("name") != document.name:
        return None
    if record.get("settings") != settings.key or record.get("inputs") != fingerprint(document):
        return None
    if not all((Path(out_dir) / output).is_file() for output in record.get("outputs", ())):
        return None
    return record


def write_result(out_dir: str | os.PathLike, result: DocumentResult, inputs: Iterable[str] = ()) -> float:
    """Write a result's files, each atomically, then its record (none for a transient failure);
    the seconds it took."""
    start = time.perf_counter()
    for name, data in result.outputs:
        path = Path(out_dir) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data, inputs=inputs)
    if result.transient:
        return time.perf_counter() - start
    path = Path(out_dir) / record_name(result.name)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps(result.record, ensure_ascii=False, indent=1, sort_keys=True) + "\n", inputs=inputs)
    return time.perf_counter() - start


@dataclass
class BatchRun:
    """What a run did: how many documents, how many were already done, the errors, and the
    timings of the documents it checked (the records went to ``on_record``)."""

    documents: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    timings: list[dict[str, float]] = field(default_factory=list)


def run_batch(documents: Iterable[CorpusDocument], out_dir: str | os.PathLike, settings: BatchSettings, *,
              workers: int = 1, scheduler: str | None = None, resume: bool = False,
              on_record: Callable[[dict[str, Any]], None] | None = None,
              on_progress: Callable[[Progress], None] | None = None) -> BatchRun:
    """Check ``documents`` into ``out_dir`` (see the module's docstring).

    ``workers``: local processes (0: this process); with ``scheduler`` (``local`` or a
    ``tcp://`` address) Dask runs the tasks. ``resume``: skip documents already done.
    ``on_record`` receives every document's record (checked now or before) as it comes,
    so a summary can be reduced without holding the records.
    """
    out = Path(out_dir)
    (out / DOCUMENTS).mkdir(parents=True, exist_ok=True)
    run = BatchRun()

    def tell(name: str, record: dict) -> None:
        run.documents += 1
        if record.get("error"):
            run.errors.append(record["error"])
        if on_record is not None:
            on_record(record)
        if on_progress is not None:
            on_progress(Progress(run.documents, run.skipped, len(run.errors), name))

    def to_check() -> Iterator[CorpusDocument]:
        for document in documents:
            record = load_record(out, document, settings) if resume else None
            if record is None:
                yield document
                continue
            run.skipped += 1
            tell(document.name, record)

    if scheduler is None:
        results = local_results(to_check(), settings, workers, partial(check_and_write, out_dir=str(out)))
    else:
        results = dask_results(to_check(), settings, scheduler, max(1, workers))
    for result in results:
        timings = result.timings
        if not result.written:
            elapsed = write_result(out, result, inputs=[path for _, path in result.record.get("files", ())])
            timings = {**timings, "report": timings["report"] + elapsed} if timings else {}
        if timings:
            run.timings.append(timings)
        tell(result.name, result.record)
    return run


