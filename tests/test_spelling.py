"""The spelling family (SC01, SC02): Hunspell through the C library, the words it judges, the
words it accepts, the notice where a dictionary is absent, the user's word list.

Tests that need Debian's dictionaries (hunspell-en-gb, -fr, -es, -ru, -ar; the README's test
command installs them) skip without them, and fail in CI (``conftest.missing``)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import REPO, SAMPLE_SET, missing
from qa_rules.engine import check
from qa_rules.examples import example_alignment
from qa_rules.spelling import common, hunspell
from qa_rules.spelling.sc01_misspelling import Misspelling
from qa_rules.spelling.sc02_ize_spelling import IzeSpelling, ize_form
from qa_rules.spelling.words import Accepted, words

DRAFTS = REPO / "samples" / "drafts"


@pytest.fixture
def library():
    found = hunspell.library()
    if isinstance(found, str):
        missing(found)


@pytest.fixture
def no_dictionaries(monkeypatch, tmp_path):
    """A machine where Hunspell finds no dictionary (caches emptied before and after)."""
    def clear():
        common.speller.cache_clear()
        hunspell.forget()
    clear()
    monkeypatch.setattr(hunspell, "SYSTEM_FOLDERS", (str(tmp_path),))
    monkeypatch.delenv("DICPATH", raising=False)
    yield
    monkeypatch.undo()
    clear()


def findings(rule, example: dict[str, str]):
    return check(example_alignment(example), [rule]).findings


# -- the words judged ------------------------------------------------------------------------

def test_words_leave_out_acronyms_symbols_numerals_and_urls():
    text = "See A/RES/74/175 and ii) UNODC's 43e report at https://www.unodc.org/x, Member States’ work."
    assert [w for _, _, w in words(text)] == ["See", "and", "report", "at", "Member", "States", "work"]


@pytest.mark.parametrize("text, expected", [
    ("3ab-cd and ab-3cd", ["and", "ab"]),  # a run glued to a digit is left out whole, not in part
    ("km/h, ab3 and de\\fg", ["and"]),
    ("mal-être de l'ONU’s", ["mal-être", "de", "l'ONU’s"]),
    ("10 km² iii) and iii is", ["km²", "and", "iii", "is"]),
])
def test_words_left_out_where_glued_to_digits_or_slashes(text, expected):
    assert [w for _, _, w in words(text)] == expected


def test_words_keep_elisions_and_hyphenated_words_whole():
    assert [w for _, _, w in words("l'Office, aujourd’hui et la lutte anti-terroriste")] == [
        "l'Office", "aujourd’hui", "et", "la", "lutte", "anti-terroriste"]


def test_accepted_words_are_case_blind_and_stems_take_any_ending():
    accepted = Accepted(frozenset({"mainstreaming"}), ("радикализаци",))
    assert "Mainstreaming" in accepted and "радикализации" in accepted and "радикализацией" in accepted
    assert "радикальный" not in accepted and "streaming" not in accepted


def test_accepted_words_come_from_glossaries_language_data_and_the_user():
    from qa_rules.glossary import bundled_glossaries

    accepted = Accepted.build("en", bundled_glossaries(), ["Zorblat-Kovac"])
    assert "Christianophobia" in accepted  # en.toml [spelling] words
    assert "zorblat" in accepted and "Kovac" in accepted  # the user's, with its parts
    assert "Kyrgyzstan" in accepted  # a country name of the bundled UNTERM glossary
    assert "Zorblatt" not in accepted


@pytest.mark.parametrize("word, expected", [
    ("organisation", "organization"), ("Recognises", "Recognizes"), ("realised", "realized"),
    ("ORGANISE", "ORGANIZE"), ("analyse", None), ("raised", "raized"), ("is", None), ("exercise", "exercize"),
])
def test_ize_form(word, expected):
    # raized and exercize are not words: SC02 flags a word only when the dictionary knows both forms
    assert ize_form(word) == expected


# -- the binding -----------------------------------------------------------------------------

def test_a_dictionary_on_dicpath_is_loaded_and_judges_words(library, tmp_path, monkeypatch):
    (tmp_path / "xx_TEST.aff").write_text("SET UTF-8\nTRY esianrtolcdugmphbyfvkwz\n", encoding="utf-8")
    (tmp_path / "xx_TEST.dic").write_text("3\nhello\nworld\nnaïve\n", encoding="utf-8")
    monkeypatch.setenv("DICPATH", str(tmp_path))
    hunspell.forget()
    try:
        loaded = hunspell.load("xx_TEST")
        assert isinstance(loaded, hunspell.Dictionary)
        assert loaded.checks("hello") and loaded.checks("naïve") and loaded.checks("Hello")
        assert not loaded.checks("helo") and not loaded.checks("x" * 2000)
        assert "hello" in loaded.suggest("helo")
        assert hunspell.load("xx_TEST") is loaded  # once per process
    finally:
        hunspell.forget()


def test_no_dictionary_is_a_notice_naming_the_package_not_a_failure(no_dictionaries):
    example = {"fr": "Prie l'Office de continuer à aider les États Membres ;",
               "en": "Requests the Office to continue to asist Member States;",
               "ru": "просит Управление продолжать помогать государствам-членам;"}
    report = check(example_alignment(example), [Misspelling, IzeSpelling])
    assert report.findings == ()
    notices = "\n".join(report.notices)
    assert "SC01, SC02 did not run on the en version" in notices and "hunspell-en-gb" in notices
    assert "SC01 did not run on the ru version" in notices and "hunspell-ru" in notices


def test_chinese_has_no_dictionary_and_the_report_says_so():
    example = {"fr": "Prie l'Office de continuer à aider les États Membres ;",
               "zh": "请毒品和犯罪问题办公室继续协助会员国；"}
    report = check(example_alignment(example), [Misspelling])
    assert report.findings == ()
    assert report.notices == ("SC01 did not run on the zh version: Hunspell has no Chinese dictionary "
                              "(Chinese is written without spaces between words)",)


def test_importing_the_rules_loads_no_dictionary():
    code = ("import qa_rules.registry, qa_rules.spelling.hunspell as h, sys; "
            "print(h.library.cache_info().currsize, len(h.loaded()), 'ctypes' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.split()[:2] == ["0", "0"]


# -- the rules on text -----------------------------------------------------------------------

@pytest.mark.parametrize("lang, text, word", [
    ("en", "Requests the Office to continue to asist requesting Member States;", "asist"),
    ("es", "Solicita a la Oficina que siga ayduando a los Estados Miembros;", "ayduando"),
    ("ru", "просит Управление продолжать оказывать помощь государствам-членаам;", "государствам-членаам"),
    ("ar", "تطلب إلى المكتب أن يواصل مساعدة الدول الأعضاءء؛", "الأعضاءء"),
])
def test_sc01_flags_a_misspelt_word_with_suggestions(dictionaries, lang, text, word):
    found = findings(Misspelling, {"fr": "Prie l'Office de continuer à aider les États Membres ;", lang: text})
    assert [f.found[f.mark[0]:f.mark[1]] for f in found] == [word]
    assert found[0].category == "spelling" and found[0].target.line is not None


def test_sc01_suggests_the_right_word(dictionaries):
    (finding,) = findings(Misspelling, {"fr": "Prie l'Office d'aider les États ;",
                                        "en": "Requests the Office to asist States;"})
    assert "assist" in finding.expected.split(" / ")


def test_sc01_accepts_french_elisions_and_cited_english_titles(dictionaries):
    example = {"en": "See Model Legislative Provisions against Terrorism.",
               "fr": "Voir l'Office et aujourd’hui Model Legislative Provisions against Terrorism."}
    assert findings(Misspelling, example) == ()


def test_sc01_leaves_words_of_the_source_to_the_untranslated_rules(dictionaries):
    example = {"fr": "Rappelant la Stratégie antiterroriste mondiale de Nelson Mandela,",
               "en": "Recalling the Stratégie antiterroriste of Nelson Mandela,"}
    assert findings(Misspelling, example) == ()


@pytest.mark.parametrize("example", [
    pytest.param({"fr": "sur la recommandation de la Commission (A/55/602/Add.2, par. 94),",
                  "es": "sobre la base de la recomendación de la Comisión (A/55/602/Add.2, párr. 94),"},
                 id="es-reference"),
    pytest.param({"fr": "(A/78/10, par. 3 et 4, et Suppl. no 7)",
                  "es": "(A/78/10, párrs. 3 y 4, núms. 1 y 2, y Supl. núm. 7)"}, id="es-references"),
    pytest.param({"fr": "(A/78/10, Suppl. no 7, al. a et b)",
                  "en": "(A/78/10, Suppl. No. 7, subparas. (a) and (b))"}, id="en-references"),
    pytest.param({"fr": "(A/78/10, par. 3 et 4)", "ru": "(A/78/10, пп. 3 и 4)"}, id="ru-references"),
    pytest.param({"fr": "sont universels, indissociables, interdépendants et intimement liés,",
                  "es": "son universales, indivisibles e interdependientes y están relacionados entre sí,"},
                 id="es-human-rights-formula"),
    pytest.param({"fr": "sont universels, indissociables, interdépendants et intimement liés,",
                  "ru": "универсальны, неделимы, взаимозависимы и взаимосвязаны,"}, id="ru-human-rights-formula"),
])
def test_sc01_knows_un_words_the_dictionaries_lack(dictionaries, example):
    """The abbreviations of UN references («párr.», «núms.», «Suppl.», «пп.»: every reference to
    a report's paragraphs has them) and the Vienna Declaration's «universal, indivisible,
    interdependent and interrelated», in hundreds of UN resolutions: the Spanish, English and
    Russian dictionaries lack them."""
    assert findings(Misspelling, example) == ()


def test_sc01_user_word_list(dictionaries):
    example = {"fr": "Prie le Groupe de travail de faire rapport ;",
               "en": "Requests the Zorblat Working Group to report;"}
    assert len(findings(Misspelling, example)) == 1
    assert findings(Misspelling(Misspelling.Config(words=("zorblat",))), example) == ()


def test_sc01_user_word_list_from_a_config_file(dictionaries, tmp_path):
    from qa_rules.config import load_config, rules_from_config

    (tmp_path / "hexaglot.toml").write_text('[hexaglot.rules.SC01]\nwords = ["Zorblat", "Kovac*"]\n',
                                            encoding="utf-8")
    rules = rules_from_config(load_config(search_dir=tmp_path), select=["SC01"])
    example = {"fr": "Prie le Groupe de faire rapport ;", "en": "Requests the Zorblat Group and Kovacs to report;"}
    assert findings(rules[0], example) == ()


def test_sc02_flags_ise_where_un_english_writes_ize(dictionaries):
    fr = "Encourage les États Membres à organiser des ateliers et souligne leur expertise ;"
    flagged = findings(IzeSpelling, {"fr": fr, "en": "Encourages States to organise workshops and improvise;"})
    assert [(f.found[f.mark[0]:f.mark[1]], f.expected) for f in flagged] == [("organise", "organize")]
    assert findings(IzeSpelling, {"fr": fr, "en": "Encourages States to organize, analyse and advertise;"}) == ()


# -- the samples -----------------------------------------------------------------------------

def test_no_false_alarm_on_the_clean_sample_versions(dictionaries):
    from qa_rules.run import CheckOptions, check_files

    langs = ("en", "es", "ru", "ar", "zh")
    report = check_files([str(SAMPLE_SET / "fr.md"), *(str(SAMPLE_SET / f"{lang}.md") for lang in langs)],
                         CheckOptions(select=("spelling",), discover=False))
    assert report.findings == ()
    report = check_files([str(SAMPLE_SET / "en.md"), str(SAMPLE_SET / "fr.md")],
                         CheckOptions(select=("spelling",), discover=False))
    assert report.findings == ()


def test_cli_finds_the_planted_misspellings(dictionaries):
    out = subprocess.run([sys.executable, "-m", "hexaglot", "check", str(SAMPLE_SET / "fr.md"),
                          str(DRAFTS / "en_draft.md"), "--select", "spelling", "--format", "json"],
                         cwd=REPO, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    import json

    found = sorted(f["found"][f["mark"][0]:f["mark"][1]] for f in json.loads(out.stdout)["findings"])
    assert found == ["entites", "motivatoins", "neccessary", "recognises"]


def test_no_library_is_a_notice_naming_the_packages(no_dictionaries, monkeypatch):
    monkeypatch.setattr(hunspell, "LIBRARY_NAMES", ())
    monkeypatch.setattr(hunspell, "LIBRARY_FILES", ("libhunspell-none.so.0",))
    hunspell.library.cache_clear()
    try:
        report = check(example_alignment({"fr": "Prie l'Office ;", "es": "Solicita a la Oficina;"}), [Misspelling])
    finally:
        hunspell.library.cache_clear()
    assert report.notices == ("SC01 did not run on the es version: the Hunspell library is not installed "
                              "(Debian: apt-get install libhunspell-1.7-0 hunspell-es)",)


def test_a_cat_file_gets_the_notice_too(tmp_path):
    from qa_rules.cat_input import check_cat_file
    from qa_rules.run import CheckOptions

    xlf = tmp_path / "op1.xlf"
    xlf.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file original="op1" source-language="fr" target-language="zh" datatype="plaintext"><body>'
        "<trans-unit id=\"1\"><source>Prie l'Office de continuer à aider les États Membres ;</source>"
        "<target>请毒品和犯罪问题办公室继续协助会员国；</target></trans-unit>"
        "</body></file></xliff>\n", encoding="utf-8")
    report = check_cat_file(str(xlf), CheckOptions(select=("spelling",), discover=False))
    assert any(n.startswith("SC01 did not run on the zh version: Hunspell has no Chinese dictionary")
               for n in report.notices), report.notices


def test_a_paragraph_in_another_language_is_left_to_the_untranslated_rules(dictionaries):
    """Spanish text in the English version: UT01 says it once; SC01 does not flag every word."""
    example = {"fr": "Prie l'Office de continuer à aider les États Membres qui en font la demande ;",
               "en": "Solicita a la Oficina que siga prestando asistencia a los Estados Miembros que la soliciten;"}
    assert findings(Misspelling, example) == ()


def test_a_version_not_in_its_declared_language_is_not_spell_checked(dictionaries, tmp_path):
    """Spanish saved as en.md: the report's notice says so once, and no word is flagged."""
    import shutil

    from qa_rules.run import CheckOptions, check_files

    shutil.copy(SAMPLE_SET / "fr.md", tmp_path / "fr.md")
    shutil.copy(SAMPLE_SET / "es.md", tmp_path / "en.md")
    report = check_files([str(tmp_path / "fr.md"), str(tmp_path / "en.md")],
                         CheckOptions(select=("spelling",), discover=False))
    assert report.findings == ()
    assert any("declared as en reads as es" in notice for notice in report.notices)


def test_a_judge_keeps_at_most_its_bound_of_verdicts_however_many_words_it_meets():
    """A judge's verdicts are bounded (``_VERDICTS_KEPT``): a run over many documents holds the
    same memory for them at 60,000 distinct words as at 50,000."""

    class Knows:
        def knows(self, word):
            return word.endswith("a")

    judge = common.WordJudge(Accepted(frozenset()), Knows())
    largest = 0
    for k in range(60_000):
        assert judge.spelt_right(f"mot{k}a") and not judge.spelt_right(f"mot{k}b")
        largest = max(largest, len(judge.verdicts))
    assert largest == common._VERDICTS_KEPT <= 50_000


def test_word_kinds_and_source_words_are_bounded_caches():
    from qa_rules.spelling import words as module

    def letters(k):
        return "".join(chr(0x61 + int(digit, 26)) for digit in _base26(k))

    largest = 0
    for k in range(60_000):
        assert [w for _, _, w in words(f"palabra{letters(k)} x")] == [f"palabra{letters(k)}"]
        largest = max(largest, len(module._KINDS))
    assert largest == module.KINDS_KEPT <= 50_000
    assert module.lower_words.cache_info().maxsize <= 512


@pytest.mark.parametrize("text", [
    "Solicita a la Oficina que siga ayudando a los Estados Miembros.",
    "Solicita a la Oficina que siga ayduando a los Estados Miembros, ayduando otra vez en www.ayduando.org.",
    "ii) la UNODC y ayduando; iv. xyzzy-ayudando",
])
def test_sc01_finds_in_a_paragraph_what_it_finds_placing_every_word(dictionaries, text):
    """SC01 judges a paragraph's distinct words first and places them only where one is unknown:
    the findings are those of placing every word."""
    from qa_rules.spelling.common import speller, word_judge

    alignment = example_alignment({"fr": "Prie l'Office de continuer à aider les États Membres.", "es": text})
    found = [(f.found, f.mark) for f in check(alignment, [Misspelling]).findings]
    judge = word_judge("es", (), (), speller("es"))
    placed = [(start, word) for start, end, word in words(text) if not judge.spelt_right(word)]
    assert len(found) == len(placed) and ("ayduando" in text) == bool(placed)


def _base26(k):
    digits = "0123456789abcdefghijklmnop"
    out = ""
    while True:
        k, r = divmod(k, 26)
        out = digits[r] + out
        if not k:
            return out


def test_sc01_reads_the_source_words_only_for_a_paragraph_with_an_unknown_word(dictionaries, monkeypatch):
    """A target paragraph whose words are all spelt right needs no source words (most paragraphs);
    one with an unknown word still leaves the words of its source to the untranslated rules."""
    import qa_rules.spelling.sc01_misspelling as sc01

    asked = []
    real = sc01.lower_words

    def spy(text):
        asked.append(text)
        return real(text)

    monkeypatch.setattr(sc01, "lower_words", spy)
    source = "Rappelant la Stratégie antiterroriste mondiale de Nelson Mandela,"
    assert findings(Misspelling, {"fr": source, "en": "Recalling the Global Counter-Terrorism Strategy,"}) == ()
    assert asked == []
    assert findings(Misspelling, {"fr": source, "en": "Recalling the Stratégie antiterroriste of Nelson Mandela,"}) == ()
    assert asked == [source]
    (finding,) = findings(Misspelling, {"fr": source, "en": "Recalling the Stratégie antiterroriste of Nelson Mandela, asist,"})
    assert finding.found[finding.mark[0]:finding.mark[1]] == "asist"
