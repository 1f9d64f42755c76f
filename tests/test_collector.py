"""``hexaglot.collector``: a one-shot process pauses the garbage collector while it loads, and
every command runs its work with it on again (each case in its own interpreter: freezing the
test process's objects would outlive the test)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import REPO, SAMPLE_SET


def run_python(code: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=REPO, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout.split()


#: Replaces each watched function (module, attribute, label) by one that prints its label and
#: whether the collector is on (and, when it is, whether what was loaded is set aside) before
#: calling it; then runs the command line with the collector paused as ``hexaglot.__main__`` does.
_PROBE = """
import gc, importlib, sys
from hexaglot import collector
collector.pause()
from hexaglot.cli import cli

def watch(module, name, label):
    target = importlib.import_module(module)
    original = getattr(target, name)

    def watched(*args, **kwargs):
        print(label, gc.isenabled(), *([gc.get_freeze_count() > 0] if gc.isenabled() else []))
        return original(*args, **kwargs)

    setattr(target, name, watched)

for module, name, label in WATCHED:
    watch(module, name, label)
try:
    cli(ARGV, standalone_mode=False)
except SystemExit:
    pass
"""


def collector_states(watched: list[tuple[str, str, str]], argv: list[str]) -> list[str]:
    """What ``_PROBE`` prints for ``watched`` functions during ``hexaglot ARGV``, word by word."""
    return run_python(f"WATCHED = {watched!r}\nARGV = {argv!r}\n" + _PROBE)


def test_resume_freezes_and_enables_only_after_pause():
    out = run_python("""
        import gc
        from hexaglot import collector
        collector.resume()
        print(gc.isenabled(), gc.get_freeze_count() == 0)
        collector.pause()
        print(gc.isenabled())
        collector.resume()
        print(gc.isenabled(), gc.get_freeze_count() > 0)
        gc.disable()
        collector.resume()  # paused by someone else: not ours to turn on
        print(gc.isenabled())
    """)
    assert out == ["True", "True", "False", "True", "True", "False"]


def test_a_command_runs_with_the_collector_on():
    out = run_python("""
        import gc
        from hexaglot import collector
        collector.pause()
        import click
        from hexaglot.cli import cli

        @cli.command("probe")
        def probe():
            print(gc.isenabled())

        cli(["probe"], standalone_mode=False)
    """)
    assert out == ["True"]


def test_check_aligns_with_the_collector_paused_and_runs_the_rules_with_it_on():
    paths = [str(SAMPLE_SET / f"{lang}.md") for lang in ("fr", "en")]
    out = collector_states([("aligner.align", "align_documents", "align"),
                            ("qa_rules.run", "check_alignment", "rules")],
                           ["check", *paths, "--format", "json"])
    assert out[:5] == ["align", "False", "rules", "True", "True"]


def test_paused_restores_the_collector_as_it_was():
    import gc

    from hexaglot import collector

    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block's pause holds
    assert gc.isenabled()
    try:
        with collector.paused():
            raise KeyError("a document that fails")
    except KeyError:
        pass
    assert gc.isenabled()


def test_a_batch_worker_checks_each_document_with_the_collector_paused(monkeypatch):
    import gc

    import hexaglot.batch as batch
    from aligner.corpus import CorpusDocument

    seen = []

    def checking(document, settings):
        seen.append(gc.isenabled())
        raise batch.InputError(document.where, "unreadable")

    monkeypatch.setattr(batch, "_check", checking)
    frozen = gc.get_freeze_count()
    document = CorpusDocument(name="doc", files=(("fr", "doc/fr.md"), ("en", "doc/en.md")), location="doc")
    result = batch.check_document(document, batch.BatchSettings())
    assert seen == [False]
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    assert "unreadable" in result.record["error"]


def test_align_aligns_with_the_collector_paused_and_writes_with_it_on(tmp_path):
    paths = [str(SAMPLE_SET / f"{lang}.md") for lang in ("fr", "en")]
    out = tmp_path / "aligned.tsv"
    printed = collector_states([("hexaglot.commands.align", "align_documents", "align"),
                                ("hexaglot.commands.align", "render", "write")],
                               ["align", *paths, "-o", str(out)])
    assert printed == ["align", "False", "write", "True", "True"]
    assert out.read_text(encoding="utf-8").count("\n") > 10


def test_a_cat_file_is_read_with_the_collector_paused_and_checked_with_it_on(tmp_path):
    path = tmp_path / "pair.xlf"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
                    'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" source-language="fr" '
                    'target-language="en" datatype="plaintext"><body><trans-unit id="1">'
                    "<source>Prie l'Office de poursuivre son assistance.</source>"
                    "<target>Requests the Office to continue its assistance.</target>"
                    "</trans-unit></body></file></xliff>\n", encoding="utf-8")
    out = collector_states([("qa_rules.cat_input", "read_bilingual", "read"),
                            ("qa_rules.cat_input", "check_cat_alignment", "rules")],
                           ["check", str(path), "--format", "json"])
    assert out[:5] == ["read", "False", "rules", "True", "True"]
