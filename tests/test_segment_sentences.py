"""Sentence segmentation in the six languages, on sentences in the style of the samples and on the samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SAMPLE_SET
from conftest import missing
from hypothesis import given, settings
from hypothesis import strategies as st

from aligner.readers import read_document
from aligner.segment import split_sentences

CASES = json.loads((Path(__file__).parent / "data" / "segment_cases.json").read_text(encoding="utf-8"))["cases"]


def _split(text: str, lang: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, lang)]


@pytest.mark.parametrize("case", CASES, ids=[f"{c['lang']}-{c['name']}" for c in CASES])
def test_cases(case):
    joiner = "" if case["lang"] == "zh" else " "
    text = joiner.join(case["sentences"])
    assert _split(text, case["lang"]) == case["sentences"]


def test_cases_cover_all_six_languages():
    assert {c["lang"] for c in CASES} == {"ar", "zh", "en", "fr", "ru", "es"}


@pytest.mark.parametrize("lang", ["fr", "en", "es", "ru", "zh", "ar"])
def test_sample_paragraphs_and_footnotes_are_one_sentence_each(lang):
    """Every paragraph and footnote of the samples is one sentence: no cut after vol., vols., No., n°, núm., Ibid. ..."""
    path = SAMPLE_SET / f"{lang}.md"
    if not path.is_file():
        missing(f"sample version {path.name} is not in the sample set")
    doc = read_document(path)
    for unit in doc.units:
        if unit.role in ("preambular", "operative", "footnote", "title"):
            assert len(unit.sentences) == 1, (unit.id, [s.text for s in unit.sentences])
            assert unit.sentences[0].text == unit.text


def test_chinese_semicolon_does_not_split_but_full_stop_does():
    text = "请办公室继续提供援助；鼓励会员国加强合作。又请秘书长提交报告。"
    assert _split(text, "zh") == ["请办公室继续提供援助；鼓励会员国加强合作。", "又请秘书长提交报告。"]


def test_arabic_comma_and_semicolon_do_not_split():
    text = "تطلب إلى المكتب أن يواصل عمله، وتشجع الدول؛ وتقرر أن تبقي المسألة قيد نظرها. وتطلب تقريرا."
    assert len(_split(text, "ar")) == 2


def test_symbol_before_lower_case_or_digit_does_not_split():
    assert len(_split("Voir A/RES/74/175. et la résolution 75/291.", "fr")) == 1
    assert len(_split("See document A/78/5. 12 States replied.", "en")) == 1


def test_sentence_line_numbers_follow_the_input(tmp_path):
    path = tmp_path / "lines_fr.md"
    path.write_text("## 2023/26. Titre\n\nL'Assemblée générale,\n\n1. *Prie* l'Office de continuer.\nElle décide\nde rester saisie. Elle prie le Secrétaire général de faire rapport.\n",
                    encoding="utf-8")
    unit = read_document(path).unit("op.1")
    assert [s.line for s in unit.sentences] == [5, 6, 7]


def test_other_languages_use_the_generic_rules():
    assert _split("Dr. Müller kam um 10.30 Uhr. Er ging.", "de") == ["Dr. Müller kam um 10.30 Uhr.", "Er ging."]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab A.É?!。；؟،  1/\u00a0»«(")), max_size=60),
       st.sampled_from(["fr", "en", "es", "ru", "zh", "ar", "de"]))
def test_spans_are_ordered_trimmed_and_cover_the_text(text, lang):
    spans = split_sentences(text, lang)
    position = 0
    for a, b in spans:
        assert position <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()
        assert text[position:a].strip() == ""
        position = b
    assert text[position:].strip() == ""
