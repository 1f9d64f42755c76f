"""Alignment when versions are messy: each perturbation on its own.

The sample set (French pivot, each of its five versions) and the real UN resolution of
``../shared/data/opus-un-6way`` are perturbed in the test (deleted, merged,
split paragraphs, an inserted translator's note, ...); the expected links
follow from the perturbation itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from conftest import missing

from aligner.align import align_pair
from aligner.model import Document, Unit
from aligner.readers import read_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "E-RES-2023-26"


@dataclass
class Draft:
    """A target document being perturbed, with the pivot ids each unit comes from."""

    doc: Document
    units: list[Unit]
    origins: list[set[str]]

    @classmethod
    def of(cls, doc: Document) -> "Draft":
        return cls(doc, list(doc.units), [{u.id} for u in doc.units])

    def at(self, uid: str) -> int:
        return next(k for k, u in enumerate(self.units) if u.id == uid)

    def delete(self, *uids: str) -> "Draft":
        for uid in uids:
            k = self.at(uid)
            del self.units[k], self.origins[k]
        return self

    def merge(self, first: str, second: str) -> "Draft":
        a, b = self.at(first), self.at(second)
        self.units[a] = replace(self.units[a], text=self.units[a].text + " " + self.units[b].text)
        self.origins[a] |= self.origins[b]
        del self.units[b], self.origins[b]
        return self

    def split(self, uid: str) -> "Draft":
        k = self.at(uid)
        unit = self.units[k]
        cut = unit.text.find(" ", len(unit.text) // 2)
        head, tail = unit.text[:cut], unit.text[cut + 1:]
        self.units[k:k + 1] = [replace(unit, text=head), replace(unit, id=uid + "b", text=tail, number=None)]
        self.origins[k:k + 1] = [set(self.origins[k]), set(self.origins[k])]
        return self

    def insert_after(self, uid: str, text: str, role: str = "preambular") -> "Draft":
        k = self.at(uid) + 1
        line = self.units[k - 1].lines[1]
        self.units.insert(k, Unit(id="note.1", role=role, text=text, lines=(line, line)))
        self.origins.insert(k, set())
        return self

    def set_text(self, uid: str, text: str) -> "Draft":
        k = self.at(uid)
        self.units[k] = replace(self.units[k], text=text)
        return self

    def renumber_operative(self) -> "Draft":
        n = 0
        for k, unit in enumerate(self.units):
            if unit.role == "operative":
                n += 1
                self.units[k] = replace(unit, id=f"op.{n}", number=n)
        return self

    def move(self, uids: list[str], after: str) -> "Draft":
        moved = [(self.units[self.at(u)], self.origins[self.at(u)]) for u in uids]
        for u in uids:
            self.delete(u)
        k = self.at(after) + 1
        self.units[k:k] = [m[0] for m in moved]
        self.origins[k:k] = [m[1] for m in moved]
        return self

    def build(self) -> tuple[Document, set[tuple[str, str]]]:
        doc = replace(self.doc, units=tuple(self.units))
        gold = {(o, u.id) for u, origin in zip(self.units, self.origins) for o in origin}
        return doc, gold


def links(beads) -> set[tuple[str, str]]:
    return {(s, t) for b in beads for s in b.src_ids for t in b.tgt_ids}


def f1(got: set, gold: set) -> float:
    hit = len(got & gold)
    return 2 * hit / (len(got) + len(gold)) if got or gold else 1.0


@pytest.fixture(scope="module")
def fr():
    return read_document(SAMPLES / "fr.md")


VERSIONS = ("en", "es", "ru", "zh", "ar")

#: Perturbations the aligner still gets wrong on some versions (strict: a fix is noticed).
RENUMBERED = ("known limit: the Chinese operative paragraphs share almost no key with the French; after "
              "op.5 is deleted and the rest renumbered, the Chinese op.15, against the French op.15 (which "
              "it does not translate), fits better than the right pair by chance and stays an anchor: "
              "op.15 and op.16 are wrong")
KNOWN_LIMITS = {
    ("renumbered", "zh"): RENUMBERED,
    ("renumbered, after the deletion", "zh"): RENUMBERED,
    ("split", "zh"): "known limit: the second half of the Chinese pp.9, cut at the middle "
                     "character, is left as a 0-1 bead instead of joining the first in a 1-2 bead",
}


def versions(perturbation: str):
    """The five versions as parameters, with the known limits of ``perturbation`` as strict xfails."""
    return [pytest.param(lang, marks=pytest.mark.xfail(strict=True, reason=KNOWN_LIMITS[(perturbation, lang)]))
            if (perturbation, lang) in KNOWN_LIMITS else lang for lang in VERSIONS]


@pytest.fixture(scope="module")
def docs():
    return {lang: read_document(SAMPLES / f"{lang}.md") for lang in VERSIONS}


def check(fr, draft: Draft) -> list:
    doc, gold = draft.build()
    beads = align_pair(fr, doc)
    assert links(beads) == gold
    return beads


@pytest.mark.parametrize("lang", versions("deleted"))
def test_deleted_paragraph(fr, docs, lang):
    en = docs[lang]
    beads = check(fr, Draft.of(en).delete("pp.7"))
    gap = [b for b in beads if b.src_ids == ("pp.7",)]
    assert gap and gap[0].tgt_ids == ()


@pytest.mark.parametrize("lang", versions("merged"))
def test_two_paragraphs_merged(fr, docs, lang):
    en = docs[lang]
    beads = check(fr, Draft.of(en).merge("op.12", "op.13"))
    assert any(b.src_ids == ("op.12", "op.13") for b in beads)


@pytest.mark.parametrize("lang", versions("split"))
def test_paragraph_split_in_two(fr, docs, lang):
    en = docs[lang]
    beads = check(fr, Draft.of(en).split("pp.9"))
    assert any(b.tgt_ids == ("pp.9", "pp.9b") for b in beads)


def test_translator_note_inserted(fr, docs):
    en = docs["en"]
    note = "[Translator's note: the French text refers to the 2019 review; the English draft keeps it.]"
    beads = check(fr, Draft.of(en).insert_after("op.4", note))
    inserted = [b for b in beads if b.tgt_ids == ("note.1",)]
    assert inserted and inserted[0].src_ids == ()


@pytest.mark.parametrize("lang", versions("footnotes"))
def test_footnote_blocks_at_different_places(fr, docs, lang):
    en = docs[lang]
    # blocks after other paragraphs than in French, one of them out of number order
    draft = Draft.of(en).move(["fn.1", "fn.2", "fn.3"], after="pp.4").move(["fn.4", "fn.5", "fn.6"], after="op.3")
    check(fr, draft.move(["fn.9", "fn.7", "fn.8"], after="op.20"))


@pytest.mark.parametrize("lang", versions("untranslated"))
def test_paragraph_left_in_source_language(fr, docs, lang):
    en = docs[lang]
    check(fr, Draft.of(en).set_text("op.8", fr.unit("op.8").text))


@pytest.mark.parametrize("lang", versions("renumbered"))
def test_renumbered_operative_paragraphs(fr, docs, lang):
    en = docs[lang]
    # op.5 deleted and the rest renumbered: the version's op.5 is the French op.6
    doc, gold = Draft.of(en).delete("op.5").renumber_operative().build()
    assert doc.unit("op.5").text == en.unit("op.6").text
    beads = align_pair(fr, doc)
    assert links(beads) == gold
    assert ("op.6", "op.5") in links(beads) and ("op.5", "op.5") not in links(beads)


@pytest.mark.parametrize("lang", versions("renumbered, after the deletion"))
def test_renumbered_operative_paragraphs_after_the_deletion_are_paired_with_their_translations(fr, docs, lang):
    """The numbering shifted by one is read as such (``anchors.shifted_numbering``): the French
    op.6-op.36 each with the version's paragraph one number lower, never with the one of the same
    number, which translates the next French paragraph."""
    assert renumbered_wrongly(fr, docs[lang]) == set()


@pytest.mark.parametrize("lang", VERSIONS)
def test_renumbered_operative_paragraphs_are_paired_by_their_text_not_their_number(fr, docs, lang):
    """Before the shift was read, 20 or 21 of the French op.6-op.36 were paired with the
    version's paragraph of the same number in Russian, Chinese and Arabic; at most two now."""
    assert len(renumbered_wrongly(fr, docs[lang])) <= 2


