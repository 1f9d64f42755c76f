"""PU01-PU04: paragraph ends by role, brackets, quotation balance and style, in several languages."""

from __future__ import annotations

from aligner.model import Document, Unit
from qa_rules.base import Context, Pair, Side
from qa_rules.examples import example_alignment, run_example
from qa_rules.punctuation.langfacts import facts
from qa_rules.punctuation.pu01_paragraph_end import ParagraphEnd, final_mark
from qa_rules.punctuation.pu02_brackets import UnbalancedBrackets, unbalanced
from qa_rules.punctuation.pu03_quotes_balance import unbalanced_quotes
from qa_rules.punctuation.pu04_quote_style import QuoteStyle


def test_final_mark_looks_through_closing_quotes():
    assert final_mark('under the item entitled "Crime prevention and criminal justice."') == (".", 62)
    assert final_mark("« Prévention du crime et justice pénale ».  ")[0] == "."
    assert final_mark("2023/26. Assistance technique")[0] == "e"


def test_role_and_language_decide_the_final_mark():
    assert facts("zh").final_char("operative") == "；"
    assert facts("ar").final_char("preambular") == "،"
    assert facts("ar").final_char("operative") == "؛"
    assert facts("ru").final_char("last_operative") == "."


def test_last_operative_paragraph_expects_a_full_stop_when_the_source_has_none():
    example = {"fr": "1. Prie l'Office de faire rapport ¶ 2. Prie le Secrétaire général de faire rapport",
               "es": "1. Solicita a la Oficina que informe; ¶ 2. Solicita al Secretario General que informe;"}
    alignment = example_alignment(example)
    docs = alignment.documents
    last = Pair(Side(docs["fr"], (docs["fr"].units[1],), docs["fr"].units[1].text, (2,)),
                Side(docs["es"], (docs["es"].units[1],), docs["es"].units[1].text, (2,)), alignment.rows[0], 0)
    found = list(ParagraphEnd().check(last, Context(alignment)))
    assert [(f.expected, f.found) for f in found] == [(".", ";")]


def test_paragraph_end_points_at_the_last_line_of_a_long_paragraph():
    text = "Rappelant sa résolution 74/175 du 18 décembre 2019, intitulée « Assistance technique »,"
    en = "Recalling its resolution 74/175 of 18 December 2019, entitled “Technical assistance”;"
    src = Unit("pp.1", "preambular", text, (31, 34), line_offsets=((0, 31), (40, 32)))
    tgt = Unit("pp.1", "preambular", en, (31, 34), line_offsets=((0, 31), (30, 32), (60, 34)))
    pair = Pair(Side(Document("fr.md", "fr", (src,)), (src,), text, (31,)),
                Side(Document("en.md", "en", (tgt,)), (tgt,), en, (31,)), None, 0)
    (finding,) = ParagraphEnd().check(pair, Context(None))
    assert finding.target.line == 34 and finding.source.line == 31


def test_subparagraph_labels_are_not_brackets():
    assert unbalanced("a) de renforcer leurs capacités ; b) de coopérer") == []
    assert unbalanced("(a) To strengthen; (b) to cooperate (see para. 5)") == []
    assert unbalanced("tenu à Kyoto (Japon du 7 au 12 mars") == [(13, "(")]
    assert unbalanced("在京都（日本举行") == [(3, "（")]


def test_an_unbalanced_source_is_not_held_against_the_target():
    assert not run_example(UnbalancedBrackets, {"fr": "(voir le rapport,", "en": "(see the report,"})


def test_quote_balance_by_language():
    ru = facts("ru").quote_pairs
    assert unbalanced_quotes("«Оказание „технической“ помощи»", ru) == []
    assert unbalanced_quotes("«Оказание технической помощи", ru) == [(0, "«")]
    assert unbalanced_quotes("the Office’s programmes", facts("en").quote_pairs) == []
    ar = facts("ar")
    assert unbalanced_quotes("المعنون ”المساعدة التقنية“", ar.quote_pairs, ar.spaced) == []
    assert unbalanced_quotes('entitled "Crime prevention', facts("en").balance_pairs)
    assert unbalanced_quotes("titulado «Prevención del delito", facts("es").balance_pairs)


