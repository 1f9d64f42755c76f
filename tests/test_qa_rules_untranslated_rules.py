"""UT01-UT02: paragraphs in the wrong language or identical to the source."""

from __future__ import annotations

from qa_rules.examples import run_example
from qa_rules.untranslated import detect
from qa_rules.untranslated.ut01_wrong_language import WrongLanguage
from qa_rules.untranslated.ut02_identical import IdenticalToSource, translatable_words

EN = "Requests the Office to continue to assist requesting Member States in strengthening their border security;"
ES = "Solicita a la Oficina que siga ayudando a los Estados Miembros que lo soliciten a reforzar la seguridad de sus fronteras;"
FR = "Prie l'Office de continuer à aider les États Membres qui en font la demande à renforcer la sécurité de leurs frontières ;"


def test_script_is_decisive_for_chinese_arabic_and_russian_targets():
    assert detect.guess_language(EN, "zh") == "en"
    assert detect.guess_language(EN, "ar") == "en"
    assert detect.guess_language(FR, "ru") == "fr"
    assert detect.guess_language("请办公室继续协助提出请求的会员国加强边境安全；", "en") == "zh"
    assert detect.guess_language("E/RES/2023/26 号决议 UNODC", "zh") is None  # Latin symbols inside Chinese


def test_latin_languages_are_told_apart():
    assert detect.guess_language(ES, "en") == "es"
    assert detect.guess_language(FR, "es") == "fr"
    assert detect.guess_language(EN, "fr") == "en"
    assert detect.guess_language(EN, "en") is None
    assert detect.guess_language("Recordando su resolución 70/1,", "en") is None  # too short to judge


def test_langdetect_is_not_loaded_for_a_clean_paragraph():
    detect._factory.cache_clear()
    detect._guess_language.cache_clear()
    assert detect.guess_language(EN, "en") is None and detect.guess_language(ES, "es") is None
    assert detect._factory.cache_info().currsize == 0


def test_langdetect_verdicts_are_langdetects_own_from_the_profiles_read_once():
    """The detector reads the profiles ``aligner.langid`` read (never langdetect's own factory,
    a second reading) and gives langdetect's own answers and probabilities."""
    import langdetect.detector_factory as factory_module

    from aligner import langid

    texts = [EN, ES, FR, "Recordando su resolución 70/1 y la Agenda 2030 para el Desarrollo Sostenible",
             "Takes note of the report of the Secretary-General", "Prie l'Office de faire rapport"]
    detect.langdetect_language.cache_clear()
    ours = [detect.langdetect_language(text) for text in texts]
    assert detect._factory().word_lang_prob_map.tables is langid._profiles()[1]  # the same reading
    factory_module.DetectorFactory.seed = 0
    theirs = []
    for text in texts:
        best = factory_module.detect_langs(text)[0]
        code = best.lang.split("-")[0]
        theirs.append((code if code in ("ar", "en", "es", "fr", "ru", "zh") else None, best.prob))
    assert ours == theirs
    assert [code for code, _ in ours[:3]] == ["en", "es", "fr"]


def test_wrong_language_is_an_error_at_the_paragraph():
    (finding,) = run_example(WrongLanguage, {"fr": FR, "ru": EN})
    assert finding.severity == "error" and finding.category == "untranslated" and "en" in finding.message


def test_header_lines_and_treaty_series_citations_are_not_judged():
    assert not run_example(WrongLanguage, {"role": "meta", "fr": "Distr. générale", "ru": "Distr.: General"})
    assert not run_example(WrongLanguage, {"role": "footnote", "fr": "Nations Unies, Recueil des Traités, vol. 2178, no 38349.",
                                           "ru": "United Nations, Treaty Series, vol. 2178, No. 38349."})


def test_identical_paragraph_is_reported_once():
    found = run_example(IdenticalToSource, {"fr": FR, "en": FR}) + run_example(WrongLanguage, {"fr": FR, "en": FR})
    assert [f.rule for f in found] == ["UT02"]


def test_symbols_names_and_numbers_may_stay_identical():
    assert translatable_words("E/RES/2023/26 INTERPOL 2 500 Nelson Mandela") == ["Nelson", "Mandela"]
    for text in ("E/RES/2023/26", "INTERPOL", "S/2015/939, annex II.", "Nelson Mandela", "25 juillet 2023"):
        assert not run_example(IdenticalToSource, {"fr": text, "en": text}), text


def test_a_clause_of_the_source_left_inside_a_translated_paragraph():
    from qa_rules.untranslated.ut03_copied_passage import CopiedPassage, copied_passages
    from qa_rules.untranslated.detect import FUNCTION_WORDS

    fr = ("Encourage l'Office à étoffer le portail de gestion des connaissances pour la mise en commun "
          "de ressources électroniques et de lois contre la criminalité ;")
    en = ("Encourages the Office to expand the knowledge management portal pour la mise en commun de "
          "ressources électroniques et de lois contre la criminalité;")
    ((start, end),) = copied_passages(fr, en, 6, FUNCTION_WORDS["fr"])
    assert en[start:end] == "pour la mise en commun de ressources électroniques et de lois contre la criminalité"
    (finding,) = run_example(CopiedPassage, {"fr": fr, "en": en})
    assert finding.found.startswith("pour la mise en commun")
    ru = "рекомендует Управлению расширить портал pour la mise en commun de ressources électroniques et de lois;"
    assert run_example(CopiedPassage, {"fr": fr, "ru": ru})
    # a title kept in the original has too few function words; a whole copy is UT01/UT02's
    title = "Rappelant la Convention sur la Stratégie Antiterroriste Mondiale Revitalisée Renforcée Actualisée,"
    assert not copied_passages(title, "Recalling the Convention sur la Stratégie Antiterroriste Mondiale Revitalisée Renforcée Actualisée,",
                               6, FUNCTION_WORDS["fr"])
    assert not run_example(CopiedPassage, {"fr": fr, "en": fr})


def test_a_title_kept_in_its_original_language_is_not_a_copied_passage():
    from qa_rules.untranslated.detect import FUNCTION_WORDS
    from qa_rules.untranslated.ut03_copied_passage import copied_passages

    en = "Takes note of the Model Legislative Provisions to Support the Needs and Protect the Rights of Victims of Terrorism;"
    fr = "Prend note des Model Legislative Provisions to Support the Needs and Protect the Rights of Victims of Terrorism ;"
    assert copied_passages(en, fr, 6, FUNCTION_WORDS["en"]) == []
    assert copied_passages(en, fr.replace("Model Legislative", "model legislative").replace("Support the Needs", "support the needs")
                           .replace("Protect the Rights of Victims", "protect the rights of victims"), 6, FUNCTION_WORDS["en"])


def test_wrong_language_and_spelling_share_one_guess_per_target():
    """UT01 asks with its ``min_letters``, the spelling rules with the default: one judgement."""
    text = "Prie l'Office de continuer à aider les États Membres à prévenir le terrorisme et à y répondre"
    detect._guess_language.cache_clear()
    detect.guess_language(text, "en", 12)
    detect.guess_language(text, "en")
    info = detect._guess_language.cache_info()
    assert (info.misses, info.hits) == (1, 1)
