"""MK01-MK02: italic opening phrases and titles present in one version and not the other."""

from __future__ import annotations

from aligner.model import Span, Unit
from qa_rules.examples import run_example
from qa_rules.markup.italics import opening_span, other_spans
from qa_rules.markup.mk01_italic_opening import ItalicOpening
from qa_rules.markup.mk02_italic_title import ItalicTitle


def test_opening_span_after_an_operative_number():
    unit = Unit("op.2", "operative", "2. Requests also the Office", (1, 1), italic=(Span(3, 16, "Requests also"),))
    assert opening_span(unit).text == "Requests also" and other_spans(unit) == ()
    later = Unit("pp.1", "preambular", "Recalling the Treaty Series", (1, 1), italic=(Span(14, 27, "Treaty Series"),))
    assert opening_span(later) is None and [s.text for s in other_spans(later)] == ["Treaty Series"]


def test_missing_italic_opening_in_four_languages():
    fr = "*Réaffirmant* la Stratégie antiterroriste mondiale des Nations Unies,"
    for lang, text in [("en", "Reaffirming the United Nations Global Counter-Terrorism Strategy,"),
                       ("es", "Reafirmando la Estrategia Global de las Naciones Unidas contra el Terrorismo,"),
                       ("ru", "вновь подтверждая Глобальную контртеррористическую стратегию,")]:
        (finding,) = run_example(ItalicOpening, {"fr": fr, lang: text})
        assert "Réaffirmant" in finding.message
        assert not run_example(ItalicOpening, {"fr": fr, lang: "*" + text.replace(" ", "* ", 1)})


def test_languages_that_do_not_italicize_are_not_compared():
    fr = "*Rappelant* sa résolution 74/175,"
    assert not run_example(ItalicOpening, {"fr": fr, "zh": "回顾其第74/175号决议，"})
    assert not run_example(ItalicOpening, {"fr": fr, "ar": "إذ تشير إلى قرارها 74/175،"})
    assert not run_example(ItalicTitle, {"fr": "Nations Unies, *Recueil des Traités*.", "ar": "الأمم المتحدة، مجموعة المعاهدات."})


def test_italic_title_missing_or_extra():
    fr = "Nations Unies, *Recueil des Traités*, vol. 2178, no 38349."
    (missing,) = run_example(ItalicTitle, {"role": "footnote", "fr": fr, "ru": "United Nations, Treaty Series, vol. 2178, No. 38349."})
    assert missing.expected == "*Recueil des Traités*" and missing.found == "no italics"
    (extra,) = run_example(ItalicTitle, {"fr": "*Prenant note* du rapport,", "en": "*Taking note* of the *report*,"})
    assert extra.found == "*report*"


def test_merged_paragraphs_keep_their_openings_without_a_title_finding():
    example = {"fr": "*Consciente* que les terroristes, ¶ *Consciente également* de la vulnérabilité,",
               "en": "*Aware* that terrorists, *Aware also* of the vulnerability,"}
    assert not run_example(ItalicTitle, example)


def _row_per_unit(example):
    """An example whose ``¶``-separated units are aligned one to one, a row each."""
    from dataclasses import replace

    from aligner.model import Cell, Row
    from qa_rules.examples import example_alignment

    merged = example_alignment(example)
    docs = merged.documents
    rows = tuple(Row({lang: Cell((u.id,), (u.lines[0],), u.text) for lang, u in zip(docs, units)}, 1.0)
                 for units in zip(*(doc.units for doc in docs.values())))
    return replace(merged, rows=rows)


FR4 = ("*Rappelant* sa résolution 74/175, ¶ *Réaffirmant* la Stratégie, ¶ *Soulignant* le rôle de l'Office, "
       "¶ *Consciente* de la menace,")


def test_a_chinese_or_arabic_version_that_italicizes_its_openings_is_held_to_it():
    """UN Chinese and Arabic texts do not italicize; a version that does so in most of its
    paragraphs has adopted the convention, and the paragraph that does not is flagged."""
    from qa_rules.engine import check

    versions = {"zh": ["*回顾*其第74/175号决议，", "*重申*《全球反恐战略》，", "*强调*办公室的作用，", "意识到这一威胁，"],
                "ar": ["*إذ تشير* إلى قرارها 74/175،", "*وإذ تعيد تأكيد* الاستراتيجية،", "*وإذ تؤكد* دور المكتب،",
                       "وإذ تدرك هذا التهديد،"]}
    for lang, paragraphs in versions.items():
        alignment = _row_per_unit({"fr": FR4, lang: " ¶ ".join(paragraphs)})
        (finding,) = check(alignment, [ItalicOpening()]).findings
        assert finding.target.unit == "pp.4" and "Consciente" in finding.message, lang
        plain = _row_per_unit({"fr": FR4, lang: " ¶ ".join(p.replace("*", "") for p in paragraphs)})
        assert not check(plain, [ItalicOpening()]).findings, lang


def test_footnote_marker_as_plain_text_or_broken_tag_is_one_markup_finding():
    from qa_rules.markup.mk03_footnote_marker_text import FootnoteMarkerText
    from qa_rules.numbers.nu01_mismatch import NumberMismatch
    from qa_rules.structure.st08_footnote_markers import FootnoteMarkers

    fr = "Rappelant la Convention relative aux droits de l'enfant<sup>10</sup>, en particulier pour les États parties,"
    cases = {"zh": ("回顾《儿童权利公约》10，特别是对缔约国而言，", "plain text"),
             "ar": ("وإذ تشير إلى اتفاقية حقوق الطفل10، ولا سيما للدول الأطراف،", "plain text"),
             "ru": ("ссылаясь на Конвенцию о правах ребенка<sup>10<sup>, в частности для государств-участников,", "broken tag"),
             "en": ("Recalling the Convention on the Rights of the Child10</sup>, in particular for States parties,", "broken tag")}
    for lang, (text, how) in cases.items():
        example = {"fr": fr, lang: text}
        (finding,) = run_example(FootnoteMarkerText, example)
        assert how in finding.message and finding.expected == "<sup>10</sup>" and "10" in finding.found, lang
        assert not run_example(FootnoteMarkers, example), lang
        assert not run_example(NumberMismatch, example), lang


def test_a_number_of_the_text_is_not_taken_for_a_lost_marker():
    from qa_rules.markup.mk03_footnote_marker_text import FootnoteMarkerText
    from qa_rules.structure.st08_footnote_markers import FootnoteMarkers

    fr = "Rappelant sa résolution 74/175 et la Convention<sup>7</sup> adoptée par 7 États,"
    for text in ("Recalling its resolution 74/175 and the Convention adopted by 7 States,",  # marker dropped
                 "Recalling its resolution 74/175 and the Convention, 7 adopted by States,"):  # a space before
        assert not run_example(FootnoteMarkerText, {"fr": fr, "en": text})
        assert run_example(FootnoteMarkers, {"fr": fr, "en": text})
    fr = "Rappelant sa résolution 74/175<sup>5</sup>,"
    assert not run_example(FootnoteMarkerText, {"fr": fr, "en": "Recalling its resolution 74/175,"})
