"""Progress of a long run on standard error: a bar on a terminal, plain lines elsewhere.

On a terminal, a rich progress bar with the rate and the time left. Anywhere
else (a log file, a CI job, a pipe), one plain line every ``every`` seconds and
a last one at the end, so a nightly job's log shows the run advancing without
control sequences::

    batch: 120/500 documents (24%), 3.1/s, 2 errors, about 2m03s left

``-q`` (the ``hexaglot`` logger above NOTICE) shows neither.
"""

from __future__ import annotations

import sys
import time
from typing import Callable, TextIO

from hexaglot.logs import NOTICE, logger


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"


class ProgressReport:
    """``update(done, errors)`` after each document of ``total``; ``close()`` at the end.

    ``terminal``/``enabled``: None decides from standard error and the log level.
    ``clock`` is injectable so a test can drive the plain lines without waiting.
    """

    def __init__(self, total: int, noun: str = "documents", *, label: str = "batch", every: float = 10.0,
                 terminal: bool | None = None, enabled: bool | None = None, stream: TextIO | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total, self.noun, self.label, self.every = total, noun, label, every
        self.enabled = logger.isEnabledFor(NOTICE) if enabled is None else enabled
        self.terminal = _stderr_is_terminal() if terminal is None else terminal
        self.stream = stream
        self.clock = clock
        self.start = clock()
        self.last = self.start
        self.done = self.errors = 0
        self._bar = None
        self._said = ""
        if self.enabled and self.terminal:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn,
                                       TimeRemainingColumn)

            self._bar = Progress(TextColumn(f"{label}"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                                 TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                                 TextColumn("{task.fields[errors]}"),
                                 console=Console(file=stream or sys.stderr), transient=False)
            self._task = self._bar.add_task(label, total=total, rate="", errors="")
            self._bar.start()

    def line(self) -> str:
        """The plain progress line."""
        elapsed = max(self.clock() - self.start, 1e-9)
        rate = self.done / elapsed
        share = f" ({100 * self.done // self.total}%)" if self.total else ""
        text = f"{self.label}: {self.done}/{self.total} {self.noun}{share}, {rate:.1f}/s"
        if self.errors:
            text += f", {self.errors} error{'s' if self.errors != 1 else ''}"
        if 0 < self.done < self.total and rate > 0:
            text += f", about {_duration((self.total - self.done) / rate)} left"
        return text

    def _emit(self, text: str) -> None:
        if text == self._said:
            return
        self._said = text
        if self.stream is not None:
            self.stream.write(text + "\n")
            self.stream.flush()
        else:
            logger.log(NOTICE, text)

    def update(self, done: int, errors: int = 0) -> None:
        self.done, self.errors = done, errors
        if not self.enabled:
            return
        if self._bar is not None:
            elapsed = max(self.clock() - self.start, 1e-9)
            self._bar.update(self._task, completed=done, rate=f"{done / elapsed:.1f}/s",
                             errors=f"{errors} errors" if errors else "")
            return
        now = self.clock()
        if now - self.last >= self.every:
            self.last = now
            self._emit(self.line())

    def close(self) -> None:
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
            return
        self._emit(self.line())

