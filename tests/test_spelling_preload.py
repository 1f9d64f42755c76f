"""A check starts loading its Hunspell dictionaries in a background thread before it reads the
documents, each dictionary is loaded once whichever thread asks first, and a run that does not
select the spelling rules loads none."""

from __future__ import annotations

import threading

import pytest
from conftest import SAMPLE_SET

from qa_rules.run import CheckOptions, check_files, declared_languages
from qa_rules.spelling import common, hunspell


@pytest.fixture
def test_dictionary(tmp_path, monkeypatch):
    """A small dictionary ``xx_TEST`` on ``DICPATH``, the library present, caches emptied."""
    if isinstance(hunspell.library(), str):
        pytest.skip(hunspell.library())
    (tmp_path / "xx_TEST.aff").write_text("SET UTF-8\n", encoding="utf-8")
    (tmp_path / "xx_TEST.dic").write_text("2\nhello\nworld\n", encoding="utf-8")
    monkeypatch.setenv("DICPATH", str(tmp_path))
    hunspell.forget()
    yield "xx_TEST"
    hunspell.forget()


def test_a_dictionary_preloaded_is_loaded_once_in_the_background(test_dictionary, monkeypatch):
    created: list[tuple[str, str]] = []
    create = hunspell._create

    def counted(name):
        created.append((name, threading.current_thread().name))
        return create(name)

    monkeypatch.setattr(hunspell, "_create", counted)
    thread = hunspell.preload([test_dictionary, test_dictionary])
    assert hunspell.preload([test_dictionary]) is None  # already on its way: not a second thread
    loaded = hunspell.load(test_dictionary)  # waits for the thread's load, or finds it done
    thread.join()
    assert isinstance(loaded, hunspell.Dictionary) and loaded.checks("hello")
    assert hunspell.load(test_dictionary) is loaded
    assert created == [(test_dictionary, "hunspell-preload")]


def test_queuing_more_never_waits_for_a_load_under_way(test_dictionary, monkeypatch):
    """A second rule's ``preload`` (or a ``load`` of a dictionary already there) goes on while the
    background thread creates another: it once waited for the whole queue, which made the load
    that should overlap the reading and alignment a second of the main thread's time."""
    started, release = threading.Event(), threading.Event()
    events: list[str] = []
    create = hunspell._create

    def slow(name):
        if name == test_dictionary:
            started.set()
            release.wait(5)
            events.append("created")
        return create(name)

    monkeypatch.setattr(hunspell, "_create", slow)
    first = hunspell.preload([test_dictionary])
    assert started.wait(5)
    second = hunspell.preload(["xx_MISSING"])
    events.append("queued")
    release.set()
    first.join()
    second.join()
    assert events == ["queued", "created"]
    assert isinstance(hunspell.load(test_dictionary), hunspell.Dictionary)


def test_a_missing_dictionary_preloaded_is_the_same_sentence(test_dictionary):
    hunspell.preload(["xx_MISSING"]).join()
    assert hunspell.loaded() == ("xx_MISSING",)
    assert hunspell.load("xx_MISSING").startswith("no Hunspell dictionary xx_MISSING")


def test_declared_languages_come_from_lang_or_file_names():
    assert declared_languages(["a/en.md", "b/report_ES.md", "notes.md", "-"]) == ["en", "es"]
    assert declared_languages(["x.md", "y.md"], ["fr-CA", None]) == ["fr"]


def _preloaded(monkeypatch, **options) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(hunspell, "preload", lambda names: asked.extend(names))
    paths = [str(SAMPLE_SET / f"{lang}.md") for lang in ("fr", "en", "zh")]
    check_files(paths, CheckOptions(discover=False, default_glossaries=False, **options))
    return asked


def test_a_check_preloads_its_targets_dictionaries(monkeypatch):
    if not common.dictionary_names("en"):
        pytest.skip("no English Hunspell dictionary here")
    # the source is not judged for spelling, Chinese has no dictionary, English cites none
    assert set(_preloaded(monkeypatch, select=("SC01",))) == {"en_GB"}


