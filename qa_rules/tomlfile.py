"""TOML inputs (config and accept files) parsed within bounds.

``tomllib`` descends one Python call per nested array or inline table, so a
file of 50,000 ``[`` exhausts the interpreter's stack; dotted keys
(``a.b.c...``) nest tables without any bracket. Nesting is therefore measured
twice, against ``MAX_TOML_DEPTH``: in the text before parsing (brackets and
braces outside strings and comments, parts of dotted keys, whose parsing time
grows with the square of their length) and in the parsed value after. Parse
errors carry their line.

    >>> load_toml('[hexaglot]\\nselect = ["NU01"]\\n', "hexaglot.toml")
    {'hexaglot': {'select': ['NU01']}}
"""

from __future__ import annotations

import re
import tomllib
from itertools import accumulate
from typing import Any

from aligner import limits
from aligner.errors import InputError

#: Strings and comments: their brackets and dots are text, not structure (possessive
#: quantifiers, so that an unterminated string costs one pass, not a backtrack per character).
_SKIPPED = re.compile(
    r'"""(?:[^"\\]++|\\.|"(?!""))*+"""'
    r"|'''.*?'''"
    r'|"(?:[^"\\\n]++|\\.)*+"'
    r"|'[^'\n]*+'"
    r"|#[^\n]*+",
    re.DOTALL,
)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_BRACKET = re.compile(r"[\[\]{}]")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
_WHERE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


def load_toml(text: str, path: str) -> dict[str, Any]:
    """The table of a TOML file; ``InputError`` naming ``path`` (and the line where known)."""
    if len(text) > limits.MAX_TOML_BYTES:
        raise InputError(path, f"is larger than {limits.MAX_TOML_BYTES // limits.MiB} MiB; a TOML settings file is a few kB")
    _check_nesting(text, path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message, line = str(exc), None
        where = _WHERE.search(message)
        if where:
            message, line = f"{message[: where.start()]} at column {where.group(2)}", int(where.group(1))
        elif message.endswith("(at end of document)"):
            message, line = f"{message[: -len('(at end of document)')]}at the end of the file", len(text.splitlines()) or 1
        raise InputError(path, f"is not valid TOML ({' '.join(message.split())})", line=line) from None
    except RecursionError:
        raise InputError(path, _too_deep()) from None
    _check_depth(data, path)
    return data


def _too_deep() -> str:
    return f"nests arrays or tables more than {limits.MAX_TOML_DEPTH} deep; a settings file needs two or three levels"


def _check_nesting(text: str, path: str) -> None:
    """Refuse brackets and braces nested, or a key dotted, deeper than the limit.

    Strings and comments become one placeholder character (their line breaks kept,
    for line numbers); every step after that runs in C but the final search for the
    line, which stops where the limit is passed.
    """
    limit = limits.MAX_TOML_DEPTH
    code = _SKIPPED.sub(lambda m: "s" + "\n" * m.group().count("\n"), text)
    brackets = _NOT_BRACKET.sub("", code)
    if len(brackets) > limit and max(accumulate(map(_STEP.__getitem__, brackets))) > limit:
        depth = 0
        for mark in _BRACKET.finditer(code):
            depth += _STEP[mark.group()]
            if depth > limit:
                raise InputError(path, _too_deep(), line=code.count("\n", 0, mark.start()) + 1)
    # a key of more than ``limit`` parts; floats (1.5) and dates do not chain
    dotted = re.search(rf"(?<![A-Za-z0-9_-])(?:[A-Za-z0-9_-]++[ \t]*+\.[ \t]*+){{{limit}}}", code)
    if dotted:
        raise InputError(path, _too_deep(), line=code.count("\n", 0, dotted.start()) + 1)


def _check_depth(data: Any, path: str) -> None:
    """Refuse a parsed value nested deeper than the limit (walked without recursion)."""
    stack = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > limits.MAX_TOML_DEPTH:
            raise InputError(path, _too_deep())
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)


#: What a TOML value is, in the words of the TOML specification (bool before int: True is an int).
_TOML_TYPES = ((bool, "a boolean"), (int, "an integer"), (float, "a float"), (str, "a string"),
               (list, "an array"), (dict, "a table"))


def toml_type(value: Any) -> str:
    """What a TOML value is: ``toml_type([1]) == "an array"``."""
    return next((word for kind, word in _TOML_TYPES if isinstance(value, kind)), "a date or time")


def short_value(value: Any) -> str:
    """A value read from a settings file, for a message: a string, number, boolean or
    None as a short ASCII repr, anything else by its kind (``an array``, ``a table``)."""
    text = ascii(value) if value is None or isinstance(value, (str, int, float, bool)) else toml_type(value)
    return text if len(text) <= 40 else text[:37] + "..."
