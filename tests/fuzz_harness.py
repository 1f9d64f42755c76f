"""Running one fuzzed case of ``test_fuzz_inputs.py`` through the command line, bounded.

``run`` invokes hexaglot in process on a mutated file inside a ``workspace`` (a temporary folder
with copies of the sample files) and checks the promises every run keeps: the exit code, the one
error line naming the file, nothing written at ``-o`` on a refusal, no input changed, entities
refused; ``bounded`` interrupts a run past ``CPU_GUARD`` seconds of CPU or ``WALL_GUARD`` of wall
clock and fails it when it grows the process past ``MEMORY_BOUND``.
"""

from __future__ import annotations

import contextlib
import re
import signal
import tempfile
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, settings
from hypothesis.control import currently_in_test_context

import fuzzing
from fuzz_seeds import SAMPLES
from hexaglot.cli import cli

MiB = 1024 * 1024
#: How much one run may grow the process's peak resident memory. The seeds are under 40 kB
#: and mutated files under 192 kB: a run needs a few MiB, plus what the first run imports.
MEMORY_BOUND = 384 * MiB
#: Python allocations (tracemalloc peak) of one run, where a test measures them.
PYTHON_MEMORY_BOUND = 64 * MiB
#: Seconds of CPU after which a run counts as a hang: a run here takes well under one, and
#: CPU time, unlike the wall clock, does not grow when other jobs load the machine.
CPU_GUARD = 20
#: Wall-clock seconds after which a run counts as a hang, whatever it is waiting for.
WALL_GUARD = 180

_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
           HealthCheck.large_base_example]


def fuzz(examples: int):
    """A fixed number of derandomized examples (the same on every machine, so a failure is
    repeatable); no wall-clock deadline: ``bounded`` stops a run that hangs."""
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=_HEALTH, print_blob=True)


# -- running one case -----------------------------------------------------------------------


class Hang(BaseException):
    """Raised in a run that passes ``CPU_GUARD`` or ``WALL_GUARD`` (a BaseException, so that no
    ``except Exception`` in the code under test swallows it)."""


