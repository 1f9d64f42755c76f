"""``hexaglot check`` as a library call: files in, a ``Report`` out.

The CLI builds one frozen ``CheckOptions`` (command-line options over the
config file over the defaults here) and calls ``check_files``; it only renders
what comes back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from aligner.errors import InputError
from qa_rules.accept import DEFAULT_ACCEPT_FILE, load_accept
from qa_rules.config import RunConfig, load_config, rules_from_config
from qa_rules.engine import Report, check


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
    langs: tuple[str | None, ...] = field(default=())
    #: ``--previous OLD_SOURCE OLD_TARGET``: the earlier version, for recycled text (CO09).
    previous: tuple[str, ...] = ()


def resolved_config(options: CheckOptions) -> RunConfig:
    return load_config(options.config, search_dir=options.search_dir)


def load_run_glossaries(paths: Sequence[str], include_default: bool) -> tuple:
    """The glossaries of the run (the terminology package reads them)."""
    from qa_rules.glossary import load_glossaries

    return tuple(load_glossaries(list(paths), include_default=include_default))


def check_files(paths: Sequence[str], options: CheckOptions = CheckOptions()) -> Report:
    """Read ``paths`` (source first), align them, run the selected rules."""
    from aligner.readers import read_document

    if len(paths) < 2:
        raise InputError(paths[0] if paths else "check", "give a source and at least one target document")
    config = resolved_config(options)
    rules = rules_from_config(config, select=options.select, ignore=options.ignore)
    if options.previous:  # recycled text (qa_rules.previous, CO09)
        from qa_rules.previous import load_previous, with_previous

        rules = with_previous(rules, load_previous(options.previous))
    langs = options.langs or (None,) * len(paths)
    documents = [read_document(path, lang=lang) for path, lang in zip(paths, langs)]
    seen: dict[str, str] = {}
    for doc in documents:
        if doc.lang in seen:
            raise InputError(doc.path, f"is in {doc.lang}, like {seen[doc.lang]}; give one document per language")
        seen[doc.lang] = doc.path
    level = options.level or config.level
    from aligner.align import align_documents

    alignment = align_documents(documents, level=level)
    glossary_paths = options.glossaries or config.glossaries
    include_default = config.default_glossaries if options.default_glossaries is None else options.default_glossaries
    glossaries = load_run_glossaries(glossary_paths, include_default)
    accept_path = options.accept or config.accept
    if accept_path is None and (Path(options.search_dir) / DEFAULT_ACCEPT_FILE).is_file():
        accept_path = str(Path(options.search_dir) / DEFAULT_ACCEPT_FILE)
    accept = load_accept(accept_path) if accept_path else ()
    return check(
        alignment,
        rules,
        glossaries,
        accept=accept,
        options={"level": level, "accept": bool(accept)},
    )
