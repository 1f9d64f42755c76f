"""Terminology rules TE01-TE05 on real UN sentences, in several languages, and end to end."""

from __future__ import annotations

import json

import pytest

from qa_rules.engine import check
from qa_rules.examples import example_alignment
from qa_rules.glossary import bundled_glossaries
from qa_rules.terminology.te01_missing_term import MissingTerm
from qa_rules.terminology.te02_rejected_term import RejectedTerm
from qa_rules.terminology.te03_country_outdated import OutdatedCountryName
from qa_rules.terminology.te04_country_form import CountryNameForm
from qa_rules.terminology.te05_inconsistent_term import InconsistentTerm

GLOSSARIES = bundled_glossaries()


def _run(rule, example, glossaries=GLOSSARIES):
    return check(example_alignment(example), [rule], glossaries).findings


FR_FTF = "Profondément préoccupée par la menace grave et croissante que font peser les combattants terroristes étrangers,"


@pytest.mark.parametrize("lang, good, bad", [
    ("en", "Deeply concerned by the grave and growing threat posed by foreign terrorist fighters,",
     "Deeply concerned by the grave and growing threat posed by foreign fighters,"),
    ("es", "Profundamente preocupada por la grave y creciente amenaza que plantean los combatientes terroristas extranjeros,",
     "Profundamente preocupada por la grave y creciente amenaza que plantean los combatientes extranjeros,"),
    ("ru", "будучи глубоко обеспокоена серьезной и растущей угрозой, которую представляют иностранные боевики-террористы,",
     "будучи глубоко обеспокоена серьезной и растущей угрозой, которую представляют иностранные наемники,"),
    ("zh", "深为关切外国恐怖主义作战人员构成的严重且日益加剧的威胁，",
     "深为关切外国武装分子构成的严重且日益加剧的威胁，"),
    ("ar", "وإذ يساورها بالغ القلق إزاء التهديد الخطير والمتزايد الذي يشكله المقاتلون الإرهابيون الأجانب،",
     "وإذ يساورها بالغ القلق إزاء التهديد الخطير والمتزايد الذي يشكله المقاتلون الأجانب،"),
])
def test_te01_missing_equivalent_in_five_targets(lang, good, bad):
    assert not _run(MissingTerm, {"fr": FR_FTF, lang: good})
    findings = _run(MissingTerm, {"fr": FR_FTF, lang: bad})
    assert [f.rule for f in findings] == ["TE01"]
    assert findings[0].category == "terminology"
    expected = {"en": "foreign terrorist fighter", "es": "combatiente terrorista extranjero",
                "ru": "иностранный боевик-террорист", "zh": "外国恐怖主义作战人员",
                "ar": "المقاتلون الإرهابيون الأجانب"}[lang]
    assert findings[0].expected.startswith(expected)
    assert findings[0].target.lang == lang and findings[0].target.unit == "pp.1"


def test_te01_counts_a_term_nested_in_a_longer_one():
    example = {"fr": "Prie l'Office de continuer à aider les États Membres, à leur demande ;",
               "ru": "просит Управление продолжать оказывать государствам-членам по их просьбе содействие;"}
    assert not _run(MissingTerm, example)


def test_te01_without_glossaries_finds_nothing():
    example = {"fr": FR_FTF, "en": "Deeply concerned by foreign fighters,"}
    assert not _run(MissingTerm, example, glossaries=())


@pytest.mark.parametrize("lang, text, found, expected", [
    ("es", "Solicita a la Oficina de las Naciones Unidas contra las Drogas y el Crimen que siga prestando asistencia;",
     "Oficina de las Naciones Unidas contra las Drogas y el Crimen", "Oficina de las Naciones Unidas contra la Droga y el Delito"),
    ("zh", "深为关切外国恐怖主义战斗人员构成的严重威胁，", "外国恐怖主义战斗人员", "外国恐怖主义作战人员"),
    ("en", "Recalling the role of the United Nations Office for Drug Control and Crime Prevention,",
     "United Nations Office for Drug Control and Crime Prevention", "United Nations Office on Drugs and Crime"),
    ("es", "la protección de la infraestructura crítica frente a atentados terroristas,", "infraestructura crítica",
     "infraestructura vital"),
    ("fr", "Engage les États membres à renforcer la coopération,", "États membres", "État Membre"),
    ("en", "using Advanced Passenger Information and biometric data,", "Advanced Passenger Information",
     "advance passenger information"),
    ("ru", "в сотрудничестве с ЮНОДК и Интерполом", "ЮНОДК", "УНП ООН"),
])
def test_te02_rejected_terms(lang, text, found, expected):
    source = "en" if lang == "fr" else "fr"
    findings = _run(RejectedTerm, {source: "Source text,", lang: text})
    assert [(f.rule, f.found) for f in findings] == [("TE02", found)]
    assert expected in findings[0].expected.split(" | ")
    assert findings[0].severity == "error"


