"""A corpus: a folder of documents, listed one ``CorpusDocument`` at a time.

Three layouts (``LAYOUTS``), detected by ``detect_layout`` or named:

- ``folders``: one folder per document, one file per language named by its
  language (``E-RES-2023-26/fr.md``, ``E-RES-2023-26/en.md``, as in the bundled
  samples); folders may nest (``2023/E-RES-2023-26/``), the document's name is
  its folder's path under the corpus;
- ``un``: the United Nations Parallel Corpus layout, one tree per language with
  the same relative path in each (``fr/2000/a_res_55_100.txt``,
  ``en/2000/a_res_55_100.txt``); the document's name is that path less its
  extension;
- ``cat``: CAT-tool files (TMX, XLIFF), each one bilingual document; the name
  is the file's path under the corpus.

``iter_corpus`` is a generator: it lists files, never reads them, so a corpus
of any size costs memory for one document at a time. Documents come in name
order (in the ``un`` layout, those without a source version last), so two runs over the same corpus see them in the same order. A document
the layout already shows to be unusable (its source language missing, two files
in one language) still comes out, with ``problem`` saying what is wrong, so
the run can list it instead of losing it::

    >>> docs = list(iter_corpus("samples", source="fr"))
    >>> [(d.name, d.languages) for d in docs][:1]
    [('A-RES-55-100', ('fr', 'ar', 'en', 'es', 'ru', 'zh'))]
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from aligner.errors import InputError
from aligner.langid import ISO_639_1, lang_from_name

#: The corpus layouts ``iter_corpus`` reads.
LAYOUTS: tuple[str, ...] = ("folders", "un", "cat")

#: Extensions of one-language documents in the ``folders`` and ``un`` layouts
#: (a language code as extension, ``dev.fr``, is read as one segment per line).
DOCUMENT_EXTENSIONS: tuple[str, ...] = (".md", ".markdown", ".txt", ".text", ".docx")


@dataclass(frozen=True)
class CorpusDocument:
    """One document of a corpus: its name and its files, source first.

    ``files`` holds ``(lang, path)`` pairs for separate versions, or one
    ``("", path)`` pair for a bilingual CAT-tool file (``bilingual``), whose
    languages are inside it. ``problem`` is set when the layout alone shows
    the document cannot be checked.
    """

    name: str
    files: tuple[tuple[str, str], ...]
    bilingual: bool = False
    problem: str | None = None
    #: The path an error about the whole document names: its folder, its CAT file, or (UN
    #: layout) its source file.
    location: str = ""

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(lang for lang, _ in self.files if lang)

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(path for _, path in self.files)

    @property
    def where(self) -> str:
        return self.location or self.name


def _visible(name: str) -> bool:
    return not name.startswith(".")


def _sorted_walk(root: Path) -> Iterator[tuple[Path, list[str]]]:
    """``os.walk`` in name order, hidden folders and files skipped; yields (folder, files)."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if _visible(d))
        yield Path(folder), sorted(f for f in files if _visible(f))


def _is_document_file(name: str) -> bool:
    lower = name.lower()
    if lower.endswith(DOCUMENT_EXTENSIONS):
        return True
    ext = lower.rpartition(".")[2] if "." in lower else ""
    return ext in ISO_639_1


def _language_folders(root: Path) -> list[str]:
    return sorted(entry.name for entry in root.iterdir() if entry.is_dir() and entry.name in ISO_639_1)


def detect_layout(root: str | os.PathLike) -> str:
    """The layout of the corpus at ``root``: ``un`` if it holds two or more folders named by a
    language code, ``cat`` if it holds TMX/XLIFF files and no document folders, else ``folders``."""
    from aligner.readers.bilingual import is_bilingual  # lxml: only when a corpus is read

    base = _root(root)
    if len(_language_folders(base)) >= 2:
        return "un"
    has_cat = has_versions = False
    for folder, files in _sorted_walk(base):
        has_cat = has_cat or any(is_bilingual(f) for f in files)
        has_versions = has_versions or any(_is_document_file(f) and lang_from_name(f) for f in files)
        if has_versions:
            return "folders"
    return "cat" if has_cat else "folders"