def renumbered_wrongly(fr, version) -> set[str]:
    """The French op.6-op.36 not paired with their translation alone, op.5 deleted from
    ``version`` and its operative paragraphs renumbered."""
    doc, _ = Draft.of(version).delete("op.5").renumber_operative().build()
    got = links(align_pair(fr, doc))
    return {f"op.{k}" for k in range(6, 37)
            if {t for s, t in got if s == f"op.{k}"} != {f"op.{k - 1}"}}


@pytest.mark.parametrize("lang", versions("page"))
def test_whole_page_missing(fr, docs, lang):
    en = docs[lang]
    page = [f"op.{n}" for n in range(14, 20)]
    beads = check(fr, Draft.of(en).delete(*page))
    assert [b.src_ids for b in beads if b.src_ids and not b.tgt_ids] == [(uid,) for uid in page]


@pytest.mark.parametrize("lang", versions("gap"))
def test_paragraph_without_translation_gets_low_score(fr, docs, lang):
    en = docs[lang]
    doc, _ = Draft.of(en).delete("op.10").build()
    beads = align_pair(fr, doc)
    gap = next(b for b in beads if b.src_ids == ("op.10",))
    assert gap.score < 0.5
    assert sorted(b.score for b in beads)[len(beads) // 2] > 0.5


# --- the real UN resolution in six languages -----------------------------------------

OPUS_LANGS = ("en", "es", "ru", "zh", "ar")
#: A translator's note as each language would write it (inserted in the version).
TRANSLATOR_NOTES = {
    "en": "[Translator's note: unofficial text, list of countries as received.]",
    "es": "[Nota del traductor: texto oficioso, lista de países tal como se recibió.]",
    "ru": "[Примечание переводчика: неофициальный текст, список стран в полученном виде.]",
    "zh": "[译者注：非正式文本，国家名单按收到时的原样列出。]",
    "ar": "[ملاحظة المترجم: نص غير رسمي، قائمة البلدان كما وردت.]",
}


def opus_documents(shared: Path) -> dict[str, Document]:
    records = [json.loads(line) for line in (shared / "opus-un-6way" / "A-RES-55-100.jsonl").read_text().splitlines()
               if line.strip()]
    docs = {}
    for lang in ("fr",) + OPUS_LANGS:
        units = tuple(Unit(id=f"u.{r['unit_id']}", role="preambular", text=r[lang], lines=(k, k))
                      for k, r in enumerate(records, start=1))
        docs[lang] = Document(path=f"A-RES-55-100.{lang}", lang=lang, units=units)
    return docs


@pytest.fixture(scope="module")
def opus(shared_data_module):
    return opus_documents(shared_data_module)


@pytest.fixture(scope="module")
def shared_data_module():
    path = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
    if not (path / "opus-un-6way").is_dir():
        missing(f"external data folder {path / 'opus-un-6way'} is absent")
    return path


def test_opus_six_way_all_rows_correct(opus):
    from aligner.align import align_documents

    alignment = align_documents([opus["fr"]] + [opus[lang] for lang in OPUS_LANGS])
    assert len(alignment.rows) == len(opus["fr"].units)
    for n, row in enumerate(alignment.rows, start=1):
        assert {cell.units for cell in row.cells.values()} == {(f"u.{n}",)}


@pytest.mark.parametrize("lang", OPUS_LANGS)
def test_opus_perturbed_link_f1(opus, lang):
    draft = (Draft.of(opus[lang]).merge("u.5", "u.6").split("u.9").delete("u.12")
             .insert_after("u.3", TRANSLATOR_NOTES[lang]))
    doc, gold = draft.build()
    got = links(align_pair(opus["fr"], doc))
    assert f1(got, gold) >= 0.95, sorted(got ^ gold)


@pytest.mark.xfail(strict=True, reason="known limit: a short note with no shared key, inserted right before a "
                                       "long paragraph, is glued to it (the length cost cannot see it)")
def test_opus_note_before_a_long_paragraph_stays_apart(opus):
    doc, gold = Draft.of(opus["en"]).insert_after("u.14", TRANSLATOR_NOTES["en"]).build()
    assert links(align_pair(opus["fr"], doc)) == gold
