"""A corrected alignment read back: ``hexaglot align`` output, edited by a reviser, given to
``check --alignment`` and ``align --alignment`` (``aligner.readers.alignment_file``)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner.align import align_documents
from aligner.errors import InputError
from aligner.readers import read_document
from aligner.readers.alignment_file import AlignmentMismatch, read_alignment_file
from aligner.writers import render
from hexaglot.cli import cli

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
OFFICIAL = SAMPLES / "E-RES-2023-26"


@pytest.fixture(scope="module")
def documents():
    return [read_document(str(OFFICIAL / f"{lang}.md")) for lang in ("fr", "en", "zh")]


@pytest.fixture(scope="module")
def aligned(documents):
    return align_documents(documents)


def write(path: Path, data) -> str:
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return str(path)


def tsv_rows(text: str) -> tuple[list[list[str]], str]:
    """The table of a TSV alignment and its signature line."""
    lines = text.splitlines(keepends=True)
    return list(csv.reader(io.StringIO("".join(lines[:-1])), delimiter="\t")), lines[-1]


def tsv_text(table: list[list[str]], signature: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter="\t", lineterminator="\n").writerows(table)
    return out.getvalue() + signature


def row_of(table, column: str, unit: str) -> int:
    k = table[0].index(column)
    return next(n for n, row in enumerate(table) if unit in row[k].split())


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


# -- round trips -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json", "xlsx"])
def test_round_trip_gives_the_aligners_rows(tmp_path, documents, aligned, fmt):
    path = write(tmp_path / f"aligned.{fmt}", render(aligned, fmt))
    back = read_alignment_file(path, documents)
    assert back.rows == aligned.rows
    assert (back.languages, back.pivot, back.level) == (aligned.languages, aligned.pivot, aligned.level)
    assert back.documents == aligned.documents
    assert back.signature.endswith(f"| alignment=aligned.{fmt}")


def test_round_trip_of_two_languages_keeps_the_pairs(tmp_path, documents):
    two = align_documents(documents[:2])
    back = read_alignment_file(write(tmp_path / "a.tsv", render(two, "tsv")), documents[:2])
    assert back.pair_rows == two.pair_rows


def test_sentence_level_round_trip(tmp_path, documents):
    sentences = align_documents(documents[:2], level="sentence")
    back = read_alignment_file(write(tmp_path / "s.json", render(sentences, "json")), documents[:2])
    assert back.level == "sentence"
    assert back.rows == sentences.rows


def test_a_unit_cell_in_any_order_and_separator_reads_the_same(tmp_path, documents, aligned):
    table, signature = tsv_rows(render(aligned, "tsv"))
    n = row_of(table, "fr_units", "op.1")
    m = row_of(table, "fr_units", "op.2")
    units, text = table[0].index("fr_units"), table[0].index("fr")
    table[n][units] = "op.2, op.1"  # a merge typed backwards, with a comma
    table[n][text] = table[n][text] + "\n" + table[m][text]
    table[m][units] = table[m][text] = ""
    back = read_alignment_file(write(tmp_path / "m.tsv", tsv_text(table, signature)), documents)
    assert [row.cells["fr"].units for row in back.rows if "op.1" in row.cells["fr"].units] == [("op.1", "op.2")]


# -- edits change the findings -------------------------------------------------------------------


def check_codes(*args: str) -> list[str]:
    result = run("check", *args, "--select", "structure", "--format", "json", "--no-default-glossaries")
    assert result.exit_code in (0, 1), result.output
    return sorted(f["rule"] for f in json.loads(result.stdout)["findings"])


@pytest.fixture
def fr_en_tsv(tmp_path):
    fr, en = str(OFFICIAL / "fr.md"), str(OFFICIAL / "en.md")
    out = tmp_path / "aligned.tsv"
    assert run("align", fr, en, "-o", str(out)).exit_code == 0
    return fr, en, out


def split_row(table, lang_units: str, unit: str) -> None:
    """A split: the row holding ``unit`` becomes two, the pivot's cells in one, the other language's in the next."""
    n = row_of(table, lang_units, unit)
    head = table[0]
    moved = [""] * len(head)
    for column in ("en", "en_units"):
        k = head.index(column)
        moved[k], table[n][k] = table[n][k], ""
    table.insert(n + 1, moved)


def test_a_split_row_gives_a_missing_and_an_extra_paragraph_and_merging_it_back_clears_them(tmp_path):
    # the English draft merged pp.15 and pp.16, so its pp.16 is the French pp.17
    fr, en = str(OFFICIAL / "fr.md"), str(SAMPLES / "drafts" / "en_draft.md")
    out = tmp_path / "draft.tsv"
    assert run("align", fr, en, "-o", str(out)).exit_code == 0
    assert check_codes(fr, en, "--alignment", str(out)) == check_codes(fr, en)
    table, signature = tsv_rows(out.read_text(encoding="utf-8"))
    n = row_of(table, "fr_units", "pp.17")
    assert table[n][table[0].index("en_units")] == "pp.16"
    before = check_codes(fr, en, "--alignment", str(out))
    assert before.count("ST01") == 1 and "ST02" not in before  # op.33 is missing from the draft
    split_row(table, "fr_units", "pp.17")  # what an aligner could have done: two rows with a gap each
    split = write(tmp_path / "split.tsv", tsv_text(table, signature))
    codes = check_codes(fr, en, "--alignment", split)
    assert sorted(before + ["ST01", "ST02"]) == codes

    # the reviser merges the two rows: the pair of findings disappears
    head = table[0]
    for column in ("en", "en_units"):
        k = head.index(column)
        table[n][k], table[n + 1][k] = table[n + 1][k], ""
    merged = write(tmp_path / "merged.tsv", tsv_text(table, signature))
    assert check_codes(fr, en, "--alignment", merged) == before


def test_the_corrected_alignment_of_the_aligners_own_output_checks_the_same(fr_en_tsv):
    fr, en, out = fr_en_tsv
    assert check_codes(fr, en, "--alignment", str(out)) == check_codes(fr, en)


def test_splitting_a_merge_the_draft_made_turns_st03_into_a_missing_paragraph(tmp_path):
    fr, en = str(OFFICIAL / "fr.md"), str(SAMPLES / "drafts" / "en_draft.md")
    out = tmp_path / "draft.tsv"
    assert run("align", fr, en, "-o", str(out)).exit_code == 0
    assert "ST03" in check_codes(fr, en, "--alignment", str(out))
    table, signature = tsv_rows(out.read_text(encoding="utf-8"))
    n = row_of(table, "fr_units", "pp.16")
    head = table[0]
    # two versions aligned alone: the English merge is one row with the French pp.15 and pp.16
    units, text = head.index("fr_units"), head.index("fr")
    assert table[n][units] == "pp.15 pp.16"
    pp16 = read_document(fr).unit("pp.16").text
    second = [""] * len(head)
    second[units], second[text] = "pp.16", pp16
    table[n][units] = "pp.15"
    table[n][text] = read_document(fr).unit("pp.15").text
    table.insert(n + 1, second)
    codes = check_codes(fr, en, "--alignment", write(tmp_path / "split.tsv", tsv_text(table, signature)))
    assert "ST03" not in codes and "ST01" in codes


# -- refused -------------------------------------------------------------------------------------


def test_a_changed_document_is_refused_with_the_rows_that_differ(fr_en_tsv, tmp_path):
    fr, en, out = fr_en_tsv
    changed = tmp_path / "en.md"
    text = Path(en).read_text(encoding="utf-8")
    assert "Reaffirming" in text and "Welcoming" in text
    changed.write_text(text.replace("Reaffirming", "Reasserting").replace("Welcoming", "Noting"), encoding="utf-8")
    result = run("check", fr, str(changed), "--alignment", str(out))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith(f"hexaglot: error: {out}: does not fit the documents")
    differing = [line for line in lines[:-1] if "the text differs" in line]
    expected = text.count("Reaffirming") + text.count("Welcoming")
    assert len(differing) == min(expected, 12)
    assert all(line.startswith(f"{out}: line ") and " en " in line for line in differing)
    assert "Reasserting" in result.stderr or "Noting" in result.stderr
    assert "Traceback" not in result.output


def test_a_changed_document_is_refused_by_align_too_and_nothing_is_written(fr_en_tsv, tmp_path):
    fr, en, out = fr_en_tsv
    changed = tmp_path / "fr.md"
    changed.write_text(Path(fr).read_text(encoding="utf-8").replace("Réaffirmant", "Réitérant", 1), encoding="utf-8")
    target = tmp_path / "again.tmx"
    result = run("align", str(changed), en, "--alignment", str(out), "-o", str(target))
    assert result.exit_code == 2
    assert "fr pp." in result.stderr and "the text differs" in result.stderr
    assert not target.exists()


def test_every_unit_exactly_once(fr_en_tsv, tmp_path):
    fr, en, out = fr_en_tsv
    documents = [read_document(fr), read_document(en)]
    table, signature = tsv_rows(out.read_text(encoding="utf-8"))
    units = table[0].index("en_units")
    n, m = row_of(table, "en_units", "op.3"), row_of(table, "en_units", "op.4")
    table[n][units] = "op.3 op.4"  # op.4 twice
    k = row_of(table, "en_units", "op.5")
    table[k][units] = "op.55"  # op.5 nowhere, op.55 unknown
    with pytest.raises(AlignmentMismatch) as caught:
        read_alignment_file(write(tmp_path / "bad.tsv", tsv_text(table, signature)), documents)
    rows = "\n".join(caught.value.rows)
    assert f"line {m + 1}: en op.4 is also in line {n + 1}" in rows or f"line {n + 1}: en op.4 is also in line {m + 1}" in rows
    assert "'op.55' is not a paragraph of" in rows
    assert "en op.5 (" in rows and "in no row" in rows
    # a row with an unknown id says so once, not again for its text
    assert [line for line in caught.value.rows if f"line {k + 1}:" in line] == [
        line for line in caught.value.rows if "'op.55' is not a paragraph" in line]


def test_pivot_rows_out_of_order_are_refused(fr_en_tsv, tmp_path):
    fr, en, out = fr_en_tsv
    table, signature = tsv_rows(out.read_text(encoding="utf-8"))
    n, m = row_of(table, "fr_units", "op.3"), row_of(table, "fr_units", "op.4")
    table[n], table[m] = table[m], table[n]
    result = run("check", fr, en, "--alignment", write(tmp_path / "swapped.tsv", tsv_text(table, signature)))
    assert result.exit_code == 2
    assert "fr op.3 comes after op.4" in result.stderr


def test_a_moved_target_unit_is_a_moved_link(fr_en_tsv, tmp_path):
    fr, en, out = fr_en_tsv
    documents = [read_document(fr), read_document(en)]
    table, signature = tsv_rows(out.read_text(encoding="utf-8"))
    head = table[0]
    n, m = row_of(table, "en_units", "op.3"), row_of(table, "en_units", "op.4")
    for column, joiner in (("en_units", " "), ("en", " ")):
        k = head.index(column)
        table[n][k], table[m][k] = table[n][k] + joiner + table[m][k], ""
    back = read_alignment_file(write(tmp_path / "moved.tsv", tsv_text(table, signature)), documents)
    row = next(r for r in back.rows if "op.3" in r.cells["fr"].units)
    assert row.cells["en"].units == ("op.3", "op.4")
    assert next(r for r in back.rows if "op.4" in r.cells["fr"].units).cells["en"].units == ()


# -- malformed files -------------------------------------------------------------------------------


@pytest.mark.parametrize("name, content, message", [
    ("a.json", "{not json", "a.json:1: is not valid JSON"),
    ("a.json", '{"rows": [{"cells": {"fr": {"units": ["title"]}, "de": {}}}]}', "row 1 has a cell in 'de'"),
    ("a.json", '{"rows": [{"score": "high", "cells": {}}]}', "row 1: the score 'high' is not a number"),
    ("a.json", '[1, 2]', "is not an alignment"),
    ("a.tsv", "row\tscore\tfr\tfr_units\n", "a.tsv:1: has no en_units column"),
    ("a.tsv", "row\tscore\tfr\tfr_units\ten\ten_units\n1\tmuch\t\ttitle\t\ttitle\n", "a.tsv:2: the score 'much'"),
    ("a.tsv", "", "a.tsv: is empty"),
    ("a.xlsx", "not a workbook", "a.xlsx: cannot be read as a workbook"),
    ("a.txt", "row\tscore\n", "a.txt: cannot tell the alignment's format"),
])
def test_malformed_files_are_one_line_errors(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = run("check", str(OFFICIAL / "fr.md"), str(OFFICIAL / "en.md"), "--alignment", str(path))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert message in result.stderr


def test_an_edited_workbook_is_read_like_the_tsv(tmp_path, documents, aligned):
    from openpyxl import load_workbook

    path = tmp_path / "a.xlsx"
    write(path, render(aligned, "xlsx"))
    book = load_workbook(path)
    sheet = book["alignment"]
    head = [c.value for c in sheet[1]]
    units, text = head.index("en_units") + 1, head.index("en") + 1
    n = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, units).value == "op.9")
    sheet.cell(n, text).value = "Invites " + sheet.cell(n, text).value
    book.save(path)
    with pytest.raises(AlignmentMismatch) as caught:
        read_alignment_file(str(path), documents)
    assert caught.value.rows == (f"{path}: row {n}: en op.9: the text differs from {OFFICIAL / 'en.md'} "
                                 + caught.value.rows[0].split(f"{OFFICIAL / 'en.md'} ", 1)[1],)
    assert isinstance(caught.value, InputError)


def test_an_emptied_text_cell_is_taken_from_the_document(tmp_path, documents, aligned):
    data = json.loads(render(aligned, "json"))
    for row in data["rows"]:
        row["cells"]["zh"]["text"] = ""
        row["cells"]["en"]["units"] = " ".join(row["cells"]["en"]["units"])
    back = read_alignment_file(write(tmp_path / "ids.json", json.dumps(data)), documents)
    assert back.rows == aligned.rows


def test_align_reexports_a_corrected_alignment(fr_en_tsv, tmp_path):
    fr, en, out = fr_en_tsv
    tmx = tmp_path / "corrected.tmx"
    result = run("align", fr, en, "--alignment", str(out), "-o", str(tmx))
    assert result.exit_code == 0, result.output
    text = tmx.read_text(encoding="utf-8")
    assert text.count("<tu>") + text.count("<tu ") == len(tsv_rows(out.read_text(encoding="utf-8"))[0]) - 1
    assert "alignment=aligned.tsv" in text


def test_align_refuses_to_write_over_the_alignment(fr_en_tsv):
    fr, en, out = fr_en_tsv
    before = out.read_bytes()
    result = run("align", fr, en, "--alignment", str(out), "-o", str(out))
    assert result.exit_code == 2
    assert out.read_bytes() == before


def test_check_refuses_another_level_than_the_files(fr_en_tsv):
    fr, en, out = fr_en_tsv
    result = run("check", fr, en, "--alignment", str(out), "--level", "sentence")
    assert result.exit_code == 2
    assert "--level: is sentence, but" in result.stderr and "aligns by paragraph" in result.stderr


def test_check_refuses_an_alignment_beside_a_tmx_file(tmp_path, fr_en_tsv):
    fr, en, out = fr_en_tsv
    tmx = tmp_path / "pair.tmx"
    assert run("align", fr, en, "-o", str(tmx)).exit_code == 0
    result = run("check", str(tmx), "--alignment", str(out))
    assert result.exit_code == 2
    assert "--alignment" in result.stderr and "separate documents" in result.stderr


def test_a_csv_saved_with_semicolons_reads_the_same(tmp_path, documents, aligned):
    table = list(csv.reader(io.StringIO(render(aligned, "csv"))))
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(
        [row[:1] + [row[1].replace(".", ",")] + row[2:] if len(row) > 1 else row for row in table])
    back = read_alignment_file(write(tmp_path / "saved.csv", out.getvalue()), documents)
    assert back.rows == aligned.rows


def test_a_utf16_tsv_reads_the_same(tmp_path, documents, aligned):
    path = tmp_path / "unicode.tsv"
    path.write_bytes(render(aligned, "tsv").encode("utf-16"))
    assert read_alignment_file(str(path), documents).rows == aligned.rows