def _root(root: str | os.PathLike) -> Path:
    base = Path(root)
    if not base.exists():
        raise InputError(str(root), "no such folder")
    if not base.is_dir():
        raise InputError(str(root), "is not a folder; give the folder that holds the corpus")
    return base


def iter_corpus(root: str | os.PathLike, *, layout: str | None = None, source: str = "en",
                languages: Sequence[str] = ()) -> Iterator[CorpusDocument]:
    """The documents of the corpus at ``root``, in name order.

    ``layout``: one of ``LAYOUTS`` (None: ``detect_layout``). ``source``: the
    language checked against (its file comes first). ``languages``: versions
    every document must have besides the source; a document missing one has
    a ``problem``. ``InputError`` if ``root`` is not a folder or the layout unknown.
    """
    base = _root(root)
    chosen = layout or detect_layout(base)
    if chosen not in LAYOUTS:
        raise InputError(str(root), f"unknown corpus layout {chosen!r} (known: {', '.join(LAYOUTS)})")
    required = tuple(lang for lang in dict.fromkeys(languages) if lang != source)
    if chosen == "cat":
        yield from _cat_documents(base)
    elif chosen == "un":
        yield from _un_documents(base, source, required)
    else:
        yield from _folder_documents(base, source, required)


def _document(name: str, found: dict[str, list[str]], source: str, required: tuple[str, ...],
              location: str) -> CorpusDocument:
    """A document from the files found per language, with the layout's problem if any."""
    twice = sorted(lang for lang, paths in found.items() if len(paths) > 1)
    order = [source] + sorted(lang for lang in found if lang != source)
    files = tuple((lang, found[lang][0]) for lang in order if lang in found)
    problem = None
    if twice:
        lang = twice[0]
        problem = f"has {len(found[lang])} files in {lang} ({', '.join(Path(p).name for p in found[lang])}); keep one"
    elif source not in found:
        problem = f"has no {source} (source) version" + ("" if Path(location).is_dir() else " (no such file)")
    elif len(found) < 2:
        problem = f"has only its {source} (source) version; nothing to check it against"
    elif missing := [lang for lang in required if lang not in found]:
        problem = f"has no {', '.join(missing)} version"
    return CorpusDocument(name=name, files=files, problem=problem, location=location)


def _folder_documents(base: Path, source: str, required: tuple[str, ...]) -> Iterator[CorpusDocument]:
    for folder, files in _sorted_walk(base):
        found: dict[str, list[str]] = {}
        for name in files:
            lang = lang_from_name(name) if _is_document_file(name) else None
            if lang:
                found.setdefault(lang, []).append(str(folder / name))
        if found:
            name = folder.relative_to(base).as_posix()
            yield _document(base.name if name == "." else name, found, source, required, str(folder))


def _un_documents(base: Path, source: str, required: tuple[str, ...]) -> Iterator[CorpusDocument]:
    langs = _language_folders(base)
    if source not in langs:
        raise InputError(str(base), f"has no {source}/ folder (language folders: {', '.join(langs)}); "
                                    "give the source language with --source")
    order = [source] + [lang for lang in langs if lang != source]
    # the source tree's paths, then the paths only other languages have (listed with their problem)
    for i, tree in enumerate(order):
        for folder, files in _sorted_walk(base / tree):
            for name in files:
                if not _is_document_file(name):
                    continue
                rel = (folder / name).relative_to(base / tree)
                if any((base / earlier / rel).is_file() for earlier in order[:i]):
                    continue  # listed with an earlier tree
                found = {lang: [str(base / lang / rel)] for lang in langs if (base / lang / rel).is_file()}
                yield _document(rel.with_suffix("").as_posix(), found, source, required, str(base / source / rel))


def _cat_documents(base: Path) -> Iterator[CorpusDocument]:
    from aligner.readers.bilingual import BILINGUAL_EXTENSIONS

    for folder, files in _sorted_walk(base):
        for name in files:
            if name.lower().endswith(BILINGUAL_EXTENSIONS):
                path = folder / name
                yield CorpusDocument(name=path.relative_to(base).as_posix(), files=(("", str(path)),), bilingual=True,
                                     location=str(path))
