"""A corpus worker loads what it needs when it starts (``hexaglot.batch_warm``), not during its first document."""

from __future__ import annotations

from aligner.corpus import CorpusDocument, iter_corpus
from hexaglot.batch import BatchSettings, check_document, run_setup, with_search_dir
from hexaglot.batch_run import local_results
from hexaglot.batch_warm import examples_alignment, first_document, warm_up
from qa_rules.run import CheckOptions
from tests.test_batch_run import make_corpus


def _loaded_around_first_document(document: CorpusDocument, settings: BatchSettings) -> dict:
    """A pool task: the Hunspell dictionaries and langdetect profile readings of the worker
    before and after it checks ``document``."""
    import gc

    from aligner import langid
    from qa_rules.spelling import hunspell

    before = (hunspell.loaded(), langid._profiles.cache_info().misses)
    frozen = gc.get_freeze_count()
    result = check_document(document, settings)
    after = (hunspell.loaded(), langid._profiles.cache_info().misses)
    return {"name": document.name, "before": before, "after": after, "error": result.error, "frozen": frozen}


def _first_in_a_pool(corpus) -> dict:
    settings = BatchSettings(options=with_search_dir(CheckOptions()))
    results = list(local_results(iter_corpus(corpus, source="fr"), settings, 1, _loaded_around_first_document))
    found = next(r for r in results if r["name"] == "doc-a")  # the corpus's first document
    assert found["error"] is None
    return found


def test_pool_workers_load_the_corpus_languages_dictionaries_when_they_start(tmp_path):
    found = _first_in_a_pool(make_corpus(tmp_path / "corpus"))  # French sources, English versions
    dictionaries, profile_readings = found["before"]
    assert "en_GB" in dictionaries  # loaded by the worker's start
    assert not {"es_ES", "ru_RU", "ar"} & set(dictionaries)  # nothing for languages the corpus lacks
    assert profile_readings == 0  # its versions' commonest words confirm their languages: no profiles
    assert found["after"] == found["before"]  # the document itself loaded nothing more
    assert found["frozen"] > 10_000  # what the start loaded is out of the garbage collector's walks


#: A short resolution in French and Spanish, written for this test: too few words for the
#: commonest ones to confirm the Spanish version's language, so reading it weighs its n-grams.
SHORT = {
    "fr": "# Coopération internationale en matière pénale\n\n*Le Conseil économique et social*,\n\n"
          "*Rappelant* sa résolution 2022/17 du 22 juillet 2022,\n\n"
          "1. *Encourage* les États Membres à coopérer en matière pénale ;\n\n"
          "2. *Prie* le Secrétaire général de lui présenter un rapport sur l'application de la présente "
          "résolution.\n",
    "es": "# Cooperación internacional en asuntos penales\n\n*El Consejo Económico y Social*,\n\n"
          "*Recordando* su resolución 2022/17, de 22 de julio de 2022,\n\n"
          "1. *Alienta* a los Estados Miembros a que cooperen en asuntos penales;\n\n"
          "2. *Solicita* al Secretario General que le presente un informe sobre la aplicación de la "
          "presente resolución.\n",
}


def test_pool_workers_read_langdetects_profiles_at_start_when_the_first_document_needs_them(tmp_path):
    folder = tmp_path / "corpus" / "doc-a"
    folder.mkdir(parents=True)
    for lang, text in SHORT.items():
        (folder / f"{lang}.md").write_text(text, encoding="utf-8")
    found = _first_in_a_pool(tmp_path / "corpus")  # the Spanish version needs them
    dictionaries, profile_readings = found["before"]
    assert "es_ES" in dictionaries and profile_readings == 1
    assert found["after"] == found["before"]


def test_the_warm_up_document_holds_the_rules_examples_in_the_corpus_languages():
    rules = run_setup(BatchSettings(options=with_search_dir(CheckOptions()))).rules
    alignment = examples_alignment(rules, ("fr", "es", "de"))
    assert alignment.languages == ("fr", "es") and alignment.pivot == "fr"  # German: no example
    spanish = alignment.documents["es"].units
    assert any("ayduando" in unit.text for unit in spanish)  # SC01's Flags example
    assert len(spanish) > 20
    assert examples_alignment(rules, ("de", "fr")) is None  # a source without examples: nothing to pair
    assert examples_alignment(rules, ("fr",)) is None


def test_the_first_document_is_listed_ahead_and_handed_back_with_the_others(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    listed = list(iter_corpus(corpus, source="fr"))
    pulled = []

    def lazily():
        for document in listed:
            pulled.append(document.name)
            yield document

    first, documents = first_document(lazily())
    assert first.name == "doc-a" and pulled == ["doc-a"]
    assert [d.name for d in documents] == [d.name for d in listed]
    first, documents = first_document(iter(()))
    assert first is None and list(documents) == []


def test_a_warm_up_on_a_document_that_cannot_be_read_or_a_cat_file_does_not_fail(tmp_path):
    settings = BatchSettings(options=with_search_dir(CheckOptions()))
    broken = make_corpus(tmp_path / "corpus") / "doc-c"  # its English version is not UTF-8
    warm_up(settings, CorpusDocument("doc-c", (("fr", str(broken / "fr.md")), ("en", str(broken / "en.md")))))
    warm_up(settings, CorpusDocument("memo.tmx", (("", str(tmp_path / "memo.tmx")),), bilingual=True))
    warm_up(settings, None)
