"""Reading inputs and writing outputs, safely.

Reading: every input goes through ``read_bytes``. It reads only regular files
(a FIFO would block forever, ``/dev/zero`` never ends), at most
``aligner.limits.MAX_INPUT_BYTES``, ``-`` as standard input, and it remembers
what it read: an output never replaces a file this process has read, whether
it was given as a document, a glossary, a config, an accept list or found
implicitly.

Writing: ``write_atomic`` writes a regular file through a temporary file and a
rename, so a reader never sees half a report and an interrupted run (Ctrl-C,
SIGTERM, a full disk) leaves neither a partial output nor its temporary file.
A target that is not a regular file (``/dev/null``, ``/dev/stdout``, a FIFO)
is written through, never renamed over; a symbolic link is followed and the
file it points to replaced, the link kept.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from aligner import limits
from aligner.errors import InputError

#: The name that means standard input (as a document) or standard output (as ``-o``).
STDIO = "-"

#: (device, inode) of every file read in this process: outputs never replace one.
_READ: set[tuple[int, int]] = set()


def _identity(path: str | os.PathLike) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


def _too_large(name: str, size: int | None = None) -> InputError:
    shown = f" ({size / limits.MiB:.0f} MiB)" if size is not None else ""
    return InputError(name, f"is too large{shown}: inputs are limited to "
                            f"{limits.MAX_INPUT_BYTES // limits.MiB} MiB; "
                            f"{limits.limit_for('HEXAGLOT_MAX_INPUT_MB')}")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of an input file, or of standard input for ``-``.

    ``InputError`` naming the file when it is missing, a directory, not a
    regular file, larger than the input limit, or unreadable.
    """
    name = str(path)
    limit = limits.MAX_INPUT_BYTES
    if name == STDIO:
        data = sys.stdin.buffer.read(limit + 1) if sys.stdin is not None else b""
        if len(data) > limit:
            raise _too_large("standard input")
        return data
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat tells what it is.
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory, not a file") from None
    except (OSError, ValueError) as exc:
        raise InputError(name, f"cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(name, "is a directory, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(name, f"is {_kind(st.st_mode)}; give a regular file")
        if st.st_size > limit:
            raise _too_large(name, st.st_size)
        os.set_blocking(fd, True)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise _too_large(name)
        _READ.add((st.st_dev, st.st_ino))
        return b"".join(chunks)
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def read_text(path: str | os.PathLike) -> str:
    """Read a text file: UTF-8 (with or without BOM) or UTF-16 with BOM.

    Raises ``InputError`` naming the file for anything else: a missing file,
    a directory, an empty file, a binary file, undecodable bytes.
    """
    return decode_bytes(read_bytes(path), "standard input" if str(path) == STDIO else str(path))


def decode_bytes(data: bytes, name: str) -> str:
    if not data.strip():
        raise InputError(name, "is empty")
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(name, "has a UTF-16 byte-order mark but is not valid UTF-16") from None
    else:
        if b"\x00" in data:
            raise InputError(name, "looks like a binary file (NUL bytes); expected UTF-8 or UTF-16 text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                name,
                f"is not UTF-8 (undecodable byte at offset {exc.start}); save it as UTF-8 or UTF-16 with BOM",
            ) from None
    if not text.strip():
        raise InputError(name, "is empty")
    if _control_ratio(text) > 0.05:
        raise InputError(name, "looks like a binary file (control characters); expected text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _default_mode() -> int:
    """0666 less the process umask: the mode ``open()`` would give a new file."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _control_ratio(text: str) -> float:
    """The share of C0 control characters other than tab, line ends and form feed
    (one regex pass in C: a per-character Python loop costs a second per MB)."""
    return len(_CONTROL.findall(text)) / max(len(text), 1)


def _stdio_target(identity: tuple[int, int] | None) -> int | None:
    """The standard stream (1 or 2) that ``identity`` is, if any: ``-o /dev/stdout``
    redirected to a file must be written through that stream, not renamed over."""
    for fd in (1, 2):
        try:
            st = os.fstat(fd)
        except OSError:
            continue
        if identity == (st.st_dev, st.st_ino):
            return fd
    return None


def _write_through(fd: int, payload: bytes, name: str) -> None:
    view = memoryview(payload)
    try:
        while view:
            written = os.write(fd, view)
            view = view[written:]
    except OSError as exc:
        raise InputError(name, f"cannot be written ({exc.strerror or exc})") from None


def write_atomic(path: str | os.PathLike, data: str | bytes, inputs: Iterable[str | os.PathLike] = ()) -> None:
    """Write ``data`` to ``path`` whole or not at all (``open_atomic`` with one write)."""
    payload = data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data
    with open_atomic(path, inputs) as out:
        out.write(payload)


class _Output:
    """The file object ``open_atomic`` yields: ``write(bytes)``, gathered and handed to ``sink`` in
    blocks; every error an ``InputError`` naming the output."""

    def __init__(self, sink: Callable[[bytes], None]) -> None:
        self.sink = sink
        self.buffer = bytearray()

    def write(self, data: bytes) -> int:
        self.buffer += data
        if len(self.buffer) >= _FLUSH_BYTES:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self.buffer:
            self.sink(bytes(self.buffer))
            self.buffer = bytearray()


def _to_stdout(stream: Any) -> Callable[[bytes], None]:
    def sink(payload: bytes) -> None:
        try:
            stream.write(payload)
            stream.flush()
        except OSError as exc:
            raise InputError("standard output", f"cannot be written ({exc.strerror or exc})") from None
    return sink


def _to_fd(fd: int, name: str) -> Callable[[bytes], None]:
    return lambda payload: _write_through(fd, payload, name)


#: How many bytes ``open_atomic`` gathers before it writes them.
_FLUSH_BYTES = 1 << 16


@contextmanager
def open_atomic(path: str | os.PathLike, inputs: Iterable[str | os.PathLike] = ()) -> Iterator[_Output]:
    """A binary file to write ``path`` piece by piece, there whole or not at all.

    ``-`` is standard output. A regular file (or a new one) is written through
    a temporary file in the same folder and renamed over the target when the
    ``with`` block ends without an error; the temporary file is removed whatever
    else ends it (an error, Ctrl-C, the ``SystemExit`` a SIGTERM handler raises),
    and the target is left as it was. A symbolic link is followed and its target
    replaced, the link kept; the replaced file keeps its mode. A device or FIFO
    (``/dev/null``, ``/dev/stdout``) is written through.

    Refuses (``InputError``), before anything is written: a target that is one
    of ``inputs`` or any file this process has read (``read_bytes``), a folder,
    a name ending in ``/``, a missing folder.
    """
    name = str(path)
    if name == STDIO:
        stream = getattr(sys.stdout, "buffer", None)
        if stream is None:
            raise InputError("standard output", "is closed")
        out = _Output(_to_stdout(stream))
        yield out
        out.flush()
        return
    if name.endswith(("/", os.sep)) or (os.altsep and name.endswith(os.altsep)):
        raise InputError(name, "names a folder (it ends with a slash); give a file name for the output")
    identity = _identity(name)
    if identity is not None and (identity in _READ or any(_identity(given) == identity for given in inputs)):
        raise InputError(name, "is one of the input files; choose another output path")
    stdio = _stdio_target(identity) if identity is not None else None
    if stdio is not None:  # -o /dev/stdout redirected to a file: written through that stream
        for text_stream in (sys.stdout, sys.stderr):
            if text_stream is not None:
                text_stream.flush()  # what was echoed before comes first
        out = _Output(_to_fd(stdio, name))
        yield out
        out.flush()
        return
    target = Path(os.path.realpath(name)) if os.path.islink(name) else Path(name)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise InputError(name, f"cannot be written ({exc.strerror or exc})") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise InputError(name, "is a directory; give a file name for the output")
    if st is not None and not stat.S_ISREG(st.st_mode):  # a device, FIFO or socket: never replaced
        try:
            fd = os.open(target, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
        except OSError as exc:
            raise InputError(name, f"cannot be written ({exc.strerror or exc})") from None
        try:
            out = _Output(_to_fd(fd, name))
            yield out
            out.flush()
        finally:
            os.close(fd)
        return
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(name, f"cannot be written: folder {str(directory)!r} does not exist")
    mode = stat.S_IMODE(st.st_mode) if st is not None else _default_mode()
    tmp = None
    try:
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
        except OSError as exc:
            raise InputError(name, f"cannot be written ({exc.strerror or exc})") from None
        try:
            out = _Output(_to_fd(fd, name))
            yield out
            out.flush()
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, mode)  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise InputError(name, f"cannot be written ({exc.strerror or exc})") from None
    finally:
        # Any exit, including KeyboardInterrupt and SystemExit, removes the temporary file.
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
