"""Precision on real text: sentences of the official French E/RES/2023/26, of its working
versions, and of the official A/RES/55/100, that the rules once misread. Each test holds one
correct pair (no finding) and, where the rule could be weakened into silence, a wrong one that
must still be flagged."""

from __future__ import annotations

import pytest

from qa_rules.examples import run_example
from qa_rules.numbers.extract import numbers
from qa_rules.references.extract import treaties
from qa_rules.registry import RULES

RULE = {rule.code: rule for rule in RULES}


def _codes(code: str, example: dict) -> list[str]:
    return [f"{f.rule} {f.message}" for f in run_example(RULE[code], example)]


# -- footnote 7: one citation of four volumes ----------------------------------------------

FN7 = {
    "fr": "[^7]: Nations Unies, Recueil des Traités, vol. 2225, 2237, 2241 et 2326, n° 39574.",
    "en": "[^7]: United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.",
    "es": "[^7]: Naciones Unidas, Treaty Series, vols. 2225, 2237, 2241 y 2326, núm. 39574.",
    "ru": "[^7]: United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.",
    "zh": "[^7]: 联合国，《条约汇编》，第2225、2237、2241和2326卷，第39574号。",
    "ar": "[^7]: الأمم المتحدة، مجموعة المعاهدات، المجلدات 2225 و 2237 و 2241 و 2326، الرقم 39574.",
}


@pytest.mark.parametrize("lang", list(FN7))
def test_a_citation_of_several_volumes_is_read_whole(lang):
    text = FN7[lang].split(": ", 1)[1]
    assert [key for key, *_ in treaties(text, lang)] == ["vols. 2225, 2237, 2241, 2326, No. 39574"]
    assert [n.key for n in numbers(text, lang)] == []  # the volumes belong to the citation


@pytest.mark.parametrize("lang", ["en", "es", "ru", "zh", "ar"])
@pytest.mark.parametrize("code", ["RF03", "NU01"])
def test_footnote_7_correctly_translated_gives_no_finding(code, lang):
    assert _codes(code, {"fr": FN7["fr"], lang: FN7[lang]}) == []


def test_a_wrong_volume_inside_the_list_is_still_found():
    wrong = FN7["en"].replace("2326", "2362")
    found = run_example(RULE["RF03"], {"fr": FN7["fr"], "en": wrong})
    assert [(f.expected, f.found) for f in found] == [
        ("vol. 2225, 2237, 2241 et 2326, n° 39574", "vols. 2225, 2237, 2241 and 2362, No. 39574")]


# -- pp.19: a range of years written with a hyphen ----------------------------------------

PP19 = {
    "fr": "Prenant note du Programme mondial visant à prévenir et à combattre le terrorisme (2022-2027), par lequel",
    "en": "Taking note of the Global Programme on Preventing and Countering Terrorism (2022–2027), through which",
    "ru": "принимая к сведению Глобальную программу по предупреждению терроризма и борьбе с ним (2022–2027 годы),",
    "es": "Tomando nota del Programa Mundial de Prevención y Lucha contra el Terrorismo (2022-2027), mediante el cual",
    "zh": "注意到预防和打击恐怖主义全球方案（2022-2027年），",
    "ar": "وإذ تحيط علما بالبرنامج العالمي لمنع الإرهاب ومكافحته (2022-2027)، الذي",
}


@pytest.mark.parametrize("lang", list(PP19))
def test_both_years_of_a_range_are_numbers_whatever_the_dash(lang):
    assert [n.key for n in numbers(PP19[lang], lang)] == ["2022", "2027"]


@pytest.mark.parametrize("lang", ["en", "ru", "es", "zh", "ar"])
def test_a_hyphen_range_against_an_en_dash_range_gives_no_finding(lang):
    assert _codes("NU01", {"fr": PP19["fr"], lang: PP19[lang]}) == []
    assert _codes("NU01", {lang: PP19[lang], "fr": PP19["fr"]}) == []


def test_a_wrong_end_year_is_still_found():
    found = run_example(RULE["NU01"], {"fr": PP19["fr"], "en": PP19["en"].replace("2027", "2028")})
    assert [(f.expected, f.found) for f in found] == [("2027", "2028")]


def test_a_hyphen_after_a_letter_is_not_a_range():
    assert [n.key for n in numbers("la pandémie de COVID-19 et le G-20", "fr")] == []


