"""SP01-SP04: double spaces, spaces before punctuation, French no-break spaces, missing spaces."""

from __future__ import annotations

from aligner.model import Document, Unit
from qa_rules.base import Context, Pair, Side
from qa_rules.examples import run_example
from qa_rules.punctuation.langfacts import facts
from qa_rules.spacing.sp01_double_space import DoubleSpace
from qa_rules.spacing.sp02_space_before_punctuation import SpaceBeforePunctuation, misplaced_spaces
from qa_rules.spacing.sp03_french_nbsp import FrenchNoBreakSpace, french_spacing_problems
from qa_rules.spacing.sp04_missing_space_after import glued


def _pair(lang: str, text: str, line_offsets=()) -> Pair:
    src = Unit("op.7", "operative", "Encourage les États Membres ;", (168, 170))
    tgt = Unit("op.7", "operative", text, (168, 170), line_offsets=line_offsets)
    return Pair(Side(Document("fr.md", "fr", (src,)), (src,), src.text, (168,)),
                Side(Document(f"{lang}.md", lang, (tgt,)), (tgt,), text, (168,)), None, 0)


def test_double_space_points_at_its_line():
    text = "Encourages Member States to strengthen international cooperation in criminal matters, including  extradition"
    pair = _pair("en", text, line_offsets=((0, 168), (86, 169)))
    (finding,) = DoubleSpace().check(pair, Context(None))
    assert finding.target.line == 169 and finding.severity == "warning"


def test_space_before_punctuation_by_language():
    for lang, text in [("en", "their capacities ;"), ("es", "su capacidad ;"), ("ru", "их потенциала ;"),
                       ("zh", "加强边境安全 ；"), ("ar", "تعزيز أمن حدودها ؛")]:
        assert misplaced_spaces(text, facts(lang).no_space_before, facts(lang).no_space_after), lang
    assert not misplaced_spaces("leurs capacités\u00a0;", facts("fr").no_space_before, facts("fr").no_space_after)
    assert misplaced_spaces("leurs capacités , et", facts("fr").no_space_before, facts("fr").no_space_after)
    assert misplaced_spaces("titulada « Prevención »", facts("es").no_space_before, facts("es").no_space_after)
    assert not misplaced_spaces("etc. ...", facts("en").no_space_before, facts("en").no_space_after)


def test_space_before_punctuation_points_at_the_offending_line():
    pair = _pair("en", "Encourages Member States to strengthen\ntheir capacities ;", line_offsets=((0, 168), (39, 170)))
    (finding,) = SpaceBeforePunctuation().check(pair, Context(None))
    assert finding.target.line == 170


def test_french_no_break_spaces():
    before = facts("fr").nbsp_before
    assert french_spacing_problems("les États Membres\u00a0; « \u00a0x\u00a0»", before) == [(21, "ordinary space after '«'", "no-break space after '«'")]
    assert french_spacing_problems("les États Membres\u202f;", before) == []
    assert [p[1] for p in french_spacing_problems("les États Membres;", before)] == ["no space before ';'"]
    assert french_spacing_problems("voir https://www.unodc.org à 10:30\u00a0!", before) == []


def test_french_spacing_is_a_warning_and_only_for_french_targets():
    assert FrenchNoBreakSpace.severity == "warning" and FrenchNoBreakSpace.languages == ("fr",)
    assert not run_example(FrenchNoBreakSpace, {"fr": "Prie l'Office ;", "en": "Requests the Office ;"})


def test_missing_space_after_punctuation():
    assert glued("Member States,upon request") == [13]
    assert glued("государства-члены,которые") == [17]
    assert glued("الدول الأعضاء،بناء على طلبها") == [13]
    assert glued("the report.Taking note") == [10]
    assert glued("see www.unodc.org, E/CN.15/2023/5, 2,500 officials, U.N. data, i.e. this, т.е. это") == []
    assert not run_example(MissingSpaceAfterFor("zh"), {"fr": "à sa demande,", "zh": "应其请求,委员会"})


def MissingSpaceAfterFor(lang):
    from qa_rules.spacing.sp04_missing_space_after import MissingSpaceAfter

    return MissingSpaceAfter()


def test_a_language_without_data_gets_only_the_language_independent_rules(tmp_path):
    """Lines input (any ISO 639-1 language): no error, no guess from another language's conventions."""
    from qa_rules.run import check_files

    (tmp_path / "a.de").write_text("Der Rat fordert die Mitgliedstaaten auf , ihre Zusammenarbeit  zu verstärken.\n"
                                   "Das Büro wird ersucht, Bericht zu erstatten (siehe Anhang.\n", encoding="utf-8")
    (tmp_path / "a.en").write_text("The Council calls upon Member States to strengthen their cooperation.\n"
                                   "The Office is requested to report (see annex).\n", encoding="utf-8")
    to_de = {f.rule for f in check_files([str(tmp_path / "a.en"), str(tmp_path / "a.de")]).findings}
    assert {"SP01", "PU02"} <= to_de and not to_de & {"SP02", "PU01", "PU03", "PU04", "MK01", "MK02", "UT01"}
    from_de = {f.rule for f in check_files([str(tmp_path / "a.de"), str(tmp_path / "a.en")]).findings}
    assert not from_de & {"PU01", "PU03", "MK01", "MK02"}


def test_a_space_between_chinese_characters():
    from qa_rules.spacing.sp05_space_between_characters import SpaceBetweenCharacters, stray_spaces

    assert stray_spaces("以及其他 社群成员", "zh") == [(4, 5)]
    assert stray_spaces("《公约》 和各项议定书，  请各国", "zh") == [(4, 5)]  # the double space is SP01's
    assert stray_spaces("与 UN-Women 合作，第 74/175 号决议", "zh") == []
    assert stray_spaces("other community members", "en") == []
    (finding,) = run_example(SpaceBetweenCharacters, {"fr": "d'autres membres de la société", "zh": "以及其他 社群成员"})
    assert finding.expected == "no space"
