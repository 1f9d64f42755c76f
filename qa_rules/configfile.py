"""Config files: where they are found and what they hold, before any value is checked.

``find_config`` walks up from the working folder to the first folder holding
``hexaglot.toml``, a ``pyproject.toml`` with a ``[tool.hexaglot]`` table or a
``setup.cfg`` with ``[hexaglot]`` sections (in that order within a folder),
passing over a file that belongs to another user. ``read_ini`` and
``read_toml`` turn a file into ``{section: {key: (value, line)}}`` entries;
``qa_rules.config`` checks them against the rules and builds the ``RunConfig``.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import Any

from aligner.errors import InputError
from aligner.fileio import decode_bytes, read_bytes
from qa_rules.tomlfile import load_toml, short_value

#: Config file names in a folder, in order of preference, with the table that holds the settings.
CONFIG_FILES = (("hexaglot.toml", "hexaglot"), ("pyproject.toml", "tool.hexaglot"), ("setup.cfg", "hexaglot"))


def find_config(search_dir: str | Path = ".") -> Path | None:
    """The config file of ``search_dir`` or of the nearest folder above it that has one.

    In a folder, ``hexaglot.toml`` comes first, then ``pyproject.toml`` if it has a
    ``[tool.hexaglot]`` table, then ``setup.cfg`` if it has a ``[hexaglot]`` section.
    Files in folders above ``search_dir`` are named by their absolute path.
    """
    start = Path(search_dir)
    for folder in (start, *start.absolute().parents):
        for name, _ in CONFIG_FILES:
            candidate = folder / name
            if _is_file(candidate) and _trusted(candidate) and _holds_settings(candidate):
                return candidate
    return None


def _trusted(candidate: Path) -> bool:
    """Whether a found config file belongs to this user or to root. In a shared folder
    such as /tmp, anyone could leave a hexaglot.toml that changes every run below it
    (which rules run, which glossaries are read); like git with a repository owned by
    someone else, such a file is passed over, with a warning."""
    try:
        owner = candidate.stat().st_uid
    except OSError:
        return False
    if owner in (0, os.geteuid()):
        return True
    logging.getLogger("hexaglot").warning(
        "%s: not used as a config file: it belongs to another user (uid %d); pass it with --config to use it",
        candidate, owner)
    return False


def _is_file(candidate: Path) -> bool:
    """Whether ``candidate`` is a regular file; a folder that cannot be searched has none."""
    try:
        return candidate.is_file()
    except OSError:  # EACCES on a folder above the working one
        return False


def _holds_settings(candidate: Path) -> bool:
    if candidate.name == "hexaglot.toml":
        return True
    data = read_bytes(candidate)
    if candidate.name == "setup.cfg":
        return re.search(rb"^[ \t]*\[[ \t]*hexaglot\b", data, re.M) is not None
    if b"hexaglot" not in data:  # a pyproject.toml of another tool: not parsed at all
        return False
    tool = load_toml(decode_bytes(data, str(candidate)), str(candidate)).get("tool")
    return isinstance(tool, dict) and "hexaglot" in tool


Entry = tuple[Any, int]  # (value, line)


def read_ini(text: str, path: str) -> dict[str, dict[str, Entry]]:
    """``{section: {key: (value, line)}}`` for the ``hexaglot`` sections of an INI file."""
    sections: dict[str, dict[str, Entry]] = {}
    current: dict[str, Entry] | None = None
    last_key: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped[0] in "#;":
            continue
        if line[0] in " \t" and current is not None and last_key is not None:
            value, at = current[last_key]
            current[last_key] = ((value + "\n" + stripped).strip(), at)
            continue
        header = re.fullmatch(r"\[([^\]]+)\]", stripped)
        if header:
            name = header.group(1).strip()
            last_key = None
            if name == "hexaglot" or name.startswith(("hexaglot:", "hexaglot.")):
                if not (name == "hexaglot" or re.fullmatch(r"hexaglot:rule:[A-Za-z0-9]+", name)):
                    raise InputError(path, f"unknown section [{_token(name)}] (use [hexaglot] or [hexaglot:rule:CODE])", line=number)
                current = sections.setdefault(name.replace("hexaglot:rule:", "rule:"), {"__line__": (None, number)})
            else:
                current = None
            continue
        if current is None:
            continue
        key, sep, value = _split_assignment(stripped)
        if not sep:
            raise InputError(path, f"expected 'key = value', found {short_value(stripped)}", line=number)
        current[key] = (value, number)
        last_key = key
    return sections


def _split_assignment(line: str) -> tuple[str, str, str]:
    match = re.match(r"([^=:]+?)\s*([=:])\s*(.*)$", line)
    if not match:
        return line, "", ""
    value = re.split(r"\s[#;]", match.group(3), maxsplit=1)[0]  # an inline comment after whitespace
    return match.group(1).strip().replace("-", "_"), match.group(2), value.strip()


def read_toml(text: str, path: str, table: str = "hexaglot") -> dict[str, dict[str, Entry]]:
    """``{section: {key: (value, line)}}`` of the ``table`` of a TOML file (``hexaglot``,
    or ``tool.hexaglot`` in a ``pyproject.toml``, whose other tables are left alone)."""
    data = load_toml(text, path)
    lines = text.splitlines()
    if table == "hexaglot":
        unknown = set(data) - {"hexaglot"}
        if unknown:
            key = sorted(unknown)[0]
            at = _toml_table_line(lines, key) or _toml_line(lines, None, key)
            raise InputError(path, f"unknown table or key {short_value(key)} (use [hexaglot] and [hexaglot.rules.CODE])", line=at)
    main: Any = data
    for part in table.split("."):
        main = main.get(part, {}) if isinstance(main, dict) else main
    if not isinstance(main, dict):
        raise InputError(path, f"{table} must be a table: [{table}]", line=_toml_table_line(lines, table)
                         or _toml_line(lines, table.rpartition(".")[0] or None, table.rpartition(".")[2]))
    main = dict(main)
    rules = main.pop("rules", {})
    for key, value in main.items():
        if isinstance(value, dict):  # a [TABLE.KEY...] table: only [TABLE.rules.CODE] exists
            raise InputError(path, f"unknown table [{table}.{_token(key)}...] (rule tables are [{table}.rules.CODE])",
                             line=_toml_table_line(lines, f"{table}.{key}") or _toml_line(lines, table, key))
    sections: dict[str, dict[str, Entry]] = {}
    header = _toml_line(lines, table, None) or 1
    sections["hexaglot"] = {"__line__": (None, header), "__table__": (f"[{table}]", header)}
    for key, value in main.items():
        sections["hexaglot"][key.replace("-", "_")] = (value, _toml_line(lines, table, key) or header)
    if not isinstance(rules, dict):
        raise InputError(path, f"[{table}.rules] must be a table of rule tables", line=_toml_line(lines, table, "rules"))
    for code, rule_table in rules.items():
        table_name = f"{table}.rules.{code}"
        at = _toml_line(lines, table_name, None) or header
        if not isinstance(rule_table, dict):
            raise InputError(path, f"[{table}.rules.{_token(code)}] must be a table", line=at)
        section = sections.setdefault(f"rule:{code}", {"__line__": (None, at)})
        for key, value in rule_table.items():
            section[key.replace("-", "_")] = (value, _toml_line(lines, table_name, key) or at)
    return sections


def _toml_table_line(lines: list[str], name: str) -> int | None:
    """The line of the first table header ``[name]`` or ``[name.sub...]`` (quotes and spaces ignored)."""
    for number, line in enumerate(lines, 1):
        header = re.fullmatch(r"\[+\s*([^\]]+?)\s*\]+", line.strip())
        if header:
            current = re.sub(r"\s*\.\s*", ".", header.group(1)).replace('"', "").replace("'", "")
            if current == name or current.startswith(name + "."):
                return number
    return None


def _toml_line(lines: list[str], table: str | None, key: str | None) -> int | None:
    """Best-effort line of ``key`` in ``[table]`` (or of the table header)."""
    current = None
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        header = re.fullmatch(r"\[\s*([^\]]+?)\s*\]", stripped)
        if header:
            current = re.sub(r"\s*\.\s*", ".", header.group(1)).replace('"', "")
            if key is None and current == table:
                return number
            continue
        if key is not None and current == table and re.match(rf'"?{re.escape(key)}"?\s*[=.]', stripped):
            return number
        if key is not None and table is None and current is None and re.match(rf"{re.escape(key)}\s*=", stripped):
            return number
    if key is not None and table is None:
        for number, line in enumerate(lines, 1):
            if re.match(rf"\s*\[+\s*{re.escape(key)}\b", line):
                return number
    return None


def _token(value: str) -> str:
    """A key for a message inside a table name: ASCII, short."""
    return short_value(value).strip("'\"")
