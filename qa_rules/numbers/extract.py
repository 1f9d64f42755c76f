"""Numbers in text, read by value in each language's conventions.

Digits (``1 000,5`` = ``1,000.5`` = ``1.000,5``; Arabic-Indic and full-width
digits; ``3 millions``, ``300万``), percentages (``30 %`` = ``30 per cent`` =
``30 процентов`` = ``百分之三十``), and numbers written as words, cardinal and
ordinal (``soixante-dix-huitième`` = ``seventy-eighth`` = ``septuagésimo
octavo`` = ``семьдесят восьмой`` = ``第七十八`` = ``الثامنة والسبعين`` = 78).
Spans owned by the references and dates families (symbols, resolution
numbers, treaty citations, dates) and a leading paragraph number are skipped,
so nothing is reported twice::

    >>> [(n.key, n.kind) for n in numbers("soixante-dix-huitième session, 1 000,5 dollars et 30 %", "fr")]
    [('78', 'ordinal'), ('1000.5', 'digits'), ('30', 'digits')]
    >>> [n.percent for n in numbers("30 per cent of 1,000.5", "en")]
    [True, False]
    >>> [n.key for n in numbers("الدورة الثامنة والسبعين", "ar")], [n.key for n in numbers("第七十八届会议", "zh")]
    (['78'], ['78'])
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from qa_rules import langdata
from qa_rules.dates.extract import date_spans
from qa_rules.prefilter import Prefilter
from qa_rules.references.extract import reference_spans


@dataclass(frozen=True)
class Number:
    """A number found in a text: value, how it is written, whether it is a percentage."""

    value: Decimal
    #: "digits" (also a Roman session numeral in brackets), "word" (a cardinal written
    #: out), "ordinal" (written out) or "weak" (one word that is often not a number,
    #: like "un", "first": it can match a number of the other side, never report one).
    kind: str
    percent: bool
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return format(self.value.normalize(), "f")


_SPACES = " \u00a0\u202f"
#: A run of digits. Not after a letter, a dot, a comma or a slash (symbols, "COVID-19"), nor after
#: a hyphen unless a digit stands before it: the second year of "2022-2027" is a number of the
#: text, as it is after the en dash of "2022–2027".
_DIGITS = re.compile(r"(?<![\dA-Za-z.,/])(?<!(?<!\d)-)\d+(?:(?:[.,٬٫']|[ \u00a0\u202f](?=\d{3}(?!\d)))\d+)*")
#: A paragraph number at the start of a unit: "12. ", "12．" (Chinese), "12 - " (Arabic).
_LEADING_NUMBER = re.compile(r"^\s*\d{1,3}\s*(?:[.．](?=\s|[^\d\s])|-(?=\s))")
#: Footnote markers glued into the text by OPUS-style corpora: "([1])", "[2]".
_BRACKET_MARKER = re.compile(r"\[\s*\d{1,3}\s*\]")
#: A Roman session numeral in brackets: resolution 217 A (III).
_ROMAN = re.compile(r"(?<=\()\s*[IVXLC]{1,7}\s*(?=\))")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(text: str) -> int:
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN_VALUES[ch]
        following = _ROMAN_VALUES[text[i + 1]] if i + 1 < len(text) else 0
        total += -value if value < following else value
    return total
_ANY_PERCENT = r"\s?[%％٪]"


def _ascii(text: str) -> str:
    return "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in text)


def parse_digits(raw: str, lang: str) -> Decimal | None:
    """The value of a run of digits and separators in ``lang``'s conventions."""
    read = read_digits(raw, lang)
    return read[0] if read else None


def read_digits(raw: str, lang: str) -> tuple[Decimal, frozenset[str], str | None] | None:
    """(value, group separators used, decimal separator used) of a run of digits, or None."""
    data = langdata.value(lang, "numbers")
    parts = re.split(r"([.,٬٫' \u00a0\u202f])", _ascii(raw))
    digits, seps = parts[0::2], parts[1::2]
    decimal = data["decimal"]
    extra_decimal = tuple(data.get("extra_decimal", ()))
    groups = tuple(data["group"])
    integer, fraction = digits[0], ""
    used_groups: set[str] = set()
    used_decimal = None
    for i, sep in enumerate(seps):
        following = digits[i + 1]
        last = i == len(seps) - 1
        if sep in _SPACES or (sep in groups and sep != decimal and len(following) == 3):
            if len(following) != 3:
                return None
            integer += following
            used_groups.add(sep)
        elif last and (sep == decimal or sep in extra_decimal or sep in ".,٫"):
            fraction = following
            used_decimal = sep
        elif len(following) == 3:
            integer += following  # a foreign group separator (1.000 in an English text)
            used_groups.add(sep)
        else:
            return None
    value = Decimal(f"{integer}.{fraction}" if fraction else integer)
    return value, frozenset(used_groups), used_decimal


