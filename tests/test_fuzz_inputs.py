"""Fuzzing every reader through the command line.

Each test starts from a small valid file of one format (a UN document in
Markdown, plain text, one segment per line or Word; a TMX, XLIFF 1.2 or XLIFF 2
file; a TBX, CSV or XLSX glossary; a TOML config or accept file: ``fuzz_seeds.py``), mutates it
(bytes flipped, cut, repeated; control characters, NUL bytes, byte-order marks,
other encodings; XML DOCTYPEs declaring entities, deep nesting, renamed
elements; broken zip packages and compression bombs; TOML of the wrong types
or nested fifty thousand deep) and runs the command that reads it, in process.

Whatever the input, the run must keep the promise of the README:

- the exit code is 0, 1 or 2, and no exception other than ``SystemExit`` escapes;
- exit 2 prints exactly one line, ``hexaglot: error: ...``, naming the file,
  without control characters, and writes nothing at ``-o`` (no temporary file left);
- no input file is changed;
- an XML file that declares entities is refused (exit 2), and a file that an
  external entity points at never appears in the output;
- a zip member that unpacks more than ``MAX_COMPRESSION_RATIO`` to one past
  ``RATIO_FLOOR`` is refused;
- each run grows the process by less than ``MEMORY_BOUND`` (peak resident memory, so
  what libxml2 and zlib allocate counts too) and finishes within
  ``CPU_GUARD`` seconds of CPU (``WALL_GUARD`` of wall clock): past them it is
  interrupted, and fails as a hang.

The examples are derandomized: a failure is the same on every machine, and its
shrunk mutation list reads as a recipe (see ``fuzzing.py``).
"""

from __future__ import annotations

import contextlib
import re
import signal
import sys
import tempfile
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

import fuzzing
from fuzz_seeds import (CONFIG_SEED, SAMPLES, TBX_SEEDS, TMX_SEEDS, XLIFF12_SEEDS, XLIFF2_SEEDS, file_name,
                        glossary_rows, seed, strip_markup)
from aligner.limits import MAX_COMPRESSION_RATIO, RATIO_FLOOR
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


# -- documents ------------------------------------------------------------------------------


@fuzz(80)
@given(name=st.sampled_from(["fr.md", "zh.md", "ar.md"]), ops=st.lists(fuzzing.md_op, min_size=1, max_size=4))
def test_markdown_document(name, ops):
    data = fuzzing.apply_ops(seed(name), ops)
    with workspace() as ws:
        path = ws.add(name, data)
        run(ws, ["segment", path, "--format", "json", "-o", ws.output], path, output=ws.output)


@fuzz(40)
@given(ops=fuzzing.byte_mutations())
def test_text_document(ops):
    data = fuzzing.apply_ops(seed("fr.txt"), ops)
    with workspace() as ws:
        path = ws.add("fr.txt", data)
        run(ws, ["segment", path, "-o", ws.output], path, output=ws.output)


@fuzz(40)
@given(ops=fuzzing.byte_mutations(), lang=st.sampled_from([None, "de", "zh", "xx"]))
def test_lines_document(ops, lang):
    data = fuzzing.apply_ops(seed("seg.fr"), ops)
    with workspace() as ws:
        path = ws.add("seg.fr", data)
        extra = ["--input-format", "lines", "--lang", lang] if lang else []
        run(ws, ["segment", path, *extra, "-o", ws.output], path, output=ws.output)


def _zip_refusal(data: bytes) -> str:
    if fuzzing.compression_bomb(data, MAX_COMPRESSION_RATIO, RATIO_FLOOR):
        return f"a member unpacks more than {MAX_COMPRESSION_RATIO} times its size"
    return ""


