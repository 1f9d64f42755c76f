"""What hexaglot says on standard error besides errors: one ``logging`` logger, ``hexaglot``.

Reports go to standard output (or ``-o``); this logger carries everything else:
warnings about the input (shown by default), the one-line ``wrote PATH (N findings)``
after ``-o`` (level ``NOTICE``, shown by default, hidden by ``-q``), progress (``-v``)
and details (``-vv``). ``-q`` leaves only errors. Messages are escaped like the
text reports, so a file name cannot send control sequences to the terminal.

Every command takes ``-v``/``-q`` (``verbosity_options``); the same decorator can
be put on the ``hexaglot`` group, and flags given there and on the command add up.
"""

from __future__ import annotations

import logging

import click

from aligner.errors import escape_controls

#: Between INFO and WARNING: what a user is told by default and not with ``-q`` (``wrote PATH ...``).
NOTICE = 25
logging.addLevelName(NOTICE, "NOTICE")

LOGGER_NAME = "hexaglot"
logger = logging.getLogger(LOGGER_NAME)

#: ``configure(verbosity)``: -1 quiet (errors only), 0 default, 1 info, 2 and more debug.
_LEVELS = {-1: logging.ERROR, 0: NOTICE, 1: logging.INFO, 2: logging.DEBUG}
_META_KEY = "hexaglot.verbosity"


class _StderrHandler(logging.Handler):
    """Writes through ``click.echo(err=True)``, i.e. to whatever ``sys.stderr`` is now."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            click.echo(self.format(record), err=True)
        except Exception:  # a closed stderr must not turn a notice into a crash
            self.handleError(record)


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = escape_controls(record.getMessage())
        if record.levelno == NOTICE:
            return message
        if record.levelno >= logging.ERROR:
            return f"hexaglot: error: {message}"
        if record.levelno >= logging.WARNING:
            return f"hexaglot: warning: {message}"
        if record.levelno >= logging.INFO:
            return f"hexaglot: {message}"
        return f"hexaglot: debug: {message}"


_handler = _StderrHandler()
_handler.setFormatter(_Formatter())
logger.addHandler(_handler)
logger.propagate = False
logger.setLevel(NOTICE)


def level_for(verbosity: int) -> int:
    """The logging level of a verbosity (-1 quiet ... 2 debug; beyond either end, clamped)."""
    return _LEVELS[max(-1, min(2, verbosity))]


def configure(verbosity: int = 0) -> None:
    """Show messages of the ``hexaglot`` logger at ``verbosity`` (-1 quiet, 0 default, 1 info, 2 debug)."""
    logger.setLevel(level_for(verbosity))


def notice(message: str) -> None:
    """A line the user is told by default and not with ``-q`` (``wrote report.html (3 findings)``)."""
    logger.log(NOTICE, message)


def counted(count: int, noun: str) -> str:
    """``1 finding``, ``3 findings``: ``noun`` is singular and takes an ``s``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def wrote(path: str, what: str) -> None:
    """``wrote PATH (WHAT)`` after an output file; nothing for ``-o -`` (standard output)."""
    if path != "-":
        notice(f"wrote {path} ({what})")


def _remember(ctx: click.Context, param: click.Parameter, value):
    """Record this flag (per context, so the group's and the command's add up) and reconfigure."""
    flags = ctx.meta.setdefault(_META_KEY, {})
    flags[(id(ctx), param.name)] = value
    quiet = any(v for (_, name), v in flags.items() if name == "quiet")
    verbose = sum(v for (_, name), v in flags.items() if name == "verbose")
    configure(-1 if quiet else verbose)
    return value


def verbosity_options(func):
    """``-v/--verbose`` (repeatable) and ``-q/--quiet`` for a click command or group."""
    func = click.option("-q", "--quiet", is_flag=True, expose_value=False, callback=_remember,
                        help="Only errors on standard error (no warnings, no 'wrote ...' line).")(func)
    func = click.option("-v", "--verbose", count=True, expose_value=False, callback=_remember,
                        help="More detail on standard error (-v progress, -vv debug).")(func)
    return func
