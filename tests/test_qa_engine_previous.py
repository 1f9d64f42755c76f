"""``check --previous``: the earlier files must be in the run's languages, one pair per target language."""

from __future__ import annotations

import json

from click.testing import CliRunner

from hexaglot.cli import cli

from conftest import SAMPLE_SET

ES_EDIT = ("que, cuando se le pida, siga prestando y reforzando su apoyo a la cooperación jurídica",
           "que, cuando se le pida, continúe brindando y fortaleciendo su apoyo a la cooperación jurídica")


def run(*args):
    return CliRunner().invoke(cli, ["check", *args, "--select", "CO09", "--no-default-glossaries",
                                    "--fail-on", "never"], catch_exceptions=False)


def test_previous_in_other_languages_is_an_error_naming_the_file():
    fr, en, es, ru = (str(SAMPLE_SET / f"{lang}.md") for lang in ("fr", "en", "es", "ru"))
    result = run(fr, en, "--previous", es, ru)
    assert result.exit_code == 2
    assert f"{es}: is in es; --previous needs the earlier fr source first and the earlier en translation" \
        in result.output
    assert result.output.count("\n") == 1


def test_previous_swapped_is_an_error_naming_the_first_file():
    fr, en = str(SAMPLE_SET / "fr.md"), str(SAMPLE_SET / "en.md")
    result = run(fr, en, "--previous", en, fr)
    assert result.exit_code == 2
    assert f"{en}: is in en; --previous needs the earlier fr source first" in result.output


def test_previous_translation_in_a_language_not_checked_is_an_error():
    fr, en, ru = (str(SAMPLE_SET / f"{lang}.md") for lang in ("fr", "en", "ru"))
    result = run(fr, en, "--previous", fr, ru)
    assert result.exit_code == 2 and f"{ru}: is in ru;" in result.output


def test_two_earlier_translations_into_one_language_are_an_error():
    fr, en = str(SAMPLE_SET / "fr.md"), str(SAMPLE_SET / "en.md")
    result = run(fr, en, "--previous", fr, en, "--previous", fr, en)
    assert result.exit_code == 2 and "second earlier en translation" in result.output


def test_one_previous_pair_per_target_language(tmp_path):
    es_text = (SAMPLE_SET / "es.md").read_text(encoding="utf-8")
    assert ES_EDIT[0] in es_text
    (tmp_path / "es.md").write_text(es_text.replace(*ES_EDIT), encoding="utf-8")
    fr, en = str(SAMPLE_SET / "fr.md"), str(SAMPLE_SET / "en.md")
    out = tmp_path / "qa.json"
    result = run(fr, en, str(tmp_path / "es.md"), "--previous", fr, en,
                 "--previous", fr, str(SAMPLE_SET / "es.md"), "-o", str(out))
    assert result.exit_code == 0, result.output
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    # the es version departs from its own earlier translation; en keeps its earlier wording
    assert [(f["target"]["lang"], f["target"]["unit"]) for f in findings] == [("es", "op.3")]
