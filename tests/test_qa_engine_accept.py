"""Accepted findings: hidden but counted; stale entries reported; bad files are errors with lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from aligner.errors import InputError
from qa_rules.accept import accept_file_text, load_accept
from qa_rules.engine import check
from qa_rules.examples import example_alignment
from qa_rules.structure.st01_missing import MissingParagraph

EXAMPLE = {"fr": "Prie l'Office de faire rapport, ¶ Invite les États,", "en": ""}


def _findings():
    return check(example_alignment(EXAMPLE), [MissingParagraph]).findings


def test_accepted_findings_are_hidden_and_counted_and_stale_entries_reported(tmp_path):
    findings = _findings()
    assert len(findings) == 1
    path = tmp_path / "hexaglot-accept.toml"
    path.write_text(
        accept_file_text(findings, reason="agreed with the editor")
        + '\n[[accept]]\nid = "0123456789ab"\nreason = "an old finding"\n',
        encoding="utf-8",
    )
    entries = load_accept(path)
    report = check(example_alignment(EXAMPLE), [MissingParagraph], accept=entries)
    assert report.findings == () and report.accepted == 1
    assert [e.id for e in report.stale] == ["0123456789ab"]
    assert report.stale[0].line == 6
    assert report.summary()["accepted"] == 1


def test_finding_ids_are_stable_between_runs():
    assert _findings()[0].id == _findings()[0].id


@pytest.mark.parametrize(
    "text, message",
    [
        ('[[accept]]\nid = "0123456789ab"\n', r":1: \[\[accept\]\] 0123456789ab needs a reason"),
        ('[[accept]]\nid = "xyz"\nreason = "r"\n', r":1: \[\[accept\]\] needs an id"),
        ('[[accept]]\nid = "0123456789ab"\nreason = "r"\nby = "me"\n', r":1: unknown key 'by'"),
        ('[[accept]]\nid = "0123456789ab"\nreason = "r"\n\n[[accept]]\nid = "0123456789ab"\nreason = "s"\n', r":5: id 0123456789ab is accepted twice"),
        ('[[accept]\n', r"is not valid TOML"),
    ],
)
def test_bad_accept_files(tmp_path, text, message):
    path = tmp_path / "hexaglot-accept.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_accept(path)


def test_finding_id_does_not_depend_on_how_the_path_is_written():
    from qa_rules.model import Finding, Location

    def finding(src: str, tgt: str) -> Finding:
        return Finding(
            rule="RF02", name="references.resolution", category="references", severity="error",
            source=Location(src, "fr", "pp.1", 31), target=Location(tgt, "en", "pp.1", 32),
            message="m", expected="74/175", found="74/157",
        )

    ids = {
        finding("fr.md", "en_draft.md").id,
        finding("./samples/fr.md", "samples/drafts/en_draft.md").id,
        finding(str(Path("samples/fr.md").absolute()), str(Path("samples/drafts/en_draft.md").absolute())).id,
    }
    assert len(ids) == 1
    assert finding("fr.md", "es_draft.md").id not in ids


def test_a_reason_with_quotes_and_backslashes_round_trips(tmp_path):
    findings = _findings()
    path = tmp_path / "hexaglot-accept.toml"
    reason = 'the editor said "keep it" \\ see note'
    path.write_text(accept_file_text(findings[:1], reason=reason), encoding="utf-8")
    entries = load_accept(str(path))
    assert [(e.id, e.reason) for e in entries] == [(findings[0].id, reason)]