@lru_cache(maxsize=None)
def _suffixes(lang: str) -> tuple[re.Pattern, re.Pattern | None]:
    data = langdata.value(lang, "numbers")
    boundary = "" if lang == "zh" else r"(?!\w)"
    percent = re.compile("(?:" + "|".join([_ANY_PERCENT, *data.get("percent", ())]) + ")" + boundary, re.IGNORECASE)
    scales = data.get("scales", {})
    scale = None
    if scales:
        gap = "" if lang == "zh" else r"\s+"
        scale = re.compile(gap + "(?:" + "|".join(f"(?P<s{i}>{k})" for i, k in enumerate(scales)) + ")" + ("" if lang == "zh" else r"(?!\w)"), re.IGNORECASE)
    return percent, scale


def _scale_value(lang: str, match: re.Match) -> int:
    scales = list(langdata.value(lang, "numbers.scales").values())
    for name, text in match.groupdict().items():
        if text is not None:
            return scales[int(name[1:])]
    return 1


# -- number words ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Words:
    """What reads a language's number words into compounds, built on the first text holding one."""

    joiner: re.Pattern
    ambiguous: re.Pattern | None
    units_before_tens: bool
    approximate: re.Pattern | None = None


@dataclass(frozen=True)
class _Word:
    """A number word found: where, and the first form (longest first) it is in full."""

    start: int
    end: int
    text: str
    value: int
    kind: str


@lru_cache(maxsize=None)
def _word_forms(lang: str) -> tuple[tuple[tuple[str, int, str], ...], Prefilter] | None:
    """(form, value, type) of each number word of ``lang``, longest first, and where in a text
    one may be (``Prefilter``); None for a language without number words."""
    data: Any = langdata.value(lang, "numbers")
    if "cardinals" not in data:
        return None
    adj = data.get("adjective_endings", "")
    entries = []
    for table, kind in (("cardinals", "card"), ("multipliers", "mult"), ("ordinals", "ord"), ("ordinal_multipliers", "ordmult")):
        for form, value in data.get(table, {}).items():
            form = form.replace("{adj}", adj)
            entries.append((form, value, kind))
    entries.sort(key=lambda e: -len(e[0]))
    forms = tuple(form for form, _, _ in entries)
    # Forms tried one by one where the prefilter points need no prefix (Arabic "وال" can be split
    # two ways) and nothing that sees past the word (a look-around, a boundary, an anchor).
    by_position = not data.get("word_prefix") and not any(_CONTEXT.search(form) for form in forms)
    return tuple(entries), Prefilter(forms, word=by_position)


#: What lets a form match otherwise inside a text than alone: a look-around, a boundary, an anchor.
_CONTEXT = re.compile(r"\(\?<?[=!]|\\[bBAZ]|[\^$]")


@lru_cache(maxsize=None)
def _words(lang: str) -> _Words:
    data: Any = langdata.value(lang, "numbers")
    prefix = data.get("word_prefix", "")
    ambiguous = data.get("ambiguous", ())
    amb = re.compile(rf"{prefix}(?:{'|'.join(map(re.escape, ambiguous))})", re.IGNORECASE) if ambiguous else None
    approx_forms = data.get("approximate", ())
    approx = re.compile(rf"{prefix}(?:{'|'.join(approx_forms)})", re.IGNORECASE) if approx_forms else None
    return _Words(re.compile(data.get("joiner", r"\s+"), re.IGNORECASE), amb, bool(data.get("units_before_tens")),
                  approx)


