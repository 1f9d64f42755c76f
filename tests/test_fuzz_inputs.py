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

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import fuzz_harness
import fuzzing
from fuzz_harness import (MEMORY_BOUND, PYTHON_MEMORY_BOUND, Hang, MiB, bounded, declares_entities, fuzz, run,
                          workspace)
from fuzz_seeds import (CONFIG_SEED, SAMPLES, TBX_SEEDS, TMX_SEEDS, XLIFF12_SEEDS, XLIFF2_SEEDS, file_name,
                        glossary_rows, seed, strip_markup)
from aligner.limits import MAX_COMPRESSION_RATIO, RATIO_FLOOR

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
    monkeypatch.setattr(fuzz_harness, "CPU_GUARD", 1)
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
