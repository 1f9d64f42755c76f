"""The bundled data (samples, glossaries), read through ``importlib.resources``.

Works the same from a checkout and after ``pip install .``, from any directory:
the sample sets are package data of ``hexaglot.samples`` (``samples/`` in the
repository, mapped in ``setup.cfg``).
"""

from __future__ import annotations

from contextlib import ExitStack
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable

from aligner.model import Document
from aligner.readers import read_document

#: The founding example: ECOSOC resolution 2023/26, the official French text and five working translations.
DEMO_SET = "E-RES-2023-26"
#: The order in which versions are shown: the French original first, then UN order.
DEMO_LANGUAGES: tuple[str, ...] = ("fr", "ar", "zh", "en", "ru", "es")


def samples_root() -> Traversable:
    return files("hexaglot.samples")


def sample_sets() -> list[str]:
    """Names of the bundled sample sets (folders of ``hexaglot.samples``)."""
    return sorted(entry.name for entry in samples_root().iterdir()
                  if entry.is_dir() and not entry.name.startswith(("_", ".")))


def sample_file(set_name: str, lang: str) -> Traversable | None:
    """The bundled ``<set>/<lang>.md``, or None if that version is not bundled."""
    entry = samples_root() / set_name / f"{lang}.md"
    return entry if entry.is_file() else None


def read_sample(set_name: str, lang: str, stack: ExitStack | None = None) -> Document | None:
    """Read one bundled version into a ``Document`` (None if it is not bundled).

    The document's ``path`` is a real file path; pass an ``ExitStack`` to keep a
    temporary copy alive when the package is installed zipped.
    """
    entry = sample_file(set_name, lang)
    if entry is None:
        return None
    if stack is None:
        with as_file(entry) as path:
            return read_document(path, lang=lang, input_format="md")
    path = stack.enter_context(as_file(entry))
    return read_document(path, lang=lang, input_format="md")
