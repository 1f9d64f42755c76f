"""``qa_rules.run``: one library call for ``check`` (documents or a CAT file), one report builder."""

from __future__ import annotations

import pytest

import qa_rules.run as run
from aligner.errors import InputError
from aligner.model import Alignment, Cell, Document, Row, Unit
from qa_rules.base import Rule
from qa_rules.cat_input import check_pretranslated
from qa_rules.model import Location

from conftest import SAMPLE_SET


def test_check_paths_reads_the_config_once_and_returns_it(tmp_path, monkeypatch):
    (tmp_path / "hexaglot.toml").write_text('[hexaglot]\nselect = ["ST01"]\nfail_on = "warning"\n', encoding="utf-8")
    calls = []
    real = run.load_config
    monkeypatch.setattr(run, "load_config", lambda *a, **k: calls.append(a) or real(*a, **k))
    options = run.CheckOptions(config=str(tmp_path / "hexaglot.toml"), default_glossaries=False)
    report, config = run.check_paths([str(SAMPLE_SET / "fr.md"), str(SAMPLE_SET / "en.md")], options)
    assert len(calls) == 1
    assert config.fail_on == "warning" and report.rules == ("ST01",)


def test_check_paths_refuses_one_ordinary_document():
    with pytest.raises(InputError, match="fr.md: is one document; check needs a SOURCE"):
        run.check_paths([str(SAMPLE_SET / "fr.md")])
    with pytest.raises(InputError, match="check: needs a SOURCE"):
        run.check_paths([])


class _SameTargetLine(Rule):
    """Reports every pair at target line 1 (test helper, not registered).

    Flags:
        fr: a
        en: b

    Passes:
        fr: a
        en: b
    """

    code = "ZZ98"
    name = "test.same_line"
    category = "structure"
    severity = "info"

    def check(self, pair, context):
        message = "b" if pair.index == 0 else "a"
        yield self.finding(pair, message, source=Location("fr.xlf", "fr", pair.source.unit_id, pair.source.line),
                           target=Location("fr.xlf", "en", pair.target.unit_id, 1))


def test_pre_aligned_findings_on_one_target_line_follow_the_source_lines():
    units = {lang: tuple(Unit(f"seg.{i}", "segment", f"{lang} {i}", (i + 2, i + 2)) for i in (1, 2))
             for lang in ("fr", "en")}
    docs = {lang: Document("fr.xlf", lang, units[lang], input_format="xliff") for lang in units}
    rows = tuple(Row({lang: Cell((f"seg.{i}",), (i + 2,), f"{lang} {i}") for lang in docs}, 1.0) for i in (1, 2))
    alignment = Alignment(languages=("fr", "en"), pivot="fr", level="paragraph", rows=rows, documents=docs)
    report = check_pretranslated(alignment, [_SameTargetLine])
    # the same order as separate documents: target line, then source line (then rule, message)
    assert [f.source.line for f in report.findings] == [3, 4]