def test_te02_preferred_names_pass():
    for lang, text in [("es", "la Oficina de las Naciones Unidas contra la Droga y el Delito"),
                       ("zh", "外国恐怖主义作战人员"), ("fr", "les États Membres"),
                       ("en", "advance passenger information")]:
        source = "en" if lang == "fr" else "fr"
        assert not _run(RejectedTerm, {source: "Source text,", lang: text}), (lang, text)


def test_te03_outdated_country_names_in_the_real_2000_vote_lists(shared_data):
    """A/RES/55/100 (2000): Swaziland, Cape Verde, Libyan Arab Jamahiriya... are outdated."""
    units = [json.loads(line) for line in (shared_data / "opus-un-6way/A-RES-55-100.jsonl").open(encoding="utf-8")]
    votes = next(u for u in units if u["en"].startswith("In favour"))
    found = {}
    for lang in ("en", "fr", "es", "ru", "ar", "zh"):
        findings = _run(OutdatedCountryName, {"fr": votes["fr"], lang: votes[lang]}) if lang != "fr" else \
            _run(OutdatedCountryName, {"en": votes["en"], "fr": votes["fr"]})
        found[lang] = {f.found: f.expected for f in findings}
    assert found["en"]["Swaziland"] == "Eswatini"
    assert found["en"]["Cape Verde"] == "Cabo Verde"
    assert found["en"]["Libyan Arab Jamahiriya"] == "Libya"
    assert found["en"]["Turkey"] == "Türkiye"
    assert found["fr"]["Swaziland"] == "Eswatini"
    assert found["fr"]["Jamahiriya arabe libyenne"] == "Libye"
    assert found["es"]["Swazilandia"] == "Eswatini"
    assert found["ru"]["Свазиленд"] == "Эсватини"
    assert found["ar"]["سوازيلند"] == "إسواتيني"
    assert found["zh"]["阿拉伯利比亚民众国"] == "利比亚"
    assert all(f.severity == "error" for f in _run(OutdatedCountryName, {"fr": votes["fr"], "en": votes["en"]}))


BOLIVIA_VENEZUELA = {  # the bare former short names, as A/RES/55/100 (2000) writes them
    "en": ("Bolivia", "Venezuela"), "fr": ("Bolivie", "Venezuela"), "es": ("Bolivia", "Venezuela"),
    "ru": ("Боливия", "Венесуэла"), "ar": ("بوليفيا", "فنـزويلا"), "zh": ("玻利维亚", "委内瑞拉"),
}


def test_te03_bolivia_and_venezuela_alone_are_outdated_in_all_six_languages(shared_data):
    """Chinese 玻利维亚 and 委内瑞拉 were flagged but not English Bolivia and Venezuela in the same
    vote list: the UNTERM short names are Bolivia (Plurinational State of) and Venezuela (Bolivarian
    Republic of) in every language, so the bare names are former names in every language."""
    units = [json.loads(line) for line in (shared_data / "opus-un-6way/A-RES-55-100.jsonl").open(encoding="utf-8")]
    votes = next(u for u in units if u["en"].startswith("In favour"))
    for lang, names in BOLIVIA_VENEZUELA.items():
        source = "en" if lang == "fr" else "fr"
        findings = _run(OutdatedCountryName, {source: votes[source], lang: votes[lang]})
        found = {f.found: f for f in findings}
        for name in names:
            assert name in found, (lang, name, sorted(found))
            assert found[name].severity == "error"
        expected = found[names[0]].expected  # the current UNTERM name, which contains the old one
        assert names[0] in expected and expected != names[0], (lang, expected)


