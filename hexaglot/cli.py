"""The ``hexaglot`` command line: parse options, call the library, render.

Each command lives in its own module under ``hexaglot.commands``; this file
only lists them and turns input errors into one line on stderr and exit 2.
"""

from __future__ import annotations

import sys

import click

from aligner.errors import InputError
from hexaglot import __version__


class HexaglotGroup(click.Group):
    """A click group that reports ``InputError`` as one line and exit code 2."""

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


def _register() -> None:
    """Each command module defines ``command``; list new ones here."""
    from importlib import import_module

    for name in COMMANDS:
        cli.add_command(import_module(f"hexaglot.commands.{name}").command)


#: The command modules under ``hexaglot.commands``, in help order.
COMMANDS: tuple[str, ...] = ("demo", "segment", "align", "check", "rules", "compare", "glossary")


_register()


def main() -> None:
    cli(prog_name="hexaglot")
