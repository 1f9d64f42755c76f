"""Run configuration: which rules, how severe, with which options.

Read from a file given with ``--config`` (``.toml``, or an INI file such as
``setup.cfg``) or, without one, from the first folder, going up from the working
folder to the root, that holds ``hexaglot.toml``, a ``pyproject.toml`` with a
``[tool.hexaglot]`` table, or a ``setup.cfg`` with ``[hexaglot]`` sections (in
that order of preference within a folder)::

    # setup.cfg                          # hexaglot.toml
    [hexaglot]                           [hexaglot]
    select = numbers,references,ST01     select = ["numbers", "references", "ST01"]
    ignore = NU04                        ignore = ["NU04"]
    fail_on = warning                    fail_on = "warning"
    systematic_min_count = 5             systematic_min_count = 5

    [hexaglot:rule:NU01]                 [hexaglot.rules.NU01]
    severity = warning                   severity = "warning"

``systematic_min_count`` and ``systematic_min_share`` set when many findings of
one kind in a version are reported as one (``qa_rules.systematic.Systematic``;
``systematic_min_count = 0``: never). Rule sections set ``severity`` and the
fields of that rule's ``Config``.
Unknown keys, sections, rule codes, values of the wrong type and numbers out of
range are ``InputError``s naming the file and line. Each option's field declares
its constraints: a number is finite and at least 0 unless its metadata gives a
``range`` (``field(default=0.3, metadata={"range": (0, 1)})``); the strings of a
field with ``metadata={"regex": True}`` must compile; a field whose type is not
``bool``, ``int``, ``float``, ``str`` or ``tuple[str, ...]`` is set by hexaglot
itself, never by a file. Selection tokens are rule codes (``NU01``), dotted
names (``numbers.mismatch``) or categories (``numbers``)::

    >>> [r.code for r in select_rules(["ST01"], [])]
    ['ST01']
"""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

from aligner.errors import InputError
from aligner.fileio import read_text
from qa_rules.base import Rule
from qa_rules.model import CATEGORIES, SEVERITIES
from qa_rules.configfile import Entry, find_config, read_ini, read_toml
from qa_rules.systematic import Systematic
from qa_rules.tomlfile import short_value, toml_type

#: ``--fail-on`` values: a severity, or ``never``.
FAIL_ON = SEVERITIES + ("never",)
#: Keys of the ``[hexaglot]`` section.
MAIN_KEYS = ("select", "ignore", "fail_on", "level", "accept", "glossaries", "default_glossaries", "format",
             "systematic_min_count", "systematic_min_share")
#: ``[hexaglot]`` keys that set a field of ``Systematic``: ``systematic_`` + the field's name.
_SYSTEMATIC_PREFIX = "systematic_"
_LIST_KEYS = frozenset({"select", "ignore", "glossaries"})
#: The files a folder's settings may be in, by preference, and the table that holds them.
#: Numeric rule options are at least 0 unless the field's metadata gives another ``range``.
DEFAULT_RANGE = (0, None)


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
    #: When findings of one kind become one systematic finding.
    systematic: Systematic = Systematic()
    #: Where each setting was read: ``{"select": ("setup.cfg", 3), "NU01": (...)}``.
    origins: Mapping[str, tuple[str, int]] = field(default_factory=dict)
    path: str | None = None


# -- reading (files are found and parsed by qa_rules.configfile) ---------------------


def load_config(path: str | Path | None = None, search_dir: str | Path = ".") -> RunConfig:
    """The config of ``path`` or, without one, of the first config file ``find_config`` finds."""
    from qa_rules.registry import RULES

    if path is None:
        path = find_config(search_dir)
        if path is None:
            return RunConfig()
    text = read_text(path)
    name = Path(path).name
    if name == "pyproject.toml":
        raw = read_toml(text, str(path), table="tool.hexaglot")
    elif name.endswith(".toml"):
        raw = read_toml(text, str(path))
    else:
        raw = read_ini(text, str(path))
    return _build(raw, str(path), RULES)


# -- validating ----------------------------------------------------------------------


