"""The declared-language check's quick test: a Latin-script text's commonest words confirm its
declared language, or the n-gram profiles decide; the verdict is the profiles' own either way."""

from __future__ import annotations


import pytest
from conftest import REPO, SAMPLE_SET, load_script

from aligner import function_words
from aligner.langid import declared_language_warning, identify, warning_for

#: Paragraphs in the official languages' Latin-script neighbours, written for these tests (not
#: from any corpus), in the register of a resolution.
NEIGHBOURS = {
    "pt": "A Assembleia Geral, recordando as suas resoluções anteriores sobre a matéria, pede a todos os "
          "Estados que respeitem os direitos humanos dos migrantes e das suas famílias, e solicita ao "
          "Secretário-Geral que lhe apresente, na sua próxima sessão, um relatório sobre a aplicação da "
          "presente resolução, com uma análise das medidas tomadas pelos Estados para proteger as mulheres "
          "e as crianças que não têm acesso aos serviços de que necessitam.",
    "it": "L'Assemblea generale, ricordando le sue precedenti risoluzioni in materia, chiede a tutti gli "
          "Stati di rispettare i diritti umani dei migranti e delle loro famiglie, e chiede al Segretario "
          "generale di presentarle, nella sua prossima sessione, una relazione sull'attuazione della presente "
          "risoluzione, con un'analisi delle misure adottate dagli Stati per proteggere le donne e i bambini "
          "che non hanno accesso ai servizi di cui hanno bisogno.",
    "ca": "L'Assemblea General, recordant les seves resolucions anteriors sobre la matèria, demana a tots "
          "els Estats que respectin els drets humans dels migrants i de les seves famílies, i demana al "
          "Secretari General que li presenti, en el seu proper període de sessions, un informe sobre "
          "l'aplicació de la present resolució, amb una anàlisi de les mesures que els Estats han pres per "
          "protegir les dones i els infants que no tenen accés als serveis que necessiten.",
    "ro": "Adunarea Generală, amintind rezoluțiile sale anterioare în această privință, cere tuturor "
          "statelor să respecte drepturile omului ale migranților și ale familiilor lor și îi cere "
          "Secretarului General să îi prezinte, la următoarea sa sesiune, un raport privind punerea în "
          "aplicare a prezentei rezoluții, cu o analiză a măsurilor luate de state pentru a proteja femeile "
          "și copiii care nu au acces la serviciile de care au nevoie.",
}


#: A German paragraph in the same register, written for these tests.
GERMAN = ("Die Generalversammlung, unter Hinweis auf ihre früheren Resolutionen zu dieser Frage, fordert alle "
          "Staaten auf, die Menschenrechte der Migranten und ihrer Familien zu achten, und ersucht den "
          "Generalsekretär, ihr auf ihrer nächsten Tagung einen Bericht über die Durchführung dieser Resolution "
          "vorzulegen, der eine Analyse der Maßnahmen enthält, die von den Staaten ergriffen wurden, um die "
          "Frauen und die Kinder zu schützen, die keinen Zugang zu den Diensten haben, die sie benötigen.")


def _texts(lang: str) -> str:
    return (SAMPLE_SET / f"{lang}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_the_sample_versions_are_confirmed_by_their_words(lang):
    assert function_words.confirms(lang, _texts(lang))


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_a_version_of_names_and_little_prose_is_confirmed(lang):
    """The official A/RES/55/100 opens with its recorded vote, three lists of country names: its
    Spanish version's commonest words are those Spanish shares with Catalan («de», «la», «del»),
    and against Catalan only the words one list has and the other has not count («y», «los»
    against «i», «els»)."""
    text = (REPO / "samples" / "A-RES-55-100" / f"{lang}.md").read_text(encoding="utf-8")
    assert function_words.confirms(lang, text)
    assert [other for other in function_words.WORDS if function_words.confirms(other, text)] == [lang]


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
@pytest.mark.parametrize("declared", ["en", "es", "fr", "pt", "it", "ca", "de"])
def test_a_version_is_never_confirmed_in_another_language(lang, declared):
    if declared != lang:
        assert not function_words.confirms(declared, _texts(lang))


@pytest.mark.parametrize("lang", sorted(NEIGHBOURS))
def test_a_neighbour_language_is_not_confirmed_as_an_official_one(lang):
    text = NEIGHBOURS[lang]
    assert not any(function_words.confirms(official, text) for official in ("en", "es", "fr"))
    for official in ("en", "es", "fr"):  # whatever the words say, the verdict is the profiles'
        assert declared_language_warning(official, text) == warning_for(official, identify(text))


def test_a_german_text_is_confirmed_as_german_and_only_as_german():
    """German prose is confirmed without the profiles, and never as one of the official languages."""
    assert function_words.confirms("de", GERMAN)
    assert not any(function_words.confirms(official, GERMAN) for official in ("en", "es", "fr"))
    assert declared_language_warning("de", GERMAN) == warning_for("de", identify(GERMAN)) is None


def test_short_mixed_and_other_script_texts_are_left_to_the_profiles():
    assert not function_words.confirms("en", "The General Assembly, recalling its resolution 55/100,")
    english, french = _texts("en")[:3000], _texts("fr")[:3000]
    assert not function_words.confirms("en", english + " " + french)  # half and half
    assert not function_words.confirms("xx", english)  # a language without a list


def test_english_footnotes_in_a_chinese_version_do_not_confirm_english():
    """The quick test only runs on Latin script: the Chinese sample cites English titles."""
    chinese = _texts("zh") + " The United Nations, Treaty Series, of the Convention and of the Protocol." * 30
    assert function_words.confirms("en", chinese)  # its Latin-script words alone are English
    assert "reads as zh" in declared_language_warning("en", chinese)


def _benchmark():
    return load_script("benchmarks/langid_declared.py", "langid_declared")


def test_verdicts_on_the_sample_files_are_the_profiles_own():
    """Every sample version, whole, declared in each language: the same verdict with the quick
    test as with the n-gram profiles alone (``benchmarks/langid_declared.py`` runs every
    paragraph and the held-out texts too)."""
    bench = _benchmark()
    files = [(lang, _texts(lang)) for lang in ("ar", "en", "es", "fr", "ru", "zh")]
    for _, text in files:
        for declared in bench.DECLARED:
            assert declared_language_warning(declared, text) == warning_for(declared, identify(text)), declared
