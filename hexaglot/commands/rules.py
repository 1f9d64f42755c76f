"""``hexaglot rules [CODE]``: the rule table, or one rule's documentation."""

from __future__ import annotations

import dataclasses
import inspect

import click

from aligner.errors import InputError
from hexaglot.logs import verbosity_options
from hexaglot.reports import escape_controls
from qa_rules.config import match_token


def table() -> str:
    from qa_rules.registry import RULES

    rows = [("code", "name", "category", "severity", "languages", "summary")]
    for rule in RULES:
        rows.append((rule.code, rule.name, rule.category, rule.severity,
                     ",".join(rule.languages) or "all", rule.summary()))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = []
    for row in rows:
        lines.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:5])) + "  " + row[5])
    lines.append(f"{len(RULES)} rules. `hexaglot rules CODE` shows one rule with its examples.")
    return "\n".join(lines) + "\n"


def describe(rule) -> str:
    doc = inspect.getdoc(rule) or ""
    lines = [
        f"{rule.code}  {rule.name}",
        f"category: {rule.category}   default severity: {rule.severity}   "
        f"languages: {', '.join(rule.languages) or 'all'}",
        "",
        doc,
        "",
    ]
    config_fields = dataclasses.fields(rule.Config)
    if config_fields:
        lines.append(f"Configuration ([hexaglot:rule:{rule.code}] in setup.cfg, [hexaglot.rules.{rule.code}] in TOML):")
        lines.append("    severity = error | warning | info")
        for spec in config_fields:
            lines.append(f"    {spec.name} = {spec.default!r}")
        config_doc = inspect.getdoc(rule.Config) or ""
        lines += ["", *("    " + ln for ln in config_doc.splitlines())]
    else:
        lines.append(f"Configuration: severity only ([hexaglot:rule:{rule.code}] severity = warning).")
    return "\n".join(lines).rstrip() + "\n"


@click.command("rules")
@click.argument("code", required=False)
@verbosity_options
def command(code: str | None) -> None:
    """List the QA rules, or show one rule (CODE or dotted name) with its examples."""
    from qa_rules.registry import RULES

    if not code:
        click.echo(escape_controls(table()), nl=False)
        return
    matches = [r for r in match_token(code, RULES)]
    exact = [r for r in matches if r.code.lower() == code.lower() or r.name == code]
    if exact:
        matches = exact
    if not matches:
        raise InputError(code, "no such rule (see `hexaglot rules`)")
    click.echo(escape_controls("\n".join(describe(rule) for rule in matches)), nl=False)
