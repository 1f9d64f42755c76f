"""The structure of the bundled E/RES/2023/26 versions, pinned exactly."""

from __future__ import annotations

import os
from collections import Counter

import pytest
from conftest import SAMPLE_SET
from conftest import missing

from aligner.readers import read_document

#: The six versions of the sample set. Set HEXAGLOT_ALL_SAMPLES=1 (or flip
#: SAMPLES_COMPLETE) when the set is complete: a missing file then fails.
LANGUAGES = ("fr", "en", "es", "ru", "zh", "ar")
SAMPLES_COMPLETE = True  # all six are in the repository (fr, en, es, zh, ru, ar)


def _document(lang: str):
    path = SAMPLE_SET / f"{lang}.md"
    if not path.is_file():
        if SAMPLES_COMPLETE or os.environ.get("HEXAGLOT_ALL_SAMPLES") == "1":
            pytest.fail(f"sample version {path} is missing")
        missing(f"sample version {path.name} is not in the sample set ({path})")
    return read_document(path)


@pytest.fixture(scope="module")
def fr():
    return read_document(SAMPLE_SET / "fr.md")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_counts_in_every_version(lang):
    doc = _document(lang)
    assert doc.lang == lang
    roles = Counter(u.role for u in doc.units)
    assert roles["preambular"] == 20
    assert roles["operative"] == 36
    assert roles["footnote"] == 11
    assert roles["title"] == 1
    assert [u.number for u in doc.by_role("operative")] == list(range(1, 37))
    assert [u.id for u in doc.by_role("preambular")] == [f"pp.{n}" for n in range(1, 21)]
    assert [u.number for u in doc.by_role("footnote")] == list(range(1, 12))
    cited = Counter(ref.number for u in doc.units for ref in u.footnotes)
    assert cited == Counter(range(1, 12)), "each footnote cited exactly once"
    assert len(doc.by_role("closing")) == 2
    assert "43" in doc.unit("closing.1").text and not doc.unit("closing.1").footnotes  # meeting line first
    assert "2023" in doc.unit("closing.2").text  # date
    assert doc.warnings == ()
    assert doc.unit("title").text.startswith("2023/26")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_units_are_clean_and_ordered(lang):
    doc = _document(lang)
    for unit in doc.units:
        assert unit.text == unit.text.strip() and unit.text
        for mark in ("<sup>", "](#)", "\n"):
            assert mark not in unit.text, (unit.id, mark)
        assert 1 <= unit.lines[0] <= unit.lines[1]
        for sentence in unit.sentences:
            assert unit.text[sentence.start:sentence.end] == sentence.text
        for span in unit.italic:
            assert unit.text[span.start:span.end] == span.text
    body = [u for u in doc.units if u.role in ("preambular", "operative")]
    assert all(a.lines[1] < b.lines[0] for a, b in zip(body, body[1:]))
    # every preambular and operative paragraph opens with its italic verb and, its
    # page-break cuts rejoined, ends with the punctuation of its role
    ends = {"preambular": ",،，", "operative": ";.؛；。»”"}
    for unit in body:
        assert unit.italic and unit.italic[0].start == 0, unit.id
        assert unit.text.rstrip("\u00a0 »”")[-1:] in ends[unit.role] or unit.text[-1] in ends[unit.role], unit.id
        assert "E/RES/2023/26" not in unit.text, unit.id


def test_french_body_starts_after_the_assembly_line(fr):
    metas = [u.text for u in fr.by_role("meta")]
    assert metas[-1] == "L'Assemblée générale,"
    assert "Le Conseil économique et social" in metas
    assert any(t.startswith("Recommande à l'Assemblée générale") for t in metas)
    assert fr.unit("meta.1").text == "Nations Unies"
    assert fr.unit("pp.1").text.startswith("Rappelant toutes ses résolutions")
    assert fr.unit("pp.1").lines == (31, 34)


CUTS = {
    "pp.14": "qui préside le Groupe de travail sur la justice pénale, les réponses juridiques",
    "op.10": "des travaux menés dans le cadre de la Convention des Nations Unies",
    "op.15": "pour le traitement des détenus (Règles Nelson Mandela), et à élaborer",
    "op.20": "afin d'éviter les doubles emplois et de garantir la complémentarité",
    "op.25": "au moyen de réseaux régionaux d'autorités centrales et de procureurs",
    "op.29": "afin de lui permettre de répondre à la demande croissante",
    "op.34": "dans le respect du droit interne et du droit international\u00a0;",
}