def _status_kib(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        return int(re.search(rf"^{field}:\s+(\d+) kB", status.read(), re.M).group(1))


def _reset_resident_peak() -> bool:
    """Reset the kernel's record of the process's peak resident memory (Linux), if it can."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
        return True
    except OSError:
        return False


@contextlib.contextmanager
def bounded(trace_python: bool = False):
    """Interrupt the block after ``CPU_GUARD`` seconds of CPU or ``WALL_GUARD`` seconds; yield a
    dict that receives ``resident``, how much the block raised the peak resident memory (Linux;
    None elsewhere), and with ``trace_python``, ``python``, the peak of its Python allocations
    (tracemalloc slows a run down several times, so only where a test needs it)."""
    usage: dict[str, int | None] = {}
    started = trace_python and not tracemalloc.is_tracing()
    if started:
        tracemalloc.start()
    if trace_python:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
    resident = _reset_resident_peak()
    if resident:
        resident_base = _status_kib("VmRSS")

    def stop(signum, frame):
        raise Hang(f"{'CPU' if signum == signal.SIGPROF else 'wall-clock'} time guard")

    timers = ((signal.ITIMER_PROF, signal.SIGPROF, CPU_GUARD), (signal.ITIMER_REAL, signal.SIGALRM, WALL_GUARD))
    guard = hasattr(signal, "setitimer")
    previous = {}
    if guard:
        for timer, signum, seconds in timers:
            previous[signum] = signal.signal(signum, stop)
            signal.setitimer(timer, seconds)
    try:
        yield usage
    finally:
        if guard:
            for timer, signum, _ in timers:
                signal.setitimer(timer, 0)
                signal.signal(signum, previous[signum])
        usage["resident"] = (_status_kib("VmHWM") - resident_base) * 1024 if resident else None
        if trace_python:
            usage["python"] = tracemalloc.get_traced_memory()[1] - base
        if started:
            tracemalloc.stop()


class Workspace:
    """A fresh folder per example: ``in/`` (inputs), ``out/`` (the ``-o`` target) and ``cwd/``
    (the working folder of the run, so no ``setup.cfg`` or accept file of the repository is
    read). A file holding ``fuzzing.SECRET`` lies next to the inputs and in the working folder,
    where a relative external entity would find it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.inputs_dir = root / "in"
        self.out_dir = root / "out"
        self.cwd = root / "cwd"
        for folder in (self.inputs_dir, self.out_dir, self.cwd):
            folder.mkdir()
        for folder in (self.inputs_dir, self.cwd):
            (folder / "secret.txt").write_text(fuzzing.SECRET + "\n", encoding="utf-8")
        self.inputs: list[Path] = []

    def add(self, name: str, data: bytes) -> Path:
        path = self.inputs_dir / name
        path.write_bytes(data)
        self.inputs.append(path)
        return path

    def sample(self, name: str, folder: str = "A-RES-55-100") -> Path:
        return self.add(name, (SAMPLES / folder / name).read_bytes())

    @property
    def output(self) -> Path:
        return self.out_dir / "report.json"


@contextlib.contextmanager
def workspace():
    with tempfile.TemporaryDirectory(prefix="hexaglot-fuzz-") as root:
        with contextlib.chdir(root):
            ws = Workspace(Path(root))
        with contextlib.chdir(ws.cwd):
            yield ws


_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def run(ws: Workspace, args: list, fuzzed: Path, *, output: Path | None = None, expect_refusal: str = "",
        trace_python: bool = False):
    """Run ``hexaglot ARGS`` in process and assert the input contract; return the result."""
    before = {path: path.read_bytes() for path in ws.inputs}
    present = set(ws.out_dir.iterdir())
    argv = [str(a) for a in args]
    with bounded(trace_python) as usage:
        try:
            result = CliRunner().invoke(cli, argv, catch_exceptions=True)
        except Hang as hang:
            pytest.fail(f"hexaglot {' '.join(argv)}: stopped by the {hang}: a hang")
    shown = f"hexaglot {' '.join(argv)}\nexit {result.exit_code}\nstderr: {result.stderr!r}"
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        trace = "".join(traceback.format_exception(*result.exc_info))
        pytest.fail(f"{shown}\nan exception escaped:\n{trace}")
    assert result.exit_code in (0, 1, 2), shown
    if currently_in_test_context():  # how many examples are refused: --hypothesis-show-statistics
        event(f"{argv[0]}: exit {result.exit_code}")
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, shown
    for path, data in before.items():
        assert path.read_bytes() == data, f"{shown}\n{path.name} was changed"
    leftovers = [p.name for p in ws.out_dir.iterdir() if p != output and p not in present]
    assert not leftovers, f"{shown}\nleft in the output folder: {leftovers}"
    if result.exit_code == 2:
        lines = result.stderr.splitlines()
        assert len(lines) == 1, f"{shown}\nexit 2 must print exactly one line"
        line = lines[0]
        assert line.startswith("hexaglot: error: "), shown
        assert str(fuzzed) in line, f"{shown}\nthe error must name {fuzzed}"
        assert not _UNSAFE.search(line), f"{shown}\ncontrol characters in the error line"
        assert len(line.replace(str(fuzzed), "")) <= 400, f"{shown}\nerror line too long (echoes the file?)"
        if output is not None:
            assert not output.exists(), f"{shown}\nexit 2 but {output.name} was written"
    elif expect_refusal:
        pytest.fail(f"{shown}\nexpected a refusal (exit 2): {expect_refusal}")
    texts = [result.stdout, result.stderr]
    if output is not None and output.exists():
        texts.append(output.read_bytes().decode("utf-8", "replace"))
    assert not any(fuzzing.SECRET in t for t in texts), f"{shown}\nthe content of another file was disclosed"
    if usage["resident"] is not None:
        assert usage["resident"] <= MEMORY_BOUND, f"{shown}\nresident memory grew by {usage['resident'] / MiB:.0f} MiB"
    if trace_python:
        assert usage["python"] <= PYTHON_MEMORY_BOUND, \
            f"{shown}\nPython allocations peaked at {usage['python'] / MiB:.0f} MiB"
    return result


def declares_entities(data: bytes) -> bool:
    """Whether a well-formed XML file declares entities in its DOCTYPE (parsed without
    loading or expanding anything)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return False
    dtd = root.getroottree().docinfo.internalDTD
    return dtd is not None and any(True for _ in dtd.iterentities())
