"""The limits hexaglot puts on what it reads, in one place (see docs/security.md).

A UN resolution is 20-100 kB of text and a 100-page report a few MB; these
limits sit far above real documents and far below what would exhaust the
machine. Each can be raised for one run with an environment variable holding a
number of MiB (``HEXAGLOT_MAX_INPUT_MB``, ``HEXAGLOT_MAX_UNPACKED_MB``), for a
user whose real file is larger.
"""

from __future__ import annotations

import os

MiB = 1024 * 1024


def _mib(variable: str, default: int) -> int:
    value = os.environ.get(variable, "")
    try:
        return max(1, int(float(value) * MiB)) if value.strip() else default * MiB
    except ValueError:
        return default * MiB


#: Largest file read as an input: a document, CAT file, glossary, config or accept file.
MAX_INPUT_BYTES = _mib("HEXAGLOT_MAX_INPUT_MB", 64)
#: Largest total of a .docx/.xlsx package's members once unpacked.
MAX_UNPACKED_BYTES = _mib("HEXAGLOT_MAX_UNPACKED_MB", 256)
#: Largest compression ratio of a package member over ``RATIO_FLOOR`` bytes: XML text
#: compresses 5-30 times; a zip bomb, a thousand times and more.
MAX_COMPRESSION_RATIO = 200
RATIO_FLOOR = 1 * MiB
#: Longest paragraph (or line, in the lines format) read, in characters: the longest
#: paragraph of the sample resolutions has 1,311; a file with a longer one is not a document
#: (a log, a data dump, text without paragraph breaks) and is refused early (aligner.structure).
MAX_PARAGRAPH_CHARS = 50_000
#: Largest TOML file (config, accept list) and its deepest nesting of arrays and tables.
MAX_TOML_BYTES = 1 * MiB
MAX_TOML_DEPTH = 100


def limit_for(variable: str) -> str:
    """How a user raises a limit, for error messages: ``set HEXAGLOT_MAX_INPUT_MB to raise it``."""
    return f"set {variable} (MiB) to raise the limit"
