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
