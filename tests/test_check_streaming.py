"""``hexaglot check`` writes its text, JSON and CSV reports finding by finding, through a
temporary file renamed once the report is whole (``hexaglot.reports.streaming``,
``aligner.fileio.open_atomic``), for separate documents and CAT-tool files alike."""

from __future__ import annotations

import io
import json
import os

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from aligner import fileio
from aligner.align import align_documents
from aligner.readers import read_document
from hexaglot.cli import cli
from hexaglot.reports import render
from hexaglot.reports.streaming import write_json, write_text
from qa_rules import spill
from qa_rules.cat_input import check_pretranslated
from qa_rules.config import configure, select_rules
from qa_rules.engine import build_report, check, check_stream, unavailable_notices, unavailable_rules
from qa_rules.systematic import Systematic
from tests.conftest import REPO, SAMPLE_SET

DRAFTS = REPO / "samples" / "drafts"
FILES = [str(SAMPLE_SET / "fr.md"), str(DRAFTS / "es_draft.md"), str(DRAFTS / "ru_draft.md")]


@pytest.fixture(scope="module")
def drafts():
    """The French source against the Spanish and Russian drafts: omissions and the numbering
    gaps they explain (causes), findings of one paragraph under several headings."""
    docs = [read_document(path) for path in FILES]
    return align_documents(docs), configure(select_rules([], []), {})


@pytest.mark.parametrize("color", [False, True])
def test_the_streamed_text_report_is_the_rendered_one(drafts, monkeypatch, color):
    alignment, rules = drafts
    expected = render(check(alignment, rules), "text", color=color)
    monkeypatch.setattr(spill, "CHUNK", 13)  # the findings read back from several sorted runs on disk
    out = io.StringIO()
    streamed = check_stream(alignment, rules)
    count = write_text(streamed, out, color=color)
    assert out.getvalue() == expected
    assert count == streamed.tally.total > 50


def test_the_text_report_writes_a_heading_before_its_last_finding_is_read(drafts):
    """The text report reads the findings twice (its total comes first); on the second reading
    each heading is written as soon as its last finding is read, not once they all are."""
    alignment, rules = drafts
    streamed = check_stream(alignment, rules)
    reads = []
    real = streamed.stream

    class Counted:
        def __iter__(self):
            reads.append(0)
            for record in real:
                reads[-1] += 1
                yield record

        def __getattr__(self, name):
            return getattr(real, name)

    streamed.stream = Counted()
    written = []

    class Out:
        def write(self, text):
            written.append((len(reads), reads[-1] if reads else 0, text))

    total = write_text(streamed, Out())
    assert reads == [total, total]
    assert written[0][:2] == (1, total) and written[0][2].startswith("hexaglot check: fr (source) -> es, ru")
    headings = [read for reading, read, text in written[1:] if " -> " in text]
    assert reading_two_only(written[1:]) and len(headings) > 10
    assert headings[0] < total // 10 and headings[len(headings) // 2] < total


def reading_two_only(written):
    return all(reading == 2 for reading, _, _ in written)


def test_a_cat_file_streamed_gives_the_report_of_its_parts_merged(drafts):
    """A pre-aligned file's parts (language-independent rules, then the others) merged in one
    stream give the report ``build_report`` gives from all their findings: same order, the
    same causes folded, the same versions withheld."""
    alignment, rules = drafts
    parts = check_stream(alignment, rules, systematic=Systematic())
    found, versions = [], {}
    for finding, version in parts.stream.unfolded():
        found.append(finding)
        if version:
            versions[finding.id] = version
    notices = list(dict.fromkeys(w for doc in alignment.documents.values() for w in doc.warnings))
    notices += unavailable_notices(unavailable_rules(rules, alignment))
    expected = build_report(alignment, rules, (), found, options={"input": "pre-aligned", "accept": False},
                            versions=versions, notices=notices)
    assert any(f.consequences for f in expected.findings)
    streamed = check_pretranslated(alignment, rules, options={"input": "pre-aligned", "accept": False},
                                   streamed=True)
    out = io.StringIO()
    write_json(streamed, out)
    assert out.getvalue() == render(expected, "json")
    held = check_pretranslated(alignment, rules, options={"input": "pre-aligned", "accept": False})
    assert render(held, "text") == render(expected, "text") and held.versions == expected.versions


def run(*args):
    return CliRunner().invoke(cli, ["check", *args], catch_exceptions=False)


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_the_cli_report_written_finding_by_finding_is_the_rendered_one(drafts, tmp_path, fmt):
    alignment, rules = drafts
    report = check(alignment, rules, options={"level": "paragraph", "accept": False})
    out = tmp_path / f"qa.{fmt}"
    result = run(*FILES, "--format", fmt, "-o", str(out), "--fail-on", "error", "--no-default-glossaries")
    assert result.exit_code == (1 if report.at_or_above("error") else 0)
    written = out.read_text(encoding="utf-8")
    to_stdout = run(*FILES, "--format", fmt, "--no-color", "--no-default-glossaries").output
    assert written.startswith("\ufeff" if fmt == "csv" else "hexaglot check" if fmt == "text" else "{")
    assert to_stdout == written


def test_a_report_that_cannot_be_written_whole_leaves_the_previous_file_and_no_part(tmp_path, monkeypatch):
    """The disk fills while the report is being written: one line naming the output, exit 2, the
    file that was there is left as it was and no temporary file remains."""
    out = tmp_path / "qa.json"
    out.write_text("the previous report\n", encoding="utf-8")
    calls = []
    real = fileio._write_through

    def fill_up(fd, payload, name):
        calls.append(len(payload))
        if len(calls) == 3:
            raise fileio.InputError(name, "cannot be written (No space left on device)")
        real(fd, payload, name)

    monkeypatch.setattr(fileio, "_FLUSH_BYTES", 2000)
    monkeypatch.setattr(fileio, "_write_through", fill_up)
    result = CliRunner().invoke(cli, ["check", *FILES, "--format", "json", "-o", str(out)])
    assert result.exit_code == 2 and len(calls) == 3
    assert "qa.json: cannot be written (No space left on device)" in result.output
    assert "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(os.listdir(tmp_path)) == ["qa.json"]


def test_an_output_that_is_an_input_is_refused_and_left_as_it_was(tmp_path):
    source = tmp_path / "fr.md"
    source.write_bytes((SAMPLE_SET / "fr.md").read_bytes())
    before = source.read_bytes()
    result = run(str(source), str(DRAFTS / "es_draft.md"), "--format", "text", "-o", str(source))
    assert result.exit_code == 2 and "is one of the input files" in result.output
    assert source.read_bytes() == before


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(_JSON, st.integers(0, 3))
def test_the_json_report_lays_values_out_as_the_json_module_does(value, depth):
    from hexaglot.reports.streaming import _dumps

    assert _dumps(value, depth) == json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)