# -- common words are not country names -----------------------------------------------------

from qa_rules.glossary import bundled_glossaries  # noqa: E402
from qa_rules.glossary.matcher import find_terms  # noqa: E402


def _countries(text: str, lang: str) -> list[tuple[str, str]]:
    return [(m.text, m.term.text) for m in find_terms(text, lang, bundled_glossaries())
            if m.glossary == "unterm-countries"]


@pytest.mark.parametrize("lang, text", [
    # E/RES/2023/26 pp.18 (official French): «avoir du mal», to find it hard, is not Mali
    ("fr", "Sachant que les États Membres peuvent avoir du mal, notamment dans les zones touchées par des conflits armés"),
    # the Russian version of pp.1 and op.23: «того» (that) is not Togo, «данные» (data) not Denmark
    ("ru", "независимо от их мотивов, а также от того, когда, где и кем они совершаются"),
    ("ru", "контактные данные назначенных органов"),
    # the Arabic version of pp.2, and A/RES/55/100 pp.3: «أو» (or) is not Palau, «المالية» (financial) not Mali
    ("ar", "لا يمكن ولا ينبغي ربطه بأي دين أو جنسية أو حضارة أو جماعة عرقية"),
    ("ar", "وأن التحويلات المالية من المهاجرين الحائزين"),
])
def test_a_common_word_is_not_a_country_name(lang, text):
    assert _countries(text, lang) == []


@pytest.mark.parametrize("lang, text, name", [
    ("fr", "les forces déployées au Mali", "Mali"), ("en", "the Government of Mali", "Mali"),
    ("ru", "в Дании и Того", "Дания"), ("ru", "в Дании и Того", "Того"), ("ru", "правительство Дании", "Дания"),
    ("ru", "Южной Африки", "Южная Африка"),
    ("ar", "حكومة مالي", "مالي"), ("ar", "ولمالي", "مالي"), ("ar", "بالاو", "بالاو"),
    ("ar", "للولايات المتحدة الأمريكية", "الولايات المتحدة الأمريكية"),
])
def test_the_country_names_themselves_still_match(lang, text, name):
    assert name in [term for _, term in _countries(text, lang)]


def test_russian_nigeria_is_not_niger():
    # the A/RES/55/100 vote list: «Нигерия» stems as «Нигер» does
    assert _countries("Нигерия", "ru") == [("Нигерия", "Нигерия")]
    assert _countries("Нигера", "ru") == [("Нигера", "Нигер")]


def test_te01_does_not_ask_for_mali_in_pp18():
    example = {"fr": PP18_FR, "en": PP18_EN}
    assert _codes("TE01", example) == []


PP18_FR = ("Sachant que les États Membres peuvent avoir du mal, notamment dans les zones touchées par des conflits "
           "armés, à obtenir et à utiliser les preuves admissibles, qu'elles soient de nature numérique, matérielle "
           "ou criminalistique, dont ils ont besoin pour poursuivre et faire condamner les combattants terroristes "
           "étrangers et ceux qui les soutiennent,")
PP18_EN = ("Recognizing that Member States may face challenges, including in areas affected by armed conflict, in "
           "obtaining and using the admissible evidence, whether digital, physical or forensic, that they need to "
           "prosecute and secure the conviction of foreign terrorist fighters and those who support them,")


# -- the wording of the official French text is UN wording -----------------------------------

def test_droits_humains_of_the_official_text_is_not_a_deprecated_term():
    # heading of E/RES/2023/26: "Questions sociales et questions relatives aux droits humains"
    example = {"en": "Social and human rights questions: crime prevention and criminal justice",
               "fr": "Questions sociales et questions relatives aux droits humains : prévention du crime et justice pénale"}
    assert _codes("TE02", example) == []
    assert _codes("TE02", {"en": "human rights in Member States", "fr": "les droits de l'homme dans les États membres"})


def test_international_human_rights_law_is_one_term_in_op31():
    fr = "un cadre juridique qui protège et promeut les droits humains, conformément au droit international des droits humains ;"
    en = "a legal framework that protects and promotes human rights, in accordance with international human rights law;"
    zh = "包括依照国际人权法建立保护和促进人权的法律框架；"
    assert _codes("TE01", {"fr": fr, "en": en}) == []
    assert _codes("TE01", {"fr": fr, "zh": zh}) == []
    terms = [m.concept.id for m in find_terms(fr, "fr", bundled_glossaries())]
    assert "international-human-rights-law" in terms and "international-law" not in terms