@fuzz(50)
@given(ops=fuzzing.zip_mutations("secret.txt"))
def test_word_document(ops):
    data = fuzzing.apply_zip_ops(seed("fr.docx"), ops)
    with workspace() as ws:
        path = ws.add("fr.docx", data)
        run(ws, ["segment", path, "--format", "json", "-o", ws.output], path, output=ws.output,
            expect_refusal=_zip_refusal(data))


@fuzz(20)
@given(ops=fuzzing.byte_mutations())
def test_word_document_as_bytes(ops):
    """Byte-level damage to the whole package (the zip's own headers and directory)."""
    data = fuzzing.apply_ops(seed("fr.docx"), ops)
    with workspace() as ws:
        path = ws.add("fr.docx", data)
        run(ws, ["segment", path, "-o", ws.output], path, output=ws.output)


@fuzz(30)
@given(kind=st.sampled_from(["en.md", "en.txt", "en.docx"]), ops=st.lists(fuzzing.md_op, min_size=1, max_size=3))
def test_damaged_target_through_check(kind, ops):
    """The whole check pipeline (alignment, every rule, the report) on a damaged target."""
    with workspace() as ws:
        source = ws.sample("fr.md")
        if kind == "en.docx":
            data = fuzzing.apply_zip_ops(seed("fr.docx"), [("member", 0, ops)])
            kind = "fr.docx"  # the Word seed is French: read it as the source, the sample as target
            source, target = ws.add(kind, data), ws.sample("en.md")
            fuzzed = source
        else:
            data = (SAMPLES / "A-RES-55-100" / "en.md").read_bytes()
            if kind == "en.txt":
                data = strip_markup(data.decode()).encode()
            target = fuzzed = ws.add(kind, fuzzing.apply_ops(data, ops))
        run(ws, ["check", source, target, "--no-default-glossaries", "--format", "json", "-o", ws.output],
            fuzzed, output=ws.output)


# -- pre-aligned CAT files ------------------------------------------------------------------


def _cat_case(seed_name: str, ops) -> None:
    data = fuzzing.apply_ops(seed(seed_name), ops, fuzzing.apply_xml_op)
    with workspace() as ws:
        path = ws.add(file_name(seed_name), data)
        refusal = "the file declares XML entities" if declares_entities(data) else ""
        run(ws, ["check", path, "--no-default-glossaries", "--format", "json", "-o", ws.output], path,
            output=ws.output, expect_refusal=refusal)


@fuzz(80)
@given(name=st.sampled_from(TMX_SEEDS), ops=fuzzing.xml_mutations("secret.txt"))
def test_tmx(name, ops):
    _cat_case(name, ops)


@fuzz(80)
@given(name=st.sampled_from(XLIFF12_SEEDS), ops=fuzzing.xml_mutations("secret.txt"))
def test_xliff_1_2(name, ops):
    _cat_case(name, ops)


@fuzz(60)
@given(name=st.sampled_from(XLIFF2_SEEDS), ops=fuzzing.xml_mutations("secret.txt"))
def test_xliff_2(name, ops):
    _cat_case(name, ops)


# -- glossaries -----------------------------------------------------------------------------


def _glossary_case(name: str, data: bytes, refusal: str = "") -> None:
    with workspace() as ws:
        path = ws.add(name, data)
        source, target = ws.sample("fr.md"), ws.sample("en.md")
        run(ws, ["glossary", "validate", path, "--format", "json"], path, expect_refusal=refusal)
        run(ws, ["check", source, target, "--no-default-glossaries", "--glossary", path, "--format", "json",
                 "-o", ws.output], path, output=ws.output, expect_refusal=refusal)
        converted = ws.out_dir / "converted.csv"
        run(ws, ["glossary", "convert", path, converted], path, output=converted, expect_refusal=refusal)


@fuzz(35)
@given(name=st.sampled_from(TBX_SEEDS), ops=fuzzing.xml_mutations("secret.txt"))
def test_tbx_glossary(name, ops):
    data = fuzzing.apply_ops(seed(name), ops, fuzzing.apply_xml_op)
    refusal = "the file declares XML entities" if declares_entities(data) else ""
    _glossary_case(file_name(name), data, refusal)


