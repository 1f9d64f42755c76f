"""CO01-CO02: one source translated several ways, several sources translated one way."""

from __future__ import annotations

from qa_rules.consistency.co01_source_variants import SourceVariants
from qa_rules.consistency.co02_target_collisions import TargetCollision
from qa_rules.consistency.segments import normalize, word_count
from qa_rules.examples import run_example

R3 = "*Réaffirmant* sa résolution 60/288, ¶ *Réaffirmant* sa résolution 74/175, ¶ *Réaffirmant* sa résolution 77/298,"


def test_normalization_ignores_case_spaces_numbers_and_final_punctuation():
    assert normalize("12. Prie  l'Office de continuer ;") == normalize("prie l'Office de continuer,")
    assert word_count("请办公室继续提供技术援助") >= 4


def test_the_minority_rendering_of_an_opening_is_flagged_at_its_line():
    (finding,) = run_example(SourceVariants, {"fr": R3, "es": "*Reafirmando* su resolución 60/288, ¶ *Reafirmando* su resolución 74/175, ¶ *Reiterando* su resolución 77/298,"})
    assert (finding.expected, finding.found, finding.target.unit, finding.target.line) == ("Reafirmando", "Reiterando", "pp.3", 3)


def test_a_tie_between_two_openings_is_not_flagged():
    """ссылаясь / напоминая both render Rappelant in UN Russian, depending on the object."""
    example = {"fr": "*Rappelant* sa résolution 60/288, ¶ *Rappelant* sa résolution 74/175,",
               "ru": "*ссылаясь* на свою резолюцию 60/288, ¶ *напоминая* о своей резолюции 74/175,"}
    assert not run_example(SourceVariants, example)


def test_repeated_paragraph_translated_differently_in_chinese():
    example = {"fr": "Prie l'Office de continuer à fournir une assistance technique ; ¶ Prie l'Office de continuer à fournir une assistance technique ;",
               "zh": "请办公室继续提供技术援助； ¶ 请该办公室继续提供技术协助；"}
    (finding,) = run_example(SourceVariants, example)
    assert finding.target.unit == "pp.2"


def test_targets_are_compared_within_their_own_language_only():
    example = {"fr": R3,
               "en": "*Reaffirming* its resolution 60/288, ¶ *Reaffirming* its resolution 74/175, ¶ *Reaffirming* its resolution 77/298,",
               "es": "*Reafirmando* su resolución 60/288, ¶ *Reafirmando* su resolución 74/175, ¶ *Reafirmando* su resolución 77/298,"}
    assert not run_example(SourceVariants, example)


def test_a_paste_in_the_wrong_place_is_flagged_on_the_later_paragraph():
    example = {"fr": "Prie l'Office de continuer à aider les États Membres qui en font la demande ; ¶ Encourage l'Office à continuer d'aider les États Membres à protéger les infrastructures critiques ;",
               "ru": "просит Управление продолжать оказывать помощь государствам-членам по их просьбе; ¶ просит Управление продолжать оказывать помощь государствам-членам по их просьбе;"}
    (finding,) = run_example(TargetCollision, example)
    assert finding.target.unit == "pp.2" and finding.severity == "warning"


R4 = R3 + " ¶ *Réaffirmant* sa résolution 78/118,"


def test_openings_of_a_chinese_or_arabic_version_in_italics_are_compared():
    """A Chinese or Arabic version that italicizes its openings has its openings compared like
    any other (qa_rules.markup.italics), with the language's grammar and equivalents respected."""
    zh = {"fr": R4, "zh": "*重申*其第60/288号决议， ¶ *重申*其第74/175号决议， ¶ *再次申明*其第77/298号决议， ¶ *重申*其第78/118号决议，"}
    (finding,) = run_example(SourceVariants, zh)
    assert (finding.expected, finding.found, finding.target.unit) == ("重申", "再次申明", "pp.3")
    ar = {"fr": R4, "ar": "*إذ تعيد تأكيد* قرارها 60/288، ¶ *وإذ تعيد تأكيد* قرارها 74/175، ¶ "
                          "*وإذ تؤكد من جديد* قرارها 77/298، ¶ *وإذ تعيد تأكيد* قرارها 78/118،"}
    (finding,) = run_example(SourceVariants, ar)
    assert finding.found == "وإذ تؤكد من جديد" and finding.target.unit == "pp.3"


def test_arabic_joining_conjunction_and_chinese_equivalent_verbs_are_not_variants():
    ar = {"fr": R4, "ar": "*إذ تعيد تأكيد* قرارها 60/288، ¶ *وإذ تعيد تأكيد* قرارها 74/175، ¶ "
                          "*وإذ تعيد تأكيد* قرارها 77/298، ¶ *وإذ تعيد تأكيد* قرارها 78/118،"}
    assert not run_example(SourceVariants, ar)
    e4 = "1. *Engage* les États ; ¶ 2. *Engage* l'Office ; ¶ 3. *Engage* les organisations ; ¶ 4. *Engage* les donateurs ;"
    zh = {"fr": e4, "zh": "1. *敦促*各国； ¶ 2. *促请*办公室； ¶ 3. *促请*各组织； ¶ 4. *促请*捐助方；"}
    assert not run_example(SourceVariants, zh)


def test_the_paste_is_flagged_where_it_fits_its_source_worst_even_if_first():
    """The earlier paragraph carries the later one's translation: its source is twice as long
    as the text, the later one's fits (length, then shared anchors)."""
    long_fr = ("Prie l'Office de continuer à aider les États Membres qui en font la demande à renforcer leurs capacités "
               "de prévention du terrorisme chimique, biologique, radiologique et nucléaire et d'intervention ;")
    short_fr = "Prie l'Office de renforcer sa capacité d'évaluation ;"
    short_en = "Requests the Office to strengthen its evaluation capacity;"
    (finding,) = run_example(TargetCollision, {"fr": f"{long_fr} ¶ {short_fr}", "en": f"{short_en} ¶ {short_en}"})
    assert finding.target.unit == "pp.1" and "pp.2" in finding.message
    same_length = {"fr": "Prie l'Office de fournir une assistance technique pour la coopération judiciaire internationale ; ¶ "
                         "Prie l'Office de renforcer encore ses programmes régionaux contre le terrorisme maritime ;",
                   "en": "Requests the Office to further strengthen its regional programmes against maritime terrorism; ¶ "
                         "Requests the Office to further strengthen its regional programmes against maritime terrorism;"}
    (finding,) = run_example(TargetCollision, same_length)
    assert finding.target.unit == "pp.1"


def test_a_paste_under_its_own_opening_verb_is_a_collision():
    fr = ("*Prie* l'Office d'aider les États Membres à renforcer leurs capacités d'évaluation des programmes ; ¶ "
          "*Prie également* l'Office de continuer à aider les États à prévenir le terrorisme nucléaire ;")
    en = ("*Requests* the Office to continue to assist States in preventing nuclear terrorism; ¶ "
          "*Also requests* the Office to continue to assist States in preventing nuclear terrorism;")
    (finding,) = run_example(TargetCollision, {"fr": fr, "en": en})
    assert finding.target.unit == "pp.1"
    same_body = ("*Prie* l'Office de continuer à aider les États à prévenir le terrorisme nucléaire ; ¶ "
                 "*Prie également* l'Office de continuer à aider les États à prévenir le terrorisme nucléaire ;")
    assert not run_example(TargetCollision, {"fr": same_body, "en": en})