def test_a_check_without_the_spelling_rules_preloads_nothing(monkeypatch):
    assert _preloaded(monkeypatch, ignore=("spelling",)) == []


def test_suggestions_wait_for_the_dictionaries_being_loaded(test_dictionary, monkeypatch):
    """Hunspell stops a suggestion's search after a budget of the process's CPU clock, which a
    loading thread advances too: a suggestion asked while another dictionary loads would find
    less. ``suggest`` waits for the queue to settle first."""
    loaded = hunspell.load(test_dictionary)
    started, release = threading.Event(), threading.Event()
    events: list[str] = []
    create = hunspell._create

    def slow(name):
        started.set()
        release.wait(5)
        events.append("loaded")
        return create(name)

    monkeypatch.setattr(hunspell, "_create", slow)
    thread = hunspell.preload(["xx_MISSING"])
    assert started.wait(5)
    asking = threading.Thread(target=lambda: events.append(("suggested", loaded.suggest("helo"))))
    asking.start()
    asking.join(0.5)  # it must still be waiting
    release.set()
    asking.join()
    thread.join()
    assert events[0] == "loaded" and events[1][0] == "suggested" and "hello" in events[1][1]


def test_whether_a_rule_can_run_is_known_without_loading_the_dictionary(monkeypatch):
    """The engine asks every rule whether it can run on each version before the first pair: the
    spelling rules answer from the files, so the check does not wait there for the dictionaries
    still loading in the background (it meets them, loaded, at its first spelling rule)."""
    from qa_rules.spelling.sc01_misspelling import Misspelling

    def no_load(name):
        raise AssertionError(f"{name} loaded to answer unavailable()")

    monkeypatch.setattr(hunspell, "load", no_load)
    for lang in ("en", "fr", "es", "ru", "zh", "ar"):
        assert Misspelling().unavailable(lang) == common.why_no_speller(lang)
    assert Misspelling().unavailable("zh") == common.speller("zh")  # no dictionary: the same sentence


def test_the_answer_from_the_files_is_the_loaded_one(test_dictionary, monkeypatch):
    """Where the library and a dictionary are installed, ``why_no_speller`` says so as ``speller``
    does once it has loaded it; where none of a language's dictionaries is, or the library is
    missing, it gives ``speller``'s sentence word for word."""
    from qa_rules import langdata

    real = langdata.value

    def with_test_language(lang, key, default=None):
        if lang == "en" and key == "spelling.dictionaries":
            return (test_dictionary,)
        if lang == "es" and key == "spelling.dictionaries":
            return ("yy_NONE",)
        return real(lang, key, default)

    monkeypatch.setattr(langdata, "value", with_test_language)
    common.speller.cache_clear()
    try:
        assert common.why_no_speller("en") is None
        assert isinstance(common.speller("en"), common.Speller)
        assert common.why_no_speller("es") == common.speller("es")
        assert "yy_NONE.dic" in common.why_no_speller("es")
        common.speller.cache_clear()
        hunspell.forget()
        monkeypatch.setattr(hunspell, "library", lambda: "the Hunspell library is not installed")
        assert common.why_no_speller("en") == common.speller("en")
        assert common.why_no_speller("en").startswith("the Hunspell library is not installed")
    finally:
        common.speller.cache_clear()


def test_a_check_of_an_alignment_preloads_its_target_languages(monkeypatch):
    """The engine itself starts the dictionaries of the alignment's target languages, for a caller
    that could not before reading (a TMX/XLIFF file's languages are inside it; the library called
    with an alignment): they load on the second core while the other rules run."""
    from aligner.align import align_documents
    from aligner.readers import read_document
    from qa_rules.engine import check
    from qa_rules.registry import rule_by_code

    asked: list[str] = []
    monkeypatch.setattr(common, "preload", lambda langs: asked.extend(langs))
    monkeypatch.setattr(common, "speller", lambda lang: "no dictionary in this test")
    alignment = align_documents([read_document(SAMPLE_SET / f"{lang}.md") for lang in ("fr", "en", "zh")])
    check(alignment, [rule_by_code("SC01"), rule_by_code("NU01")])
    assert asked == ["en", "zh"]  # the targets, not the source