OP4_FR = ("Prie également l'Office des Nations Unies contre la drogue et le crime de veiller, en collaboration avec "
          "les autres entités compétentes du Pacte mondial de coordination contre le terrorisme, à ce que l'assistance")


@pytest.mark.parametrize("lang, text", [
    ("es", "Solicita también a la Oficina de las Naciones Unidas contra la Droga y el Delito que, en colaboración con "
           "las demás entidades competentes del Pacto Mundial de Coordinación de la Lucha Antiterrorista, vele"),
    ("ru", "просит также Управление Организации Объединенных Наций по наркотикам и преступности в сотрудничестве "
           "с другими соответствующими структурами Глобального договора о координации контртеррористической "
           "деятельности обеспечивать"),
])
def test_the_short_form_of_the_compact_is_an_accepted_rendering(lang, text):
    assert _codes("TE01", {"fr": OP4_FR, lang: text}) == []
    wrong = {"es": "del Pacto Mundial, vele", "ru": "Глобального договора, обеспечивать"}[lang]
    assert _codes("TE01", {"fr": OP4_FR, lang: text.split("del Pacto")[0].split("Глобального")[0] + wrong})


# -- a term split by a coordinated word, or in its adjective form ------------------------------

@pytest.mark.parametrize("fr, target", [
    # pp.7
    ({"fr": "Rappelant également toutes les résolutions de l'Organisation des Nations Unies sur l'assistance "
            "technique et législative à la lutte contre le terrorisme,"},
     {"en": "Recalling also all United Nations resolutions on technical and legislative assistance in countering "
            "terrorism,"}),
    # op.22
    ({"fr": "conformément aux obligations qu'imposent le droit international et le droit interne ;"},
     {"en": "in accordance with their obligations under international and domestic law;"}),
    ({"fr": "conformément aux obligations qu'imposent le droit international et le droit interne ;"},
     {"zh": "并依照国际法和国内法规定的义务；"}),
])
def test_a_term_split_by_a_coordinated_word_is_present(fr, target):
    assert _codes("TE01", {**fr, **target}) == []


def test_a_term_really_missing_is_still_missing():
    fr = ("Rappelant également toutes les résolutions de l'Organisation des Nations Unies sur l'assistance "
          "technique et législative à la lutte contre le terrorisme,")
    en = "Recalling also all United Nations resolutions on legislative assistance in countering terrorism,"
    assert [f.expected for f in run_example(RULE["TE01"], {"fr": fr, "en": en})] == ["technical assistance"]
    en = "Recalling also all United Nations resolutions on technical, and then on legal, assistance against terrorism,"
    assert [f.expected for f in run_example(RULE["TE01"], {"fr": fr, "en": en})] == ["technical assistance"]


PP17 = {
    "fr": "la feuille de route mise au point par l'Office sur le traitement des enfants associés à des groupes "
          "terroristes et extrémistes violents,",
    "en": "the road map developed by the Office on the treatment of children associated with terrorist and violent "
          "extremist groups,",
}


def test_extremist_groups_are_not_violent_extremism():
    concepts = [m.concept.id for m in find_terms(PP17["fr"], "fr", bundled_glossaries())]
    assert "violent-extremism" not in concepts
    assert "violent-extremism" in [m.concept.id for m in find_terms("prévenir l'extrémisme violent", "fr",
                                                                     bundled_glossaries())]
    assert _codes("TE01", PP17) == []


def test_the_adjective_form_renders_the_chinese_term():
    # the Chinese version of pp.17 writes 暴力极端主义团体 (violent extremist groups)
    assert _codes("TE01", {"zh": "与恐怖主义团体和暴力极端主义团体有关联的儿童", "fr": PP17["fr"]}) == []


# -- two source expressions, two renderings ------------------------------------------------

