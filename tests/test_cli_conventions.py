"""The command line behaves like a Unix tool: ``-`` for standard input and output, ``NO_COLOR``,
``-v``/``-q``, one ``wrote PATH (N ...)`` line after ``-o``, numeric options in range, and no
control character from a document ever reaching the terminal raw."""

from __future__ import annotations

import json
import os
import re

import click
import pytest
from click.testing import CliRunner
from conftest import REPO

from hexaglot import logs
from hexaglot.cli import cli
from hexaglot.commands import _common, check as check_module

FR = ("Le Conseil économique et social,\n\n"
      "1. Prie le Secrétaire général de lui faire rapport sur la résolution 74/175.\n")
EN = ("The Economic and Social Council,\n\n"
      "1. Requests the Secretary-General to report on resolution 74/157.\n")
#: An OSC (set the window title, ended by BEL), a CSI (clear the screen) and the one-byte C1 CSI.
HOSTILE = "\x1b]0;owned\x07 \x1b[2J \x9b31m"
#: What a terminal must never receive from a document: C0 controls but tab and newline, DEL, C1.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def run(*args, input=None, env=None):
    result = CliRunner().invoke(cli, list(args), input=input, env=env)
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output, result.exception)
    assert "Traceback" not in result.output
    return result


def one_error_line(result) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("hexaglot: error:"), result.stderr
    return lines[0]