@lru_cache(maxsize=None)
def _form_pattern(lang: str, index: int) -> re.Pattern:
    """Form ``index`` of ``lang`` as a whole word: compiled when a text first may hold it."""
    form = _word_forms(lang)[0][index][0]  # type: ignore[index]
    return re.compile(rf"(?<!\w)(?:{form})(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=None)
def _search(lang: str) -> tuple[re.Pattern, re.Pattern]:
    """Every form of ``lang`` as a whole word after the language's word prefix, and the forms one
    by one (named ``e0``, ``e1``... in order) for the first a found word is in full: the search
    for a language with a word prefix, or a text the prefilter cannot judge."""
    entries = _word_forms(lang)[0]  # type: ignore[index]
    prefix = langdata.value(lang, "numbers").get("word_prefix", "")
    alternation = "|".join(f"(?:{form})" for form, _, _ in entries)
    regex = re.compile(rf"(?<!\w){prefix}(?:{alternation})(?!\w)", re.IGNORECASE)
    dispatch = re.compile("|".join(rf"{prefix}(?P<e{i}>{form})" for i, (form, _, _) in enumerate(entries)),
                          re.IGNORECASE)
    if dispatch.groups != len(entries):
        raise ValueError(f"number words of {lang}: a form holds a capturing group; use (?:...)")
    return regex, dispatch


def _word_matches(text: str, lang: str) -> list[_Word]:
    """The number words of ``text``, as a search of all the forms finds them (leftmost first, the
    first form that matches there), each read as the first form it is in full.

    Most texts hold none: the prefilter says so without a search. Where it can tell where a word
    may start and which forms may start there, only those forms are tried there, each compiled
    on first need; otherwise the text is searched with every form."""
    forms = _word_forms(lang)
    if forms is None:
        return []
    entries, prefilter = forms
    candidates = prefilter.candidates(text)
    found: list[_Word] = []
    if candidates is None:
        if not prefilter.may_match(text):
            return []
        regex, dispatch = _search(lang)
        for match in regex.finditer(text):
            read = dispatch.fullmatch(match.group(0))
            if read is None or read.lastgroup is None:
                raise ValueError(match.group(0))  # cannot happen: the search matched the same forms
            _, value, kind = entries[int(read.lastgroup[1:])]
            found.append(_Word(match.start(), match.end(), match.group(0), value, kind))
        return found
    end = 0
    for start, owners in candidates:
        if start < end:
            continue
        for index in owners:
            match = _form_pattern(lang, index).match(text, start)
            if match:
                _, value, kind = entries[index]
                found.append(_Word(start, match.end(), match.group(0), value, kind))
                end = match.end()
                break
    return found


class _Compound:
    """Adds number words up as they come: 'soixante' 'dix' 'huitième' -> 78."""

    def __init__(self, start: int) -> None:
        self.start, self.end = start, start
        self.total = self.current = 0
        self.last: int | None = None
        self.tokens: list[str] = []
        self.ordinal = False
        self.closed = False

    def accepts(self, value: int, kind: str, words: _Words) -> bool:
        if self.last is None:
            return True
        if self.closed:  # Arabic "الثامنة والسبعين" is complete: a following word is another number
            return False
        units_then_tens = (
            words.units_before_tens and self.last < 10 and value % 10 == 0 and 10 <= value < 100
            and self.current % 100 < 10
        )
        if self.ordinal and kind in ("card", "mult"):
            return units_then_tens  # "third one" is two numbers; Arabic "الثامنة والسبعين" is one
        if kind in ("mult", "ordmult"):
            return True
        if value < self.last:
            return True
        return units_then_tens

    def add(self, value: int, kind: str, token: str, end: int) -> None:
        if kind in ("mult", "ordmult"):
            if value >= 1000:
                self.total += max(self.current, 1) * value
                self.current = 0
            else:
                self.current = max(self.current, 1) * value
        else:
            if self.last is not None and self.last < 10 and value % 10 == 0 and value >= 10 and value > self.last:
                self.closed = True  # units then tens (Arabic order)
            self.current += value
        self.last = value
        self.ordinal = self.ordinal or kind in ("ord", "ordmult")
        self.tokens.append(token)
        self.end = end

    @property
    def value(self) -> int:
        return self.total + self.current


def _word_numbers(text: str, lang: str, blocked, percent_re: re.Pattern) -> list[tuple[int, str, int, int, bool]]:
    """(value, kind, start, end, percent) of each compound of number words."""
    matches = _word_matches(text, lang)
    if not matches:
        return []  # most texts
    words = _words(lang)
    found: list[tuple[int, str, int, int, bool]] = []
    compound: _Compound | None = None
    consumed = 0

    def close() -> int:
        """Record the compound (unless one ambiguous word); return where it ends."""
        if not compound or not compound.tokens:
            return 0
        pct = percent_re.match(text, compound.end)
        end = pct.end() if pct else compound.end
        single = len(compound.tokens) == 1
        weak = single and words.ambiguous is not None and words.ambiguous.fullmatch(compound.tokens[0])
        if words.approximate is not None and any(words.approximate.fullmatch(t) for t in compound.tokens):
            weak = True  # "une dizaine", "hundreds of": a quantity, not a number to report
        kind = "weak" if weak else "ordinal" if compound.ordinal else "word"
        found.append((compound.value, kind, compound.start, end, bool(pct)))
        return end

    for match in matches:
        if match.start < consumed or blocked(match.start, match.end):
            continue
        value, kind = match.value, match.kind
        joined = (
            compound is not None
            and words.joiner.fullmatch(text[compound.end : match.start]) is not None
            and compound.accepts(value, kind, words)
        )
        if not joined:
            consumed = close()
            compound = None
            if match.start < consumed:
                continue
            compound = _Compound(match.start)
        compound.add(value, kind, match.text, match.end)
    close()
    return found


_ZH_NUMERAL = re.compile(r"[〇零一二两三四五六七八九十百千万]+")


def _zh_value(chars: str) -> int:
    data = langdata.value("zh", "numbers")
    digits, units = data["numeral_chars"], data["numeral_units"]
    if not any(c in units for c in chars):
        return int("".join(str(digits[c]) for c in chars))
    total = section = current = 0
    for c in chars:
        if c in digits:
            current = digits[c]
        elif c == "万":
            total += (section + current) * 10000
            section = current = 0
        else:
            section += (current or 1) * units[c]
            current = 0
    return total + section + current


def _zh_word_numbers(text: str, blocked) -> list[tuple[int, str, int, int, bool]]:
    data = langdata.value("zh", "numbers")
    classifiers = tuple(data["classifiers"])
    found = []
    for m in _ZH_NUMERAL.finditer(text):
        start, end = m.span()
        if blocked(start, end):
            continue
        before, after = text[:start], text[end:]
        ordinal = before.endswith(data["ordinal_prefix"])
        percent = before.endswith(data["percent_prefix"])
        if not (ordinal or percent or after.startswith(classifiers)):
            continue
        weak = m.group(0) in data["ambiguous"] and not percent
        kind = "weak" if weak else "ordinal" if ordinal else "word"
        found.append((_zh_value(m.group(0)), kind, start, end, percent))
    return found


# -- all numbers of a text --------------------------------------------------------------


@lru_cache(maxsize=8192)
def numbers(text: str, lang: str) -> tuple[Number, ...]:
    """Every number of ``text`` outside references, dates and a leading paragraph number."""
    if not langdata.supported(lang):
        return ()
    spans = reference_spans(text, lang) + date_spans(text, lang)
    lead = _LEADING_NUMBER.match(text)
    if lead:
        spans.append(lead.span())
    spans += [m.span() for m in _BRACKET_MARKER.finditer(text)]

    def blocked(start: int, end: int) -> bool:
        return any(start < e and end > s for s, e in spans)

    percent_re, scale_re = _suffixes(lang)
    found: list[Number] = []
    for m in _DIGITS.finditer(text):
        start, end = m.span()
        if blocked(start, end):
            continue
        value = parse_digits(m.group(0), lang)
        if value is None:
            continue
        scale = scale_re.match(text, end) if scale_re else None
        if scale:
            value *= _scale_value(lang, scale)
            end = scale.end()
        pct = percent_re.match(text, end)
        if pct:
            end = pct.end()
        percent = bool(pct) or (lang == "zh" and text[:start].endswith("百分之"))
        found.append(Number(value, "digits", percent, text[start:end], start, end))
        spans.append((start, end))
    for m in _ROMAN.finditer(text):
        if not blocked(m.start(), m.end()):
            found.append(Number(Decimal(roman_value(m.group(0).strip())), "digits", False, m.group(0), m.start(), m.end()))
    finder = _zh_word_numbers(text, blocked) if lang == "zh" else _word_numbers(text, lang, blocked, percent_re)
    for value, kind, start, end, percent in finder:
        found.append(Number(Decimal(value), kind, percent, text[start:end], start, end))
    return tuple(sorted(found, key=lambda n: n.start))
