"""``hexaglot batch CORPUS -o OUT``: check every document of a corpus, one report each, and summarise.

The options of ``check`` (``QA_OPTIONS``) apply to every document. Alignments
are written with ``--align FORMAT`` (an option rather than a ``batch align``
subcommand: the corpus, the output folder and the options are the same, and
the alignment is computed by the check anyway). Exit codes as ``check``: 0
clean, 1 a document has findings at or above ``--fail-on``, 2 a document could
not be checked (listed in the summary with its error) or a usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from aligner.corpus import LAYOUTS, iter_corpus
from aligner.errors import InputError
from aligner.langid import ISO_639_1
from aligner.model import OFFICIAL_LANGUAGES
from hexaglot.batch import ALIGN_FORMATS, BatchSettings, fails, run_setup, with_search_dir
from hexaglot.batch_run import default_workers, run_batch
from hexaglot.commands.check import check_options, qa_options
from hexaglot.logs import logger, notice, verbosity_options
from qa_rules.run import resolved_config

#: The language checked against when ``--source`` is not given, in every layout: most UN documents
#: are drafted in English, and neither a folder of versions nor the UN Parallel Corpus says which
#: version is the original. A corpus drafted in another language names it (the bundled samples: fr).
DEFAULT_SOURCE = "en"


def _languages(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.strip().lower() for v in values for t in v.split(",") if t.strip()))


def _check_output_folder(output: str, corpus: str) -> Path:
    out = Path(output)
    if out.exists() and not out.is_dir():
        raise InputError(output, "is a file; -o names the folder the reports go to")
    if out.exists() and Path(corpus).exists() and out.resolve() == Path(corpus).resolve():
        raise InputError(output, "is the corpus folder; choose another output folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(output, f"cannot be created ({exc.strerror or exc})") from None
    return out


@click.command("batch")
@click.argument("corpus", type=click.Path(path_type=str))
@click.option("-o", "--output", required=True, type=click.Path(path_type=str),
              help="The folder the reports and the summary go to (created if needed).")
@click.option("--layout", type=click.Choice(LAYOUTS), default=None,
              help="How the corpus is laid out: a folder per document (folders), the UN Parallel Corpus's "
                   "LANG/YEAR/NAME trees (un), or CAT files (cat); default: detected.")
@click.option("--source", default=DEFAULT_SOURCE, show_default=True,
              help="The language the other versions are checked against, for every document of the folders "
                   "and un layouts (a CAT file names its own). Most UN documents are drafted in English; give "
                   "the original's language otherwise (the bundled samples: fr).")
@click.option("--languages", "languages", multiple=True,
              help="Versions every document must have (comma-separated); one missing makes the document an error.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: all cores; with --scheduler local, the cluster's workers).")
@click.option("--scheduler", default=None,
              help="Run on Dask: 'local' (a LocalCluster on this machine) or a scheduler address "
                   "(tcp://host:8786). Needs: pip install 'hexaglot[dask]'.")
@click.option("--resume", is_flag=True, help="Skip documents a run with the same options has already done.")
@click.option("--html", is_flag=True, help="Also write each document's report as HTML.")
@click.option("--align", "align_formats", multiple=True, type=click.Choice(ALIGN_FORMATS),
              help="Also write each document's alignment in this format (repeat for several).")
@qa_options
@verbosity_options
def command(corpus, output, layout, source, languages, workers, scheduler, resume, html, align_formats,
            fail_on, **qa) -> None:
    """Check every document of the CORPUS folder: one report per document under -o, and a corpus summary."""
    from hexaglot.progress import ProgressReport

    source = source.strip().lower()
    if source not in OFFICIAL_LANGUAGES:
        raise InputError("--source", f"{source!r} is not one of the six official languages ({', '.join(OFFICIAL_LANGUAGES)})")
    required = _languages(languages)
    unknown = [lang for lang in required if lang not in ISO_639_1]
    if unknown:
        raise InputError("--languages", f"{', '.join(unknown)}: not an ISO 639-1 language code")
    if scheduler is not None:
        _needs_dask()

    def documents():
        return iter_corpus(corpus, layout=layout, source=source, languages=required)

    total = sum(1 for _ in documents())  # listing only: cheap beside checking
    if total == 0:
        raise InputError(corpus, "holds no documents (see --layout)")
    options = with_search_dir(check_options(**qa))
    config = resolved_config(options)
    settings = BatchSettings(options=options, config=config, html=html, align=tuple(dict.fromkeys(align_formats)))
    run_setup(settings)  # a bad --select, glossary or accept file: one error now, not one per document
    out = _check_output_folder(output, corpus)
    workers = workers or default_workers()
    engine = f"Dask ({scheduler})" if scheduler else f"{workers} worker{'s' if workers != 1 else ''}"
    logger.info("%d documents, %s", total, engine)
    from hexaglot.reports.corpus import CorpusSummary, write_summary

    summary = CorpusSummary()
    failing = []

    def on_record(record: dict) -> None:
        summary.add(record)
        if fails(record, fail_on or config.fail_on):
            failing.append(record["name"])

    progress = ProgressReport(total)
    try:
        run = run_batch(documents(), out, settings, workers=workers, scheduler=scheduler, resume=resume,
                        on_record=on_record, on_progress=lambda p: progress.update(p.done, p.errors))
    finally:
        progress.close()
    written = write_summary(out, summary)
    checked = run.documents - run.skipped - len(run.errors)
    notice(f"wrote {out} ({run.documents} documents, source {source}: {checked} checked, {run.skipped} already done, "
           f"{len(run.errors)} could not be checked, {len(failing)} with findings at or above "
           f"{fail_on or config.fail_on}; summary: {written})")
    for error in run.errors:
        logger.warning("%s", error)
    sys.exit(2 if run.errors else 1 if failing else 0)


def _needs_dask() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise InputError("--scheduler", "needs dask.distributed, which is not installed; "
                                        "install it with: pip install 'hexaglot[dask]'") from None
