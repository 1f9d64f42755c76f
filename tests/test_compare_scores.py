"""``hexaglot compare``: a draft against its revised version, scored like sacrebleu."""

from __future__ import annotations

import json

import pytest
import sacrebleu
from click.testing import CliRunner

from hexaglot.cli import cli

from conftest import SAMPLE_SET

EDITS = (  # (old, new) in en.md: a revision touching three paragraphs (op.3, op.4, op.5)
    ("3. *Requests* the United Nations Office on Drugs and Crime to continue and to strengthen, upon request,",
     "3. *Requests* the United Nations Office on Drugs and Crime to further strengthen, upon request,"),
    ("in collaboration with the other relevant entities of the Global Counter-Terrorism Coordination Compact",
     "in close cooperation with the United Nations Global Counter-Terrorism Coordination Compact"),
    ("5. *Recognizes* the fundamental role", "5. *Recognizes* the essential role"),
    ("with the Charter of the United Nations and obligations under international law, and in this regard",
     "with the Charter of the United Nations and international law, and in this regard"),
)


@pytest.fixture(scope="module")
def comparison(tmp_path_factory):
    folder = tmp_path_factory.mktemp("compare")
    final = (SAMPLE_SET / "en.md").read_text(encoding="utf-8")
    draft = final
    for old, new in EDITS:
        assert old in draft
        draft = draft.replace(old, new)
    (folder / "en_draft.md").write_text(draft, encoding="utf-8")
    out = folder / "cmp.json"
    result = CliRunner().invoke(cli, ["compare", str(folder / "en_draft.md"), str(SAMPLE_SET / "en.md"),
                                      "--source", str(SAMPLE_SET / "fr.md"), "--lang", "en",
                                      "--format", "json", "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


def test_per_paragraph_scores_are_sacrebleus_own(comparison):
    paragraphs = comparison["paragraphs"]
    assert len(paragraphs) > 60
    for p in paragraphs:
        hyp, ref = p["draft"]["text"], p["reference"]["text"]
        assert p["chrf"] == pytest.approx(sacrebleu.sentence_chrf(hyp, [ref]).score, abs=1e-9)
        assert p["bleu"] == pytest.approx(sacrebleu.sentence_bleu(hyp, [ref]).score, abs=1e-9)
        assert p["ter"] == pytest.approx(sacrebleu.sentence_ter(hyp, [ref]).score, abs=1e-9)
    hyps = [p["draft"]["text"] for p in paragraphs]
    refs = [p["reference"]["text"] for p in paragraphs]
    assert comparison["corpus"]["chrf"] == pytest.approx(sacrebleu.corpus_chrf(hyps, [refs]).score)
    assert comparison["corpus"]["bleu"] == pytest.approx(sacrebleu.corpus_bleu(hyps, [refs]).score)
    assert comparison["corpus"]["ter"] == pytest.approx(sacrebleu.corpus_ter(hyps, [refs]).score)
    assert comparison["metrics"]["chrf"].startswith("nrefs:1|case:mixed|eff:yes|nc:6")
    assert "compare" in comparison["signature"]


def test_the_revised_paragraphs_come_first_with_their_diff(comparison):
    paragraphs = comparison["paragraphs"]
    changed = [p for p in paragraphs if p["changed"]]
    assert sorted(p["reference"]["units"][0] for p in changed) == ["op.3", "op.4", "op.5"]
    assert paragraphs[:3] == sorted(changed, key=lambda p: p["chrf"])  # most changed first
    assert all(p["chrf"] == 100.0 for p in paragraphs[3:])
    op5 = next(p for p in changed if p["reference"]["units"] == ["op.5"])
    assert {"op": "replace", "draft": "essential", "reference": "fundamental"} in op5["diff"]
    assert {"op": "insert", "draft": "", "reference": "obligations under "} in op5["diff"]
    assert op5["source"]["units"] == ["op.5"] and op5["source"]["text"].startswith("Constate le rôle fondamental")
    assert op5["draft"]["lines"] and op5["reference"]["lines"] == [99]  # "5. *Recognizes*" is line 99 of en.md


def test_text_output_and_language_mismatch(tmp_path):
    runner = CliRunner()
    same = runner.invoke(cli, ["compare", str(SAMPLE_SET / "en.md"), str(SAMPLE_SET / "en.md")])
    assert same.exit_code == 0
    assert "0 of" in same.output and "Corpus: chrF 100.00" in same.output
    assert same.output.rstrip().splitlines()[-1].startswith("signature: hexaglot:")
    mixed = runner.invoke(cli, ["compare", str(SAMPLE_SET / "en.md"), str(SAMPLE_SET / "fr.md")])
    assert mixed.exit_code == 2 and "same language" in mixed.output


def test_a_cut_paragraph_is_one_revised_pair_not_a_deletion_and_an_insertion():
    from aligner.readers import read_document
    from qa_rules.compare import compare_documents

    draft = read_document(SAMPLE_SET.parent / "drafts" / "en_draft.md", lang="en")
    result = compare_documents(draft, read_document(SAMPLE_SET / "en.md"))
    # samples/drafts/plants.json: the English draft cuts op.22 after "the threat posed by foreign
    # terrorist fighters" and drops op.33 (32 is followed by 34)
    op22 = [p for p in result.paragraphs if "op.22" in p.reference.units]
    assert len(op22) == 1 and op22[0].draft.units == ("op.22",)
    inserted = [op for op in op22[0].diff if op.op == "insert"]
    assert inserted and inserted[0].reference.startswith(", including returning and relocating foreign terrorist")
    assert [p.reference.units for p in result.paragraphs if not p.draft.units] == [("op.33",)]  # really dropped


def test_sentence_level_pairs_are_sentences_scored_by_sacrebleu():
    from aligner.readers import read_document
    from qa_rules.compare import compare_documents

    draft = read_document(SAMPLE_SET.parent / "drafts" / "en_draft.md", lang="en")
    result = compare_documents(draft, read_document(SAMPLE_SET / "en.md"), level="sentence")
    assert result.level == "sentence"
    pairs = [p for p in result.paragraphs if p.draft.units and p.reference.units]
    assert pairs and all(p.draft.text and p.reference.text for p in pairs)
    assert any(uid.rpartition(".s")[2].isdigit() for p in pairs for uid in p.reference.units)
    for p in pairs[:20]:
        assert p.chrf == pytest.approx(sacrebleu.sentence_chrf(p.draft.text, [p.reference.text]).score)


def _drafts_compared(lang: str):
    from aligner.readers import read_document
    from qa_rules.compare import compare_documents

    return compare_documents(read_document(SAMPLE_SET.parent / "drafts" / f"{lang}_draft.md", lang=lang),
                             read_document(SAMPLE_SET / f"{lang}.md"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_diff_gives_back_both_texts_exactly(lang):
    for p in _drafts_compared(lang).paragraphs:
        assert "".join(op.draft for op in p.diff) == p.draft.text
        assert "".join(op.reference for op in p.diff) == p.reference.text


def test_a_whitespace_change_is_drawn_and_no_space_is_added_around_punctuation():
    from hexaglot.reports.comparison import render_text

    result = _drafts_compared("en")
    # samples/drafts/plants.json: op.16 "freezing of assets ," (a space before the comma), pp.8 "2018"
    op16 = next(p for p in result.paragraphs if p.reference.units == ("op.16",))
    assert op16.ter > 0 and op16.chrf == 100.0
    assert [(op.op, op.draft, op.reference) for op in op16.diff if op.op != "equal"] == [("delete", " ", "")]
    text = render_text(result)
    assert "freezing of assets[-␣-], to strengthen" in text
    assert "18 December [-2018-]{+2019+}, in which" in text
    assert "␣ space" in text  # the legend, since a whitespace change is drawn
    arabic = render_text(_drafts_compared("ar"))
    assert "74/[-157-]{+175+}" in arabic  # the Arabic draft's wrong resolution number