@pytest.fixture
def pair(tmp_path, monkeypatch):
    """A French source and an English version whose resolution number differs (findings), in a
    folder with no config or accept file."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fr.md").write_text(FR, encoding="utf-8")
    (tmp_path / "en.md").write_text(EN, encoding="utf-8")
    return tmp_path


# -- '-' is standard input ------------------------------------------------------------------------

def test_segment_reads_a_document_from_standard_input():
    result = run("segment", "-", "--format", "json", input=EN.encode("utf-8"))
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["lang"] == "en"  # detected: standard input has no name to take it from
    assert "op.1" in [u["id"] for u in payload["units"]]


def test_the_language_of_standard_input_can_be_given():
    result = run("segment", "-", "--lang", "fr", input=FR.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert "lang=fr" in result.stdout.splitlines()[0]


def test_align_and_compare_read_one_version_from_standard_input(pair):
    aligned = run("align", "fr.md", "-", "--format", "tsv", input=EN.encode("utf-8"))
    assert aligned.exit_code == 0, aligned.output
    assert "74/157" in aligned.stdout and "74/175" in aligned.stdout
    compared = run("compare", "en.md", "-", "--format", "json",
                   input=EN.replace("74/157", "74/175").encode("utf-8"))
    assert compared.exit_code == 0, compared.output
    assert json.loads(compared.stdout)["reference"] == "-"


def test_check_reads_a_target_from_standard_input(pair):
    result = run("check", "fr.md", "-", "--format", "json", input=EN.encode("utf-8"))
    assert result.exit_code == 1, result.output
    assert json.loads(result.stdout)["findings"]


def test_standard_input_is_read_once_at_most(pair):
    assert "only once" in one_error_line(run("align", "-", "-", input=b"x"))
    assert "only once" in one_error_line(run("compare", "-", "en.md", "--source", "-", input=b"x"))
    assert "only once" in one_error_line(run("check", "-", "-", input=b"x"))


def test_a_word_document_cannot_come_from_standard_input():
    line = one_error_line(run("segment", "-", "--input-format", "docx", input=b"PK\x03\x04"))
    assert "-: a .docx document cannot be read from standard input" in line


# -- '-o -' is standard output --------------------------------------------------------------------

def test_dash_output_is_standard_output_and_no_file_named_dash(pair):
    result = run("check", "fr.md", "en.md", "--format", "json", "-o", "-")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["findings"]
    assert not (pair / "-").exists() and result.stderr == ""  # no 'wrote -' line either


def test_binary_report_goes_to_a_pipe_but_not_to_a_terminal(pair, monkeypatch):
    piped = CliRunner().invoke(cli, ["align", "fr.md", "en.md", "--format", "xlsx", "-o", "-"])
    assert piped.exit_code == 0, piped.output
    assert piped.stdout_bytes.startswith(b"PK\x03\x04")  # a zip: the workbook itself
    monkeypatch.setattr(_common, "stdout_is_terminal", lambda: True)
    line = one_error_line(run("check", "fr.md", "en.md", "--format", "xlsx", "-o", "-"))
    assert "standard output is a terminal" in line
    assert run("check", "fr.md", "en.md", "--format", "xlsx", "-o", "-").stdout_bytes == b""


# -- NO_COLOR -------------------------------------------------------------------------------------

@pytest.mark.parametrize("no_color, flag, coloured", [
    (None, None, True),          # a terminal: colour by default
    ("1", None, False),          # NO_COLOR set and non-empty: none
    ("", None, True),            # set but empty: ignored, as no-color.org says
    ("1", "--color", True),      # an explicit --color wins
    (None, "--no-color", False),
])
def test_no_color(pair, monkeypatch, no_color, flag, coloured):
    monkeypatch.setattr(check_module, "stdout_is_terminal", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    args = ["check", "fr.md", "en.md"] + ([flag] if flag else [])
    result = run(*args, env={"NO_COLOR": no_color} if no_color is not None else None)
    assert result.exit_code == 1, result.output
    assert ("\x1b[" in result.stdout) is coloured


# -- -v / -q and the 'wrote' line -----------------------------------------------------------------

def test_wrote_line_after_output_with_the_count(pair):
    result = run("check", "fr.md", "en.md", "-o", "qa.json")
    findings = json.loads((pair / "qa.json").read_text(encoding="utf-8"))["findings"]
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == f"wrote qa.json ({logs.counted(len(findings), 'finding')})\n"
    quiet = run("check", "fr.md", "en.md", "-o", "qa2.json", "-q")
    assert quiet.exit_code == 1 and quiet.stderr == "" and (pair / "qa2.json").is_file()


@pytest.mark.parametrize("args, expected", [
    (("segment", "en.md", "-o", "out.txt"), "wrote out.txt (2 units)"),  # the opening line and op.1
    (("align", "fr.md", "en.md", "-o", "out.tsv"), "wrote out.tsv (2 rows)"),
    (("compare", "en.md", "en.md", "-o", "out.json", "--format", "json"), "wrote out.json (2 aligned pairs)"),
    (("glossary", "stats", "fr.md", "en.md", "-o", "out.txt"), re.compile(r"wrote out\.txt \(\d+ concepts?\)")),
    (("glossary", "candidates", "fr.md", "en.md", "-o", "out.csv"), re.compile(r"wrote out\.csv \(\d+ candidates?\)")),
    (("glossary", "convert", str(REPO / "glossaries" / "un-counter-terrorism.tbx"), "g.csv"),
     re.compile(r"wrote g\.csv \(\d+ concepts, \d+ terms\)")),
])
def test_every_output_file_is_announced_once_on_stderr(pair, args, expected):
    result = run(*args)
    assert result.exit_code == 0, result.output
    last = result.stderr.strip().splitlines()[-1]
    assert (expected.fullmatch(last) if isinstance(expected, re.Pattern) else last == expected), result.stderr
    assert "wrote" not in result.stdout
    assert run(*args, "-q").stderr == ""


def test_warnings_show_by_default_and_not_with_quiet(pair):
    (pair / "notes.txt").write_text("Assistance technique et lutte contre le terrorisme.\n", encoding="utf-8")
    default = run("glossary", "stats", "notes.txt")
    assert "hexaglot: warning: notes.txt: no document structure, counted line by line" in default.stderr
    quiet = run("glossary", "stats", "notes.txt", "-q")
    assert quiet.exit_code == 0 and quiet.stderr == "" and quiet.stdout == default.stdout


def test_verbose_shows_what_was_read_and_keeps_the_report(pair):
    plain = run("check", "fr.md", "en.md")
    verbose = run("check", "fr.md", "en.md", "-v")
    assert verbose.stdout == plain.stdout  # -v changes standard error only
    assert "hexaglot: en.md: " in verbose.stderr and plain.stderr == ""


def test_group_and_command_flags_add_up():
    @click.group()
    @logs.verbosity_options
    def group():
        pass

    @group.command()
    @logs.verbosity_options
    def sub():
        logs.logger.info("detail")
        logs.logger.debug("more detail")
        logs.logger.warning("careful")

    runner = CliRunner()
    assert runner.invoke(group, ["sub"]).stderr == "hexaglot: warning: careful\n"
    assert "hexaglot: detail" in runner.invoke(group, ["-v", "sub"]).stderr
    both = runner.invoke(group, ["-v", "sub", "-v"]).stderr
    assert "hexaglot: debug: more detail" in both
    assert runner.invoke(group, ["-v", "sub", "-q"]).stderr == ""


# -- numeric options and folder-like outputs ------------------------------------------------------

@pytest.mark.parametrize("option, value", [("--top", "-5"), ("--top", "0"), ("--min-rows", "-1")])
def test_negative_counts_are_refused_by_the_parser(pair, option, value):
    result = run("glossary", "candidates", "fr.md", "en.md", option, value)
    assert result.exit_code == 2 and result.stdout == ""
    assert f"Invalid value for '{option}'" in result.stderr and "range" in result.stderr


@pytest.mark.parametrize("args", [
    ("segment", "en.md"), ("align", "fr.md", "en.md"), ("check", "fr.md", "en.md"),
    ("compare", "en.md", "en.md"), ("glossary", "stats", "en.md"),
])
def test_output_ending_in_a_slash_writes_no_file(pair, args):
    line = one_error_line(run(*args, "-o", "newdir/"))
    assert "newdir/" in line
    assert not (pair / "newdir").exists()


# -- control characters from documents are shown, not obeyed --------------------------------------

def _assert_escaped(text: str) -> None:
    assert not RAW_CONTROL.search(text), repr(text)
    assert "\\x1b]0;owned\\x07" in text


def test_segment_and_check_escape_control_sequences(pair):
    (pair / "en.md").write_text(EN.replace("Secretary-General", HOSTILE + "Secretary-General"), encoding="utf-8")
    segment = run("segment", "en.md")
    _assert_escaped(segment.stdout)
    assert "\\x1b[2J \\x9b31m" in segment.stdout
    check = run("check", "fr.md", "en.md")
    assert check.exit_code == 1
    _assert_escaped(check.stdout)
    coloured = run("check", "fr.md", "en.md", "--color")
    assert "\x1b[" in coloured.stdout  # hexaglot's own colours stay
    assert "\x1b]" not in coloured.stdout and "\x07" not in coloured.stdout and "\x9b" not in coloured.stdout
    written = run("check", "fr.md", "en.md", "-o", "qa.txt")
    _assert_escaped((pair / "qa.txt").read_text(encoding="utf-8"))
    assert written.exit_code == 1


def test_compare_and_glossary_escape_control_sequences(pair):
    (pair / "draft.md").write_text(EN.replace("report", HOSTILE + "report"), encoding="utf-8")
    compared = run("compare", "draft.md", "en.md", "--lang", "en")
    assert compared.exit_code == 0, compared.output
    _assert_escaped(compared.stdout)
    looked_up = run("glossary", "lookup", "zzz" + HOSTILE)
    assert looked_up.exit_code == 1
    _assert_escaped(looked_up.stdout)


def test_messages_on_stderr_escape_control_sequences(pair):
    name = "notes\x1b]0;owned\x07.txt"
    (pair / name).write_text("Assistance technique et lutte contre le terrorisme.\n", encoding="utf-8")
    result = run("glossary", "stats", name)
    assert result.exit_code == 0, result.output
    _assert_escaped(result.stderr)


def test_an_undecodable_file_name_is_shown_escaped(pair):
    name = os.fsdecode(b"en\xff.md")  # not UTF-8: Python carries the byte as a lone surrogate
    (pair / name).write_text(EN, encoding="utf-8")
    result = run("segment", name)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("en\\xff.md  lang=en")
