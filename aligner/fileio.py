"""Reading bytes into text, and writing outputs without ever half-writing them."""

from __future__ import annotations

import codecs
import os
import tempfile
from pathlib import Path
from typing import Iterable

from aligner.errors import InputError


def read_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of a file; ``InputError`` naming the file when it is missing,
    a directory or unreadable."""
    p = Path(path)
    if not p.exists():
        raise InputError(str(path), "no such file")
    if p.is_dir():
        raise InputError(str(path), "is a directory, not a file")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None


def read_text(path: str | os.PathLike) -> str:
    """Read a text file: UTF-8 (with or without BOM) or UTF-16 with BOM.

    Raises ``InputError`` naming the file for anything else: a missing file,
    a directory, an empty file, a binary file, undecodable bytes.
    """
    return decode_bytes(read_bytes(path), str(path))


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


def _control_ratio(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / max(len(text), 1)


def write_atomic(path: str | os.PathLike, data: str | bytes, inputs: Iterable[str | os.PathLike] = ()) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Refuses (``InputError``) to write over one of ``inputs`` and reports an
    unwritable destination before anything is written.
    """
    target = Path(path)
    for given in inputs:
        try:
            if Path(given).exists() and target.exists() and target.resolve() == Path(given).resolve():
                raise InputError(str(path), "is one of the input files; choose another output path")
        except OSError:
            continue
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(str(path), f"cannot be written: folder {str(directory)!r} does not exist")
    if target.is_dir():
        raise InputError(str(path), "is a directory; give a file name for the output")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=directory)
    except OSError as exc:
        raise InputError(str(path), f"cannot be written ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.chmod(tmp, _default_mode())  # mkstemp makes 0600; outputs are ordinary files
        os.replace(tmp, target)
    except OSError as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise InputError(str(path), f"cannot be written ({exc.strerror or exc})") from None
