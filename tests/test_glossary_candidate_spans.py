"""glossary candidates chooses where a rendering begins and ends, on small constructed pairs:
inflected forms of one word count together (qa_rules/glossary/candidate_stems.py), a rendering
holds no word of another source word and is neither cut before its complement nor before its
head (candidate_spans.py), and a target word is evidence only where no other word accounts for
it (equivalents.Evidence, candidates._unexplained)."""

from __future__ import annotations

from aligner.model import Alignment, Cell, Row


def _pair(source: str, target: str, rows: list[tuple[str, str]]) -> Alignment:
    made = tuple(Row({source: Cell((f"op.{i}",), (i,), s), target: Cell((f"op.{i}",), (i,), t)}, 1.0)
                 for i, (s, t) in enumerate(rows, 1))
    return Alignment((source, target), source, "paragraph", made, {})


def _equivalent(lang: str, rows: list[tuple[str, str]], expression: str) -> str:
    from qa_rules.glossary.candidates import equivalent

    return equivalent(_pair("fr", lang, rows), expression).target


def test_russian_stems_that_differ_only_by_an_ending_are_merged():
    from qa_rules.glossary.candidate_stems import stem_merges

    merges = stem_merges(["Устав", "Уставу", "Устава", "права", "правилами"], "ru")
    assert merges == {"устав": "уста"}  # Snowball: Устав -> уста, Уставу -> устав
    # прав (права, law) and правил (правилами, rules): no written form begins the other
    assert stem_merges(["Charter", "Charters"], "en") == {}


def test_a_rendering_seen_in_two_inflected_forms_covers_both_rows():
    rows = [
        ("Réaffirmant la Charte des Nations Unies dans son intégralité,",
         "вновь подтверждая Устав Организации Объединенных Наций во всей его полноте,"),
        ("Conforme à la Charte des Nations Unies et au droit international,",
         "соответствует Уставу Организации Объединенных Наций и международному праву,"),
        ("Prie le Secrétaire général de présenter un rapport,", "просит Генерального секретаря представить доклад,"),
        ("Invite les États à coopérer,", "предлагает государствам сотрудничать,"),
    ]
    # each form alone is in half the rows: the rendering was the name without «Устав»
    assert _equivalent("ru", rows, "Charte des Nations Unies") == "Устав Организации Объединенных Наций"


def test_a_rendering_holds_no_word_that_renders_another_source_word():
    rows = [
        ("Rappelant les résolutions de l'Organisation des Nations Unies sur le terrorisme,",
         "ссылаясь на резолюции Организации Объединенных Наций о терроризме,"),
        ("Applique les résolutions de l'Organisation des Nations Unies,", "выполняет резолюции Организации Объединенных Наций,"),
        ("Rappelant ses résolutions sur la justice,", "ссылаясь на свои резолюции о правосудии,"),
        ("Rappelant ses résolutions sur la criminalité,", "ссылаясь на свои резолюции о преступности,"),
        ("Rappelant les résolutions du Conseil,", "ссылаясь на резолюции Совета,"),
        ("Prie les entités des Nations Unies de coopérer,", "просит структуры Организации Объединенных Наций сотрудничать,"),
        ("Invite le système des Nations Unies à agir,", "предлагает системе Организации Объединенных Наций действовать,"),
    ]
    # «резолюции» renders «résolutions»: with it, the rendering was «резолюции Организации ...»
    assert _equivalent("ru", rows, "Organisation des Nations Unies") == "Организации Объединенных Наций"


def test_a_rendering_always_followed_by_the_same_complement_is_cut_before_it():
    rows = [
        ("prévenir l'extrémisme violent pouvant conduire au terrorisme,", "منع التطرف العنيف المفضي إلى الإرهاب،"),
        ("combattre l'extrémisme violent conduisant au terrorisme et la criminalité,",
         "مكافحة التطرف العنيف المفضي إلى الإرهاب والجريمة،"),
        ("lutter contre l'extrémisme violent pouvant conduire au terrorisme,", "التصدي للتطرف العنيف المفضي إلى الإرهاب،"),
        ("les victimes du terrorisme,", "ضحايا الإرهاب،"),
        ("le financement du terrorisme,", "تمويل الإرهاب،"),
        ("la lutte contre le terrorisme,", "مكافحة الإرهاب،"),
    ]
    # «المفضي» (leading) is in every row of the expression: it was proposed with it
    assert _equivalent("ar", rows, "extrémisme violent") == "التطرف العنيف"


