"""The installed hexaglot's version, for the signatures of aligned outputs.

Read from the package metadata rather than ``hexaglot.__version__``, so that
the aligner does not import the CLI package above it (as ``qa_rules.version``
does for the rule engine). hexaglot is always installed (``pip install``, or
``pip install -e`` in a checkout); if it is not, ``PackageNotFoundError`` says
so rather than an output signing itself with a made-up version.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def tool_version() -> str:
    from importlib.metadata import version

    return version("hexaglot")
