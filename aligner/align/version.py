"""The installed hexaglot's version, for the signatures of aligned outputs.

Read from the package metadata rather than by importing ``hexaglot``, so that
the aligner does not import the CLI package above it (as ``qa_rules.version``
does for the rule engine); when the command line has already loaded it, its
``__version__`` is read instead (the metadata costs tens of milliseconds). hexaglot is always installed (``pip install``, or
``pip install -e`` in a checkout); if it is not, ``PackageNotFoundError`` says
so rather than an output signing itself with a made-up version.
"""

from __future__ import annotations

import sys
from functools import lru_cache


@lru_cache(maxsize=1)
def tool_version() -> str:
    # the command line has hexaglot loaded already: its version costs nothing,
    # where reading the package metadata costs tens of milliseconds
    cli = sys.modules.get("hexaglot")
    if isinstance(getattr(cli, "__version__", None), str):
        return cli.__version__  # type: ignore[union-attr]
    from importlib.metadata import version

    return version("hexaglot")
