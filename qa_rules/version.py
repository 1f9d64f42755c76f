"""The installed hexaglot's version, for report signatures.

Read from the package metadata (``importlib.metadata``) rather than from
``hexaglot.__version__``, so that the rule engine does not import the CLI
package above it. hexaglot is always installed (``pip install``, or
``pip install -e`` in a checkout), so the metadata is there; if it is not,
``PackageNotFoundError`` says so rather than a report signing itself with a
made-up version.
"""

from __future__ import annotations

import sys
from functools import lru_cache


@lru_cache(maxsize=1)
def tool_version() -> str:
    # the command line has hexaglot loaded already: its version costs nothing, where reading
    # the package metadata imports importlib.metadata and email (tens of milliseconds)
    cli = sys.modules.get("hexaglot")
    if isinstance(getattr(cli, "__version__", None), str):
        return cli.__version__  # type: ignore[union-attr]
    from importlib.metadata import version

    return version("hexaglot")
