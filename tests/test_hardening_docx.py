"""Hostile .docx packages: zip bombs, lying sizes and broken Word XML are refused with one clear line.

The packages are built small on disk: a few MB of zeros compress to a few kB, and
the sizes a zip declares are forged in its central directory.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib

import pytest
from click.testing import CliRunner

from aligner import limits
from aligner.errors import InputError
from aligner.readers import package
from aligner.readers.word import read_docx
from hexaglot.cli import cli

docx = pytest.importorskip("docx")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT = "word/document.xml"


def _valid_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("2023/26. Assistance technique fournie par l'Office")
    document.add_paragraph().add_run("Le Conseil économique et social,").italic = True
    document.add_paragraph("1. Prie l'Office de continuer à fournir une assistance technique ;")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _repacked(data: bytes, replace: dict[str, bytes] = {}, add: dict[str, bytes] = {},
              method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """``data`` with some members' contents replaced and some added (``add`` packed with ``method``)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, replace.get(info.filename, source.read(info.filename)))
        for name, content in add.items():
            target.writestr(name, content, compress_type=method)
    return out.getvalue()


def _forged(data: bytes, name: str, file_size: int | None = None, crc: int | None = None) -> bytes:
    """``data`` with the central directory entry of ``name`` declaring another size or CRC."""
    encoded = name.encode()
    at = 0
    while True:
        at = data.index(b"PK\x01\x02", at)
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + length] == encoded:
            break
        at += 4
    forged = bytearray(data)
    if crc is not None:
        struct.pack_into("<L", forged, at + 16, crc)
    if file_size is not None:
        struct.pack_into("<L", forged, at + 24, file_size)
    return bytes(forged)


def _write(tmp_path, data: bytes, name: str = "resolution_fr.docx") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    assert path.stat().st_size < 2 * limits.MiB  # the hostile packages stay small on disk
    return str(path)


def test_the_valid_package_reads(tmp_path):
    doc = read_docx(_write(tmp_path, _valid_docx()), "fr")
    assert any(u.role == "operative" for u in doc.units)


def test_a_member_compressed_like_a_zip_bomb_is_refused_before_unpacking(tmp_path):
    zeros = bytes(4 * limits.MiB)  # 4 kB packed: a ratio near 1000
    path = _write(tmp_path, _repacked(_valid_docx(), add={"word/media/image1.bin": zeros}))
    with pytest.raises(InputError, match=r"compressed more than 200 times .*zip bomb"):
        read_docx(path, "fr")


def test_a_declared_unpacked_size_over_the_limit_is_refused_without_unpacking(tmp_path):
    data = _repacked(_valid_docx(), add={"word/media/image1.bin": b"x" * 1000})
    forged = _forged(data, "word/media/image1.bin", file_size=3 * 1024 ** 3)  # "3 GiB"
    with pytest.raises(InputError, match=r"unpacks to more than 256 MiB; set HEXAGLOT_MAX_UNPACKED_MB"):
        read_docx(_write(tmp_path, forged), "fr")


def test_the_total_of_the_members_is_bounded(tmp_path, monkeypatch):
    # each member under the ratio floor and the limit; their total over it
    members = {f"word/media/image{n}.bin": bytes(range(256)) * 2048 for n in range(4)}  # 512 kB each
    path = _write(tmp_path, _repacked(_valid_docx(), add=members))
    monkeypatch.setattr(limits, "MAX_UNPACKED_BYTES", 1 * limits.MiB)
    with pytest.raises(InputError, match="unpacks to more than 1 MiB"):
        read_docx(path, "fr")
    monkeypatch.setattr(limits, "MAX_UNPACKED_BYTES", 4 * limits.MiB)
    assert read_docx(path, "fr").units