def test_a_rendering_followed_by_one_preposition_and_different_complements_is_not_cut():
    rows = [
        ("la multiplication des attaques terroristes fondées sur la xénophobie,",
         "the rise in terrorist attacks on the basis of xenophobia,"),
        ("les attaques terroristes contre les infrastructures critiques,",
         "terrorist attacks on critical infrastructure,"),
        ("les actes terroristes,", "terrorist acts,"),
        ("les infrastructures publiques,", "public infrastructure,"),
    ]
    assert _equivalent("en", rows, "attaques terroristes") == "terrorist attacks"


def test_a_rendering_cut_before_its_head_is_extended_to_it():
    rows = [
        ("dans le cadre du Pacte mondial des Nations Unies de coordination contre le terrorisme,",
         "в рамках Глобального договора Организации Объединенных Наций о координации контртеррористической "
         "деятельности,"),
        ("avec les entités du Pacte mondial des Nations Unies de coordination contre le terrorisme,",
         "со структурами Глобального договора Организации Объединенных Наций о координации "
         "контртеррористической деятельности,"),
        ("prend note de l'action de l'Office,", "принимает к сведению деятельность Управления,"),
        ("les travaux de la Commission,", "деятельность Комиссии,"),
        ("les activités du Secrétariat,", "деятельность Секретариата,"),
        ("la lutte contre le terrorisme,", "борьба с терроризмом,"),
        ("les actes de terrorisme,", "акты терроризма,"),
        ("la coordination des travaux,", "координация работы,"),
    ]
    # the adjective «контртеррористической» was proposed without its noun
    assert _equivalent("ru", rows, "Pacte mondial des Nations Unies de coordination contre le terrorisme") == \
        "Глобального договора Организации Объединенных Наций о координации контртеррористической деятельности"


UNODC = ("l'Office des Nations Unies contre la drogue et le crime", "the United Nations Office on Drugs and Crime",
         "Управление Организации Объединенных Наций по наркотикам и преступности")


def test_a_target_word_seen_more_often_than_the_source_word_it_renders_is_free_for_another():
    rows = [
        (f"Prie {UNODC[0]} d'appuyer la prévention de la criminalité,", f"Requests {UNODC[1]} to support crime prevention,"),
        (f"Encourage {UNODC[0]} à renforcer la prévention de la criminalité,",
         f"Encourages {UNODC[1]} to strengthen crime prevention,"),
        (f"Remercie {UNODC[0]},", f"Thanks {UNODC[1]},"),
        (f"Invite {UNODC[0]} à coopérer,", f"Invites {UNODC[1]} to cooperate,"),
        (f"Salue {UNODC[0]},", f"Welcomes {UNODC[1]},"),
    ]
    # «crime» of the Office's name is also in each row: it took the «crime» of «crime prevention»
    assert _equivalent("en", rows, "prévention de la criminalité") == "crime prevention"


