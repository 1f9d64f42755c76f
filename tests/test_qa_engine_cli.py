"""The ``hexaglot rules`` and ``hexaglot check`` commands (exit codes, formats, errors)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from hexaglot.cli import cli
from tests.conftest import SAMPLE_SET



def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_rules_table_lists_every_registered_rule():
    from qa_rules.registry import RULES

    result = run("rules")
    assert result.exit_code == 0
    for rule in RULES:
        assert rule.code in result.output and rule.name in result.output


def test_rules_code_shows_docstring_examples_and_config():
    result = run("rules", "ST05")
    assert result.exit_code == 0
    assert "Flags:" in result.output and "Passes:" in result.output
    assert "[hexaglot:rule:ST05]" in result.output


def test_rules_unknown_code_exits_2():
    result = run("rules", "XX42")
    assert result.exit_code == 2


def test_check_needs_two_files(tmp_path):
    result = run("check", str(SAMPLE_SET / "fr.md"))
    assert result.exit_code == 2
    # one line naming the problem, not click's usage block
    assert result.output.count("\n") == 1 and "Usage:" not in result.output
    assert "fr.md: is one document; check needs a SOURCE and at least one TARGET" in result.output


def test_check_without_files_says_what_it_needs_in_one_line():
    result = run("check")
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert result.output.startswith("hexaglot: error: check: needs a SOURCE and at least one TARGET")


def test_check_missing_file_exits_2(tmp_path):
    result = run("check", str(tmp_path / "fr.md"), str(tmp_path / "en.md"))
    assert result.exit_code == 2
    assert "fr.md" in result.output


def test_check_unknown_select_exits_2():
    result = run("check", str(SAMPLE_SET / "fr.md"), str(SAMPLE_SET / "en.md"), "--select", "NOPE99")
    assert result.exit_code == 2 and "NOPE99" in result.output


def test_check_json_report_on_the_samples(tmp_path):
    out = tmp_path / "qa.json"
    result = run("check", str(SAMPLE_SET / "fr.md"), str(SAMPLE_SET / "en.md"), "--format", "json",
                 "-o", str(out), "--fail-on", "never", "--no-default-glossaries")
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["tool"] == "hexaglot" and data["signature"].startswith("hexaglot:")
    assert [d["lang"] for d in data["documents"]] == ["fr", "en"]
    assert set(data["summary"]) >= {"total", "by_severity", "by_category", "by_language", "accepted"}


def test_check_exit_code_follows_fail_on(tmp_path):
    fr = SAMPLE_SET / "fr.md"
    en_text = (SAMPLE_SET / "en.md").read_text(encoding="utf-8")
    broken = tmp_path / "en.md"
    broken.write_text(en_text.replace("2023/26", "2023/62", 1).replace("60/288", "60/228"), encoding="utf-8")
    args = ["check", str(fr), str(broken), "--select", "structure,references", "--no-default-glossaries"]
    failing = run(*args)
    assert failing.exit_code == 1, failing.output
    assert "signature: hexaglot:" in failing.output
    assert run(*args, "--fail-on", "never").exit_code == 0


def test_demo_prints_the_findings_of_the_sample_set_and_the_drafts():
    result = run("demo")
    assert result.exit_code == 0, result.output
    assert "QA of the sample set" in result.output
    assert "QA of the drafts (fr -> en, es, ru, zh, ar)" in result.output  # all five drafts are bundled
    # fn.3 of the English draft: Security Council resolution 2253 (2015) planted as 2235 (2015)
    assert "RF02  resolution number 2253 (2015) of the source is 2235 (2015) in the en version" in result.output
    assert "«combattants terroristes étrangers»: 8 in fr, matched 8/8 in each version" in result.output


def test_rules_shows_config_fields_with_defaults():
    result = run("rules", "NU03")
    assert result.exit_code == 0
    assert "minimum = 2" in result.output and "[hexaglot.rules.NU03]" in result.output


def test_check_bad_config_file_exits_2_naming_file_and_line(tmp_path):
    config = tmp_path / "hexaglot.toml"
    config.write_text('[hexaglot]\nselect = ["numbers"]\n\n[hexaglot.rules.NU99]\nseverity = "info"\n', encoding="utf-8")
    result = run("check", str(SAMPLE_SET / "fr.md"), str(SAMPLE_SET / "en.md"), "--config", str(config))
    assert result.exit_code == 2
    assert "hexaglot.toml:4: unknown rule code 'NU99'" in result.output


def test_check_with_a_toml_config_and_an_accept_file(tmp_path):
    fr = SAMPLE_SET / "fr.md"
    en_text = (SAMPLE_SET / "en.md").read_text(encoding="utf-8")
    en = tmp_path / "en.md"
    en.write_text(en_text.replace("74/175", "74/157", 1), encoding="utf-8")
    config = tmp_path / "hexaglot.toml"
    config.write_text('[hexaglot]\nselect = ["references"]\nfail_on = "error"\ndefault_glossaries = false\n', encoding="utf-8")
    out = tmp_path / "qa.json"
    first = run("check", str(fr), str(en), "--config", str(config), "--format", "json", "-o", str(out))
    assert first.exit_code == 1
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert [f["rule"] for f in findings] == ["RF02"]
    accept = tmp_path / "hexaglot-accept.toml"
    accept.write_text(f'[[accept]]\nid = "{findings[0]["id"]}"\nreason = "checked with the editor"\n', encoding="utf-8")
    second = run("check", str(fr), str(en), "--config", str(config), "--accept", str(accept))
    assert second.exit_code == 0, second.output
    assert "1 accepted" in second.output


def test_commands_are_loaded_on_demand_and_help_loads_no_heavy_library():
    import subprocess
    import sys

    probe = ("import sys; from hexaglot.cli import cli, COMMANDS\n"
             "loaded = sorted(m for m in sys.modules if m.startswith('hexaglot.commands.'))\n"
             "print(loaded)\n"
             "try:\n    cli(['--help'], prog_name='hexaglot')\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in ('sacrebleu', 'rich', 'lxml', 'qa_rules.registry', 'openpyxl') if m in sys.modules))\n"
             "print(sorted(m for m in sys.modules if m.startswith('hexaglot.commands.')))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()
    assert lines[0] == "[]"  # importing the CLI imports no command module
    assert lines[-2] == "[]"  # --help imports none of the heavy libraries
    assert lines[-1] == "[]"  # nor any command: their one-line help is in COMMANDS
    from hexaglot.cli import COMMANDS

    for name in COMMANDS:
        assert any(line.strip().startswith(name + " ") for line in lines), name


def test_the_help_listed_for_each_command_is_its_own():
    """``hexaglot --help`` lists COMMANDS' text: it must be the first paragraph of each command's help."""
    from importlib import import_module

    from hexaglot.cli import COMMANDS, _short_help

    for name, summary in COMMANDS.items():
        command = import_module(f"hexaglot.commands.{name}").command
        assert " ".join(command.help.split("\n\n")[0].split()) == summary, name
        for limit in (30, 45, 80, 200):
            assert _short_help(summary, limit) == command.get_short_help_str(limit), (name, limit)
