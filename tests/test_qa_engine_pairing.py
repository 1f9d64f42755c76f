"""Reading the alignment as a reviser would: merges and splits told from omissions by length,
operative paragraphs the aligner crossed re-paired by number."""

from __future__ import annotations

from aligner.model import Alignment, Cell, Document, Row, Unit
from qa_rules.engine import build_pairs, check
from qa_rules.structure.st01_missing import MissingParagraph
from qa_rules.structure.st03_merged import MergedParagraphs
from qa_rules.structure.st04_split import SplitParagraph
from qa_rules.structure.st06_numbering_parity import NumberingParity

FILLER = "Rappelant les résolutions pertinentes de l'Assemblée générale et du Conseil de sécurité"


def _doc(lang, texts, role="preambular"):
    units = []
    for i, text in enumerate(texts, 1):
        prefix = "op" if role == "operative" else "pp"
        units.append(Unit(id=f"{prefix}.{i}", role=role, text=text, lines=(i * 2, i * 2),
                          number=i if role == "operative" else None))
    return Document(path=f"{lang}.md", lang=lang, units=tuple(units))


def _alignment(fr: Document, en: Document, rows: list[tuple[str | None, str | None]]) -> Alignment:
    def cell(doc, uid):
        unit = doc.unit(uid)
        return Cell((uid,), (unit.lines[0],), unit.text)

    built = []
    for f, e in rows:
        cells = {}
        if f:
            cells["fr"] = cell(fr, f)
        if e:
            cells["en"] = cell(en, e)
        built.append(Row(cells=cells, score=0.5))
    return Alignment(languages=("fr", "en"), pivot="fr", level="paragraph", rows=tuple(built),
                     documents={"fr": fr, "en": en})


def _texts(n, length=120):
    return [(FILLER + f" numéro {i} ")[:length] for i in range(n)]


def test_a_merged_paragraph_is_a_merge_not_an_omission():
    fr_texts = _texts(8)
    en_texts = [t.replace("Rappelant", "Recalling") for t in fr_texts]
    merged = en_texts[:3] + [en_texts[3] + " " + en_texts[4]] + en_texts[5:]
    fr, en = _doc("fr", fr_texts), _doc("en", merged)
    rows = [("pp.1", "pp.1"), ("pp.2", "pp.2"), ("pp.3", "pp.3"), ("pp.4", "pp.4"), ("pp.5", None),
            ("pp.6", "pp.5"), ("pp.7", "pp.6"), ("pp.8", "pp.7")]
    alignment = _alignment(fr, en, rows)
    findings = check(alignment, [MissingParagraph, MergedParagraphs]).findings
    assert [f.rule for f in findings] == ["ST03"]
    assert "pp.4+pp.5" in findings[0].message


def test_a_genuine_omission_stays_an_omission():
    fr_texts = _texts(8)
    en_texts = [t.replace("Rappelant", "Recalling") for t in fr_texts]
    fr, en = _doc("fr", fr_texts), _doc("en", en_texts[:4] + en_texts[5:])
    rows = [("pp.1", "pp.1"), ("pp.2", "pp.2"), ("pp.3", "pp.3"), ("pp.4", "pp.4"), ("pp.5", None),
            ("pp.6", "pp.5"), ("pp.7", "pp.6"), ("pp.8", "pp.7")]
    findings = check(_alignment(fr, en, rows), [MissingParagraph, MergedParagraphs]).findings
    assert [f.rule for f in findings] == ["ST01"]


def test_a_split_paragraph_is_a_split_not_an_addition():
    fr_texts = _texts(7)
    en_texts = [t.replace("Rappelant", "Recalling") for t in fr_texts]
    half = len(en_texts[3]) // 2
    split = en_texts[:3] + [en_texts[3][:half] + en_texts[3][:half], en_texts[3][half:] + en_texts[3][half:]] + en_texts[4:]
    fr_texts[3] = fr_texts[3] * 2
    fr, en = _doc("fr", fr_texts), _doc("en", split)
    rows = [("pp.1", "pp.1"), ("pp.2", "pp.2"), ("pp.3", "pp.3"), ("pp.4", "pp.4"), (None, "pp.5"),
            ("pp.5", "pp.6"), ("pp.6", "pp.7"), ("pp.7", "pp.8")]
    findings = check(_alignment(fr, en, rows), [SplitParagraph]).findings
    assert [f.rule for f in findings] == ["ST04"]


def test_crossed_operative_paragraphs_are_re_paired_by_number():
    fr_texts, en_texts = _texts(6), [t.replace("Rappelant", "Prie") for t in _texts(6)]
    fr, en = _doc("fr", fr_texts, "operative"), _doc("en", en_texts[:2] + en_texts[3:], "operative")
    en = Document(path="en.md", lang="en", units=tuple(
        Unit(id=f"op.{n}", role="operative", text=u.text, lines=u.lines, number=n)
        for n, u in zip((1, 2, 4, 5, 6), en.units)))  # op.3 dropped, numbers kept
    rows = [("op.1", "op.1"), ("op.2", "op.2"), ("op.3", "op.4"), ("op.4", None), ("op.5", "op.5"), ("op.6", "op.6")]
    alignment = _alignment(fr, en, rows)
    pairs = build_pairs(alignment)
    assert [(p.source.unit_id, p.target.unit_id) for p in pairs] == [
        ("op.1", "op.1"), ("op.2", "op.2"), ("op.3", None), ("op.4", "op.4"), ("op.5", "op.5"), ("op.6", "op.6")]
    findings = check(alignment, [MissingParagraph, NumberingParity]).findings
    assert [(f.rule, f.source.unit) for f in findings] == [("ST01", "op.3")]


def test_runs_of_only_omissions_are_left_alone():
    fr = _doc("fr", _texts(5), "operative")
    en = _doc("en", [t.replace("Rappelant", "Prie") for t in _texts(3)], "operative")
    rows = [("op.1", "op.1"), ("op.2", "op.2"), ("op.3", None), ("op.4", None), ("op.5", "op.3")]
    pairs = build_pairs(_alignment(fr, en, rows))
    assert [(p.source.unit_id, p.target.unit_id) for p in pairs][2:4] == [("op.3", None), ("op.4", None)]


def test_an_overgrouped_pair_beside_its_namesake_is_re_split():
    fr_texts = _texts(6)
    zh_texts = [t[:40] for t in fr_texts]  # much shorter, as Chinese is
    fr, zh = _doc("fr", fr_texts), _doc("zh", zh_texts)
    zh = Document(path="zh.md", lang="zh", units=zh.units)
    rows = []
    for f, z in [("pp.1", ("pp.1",)), ("pp.2", ("pp.2",)), ("pp.3", ("pp.3", "pp.4")), ("pp.4", ()),
                 ("pp.5", ("pp.5",)), ("pp.6", ("pp.6",))]:
        cells = {"fr": Cell((f,), (1,), fr.unit(f).text)}
        if z:
            cells["zh"] = Cell(z, (1,), " ".join(zh.unit(u).text for u in z))
        rows.append(Row(cells=cells, score=0.5))
    alignment = Alignment(languages=("fr", "zh"), pivot="fr", level="paragraph", rows=tuple(rows),
                          documents={"fr": fr, "zh": zh})
    pairs = build_pairs(alignment)
    assert [(p.source.unit_id, [u.id for u in p.target.units]) for p in pairs][2:4] == [("pp.3", ["pp.3"]), ("pp.4", ["pp.4"])]
    assert check(alignment, [MissingParagraph, SplitParagraph]).findings == ()
