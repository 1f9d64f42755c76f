"""The seeds of the input fuzzing (``test_fuzz_inputs.py``): one small valid file per format.

Documents come from the bundled samples, CAT files and glossaries are built here
or taken from the real CAT-tool files in ``../shared/data/formats`` when present,
and ``seed(name)`` gives any of them as bytes.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
import zipfile
from functools import lru_cache
from pathlib import Path

import fuzzing

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
FORMATS = REPO.parent / "shared" / "data" / "formats"  # real CAT-tool files, when present


def strip_markup(text: str) -> str:
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"<sup>\d+</sup>", "", text)
    return re.sub(r"[*#]", "", text).strip() + "\n"


@lru_cache(maxsize=None)
def seed(name: str) -> bytes:
    """The valid file a test mutates, by its file name."""
    if name == "fr.md":
        return (SAMPLES / "E-RES-2023-26" / "fr.md").read_bytes()
    if name in ("zh.md", "ar.md", "ru.md"):
        return (SAMPLES / "A-RES-55-100" / name).read_bytes()
    if name == "fr.txt":
        return strip_markup((SAMPLES / "A-RES-55-100" / "fr.md").read_text("utf-8")).encode()
    if name == "seg.fr":
        lines = [ln for ln in strip_markup((SAMPLES / "A-RES-55-100" / "fr.md").read_text("utf-8")).splitlines()
                 if ln.strip()]
        return ("\n".join(lines[:30]) + "\n").encode()
    if name == "fr.docx":
        return _docx_seed()
    if name in SEED_XML:
        return SEED_XML[name].encode()
    if name.startswith("shared:"):
        return (FORMATS / name.split(":", 1)[1]).read_bytes()
    if name == "glossary.tbx":
        from qa_rules.glossary import glossary_bytes
        from qa_rules.glossary.csv import read_csv

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "glossary.csv"
            path.write_bytes(fuzzing.csv_bytes(glossary_rows()))
            return glossary_bytes(read_csv(path), "tbx")
    if name == "glossary.xlsx":
        return fuzzing.xlsx_bytes(glossary_rows())
    if name == "hexaglot.toml":
        return CONFIG_SEED.encode()
    if name == "accept.toml":
        return ACCEPT_SEED.encode()
    raise KeyError(name)


def glossary_rows() -> list[list[str]]:
    """The header, the first concepts of the bundled glossary, and its pattern terms (CSV rows)."""
    with open(REPO / "glossaries" / "un-counter-terrorism.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    match = header.index("match")
    return [header] + body[:40] + [r for r in body if r[match] == "pattern"][:3]


def _docx_seed() -> bytes:
    """A Word version of the French resolution: title, italic verbs, footnotes (a footnotes part)."""
    import docx

    text = (SAMPLES / "E-RES-2023-26" / "fr.md").read_text("utf-8")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    word = docx.Document()
    note = 0
    for block in re.split(r"\n\s*\n", text):
        block = " ".join(block.split())
        if not block or block == "---" or block.startswith("<sup>"):
            continue
        if block.startswith("#"):
            word.add_heading(block.lstrip("# "), level=min(block.count("#", 0, 3), 2))
            continue
        paragraph = word.add_paragraph()
        for i, piece in enumerate(re.split(r"(\*[^*]+\*|<sup>\d+</sup>)", block)):
            if piece.startswith("<sup>"):
                note += 1
                paragraph.add_run()._r.append(_footnote_reference(note))
            elif piece:
                run = paragraph.add_run(piece.strip("*") if piece.startswith("*") else piece)
                run.italic = piece.startswith("*")
    out = io.BytesIO()
    word.save(out)
    return _with_footnotes(out.getvalue(), note)


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _footnote_reference(number: int):
    from docx.oxml import parse_xml

    return parse_xml(f'<w:footnoteReference xmlns:w="{_W_NS}" w:id="{number}"/>')


def _with_footnotes(package: bytes, count: int) -> bytes:
    """The package with a footnotes part holding ``count`` footnotes, related to the document."""
    notes = "".join(f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
                    f'Résolution {i}/1{i}, annexe.</w:t></w:r></w:p></w:footnote>' for i in range(1, count + 1))
    part = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{_W_NS}">'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            f"{notes}</w:footnotes>")
    members = dict(fuzzing.zip_members(package))
    members["word/footnotes.xml"] = part.encode()
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                     b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
    members["word/_rels/document.xml.rels"] = members["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/'
                             b'2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zipped:
        for name, content in members.items():
            zipped.writestr(name, content)
    return out.getvalue()


SEED_XML = {
    "pair.tmx": """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="hand" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en"
          srclang="fr" datatype="plaintext"/>
  <body>
    <tu tuid="1"><tuv xml:lang="fr"><seg>L'Assemblée générale,</seg></tuv>
      <tuv xml:lang="en"><seg>The General Assembly,</seg></tuv></tu>
    <tu tuid="2"><tuv xml:lang="fr"><seg>1. <bpt i="1">&lt;i&gt;</bpt>Prie<ept i="1">&lt;/i&gt;</ept> l'Office
      de présenter un rapport le 25 juillet 2023 ;</seg></tuv>
      <tuv xml:lang="en"><seg>1. <bpt i="1">&lt;i&gt;</bpt>Requests<ept i="1">&lt;/i&gt;</ept> the Office
      to report on 25 July 2023;</seg></tuv></tu>
    <tu tuid="3"><tuv xml:lang="fr"><seg>Rappelant sa résolution 54/169<ph x="1">&lt;sup&gt;1&lt;/sup&gt;</ph>,</seg></tuv>
      <tuv xml:lang="en"><seg>Recalling its resolution 54/169<ph x="1">&lt;sup&gt;1&lt;/sup&gt;</ph>,</seg></tuv></tu>
    <tu tuid="4"><tuv xml:lang="fr"><seg>E/RES/2023/26, <hi type="b">3 pour cent</hi></seg></tuv>
      <tuv xml:lang="en"><seg>E/RES/2023/26, <hi type="b">3 per cent</hi></seg></tuv></tu>
  </body>
