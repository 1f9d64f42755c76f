"""NU06: a number in another digit system than the rest of its document."""

from __future__ import annotations

from qa_rules.examples import run_example
from qa_rules.numbers.nu06_digit_system import DigitSystem, system_of

FR = "Rappelant ses résolutions 72/194, 73/174, 74/175 et 75/291, et le Programme mondial pour 2022-2027,"


def test_digit_systems():
    assert [system_of(t) for t in ("2022", "٢٠٢٢", "۲۰۲۲", "２０２２", "2٠")] == ["0-9", "٠-٩", "۰-۹", "０-９", "mixed"]


def test_a_number_typed_in_the_other_system_is_reported_where_it_stands():
    ar = "وإذ تشير إلى قراراتها 72/194 و 73/174 و 74/175 و 75/291، وإلى البرنامج العالمي للفترة ٢٠٢٢-٢٠٢٧،"
    found = run_example(DigitSystem, {"fr": FR, "ar": ar})
    assert [f.message.split()[1] for f in found] == ["٢٠٢٢", "٢٠٢٧"]
    assert {f.expected for f in found} == {"0-9 digits"}
    assert not run_example(DigitSystem, {"fr": FR, "ar": ar.replace("٢٠٢٢-٢٠٢٧", "2022-2027")})


def test_a_document_without_a_clear_system_is_not_judged():
    mixed = "وإذ تشير إلى قراراتها ٧٢/١٩٤ و ٧٣/١٧٤ و 74/175 و 75/291، وإلى البرنامج العالمي للفترة 2022-2027،"
    assert not run_example(DigitSystem, {"fr": FR, "ar": mixed})
    assert not run_example(DigitSystem, {"fr": "Prie l'Office de faire rapport en 2024 ;", "ar": "تطلب إلى المكتب أن يقدم تقريرا في عام ٢٠٢٤؛"})


def test_chinese_meeting_numbers_in_digits_session_numbers_in_numerals():
    found = run_example(DigitSystem, {"fr": "43e séance plénière", "zh": "第四十三次全体会议"})
    assert [f.found for f in found] == ["四十三次全体会议"]
    assert not run_example(DigitSystem, {"fr": "43e séance plénière", "zh": "第43次全体会议"})
    assert not run_example(DigitSystem, {"fr": "à sa soixante-dix-huitième session", "zh": "在其第七十八届会议上"})
