"""Hunspell dictionaries of the system, through the C library itself.

The dictionaries are the ones the operating system installs (Debian's
``hunspell-en-gb``, ``hunspell-fr``, ``hunspell-es``, ``hunspell-ru``,
``hunspell-ar``; the library is ``libhunspell-1.7-0``); nothing is downloaded
and nothing is imported or read until a spelling rule runs. Each language's
dictionary is loaded once per process (``speller``). Where the library or a
language's dictionary is absent, ``speller`` returns the reason instead, which
the rules turn into a notice of the report: a missing dictionary is never a
failure, nor a silent pass.

Which dictionary serves a language, and which package brings it, is language
data (``[spelling]`` in ``qa_rules/langdata/<lang>.toml``). Dictionaries are
looked for where Hunspell itself looks: the folders of ``DICPATH`` (separated
by ``:``), then the system's.

The binding is a few calls of ``ctypes`` (``Hunspell_create``, ``Hunspell_spell``,
``Hunspell_suggest``): the C library checks 25,000 to 125,000 words a second and
loads a dictionary in 0.2 to 1 second, where the pure-Python port (spylls) checks
300 to 7,000 and loads in 4 to 17 seconds (``benchmarks/spelling.py``).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

#: Where Hunspell's dictionaries are installed, after the folders of ``DICPATH``.
SYSTEM_FOLDERS = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts",
                  "/usr/local/share/hunspell", "/opt/homebrew/share/hunspell")
#: The shared library's names, newest first (the Debian package is libhunspell-1.7-0).
LIBRARY_NAMES = ("hunspell-1.7", "hunspell")
LIBRARY_FILES = ("libhunspell-1.7.so.0", "libhunspell-1.7.0.dylib", "libhunspell.so")
#: The Debian package of the library.
LIBRARY_PACKAGE = "libhunspell-1.7-0"


@dataclass(frozen=True)
class Dictionary:
    """One loaded Hunspell dictionary: ``checks(word)`` says whether it spells ``word`` so."""

    name: str
    path: str
    handle: int
    library: Any
    encoding: str
    lock: Any

    def checks(self, word: str) -> bool:
        try:
            encoded = word.encode(self.encoding)
        except UnicodeEncodeError:  # a letter the dictionary's character set does not have
            return False
        if len(encoded) > 1000:  # Hunspell's own limit on a word
            return False
        with self.lock:  # one handle is not safe for two threads at once
            return bool(self.library.Hunspell_spell(self.handle, encoded))

    def suggest(self, word: str, limit: int = 3) -> tuple[str, ...]:
        """Hunspell's first ``limit`` suggestions for a word it does not know (the peer of SC01's
        own, ``qa_rules.spelling.suggest``, in ``benchmarks/spelling.py``). Hunspell bounds
        its search by the process's CPU clock, which every thread advances: the suggestions
        wait for the dictionaries being loaded in the background (``settled``), so that the
        loading never shortens a search and changes what it finds."""
        import ctypes

        settled()

        try:
            encoded = word.encode(self.encoding)
        except UnicodeEncodeError:
            return ()
        if len(encoded) > 1000:
            return ()
        found = ctypes.POINTER(ctypes.c_char_p)()
        with self.lock:
            count = self.library.Hunspell_suggest(self.handle, ctypes.byref(found), encoded)
            try:
                words = [found[i].decode(self.encoding, "replace") for i in range(min(count, limit))]
            finally:
                if count > 0:
                    self.library.Hunspell_free_list(self.handle, ctypes.byref(found), count)
        return tuple(words)


def folders() -> tuple[Path, ...]:
    """The folders searched for ``<name>.aff`` and ``<name>.dic``, in order."""
    extra = [p for p in os.environ.get("DICPATH", "").split(os.pathsep) if p]
    return tuple(Path(p) for p in (*extra, *SYSTEM_FOLDERS))


def find(name: str) -> Path | None:
    """The ``.dic`` file of dictionary ``name`` (``en_GB``) with its ``.aff`` beside it, or ``None``."""
    for folder in folders():
        dic, aff = folder / f"{name}.dic", folder / f"{name}.aff"
        try:
            if dic.is_file() and aff.is_file():
                return dic
        except OSError:
            continue
    return None


@lru_cache(maxsize=1)
def library() -> Any:
    """The Hunspell C library with its calls declared, or the reason it cannot be loaded (a str)."""
    import ctypes

    for candidate in _library_candidates():
        try:
            lib = ctypes.CDLL(candidate)
        except OSError:
            continue
        lib.Hunspell_create.restype = ctypes.c_void_p
        lib.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        lib.Hunspell_spell.restype = ctypes.c_int
        lib.Hunspell_spell.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        lib.Hunspell_suggest.restype = ctypes.c_int
        lib.Hunspell_suggest.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.POINTER(ctypes.c_char_p)),
                                             ctypes.c_char_p]
        lib.Hunspell_free_list.restype = None
        lib.Hunspell_free_list.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.POINTER(ctypes.c_char_p)),
                                               ctypes.c_int]
        lib.Hunspell_get_dic_encoding.restype = ctypes.c_char_p
        lib.Hunspell_get_dic_encoding.argtypes = [ctypes.c_void_p]
        return lib
    return "the Hunspell library is not installed"


def _library_candidates() -> Iterator[str]:
    """The library's usual file names first (opening one costs a few milliseconds), then what
    ``ctypes.util.find_library`` finds (it runs ``ldconfig`` or a compiler: 20-60 ms)."""
    yield from LIBRARY_FILES
    import ctypes.util

    for name in LIBRARY_NAMES:
        found = ctypes.util.find_library(name)
        if found:
            yield found


#: One lock for every handle's calls (``Dictionary.lock``).
_LOCK = threading.Lock()
#: Held while a dictionary is created: one at a time (the library's shared tables are not built
#: for two threads at once).
_CREATING = threading.Lock()
#: Guards the two tables below, and is only ever held for a lookup or an update: a thread asking
#: for a dictionary, or queuing more, never waits behind the creation of others.
_STATE = threading.Lock()
_LOADED: dict[str, Dictionary | str] = {}
#: Dictionaries a background thread has been asked to load, each with the event it sets once
#: that dictionary is loaded (or its load has failed).
_QUEUED: dict[str, threading.Event] = {}


def load(name: str) -> Dictionary | str:
    """Dictionary ``name`` loaded once per process, or why it cannot be (a sentence). A name
    queued by ``preload`` is waited for, not loaded a second time."""
    with _STATE:
        if name in _LOADED:
            return _LOADED[name]
        queued = _QUEUED.get(name)
    if queued is not None:
        queued.wait()
        with _STATE:
            if name in _LOADED:
                return _LOADED[name]
    return _create_once(name)  # not queued, or the background thread stopped before it


def _create_once(name: str) -> Dictionary | str:
    with _CREATING:
        with _STATE:
            if name in _LOADED:
                return _LOADED[name]
        made = _create(name)
        with _STATE:
            _LOADED[name] = made
        return made


def preload(names: Iterable[str]) -> threading.Thread | None:
    """Start loading the dictionaries ``names`` (those not loaded or queued yet) one after the
    other in a background thread; ``load`` then waits for one being loaded instead of loading it
    again. ``None`` when there is nothing to load."""
    with _STATE:
        pending = [name for name in dict.fromkeys(names) if name not in _LOADED and name not in _QUEUED]
        events = {name: threading.Event() for name in pending}
        _QUEUED.update(events)
    if not pending:
        return None
    # a daemon: it never keeps the process alive once the run is over
    thread = threading.Thread(target=_load_all, args=(events,), name="hunspell-preload", daemon=True)
    thread.start()
    return thread


def _load_all(events: dict[str, threading.Event]) -> None:
    try:
        for name, done in events.items():
            _create_once(name)
            done.set()
    except Exception:  # noqa: BLE001 - the rule that needs it meets the same error and reports it
        pass
    finally:  # whatever was not loaded, a thread waiting for it loads it itself
        for done in events.values():
            done.set()


def settled() -> None:
    """Wait until no dictionary queued by ``preload`` is still being loaded."""
    with _STATE:
        pending = list(_QUEUED.values())
    for done in pending:
        done.wait()


def loaded() -> tuple[str, ...]:
    """The names of the dictionaries loaded so far (or found missing), in the order loaded."""
    with _STATE:
        return tuple(_LOADED)


def forget() -> None:
    """Forget the dictionaries loaded so far (a test that changes ``DICPATH``)."""
    with _CREATING, _STATE:
        _LOADED.clear()
        _QUEUED.clear()


def _create(name: str) -> Dictionary | str:
    lib = library()
    if isinstance(lib, str):
        return lib
    dic = find(name)
    if dic is None:
        return f"no Hunspell dictionary {name} in {', '.join(str(f) for f in folders())}"
    aff = dic.with_suffix(".aff")
    handle = lib.Hunspell_create(os.fsencode(aff), os.fsencode(dic))
    if not handle:
        return f"the Hunspell dictionary {dic} could not be loaded"
    raw = lib.Hunspell_get_dic_encoding(handle) or b"UTF-8"
    encoding = _python_encoding(raw.decode("ascii", "replace"))
    return Dictionary(name=name, path=str(dic), handle=handle, library=lib, encoding=encoding, lock=_LOCK)


def _python_encoding(name: str) -> str:
    import codecs

    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        return "utf-8"
