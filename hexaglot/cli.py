"""The ``hexaglot`` command line: parse options, call the library, render.

Each command lives in its own module under ``hexaglot.commands`` (listed in
``COMMANDS``) and is imported only when it is needed: ``hexaglot check``
imports the check command, not the demo or the terminology tools. This file
only lists them and turns input errors into one line on stderr and exit 2.
"""

from __future__ import annotations

import sys
from importlib import import_module

import click

from aligner.errors import InputError
from hexaglot import __version__

#: The command modules under ``hexaglot.commands``, in help order; each defines ``command``
#: (a click command or group) named like its module.
COMMANDS: tuple[str, ...] = ("demo", "segment", "align", "check", "rules", "compare", "glossary")


class HexaglotGroup(click.Group):
    """A click group that loads its commands on demand (``COMMANDS``) and reports
    ``InputError`` as one line and exit code 2."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS) + sorted(name for name in self.commands if name not in COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            self.add_command(import_module(f"hexaglot.commands.{cmd_name}").command, cmd_name)
        return self.commands.get(cmd_name)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except InputError as exc:
            click.echo(f"hexaglot: error: {exc}", err=True)
            sys.exit(2)


@click.group(cls=HexaglotGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="hexaglot")
def cli() -> None:
    """QA, alignment and terminology for multilingual UN documents."""


def main() -> None:
    cli(prog_name="hexaglot")
