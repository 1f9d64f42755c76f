"""TE03 judges a country name at the document's own date (qa_rules.dates.document_date)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aligner.errors import InputError
from aligner.model import Alignment, Cell, Document, Row, Unit
from aligner.readers import read_document
from qa_rules.dates.document_date import current_on, document_date
from qa_rules.engine import check
from qa_rules.glossary import bundled_glossaries
from qa_rules.glossary.csv import csv_text, read_csv
from qa_rules.glossary.model import Concept, Glossary, Term
from qa_rules.glossary.tbx import read_tbx, tbx_bytes
from qa_rules.terminology.te03_country_outdated import OutdatedCountryName

REPO = Path(__file__).resolve().parent.parent
FR_VOTE = "Ont voté pour : Eswatini, Libye, Tunisie"
EN_VOTE = "In favour: Swaziland, Libyan Arab Jamahiriya, Tunisia"


def alignment(fr: list[tuple[str, str]], en: list[tuple[str, str]]) -> Alignment:
    """fr -> en, one row per (role, text) unit."""
    def doc(lang: str, units: list[tuple[str, str]]) -> Document:
        return Document(path=f"d/{lang}.md", lang=lang, units=tuple(
            Unit(id=f"{role}.{i}", role=role, text=text, lines=(i, i)) for i, (role, text) in enumerate(units, 1)))

    docs = {"fr": doc("fr", fr), "en": doc("en", en)}
    rows = tuple(Row(cells={lang: Cell((d.units[i].id,), (i + 1,), d.units[i].text) for lang, d in docs.items()},
                     score=1.0) for i in range(len(fr)))
    return Alignment(languages=("fr", "en"), pivot="fr", level="paragraph", rows=rows, documents=docs)


def te03(fr_date: str | None, en_date: str | None, en_vote: str = EN_VOTE, glossaries=None):
    fr = ([("meta", f"Adoptée à la 81e séance plénière, le {fr_date}")] if fr_date else []) + [("meta", FR_VOTE)]
    en = ([("meta", f"Adopted at the 81st plenary meeting, on {en_date}")] if en_date else []) + [("meta", en_vote)]
    if len(fr) != len(en):
        fr, en = fr[-1:], en[-1:]
    report = check(alignment(fr, en), [OutdatedCountryName], glossaries or bundled_glossaries())
    return [(f.severity, f.found, f.message) for f in report.findings]


def test_names_current_at_the_document_date_are_not_reported():
    assert te03("4 décembre 2000", "4 December 2000") == []


def test_names_superseded_before_the_document_date_are_errors_that_say_the_date():
    found = te03("3 août 2023", "3 August 2023")
    assert sorted((s, name) for s, name, _ in found) == [("error", "Libyan Arab Jamahiriya"), ("error", "Swaziland")]
    assert all("this document is dated 2023-08-03" in message for _, _, message in found)


def test_between_two_changes_only_the_older_one_is_reported():
    """Libya changed its UN name in 2011, Eswatini in 2018: a text of 2015 may say Swaziland only."""
    assert [(s, name) for s, name, _ in te03("1er juin 2015", "1 June 2015")] == [("error", "Libyan Arab Jamahiriya")]


def test_a_document_without_a_date_is_judged_today():
    assert sorted((s, name) for s, name, _ in te03(None, None)) == [("error", "Libyan Arab Jamahiriya"),
                                                                    ("error", "Swaziland")]


def test_the_source_date_serves_when_the_target_has_none():
    fr = [("meta", "Adoptée à la 81e séance plénière, le 4 décembre 2000"), ("meta", FR_VOTE)]
    en = [("preambular", "The General Assembly,"), ("meta", EN_VOTE)]
    assert check(alignment(fr, en), [OutdatedCountryName], bundled_glossaries()).findings == ()


def _glossary(since: str, status: str = "superseded") -> Glossary:
    return Glossary(name="g", path="g.tbx", concepts=(Concept(id="sz", subject="Country names", terms=(
        Term("Eswatini", "en", term_type="shortForm"), Term("Eswatini", "fr", term_type="shortForm"),
        Term("Swaziland", "en", status=status, term_type="shortForm", superseded_since=since))),))


def test_a_dated_document_and_no_recorded_date_is_a_warning_that_says_so():
    [(severity, name, message)] = te03("4 décembre 2000", "4 December 2000", glossaries=[_glossary("")])
    assert (severity, name) == ("warning", "Swaziland")
    assert "does not record since when" in message and "2000-12-04" in message


def test_a_change_in_the_same_month_as_the_document_is_a_warning():
    [(severity, _, message)] = te03("4 décembre 2000", "4 December 2000", glossaries=[_glossary("2000-12")])
    assert severity == "warning" and "which came first?" in message
    assert te03("4 décembre 2000", "4 December 2000", glossaries=[_glossary("2001")]) == []


def test_a_deprecated_name_is_an_error_whatever_the_date():
    found = te03("4 décembre 2000", "4 December 2000", glossaries=[_glossary("2018", status="deprecated")])
    assert [(s, name) for s, name, _ in found] == [("error", "Swaziland")]


def test_current_on_compares_at_the_common_precision():
    assert current_on("2000-12-04", "2018-04-19") is True
    assert current_on("2018-04-19", "2018-04-19") is False
    assert current_on("2018-04-20", "2018") is None
    assert current_on("2019", "2018-04-19") is False


@pytest.mark.parametrize("lang", ["ar", "zh", "en", "fr", "ru", "es"])
def test_the_sample_documents_are_dated_from_their_own_lines(lang):
    assert document_date(read_document(REPO / "samples" / "A-RES-55-100" / f"{lang}.md", lang=lang)) == "2000-12-04"
    assert document_date(read_document(REPO / "samples" / "E-RES-2023-26" / f"{lang}.md", lang=lang)) == "2023-08-03"


def test_the_bundled_glossary_records_when_former_country_names_were_superseded():
    countries = next(g for g in bundled_glossaries() if g.name == "unterm-countries")
    since = {t.text: t.superseded_since for c in countries.concepts for t in c.terms if t.lang == "en" and t.rejected}
    assert since["Swaziland"] == "2018-04-19" and since["Libyan Arab Jamahiriya"] == "2011-09-16"
    assert since["Cape Verde"] == "2013-10-25" and since["Venezuela"] == "2004-11-17"


def _since(glossary: Glossary) -> str:
    return next(t.superseded_since for t in glossary.concepts[0].terms if t.text == "Swaziland")


def test_the_date_round_trips_through_tbx_and_csv_and_a_bad_one_is_refused(tmp_path):
    glossary = _glossary("2018-04-19")
    tbx = tmp_path / "g.tbx"
    tbx.write_bytes(tbx_bytes(glossary))
    assert _since(read_tbx(str(tbx))) == "2018-04-19"
    text = csv_text(glossary)
    assert text.splitlines()[0].endswith(",term_superseded_since")
    assert _since(read_csv("g.csv", data=text.encode("utf-8"))) == "2018-04-19"
    tbx.write_bytes(tbx_bytes(glossary).replace(b">2018-04-19<", b">19 April 2018<"))
    with pytest.raises(InputError, match="is not a date like 2018-04-19"):
        read_tbx(str(tbx))
    with pytest.raises(InputError, match=r"g.csv:4: superseded-since date"):
        read_csv("g.csv", data=text.replace("2018-04-19", "April").encode("utf-8"))
    assert "term_superseded_since" not in csv_text(_glossary("")).splitlines()[0]


def test_module_doctests():
    import doctest

    from qa_rules.dates import document_date as module

    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_validate_warns_of_a_date_on_a_term_that_is_not_superseded():
    from qa_rules.glossary.validate import validate

    assert [p.kind for p in validate(_glossary("2018", status="deprecated"))] == ["date-unused"]
    assert [p.kind for p in validate(_glossary("2018"))] == []
    countries = next(g for g in bundled_glossaries() if g.name == "unterm-countries")
    assert "date-unused" not in {p.kind for p in validate(countries)}