@pytest.mark.parametrize("unit_id", sorted(CUTS))
def test_french_cuts_rejoined(fr, unit_id):
    unit = fr.unit(unit_id)
    assert CUTS[unit_id] in unit.text
    assert unit.lines[1] - unit.lines[0] >= 3  # spans the cut
    assert "E/RES/2023/26" not in unit.text and "/8" not in unit.text


def test_french_cut_lines_point_to_both_halves(fr):
    unit = fr.unit("pp.14")
    assert unit.lines == (99, 117)
    assert unit.line_at(unit.text.index("Groupe de travail")) == 101
    assert unit.line_at(unit.text.index("de travail")) == 115


def test_french_footnotes_and_markers(fr):
    assert fr.unit("fn.1").text == "Résolution 60/288."
    assert fr.unit("fn.8").text == "E/CN.15/2023/5."
    assert fr.unit("fn.2").italic[0].text == "Recueil des Traités"
    pp2 = fr.unit("pp.2")
    (ref,) = pp2.footnotes
    assert ref.number == 1 and ref.line == 37
    assert pp2.text[:ref.offset].endswith("8 septembre 2006")
    assert [r.number for r in fr.unit("op.21").footnotes] == [10, 11]


def test_french_closing_ordinal_is_not_a_footnote(fr):
    closing = fr.by_role("closing")
    assert [u.id for u in closing] == ["closing.1", "closing.2"]
    assert closing[0].text == "43e séance plénière"
    assert closing[0].footnotes == ()
    assert closing[1].text == "25 juillet 2023"
    assert fr.unit("op.36").text.endswith("justice pénale\u00a0».")


def test_french_links_and_metadata(fr):
    assert "sa résolution 74/175 du 18 décembre 2019" in fr.unit("pp.1").text
    assert fr.unit("meta.10").text.endswith("(E/2023/30)]")
    assert "hexaglot sample" in fr.metadata


#: Paragraphs cut by a page break or a blank line in each version (as their authors placed them).
CUT_UNITS = {
    "fr": {"pp.14", "op.10", "op.15", "op.20", "op.25", "op.29", "op.34"},
    "en": {"pp.9", "op.12", "op.18", "op.27", "op.32"},
    "es": {"pp.7", "pp.13", "op.2", "op.8", "op.11", "op.19", "op.26", "op.35"},
    "ru": {"pp.6", "pp.10", "op.3", "op.9", "op.13", "op.22", "op.24", "op.33"},
    "zh": {"pp.6", "pp.16", "op.8", "op.13", "op.22", "op.31", "op.35"},
    "ar": {"pp.8", "pp.13", "op.5", "op.9", "op.18", "op.23", "op.27"},
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_cut_is_rejoined_with_one_joiner(lang):
    doc = _document(lang)
    cut = set()
    for unit in doc.by_role("preambular") + doc.by_role("operative"):
        for (_, before), (offset, after) in zip(unit.line_offsets, unit.line_offsets[1:]):
            if after - before > 1:  # lines skipped: a blank line, a page break, footnotes
                cut.add(unit.id)
                # the joiner belongs to the second half: one space, none in Chinese
                if lang == "zh":
                    assert unit.text[offset] != " " and unit.text[offset - 1] != " ", unit.id
                else:
                    assert unit.text[offset] == " " and unit.text[offset - 1] != " " != unit.text[offset + 1], unit.id
    assert cut == CUT_UNITS[lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_cut_is_recorded_on_its_unit(lang):
    doc = _document(lang)
    cuts = {unit.id: unit.cuts for unit in doc.units if unit.cuts}
    assert set(cuts) == CUT_UNITS[lang]
    lines = (SAMPLE_SET / f"{lang}.md").read_text(encoding="utf-8").splitlines()
    for unit_id, unit_cuts in cuts.items():
        unit = doc.unit(unit_id)
        for cut in unit_cuts:
            # the second half starts on cut.line, after a gap in the file
            assert lines[cut.line - 2].strip() == "" and unit.line_at(cut.offset) == cut.line, unit_id
            assert unit.text[cut.offset:].strip()[:10] in lines[cut.line - 1]


def test_french_cut_kinds(fr):
    """Three cuts in the French seed have only a blank line in them; four have page furniture."""
    kinds = {unit.id: [cut.kind for cut in unit.cuts] for unit in fr.units if unit.cuts}
    assert kinds == {"pp.14": ["page"], "op.10": ["blank"], "op.15": ["page"], "op.20": ["blank"],
                     "op.25": ["page"], "op.29": ["blank"], "op.34": ["page"]}
    (cut,) = fr.unit("op.10").cuts
    assert cut.line == 199 and fr.unit("op.10").text[:cut.offset].endswith("travaux menés dans")
