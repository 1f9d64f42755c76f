"""Each target's findings come from its own alignment with the pivot (Alignment.pair_rows), so a
version's findings do not change with the other versions in the run.

In the joined rows of the five drafts, the Spanish and Chinese omissions of op.24 share a row with
the Russian op.24 (numbered 23 there) and the Arabic op.24, and the Spanish merge of pp.2+pp.3
puts the other versions' pp.2 and pp.3 in one row; read from the joined rows, an omission there
could read as part of a merge or a numbering fault.
"""

from __future__ import annotations

import pytest

from aligner.model import Alignment, Cell, Document, Row, Unit
from qa_rules.engine import build_pairs, check
from qa_rules.pairing import target_rows
from qa_rules.run import CheckOptions, check_files
from qa_rules.structure.st01_missing import MissingParagraph

from conftest import SAMPLE_SET, SAMPLES

DRAFTS = ("en", "es", "ru", "zh", "ar")


def _draft(lang: str) -> str:
    return str(SAMPLES / "drafts" / f"{lang}_draft.md")


def _by_version(report) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = {}
    for f in report.findings:
        target = f.target
        key = (f.rule, target.unit if target else None, target.line if target else None,
               f.source.unit if f.source else None, f.expected, f.found, f.message)
        out.setdefault(report.version_of(f), []).append(key)
    return {lang: sorted(keys, key=repr) for lang, keys in out.items()}


@pytest.fixture(scope="module")
def together():
    source = str(SAMPLE_SET / "fr.md")
    return _by_version(check_files([source] + [_draft(lang) for lang in DRAFTS], CheckOptions(langs=("fr",) + DRAFTS)))


@pytest.mark.parametrize("lang", DRAFTS)
def test_a_drafts_findings_are_the_same_alone_and_with_the_other_drafts(together, lang):
    alone = _by_version(check_files([str(SAMPLE_SET / "fr.md"), _draft(lang)], CheckOptions(langs=("fr", lang))))
    assert alone[lang], "the draft has planted errors: an empty list would prove nothing"
    assert together[lang] == alone[lang]


def test_the_spanish_omission_beside_the_russian_repeated_number_stays_an_omission(together):
    # plants: es drops op.24 (23 is followed by 25) and merges pp.2+pp.3; ru numbers its op.24 "23";
    # zh drops op.24 too
    spanish = together["es"]
    assert ("ST01", None, None, "op.24") in [key[:4] for key in spanish]
    merges = [key[:4] for key in spanish if key[0] in ("ST03", "ST04")]
    assert merges == [("ST03", "pp.2", 31, "pp.2")]
    assert not [key for key in spanish if key[0] == "ST06"]  # the repeated number is the Russian's
    assert [key for key in together["ru"] if key[0] == "ST06" and key[1] == "op.23b"]


# -- hand-built: joined rows that merge what the pair rows keep apart -------------------------------


def _unit(uid: str, text: str, line: int) -> Unit:
    return Unit(id=uid, role="preambular", text=text, lines=(line, line))


def _cell(*units: Unit) -> Cell:
    return Cell(tuple(u.id for u in units), tuple(u.lines[0] for u in units), " ".join(u.text for u in units))


EMPTY = Cell((), (), "")


def _merged_elsewhere() -> Alignment:
    """fr pp.1-pp.3; ru merges pp.2+pp.3; es leaves pp.2 out."""
    fr = [_unit(f"pp.{i}", f"Rappelant la résolution {i} de l'Assemblée générale,", i) for i in (1, 2, 3)]
    es = [_unit("pp.1", "Recordando la resolución 1 de la Asamblea General,", 1),
          _unit("pp.2", "Recordando la resolución 3 de la Asamblea General,", 2)]
    ru = [_unit("pp.1", "ссылаясь на резолюцию 1 Генеральной Ассамблеи,", 1),
          _unit("pp.2", "ссылаясь на резолюции 2 и 3 Генеральной Ассамблеи,", 2)]
    docs = {"fr": Document("fr.md", "fr", tuple(fr)), "es": Document("es.md", "es", tuple(es)),
            "ru": Document("ru.md", "ru", tuple(ru))}
    rows = (Row({"fr": _cell(fr[0]), "es": _cell(es[0]), "ru": _cell(ru[0])}, 0.9),
            Row({"fr": _cell(fr[1], fr[2]), "es": _cell(es[1]), "ru": _cell(ru[1])}, 0.2))
    pair_rows = {
        "es": (Row({"fr": _cell(fr[0]), "es": _cell(es[0])}, 0.9), Row({"fr": _cell(fr[1]), "es": EMPTY}, 0.1),
               Row({"fr": _cell(fr[2]), "es": _cell(es[1])}, 0.9)),
        "ru": (Row({"fr": _cell(fr[0]), "ru": _cell(ru[0])}, 0.9), Row({"fr": _cell(fr[1], fr[2]), "ru": _cell(ru[1])}, 0.2)),
    }
    return Alignment(("fr", "es", "ru"), "fr", "paragraph", rows, docs, pair_rows=pair_rows)


def test_pairs_are_built_from_each_targets_own_rows():
    alignment = _merged_elsewhere()
    spanish = [(tuple(u.id for u in p.source.units), tuple(u.id for u in p.target.units), p.index)
               for p in build_pairs(alignment) if p.target.lang == "es"]
    assert spanish == [(("pp.1",), ("pp.1",), 0), (("pp.2",), (), 1), (("pp.3",), ("pp.2",), 2)]
    assert target_rows(alignment, "es") is alignment.pair_rows["es"]


def test_an_omission_says_where_it_would_be_from_its_own_rows():
    findings = check(_merged_elsewhere(), [MissingParagraph]).findings
    assert [(f.rule, f.source.unit) for f in findings] == [("ST01", "pp.2")]
    assert "after line 1 of es.md" in findings[0].message


def test_an_alignment_without_pair_rows_is_read_from_its_joined_rows():
    alignment = _merged_elsewhere()
    hand_built = Alignment(alignment.languages, "fr", "paragraph", alignment.rows, alignment.documents)
    assert target_rows(hand_built, "es") is hand_built.rows
    spanish = [tuple(u.id for u in p.source.units) for p in build_pairs(hand_built) if p.target.lang == "es"]
    assert spanish == [("pp.1",), ("pp.2", "pp.3")]
