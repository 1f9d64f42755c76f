"""The input/output contract at its edges: special files, every file read is an input,
size limits, interrupted writes, Ctrl-C, SIGTERM, standard output that fails."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from conftest import REPO, SAMPLE_SET

from aligner import fileio, limits
from aligner.errors import InputError, one_line
from aligner.fileio import read_bytes, read_text, write_atomic

FR = SAMPLE_SET / "fr.md"
EN = SAMPLE_SET / "en.md"
ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def hexaglot(*args, stdin=None, **kwargs):
    return subprocess.run([sys.executable, "-m", "hexaglot", *map(str, args)], cwd=kwargs.pop("cwd", REPO),
                          env=kwargs.pop("env", ENV), stdin=stdin, capture_output=True, text=True, timeout=300,
                          **kwargs)


def one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


# -- outputs never replace special files ---------------------------------------------


def test_a_fifo_output_is_written_through_not_renamed_over(tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, "report\n")
    reader.join(timeout=30)
    assert received == [b"report\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.fifo"]


def test_a_device_output_is_written_through_not_replaced():
    before = os.stat(os.devnull)
    write_atomic(os.devnull, "discarded")
    after = os.stat(os.devnull)
    assert stat.S_ISCHR(after.st_mode) and (after.st_dev, after.st_ino) == (before.st_dev, before.st_ino)


def test_dev_stdout_redirected_to_a_file_is_written_through_the_stream(tmp_path):
    """``-o /dev/stdout > file``: renaming over /dev/stdout's file would lose the output."""
    redirected = tmp_path / "captured.txt"
    code = "from aligner.fileio import write_atomic; print('before', flush=True); write_atomic('/dev/stdout', 'report\\n')"
    with open(redirected, "w") as handle:
        subprocess.run([sys.executable, "-c", code], stdout=handle, cwd=REPO, env=ENV, check=True, timeout=60)
    assert redirected.read_text() == "before\nreport\n"


def test_a_symlink_output_keeps_the_link_and_replaces_its_target(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    os.chmod(real, 0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_a_name_ending_in_a_slash_is_refused(tmp_path):
    with pytest.raises(InputError, match="folder"):
        write_atomic(f"{tmp_path}/newdir/", "x")
    assert list(tmp_path.iterdir()) == []


def test_cli_dev_null_output_keeps_the_device():
    result = hexaglot("segment", FR, "-o", os.devnull)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


# -- every file read is an input -------------------------------------------------------


def test_a_file_read_once_is_never_an_output(tmp_path):
    glossary = tmp_path / "terms.csv"
    glossary.write_text("x", encoding="utf-8")
    read_bytes(glossary)
    with pytest.raises(InputError, match="input"):
        write_atomic(glossary, "report")  # not named in inputs: remembered from the read
    assert glossary.read_text(encoding="utf-8") == "x"


def test_an_input_reached_through_a_hard_link_is_refused(tmp_path):
    source = tmp_path / "fr.md"
    source.write_text("original", encoding="utf-8")
    alias = tmp_path / "alias.md"
    os.link(source, alias)
    with pytest.raises(InputError, match="input"):
        write_atomic(alias, "report", inputs=[source])


@pytest.mark.parametrize("kind", ["glossary", "config", "accept", "implicit accept"])
def test_check_never_overwrites_its_glossary_config_or_accept_file(tmp_path, kind):
    files = {"glossary": ("my.csv", "id,fr,en\nc1,terrorisme,terrorism\n"),
             "config": ("x.toml", "[hexaglot]\nfail_on = \"never\"\n"),
             "accept": ("a.toml", "# accepted findings\n"),
             "implicit accept": ("hexaglot-accept.toml", "# accepted findings\n")}
    name, content = files[kind]
    target = tmp_path / name
    target.write_text(content, encoding="utf-8")
    option = {"glossary": ["--glossary", name], "config": ["--config", name], "accept": ["--accept", name],
              "implicit accept": []}[kind]
    result = hexaglot("check", FR, EN, *option, "-o", name, cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "input" in one_error_line(result.stderr)
    assert target.read_text(encoding="utf-8") == content


# -- inputs: regular files, bounded -----------------------------------------------------


def test_a_fifo_input_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "fr.md"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="FIFO"):
        read_text(fifo)  # before: blocked forever waiting for a writer


def test_dev_zero_is_refused():
    with pytest.raises(InputError, match="device"):
        read_bytes("/dev/zero")


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    big = tmp_path / "big.md"
    big.write_bytes(b"a" * 2048)
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 1024)
    with pytest.raises(InputError, match="too large.*HEXAGLOT_MAX_INPUT_MB"):
        read_bytes(big)


def test_the_limit_is_raised_by_the_environment(monkeypatch):
    monkeypatch.setenv("HEXAGLOT_MAX_INPUT_MB", "200")
    assert limits._mib("HEXAGLOT_MAX_INPUT_MB", 64) == 200 * limits.MiB


def test_cli_fifo_and_device_as_document_exit_2(tmp_path):
    fifo = tmp_path / "en.md"
    os.mkfifo(fifo)
    for args in (("segment", fifo), ("check", FR, fifo), ("check", FR, "/dev/zero", "--lang", "fr", "--lang", "en"),
                 ("check", FR, EN, "--glossary", fifo), ("check", FR, EN, "--accept", fifo)):
        result = hexaglot(*args)
        assert result.returncode == 2, (args, result.stderr)
        one_error_line(result.stderr)


def test_standard_input_is_read_for_dash(monkeypatch):
    import io

    class Stdin:
        buffer = io.BytesIO("Résolution".encode("utf-8"))

    monkeypatch.setattr(sys, "stdin", Stdin)
    assert read_text("-") == "Résolution"


# -- interrupted writes leave nothing --------------------------------------------------


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, SystemExit])
def test_an_interrupted_write_leaves_no_temporary_file(tmp_path, monkeypatch, interruption):
    def interrupted(*args):
        raise interruption()

    monkeypatch.setattr(fileio.os, "replace", interrupted)
    with pytest.raises(interruption):
        write_atomic(tmp_path / "out.json", "x" * 100_000)
    assert list(tmp_path.iterdir()) == []


