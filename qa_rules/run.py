"""``hexaglot check`` as a library call: files in, a ``Report`` out.

The CLI builds one frozen ``CheckOptions`` and calls ``check_paths``, which
reads the configuration once, decides between separate documents
(``check_files``) and one pre-aligned CAT-tool file
(``qa_rules.cat_input.check_cat_file``), and returns the report with the
configuration it used (the CLI reads ``fail_on`` and ``format`` from it). What
every kind of run shares (rules, ``--previous``, glossaries, accepted findings)
is prepared in one place, ``prepare_run``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from aligner.errors import InputError
from aligner.model import Alignment, Document
from qa_rules.accept import DEFAULT_ACCEPT_FILE, AcceptEntry, load_accept
from qa_rules.base import Rule
from qa_rules.config import RunConfig, load_config, rules_from_config
from qa_rules.engine import Report, StreamedReport, check, check_stream, preload

#: What ``check`` says when it is given neither two documents nor one TMX/XLIFF file.
NEEDS_FILES = "needs a SOURCE and at least one TARGET (or one TMX/XLIFF file)"


@dataclass(frozen=True)
class CheckOptions:
    """Everything one check run depends on (``None`` = take it from the config file)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    config: str | None = None
    accept: str | None = None
    glossaries: tuple[str, ...] = ()
    default_glossaries: bool | None = None
    level: str | None = None
    search_dir: str = "."
    #: Look for a config file in ``search_dir`` and the folders above it (``find_config``);
    #: False runs with the library defaults unless ``config`` names a file.
    discover: bool = True
    langs: tuple[str | None, ...] = field(default=())
    #: ``--previous OLD_SOURCE OLD_TARGET`` pairs: the earlier source and its earlier translation
    #: into one target language, for recycled text (CO09); one pair per target language at most.
    previous: tuple[tuple[str, str], ...] = ()
    #: A corrected alignment (TSV, CSV, XLSX or JSON from ``hexaglot align``) used instead of aligning.
    alignment: str | None = None


@dataclass(frozen=True)
class RunSetup:
    """What a run needs besides its documents: configured rules, glossaries, accepted findings."""

    config: RunConfig
    rules: tuple[Rule, ...]
    glossaries: tuple
    accept: tuple[AcceptEntry, ...]


def resolved_config(options: CheckOptions) -> RunConfig:
    if options.config is None and not options.discover:
        return RunConfig()
    return load_config(options.config, search_dir=options.search_dir)


def load_run_glossaries(paths: Sequence[str], include_default: bool) -> tuple:
    """The glossaries of the run (the terminology package reads them)."""
    from qa_rules.glossary import load_glossaries

    return tuple(load_glossaries(list(paths), include_default=include_default))


def prepare_run(
    options: CheckOptions,
    config: RunConfig,
    source_lang: str,
    target_langs: Sequence[str],
    extra_rules: Sequence[Rule] = (),
    selected: Sequence[Rule] | None = None,
) -> RunSetup:
    """Rules (CLI selection over the file's, with ``--previous``), glossaries and accepted findings.
    ``selected``: the rules of the selection when the caller has made them already."""
    if selected is None:
        selected = rules_from_config(config, select=options.select, ignore=options.ignore)
    rules = tuple(selected) + tuple(extra_rules)
    if options.previous:  # recycled text (qa_rules.previous, CO09)
        from qa_rules.previous import load_previous, with_previous

        rules = with_previous(rules, load_previous(options.previous, source_lang, target_langs))
    glossary_paths = options.glossaries or config.glossaries
    include_default = config.default_glossaries if options.default_glossaries is None else options.default_glossaries
    glossaries = load_run_glossaries(glossary_paths, include_default)
    accept_path = options.accept or config.accept
    if accept_path is None and (Path(options.search_dir) / DEFAULT_ACCEPT_FILE).is_file():
        accept_path = str(Path(options.search_dir) / DEFAULT_ACCEPT_FILE)
    accept = tuple(load_accept(accept_path)) if accept_path else ()
    return RunSetup(config=config, rules=rules, glossaries=glossaries, accept=accept)


