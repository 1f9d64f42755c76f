"""The ``hexaglot`` command line: parse options, call the library, render.

Each command lives in its own module under ``hexaglot.commands`` (listed in
``COMMANDS``) and is imported only when it is needed: ``hexaglot check``
imports the check command, not the demo or the terminology tools. This file
only lists them and turns input errors into one line on stderr and exit 2.
"""

from __future__ import annotations

import errno
import io
import os
import signal
import sys
from functools import partial
from importlib import import_module

import click

from aligner.errors import InputError, one_line
from hexaglot import __version__, collector
from hexaglot.logs import verbosity_options

#: The command modules under ``hexaglot.commands``, in help order; each defines ``command``
#: (a click command or group) named like its module. The value is the first paragraph of the
#: command's help: ``hexaglot --help`` lists the commands without importing them
#: (tests/test_qa_engine_cli.py checks that it is each command's own).
COMMANDS: dict[str, str] = {
    "demo": "Run hexaglot on the bundled resolution 2023/26: structure, QA findings, glossary terms, HTML reports.",
    "segment": "Read FILE ('-': standard input) and show its structure: units, lines, sentences, footnotes, warnings.",
    "align": "Align two or more versions of a document (the first FILE is the pivot) into rows.",
    "check": "Check TARGET versions against the SOURCE: structure, terminology, numbers, references, dates...",
    "batch": "Check every document of the CORPUS folder: one report per document under -o, and a corpus summary.",
    "rules": "List the QA rules, or show one rule (CODE or dotted name) with its examples.",
    "compare": "Score DRAFT against REFERENCE (same language): per-paragraph chrF, BLEU, TER and a word diff, "
               "most changed first, corpus scores at the end (sacrebleu, with its signatures).",
    "glossary": "UN glossaries: validate, look up, count, find new terms, merge decisions, convert, import UNTERM.",
}


class _Interrupted(Exception):
    """Ctrl-C while a command ran."""


class _BrokenPipe(Exception):
    """Standard output was closed by its reader (``hexaglot check ... | head``)."""


class _ClosedStdout:
    """Stands for a standard output the shell closed (``>&-``): writing to it is an
    error the user sees, instead of click silently dropping the report."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


#: Exit codes beyond 0 (clean), 1 (findings) and 2 (usage or input error).
EXIT_INTERNAL = 3
EXIT_SIGPIPE = 128 + signal.SIGPIPE
EXIT_INTERRUPTED = 128 + signal.SIGINT
EXIT_TERMINATED = 128 + signal.SIGTERM


class HexaglotGroup(click.Group):
    """A click group that loads its commands on demand (``COMMANDS``) and reports
    ``InputError`` as one line and exit code 2."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS) + sorted(name for name in self.commands if name not in COMMANDS)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The commands and their one-line help, as click lists them, from ``COMMANDS`` for
        the commands not loaded (importing all eight would triple the time of ``--help``)."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.commands.get(name)
            if command is None:
                rows.append((name, partial(_short_help, COMMANDS[name])))
            elif not command.hidden:
                rows.append((name, command.get_short_help_str))
        if rows:
            limit = formatter.width - 6 - max(len(name) for name, _ in rows)
            with formatter.section("Commands"):
                formatter.write_dl([(name, short_help(limit)) for name, short_help in rows])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            self.add_command(import_module(f"hexaglot.commands.{cmd_name}").command, cmd_name)
        return self.commands.get(cmd_name)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name, command, rest = super().resolve_command(ctx, args)
        if name not in collector.RESUMES_ITSELF:
            collector.resume()  # the command runs with the collector on
        return name, command, rest

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except InputError as exc:
            click.echo(f"hexaglot: error: {exc}", err=True)
            sys.exit(2)
        except BrokenPipeError:
            raise _BrokenPipe() from None  # click itself would make it exit 1, the findings code
        except KeyboardInterrupt:
            raise _Interrupted() from None  # click itself would print a blank line and exit 1


@click.group(cls=HexaglotGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="hexaglot")
@verbosity_options
def cli() -> None:
    """QA, alignment and terminology for multilingual UN documents."""


def _short_help(text: str, limit: int) -> str:
    return click.Command(None, help=text).get_short_help_str(limit)


def _on_sigterm(signum, frame) -> None:
    # SystemExit unwinds like Ctrl-C does, so write_atomic removes its temporary file.
    raise SystemExit(EXIT_TERMINATED)


def _say(message: str) -> None:
    try:
        sys.stderr.write(f"hexaglot: {one_line(message)}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass


def _silence_stdout() -> None:
    """After a failed write to standard output, point it at /dev/null so the
    interpreter's own flush at exit does not print a second error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _flush_stdout() -> int:
    """0, or 2 after a one-line error when the report could not reach standard output."""
    if sys.stdout is None or isinstance(sys.stdout, _ClosedStdout):
        return 0
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_SIGPIPE
    except OSError as exc:
        _say(f"error: standard output: cannot be written ({exc.strerror or exc})")
        _silence_stdout()
        return 2
    return 0


def main(args: list[str] | None = None) -> None:
    """The console entry point: run the command line and turn every way it can end
    into an exit code and at most one line on stderr.

    0 clean, 1 findings, 2 usage or input error (``InputError``, click's usage
    errors, an output that cannot be written), 3 internal error (a bug: the
    traceback is printed only with ``HEXAGLOT_DEBUG=1``), 130 interrupted
    (Ctrl-C), 141 standard output closed by its reader, 143 terminated.
    """
    signal.signal(signal.SIGTERM, _on_sigterm)
    if sys.stdout is None:
        sys.stdout = _ClosedStdout()  # type: ignore[assignment]
    elif isinstance(getattr(sys.stdout, "buffer", None), io.RawIOBase):
        # PYTHONUNBUFFERED: a raw stream drops the rest of a partial write to a pipe whose
        # reader left, so `| head` would end in silence and exit 0; a buffered one raises.
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(sys.stdout.buffer), encoding=sys.stdout.encoding,
                                      errors=sys.stdout.errors, line_buffering=True)
    code: int | str | None = 0
    try:
        code = cli.main(args=args, prog_name="hexaglot", standalone_mode=False)
    except SystemExit as exc:
        code = exc.code
    except (KeyboardInterrupt, click.exceptions.Abort, _Interrupted):
        _say("interrupted")
        code = EXIT_INTERRUPTED
    except click.UsageError as exc:
        hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
        _say(f"error: {exc.format_message()}{hint}")
        code = 2
    except click.ClickException as exc:
        _say(f"error: {exc.format_message()}")
        code = exc.exit_code
    except InputError as exc:
        _say(f"error: {exc}")
        code = 2
    except _BrokenPipe:
        _silence_stdout()
        code = EXIT_SIGPIPE
    except OSError as exc:
        if exc.filename is None:
            _say(f"error: standard output: cannot be written ({exc.strerror or exc})")
            _silence_stdout()
        else:
            _say(f"error: {os.fsdecode(exc.filename)}: {exc.strerror or exc}")
        code = 2
    except Exception as exc:  # a bug: one line for the user, the traceback on request
        if os.environ.get("HEXAGLOT_DEBUG"):
            import traceback

            traceback.print_exc()
        _say(f"internal error: {type(exc).__name__}: {exc} (please report it; HEXAGLOT_DEBUG=1 shows the traceback)")
        code = EXIT_INTERNAL
    flushed = _flush_stdout() if code != 2 else 0
    if isinstance(code, str):  # sys.exit("message")
        _say(code)
        code = 1
    sys.exit(flushed or (code or 0))
