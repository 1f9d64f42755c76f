"""How the ``hexaglot`` process ends: the status and what reached its streams are those of a
normal exit, without the interpreter's teardown (``hexaglot.__main__.leave``)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from conftest import REPO

from hexaglot import __main__ as entry


def _run(body: str, *args: str) -> subprocess.CompletedProcess:
    script = textwrap.dedent(body)
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, cwd=REPO)


_WITH_A_FINALIZER = """
    import atexit, os, sys
    from hexaglot.__main__ import run

    class Torn:
        def __del__(self):
            os.write(1, b"torn down\\n")

    kept = Torn()  # a module global: freed by the interpreter's teardown, never by the end of run()
    atexit.register(lambda: sys.stdout.write("atexit ran\\n"))
    sys.argv = ["hexaglot", *sys.argv[1:]]
    run()
"""


def test_a_finished_command_skips_the_teardown_but_runs_atexit_and_flushes():
    done = _run(_WITH_A_FINALIZER, "--version")
    assert done.returncode == 0
    assert "hexaglot" in done.stdout  # the command's own output, flushed into a pipe
    assert "atexit ran" in done.stdout
    assert "torn down" not in done.stdout


def test_the_status_is_the_commands_own():
    done = _run(_WITH_A_FINALIZER, "check", "no-such-file.md", "neither.md")
    assert done.returncode == 2
    assert done.stderr.startswith("hexaglot: error:")
    assert "atexit ran" in done.stdout


def test_a_running_thread_that_is_not_a_daemon_gets_a_normal_exit():
    done = _run("""
        import os, threading, time
        from hexaglot.__main__ import leave

        class Torn:
            def __del__(self):
                os.write(1, b"torn down\\n")

        kept = Torn()
        threading.Thread(target=time.sleep, args=(0.2,)).start()
        leave(3)
    """)
    assert done.returncode == 3
    assert "torn down" in done.stdout  # the interpreter's own exit, which waited for the thread


@pytest.mark.parametrize("code, status, said", [(None, 0, ""), (4, 4, ""), ("a message", 1, "a message\n")])
def test_exit_codes_read_as_system_exit_reads_them(monkeypatch, capsys, code, status, said):
    ended = []
    monkeypatch.setattr("os._exit", ended.append)
    entry.leave(code)
    assert ended == [status]
    assert capsys.readouterr().err == said
