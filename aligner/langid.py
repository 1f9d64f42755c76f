"""Which language a document is in: the ``--lang`` option, the file name, or langdetect.

Order of evidence:

1. an explicit code (``--lang fr``; ``fr-CA``/``zh_CN`` are reduced to ``fr``/``zh``);
2. the file name: ``fr.md``, ``report_fr.md``, ``report-FR.docx``, ``en_draft.md``, or an
   extension that is itself a code (``dev.fr``, the convention of parallel corpora);
3. langdetect on the text, seeded so that the answer never changes between runs,
   with an error (never a guess) when the text is too short or the answer is unsure.
"""

from __future__ import annotations

import re
from pathlib import Path

from aligner.errors import InputError
from aligner.model import OFFICIAL_LANGUAGES

#: ISO 639-1 codes: the languages the lines mode accepts.
ISO_639_1: frozenset[str] = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy
    da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy
    hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li
    ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa
    pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th
    ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu""".split()
)

#: Languages whose document structure (roles, keywords) hexaglot knows.
STRUCTURE_LANGUAGES: tuple[str, ...] = OFFICIAL_LANGUAGES

#: Extensions that name a format, never a language.
_FORMAT_EXTENSIONS = frozenset({"md", "txt", "docx", "text", "markdown"})

#: Fewer letters than this and langdetect's answer is not worth having.
MIN_LETTERS = 40
#: langdetect's probability for its best language must reach this.
MIN_PROBABILITY = 0.90


def normalize_code(code: str, source: str) -> str:
    """``FR`` -> ``fr``, ``zh-CN`` -> ``zh``; an unknown code is an ``InputError``."""
    base = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    if base not in ISO_639_1:
        raise InputError(source, f"unknown language code {code!r}; use an ISO 639-1 code such as fr or zh")
    return base


def lang_from_name(path: str) -> str | None:
    """The language code the file name states, or None."""
    p = Path(path)
    name = p.name
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    ext = ext.lower()
    if ext and ext not in _FORMAT_EXTENSIONS and ext in ISO_639_1:
        return ext
    low = stem.lower()
    if low in ISO_639_1:
        return low
    match = re.search(r"[_\-.]([A-Za-z]{2})$", stem)
    if match and match.group(1).lower() in ISO_639_1:
        return match.group(1).lower()
    # ``en_draft.md``, ``ZH-final.docx``: a leading code, trusted only for the six
    # official languages (``my_notes``, ``no_footnotes`` must not read as Burmese
    # or Norwegian).
    match = re.match(r"([A-Za-z]{2})[_\-.]", stem)
    if match and match.group(1).lower() in OFFICIAL_LANGUAGES:
        return match.group(1).lower()
    return None


def detect_language(text: str, source: str) -> str:
    """langdetect, seeded (deterministic); ``InputError`` when it cannot tell."""
    letters = sum(1 for ch in text if ch.isalpha())
    if letters < MIN_LETTERS:
        raise InputError(source, "cannot tell the language (too little text); pass --lang")
    from langdetect import DetectorFactory, detect_langs  # loaded lazily: it reads ~50 profiles
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        best = detect_langs(text[:20000])[0]
    except LangDetectException:
        raise InputError(source, "cannot tell the language; pass --lang") from None
    if best.prob < MIN_PROBABILITY:
        raise InputError(source, f"cannot tell the language (best guess {best.lang} at {best.prob:.2f}); pass --lang")
    code = best.lang.split("-")[0]
    if code not in ISO_639_1:
        raise InputError(source, f"cannot tell the language (langdetect says {best.lang!r}); pass --lang")
    return code


def resolve_language(path: str, text: str | None, lang: str | None) -> str:
    """The document's language by the order of evidence above."""
    if lang:
        return normalize_code(lang, path)
    named = lang_from_name(path)
    if named:
        return named
    if text is None:
        raise InputError(path, "cannot tell the language; pass --lang")
    return detect_language(text, path)


def require_structure_language(lang: str, path: str) -> None:
    """Structure rules exist for the six official languages only."""
    if lang not in STRUCTURE_LANGUAGES:
        raise InputError(
            path,
            f"language {lang!r} is not supported for document structure "
            f"(supported: {', '.join(sorted(STRUCTURE_LANGUAGES))}); use --input-format lines",
        )
