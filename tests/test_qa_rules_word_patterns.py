"""Number words and month names are read with one pattern a language: it finds and reads exactly
what one pattern per form did (the first form, longest first, that a word is in full)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa_rules import langdata
from qa_rules.dates import extract as dates_extract
from qa_rules.numbers import extract as numbers_extract
from qa_rules.prefilter import alternatives, stems

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
WORD_LANGS = [lang for lang in langdata.LANGUAGES if numbers_extract._word_forms(lang) is not None]


def _sample_lines(lang: str) -> list[str]:
    lines = []
    for path in sorted(SAMPLES.rglob(f"{lang}*.md")):
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def _literal_examples(form: str) -> list[str]:
    """The alternatives of ``form`` that are all literal, opened out (``tr[eè]s`` -> tres, très)."""
    return [text for alternative in alternatives(form) for text, whole in stems(alternative) or () if whole]


def _reference_reader(lang: str):
    """What each found number word was read as before: one pattern per form, longest first."""
    prefix = langdata.value(lang, "numbers").get("word_prefix", "")
    entries = numbers_extract._word_forms(lang)[0]
    separate = [(re.compile(rf"{prefix}(?:{form})", re.IGNORECASE), value, kind) for form, value, kind in entries]
    plain = re.compile(rf"(?<!\w){prefix}(?:{'|'.join(f'(?:{form})' for form, _, _ in entries)})(?!\w)",
                       re.IGNORECASE)

    def read(token: str) -> tuple[int, str]:
        return next((value, kind) for pattern, value, kind in separate if pattern.fullmatch(token))

    return plain, read


def _word_texts(lang: str) -> list[str]:
    prefixes = ["", "و", "ال", "وال", "لل", "بال"] if lang == "ar" else [""]
    examples = [p + e for form, _, _ in numbers_extract._word_forms(lang)[0] for e in _literal_examples(form)
                for p in prefixes]
    return examples + [e.upper() for e in examples] + [e.title() for e in examples] + _sample_lines(lang)


@pytest.mark.parametrize("lang", WORD_LANGS)
def test_the_number_words_found_and_read_are_those_one_pattern_per_form_found(lang):
    plain, read = _reference_reader(lang)
    texts = _word_texts(lang)
    assert len(texts) > 100
    found = 0
    for text in texts:
        assert _found(text, lang) == [(m.span(), m.group(0), read(m.group(0))) for m in plain.finditer(text)], text
        found += bool(plain.search(text))
    assert found > 100


def _found(text: str, lang: str) -> list:
    return [((w.start, w.end), w.text, (w.value, w.kind)) for w in numbers_extract._word_matches(text, lang)]


@pytest.mark.parametrize("lang", langdata.LANGUAGES)
def test_a_month_name_is_read_as_one_pattern_per_month_read_it(lang):
    months = dates_extract._months(lang)
    separate = [(re.compile(f"(?:{name})", re.IGNORECASE), number) for name, number in months]
    reader = dates_extract._compiled(lang)[1]
    names = [e for name, _ in months for e in _literal_examples(name)] + ["1 月", "12\u3000月", "كانون الأول / ديسمبر"]
    checked = 0
    for name in names + [n.upper() for n in names] + [n.title() for n in names]:
        expected = next((number for pattern, number in separate if pattern.fullmatch(name)), None)
        if expected is None:
            continue
        assert dates_extract._month(name, reader) == expected, name
        checked += 1
    assert checked >= 24


def test_a_text_without_a_number_word_compiles_no_number_word_pattern():
    """Most paragraphs hold no number word: the prefilter answers; where it points, only the
    forms that may start there are compiled and tried."""
    numbers_extract._form_pattern.cache_clear()
    numbers_extract._search.cache_clear()
    numbers_extract.numbers.cache_clear()
    assert numbers_extract.numbers("Prie le Secrétaire général de lui présenter le rapport", "fr") == ()
    assert numbers_extract._form_pattern.cache_info().currsize == 0
    assert [(n.key, n.kind) for n in numbers_extract.numbers("à sa soixante-dixième session", "fr")] == [("70", "ordinal")]
    assert 0 < numbers_extract._form_pattern.cache_info().currsize <= 4
    assert numbers_extract._search.cache_info().currsize == 0


WORDS = st.sampled_from(
    ["soixante-dix-huitième", "Soixante-Dix", "vingt et un", "UN", "une", "Unies", "seventy-eighth", "First",
     "hundreds", "septuagésimo", "Octavo", "una", "Unidas", "семьдесят", "восьмой", "СОТНИ", "сотрудничество",
     "трёх", "الثامنة", "والسبعين", "للألف", "ſix", "ſeventy", "ı", "İ", "dİx", "ΣΣ", "18", "décembre", "mars",
     "Diciembre", "ДЕКАБРЯ", "كانون الأول/ديسمبر", "2019", " ", "-", ", ", " et ", " and ", " y "]
)


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(WORDS, max_size=14), lang=st.sampled_from(WORD_LANGS))
def test_random_texts_read_alike(pieces, lang):
    text = "".join(pieces)
    plain, read = _reference_reader(lang)
    assert _found(text, lang) == [(m.span(), m.group(0), read(m.group(0))) for m in plain.finditer(text)]