def test_a_part_that_unpacks_to_more_than_it_declares_is_refused(tmp_path):
    # document.xml padded with 8 MiB of trailing blanks (legal XML), its declared size and
    # CRC forged to those of the real part: zipfile would unpack all 8 MiB at once, then
    # cut them to the declared size and find the CRC right
    data = _valid_docx()
    real = zipfile.ZipFile(io.BytesIO(data)).read(DOCUMENT)
    padded = _repacked(data, replace={DOCUMENT: real + b" " * (8 * limits.MiB)})
    forged = _forged(padded, DOCUMENT, file_size=len(real), crc=zlib.crc32(real))
    with pytest.raises(InputError, match=r"'word/document.xml' unpacks to more bytes than the package declares"):
        read_docx(_write(tmp_path, forged), "fr")


def test_compression_methods_office_does_not_write_are_refused(tmp_path):
    # bzip2 and lzma members are unpacked by zipfile in one unbounded step
    data = _repacked(_valid_docx(), add={"word/media/image1.bin": b"x" * 1000}, method=zipfile.ZIP_BZIP2)
    with pytest.raises(InputError, match="compression method"):
        read_docx(_write(tmp_path, data), "fr")


def test_too_many_members_are_refused_before_the_directory_is_parsed(tmp_path, monkeypatch):
    members = {f"word/media/extra{n}.xml": b"<a/>" for n in range(60)}
    path = _write(tmp_path, _repacked(_valid_docx(), add=members))
    monkeypatch.setattr(package, "MAX_MEMBERS", 50)
    with pytest.raises(InputError, match="more than 50 members"):
        read_docx(path, "fr")


def test_a_document_part_with_another_root_element_is_an_input_error(tmp_path):
    other = f'<?xml version="1.0"?><w:footnotes xmlns:w="{W}"><w:p/></w:footnotes>'.encode()
    path = _write(tmp_path, _repacked(_valid_docx(), replace={DOCUMENT: other}))
    with pytest.raises(InputError, match="root element 'footnotes', not a w:document with a w:body"):
        read_docx(path, "fr")


def test_a_document_part_without_a_body_is_an_input_error(tmp_path):
    bodiless = f'<?xml version="1.0"?><w:document xmlns:w="{W}"></w:document>'.encode()
    path = _write(tmp_path, _repacked(_valid_docx(), replace={DOCUMENT: bodiless}))
    with pytest.raises(InputError, match="has no w:body"):
        read_docx(path, "fr")


