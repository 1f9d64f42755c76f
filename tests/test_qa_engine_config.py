"""Configuration files and rule selection: setup.cfg, hexaglot.toml, --select/--ignore."""

from __future__ import annotations

import pytest

from aligner.errors import InputError
from qa_rules.config import configure, load_config, rules_from_config, select_rules


def test_select_by_code_name_and_category_and_ignore():
    assert [r.code for r in select_rules(["ST01", "structure.extra_paragraph"], [])] == ["ST01", "ST02"]
    structure = [r.code for r in select_rules(["structure"], ["ST02"])]
    assert "ST01" in structure and "ST02" not in structure
    assert all(r.category == "structure" for r in select_rules(["structure"], []))


def test_unknown_selection_token_is_an_error_naming_the_option():
    with pytest.raises(InputError, match=r"--select: unknown rule.*'XX99'"):
        select_rules(["XX99"], [])
    with pytest.raises(InputError, match=r"--ignore: unknown rule.*'bogus'"):
        select_rules([], ["bogus"])


def test_setup_cfg_sections(tmp_path):
    cfg = tmp_path / "setup.cfg"
    cfg.write_text(
        "[metadata]\nname = x\n\n[hexaglot]\nselect = structure\nignore = ST02\nfail_on = warning\n\n"
        "[hexaglot:rule:ST01]\nseverity = warning\n",
        encoding="utf-8",
    )
    config = load_config(search_dir=tmp_path)
    assert config.select == ("structure",) and config.fail_on == "warning"
    rules = rules_from_config(config)
    codes = {r.code: r for r in rules}
    assert "ST02" not in codes and codes["ST01"].severity == "warning"


def test_unknown_key_in_setup_cfg_names_file_and_line(tmp_path):
    cfg = tmp_path / "setup.cfg"
    cfg.write_text("[hexaglot]\nselect = structure\nfial_on = error\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"setup.cfg:3: unknown key 'fial_on'"):
        load_config(cfg)


def test_unknown_rule_code_in_setup_cfg_names_file_and_line(tmp_path):
    cfg = tmp_path / "setup.cfg"
    cfg.write_text("[hexaglot]\n\n[hexaglot:rule:QQ01]\nseverity = info\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"setup.cfg:3: unknown rule code 'QQ01'"):
        load_config(cfg)


def test_unknown_rule_option_names_file_and_line(tmp_path):
    cfg = tmp_path / "hexaglot.toml"
    cfg.write_text('[hexaglot]\nfail_on = "info"\n\n[hexaglot.rules.ST01]\nseverity = "info"\ncolour = 3\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"hexaglot.toml:6: unknown key 'colour' for rule ST01"):
        load_config(cfg)


def test_toml_config_and_bad_values(tmp_path):
    cfg = tmp_path / "hexaglot.toml"
    cfg.write_text('[hexaglot]\nselect = ["ST01", "ST05"]\n\n[hexaglot.rules.ST05]\nseverity = "info"\n', encoding="utf-8")
    config = load_config(cfg)
    assert [(r.code, r.severity) for r in rules_from_config(config)] == [("ST01", "error"), ("ST05", "info")]
    cfg.write_text('[hexaglot]\nselect = ["ST01"]\nfail_on = "sometimes"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"hexaglot.toml:3: fail_on"):
        load_config(cfg)
    cfg.write_text('[hexaglot]\nselect = ["NOPE"]\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"hexaglot.toml:2: unknown rule"):
        load_config(cfg)


def test_cli_selection_overrides_the_file(tmp_path):
    cfg = tmp_path / "setup.cfg"
    cfg.write_text("[hexaglot]\nselect = ST01\n", encoding="utf-8")
    config = load_config(cfg)
    assert [r.code for r in rules_from_config(config, select=["ST05"])] == ["ST05"]


def test_no_setup_cfg_means_defaults(tmp_path):
    config = load_config(search_dir=tmp_path)
    assert config.fail_on == "error" and config.select == ()
    assert len(configure(select_rules([], []), {})) >= 8


def test_the_documented_setup_cfg_example_loads(tmp_path):
    """The example of docs/qa.md, inline comments included."""
    import re
    from pathlib import Path

    docs = (Path(__file__).resolve().parent.parent / "docs" / "qa.md").read_text(encoding="utf-8")
    example = re.search(r"```ini\n(.*?)```", docs, re.S).group(1)
    cfg = tmp_path / "setup.cfg"
    cfg.write_text(example, encoding="utf-8")
    config = load_config(cfg)
    assert config.fail_on == "warning" and config.level == "paragraph"
    assert config.rules["NU03"].severity == "info" and config.rules["NU03"].options == {"minimum": 3}
    toml_example = re.search(r"```toml\n# hexaglot.toml\n(.*?)```", docs, re.S).group(1)
    toml = tmp_path / "hexaglot.toml"
    toml.write_text(toml_example, encoding="utf-8")
    assert load_config(toml).rules["NU03"].options == {"minimum": 3}


def test_a_misspelt_rule_table_in_toml_is_reported_at_its_own_line(tmp_path):
    cfg = tmp_path / "hexaglot.toml"
    cfg.write_text('[hexaglot]\nselect = ["numbers"]\n\n[hexaglot.rule.NU01]\nseverity = "warning"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"hexaglot.toml:4: unknown table \[hexaglot.rule"):
        load_config(cfg)


def test_an_ini_style_rule_table_in_toml_is_reported_at_its_own_line(tmp_path):
    cfg = tmp_path / "hexaglot.toml"
    cfg.write_text('[hexaglot]\nfail_on = "error"\n\n["hexaglot:rule:NU01"]\nseverity = "warning"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"hexaglot.toml:4: unknown table or key 'hexaglot:rule:NU01'"):
        load_config(cfg)


def test_a_toml_style_section_in_setup_cfg_is_an_error_not_ignored(tmp_path):
    cfg = tmp_path / "setup.cfg"
    cfg.write_text("[hexaglot]\nselect = numbers\n\n[hexaglot.rules.NU01]\nseverity = warning\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"setup.cfg:4: unknown section \[hexaglot.rules.NU01\]"):
        load_config(cfg)
