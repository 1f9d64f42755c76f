"""Config and accept files: hostile TOML, wrong types and nonsense options are input errors,
and the config file is found the way Unix tools find theirs."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner import limits
from aligner.errors import InputError
from hexaglot.cli import cli
from qa_rules.accept import load_accept
from qa_rules.config import find_config, load_config, rules_from_config
from qa_rules.tomlfile import load_toml

FR = "## 2023/26. Assistance technique\n\n*Le Conseil économique et social*,\n\n1. *Prie* l'Office de continuer ;\n"
EN = "## 2023/26. Technical assistance\n\n*The Economic and Social Council*,\n\n1. *Requests* the Office to continue;\n"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- nesting and types in TOML -----------------------------------------------------------------

DEEP = "[" * 50_000


@pytest.mark.parametrize("text, line", [
    (f"[hexaglot]\nselect = {DEEP}\n", 2),
    (f"[hexaglot]\nselect = {'{a=' * 50_000}\n", 2),
    ("[hexaglot]\nselect = [\"a\"]\n" + "x" + ".y" * 50_000 + " = 1\n", 3),  # dotted keys nest tables too
    ("[" + ".".join(["hexaglot"] * 50_000) + "]\n", 1),
])
def test_deep_nesting_in_a_config_is_refused_before_parsing(tmp_path, text, line):
    cfg = _write(tmp_path / "hexaglot.toml", text)
    with pytest.raises(InputError, match=rf"hexaglot.toml:{line}: nests arrays or tables more than 100 deep"):
        load_config(cfg)


def test_deep_nesting_in_an_accept_file_is_refused(tmp_path):
    path = _write(tmp_path / "hexaglot-accept.toml", f"[[accept]]\nid = {DEEP}\n")
    with pytest.raises(InputError, match=r"hexaglot-accept.toml:2: nests arrays or tables more than 100 deep"):
        load_accept(path)


def test_the_parser_running_out_of_stack_is_an_input_error_too(monkeypatch):
    # the text scan is one guard; a RecursionError in the parser is the other
    monkeypatch.setattr(limits, "MAX_TOML_DEPTH", 10 ** 9)
    with pytest.raises(InputError, match="nests arrays or tables more than"):
        load_toml(f"x = {DEEP}", "deep.toml")


def test_brackets_and_dots_in_strings_and_comments_are_text():
    text = ('a = "' + "[" * 500 + '"\nb = \'' + "{" * 500 + "'\n# " + "[" * 500 + "\n"
            + 'c = """\n' + "[" * 500 + '\n"""\n' + '"' + "x." * 500 + '" = 1\nd = [' + "1.5, " * 500 + "]\n")
    assert set(load_toml(text, "ok.toml")) == {"a", "b", "c", "d", "x." * 500}


def test_nesting_up_to_the_limit_is_read():
    assert load_toml("x = " + "[" * 100 + "]" * 100, "ok.toml")["x"]


def test_a_parse_error_names_its_line():
    with pytest.raises(InputError, match=r"bad.toml:3: is not valid TOML \(.* at column \d+\)$"):
        load_toml('a = 1\nb = 2\nc = = 3\n', "bad.toml")


@pytest.mark.parametrize("text, message", [
    ("accept = 5\n", r":1: accept must be an array of tables"),
    ('accept = "0123456789ab"\n', r":1: accept must be an array of tables"),
    ("accept = [5]\n", r":1: each accept entry is a \[\[accept\]\] table"),
    ('[[accept]]\nid = 5\nreason = "r"\n', r":1: \[\[accept\]\] needs an id of 12 hex digits \(found 5\)"),
    ('[[accept]]\nid = "0123456789ab"\nreason = ["r"]\n', r":1: \[\[accept\]\] 0123456789ab needs a reason"),
])
def test_accept_values_of_the_wrong_type_are_input_errors(tmp_path, text, message):
    path = _write(tmp_path / "hexaglot-accept.toml", text)
    with pytest.raises(InputError, match=message):
        load_accept(path)


@pytest.mark.parametrize("text, message", [
    ("hexaglot = 5\n", r":1: hexaglot must be a table"),
    ("[hexaglot]\nselect = 5\n", r":2: select must be an array of strings, found an integer"),
    ("[hexaglot]\nselect = [1, 2]\n", r":2: select must be an array of strings, found an array"),
    ("[hexaglot]\nfail_on = true\n", r":2: fail_on must be a string, found a boolean"),
    ('[hexaglot]\ndefault_glossaries = "no"\n', r":2: default_glossaries must be true or false, found a string"),
    ("[hexaglot]\naccept = [\"a.toml\"]\n", r":2: accept must be a string, found an array"),
    ("[hexaglot]\nrules = 5\n", r"\[hexaglot.rules\] must be a table of rule tables"),
    ("[hexaglot.rules]\nNU03 = 5\n", r"\[hexaglot.rules.NU03\] must be a table"),
    ("[hexaglot.rules.NU03]\nseverity = 5\n", r":2: severity 5 is not one of"),
    ("[hexaglot.rules.NU03]\nminimum = 2.5\n", r":2: NU03.minimum must be an integer, found a float"),
    ("[hexaglot.rules.NU03]\nminimum = true\n", r":2: NU03.minimum must be an integer, found a boolean"),
    ("[hexaglot.rules.NU03]\nminimum = -5\n", r":2: NU03.minimum must be 0 or more, found -5"),
    ("[hexaglot.rules.LE01]\nthreshold = -5.0\n", r":2: LE01.threshold must be 0 or more"),
    ("[hexaglot.rules.LE01]\nthreshold = nan\n", r":2: LE01.threshold must be 0 or more, found nan"),
    ("[hexaglot.rules.LE01]\nnoise = inf\n", r":2: LE01.noise must be 0 or more, found inf"),
    ("[hexaglot.rules.ST08]\nmax_shift = 2\n", r":2: ST08.max_shift must be from 0 to 1, found 2"),
    ("[hexaglot.rules.CO09]\nthreshold = 150\n", r":2: CO09.threshold must be from 0 to 100"),
    ("[hexaglot.rules.TE01]\nmax_missing_share = 1.5\n", r":2: TE01.max_missing_share must be from 0 to 1"),
    ('[hexaglot.rules.CO09]\nprevious = ["old.md"]\n', r":2: CO09.previous is set by hexaglot itself"),
    ('[hexaglot.rules.UT01]\nroles = "title"\nexempt = ["(Treaty"]\n', r":3: UT01.exempt: '\(Treaty' is not a regular expression"),
    ("[hexaglot.rules.UT01]\nroles = [[\"title\"]]\n", r":2: UT01.roles must be an array of strings, found an array"),
])
def test_config_values_of_the_wrong_type_or_out_of_range_are_input_errors(tmp_path, text, message):
    cfg = _write(tmp_path / "hexaglot.toml", text)
    with pytest.raises(InputError, match=message):
        load_config(cfg)


@pytest.mark.parametrize("text, message", [
    ("[hexaglot:rule:NU03]\nminimum = -5\n", r"setup.cfg:2: NU03.minimum must be 0 or more, found '-5'"),
    ("[hexaglot:rule:ST08]\nmax_shift = 1.5\n", r"setup.cfg:2: ST08.max_shift must be from 0 to 1"),
    ("[hexaglot:rule:LE01]\nprior_spread = nan\n", r"setup.cfg:2: LE01.prior_spread must be 0 or more"),
    ("[hexaglot:rule:NU03]\nminimum = many\n", r"setup.cfg:2: NU03.minimum: 'many' is not an integer"),
    ("[hexaglot:rule:CO09]\nprevious = old.md\n", r"setup.cfg:2: CO09.previous is set by hexaglot itself"),
])
def test_setup_cfg_options_are_checked_the_same_way(tmp_path, text, message):
    cfg = _write(tmp_path / "setup.cfg", text)
    with pytest.raises(InputError, match=message):
        load_config(cfg)


def test_valid_options_are_read_with_their_types(tmp_path):
    cfg = _write(tmp_path / "hexaglot.toml", (
        "[hexaglot]\nselect = [\"NU03\", \"ST08\", \"UT01\"]\ndefault_glossaries = false\n\n"
        "[hexaglot.rules.NU03]\nminimum = 3\n\n[hexaglot.rules.ST08]\nmax_shift = 1\n\n"
        "[hexaglot.rules.UT01]\nexempt = [\"\\\\bTreaty Series\\\\b\", \"Official Records\"]\n"))
    config = load_config(cfg)
    rules = {r.code: r for r in rules_from_config(config)}
    assert rules["NU03"].config.minimum == 3 and rules["ST08"].config.max_shift == 1.0
    assert rules["UT01"].config.exempt == (r"\bTreaty Series\b", "Official Records")
    assert config.default_glossaries is False


def test_messages_do_not_echo_the_file(tmp_path):
    cfg = _write(tmp_path / "setup.cfg", "[hexaglot]\n" + "x" * 200 + "\n")  # a line that is no assignment
    with pytest.raises(InputError) as caught:
        load_config(cfg)
    assert "x" * 50 not in str(caught.value) and caught.value.line == 2
    token = "\\u001b[31m" + "y" * 200  # a terminal escape, written as TOML escapes it
    cfg = _write(tmp_path / "hexaglot.toml", '[hexaglot]\nselect = ["' + token + '"]\n')
    with pytest.raises(InputError) as caught:
        load_config(cfg)
    assert "y" * 50 not in str(caught.value) and "\x1b" not in str(caught.value)


# -- finding the config file ---------------------------------------------------------------------

def test_a_config_in_a_parent_folder_is_found(tmp_path):
    found = _write(tmp_path / "project" / "hexaglot.toml", '[hexaglot]\nfail_on = "warning"\n')
    work = tmp_path / "project" / "docs" / "2023"
    work.mkdir(parents=True)
    assert find_config(work) == found.absolute()
    config = load_config(search_dir=work)
    assert config.fail_on == "warning" and config.path == str(found.absolute())


def test_the_nearest_folder_wins_and_in_a_folder_hexaglot_toml_comes_first(tmp_path):
    _write(tmp_path / "hexaglot.toml", '[hexaglot]\nfail_on = "info"\n')
    work = tmp_path / "work"
    _write(work / "setup.cfg", "[hexaglot]\nfail_on = warning\n")
    assert load_config(search_dir=work).fail_on == "warning"
    _write(work / "pyproject.toml", '[project]\nname = "x"\n\n[tool.hexaglot]\nfail_on = "never"\n')
    assert load_config(search_dir=work).fail_on == "never"
    _write(work / "hexaglot.toml", '[hexaglot]\nfail_on = "error"\n')
    assert load_config(search_dir=work).fail_on == "error"


def test_files_without_hexaglot_settings_are_passed_over(tmp_path):
    _write(tmp_path / "hexaglot.toml", '[hexaglot]\nfail_on = "info"\n')
    work = tmp_path / "work"
    _write(work / "setup.cfg", "[metadata]\nname = x\n")
    _write(work / "pyproject.toml", '[build-system]\nrequires = ["setuptools"]\n\n[tool.black]\nline-length = 100\n')
    assert load_config(search_dir=work).fail_on == "info"
    # a project that depends on hexaglot but does not configure it
    _write(work / "pyproject.toml", '[project]\ndependencies = ["hexaglot"]\n')
    assert load_config(search_dir=work).fail_on == "info"


def test_pyproject_tool_hexaglot_has_the_schema_of_hexaglot_toml(tmp_path):
    cfg = _write(tmp_path / "pyproject.toml", (
        '[project]\nname = "x"\n\n[tool.hexaglot]\nselect = ["NU03"]\n\n'
        '[tool.hexaglot.rules.NU03]\nseverity = "info"\nminimum = 4\n\n[tool.other]\nkey = 1\n'))
    config = load_config(search_dir=tmp_path)
    assert config.select == ("NU03",) and config.rules["NU03"].options == {"minimum": 4}
    assert load_config(cfg).rules["NU03"].severity == "info"  # given with --config too


@pytest.mark.parametrize("text, message", [
    ('[project]\nname = "x"\n\n[tool.hexaglot]\nfial_on = "error"\n', r"pyproject.toml:5: unknown key 'fial_on' in \[tool.hexaglot\]"),
    ('[tool.hexaglot.rules.NU03]\nminimum = -1\n', r"pyproject.toml:2: NU03.minimum must be 0 or more"),
    ('[tool.hexaglot.rule.NU03]\nminimum = 1\n', r"pyproject.toml:1: unknown table \[tool.hexaglot.rule...\]"),
    ('[tool]\nhexaglot = 5\n', r"pyproject.toml:2: tool.hexaglot must be a table"),
    ('[tool.hexaglot]\nselect = [\n', r"pyproject.toml:2: is not valid TOML \(Invalid value at the end of the file\)"),
])
def test_errors_in_pyproject_name_the_file_and_line(tmp_path, text, message):
    _write(tmp_path / "pyproject.toml", text)
    with pytest.raises(InputError, match=message):
        load_config(search_dir=tmp_path)


def test_an_error_in_a_parent_folder_names_the_file_by_its_full_path(tmp_path):
    _write(tmp_path / "hexaglot.toml", "[hexaglot]\ncolour = 1\n")
    (tmp_path / "sub").mkdir()
    with pytest.raises(InputError) as caught:
        load_config(search_dir=tmp_path / "sub")
    assert caught.value.path == str((tmp_path / "hexaglot.toml").absolute()) and caught.value.line == 2


def test_a_folder_that_cannot_be_searched_is_passed_over(tmp_path, monkeypatch):
    _write(tmp_path / "hexaglot.toml", '[hexaglot]\nfail_on = "info"\n')
    locked = tmp_path / "locked"
    (locked / "work").mkdir(parents=True)
    is_file = Path.is_file

    def denied(self):  # what stat() says in a folder without search permission (root ignores chmod)
        if self.parent == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return is_file(self)

    monkeypatch.setattr(Path, "is_file", denied)
    assert load_config(search_dir=locked / "work").fail_on == "info"


# -- through the command line --------------------------------------------------------------------

def _documents(folder: Path) -> list[str]:
    return [str(_write(folder / "fr.md", FR)), str(_write(folder / "en.md", EN))]


def _run(args: list[str]):
    result = CliRunner().invoke(cli, args)
    assert "Traceback" not in result.output
    return result


def test_check_reads_the_config_of_a_parent_folder(tmp_path, monkeypatch):
    _write(tmp_path / "hexaglot.toml", '[hexaglot]\nselect = ["NOPE"]\n')
    work = tmp_path / "drafts"
    docs = _documents(work)
    monkeypatch.chdir(work)
    result = _run(["check", *docs])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"hexaglot: error: {(tmp_path / 'hexaglot.toml').absolute()}:2: " \
        "unknown rule, name or category 'NOPE' (see `hexaglot rules`)"


def test_the_found_config_is_an_input_and_never_overwritten(tmp_path, monkeypatch):
    cfg = _write(tmp_path / "pyproject.toml", '[tool.hexaglot]\nfail_on = "never"\n')
    before = cfg.read_bytes()
    work = tmp_path / "drafts"
    docs = _documents(work)
    monkeypatch.chdir(work)
    result = _run(["check", *docs, "-o", str(cfg)])
    assert result.exit_code == 2, result.output
    assert "is one of the input files" in result.stderr
    assert cfg.read_bytes() == before


@pytest.mark.parametrize("name, text", [
    ("hexaglot.toml", f"[hexaglot]\nselect = {DEEP}\n"),
    ("hexaglot.toml", "[hexaglot.rules.NU03]\nminimum = -5\n"),
    ("hexaglot-accept.toml", "accept = 5\n"),
    ("hexaglot-accept.toml", f"[[accept]]\nid = {DEEP}\n"),
])
def test_the_cli_prints_one_line_and_exits_2(tmp_path, monkeypatch, name, text):
    work = tmp_path / "drafts"
    docs = _documents(work)
    path = _write(work / name, text)
    monkeypatch.chdir(work)
    result = _run(["check", *docs])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"hexaglot: error: {name}:"), lines
    assert os.path.exists(path)


def test_a_config_file_owned_by_another_user_is_passed_over(tmp_path, monkeypatch, caplog):
    """In a shared folder such as /tmp anyone could leave a hexaglot.toml for the runs below it."""
    import qa_rules.configfile as config

    (tmp_path / "hexaglot.toml").write_text('[hexaglot]\nfail_on = "never"\n', encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    assert config.find_config(work) == tmp_path / "hexaglot.toml"
    # the file now belongs to uid 31337, neither this user (4242) nor root
    monkeypatch.setattr(config.os, "geteuid", lambda: 4242)
    monkeypatch.setattr(config.Path, "stat", lambda self: os.stat_result((0o100644, 0, 0, 1, 31337, 0, 0, 0, 0, 0)))
    logger = logging.getLogger("hexaglot")
    logger.addHandler(caplog.handler)  # the CLI's logger may not propagate to the root
    try:
        with caplog.at_level("WARNING", logger="hexaglot"):
            assert config.find_config(work) is None
    finally:
        logger.removeHandler(caplog.handler)
    assert "belongs to another user" in caplog.text


def test_the_demo_does_not_pick_up_a_config_above_its_folder(tmp_path):
    from qa_rules.run import CheckOptions, resolved_config

    (tmp_path / "hexaglot.toml").write_text('[hexaglot]\nfail_on = "never"\n', encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    assert resolved_config(CheckOptions(search_dir=str(work))).fail_on == "never"
    assert resolved_config(CheckOptions(search_dir=str(work), discover=False)).fail_on == "error"