</tmx>
""",
    "pair.xlf": """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="E-RES-2023-26.docx" source-language="fr" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="1"><source>L'Assemblée générale,</source>
        <target state="translated">The General Assembly,</target></trans-unit>
      <trans-unit id="2"><source>1. <g id="1">Prie</g> l'Office de présenter un rapport le 25 juillet 2023 ;</source>
        <target state="final">1. <g id="1">Requests</g> the Office to report on 25 July 2023;</target></trans-unit>
      <trans-unit id="3"><source>Rappelant sa résolution 54/169<x id="2"/>,</source>
        <seg-source><mrk mtype="seg" mid="1">Rappelant sa résolution 54/169<x id="2"/>,</mrk></seg-source>
        <target><mrk mtype="seg" mid="1">Recalling its resolution 54/169<x id="2"/>,</mrk></target></trans-unit>
      <trans-unit id="4" translate="no"><source>E/RES/2023/26</source></trans-unit>
    </body>
  </file>
</xliff>
""",
    "pair2.xlf": """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="fr" trgLang="en">
  <file id="f1">
    <unit id="u1"><segment state="translated"><source>L'Assemblée générale,</source>
      <target>The General Assembly,</target></segment></unit>
    <unit id="u2"><originalData><data id="d1">&lt;i&gt;</data><data id="d2">&lt;/i&gt;</data></originalData>
      <segment><source>1. <pc id="1" dataRefStart="d1" dataRefEnd="d2">Prie</pc> l'Office de présenter un rapport
      le 25 juillet 2023 ;</source><target>1. <pc id="1" dataRefStart="d1" dataRefEnd="d2">Requests</pc> the
      Office to report on 25 July 2023;</target></segment></unit>
    <unit id="u3"><segment><source>Rappelant sa résolution 54/169<ph id="2"/>,</source>
      <target>Recalling its resolution 54/169<ph id="2"/>,</target></segment>
      <ignorable><source> </source></ignorable></unit>
  </file>
</xliff>
""",
}

CONFIG_SEED = """# hexaglot.toml
[hexaglot]
select = ["numbers", "references", "ST01", "LE01"]
ignore = ["NU04"]
fail_on = "warning"
level = "paragraph"
format = "json"

[hexaglot.rules.NU03]
minimum = 3

[hexaglot.rules.LE01]
severity = "info"
threshold = 4.0
"""

ACCEPT_SEED = """# findings reviewed and accepted
[[accept]]
id = "3f2a9c01b7de"
reason = "The English version keeps the French title, as agreed with the editor."

[[accept]]
id = "0123456789ab"
reason = "Checked: the figure is right in both versions."
"""


def _shared(folder: str, *patterns: str) -> list[str]:
    if not (FORMATS / folder).is_dir():
        return []
    return sorted(f"shared:{folder}/{p.name}" for pattern in patterns for p in (FORMATS / folder).glob(pattern))


TMX_SEEDS = ["pair.tmx"] + _shared("tmx", "*.tmx")
XLIFF12_SEEDS = ["pair.xlf"] + _shared("xliff12", "*.xlf", "*.sdlxliff")
XLIFF2_SEEDS = ["pair2.xlf"] + _shared("xliff2", "*.xlf")
TBX_SEEDS = ["glossary.tbx"] + _shared("tbx", "*.tbx")


def file_name(seed_name: str) -> str:
    """The name the mutated file gets (its extension chooses the reader)."""
    return seed_name.rsplit("/", 1)[-1].split(":", 1)[-1]
