"""What a corpus worker loads once, loaded when it starts rather than during its first document.

A worker process of ``hexaglot batch`` loads much on first use: the rules, glossaries and
accepted findings (``run_setup``); langdetect's n-gram profiles (the declared-language check of
a version its commonest words do not confirm); the Hunspell dictionary of each target language;
the patterns the rules compile for each language (numbers, dates, references, spacing, the
document structure); the stemmers. Each is paid once per worker, by whichever document comes
first. ``warm_up`` pays them when the worker starts (the local pool's initializer, a Dask
worker's set-up), so that no document carries its worker's start:

- it reads the corpus's first document (``first_document``), which loads what reading needs:
  langdetect's profiles only if a version of it needs them (23 MiB a worker, which a corpus
  whose versions' commonest words confirm their languages never reads);
- it runs the rules once on a one-row document made of their own docstring examples in that
  document's languages, which reaches each rule's loading for each language without naming it
  (the dictionaries of languages the corpus does not have are not loaded), and drops the
  findings;
- it sets what the worker holds then aside from the garbage collector (``set_aside``): it lives
  as long as the worker, and each full collection would walk it again.

Nothing here changes a finding: what is loaded is what the first document would have loaded,
and the rules' caches are bounded and keyed so that a text's findings do not depend on the
texts checked before it.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Sequence

from aligner.corpus import CorpusDocument
from aligner.model import Alignment
from hexaglot.batch import BatchSettings, run_setup

#: How the examples of a cell are cut into units (``qa_rules.examples``).
_UNIT_SEP = " ¶ "


def warm_up(settings: BatchSettings, first: CorpusDocument | None = None) -> None:
    """Load what a worker would load during its first document, the corpus's ``first`` (see the
    module), then set what is loaded aside from the garbage collector (``gc.freeze``). Never
    raises: a bad glossary, config or document is each document's error, and a warm-up that
    fails leaves the loading to the first document, as without it."""
    try:
        setup = run_setup(settings)
    except Exception:  # noqa: BLE001 - every document will report it
        return
    if first is not None and not first.problem and not first.bilingual:  # a CAT file's languages are inside it
        _load_for(setup, first)
    set_aside()


def _load_for(setup, first: CorpusDocument) -> None:
    from qa_rules.engine import check
    from qa_rules.run import read_versions

    try:
        read_versions(first.paths, first.languages)
    except Exception:  # noqa: BLE001 - the document's own check reports it
        pass
    alignment = examples_alignment(setup.rules, first.languages)
    if alignment is None:
        return
    try:
        check(alignment, setup.rules, setup.glossaries)
    except Exception:  # noqa: BLE001 - a rule that fails on its own examples fails on documents too, and says so there
        pass


def set_aside() -> None:
    """Move every object the process holds now (the rules, glossaries, dictionaries, compiled
    patterns: kept for the process's life) out of the garbage collector's reach (``gc.freeze``),
    its garbage collected first. A full collection walks every object it tracks; with these left
    in, each one a worker makes while checking documents walked hundreds of thousands of
    objects that never die, 0.05 to 0.3 CPU s of a document new to the worker."""
    import gc

    gc.collect()
    gc.freeze()


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


def first_document(documents: Iterable[CorpusDocument]) -> tuple[CorpusDocument | None, Iterator[CorpusDocument]]:
    """The first of ``documents`` (None for an empty corpus) and the documents, that one
    included: the corpus is listed lazily, and only its first document is listed ahead."""
    pending = iter(documents)
    first = next(pending, None)
    if first is None:
        return None, iter(())

    def again() -> Iterator[CorpusDocument]:
        yield first
        yield from pending

    return first, again()