def test_quote_style_per_language_and_never_straightened():
    fr = "intitulée « Prévention du crime et justice pénale »."
    assert run_example(QuoteStyle, {"fr": fr, "en": "entitled « Crime prevention »."})
    assert not run_example(QuoteStyle, {"fr": fr, "en": "entitled “Crime prevention”."})
    assert run_example(QuoteStyle, {"fr": fr, "en": 'entitled "Crime prevention".'})  # typewriter quotes
    assert run_example(QuoteStyle, {"fr": fr, "es": "titulado «Prevención del delito»."})  # UN Spanish: “ ”
    assert not run_example(QuoteStyle, {"fr": fr, "es": "titulado “Prevención del delito”."})
    assert run_example(QuoteStyle, {"fr": fr, "ru": 'озаглавленного "Предупреждение преступности".'})
    assert not run_example(QuoteStyle, {"fr": fr, "zh": "题为“预防犯罪和刑事司法”的项目。"})
    assert run_example(QuoteStyle, {"fr": fr, "zh": "题为«预防犯罪和刑事司法»的项目。"})
    (finding,) = run_example(QuoteStyle, {"fr": fr, "en": "entitled « Crime prevention »."})
    assert "«" in finding.found  # reported as found, never rewritten


def test_an_untranslated_paragraph_is_not_reported_again_for_its_punctuation():
    fr = "Prie l'Office de faire rapport au titre de la question intitulée « Prévention du crime »."
    assert not run_example(QuoteStyle, {"fr": fr, "en": fr})


def test_latin_punctuation_between_arabic_or_chinese_words():
    from qa_rules.punctuation.pu05_script_form import ScriptPunctuation, latin_forms

    assert latin_forms("على الصعيد العالمي, بما في ذلك", "ar") == [(18, ",", "،")]
    assert latin_forms("هل تم ذلك? نعم؛ وفي المجلد 2178, الرقم 38349", "ar") == [(9, "?", "؟")]
    assert latin_forms("标准规则》(《纳尔逊·曼德拉规则》)，以及各国,包括", "zh") == []  # width: SP06's
    zh = "标准规则》(《纳尔逊·曼德拉规则》)，以及各国,包括"
    assert [m for _, m, _ in latin_forms(zh, "zh", "full_width_forms")] == ["(", ")", ","]
    assert latin_forms("安全理事会第2133(2014)号决议，见www.unodc.org,并", "zh", "full_width_forms") == []
    assert latin_forms("on a global scale, including", "en") == []
    fr = "en renforçant la coopération au niveau mondial, notamment en matière de détection"
    (finding,) = run_example(ScriptPunctuation, {"fr": fr, "ar": "تعزيز التعاون على الصعيد العالمي, بما في ذلك في مجال الكشف"})
    assert finding.expected == "،" and "," in finding.found
    assert not run_example(ScriptPunctuation, {"fr": fr, "ar": "تعزيز التعاون على الصعيد العالمي، بما في ذلك في مجال الكشف"})


def test_half_width_punctuation_between_chinese_characters_is_a_spacing_finding():
    from qa_rules.spacing.sp06_full_width_forms import FullWidthForms

    fr = "l'Ensemble de règles minima (Règles Nelson Mandela), pour élaborer des outils"
    (finding,) = run_example(FullWidthForms, {"fr": fr, "zh": "《囚犯待遇最低限度标准规则》(《纳尔逊·曼德拉规则》)，以制定工具"})
    assert finding.category == "spacing" and finding.expected == "（ ）"
    assert not run_example(FullWidthForms, {"fr": fr, "zh": "《囚犯待遇最低限度标准规则》（《纳尔逊·曼德拉规则》），以制定工具"})
