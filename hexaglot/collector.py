"""The garbage collector in a one-shot ``hexaglot`` process.

A command first loads what it keeps for its whole life: modules, rules, glossaries, compiled
patterns, the documents and their alignment. While it loads, every collection the allocations
trigger walks those young survivors again and frees nothing: 0.04-0.06 s of CPU in a
six-language check. Nothing hexaglot makes is left in a reference cycle (``tests/test_no_cycles.py``),
so reference counting frees what a run drops the moment it drops it, and the collector has
only the garbage of the imports themselves to find.

So ``hexaglot.__main__`` pauses the collector before its imports (``pause``), and ``resume`` sets
what has been loaded aside (``gc.freeze``: never walked again) and turns the collector back on:

- the command line group calls it before running any command, unless the command resumes
  the collector itself (``RESUMES_ITSELF``);
- ``check`` resumes it once the documents are read and aligned (a TMX/XLIFF file: read), before
  the rules run (``qa_rules.run.check_paths``'s ``before_rules``); ``align`` once the documents are read and
  aligned, before the aligned file is written (the sentence aligner spent 10-20 % of its CPU in
  collections on a long document).

``resume`` is a no-op in a process that never paused (the library used from Python, the tests).
What is garbage in a cycle when it runs is set aside with the rest and lasts as long as the
command: the imports' own (a few hundred objects), and with ``check --alignment`` of an XLSX
file, the workbook openpyxl read (about 15 objects a row); hexaglot's readers of Markdown, text,
DOCX, lines, TMX and XLIFF leave none that grows with the document.

A worker that checks document after document (``hexaglot batch``) pauses the collector for each
document (``paused``) and lets it run between two: the collections a document's allocations
would trigger find nothing to free, and one collection after it walks its survivors (the
per-text caches grown) once.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

#: Commands that call ``resume`` themselves, once they have loaded what they keep.
RESUMES_ITSELF = frozenset({"align", "check"})

_paused = False


def pause() -> None:
    """Turn the collector off until ``resume`` (a process that is only starting)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Set what is loaded aside from the collector and turn it back on, if ``pause`` turned it
    off; otherwise do nothing."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


@contextmanager
def paused() -> Iterator[None]:
    """The collector off for the block, and back as it was after it (nothing is frozen)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