@fuzz(35)
@given(table=fuzzing.table_mutations(), ops=st.lists(fuzzing.byte_op, max_size=3))
@example(table=[("add_col", 0, "\u202etxt")], ops=[])  # found by this test: a header cell echoed raw
@example(table=[], ops=[("repeat", 0, 12, 17)])  # and a header of repeated unknown names, echoed in full
def test_csv_glossary(table, ops):
    rows = glossary_rows()
    for op in table:
        rows = fuzzing.apply_table_op(rows, op)
    _glossary_case("glossary.csv", fuzzing.apply_ops(fuzzing.csv_bytes(rows), ops))


@fuzz(25)
@given(table=fuzzing.table_mutations(3), ops=st.lists(fuzzing.zip_op("secret.txt"), max_size=2))
@example(table=[("add_col", 0, "x" * 20_000)], ops=[])  # found by this test: a 20 kB header cell echoed
def test_xlsx_glossary(table, ops):
    rows = glossary_rows()
    for op in table:
        rows = fuzzing.apply_table_op(rows, op)
    data = fuzzing.xlsx_bytes(rows) if table else seed("glossary.xlsx")
    if ops:
        data = fuzzing.apply_zip_ops(data, ops)
    _glossary_case("glossary.xlsx", data, _zip_refusal(data))


# -- TOML: config and accept files -----------------------------------------------------------


@fuzz(40)
@given(ops=fuzzing.toml_mutations())
@example(ops=[("delete", CONFIG_SEED.index('"json"') + 1, 1)])  # found by this test: format = "son", a
# click usage error of four lines
def test_toml_config(ops):
    data = fuzzing.apply_ops(seed("hexaglot.toml"), ops, fuzzing.apply_toml_op)
    with workspace() as ws:
        path = ws.add("hexaglot.toml", data)
        source, target = ws.sample("fr.md"), ws.sample("en.md")
        output = ws.out_dir / "report.out"  # no known extension: the config's format decides
        run(ws, ["check", source, target, "--no-default-glossaries", "--config", path, "-o", output], path,
            output=output)


@fuzz(30)
@given(ops=fuzzing.toml_mutations())
def test_accept_file(ops):
    data = fuzzing.apply_ops(seed("accept.toml"), ops, fuzzing.apply_toml_op)
    with workspace() as ws:
        path = ws.add("accept.toml", data)
        source, target = ws.sample("fr.md"), ws.sample("en.md")
        run(ws, ["check", source, target, "--no-default-glossaries", "--accept", path, "--format", "json",
                 "-o", ws.output], path, output=ws.output)


# -- any bytes under any name ---------------------------------------------------------------

_NAMES = ["fr.md", "en.txt", "x.fr", "fr.docx", "a.tmx", "a.xlf", "a.sdlxliff", "g.tbx", "g.csv", "g.xlsx",
          "hexaglot.toml", "accept.toml"]


@fuzz(60)
@given(name=st.sampled_from(_NAMES), data=st.one_of(
    st.binary(max_size=400),
    st.sampled_from([b"", b" ", b"\n", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00", b"PK\x03\x04",
                     b"PK\x05\x06" + b"\x00" * 18, b"<?xml version='1.0'?>", b"<", b"[[accept]]", b"[hexaglot]"])))
def test_arbitrary_bytes_under_every_name(name, data):
    with workspace() as ws:
        path = ws.add(name, data)
        kind = name.rsplit(".", 1)[-1]
        if kind in ("md", "txt", "fr", "docx"):
            args = ["segment", path, "-o", ws.output]
        elif kind in ("tmx", "xlf", "sdlxliff"):
            args = ["check", path, "--no-default-glossaries", "-o", ws.output]
        elif kind in ("tbx", "csv", "xlsx"):
            args = ["check", ws.sample("fr.md"), ws.sample("en.md"), "--no-default-glossaries", "--glossary", path,
                    "-o", ws.output]
        else:
            option = "--config" if name == "hexaglot.toml" else "--accept"
            args = ["check", ws.sample("fr.md"), ws.sample("en.md"), "--no-default-glossaries", option, path,
                    "-o", ws.output]
        run(ws, args, path, output=ws.output)


