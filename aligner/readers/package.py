"""Zip packages (``.docx``, ``.xlsx``) checked before a library unpacks them.

A package of a few MB can hold a member that unpacks to gigabytes (a "zip
bomb"), and the sizes a zip declares in its central directory are whatever its
author wrote. ``check_package`` refuses, before anything is unpacked:

- more than ``MAX_MEMBERS`` members, or a member that is encrypted or packed with
  a method other than stored or deflate (Office writes only those two);
- declared unpacked sizes totalling more than ``MAX_UNPACKED_BYTES``, or an XML
  part (``.xml``, ``.rels``: the parts a library parses into a tree, several
  times their size in memory) over ``MAX_INPUT_BYTES``, the limit of a plain
  text input;
- a member over ``RATIO_FLOOR`` bytes declared to unpack more than
  ``MAX_COMPRESSION_RATIO`` times its packed size;

then unpacks every member in bounded steps and refuses one that yields more
bytes than it declared, so that a later ``ZipFile.read`` (which unpacks a member
in one call) never produces more than the declared, checked sizes.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from aligner import limits
from aligner.errors import InputError

#: Most members a package may have: a Word document has 10-50, a few hundred with images.
MAX_MEMBERS = 10_000
#: Bytes unpacked per step while checking a member.
_STEP = 1024 * 1024
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # signature ... file name length, extra field length


def check_package(data: bytes, path: str, kind: str = ".docx") -> zipfile.ZipFile:
    """The open package of ``data``, once its members are known to unpack within the limits.

    ``InputError`` naming ``path`` otherwise; ``kind`` names the format in messages.
    """
    if data.count(b"PK\x01\x02") > MAX_MEMBERS:  # central directory entries, counted before parsing them
        raise InputError(path, f"has more than {MAX_MEMBERS} members; not a {kind} file hexaglot reads")
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        members = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise InputError(path, f"is not a readable {kind} (damaged zip package: {exception_text(exc)})") from None
    total = 0
    for info in members:
        if info.flag_bits & 0x1:
            raise InputError(path, f"is encrypted; save it without a password as a {kind} file")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise InputError(path, f"uses a compression method Word and Excel do not write; save it again as a {kind} file")
        total += info.file_size
        if total > limits.MAX_UNPACKED_BYTES:
            raise InputError(
                path,
                f"unpacks to more than {limits.MAX_UNPACKED_BYTES // limits.MiB} MiB; "
                f"{limits.limit_for('HEXAGLOT_MAX_UNPACKED_MB')} if the document is genuine",
            )
        if info.filename.lower().endswith((".xml", ".rels")) and info.file_size > limits.MAX_INPUT_BYTES:
            raise InputError(
                path,
                f"member {_name(info)} unpacks to more than {limits.MAX_INPUT_BYTES // limits.MiB} MiB of XML; "
                f"{limits.limit_for('HEXAGLOT_MAX_INPUT_MB')} if the document is genuine",
            )
        if info.file_size > limits.RATIO_FLOOR and info.file_size > info.compress_size * limits.MAX_COMPRESSION_RATIO:
            raise InputError(
                path,
                f"member {_name(info)} is compressed more than {limits.MAX_COMPRESSION_RATIO} times "
                "(a zip bomb, not a document); refused",
            )
    for info in members:
        _check_unpacked_size(data, info, path, kind)
    return package


def _check_unpacked_size(data: bytes, info: zipfile.ZipInfo, path: str, kind: str) -> None:
    """Unpack ``info`` in bounded steps; refuse it when it yields more than it declares."""
    start = info.header_offset
    header = data[start : start + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        raise InputError(path, f"is not a readable {kind} (damaged zip package: bad header of member {_name(info)})")
    fields = _LOCAL_HEADER.unpack(header)
    begin = start + _LOCAL_HEADER.size + fields[-2] + fields[-1]
    packed = data[begin : begin + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        produced = len(packed)
    else:
        unpacker = zlib.decompressobj(-zlib.MAX_WBITS)
        produced = 0
        pending = packed
        try:
            while produced <= info.file_size and not unpacker.eof:
                chunk = unpacker.decompress(pending, _STEP)
                pending = unpacker.unconsumed_tail
                produced += len(chunk)
                if not chunk and not pending:
                    break
        except zlib.error:
            raise InputError(path, f"is not a readable {kind} (damaged zip package: member {_name(info)})") from None
    if produced > info.file_size:
        raise InputError(
            path,
            f"member {_name(info)} unpacks to more bytes than the package declares (a zip bomb, not a document); refused",
        )


def _name(info: zipfile.ZipInfo) -> str:
    """A member's name for a message: escaped and short."""
    name = info.filename
    return ascii(name if len(name) <= 60 else name[:57] + "...")


def exception_text(exc: BaseException) -> str:
    """An exception's message for an error line: printable, one line, at most 120 characters."""
    text = "".join(ch if ch.isprintable() else "?" for ch in " ".join(str(exc).split()))
    return text if len(text) <= 120 else text[:117] + "..."
