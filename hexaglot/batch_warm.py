"""What a corpus worker loads once, loaded when it starts rather than during its first document.

A worker process of ``hexaglot batch`` loads much on first use: the rules, glossaries and
accepted findings (``run_setup``); langdetect's n-gram profiles (the declared-language check of
a version its commonest words do not confirm); the Hunspell dictionary of each target language;
the patterns the rules compile for each language (numbers, dates, references, spacing, the
document structure); the stemmers. Each is paid once per worker, by whichever document comes
first. ``warm_up`` pays them when the worker starts (the local pool's initializer, a Dask
worker's set-up), so that no document carries its worker's start: the rules are run once on a
one-row document made of their own docstring examples in the corpus's languages, which reaches
each rule's loading for each language without naming it, and its findings are dropped.

The languages are those of the corpus's first document (``corpus_languages``): loading the
dictionaries of languages the corpus does not have would cost a worker time and memory for
nothing. Nothing here changes a finding: what is loaded is what the first document would have
loaded, and the rules' caches are bounded and keyed so that a text's findings do not depend on
the texts checked before it.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Sequence

from aligner.corpus import CorpusDocument
from aligner.model import Alignment
from hexaglot.batch import BatchSettings, run_setup

#: How the examples of a cell are cut into units (``qa_rules.examples``).
_UNIT_SEP = " ¶ "


def warm_up(settings: BatchSettings, langs: Sequence[str] = ()) -> None:
    """Load what a worker checking documents in ``langs`` (source first) would load during its
    first one (see the module). Never raises: a bad glossary or config is each document's error,
    and a warm-up that fails leaves the loading to the first document, as without it."""
    try:
        setup = run_setup(settings)
    except Exception:  # noqa: BLE001 - every document will report it
        return
    from aligner.langid import load_profiles

    load_profiles()
    alignment = examples_alignment(setup.rules, langs)
    if alignment is None:
        return
    from qa_rules.engine import check

    try:
        check(alignment, setup.rules, setup.glossaries)
    except Exception:  # noqa: BLE001 - a rule that fails on its own examples fails on documents too, and says so there
        pass


def examples_alignment(rules: Iterable, langs: Sequence[str]) -> Alignment | None:
    """One row: in each of ``langs`` (the first one the source), every docstring example of
    ``rules`` written in that language, one unit each; None when fewer than two of ``langs``
    have examples (no pair to check)."""
    from qa_rules.examples import example_alignment

    texts: dict[str, dict[str, None]] = {lang: {} for lang in dict.fromkeys(langs)}
    for rule in rules:
        for example in _examples(rule):
            for lang, text in example.items():
                if lang in texts and text.strip():
                    texts[lang][text.strip()] = None
    row = {lang: _UNIT_SEP.join(found) for lang, found in texts.items() if found}
    if len(row) < 2 or next(iter(row)) != next(iter(texts)):
        return None
    return example_alignment(row, path_prefix="warm-up")


def _examples(rule) -> Iterator[dict[str, str]]:
    examples = rule.examples()
    for example in (*examples["flags"], *examples["passes"]):
        yield {lang: text for lang, text in example.items() if lang != "role"}


def corpus_languages(documents: Iterable[CorpusDocument]) -> tuple[tuple[str, ...], Iterator[CorpusDocument]]:
    """The languages of the first document of ``documents`` (source first; none for a CAT file,
    whose languages are inside it, or an empty corpus) and the documents, that one included:
    the corpus is listed lazily, and only its first document is read ahead."""
    pending = iter(documents)
    first = next(pending, None)
    if first is None:
        return (), iter(())

    def again() -> Iterator[CorpusDocument]:
        yield first
        yield from pending

    return (() if first.bilingual else first.languages), again()