# -- the seeds themselves, and the bounds ---------------------------------------------------


@pytest.mark.parametrize("name", ["fr.md", "zh.md", "fr.txt", "seg.fr", "fr.docx"])
def test_document_seeds_are_valid(name):
    """The fuzzing starts from files that read cleanly (else it would only test refusals)."""
    with workspace() as ws:
        path = ws.add(name, seed(name))
        result = run(ws, ["segment", path, "-o", ws.output], path, output=ws.output)
        assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("name", TMX_SEEDS + XLIFF12_SEEDS + XLIFF2_SEEDS)
def test_cat_seeds_are_valid(name):
    with workspace() as ws:
        path = ws.add(file_name(name), seed(name))
        result = run(ws, ["check", path, "--no-default-glossaries", "-o", ws.output], path, output=ws.output)
        assert result.exit_code in (0, 1), result.stderr


@pytest.mark.parametrize("name", TBX_SEEDS + ["glossary.xlsx"])
def test_glossary_seeds_are_valid(name):
    with workspace() as ws:
        path = ws.add(file_name(name), seed(name))
        result = run(ws, ["glossary", "validate", path], path)
        assert result.exit_code in (0, 1), result.stderr  # 1: the validator's findings, not a refusal
        assert "hexaglot: error" not in result.stderr


@pytest.mark.parametrize("name,option", [("hexaglot.toml", "--config"), ("accept.toml", "--accept")])
def test_toml_seeds_are_valid(name, option):
    with workspace() as ws:
        path = ws.add(name, seed(name))
        result = run(ws, ["check", ws.sample("fr.md"), ws.sample("en.md"), "--no-default-glossaries", option, path,
                          "-o", ws.output], path, output=ws.output)
        assert result.exit_code in (0, 1), result.stderr


@pytest.mark.parametrize("name", ["fr.docx", "glossary.xlsx"])
def test_a_compression_bomb_is_refused_within_the_memory_bound(name):
    """A member of 96 MiB of blanks (about 100 kB packed) is refused before it is unpacked:
    reading it would alone pass ``PYTHON_MEMORY_BOUND``."""
    data = fuzzing.apply_zip_ops(seed(name), [("bomb", 0, 96 * MiB)])
    assert len(data) < MiB and fuzzing.compression_bomb(data, MAX_COMPRESSION_RATIO, RATIO_FLOOR)
    with workspace() as ws:
        path = ws.add(name, data)
        args = (["segment", path, "-o", ws.output] if name.endswith(".docx")
                else ["glossary", "validate", path])
        run(ws, args, path, output=ws.output if name.endswith(".docx") else None, expect_refusal="compression bomb",
            trace_python=True)


def test_the_hang_guard_interrupts_a_slow_run(monkeypatch):
    """The guard that turns a hang into a failure works (a catastrophic regular expression)."""
    monkeypatch.setattr(sys.modules[__name__], "CPU_GUARD", 1)
    with pytest.raises(Hang):
        with bounded():
            re.search(r"(\w+\s?)+\d{30}", "word " * 40)


def test_the_memory_bounds_are_measured():
    with bounded(trace_python=True) as usage:
        block = bytearray(MEMORY_BOUND + MiB)
        block[::4096] = b"x" * len(block[::4096])  # touch every page: resident, not only reserved
    del block
    assert usage["python"] > PYTHON_MEMORY_BOUND
    assert usage["resident"] is None or usage["resident"] > MEMORY_BOUND