def _interrupt_on_import(module: str, sig: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run the console entry with a signal delivered the moment ``module`` is imported:
    a deterministic stand-in for Ctrl-C (or kill) at that point of start-up or of the run."""
    code = textwrap.dedent(f"""
        import os, signal, sys
        # Ctrl-C as a terminal delivers it: a shell's background job starts with SIGINT ignored
        signal.signal(signal.SIGINT, signal.default_int_handler)
        class Trap:
            def find_spec(self, name, path=None, target=None):
                if name == {module!r}:
                    sys.meta_path.remove(self)
                    os.kill(os.getpid(), signal.{sig})
                return None
        sys.meta_path.insert(0, Trap())
        sys.argv = ["hexaglot", "check", {str(FR)!r}, {str(EN)!r}, "-o", "out.json"]
        from hexaglot.__main__ import run
        run()
    """)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV, timeout=300,
                          cwd=cwd)


@pytest.mark.parametrize("module", ["click", "qa_rules.run", "aligner.align"])
def test_ctrl_c_at_start_up_or_during_the_run_exits_130_in_one_line(module, tmp_path):
    result = _interrupt_on_import(module, "SIGINT", tmp_path)
    assert result.returncode == 130, result.stderr
    assert one_error_line(result.stderr) == "hexaglot: interrupted"
    assert not (tmp_path / "out.json").exists()


def test_sigterm_during_the_run_exits_143_and_writes_nothing(tmp_path):
    result = _interrupt_on_import("aligner.align", "SIGTERM", tmp_path)
    assert result.returncode == 143, result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.json").exists()


# -- standard output that fails ---------------------------------------------------------


def test_a_full_standard_output_is_one_line_and_exit_2():
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "hexaglot", "segment", str(FR)], stdout=full,
                                stderr=subprocess.PIPE, text=True, env=ENV, cwd=REPO, timeout=300)
    assert result.returncode == 2
    assert "standard output" in one_error_line(result.stderr)


def test_a_closed_standard_output_is_an_error_not_a_silent_success():
    result = subprocess.run([sys.executable, "-m", "hexaglot", "segment", str(FR)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, env=ENV, cwd=REPO, timeout=300,
                            preexec_fn=lambda: os.close(1))
    assert result.returncode == 2
    assert "standard output" in one_error_line(result.stderr)


def test_a_broken_pipe_is_not_exit_0():
    versions = [SAMPLE_SET / f"{lang}.md" for lang in ("fr", "en", "es", "ru", "zh", "ar")]
    # about 180 kB of JSON: more than a pipe holds, so the writer is still writing when the reader leaves
    process = subprocess.Popen([sys.executable, "-m", "hexaglot", "align", *map(str, versions), "--format", "json"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, cwd=REPO)
    process.stdout.read(10)
    process.stdout.close()  # the reader goes away, as `| head -c 10` does
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=300) == 128 + signal.SIGPIPE
    assert "Traceback" not in stderr and "Exception ignored" not in stderr


# -- messages are one printable line ------------------------------------------------------


def test_error_messages_are_one_printable_line():
    error = InputError("na\udcffme\x1b[2J.md", "parser said:\nline 1\n\x1b]0;title\x07")
    assert "\n" not in str(error) and "\x1b" not in str(error) and "\x07" not in str(error)
    assert str(error).startswith("na\\xffme\\x1b[2J.md: parser said: line 1")
    assert one_line("a\u2028b") == "a b"


def test_an_undecodable_file_name_is_one_line(tmp_path):
    name = os.fsencode(tmp_path) + b"/caf\xe9.md"
    result = subprocess.run([sys.executable.encode(), b"-m", b"hexaglot", b"segment", name], capture_output=True,
                            env=ENV, cwd=REPO, timeout=300)
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr and result.stderr.count(b"\n") == 1


def test_a_usage_error_is_one_line():
    result = hexaglot("check", "--no-such-option")
    assert result.returncode == 2
    assert "--no-such-option" in one_error_line(result.stderr)


# -- absent data fails in CI instead of skipping -----------------------------------------


def test_absent_data_skips_locally_and_fails_in_ci(monkeypatch):
    from conftest import missing

    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        missing("the data folder is absent")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        missing("the data folder is absent")


@pytest.mark.parametrize("command", [["glossary", "stats", str(FR), str(EN)], ["glossary", "candidates", str(FR), str(EN)]])
def test_glossary_commands_never_overwrite_their_glossary(tmp_path, command):
    glossary = tmp_path / "my.csv"
    content = "id,fr,en\nc1,terrorisme,terrorism\n"
    glossary.write_text(content, encoding="utf-8")
    result = hexaglot(*command, "--glossary", glossary, "-o", glossary)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "input" in one_error_line(result.stderr)
    assert glossary.read_text(encoding="utf-8") == content
