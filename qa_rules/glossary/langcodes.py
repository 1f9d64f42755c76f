"""Language codes a glossary may use: ISO 639-1, with an optional region.

``en``, ``fr-FR``, ``zh-Hans``, ``ES`` are accepted and normalised to the
primary subtag in lower case (``en``, ``fr``, ``zh``, ``es``); anything else
(``xx``, ``english``, ``e``) is an unknown language code and the reader
raises ``InputError`` naming the file and line.
"""

from __future__ import annotations

import re

from aligner.langid import ISO_639_1  # one list of codes for documents and glossaries

_TAG = re.compile(r"^([A-Za-z]{2})(?:[-_][A-Za-z0-9]{2,8})*$")


def normalise_lang(code: str) -> str | None:
    """The primary ISO 639-1 subtag of ``code`` in lower case, or None if unknown."""
    match = _TAG.match(code.strip())
    if not match:
        return None
    primary = match.group(1).lower()
    return primary if primary in ISO_639_1 else None
