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
    out = run_python(f"""
        import gc
        from hexaglot import collector
        collector.pause()
        import aligner.align, qa_rules.run
        from hexaglot.cli import cli

        align, check = aligner.align.align_documents, qa_rules.run.check_alignment

        def aligning(*args, **kwargs):
            print("align", gc.isenabled())
            return align(*args, **kwargs)

        def checking(*args, **kwargs):
            print("rules", gc.isenabled(), gc.get_freeze_count() > 0)
            return check(*args, **kwargs)

        aligner.align.align_documents, qa_rules.run.check_alignment = aligning, checking
        try:
            cli(["check", *{paths!r}, "--format", "json"], standalone_mode=False)
        except SystemExit:
            pass
    """)
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
    printed = run_python(f"""
        import gc
        from hexaglot import collector
        collector.pause()
        import aligner.align, hexaglot.commands.align as command
        from hexaglot.cli import cli

        align, render = aligner.align.align_documents, command.render

        def aligning(*args, **kwargs):
            print("align", gc.isenabled())
            return align(*args, **kwargs)

        def rendering(*args, **kwargs):
            print("write", gc.isenabled(), gc.get_freeze_count() > 0)
            return render(*args, **kwargs)

        command.align_documents, command.render = aligning, rendering
        cli(["align", *{paths!r}, "-o", {str(out)!r}], standalone_mode=False)
    """)
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
    out = run_python(f"""
        import gc
        from hexaglot import collector
        collector.pause()
        import qa_rules.cat_input as cat
        from hexaglot.cli import cli

        read, check = cat.read_bilingual, cat.check_cat_alignment

        def reading(*args, **kwargs):
            print("read", gc.isenabled())
            return read(*args, **kwargs)

        def checking(*args, **kwargs):
            print("rules", gc.isenabled(), gc.get_freeze_count() > 0)
            return check(*args, **kwargs)

        cat.read_bilingual, cat.check_cat_alignment = reading, checking
        try:
            cli(["check", {str(path)!r}, "--format", "json"], standalone_mode=False)
        except SystemExit:
            pass
    """)
    assert out[:5] == ["read", "False", "rules", "True", "True"]
