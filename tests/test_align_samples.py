"""The six-language sample set against the hand-written gold paragraph links."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import missing

from aligner.align import align_documents, align_pair
from aligner.readers import read_document

GOLD = Path(__file__).parent / "data" / "align_gold_E-RES-2023-26.tsv"
LANGS = ("fr", "en", "es", "ru", "zh", "ar")


def gold_rows() -> tuple[list[str], list[dict[str, str]]]:
    lines = [ln for ln in GOLD.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    header = lines[0].split("\t")
    return header, [dict(zip(header, ln.split("\t"))) for ln in lines[1:]]


def gold_links(src: str, tgt: str) -> set[tuple[str, str]]:
    _, rows = gold_rows()
    return {(r[src], r[tgt]) for r in rows if r[src] != "-" and r[tgt] != "-"}


@pytest.fixture(scope="module")
def documents(sample_set_path=Path(__file__).resolve().parent.parent / "samples" / "E-RES-2023-26"):
    return {lang: read_document(sample_set_path / f"{lang}.md") for lang in LANGS}


@pytest.fixture(scope="module")
def six_way(documents):
    return align_documents([documents[lang] for lang in LANGS])


def test_gold_file_covers_every_unit(documents):
    header, rows = gold_rows()
    assert tuple(header) == LANGS
    for lang in LANGS:
        assert sorted(r[lang] for r in rows) == sorted(u.id for u in documents[lang].units)


def test_six_way_rows_match_gold_for_every_pair_through_the_pivot(six_way):
    _, rows = gold_rows()
    expected = {tuple((lang, r[lang]) for lang in LANGS) for r in rows}
    got = set()
    for row in six_way.rows:
        assert all(len(row.cells[lang].units) == 1 for lang in LANGS), row
        got.add(tuple((lang, row.cells[lang].units[0]) for lang in LANGS))
    assert got == expected
    assert six_way.pivot == "fr" and six_way.languages == LANGS


@pytest.mark.parametrize("lang", LANGS[1:])
def test_each_pair_aligned_directly_matches_gold(documents, lang):
    beads = align_pair(documents["fr"], documents[lang])
    links = {(s, t) for b in beads for s in b.src_ids for t in b.tgt_ids}
    assert links == gold_links("fr", lang)
    assert all(len(b.src_ids) == 1 and len(b.tgt_ids) == 1 for b in beads)


def test_pair_not_through_the_pivot_matches_gold(documents):
    beads = align_pair(documents["zh"], documents["ar"])
    assert {(s, t) for b in beads for s in b.src_ids for t in b.tgt_ids} == gold_links("zh", "ar")


def test_scores_are_probabilities_and_mostly_confident(six_way):
    scores = [row.score for row in six_way.rows]
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert sum(s >= 0.5 for s in scores) >= 0.9 * len(scores)


def test_cells_carry_input_lines_and_text(six_way, documents):
    for row in six_way.rows:
        for lang in LANGS:
            cell = row.cells[lang]
            unit = documents[lang].unit(cell.units[0])
            assert cell.text == unit.text
            assert cell.lines and unit.lines[0] <= cell.lines[0] <= cell.lines[-1] <= unit.lines[1]


def test_sentence_level_stays_inside_aligned_paragraphs(documents):
    alignment = align_documents([documents["fr"], documents["en"], documents["zh"]], level="sentence")
    pattern = re.compile(r"^(meta\.\d+|title|pp\.\d+|op\.\d+|fn\.\d+|closing\.\d+)\.s\d+$")
    seen = {lang: [] for lang in ("fr", "en", "zh")}
    for row in alignment.rows:
        parents = set()
        for lang, cell in row.cells.items():
            for uid in cell.units:
                assert pattern.match(uid), uid
                seen[lang].append(uid)
                parents.add(uid.rsplit(".s", 1)[0])
        assert len(parents) <= 2  # one paragraph, or two when a sentence straddles a 2-1 bead
    for lang, doc in documents.items():
        if lang in seen:
            expected = [f"{u.id}.s{k}" for u in doc.units for k in range(1, max(len(u.sentences), 1) + 1)]
            assert sorted(seen[lang]) == sorted(expected)  # every sentence exactly once
    sig = alignment.signature
    assert "level=sentence" in sig and "pivot=fr" in sig and "langs=fr,en,zh" in sig


def test_bundled_real_un_resolution_six_way():
    folder = Path(__file__).resolve().parent.parent / "samples" / "A-RES-55-100"
    if not (folder / "fr.md").exists():
        missing("samples/A-RES-55-100 is absent")
    docs = [read_document(folder / f"{lang}.md") for lang in LANGS]
    alignment = align_documents(docs)
    assert len(alignment.rows) == len(docs[0].units)
    for row, unit in zip(alignment.rows, docs[0].units):
        assert {cell.units for cell in row.cells.values()} == {(unit.id,)}