def test_occurrences_inside_an_earlier_candidates_rendering_are_not_evidence_against():
    from qa_rules.glossary.candidates import candidates

    rows = [(f"Prie {UNODC[0]} d'aider les États,", f"просит {UNODC[2]} помогать государствам,"),
            (f"Engage {UNODC[0]} à coopérer,", f"призывает {UNODC[2]} сотрудничать,"),
            ("Rappelant les résolutions pertinentes de l'Organisation des Nations Unies,",
             "ссылаясь на соответствующие резолюции Организации Объединенных Наций,"),
            ("Rappelant toutes les résolutions de l'Organisation des Nations Unies,",
             "ссылаясь на все резолюции Организации Объединенных Наций,"),
            ("Rappelant ses résolutions sur la justice pénale,", "ссылаясь на свои резолюции об уголовном правосудии,"),
            ("Rappelant ses résolutions sur le terrorisme,", "ссылаясь на свои резолюции о терроризме,")]
    rows += [(f"Demande à {UNODC[0]} de faire rapport à la session {n},",
              f"просит {UNODC[2]} представить доклад на сессии {n},") for n in range(8)]
    found = {c.source: c.target for c in candidates(_pair("fr", "ru", rows), (), limit=5)}
    # «Организации Объединенных Наций» is in 12 rows, 10 of them inside the Office's name: counted
    # there, it was in too many rows to render «Organisation des Nations Unies»
    assert found.get("Organisation des Nations Unies") == "Организации Объединенных Наций"


def test_an_arabic_function_word_with_its_conjunction_does_not_begin_a_rendering():
    from qa_rules.glossary.stopwords import is_stopword

    assert is_stopword("وسائر", "ar") and is_stopword("سائر", "ar") and not is_stopword("والجريمة", "ar")
    rows = [
        ("les organisations régionales et les autres entités des Nations Unies,", "المنظمات الإقليمية وسائر كيانات الأمم المتحدة،"),
        ("les États Membres, les autres entités des Nations Unies,", "الدول الأعضاء وسائر كيانات الأمم المتحدة،"),
        ("les États Membres,", "الدول الأعضاء،"),
        ("les organisations régionales,", "المنظمات الإقليمية،"),
    ]
    assert _equivalent("ar", rows, "entités des Nations Unies") == "كيانات الأمم المتحدة"


def test_chinese_words_after_a_rendering():
    """的 opens a phrase (the rendering before it is an attribute); 中 closes one (在刑事案件中)."""
    from qa_rules.glossary.candidate_targets import _zh_after

    assert _zh_after(["助长", "恐怖主义", "的", "暴力", "极端主义"], 2) == ("的", "暴力")
    assert _zh_after(["在", "刑事案件", "中"], 2) == ("中",)
    assert _zh_after(["刑事案件"], 1) == ()


def test_a_rendering_is_not_extended_by_a_word_that_takes_a_complement():
    rows = [
        ("le terrorisme, y compris dans les affaires pénales concernant des combattants,",
         "el terrorismo, incluso en las causas penales relacionadas con combatientes,"),
        ("la coopération internationale dans les affaires pénales liées au terrorisme,",
         "la cooperación internacional en causas penales relacionadas con el terrorismo,"),
        ("la coopération internationale,", "la cooperación internacional,"),
        ("les combattants terroristes,", "los combatientes terroristas,"),
        ("les questions de justice,", "las cuestiones relacionadas con la justicia,"),
        ("les questions de genre,", "las cuestiones relacionadas con el género,"),
    ]
    # «relacionadas» follows in both rows, but takes «con» each time: a participle, not the head
    assert _equivalent("es", rows, "affaires pénales") == "causas penales"


def test_a_longer_candidates_rendering_does_not_explain_away_the_terms_it_holds():
    from qa_rules.glossary.candidates import candidates

    rows = [("Souligne l'importance capitale du regroupement familial,",
             "Stresses the vital importance of family reunification,"),
            ("Rappelle l'importance capitale du regroupement familial pour les migrants,",
             "Recalls the vital importance of family reunification for migrants,"),
            ("Encourage le regroupement familial des réfugiés,", "Encourages family reunification of refugees,"),
            ("Facilite le regroupement familial,", "Facilitates family reunification,"),
            ("Protège les migrants,", "Protects migrants,")]
    found = {c.source: c.target for c in candidates(_pair("fr", "en", rows), (), limit=5)}
    # ranked first, «importance capitale du regroupement familial» is rendered with «family
    # reunification»: those occurrences are the shorter term's too, and without them it covered
    # two of its four rows
    assert found["importance capitale du regroupement familial"] == "vital importance of family reunification"
    assert found["regroupement familial"] == "family reunification"
