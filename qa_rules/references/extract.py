"""Finding references in text: document symbols, resolution numbers, treaty citations.

Each finder returns ``(key, text, start, end)`` tuples; the key is what is
compared across languages::

    >>> [k for k, *_ in symbols("Rappelant le document A / 55 / 602 / Add.2 et E/CN.15/2023/5.")]
    ['A/55/602/Add.2', 'E/CN.15/2023/5']
    >>> [k for k, *_ in resolutions("回顾安全理事会第2178（2014）号决议和大会第74/175号决议", "zh")]
    ['2178 (2014)', '74/175']
    >>> [k for k, *_ in treaties("Nations Unies, Recueil des Traités, vol. 2178, no 38349.", "fr")]
    ['vol. 2178, No. 38349']
    >>> [k for k, *_ in treaties("联合国，《条约汇编》，第2225、2237、2241和2326卷，第39574号。", "zh")]
    ['vols. 2225, 2237, 2241, 2326, No. 39574']
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa_rules import langdata

_COMP = r"[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*"
#: A UN document symbol: a series (A, E, S, E/CN.15, CTOC/COP...) and at least two more components.
SYMBOL = re.compile(rf"(?<![A-Za-z0-9/.])[A-Z][A-Z0-9]{{0,7}}(?:\.\d+)?(?:\s*/\s*{_COMP}){{2,}}(?:\s?\(\d{{4}}\))?")
#: A General Assembly / ECOSOC resolution or decision number: 74/175, 2023/26.
SLASHED = re.compile(r"(?<![A-Za-z0-9/.])(\d{1,4})\s*/\s*(\d{1,4})(?![0-9/])")
#: A Security Council resolution number with its year: 2178 (2014).
WITH_YEAR = re.compile(r"(?<![A-Za-z0-9/.])(\d{2,4})\s*[(（]\s*(\d{4})\s*[)）]")


def _spaces_out(text: str) -> str:
    return re.sub(r"\s+", "", text)


@lru_cache(maxsize=4096)
def symbols(text: str) -> tuple[tuple[str, str, int, int], ...]:
    """Document symbols (OPUS-tokenised spaces around slashes are removed from the key)."""
    return tuple((_spaces_out(m.group(0)), m.group(0), m.start(), m.end()) for m in SYMBOL.finditer(text))


def _outside(spans, start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in spans)


@lru_cache(maxsize=4096)
def resolutions(text: str, lang: str) -> tuple[tuple[str, str, int, int], ...]:
    """Resolution and decision numbers (``74/175``, ``2178 (2014)``) outside document symbols."""
    taken = [(s, e) for _, _, s, e in symbols(text)]
    found = []
    for m in WITH_YEAR.finditer(text):
        if _outside(taken, m.start(), m.end()):
            found.append((f"{int(m.group(1))} ({m.group(2)})", m.group(0), m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for m in SLASHED.finditer(text):
        if _outside(taken, m.start(), m.end()):
            found.append((f"{int(m.group(1))}/{int(m.group(2))}", m.group(0), m.start(), m.end()))
    return tuple(sorted(found, key=lambda f: f[2]))


#: One volume or registration number: 2178, or 2 178 with a thousands space.
_TREATY_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+"


@lru_cache(maxsize=None)
def _treaty_patterns(lang: str) -> tuple[re.Pattern, ...]:
    joiners = "|".join(langdata.value(lang, "references.list_joiners", (",",)))
    # A citation may list several volumes of one treaty: "vol. 2225, 2237, 2241 et 2326, n° 39574".
    volumes = rf"(?P<vol>(?:{_TREATY_NUMBER})(?:\s*(?:{joiners})\s*(?:{_TREATY_NUMBER}))*)"
    patterns = []
    for template in langdata.value(lang, "references.treaty", ()):
        regex = template.replace("{vol}", volumes).replace("{num}", rf"(?P<num>{_TREATY_NUMBER})")
        patterns.append(re.compile(r"(?<!\w)" + regex, re.IGNORECASE))
    return tuple(patterns)


@lru_cache(maxsize=4096)
def treaties(text: str, lang: str) -> tuple[tuple[str, str, int, int], ...]:
    """Treaty Series citations: volume(s) and registration number (``vol. 2178, No. 38349``;
    ``vols. 2225, 2237, No. 39574`` when one citation lists several volumes)."""
    found = []
    taken: list[tuple[int, int]] = []
    for pattern in _treaty_patterns(lang):
        for m in pattern.finditer(text):
            if not _outside(taken, m.start(), m.end()):
                continue
            vols = [int(_spaces_out(v)) for v in re.findall(_TREATY_NUMBER, m.group("vol"))]
            num = m.groupdict().get("num")
            key = ("vol. " if len(vols) == 1 else "vols. ") + ", ".join(map(str, vols))
            key += f", No. {int(_spaces_out(num))}" if num else ""
            found.append((key, m.group(0), m.start(), m.end()))
            taken.append((m.start(), m.end()))
    return tuple(sorted(found, key=lambda f: f[2]))


_RES_SYMBOL = re.compile(r"^[AE]/RES/(\d{1,4})/(\d{1,4})$|^S/RES/(\d{1,4})\((\d{4})\)$")


def resolution_key_of_symbol(symbol_key: str) -> str | None:
    """``A/RES/74/175`` -> ``74/175``, ``S/RES/2178(2014)`` -> ``2178 (2014)`` (the same resolution)."""
    m = _RES_SYMBOL.match(symbol_key)
    if not m:
        return None
    if m.group(1):
        return f"{int(m.group(1))}/{int(m.group(2))}"
    return f"{int(m.group(3))} ({m.group(4)})"


def reference_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Every span a references rule owns (the numbers rules skip them)."""
    spans = [(s, e) for _, _, s, e in symbols(text)]
    spans += [(s, e) for _, _, s, e in resolutions(text, lang)]
    if langdata.supported(lang):
        spans += [(s, e) for _, _, s, e in treaties(text, lang)]
    return spans
