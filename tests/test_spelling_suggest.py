"""SC01's suggestions (``qa_rules.spelling.suggest``): the words one typing slip away from the
one written, in a fixed order of slips, the same on every machine."""

from __future__ import annotations

import pytest

from qa_rules.spelling import common, hunspell
from qa_rules.spelling.sc01_misspelling import suggestions
from qa_rules.spelling.suggest import Slips, _replaced, read_slips, suggest

WORDS = {"hello", "world", "phone", "form", "from", "Paris", "well-known"}
SLIPS = Slips(try_letters="eloatrsnhpwdm", replacements=(("f", "ph"),),
              related=(("e", "é"),), keyboard=("qwertyuiop", "asdfghjkl", "zxcvbnm"))


def known(word: str) -> bool:
    """As Hunspell judges: a word of the list, also with an initial capital or in capitals."""
    return word in WORDS or word[:1].lower() + word[1:] in WORDS or (word.isupper() and word.lower() in WORDS)


@pytest.mark.parametrize("written, right", [
    ("fone", "phone"),         # the dictionary's replacement table
    ("hlelo", "hello"),        # two neighbouring letters swapped
    ("hlleo", "hello"),        # two letters two places apart swapped
    ("hrllo", "hello"),        # a key next to the right one
    ("helllo", "hello"),       # a letter too many
    ("helo", "hello"),         # a letter left out
    ("lhelo", "hello"),        # a letter moved
    ("hallo", "hello"),        # a wrong letter
    ("helloworld", "hello world"),  # two words run together
])
def test_each_slip_is_repaired(written, right):
    assert suggest(written, known, SLIPS)[0] == right


def test_the_likelier_slip_comes_first():
    # a swap of neighbours (form) is tried before a moved letter (from)
    assert suggest("ofrm", known, SLIPS) == ("form", "from")


def test_the_words_case_is_kept():
    assert suggest("Helo", known, SLIPS) == ("Hello",)
    assert suggest("HELO", known, SLIPS) == ("HELLO",)
    assert suggest("Pariss", known, SLIPS) == ("Paris",)  # a name the dictionary writes with a capital


def test_a_word_no_single_slip_repairs_gets_none():
    assert suggest("xyzzy", known, SLIPS) == ()
    assert suggest("a" * 61, known, SLIPS) == ()


def test_no_suggestion_begins_or_ends_with_a_hyphen():
    hyphen_words = {"well", "known", "well-known", "well-"}
    assert all(not s.startswith("-") and not s.endswith("-")
               for s in suggest("well-", hyphen_words.__contains__, SLIPS) + suggest("-well", hyphen_words.__contains__, SLIPS))


def test_limit_and_the_same_answer_every_time():
    first = suggest("ofrm", known, SLIPS, limit=1)
    assert first == ("form",)
    assert all(suggest("ofrm", known, SLIPS, limit=1) == first for _ in range(5))


def test_replacements_follow_their_anchors():
    assert list(_replaced("fife", "f", "ph")) == ["phife", "fiphe"]
    assert list(_replaced("fife", "^f", "ph")) == ["phife"]
    assert list(_replaced("fife", "e$", "a")) == ["fifa"]
    assert list(_replaced("life", "^f", "ph")) == []


def test_the_aff_files_slips_are_read(tmp_path):
    aff = tmp_path / "xx.aff"
    aff.write_text("SET UTF-8\nTRY abc\nREP 2\nREP f ph\nREP a_lot alot\nMAP 2\nMAP eé\nMAP s(ss)\n"
                   "KEY qwe|asd\nPFX A Y 1\n", encoding="utf-8")
    slips = read_slips(str(aff), "utf-8")
    assert slips.try_letters == "abc"
    assert slips.replacements == (("f", "ph"), ("a lot", "alot"))
    assert slips.related == (("e", "é"), ("s", "ss"))
    assert slips.keyboard == ("qwe", "asd")


@pytest.mark.parametrize("lang, written, right", [
    ("en", "motivatoins", "motivations"), ("en", "neccessary", "necessary"), ("en", "entites", "entities"),
    ("es", "pricipios", "principios"), ("es", "finaciación", "financiación"), ("es", "prácitcas", "prácticas"),
    ("ru", "серьзных", "серьезных"), ("ru", "междунраодное", "международное"),
    ("ru", "формирующимсся", "формирующимся"), ("ar", "الدولسين", "الدوليين"),
])
def test_the_planted_misspellings_of_the_drafts_get_their_word_first(dictionaries, lang, written, right):
    assert suggestions(common.speller(lang), written)[0] == right


def test_sc01_suggests_from_the_dictionarys_own_file(dictionaries):
    """The slips are read from the loaded dictionary's ``.aff`` (French: its TRY letters, REP table)."""
    french = common.speller("fr").main
    slips = read_slips(str(hunspell.find("fr_FR") or french.path).replace(".dic", ".aff"), french.encoding)
    assert "é" in slips.try_letters and slips.replacements