def _build(raw: dict[str, dict[str, Entry]], path: str, registry: Sequence[type[Rule]]) -> RunConfig:
    values: dict[str, Any] = {}
    origins: dict[str, tuple[str, int]] = {}
    systematic: dict[str, Any] = {}
    main = raw.get("hexaglot", {})
    typed = "__table__" in main  # TOML: values have types; INI: every value is text
    table = main["__table__"][0] if typed else "[hexaglot]"
    for key, (value, line) in main.items():
        if key.startswith("__"):
            continue
        if key not in MAIN_KEYS:
            raise InputError(path, f"unknown key {short_value(key)} in {table} (known: {', '.join(MAIN_KEYS)})", line=line)
        if key.startswith(_SYSTEMATIC_PREFIX):
            spec = next(f for f in dataclasses.fields(Systematic) if f.name == key[len(_SYSTEMATIC_PREFIX):])
            systematic[spec.name] = _coerce(spec, value, path, line, "systematic", typed, name=key)
        else:
            values[key] = _main_value(key, value, path, line, typed)
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
            raise InputError(path, f"unknown rule code {short_value(code)} (see `hexaglot rules`)", line=header_line)
        severity = None
        options: dict[str, Any] = {}
        fields_by_name = {f.name: f for f in dataclasses.fields(rule.Config)}
        for key, (value, line) in entries.items():
            if key == "__line__":
                continue
            if key == "severity":
                if not isinstance(value, str) or value.strip() not in SEVERITIES:
                    raise InputError(path, f"severity {short_value(value)} is not one of {', '.join(SEVERITIES)}", line=line)
                severity = value.strip()
            elif key in fields_by_name:
                options[key] = _coerce(fields_by_name[key], value, path, line, rule.code, typed)
            else:
                known = ", ".join(["severity", *fields_by_name]) or "severity"
                raise InputError(path, f"unknown key {short_value(key)} for rule {rule.code} (known: {known})", line=line)
        rules[rule.code] = RuleSettings(severity=severity, options=options)
        origins[rule.code] = (path, header_line)
    return RunConfig(**values, rules=rules, systematic=Systematic(**systematic), origins=origins, path=path)


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
    raise InputError(path, f"expected true or false, found {short_value(value)}", line=line)


def _is_strings(value: Any) -> bool:
    return isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))


def _main_value(key: str, value: Any, path: str, line: int, typed: bool = False) -> Any:
    if typed:
        expected = ("an array of strings" if key in _LIST_KEYS else "true or false" if key == "default_glossaries"
                    else "a string")
        ok = (_is_strings(value) if key in _LIST_KEYS else isinstance(value, bool) if key == "default_glossaries"
              else isinstance(value, str))
        if not ok:
            raise InputError(path, f"{key} must be {expected}, found {toml_type(value)}", line=line)
    if key in _LIST_KEYS:
        return _split_list(value)
    if key == "default_glossaries":
        return _as_bool(value, path, line)
    value = str(value).strip()
    if key == "fail_on" and value not in FAIL_ON:
        raise InputError(path, f"fail_on {short_value(value)} is not one of {', '.join(FAIL_ON)}", line=line)
    if key == "level":
        from aligner.align import LEVELS

        if value not in LEVELS:
            raise InputError(path, f"level {short_value(value)} is not one of {', '.join(LEVELS)}", line=line)
    return value


#: The option types a config file can set, by the name of their annotation.
_OPTION_TYPES = {"bool": "true or false", "int": "an integer", "float": "a number", "str": "a string",
                 "tuple[str, ...]": "an array of strings"}


def option_type(spec: dataclasses.Field) -> str | None:
    """The annotation of a rule option as text (``"int"``, ``"tuple[str, ...]"``), or ``None``
    when a config file cannot set it."""
    kind = spec.type if isinstance(spec.type, str) else getattr(spec.type, "__name__", None) \
        if isinstance(spec.type, type) else str(spec.type)
    kind = re.sub(r"\s+", "", kind or "").replace(",...", ", ...")
    return kind if kind in _OPTION_TYPES else None


def _check_regex(pattern: str, name: str, path: str, line: int) -> None:
    try:
        re.compile(pattern)
    except (re.error, RecursionError, OverflowError) as exc:
        reason = " ".join(str(getattr(exc, "msg", exc)).split())[:80]
        raise InputError(path, f"{name}: {short_value(pattern)} is not a regular expression ({reason})", line=line) from None


def _coerce(spec: dataclasses.Field, value: Any, path: str, line: int, code: str, typed: bool = False,
            name: str = "") -> Any:
    name = name or f"{code}.{spec.name}"
    kind = option_type(spec)
    if kind is None:
        raise InputError(path, f"{name} is set by hexaglot itself and cannot be given in a config file", line=line)
    if typed:
        ok = {
            "bool": isinstance(value, bool),
            "int": isinstance(value, int) and not isinstance(value, bool),
            "float": isinstance(value, (int, float)) and not isinstance(value, bool),
            "str": isinstance(value, str),
            "tuple[str, ...]": _is_strings(value),
        }[kind]
        if not ok:
            raise InputError(path, f"{name} must be {_OPTION_TYPES[kind]}, found {toml_type(value)}", line=line)
    try:
        if kind == "bool":
            return _as_bool(value, path, line)
        if kind == "str":
            return str(value)
        if kind == "tuple[str, ...]":
            items = _split_list(value)
            if spec.metadata.get("regex"):
                for item in items:
                    _check_regex(item, name, path, line)
            return items
        number = int(value) if kind == "int" else float(value)
    except (TypeError, ValueError):
        raise InputError(path, f"{name}: {short_value(value)} is not {_OPTION_TYPES[kind]}", line=line) from None
    low, high = spec.metadata.get("range", DEFAULT_RANGE)
    if not math.isfinite(number) or (low is not None and number < low) or (high is not None and number > high):
        bounds = f"from {low} to {high}" if high is not None else f"{low} or more"
        raise InputError(path, f"{name} must be {bounds}, found {short_value(value)}", line=line)
    return number


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
                    path, f"unknown rule, name or category {short_value(token)} (see `hexaglot rules`)", line=line
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