def test_a_damaged_zip_is_an_input_error(tmp_path):
    data = _valid_docx()
    path = _write(tmp_path, data[: len(data) // 2])
    with pytest.raises(InputError, match=r"not a (readable )?\.docx"):
        read_docx(path, "fr")


@pytest.mark.parametrize("case", ["bomb", "lying size", "wrong root", "no body"])
def test_the_cli_prints_one_line_and_exits_2(tmp_path, case):
    data = _valid_docx()
    if case == "bomb":
        data = _repacked(data, add={"word/media/image1.bin": bytes(4 * limits.MiB)})
    elif case == "lying size":
        data = _forged(data, DOCUMENT, file_size=10)
    elif case == "wrong root":
        data = _repacked(data, replace={DOCUMENT: f'<w:body xmlns:w="{W}"/>'.encode()})
    else:
        data = _repacked(data, replace={DOCUMENT: f'<w:document xmlns:w="{W}"/>'.encode()})
    path = _write(tmp_path, data)
    out = tmp_path / "out.json"
    result = CliRunner().invoke(cli, ["segment", path, "--lang", "fr", "-o", str(out)])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"hexaglot: error: {path}: ")
    assert "Traceback" not in result.output and not out.exists()


# -- XML entities and broken parts: refused, never silently dropped --------------------------------

FOOTNOTES = "word/footnotes.xml"


def _with_footnote(tmp_path) -> bytes:
    from tests.test_reader_formats import _docx_with_footnote

    return _docx_with_footnote(tmp_path / "source_fr.docx").read_bytes()


def _edited(data: bytes, member: str, edit) -> bytes:
    text = zipfile.ZipFile(io.BytesIO(data)).read(member).decode("utf-8")
    return _repacked(data, replace={member: edit(text).encode("utf-8")})


def test_the_footnote_is_read(tmp_path):
    doc = read_docx(_write(tmp_path, _with_footnote(tmp_path)), "fr")
    assert doc.unit("fn.1").text == "Résolution 60/288, annexe"


@pytest.mark.parametrize("declaration", [
    '<!DOCTYPE w:footnotes [<!ENTITY x "une annexe">]>',
    '<!DOCTYPE w:footnotes [<!ENTITY x SYSTEM "file:///etc/hostname">]>',
])
def test_a_footnotes_part_declaring_entities_is_refused(tmp_path, declaration):
    data = _edited(_with_footnote(tmp_path), FOOTNOTES,
                   lambda t: t.replace("?>", "?>" + declaration, 1).replace("annexe", "annexe &x;"))
    with pytest.raises(InputError, match=r"its part word/footnotes.xml \(line 1\) declares XML entities"):
        read_docx(_write(tmp_path, data), "fr")


def test_a_broken_footnotes_part_is_an_error_not_footnotes_lost(tmp_path):
    data = _edited(_with_footnote(tmp_path), FOOTNOTES, lambda t: t.replace("annexe", "annexe <w:t>"))
    with pytest.raises(InputError, match=r"its part word/footnotes.xml \(line \d+\) is not well-formed XML"):
        read_docx(_write(tmp_path, data), "fr")


def test_an_entity_in_the_document_part_is_refused_not_dropped(tmp_path):
    data = _edited(_valid_docx(), DOCUMENT, lambda t: t.replace("?>", '?><!DOCTYPE w:document [<!ENTITY x "de">]>', 1)
                   .replace("fournie par", "fournie &x; par"))
    with pytest.raises(InputError, match=r"its part word/document.xml declares XML entities"):
        read_docx(_write(tmp_path, data), "fr")


def test_an_xml_part_is_bounded_like_a_text_input(tmp_path, monkeypatch):
    # an XML part becomes a tree several times its size; a trailing comment makes this one 1.2 MiB
    data = _valid_docx()
    real = zipfile.ZipFile(io.BytesIO(data)).read(DOCUMENT)
    noise = random.Random(7).randbytes(600 * 1024).hex().encode()  # 1.2 MiB of text, 0.6 MiB packed
    path = _write(tmp_path, _repacked(data, replace={DOCUMENT: real + b"<!--" + noise + b"-->"}))
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 1 * limits.MiB)
    with pytest.raises(InputError, match=r"'word/document.xml' unpacks to more than 1 MiB of XML; set HEXAGLOT_MAX_INPUT_MB"):
        read_docx(path, "fr")
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 4 * limits.MiB)
    assert read_docx(path, "fr").units


def test_a_part_whose_content_type_was_damaged_is_bad_input(tmp_path):
    """One flipped bit in [Content_Types].xml (the styles part's name) leaves python-docx with a
    generic part where it expects styles: it fails with AttributeError, which was an internal error."""
    import io
    import zipfile

    from aligner.errors import InputError
    from aligner.readers.word import read_docx

    made = docx.Document()
    made.add_paragraph("1. Prie l'Office de continuer à fournir une assistance technique.")
    buffer = io.BytesIO()
    made.save(buffer)
    package = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    damaged = tmp_path / "fr.docx"
    with zipfile.ZipFile(damaged, "w") as out:
        for info in package.infolist():
            data = package.read(info.filename)
            if info.filename == "[Content_Types].xml":
                assert b'PartName="/word/styles.xml"' in data
                data = data.replace(b'PartName="/word/styles.xml"', b'PartName="/word?styles.xml"')
            out.writestr(info.filename, data)
    with pytest.raises(InputError, match="damaged .docx"):
        read_docx(str(damaged), "fr")
