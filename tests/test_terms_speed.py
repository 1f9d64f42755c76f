"""Terminology is cheap: each text matched once per run, matchers built only for the languages a
run needs, words no term can contain never stemmed (timings: benchmarks/term_rules_speed.py)."""

from __future__ import annotations

import json


from qa_rules.engine import check
from qa_rules.examples import example_alignment
from qa_rules.glossary import bundled_glossaries, matcher as matcher_module, normalise
from qa_rules.glossary.matcher import Matcher, matcher_for
from qa_rules.terminology import common
from qa_rules.terminology.te01_missing_term import MissingTerm
from qa_rules.terminology.te02_rejected_term import RejectedTerm
from qa_rules.terminology.te03_country_outdated import OutdatedCountryName
from qa_rules.terminology.te04_country_form import CountryNameForm
from qa_rules.terminology.te05_inconsistent_term import InconsistentTerm

GLOSSARIES = bundled_glossaries()
TE_RULES = [MissingTerm, RejectedTerm, OutdatedCountryName, CountryNameForm, InconsistentTerm]


def test_a_two_language_check_builds_matchers_for_those_two_languages_only(monkeypatch):
    """TE01 asks whether a missing term is written in another language's form; that used to
    build the whole index of every other language (4 more matchers for a fr-en check)."""
    monkeypatch.setattr(matcher_module, "_CACHE", {})
    example = {"fr": "Prie l'Office d'aider les États Membres à faire face aux combattants terroristes étrangers ;",
               "en": "Requests the Office to assist Member States in addressing foreign fighters;"}
    findings = check(example_alignment(example), [MissingTerm], GLOSSARIES).findings
    assert [f.rule for f in findings] == ["TE01"]  # the check still reaches the other-language test
    assert {key[0] for key in matcher_module._CACHE} == {"fr", "en"}


def test_each_text_is_matched_once_per_run_and_the_matches_live_in_the_run(monkeypatch):
    calls = []
    real = Matcher.find_both
    monkeypatch.setattr(Matcher, "find_both", lambda self, text: calls.append((self.lang, text)) or real(self, text))
    before = len(common._MATCHES)
    example = {"fr": "Prie l'Office des Nations Unies contre la drogue et le crime d'aider la Libye,",
               "en": "Requests the United Nations Office on Drugs and Crime to assist Libya,",
               "es": "Pide a la Oficina de las Naciones Unidas contra la Droga y el Delito que ayude a Libia,"}
    example = {lang: text + " (bis)" for lang, text in example.items()}  # texts no earlier test has matched
    check(example_alignment(example), TE_RULES, GLOSSARIES)
    assert sorted(calls) == sorted(set(calls)) and len(calls) == 3  # five rules, one scan per text
    assert len(common._MATCHES) <= min(before + 3, common._KEPT)  # and kept lately for the next run
    check(example_alignment(example), TE_RULES, GLOSSARIES)
    assert len(calls) == 3  # the next run of the same texts scans none again


def _words(sample_set, shared_data) -> dict[str, set[str]]:
    words: dict[str, set[str]] = {lang: set() for lang in normalise.PREFIX_STEMS}
    texts = {lang: [(sample_set / f"{lang}.md").read_text(encoding="utf-8")] for lang in words}
    for line in (shared_data / "opus-un-6way/A-RES-55-100.jsonl").open(encoding="utf-8"):
        unit = json.loads(line)
        for lang in words:
            texts[lang].append(unit.get(lang, ""))
    for glossary in GLOSSARIES:
        for concept in glossary.concepts:
            for term in concept.terms:
                if term.lang in texts:
                    texts[term.lang].append(term.text)
    for lang, chunks in texts.items():
        for chunk in chunks:
            words[lang].update(m.group() for m in normalise._TOKEN.finditer(chunk))
    return words


def test_a_long_words_stem_begins_with_its_first_three_letters(sample_set, shared_data):
    """What lets the matcher find a long word's index bucket without stemming it (key_start)."""
    wrong = []
    for lang, words in _words(sample_set, shared_data).items():
        for word in words:
            before, key = normalise.stem_input(word, lang), normalise.word_key(word, lang)
            if len(before) >= normalise.PREFIX_STEM_MIN_LENGTH and (len(key) < 3 or key[:3] != before[:3]):
                wrong.append((lang, word, key))
    assert wrong == []


def test_words_no_term_begins_like_are_not_stemmed_nor_terms_no_text_reaches(monkeypatch, sample_set):
    stemmed = []
    real = normalise.word_key
    monkeypatch.setattr(normalise, "word_key", lambda word, lang: stemmed.append(word) or real(word, lang))
    monkeypatch.setattr(matcher_module, "word_key", normalise.word_key)
    monkeypatch.setattr(matcher_module, "_CACHE", {})
    matcher = matcher_for(GLOSSARIES, "en")
    built = len(stemmed)
    matcher.find("Notwithstanding, quizzically and wholeheartedly, foreign terrorist fighters")
    assert not {"Notwithstanding", "quizzically", "wholeheartedly"} & set(stemmed[built:])
    assert "fighters" in stemmed[built:]
    # the 2,000 country names are not all stemmed to look for one term
    english_words = sum(len(t.text.split()) for g in GLOSSARIES for c in g.concepts for t in c.terms if t.lang == "en")
    assert len(stemmed) < english_words / 3


def test_keying_buckets_lazily_finds_the_same_terms_as_keying_all_first(sample_set):
    for lang in ("en", "fr", "es", "ru", "ar", "zh"):
        entries = [(t, c, g.name) for g in GLOSSARIES for c in g.concepts for t in c.terms]
        lazy, eager = Matcher(lang, entries), Matcher(lang, entries)
        for start in list(eager._coarse):
            eager._refine(start)
        for paragraph in (sample_set / f"{lang}.md").read_text(encoding="utf-8").split("\n\n"):
            assert lazy.find_both(paragraph) == eager.find_both(paragraph)
        assert lazy._coarse, lang  # terms no paragraph reached were never keyed