def check_paths(paths: Sequence[str], options: CheckOptions = CheckOptions(), *,
                streamed: bool = False,
                before_rules: Callable[[], None] | None = None) -> tuple[Report | StreamedReport, RunConfig]:
    """``hexaglot check FILES``: two or more documents (source first), or one TMX/XLIFF file.
    ``streamed``: the findings are read back one by one from disk (``StreamedReport``), as a
    report written finding by finding needs, instead of held in a ``Report``. ``before_rules``:
    called once, when what the run keeps is loaded and the documents are aligned (a TMX/XLIFF
    file: read), before the rules run."""
    if not paths:
        raise InputError("check", NEEDS_FILES)
    config = resolved_config(options)
    if len(paths) == 1:
        from aligner.readers.bilingual import is_bilingual

        if not is_bilingual(paths[0]):
            raise InputError(paths[0], f"is one document; check {NEEDS_FILES}")
        if options.alignment:
            raise InputError("--alignment", f"{paths[0]} is already aligned; --alignment goes with separate documents")
        from qa_rules.cat_input import check_cat_file

        return check_cat_file(paths[0], options, config=config, streamed=streamed, before_rules=before_rules), config
    return check_files(paths, options, config=config, streamed=streamed, before_rules=before_rules), config


def check_files(paths: Sequence[str], options: CheckOptions = CheckOptions(), *, config: RunConfig | None = None,
                streamed: bool = False, before_rules: Callable[[], None] | None = None) -> Report | StreamedReport:
    """Read ``paths`` (source first), align them (or read ``options.alignment``), run the selected rules
    (``streamed``, ``before_rules``: as ``check_paths``)."""
    if len(paths) < 2:
        raise InputError(paths[0] if paths else "check", "give a source and at least one target document")
    config = config or resolved_config(options)
    selected = rules_from_config(config, select=options.select, ignore=options.ignore)
    preload(selected, declared_languages(paths[1:], options.langs[1:]))
    documents = read_versions(paths, options.langs)
    corrected = None
    if options.alignment:  # read before the rules and glossaries: a file that does not fit stops here
        from aligner.readers.alignment_file import read_alignment_file

        corrected = read_alignment_file(options.alignment, documents)
        if options.level and options.level != corrected.level:
            raise InputError("--level", f"is {options.level}, but {options.alignment} aligns by {corrected.level}; "
                                        "leave --level out, or align again at that level")
    setup = prepare_run(options, config, documents[0].lang, [doc.lang for doc in documents[1:]], selected=selected)
    if corrected is None:
        from aligner.align import align_documents

        level = options.level or config.level
        aligned = align_documents(documents, level=level)
    else:
        level, aligned = corrected.level, corrected
    if before_rules is not None:
        before_rules()
    return check_alignment(aligned, setup, level, streamed=streamed)


def declared_languages(paths: Sequence[str], langs: Sequence[str | None] = ()) -> list[str]:
    """The languages ``paths`` are declared in before they are read (``--lang``, else the file
    name; a path that declares none is left out): what ``preload`` can start on."""
    from aligner.langid import lang_from_name

    langs = tuple(langs) or (None,) * len(paths)
    found = [(lang or lang_from_name(path) or "").lower().replace("_", "-").split("-")[0]
             for path, lang in zip(paths, langs)]
    return [lang for lang in found if lang]


def read_versions(paths: Sequence[str], langs: Sequence[str | None] = ()) -> list[Document]:
    """The documents of a check (source first); ``InputError`` if two are in one language."""
    from aligner.readers import read_document

    langs = tuple(langs) or (None,) * len(paths)
    documents = [read_document(path, lang=lang) for path, lang in zip(paths, langs)]
    seen: dict[str, str] = {}
    for doc in documents:
        if doc.lang in seen:
            raise InputError(doc.path, f"is in {doc.lang}, like {seen[doc.lang]}; give one document per language")
        seen[doc.lang] = doc.path
    return documents


def check_alignment(alignment: Alignment, setup: RunSetup, level: str, *,
                    streamed: bool = False) -> Report | StreamedReport:
    """The rules of ``setup`` over the alignment of separate documents (aligned by ``level``)."""
    return (check_stream if streamed else check)(
        alignment,
        setup.rules,
        setup.glossaries,
        accept=setup.accept,
        options={"level": level, "accept": bool(setup.accept)},
        systematic=setup.config.systematic,
    )
