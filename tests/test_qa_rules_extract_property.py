"""The extractors never crash on arbitrary text and return spans of the text they were given."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from qa_rules.dates.extract import dates, nonstandard_dates
from qa_rules.numbers.extract import numbers
from qa_rules.references.extract import resolutions, symbols, treaties

LANGS = ("ar", "en", "es", "fr", "ru", "zh")
ALPHABET = st.sampled_from(
    list("0123456789 ,./-%()（）·\u00a0\u202f٠١٢٣٤٥٦٧٨٩٫٬ARESLvolno№第届年月日号百分之十七八")
    + ["soixante-dix-huitième", "seventy", "eighth", "vingt et un", "décembre", "December", "de", "diciembre",
       "декабря", "года", "سبعين", "الثامنة", "كانون الأول/ديسمبر", "pour cent", "per cent", "процентов", "т.", "vol."]
)
TEXT = st.lists(ALPHABET, max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=TEXT, lang=st.sampled_from(LANGS))
def test_extractors_return_spans_of_their_text(text, lang):
    for number in numbers(text, lang):
        assert text[number.start:number.end] == number.text
    for finder in (lambda t: dates(t, lang), lambda t: nonstandard_dates(t, lang), symbols,
                   lambda t: resolutions(t, lang), lambda t: treaties(t, lang)):
        for key, surface, start, end in finder(text):
            assert key and surface.strip() == text[start:end].strip()
