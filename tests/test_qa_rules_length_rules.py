"""LE01: length outliers against the document's own ratio (robust statistics, not a fixed threshold)."""

from __future__ import annotations

import math

from aligner.model import Alignment, Cell, Document, Row, Unit
from qa_rules.engine import check
from qa_rules.length.le01_ratio_outlier import LengthOutlier, letters, prior_log_ratio

FR = [
    "Prie l'Office de continuer à aider les États Membres qui en font la demande à renforcer la sécurité de leurs frontières",
    "Encourage l'Office à continuer d'aider les États Membres à protéger les infrastructures critiques et les cibles vulnérables",
    "Prie l'Office de continuer à fournir une assistance technique aux États Membres qui en font la demande en vue de renforcer",
    "Engage l'Office à continuer de recueillir des données et d'évaluer l'incidence de ses programmes d'assistance technique",
    "Invite les États Membres et les autres donateurs à verser à l'Office des contributions extrabudgétaires pluriannuelles",
    "Encourage l'Office à continuer de coopérer avec la société civile, le monde universitaire et le secteur privé à cet égard",
    "Prie l'Office de continuer à aider les États Membres à traiter les cas d'enfants associés à des groupes terroristes ici",
    "Souligne l'importance d'une approche de la lutte contre le terrorisme qui tienne compte des questions de genre et d'âge",
    "Prie l'Office de renforcer son assistance en matière de techniques d'enquête spéciales et de coopération entre services",
    "Invite l'Office à continuer de promouvoir l'échange de bonnes pratiques et de données d'expérience entre les praticiens",
]


def _alignment(targets: dict[str, list[str]], source: list[str] = FR) -> Alignment:
    docs = {"fr": Document("fr.md", "fr", tuple(Unit(f"op.{i + 1}", "operative", t, (i * 3 + 1, i * 3 + 2), number=i + 1)
                                                for i, t in enumerate(source)))}
    for lang, texts in targets.items():
        docs[lang] = Document(f"{lang}.md", lang, tuple(Unit(f"op.{i + 1}", "operative", t, (i * 3 + 1, i * 3 + 2), number=i + 1)
                                                      for i, t in enumerate(texts)))
    rows = []
    for i in range(len(source)):
        cells = {lang: Cell((f"op.{i + 1}",), (i * 3 + 1,), doc.units[i].text) for lang, doc in docs.items()}
        rows.append(Row(cells=cells, score=1.0))
    return Alignment(("fr", *targets), "fr", "paragraph", tuple(rows), docs)


def _findings(alignment):
    return [f for f in check(alignment, [LengthOutlier]).findings]


