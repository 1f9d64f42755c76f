"""The installed hexaglot's version, for the signatures of aligned outputs.

Read without importing ``hexaglot``, so that the aligner does not import the CLI
package above it (as ``qa_rules.version`` does for the rule engine). In order:

1. when the command line has already loaded ``hexaglot``, its ``__version__``;
2. the ``__version__ = "..."`` line of the package's ``__init__.py``, found by
   the import system without running it: the version of record (``setup.cfg``
   reads the same attribute), for about a millisecond;
3. the package metadata, should that line be missing: importing
   ``importlib.metadata`` costs tens of milliseconds, a tenth of a small
   alignment. If hexaglot is not installed either, ``PackageNotFoundError``
   says so rather than an output signing itself with a made-up version.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

_VERSION_LINE = re.compile(r"""^__version__\s*=\s*["']([^"'\s]+)["']\s*$""", re.MULTILINE)


@lru_cache(maxsize=1)
def tool_version() -> str:
    cli = sys.modules.get("hexaglot")
    if isinstance(getattr(cli, "__version__", None), str):
        return cli.__version__  # type: ignore[union-attr]
    found = _declared_version()
    if found is not None:
        return found
    from importlib.metadata import version

    return version("hexaglot")


def _declared_version() -> str | None:
    """The version ``hexaglot/__init__.py`` declares, read as text; None if unreadable."""
    from importlib.util import find_spec

    try:
        spec = find_spec("hexaglot")
        if spec is None or not spec.origin:
            return None
        with open(spec.origin, encoding="utf-8") as handle:
            match = _VERSION_LINE.search(handle.read())
    except (OSError, ImportError, ValueError, UnicodeDecodeError):
        return None
    return match.group(1) if match else None
