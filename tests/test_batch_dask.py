"""``hexaglot batch --scheduler``: the same reports from a Dask cluster as from the local pool, byte for byte."""

from __future__ import annotations

import logging

from aligner.corpus import iter_corpus
from hexaglot.batch import BatchSettings, with_search_dir
from hexaglot.batch_run import run_batch
from qa_rules.run import CheckOptions
from tests.conftest import missing
from tests.test_batch_run import make_corpus


def test_dask_cluster_reports_equal_the_local_runs_byte_for_byte(tmp_path):
    try:
        import distributed
    except ImportError:
        missing("dask.distributed is not installed (pip install -e '.[test]')")
    corpus = make_corpus(tmp_path / "corpus")
    settings = BatchSettings(options=with_search_dir(CheckOptions()), html=True, align=("tmx",))
    local: list[dict] = []
    run_batch(iter_corpus(corpus, source="fr"), tmp_path / "local", settings, workers=0, on_record=local.append)
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=None, silence_logs=logging.ERROR)
    try:
        remote: list[dict] = []
        run_batch(iter_corpus(corpus, source="fr"), tmp_path / "dask", settings,
                  scheduler=cluster.scheduler_address, workers=2, on_record=remote.append)
    finally:
        cluster.close()
    by_name = {r["name"]: r for r in remote}  # in the order they completed
    assert sorted(by_name) == ["doc-a", "doc-b", "doc-c", "doc-d"]
    assert [by_name[r["name"]] for r in local] == local
    files = sorted(p.relative_to(tmp_path / "local") for p in (tmp_path / "local" / "documents").rglob("*"))
    assert files == sorted(p.relative_to(tmp_path / "dask") for p in (tmp_path / "dask" / "documents").rglob("*"))
    assert len(files) == 2 * 4 + 2  # doc-a, doc-b: report, HTML, alignment, record; doc-c, doc-d: record
    for name in files:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name


def test_cli_scheduler_local_writes_the_files_the_local_pool_writes(tmp_path):
    """``hexaglot batch --scheduler local``: a LocalCluster of two workers on loopback, end to end."""
    from click.testing import CliRunner

    from hexaglot.cli import cli

    try:
        import distributed  # noqa: F401
    except ImportError:
        missing("dask.distributed is not installed (pip install -e '.[test]')")
    corpus = make_corpus(tmp_path / "corpus")
    outputs = {}
    for engine in (["--workers", "2"], ["--scheduler", "local", "--workers", "2"]):
        out = tmp_path / engine[1]
        result = CliRunner().invoke(cli, ["batch", str(corpus), "-o", str(out), "--source", "fr", "--html", "-q",
                                          *engine], catch_exceptions=False)
        assert result.exit_code == 2, result.output  # doc-c and doc-d cannot be checked
        outputs[engine[1]] = out
    local, dask = outputs["2"], outputs["local"]
    files = sorted(p.relative_to(local) for p in local.rglob("*") if p.is_file() and p.name != "summary.xlsx")
    assert files == sorted(p.relative_to(dask) for p in dask.rglob("*") if p.is_file() and p.name != "summary.xlsx")
    assert len([f for f in files if f.parts[0] == "documents"]) == 3 * 2 + 2
    assert "summary.csv" in {f.name for f in files}
    for name in files:
        assert (dask / name).read_bytes() == (local / name).read_bytes(), name
