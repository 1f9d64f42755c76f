"""``hexaglot glossary merge``: reviewed candidates back into a glossary, and the decision drop-down."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner

from hexaglot.cli import cli
from qa_rules.glossary import read_glossary
from qa_rules.glossary.rejected import read_rejected

GLOSSARY = (
    "concept_id,lang,term,status\n"
    "ct,fr,lutte contre le terrorisme,preferred\n"
    "ct,en,counter-terrorism,preferred\n"
    "law,en,domestic law,preferred\n"
    "law2,fr,droit interne,preferred\n"
)

ABOUT = ("# source: docs/fr.md\n# source_lang: fr\n# target: docs/en.md\n# target_lang: en\n")


def _run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _decisions(tmp_path, rows: str, about: str = ABOUT):
    path = tmp_path / "decisions.csv"
    path.write_text("rank,source,target,decision,note\n" + rows + about, encoding="utf-8")
    return path


@pytest.fixture
def glossary(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path


def test_merge_adds_concepts_and_terms_remembers_rejections_and_lists_conflicts(tmp_path, glossary):
    decisions = _decisions(tmp_path, (
        "1,entités compétentes,relevant entities,accept,UN usage\n"
        "2,luttes contre le terrorisme,fight against terrorism,admit,\n"  # fr known (inflected): en added to ct
        "7,lutte contre le terrorisme,counter terrorism,accept,\n"  # both known in ct: unchanged
        "3,droit interne,domestic law,accept,\n"                      # fr in law2, en in law: conflict
        "4,internationaux relatifs,international legal,reject,fragment\n"
        "5,Nations Unies,United Nations,defer,\n"
        "6,ressources suffisantes,resources,,\n"
    ))
    out = tmp_path / "new.tbx"
    result = _run("glossary", "merge", str(glossary), str(decisions), "-o", str(out))
    assert result.exit_code == 0, result.output
    merged = read_glossary(out)
    new = merged.concept("candidate-fr-entités-compétentes")
    assert new is not None
    assert [(t.lang, t.text, t.status, t.note) for t in new.terms] == [
        ("fr", "entités compétentes", "preferred", "UN usage"), ("en", "relevant entities", "preferred", "UN usage")]
    assert "fr.md / en.md" in new.terms[0].source and "reviewer" in new.terms[0].source
    assert [(t.text, t.status) for t in merged.concept("ct").terms_in("en")] == [
        ("counter-terrorism", "preferred"), ("fight against terrorism", "admitted")]
    # the conflict is not merged: neither concept gained a term
    assert len(merged.concept("law").terms) == 1 and len(merged.concept("law2").terms) == 1
    assert [(r.text, r.lang, r.equivalent, r.note, r.source) for r in read_rejected(out)] == [
        ("internationaux relatifs", "fr", "international legal", "fragment", "docs/fr.md")]
    lines = result.output.splitlines()
    assert "+ concept candidate-fr-entités-compétentes: fr «entités compétentes» (preferred), " \
           "en «relevant entities» (preferred)" in lines
    assert "+ term en «fight against terrorism» (admitted) in concept ct" in lines
    assert "- rejected fr «internationaux relatifs»: fragment" in lines
    assert any(line.startswith("! conflict: decisions.csv line 5: fr «droit interne» is in law2; "
                               "en «domestic law» is in law") for line in lines)
    assert f"{out}: 1 concept(s) added, 1 term(s) added to existing concepts, 1 rejected, 1 conflict(s) " \
           "not merged, 1 already in the glossary, 2 undecided" in lines


def test_rejections_survive_a_second_merge_and_an_accept_lifts_them(tmp_path, glossary):
    first = tmp_path / "first.xlsx"
    _run("glossary", "merge", str(glossary), str(_decisions(tmp_path, "1,internationaux relatifs,,reject,\n")),
         "-o", str(first))
    assert [r.text for r in read_rejected(first)] == ["internationaux relatifs"]
    second = tmp_path / "second.tbx"
    result = _run("glossary", "merge", str(first), str(_decisions(tmp_path, "1,Nations Unies,United Nations,reject,\n")),
                  "-o", str(second))
    assert result.exit_code == 0, result.output
    assert [r.text for r in read_rejected(second)] == ["internationaux relatifs", "Nations Unies"]
    third = tmp_path / "third.tbx"
    result = _run("glossary", "merge", str(second),
                  str(_decisions(tmp_path, "1,Internationaux relatifs,international legal,accept,\n")), "-o", str(third))
    assert "~ no longer rejected fr «internationaux relatifs» (accepted now)" in result.output
    assert [r.text for r in read_rejected(third)] == ["Nations Unies"]


def test_a_rejected_candidate_is_not_proposed_again(tmp_path, sample_set):
    fr, en = str(sample_set / "fr.md"), str(sample_set / "en.md")
    empty = tmp_path / "empty.csv"
    empty.write_text("concept_id,lang,term\nx,fr,xyzzy\n", encoding="utf-8")
    before = tmp_path / "before.csv"
    result = _run("glossary", "candidates", fr, en, "--no-default-glossaries", "--glossary", str(empty),
                  "--top", "5", "-o", str(before))
    assert result.exit_code == 0, result.output
    rows = before.read_text(encoding="utf-8").splitlines()
    first = rows[1].split(",")[1]
    assert rows[1].endswith(",,")  # decision and note, empty
    decided = before.read_text(encoding="utf-8").replace(rows[1], rows[1][:-2] + ",reject,not a term", 1)
    before.write_text(decided, encoding="utf-8")
    merged = tmp_path / "merged.tbx"
    result = _run("glossary", "merge", str(empty), str(before), "-o", str(merged))
    assert result.exit_code == 0 and f"- rejected fr «{first}»: not a term" in result.output
    after = tmp_path / "after.csv"
    _run("glossary", "candidates", fr, en, "--no-default-glossaries", "--glossary", str(merged),
         "--top", "5", "-o", str(after))
    sources = [row.split(",")[1] for row in after.read_text(encoding="utf-8").splitlines()[1:6]]
    assert first not in sources and len(sources) == 5


def test_candidates_xlsx_has_a_decision_drop_down_and_merges_back(tmp_path, sample_set, glossary):
    from openpyxl import load_workbook

    out = tmp_path / "c.xlsx"
    result = _run("glossary", "candidates", str(sample_set / "fr.md"), str(sample_set / "en.md"),
                  "--no-default-glossaries", "--top", "4", "-o", str(out))
    assert result.exit_code == 0, result.output
    book = load_workbook(out)
    sheet = book["candidates"]
    header = [c.value for c in sheet[1]]
    assert header[-2:] == ["decision", "note"]
    (validation,) = sheet.data_validations.dataValidation
    assert validation.type == "list" and validation.formula1 == '"accept,admit,reject,defer"'
    column = "K"
    assert header[ord(column) - ord("A")] == "decision" and str(validation.sqref) == f"{column}2:{column}5"
    about = {row[0].value: row[1].value for row in book["about"].iter_rows()}
    assert about["source_lang"] == "fr" and about["target_lang"] == "en"
    sheet["K2"] = "accept"
    sheet["L2"] = "checked in UNTERM"
    sheet["K3"] = "reject"
    buffer = io.BytesIO()
    book.save(buffer)
    out.write_bytes(buffer.getvalue())
    accepted = sheet["B2"].value
    merged = tmp_path / "merged.tbx"
    result = _run("glossary", "merge", str(glossary), str(out), "-o", str(merged))
    assert result.exit_code == 0, result.output
    terms = {t.text: t for c in read_glossary(merged).concepts for t in c.terms}
    assert terms[accepted].note == "checked in UNTERM" and "fr.md" in terms[accepted].source
    assert [r.text for r in read_rejected(merged)] == [sheet["B3"].value]


def test_a_decision_out_of_the_vocabulary_is_one_line_naming_file_row_and_value(tmp_path, glossary):
    decisions = _decisions(tmp_path, "1,droit interne,domestic law,accept\n2,x y,z,maybe,\n")
    out = tmp_path / "new.tbx"
    result = _run("glossary", "merge", str(glossary), str(decisions), "-o", str(out))
    assert result.exit_code == 2
    assert f"{decisions}:3: unknown decision 'maybe'; use one of accept, admit, reject, defer" in result.output
    assert len(result.output.strip().splitlines()) == 1 and not out.exists()


def test_merge_refuses_missing_languages_a_csv_for_rejections_and_overwriting_an_input(tmp_path, glossary):
    no_langs = _decisions(tmp_path, "1,x y,z,reject,\n", about="")
    result = _run("glossary", "merge", str(glossary), str(no_langs), "-o", str(tmp_path / "n.tbx"))
    assert result.exit_code == 2 and "does not say source_lang" in result.output
    rejects = _decisions(tmp_path, "1,x y,z,reject,\n")
    result = _run("glossary", "merge", str(glossary), str(rejects), "-o", str(tmp_path / "n.csv"))
    assert result.exit_code == 2 and "a CSV glossary cannot keep the 1 rejected candidate" in result.output
    before = glossary.read_bytes()
    result = _run("glossary", "merge", str(glossary), str(rejects), "-o", str(glossary))
    assert result.exit_code == 2 and glossary.read_bytes() == before


def test_convert_keeps_the_rejections_between_tbx_and_xlsx(tmp_path, glossary):
    tbx = tmp_path / "g.tbx"
    _run("glossary", "merge", str(glossary), str(_decisions(tmp_path, "1,x y,z,reject,no\n")), "-o", str(tbx))
    xlsx = tmp_path / "g.xlsx"
    assert _run("glossary", "convert", str(tbx), str(xlsx)).exit_code == 0
    back = tmp_path / "back.tbx"
    assert _run("glossary", "convert", str(xlsx), str(back)).exit_code == 0
    assert read_rejected(back) == read_rejected(tbx) and len(read_rejected(tbx)) == 1
    assert len(read_glossary(back).concepts) == len(read_glossary(glossary).concepts)