@pytest.mark.parametrize("lang, current", [
    ("en", "the Plurinational State of Bolivia and Venezuela (Bolivarian Republic of)"),
    ("fr", "l'État plurinational de Bolivie et le Venezuela (République bolivarienne du)"),
    ("es", "el Estado Plurinacional de Bolivia y la República Bolivariana de Venezuela"),
    ("ru", "Многонациональное Государство Боливия и Боливарианская Республика Венесуэла"),
    ("ar", "دولة بوليفيا المتعددة القوميات وجمهورية فنزويلا البوليفارية"),
    ("zh", "多民族玻利维亚国和委内瑞拉玻利瓦尔共和国"),
])
def test_te03_current_bolivia_and_venezuela_pass(lang, current):
    source = "en" if lang == "fr" else "fr"
    assert not _run(OutdatedCountryName, {source: "Texte,", lang: current})


def test_te03_the_former_yugoslav_republic_of_macedonia(shared_data):
    units = [json.loads(line) for line in (shared_data / "opus-un-6way/A-RES-55-100.jsonl").open(encoding="utf-8")]
    abstentions = next(u for u in units if u["en"].startswith("Abstentions"))
    findings = _run(OutdatedCountryName, {"fr": abstentions["fr"], "en": abstentions["en"]})
    assert "North Macedonia" in {f.expected for f in findings}


def test_te03_current_names_pass():
    assert not _run(OutdatedCountryName, {"fr": "Eswatini, Cabo Verde, Libye", "en": "Eswatini, Cabo Verde, Libya"})


def test_te04_short_versus_formal_country_name():
    findings = _run(CountryNameForm, {"fr": "Lettre du Représentant permanent de la France",
                                      "es": "Carta del Representante Permanente de la República Francesa"})
    assert [(f.rule, f.found, f.expected) for f in findings] == [("TE04", "República Francesa", "Francia")]
    assert not _run(CountryNameForm, {"fr": "Lettre du Représentant permanent de la France",
                                      "es": "Carta del Representante Permanente de Francia"})


def _rows(source: tuple[str, list[str]], target: tuple[str, list[str]]):
    """An alignment of several one-paragraph rows (example_alignment makes one row)."""
    from aligner.model import Alignment, Cell, Document, Row, Unit

    docs, cells = {}, {lang: [] for lang in (source[0], target[0])}
    for lang, texts in (source, target):
        units = tuple(Unit(id=f"pp.{i}", role="preambular", text=t, lines=(i, i)) for i, t in enumerate(texts, 1))
        docs[lang] = Document(path=f"doc/{lang}.md", lang=lang, units=units)
        cells[lang] = [Cell(units=(u.id,), lines=(u.lines[0],), text=u.text) for u in units]
    rows = tuple(Row(cells={lang: cells[lang][i] for lang in cells}, score=1.0) for i in range(len(source[1])))
    return Alignment(languages=(source[0], target[0]), pivot=source[0], level="paragraph", rows=rows, documents=docs)


def test_te05_inconsistent_renderings_within_a_document():
    alignment = _rows(("fr", ["Encourage l'entraide judiciaire.", "Renforce l'entraide judiciaire.",
                              "Développe l'entraide judiciaire."]),
                      ("es", ["Alienta la asistencia judicial recíproca.", "Refuerza la asistencia judicial recíproca.",
                              "Desarrolla la asistencia jurídica mutua."]))
    findings = check(alignment, [InconsistentTerm], GLOSSARIES).findings
    assert [(f.rule, f.category, f.found, f.expected) for f in findings] == [
        ("TE05", "consistency", "asistencia jurídica mutua", "asistencia judicial recíproca")]
    assert findings[0].target.unit == "pp.3"


def test_te05_full_name_and_acronym_are_not_inconsistent():
    example = {"fr": "Prie l'Office des Nations Unies contre la drogue et le crime (ONUDC). ¶ Prie l'ONUDC de continuer.",
               "en": "Requests the United Nations Office on Drugs and Crime (UNODC). ¶ Requests UNODC to continue."}
    assert not _run(InconsistentTerm, example)