OP20 = {
    "fr": "20. Engage les États Membres à redoubler d'efforts pour améliorer la sécurité et la résilience des "
          "infrastructures critiques et la protection des cibles particulièrement vulnérables, dites « molles », "
          "comme les infrastructures et les lieux publics ;",
    "en": "20. Urges Member States to redouble their efforts to improve the security and resilience of critical "
          "infrastructure and the protection of particularly vulnerable targets, known as “soft targets”, such as "
          "infrastructure and public places;",
    "ar": "20. تحث الدول الأعضاء على مضاعفة جهودها لتحسين أمن الهياكل الأساسية الحيوية وقدرتها على الصمود وحماية "
          "الأهداف المعرضة للخطر بوجه خاص، المسماة \"الأهداف السهلة\"، مثل الهياكل الأساسية والأماكن العامة؛",
}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_gloss_is_not_an_inconsistent_rendering(lang):
    assert _codes("TE05", {"fr": OP20["fr"], lang: OP20[lang]}) == []


def test_two_renderings_in_two_paragraphs_are_still_inconsistent():
    fr = OP20["fr"] + " ¶ 21. Protège les cibles particulièrement vulnérables ; ¶ 22. Protège les cibles particulièrement vulnérables ;"
    en = OP20["en"] + " ¶ 21. Protects soft targets; ¶ 22. Protects vulnerable targets;"
    assert _codes("TE05", {"fr": fr, "en": en})


# -- footnotes: citation conventions ----------------------------------------------------------

def test_a_citation_of_several_volumes_is_not_a_long_paragraph(sample_set):
    """fn.7 in Arabic spells out «المجلدات 2225 و 2237 و 2241 و 2326»: the citation is not wording."""
    from qa_rules.run import CheckOptions, check_files

    options = CheckOptions(select=("LE01",), default_glossaries=False, search_dir="/nonexistent")
    report = check_files([str(sample_set / "fr.md"), str(sample_set / "ar.md")], options)
    assert [f.message for f in report.findings] == []


FN9 = "United Nations, Treaty Series, vol. 2445, No. 44004."


@pytest.mark.parametrize("source, target", [("en", "ru"), ("ru", "en"), ("en", "es")])
def test_a_treaty_series_footnote_cited_in_english_is_not_untranslated(source, target):
    # the Russian and Spanish versions cite the Treaty Series in English (fn.7, 9 and 10)
    assert _codes("UT02", {source: f"[^9]: {FN9}", target: f"[^9]: {FN9}"}) == []


def test_an_untranslated_footnote_is_still_untranslated():
    text = "[^8]: See the report of the Secretary-General on the work of the Office in this field."
    assert _codes("UT02", {"en": text, "ru": text})


@pytest.mark.parametrize("lang, text", [
    ("fr", "Estonie, ex-République yougoslave de Macédoine, Fidji"),  # the A/RES/55/100 vote list
    ("es", "Estonia, ex República Yugoslava de Macedonia, Fiji"),
])
def test_a_former_name_written_without_its_article_is_a_former_name(lang, text):
    matches = [m for m in find_terms(text, lang, bundled_glossaries()) if m.glossary == "unterm-countries"
               and m.term.status == "superseded"]
    assert [m.text for m in matches] == [text.split(", ")[1]]


def test_a_number_in_arabic_indic_digits_is_read_whole():
    """Never from the middle of a run of digits: «x-٢٠٢٧» is no number (a code), not «٠٢٧»."""
    assert [n.text for n in numbers("البرنامج (٢٠٢٢-٢٠٢٧) والرمز x-٢٠٢٧", "ar")] == ["٢٠٢٢", "٢٠٢٧"]


def test_a_russian_compound_adjective_is_not_the_term_of_its_parts():
    # op.2 of the Russian version: «соответствующие международно-правовые документы» (instruments)
    text = "и эффективно осуществлять соответствующие международно-правовые документы"
    assert "international-law" not in [m.concept.id for m in find_terms(text, "ru", bundled_glossaries())]
    assert "international-law" in [m.concept.id for m in find_terms("нормы международного права", "ru",
                                                                     bundled_glossaries())]


def test_a_term_whose_modifier_is_coordinated_after_the_noun_is_present():
    # op.20: «partnerships with the public and private sectors» / «avec les secteurs public et privé»
    example = {"ru": "возможность установления или укрепления партнерских связей с государственным и частным "
                     "секторами в этой области",
               "fr": "envisager d'établir des partenariats avec les secteurs public et privé dans ce domaine"}
    assert _codes("TE01", example) == []


def test_the_english_adjective_renders_the_chinese_term():
    # the Chinese version of pp.17 writes 暴力极端主义团体; the English «violent extremist groups»
    assert _codes("TE01", {"zh": "与恐怖主义团体和暴力极端主义团体有关联的儿童", "en": PP17["en"]}) == []
