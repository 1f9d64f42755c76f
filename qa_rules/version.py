"""The installed hexaglot's version, for report signatures.

Read from the package metadata (``importlib.metadata``) rather than from
``hexaglot.__version__``, so that the rule engine does not import the CLI
package above it. hexaglot is always installed (``pip install``, or
``pip install -e`` in a checkout), so the metadata is there; if it is not,
``PackageNotFoundError`` says so rather than a report signing itself with a
made-up version.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def tool_version() -> str:
    from importlib.metadata import version

    return version("hexaglot")
