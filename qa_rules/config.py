"""Run configuration: which rules, how severe, with which options.

Read from ``setup.cfg`` (found in the working folder) or from a file given
with ``--config`` (``.toml``, or an INI file such as ``setup.cfg``)::

    # setup.cfg                          # hexaglot.toml
    [hexaglot]                           [hexaglot]
    select = numbers,references,ST01     select = ["numbers", "references", "ST01"]
    ignore = NU04                        ignore = ["NU04"]
    fail_on = warning                    fail_on = "warning"

    [hexaglot:rule:NU01]                 [hexaglot.rules.NU01]
    severity = warning                   severity = "warning"

Rule sections set ``severity`` and the fields of that rule's ``Config``.
Unknown keys, sections, rule codes and bad values are ``InputError``s naming
the file and line. Selection tokens are rule codes (``NU01``), dotted names
(``numbers.mismatch``) or categories (``numbers``)::

    >>> [r.code for r in select_rules(["ST01"], [])]
    ['ST01']
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

from aligner.errors import InputError
from aligner.fileio import read_text
from qa_rules.base import Rule
from qa_rules.model import CATEGORIES, SEVERITIES

#: ``--fail-on`` values: a severity, or ``never``.
FAIL_ON = SEVERITIES + ("never",)
#: Keys of the ``[hexaglot]`` section.
MAIN_KEYS = ("select", "ignore", "fail_on", "level", "accept", "glossaries", "default_glossaries", "format")
_LIST_KEYS = frozenset({"select", "ignore", "glossaries"})


@dataclass(frozen=True)
class RuleSettings:
    """A rule's severity override and config field values from a config file."""

    severity: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RunConfig:
    """Everything a config file may set. CLI options override it field by field."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    level: str = "paragraph"
    accept: str | None = None
    glossaries: tuple[str, ...] = ()
    default_glossaries: bool = True
    format: str = "text"
    rules: Mapping[str, RuleSettings] = field(default_factory=dict)
    #: Where each setting was read: ``{"select": ("setup.cfg", 3), "NU01": (...)}``.
    origins: Mapping[str, tuple[str, int]] = field(default_factory=dict)
    path: str | None = None


# -- reading -------------------------------------------------------------------------


def load_config(path: str | Path | None = None, search_dir: str | Path = ".") -> RunConfig:
    """The config of ``path`` or, without one, of ``search_dir/setup.cfg`` if any."""
    from qa_rules.registry import RULES

    if path is None:
        candidate = Path(search_dir) / "setup.cfg"
        if not candidate.is_file():
            return RunConfig()
        path = candidate
    text = read_text(path)
    if str(path).endswith(".toml"):
        raw = _read_toml(text, str(path))
    else:
        raw = _read_ini(text, str(path))
    return _build(raw, str(path), RULES)


Entry = tuple[Any, int]  # (value, line)


def _read_ini(text: str, path: str) -> dict[str, dict[str, Entry]]:
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
                    raise InputError(path, f"unknown section [{name}] (use [hexaglot] or [hexaglot:rule:CODE])", line=number)
                current = sections.setdefault(name.replace("hexaglot:rule:", "rule:"), {"__line__": (None, number)})
            else:
                current = None
            continue
        if current is None:
            continue
        key, sep, value = _split_assignment(stripped)
        if not sep:
            raise InputError(path, f"expected 'key = value', found {stripped!r}", line=number)
        current[key] = (value, number)
        last_key = key
    return sections


def _split_assignment(line: str) -> tuple[str, str, str]:
    match = re.match(r"([^=:]+?)\s*([=:])\s*(.*)$", line)
    if not match:
        return line, "", ""
    value = re.split(r"\s[#;]", match.group(3), maxsplit=1)[0]  # an inline comment after whitespace
    return match.group(1).strip().replace("-", "_"), match.group(2), value.strip()


def _read_toml(text: str, path: str) -> dict[str, dict[str, Entry]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(path, f"is not valid TOML ({exc})", line=getattr(exc, "lineno", None)) from None
    lines = text.splitlines()
    unknown = set(data) - {"hexaglot"}
    if unknown:
        key = sorted(unknown)[0]
        at = _toml_table_line(lines, key) or _toml_line(lines, None, key)
        raise InputError(path, f"unknown table or key {key!r} (use [hexaglot] and [hexaglot.rules.CODE])", line=at)
    main = dict(data.get("hexaglot", {}))
    rules = main.pop("rules", {})
    for key, value in main.items():
        if isinstance(value, dict):  # a [hexaglot.KEY...] table: only [hexaglot.rules.CODE] exists
            raise InputError(path, f"unknown table [hexaglot.{key}...] (rule tables are [hexaglot.rules.CODE])",
                             line=_toml_table_line(lines, f"hexaglot.{key}") or _toml_line(lines, "hexaglot", key))
    sections: dict[str, dict[str, Entry]] = {}
    header = _toml_line(lines, "hexaglot", None) or 1
    sections["hexaglot"] = {"__line__": (None, header)}
    for key, value in main.items():
        sections["hexaglot"][key.replace("-", "_")] = (value, _toml_line(lines, "hexaglot", key) or header)
    if not isinstance(rules, dict):
        raise InputError(path, "[hexaglot.rules] must be a table of rule tables", line=_toml_line(lines, "hexaglot", "rules"))
    for code, table in rules.items():
        table_name = f"hexaglot.rules.{code}"
        at = _toml_line(lines, table_name, None) or header
        if not isinstance(table, dict):
            raise InputError(path, f"[{table_name}] must be a table", line=at)
        section = sections.setdefault(f"rule:{code}", {"__line__": (None, at)})
        for key, value in table.items():
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


# -- validating ----------------------------------------------------------------------


def _build(raw: dict[str, dict[str, Entry]], path: str, registry: Sequence[type[Rule]]) -> RunConfig:
    values: dict[str, Any] = {}
    origins: dict[str, tuple[str, int]] = {}
    for key, (value, line) in raw.get("hexaglot", {}).items():
        if key == "__line__":
            continue
        if key not in MAIN_KEYS:
            raise InputError(path, f"unknown key {key!r} in [hexaglot] (known: {', '.join(MAIN_KEYS)})", line=line)
        values[key] = _main_value(key, value, path, line)
        origins[key] = (path, line)
    for token_key in ("select", "ignore"):
        if token_key in values:
            select_rules(values[token_key], (), registry, origin=origins[token_key])
    rules: dict[str, RuleSettings] = {}
    by_code = {rule.code: rule for rule in registry}
    for section, entries in raw.items():
        if not section.startswith("rule:"):
            continue
        code = section[len("rule:") :]
        header_line = entries["__line__"][1]
        rule = by_code.get(code.upper())
        if rule is None:
            raise InputError(path, f"unknown rule code {code!r} (see `hexaglot rules`)", line=header_line)
        severity = None
        options: dict[str, Any] = {}
        fields_by_name = {f.name: f for f in dataclasses.fields(rule.Config)}
        for key, (value, line) in entries.items():
            if key == "__line__":
                continue
            if key == "severity":
                if str(value) not in SEVERITIES:
                    raise InputError(path, f"severity {value!r} is not one of {', '.join(SEVERITIES)}", line=line)
                severity = str(value)
            elif key in fields_by_name:
                options[key] = _coerce(fields_by_name[key], value, path, line, rule.code)
            else:
                known = ", ".join(["severity", *fields_by_name]) or "severity"
                raise InputError(path, f"unknown key {key!r} for rule {rule.code} (known: {known})", line=line)
        rules[rule.code] = RuleSettings(severity=severity, options=options)
        origins[rule.code] = (path, header_line)
    return RunConfig(**values, rules=rules, origins=origins, path=path)


def _split_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return tuple(t.strip() for t in re.split(r"[,\n]", str(value)) if t.strip())


def _as_bool(value: Any, path: str, line: int) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "yes", "on", "1"):
        return True
    if text in ("false", "no", "off", "0"):
        return False
    raise InputError(path, f"expected true or false, found {value!r}", line=line)


def _main_value(key: str, value: Any, path: str, line: int) -> Any:
    if key in _LIST_KEYS:
        return _split_list(value)
    if key == "default_glossaries":
        return _as_bool(value, path, line)
    value = str(value).strip()
    if key == "fail_on" and value not in FAIL_ON:
        raise InputError(path, f"fail_on {value!r} is not one of {', '.join(FAIL_ON)}", line=line)
    if key == "level":
        from aligner.align import LEVELS

        if value not in LEVELS:
            raise InputError(path, f"level {value!r} is not one of {', '.join(LEVELS)}", line=line)
    return value


def _coerce(spec: dataclasses.Field, value: Any, path: str, line: int, code: str) -> Any:
    default = spec.default if spec.default is not dataclasses.MISSING else (
        spec.default_factory() if spec.default_factory is not dataclasses.MISSING else None  # type: ignore[misc]
    )
    try:
        if isinstance(default, bool):
            return _as_bool(value, path, line)
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
        if isinstance(default, (tuple, list, frozenset)):
            return type(default)(_split_list(value))
        return str(value)
    except (TypeError, ValueError):
        raise InputError(path, f"{code}.{spec.name}: {value!r} is not a valid {type(default).__name__}", line=line) from None


# -- selecting and configuring rules --------------------------------------------------


def _where(origin: str | tuple[str, int]) -> tuple[str, int | None]:
    return (origin, None) if isinstance(origin, str) else origin


def match_token(token: str, registry: Sequence[type[Rule]]) -> tuple[type[Rule], ...]:
    """Rules a selection token names: code, dotted name, category, or name prefix."""
    low = token.strip().lower()
    if low in CATEGORIES:
        return tuple(r for r in registry if r.category == low)
    return tuple(
        r for r in registry if r.code.lower() == low or r.name == low or r.name.startswith(low + ".")
    )


def select_rules(
    select: Sequence[str],
    ignore: Sequence[str],
    registry: Sequence[type[Rule]] | None = None,
    origin: str | tuple[str, int] = "--select",
    ignore_origin: str | tuple[str, int] = "--ignore",
) -> tuple[type[Rule], ...]:
    """The registered rules ``select`` names (all when empty) minus ``ignore``.

    An unknown token is an ``InputError`` naming where it was given.
    """
    if registry is None:
        from qa_rules.registry import RULES as registry  # noqa: N811
    chosen: list[type[Rule]] = []
    for tokens, where in ((select, origin), (ignore, ignore_origin)):
        for token in tokens:
            if not match_token(token, registry):
                path, line = _where(where)
                raise InputError(
                    path, f"unknown rule, name or category {token!r} (see `hexaglot rules`)", line=line
                )
    if select:
        for token in select:
            chosen += [r for r in match_token(token, registry) if r not in chosen]
    else:
        chosen = list(registry)
    dropped = {r for token in ignore for r in match_token(token, registry)}
    return tuple(r for r in chosen if r not in dropped)


def configure(rules: Sequence[type[Rule]], settings: Mapping[str, RuleSettings]) -> tuple[Rule, ...]:
    """Instances of ``rules`` with the severities and options of ``settings``."""
    instances = []
    for rule in rules:
        setting = settings.get(rule.code, RuleSettings())
        config = dataclasses.replace(rule.Config(), **setting.options) if setting.options else rule.Config()
        instances.append(rule(config=config, severity=setting.severity))
    return tuple(instances)


def rules_from_config(
    config: RunConfig,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    registry: Sequence[type[Rule]] | None = None,
) -> tuple[Rule, ...]:
    """Configured rule instances: CLI ``select``/``ignore`` win over the file's."""
    chosen = select_rules(
        select if select else config.select,
        ignore if ignore else config.ignore,
        registry,
        origin="--select" if select else config.origins.get("select", "--select"),
        ignore_origin="--ignore" if ignore else config.origins.get("ignore", "--ignore"),
    )
    return configure(chosen, config.rules)
