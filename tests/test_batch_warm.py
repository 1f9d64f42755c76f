"""A corpus worker loads what it needs when it starts (``hexaglot.batch_warm``), not during its first document."""

from __future__ import annotations

from aligner.corpus import CorpusDocument, iter_corpus
from hexaglot.batch import BatchSettings, check_document, run_setup, with_search_dir
from hexaglot.batch_run import local_results
from hexaglot.batch_warm import corpus_languages, examples_alignment
from qa_rules.run import CheckOptions
from tests.test_batch_run import make_corpus


def _loaded_around_first_document(document: CorpusDocument, settings: BatchSettings) -> dict:
    """A pool task: the Hunspell dictionaries and langdetect profile readings of the worker
    before and after it checks ``document``."""
    from aligner import langid
    from qa_rules.spelling import hunspell

    before = (hunspell.loaded(), langid._profiles.cache_info().misses)
    result = check_document(document, settings)
    after = (hunspell.loaded(), langid._profiles.cache_info().misses)
    return {"name": document.name, "before": before, "after": after, "error": result.error}


def test_pool_workers_load_the_corpus_languages_dictionaries_and_profiles_when_they_start(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")  # French sources, English versions
    settings = BatchSettings(options=with_search_dir(CheckOptions()))
    results = list(local_results(iter_corpus(corpus, source="fr"), settings, 1, _loaded_around_first_document))
    first = next(r for r in results if r["name"] == "doc-a")
    assert first["error"] is None
    dictionaries, profile_readings = first["before"]
    assert "en_GB" in dictionaries and profile_readings == 1  # loaded by the worker's start
    assert not {"es_ES", "ru_RU", "ar"} & set(dictionaries)  # nothing for languages the corpus lacks
    assert first["after"] == first["before"]  # the document itself loaded nothing more


def test_the_warm_up_document_holds_the_rules_examples_in_the_corpus_languages():
    rules = run_setup(BatchSettings(options=with_search_dir(CheckOptions()))).rules
    alignment = examples_alignment(rules, ("fr", "es", "de"))
    assert alignment.languages == ("fr", "es") and alignment.pivot == "fr"  # German: no example
    spanish = alignment.documents["es"].units
    assert any("ayduando" in unit.text for unit in spanish)  # SC01's Flags example
    assert len(spanish) > 20
    assert examples_alignment(rules, ("de", "fr")) is None  # a source without examples: nothing to pair
    assert examples_alignment(rules, ("fr",)) is None


def test_corpus_languages_reads_one_document_ahead_and_hands_back_all_of_them(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    listed = list(iter_corpus(corpus, source="fr"))
    pulled = []

    def lazily():
        for document in listed:
            pulled.append(document.name)
            yield document

    langs, documents = corpus_languages(lazily())
    assert langs == ("fr", "en") and pulled == ["doc-a"]
    assert [d.name for d in documents] == [d.name for d in listed]
    langs, documents = corpus_languages(iter(()))
    assert langs == () and list(documents) == []
    cat = CorpusDocument("memo.tmx", (("", str(tmp_path / "memo.tmx")),), bilingual=True)
    assert corpus_languages([cat])[0] == ()  # a CAT file's languages are inside it