def test_clean_sample_set_has_no_terminology_finding(sample_set):
    from qa_rules.run import CheckOptions, check_files

    paths = [str(sample_set / f"{lang}.md") for lang in ("fr", "en", "es", "ru", "zh", "ar")]
    report = check_files(paths, CheckOptions(select=("terminology", "TE05")))
    assert [f"{f.rule} {f.target.lang} {f.target.unit} {f.message}" for f in report.findings] == []
    assert "un-counter-terrorism@" in report.signature  # Glossary.signature(): name@digest


def test_planted_terminology_errors_are_found(sample_set, tmp_path):
    from qa_rules.run import CheckOptions, check_files

    es = (sample_set / "es.md").read_text(encoding="utf-8")
    assert "Oficina de las Naciones Unidas contra la Droga y el Delito" in es
    planted = es.replace("Oficina de las Naciones Unidas contra la Droga y el Delito",
                         "Oficina de las Naciones Unidas contra las Drogas y el Crimen", 1)
    planted = planted.replace("infraestructura vital", "infraestructura crítica", 1)
    # op.3: "las causas penales relacionadas con combatientes terroristas extranjeros"
    planted = planted.replace("relacionadas con combatientes terroristas extranjeros",
                              "relacionadas con combatientes extranjeros", 1)
    assert planted.count("relacionadas con combatientes extranjeros") == 1
    draft = tmp_path / "es.md"
    draft.write_text(planted, encoding="utf-8")
    report = check_files([str(sample_set / "fr.md"), str(draft)], CheckOptions(select=("terminology",)))
    found = {(f.rule, f.found) for f in report.findings}
    assert ("TE02", "Oficina de las Naciones Unidas contra las Drogas y el Crimen") in found
    assert ("TE02", "infraestructura crítica") in found
    assert any(f.rule == "TE01" and "combatiente terrorista extranjero" in f.expected for f in report.findings)


def test_te01_leaves_untranslated_text_to_ut01():
    source = "Prie l'Office de renforcer l'assistance technique aux États Membres ;"
    assert not _run(MissingTerm, {"fr": source, "en": source})  # left in French
    spanish = "Solicita a la Oficina que refuerce la asistencia técnica a los Estados Miembros;"
    assert not _run(MissingTerm, {"fr": source, "en": spanish})  # pasted from the Spanish version


def test_te01_leaves_another_paragraph_to_the_structure_rules():
    source = "Encourage le secteur privé, la société civile et les États Membres à coopérer ;"
    unrelated = "Requests the Secretary-General to report on the implementation of the present resolution;"
    assert not _run(MissingTerm, {"fr": source, "en": unrelated})
    one_missing = "Encourages the private sector, civil society and States to cooperate;"
    assert [f.expected for f in _run(MissingTerm, {"fr": source, "en": one_missing})] == ["Member State"]


def test_te01_says_what_the_target_wrote_instead_and_where():
    findings = _run(MissingTerm, {"fr": FR_FTF, "en": "Deeply concerned by the grave and growing threat posed by "
                                                      "foreign fighters,"})
    assert [f.found for f in findings] == ["foreign fighters"]
    assert "the target has «foreign fighters»" in findings[0].message
    # one shared word of three says nothing about where the term went: nothing is guessed
    findings = _run(MissingTerm, {"fr": FR_FTF, "ru": "будучи глубоко обеспокоена серьезной и растущей угрозой, "
                                                      "которую представляют иностранные наемники,"})
    assert [f.found for f in findings] == [""]


def test_te01_points_at_the_line_of_the_calque_in_the_english_draft(sample_set):
    from qa_rules.run import CheckOptions, check_files

    draft = sample_set.parent / "drafts" / "en_draft.md"
    lines = draft.read_text(encoding="utf-8").splitlines()
    report = check_files([str(sample_set / "fr.md"), str(draft)], CheckOptions(select=("TE01",)))
    calque = [f for f in report.findings if f.target.unit == "pp.17"]
    assert [f.found for f in calque] == ["foreign terrorist combatants"]
    line = calque[0].target.line
    assert "foreign terrorist combatants" in lines[line - 1]  # not the paragraph's first line, 6 lines above
    pact = [f for f in report.findings if f.target.unit == "op.1"]
    assert [f.found for f in pact] == ["United Nations Global Counter-Terrorism Coordination Pact"]


def test_te01_instead_module_doctests():
    import doctest

    from qa_rules.terminology import instead

    assert doctest.testmod(instead).failed == 0