def test_a_half_omitted_paragraph_is_flagged_at_its_line():
    en = [t.replace("l'Office", "the Office") for t in FR]  # same length, "a translation"
    en[4] = en[4][: len(en[4]) // 2]
    found = _findings(_alignment({"en": en}))
    assert [(f.target.unit, f.target.line) for f in found] == [("op.5", 13)]
    assert "omission" in found[0].message and "median of 10 paragraphs" in found[0].expected


def test_the_yardstick_is_the_documents_own_ratio_not_a_fixed_one():
    """A language pair that is uniformly 60 % longer raises nothing; one paragraph
    at the French length in it is the outlier (a fixed ratio would say the opposite)."""
    long = [t + " " + t[: int(len(t) * 0.6)] for t in FR]
    assert _findings(_alignment({"es": long})) == []
    long[2] = FR[2].replace("l'Office", "the Office")  # at the source's length, but translated
    found = _findings(_alignment({"es": long}))
    assert [f.target.unit for f in found] == ["op.3"]


def test_an_addition_is_flagged_as_longer():
    ru = list(FR)
    ru[7] = FR[7] + ", et prie l'Office de faire rapport chaque année sur les progrès accomplis dans ce domaine aux États Membres"
    found = _findings(_alignment({"ru": ru}))
    assert [f.target.unit for f in found] == ["op.8"] and "addition" in found[0].message


def test_each_target_language_has_its_own_statistics():
    zh = ["请办公室继续协助提出请求的会员国加强边境安全和使用预报旅客资料以及生物识别数据" for _ in FR]
    en = [t for t in FR]
    assert _findings(_alignment({"zh": zh, "en": en})) == []


def test_short_texts_are_not_judged():
    src = ["Résolution 60/288."] * 10
    assert _findings(_alignment({"en": ["See"] * 10}, source=src)) == []


def test_few_paragraphs_fall_back_on_the_langdata_density():
    assert math.isclose(math.exp(prior_log_ratio("fr", "en")), 1 / 1.15, rel_tol=1e-6)
    small = _alignment({"en": ["Requests the Office to assist;", "Requests the Office;"]}, source=FR[:2])
    found = _findings(small)
    assert found and all("typical for the languages" in f.expected for f in found)


def test_letters_ignore_digits_spaces_punctuation_and_arabic_double_month_names():
    assert letters("2 500 agents, 30 %") == 6
    assert letters("28 أيلول/سبتمبر 2001", "ar") == letters("28 سبتمبر 2001")


def test_unpaired_neighbours_with_the_same_number_are_measured_as_a_pair():
    en = [t for t in FR]
    en[5] = "Encourages the Office;"
    alignment = _alignment({"en": en})
    rows = list(alignment.rows)
    fr_only = Row(cells={"fr": rows[5].cells["fr"], "en": Cell((), (), "")}, score=0.0)
    en_only = Row(cells={"fr": Cell((), (), ""), "en": rows[5].cells["en"]}, score=0.0)
    rows[5:6] = [fr_only, en_only]
    split = Alignment(alignment.languages, "fr", "paragraph", tuple(rows), alignment.documents)
    found = _findings(split)
    assert [(f.source.unit, f.target.unit) for f in found] == [("op.6", "op.6")]


def test_a_pair_misaligned_across_operative_numbers_is_re_paired_by_number():
    """op.6 cut short, op.7 lengthened: an aligner may pair source op.6 with target op.7."""
    en = [t for t in FR]
    en[5] = "Encourages the Office;"
    en[6] = FR[6] + " " + FR[6]
    alignment = _alignment({"en": en})
    rows = list(alignment.rows)
    tgt6 = Row(cells={"fr": Cell((), (), ""), "en": rows[5].cells["en"]}, score=0.0)
    cross = Row(cells={"fr": rows[5].cells["fr"], "en": rows[6].cells["en"]}, score=0.5)
    src7 = Row(cells={"fr": rows[6].cells["fr"], "en": Cell((), (), "")}, score=0.0)
    rows[5:7] = [tgt6, cross, src7]
    shifted = Alignment(alignment.languages, "fr", "paragraph", tuple(rows), alignment.documents)
    found = sorted((f.source.unit, f.target.unit, "omission" in f.message) for f in _findings(shifted))
    assert found == [("op.6", "op.6", True), ("op.7", "op.7", False)]


def test_a_clause_omitted_from_a_long_paragraph_is_flagged_when_the_rest_is_uniform():
    """A fifth of a long paragraph dropped (log ratio about -0.24) in a version whose other
    paragraphs keep the source's length: far outside the spread, so reported though under 35 %."""
    source = list(FR)
    source[4] = " ".join(FR[4:7])
    en = [t.replace("l'Office", "the Office") for t in source]
    en[4] = en[4][: int(len(en[4]) * 0.8)]
    found = _findings(_alignment({"en": en}, source))
    assert [f.target.unit for f in found] == ["op.5"] and "omission" in found[0].message
    older = LengthOutlier(LengthOutlier.Config(min_deviation=0.3))
    assert check(_alignment({"en": en}, source), [older]).findings == ()


def test_a_paragraph_left_in_the_source_language_is_left_to_the_untranslated_rules():
    zh = ["请办公室继续协助提出请求的会员国加强边境安全"] * len(FR)
    zh[6] = FR[6]  # left in French: four times the usual length of a Chinese paragraph
    assert _findings(_alignment({"zh": zh})) == []
    zh[6] = "请办公室继续"  # much shorter: still measured
    assert [f.target.unit for f in _findings(_alignment({"zh": zh}))] == ["op.7"]


def test_le01_message_gives_the_ratio_expected_and_found_give():
    en = [t.replace("l'Office", "the Office") for t in FR]
    en[4] = en[4][: len(en[4]) // 2]
    found = _findings(_alignment({"en": en}))
    assert len(found) == 1
    ratio, usual = found[0].found.split()[-1], found[0].expected.split()[3]
    assert f"is {ratio} times as long" in found[0].message and f"about {usual} is usual" in found[0].message
    assert "%" not in found[0].message  # not a percentage of the usual length beside the ratio
