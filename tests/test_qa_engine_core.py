"""The rule engine: pairs, facts, language filter, sorting, signature, example alignments."""

from __future__ import annotations


from aligner.model import Alignment, Cell, Document, Row, Sentence, Unit
from qa_rules.base import Rule
from qa_rules.engine import build_pairs, check, compute_facts
from qa_rules.examples import example_alignment, run_example
from qa_rules.glossary.model import Glossary
from qa_rules.structure.st01_missing import MissingParagraph


class _Everything(Rule):
    """Reports every pair (test helper, not registered).

    Flags:
        fr: a
        en: b

    Passes:
        fr: a
        en: b
    """

    code = "ZZ99"
    name = "test.everything"
    category = "structure"
    severity = "info"
    languages = ("en", "es")

    def check(self, pair, context):
        yield self.finding(pair, f"pair {pair.index} {pair.target.lang}", found=pair.target.text)


def _three_way() -> Alignment:
    docs = {}
    rows = []
    texts = {
        "fr": ["Rappelant sa résolution,", "1. Prie l'Office de continuer."],
        "en": ["Recalling its resolution,", "1. Requests the Office to continue."],
        "ru": ["Ссылаясь на свою резолюцию,", "1. Просит Управление продолжать."],
    }
    for lang, paras in texts.items():
        units = (
            Unit(id="pp.1", role="preambular", text=paras[0], lines=(3, 3)),
            Unit(id="op.1", role="operative", text=paras[1], lines=(5, 6), number=1),
        )
        docs[lang] = Document(path=f"{lang}.md", lang=lang, units=units)
    for uid, i in (("pp.1", 0), ("op.1", 1)):
        rows.append(Row(cells={lang: Cell((uid,), (3 + 2 * i,), texts[lang][i]) for lang in texts}, score=1.0))
    return Alignment(languages=("fr", "en", "ru"), pivot="fr", level="paragraph", rows=tuple(rows), documents=docs)


def test_pairs_have_the_pivot_as_source_for_every_row_and_target():
    pairs = build_pairs(_three_way())
    assert [(p.index, p.source.lang, p.target.lang) for p in pairs] == [
        (0, "fr", "en"), (0, "fr", "ru"), (1, "fr", "en"), (1, "fr", "ru"),
    ]
    assert pairs[2].target.units[0].number == 1


def test_rules_are_skipped_for_targets_outside_their_languages():
    report = check(_three_way(), [_Everything])
    assert {f.target.lang for f in report.findings} == {"en"}
    assert len(report.findings) == 2


def test_findings_are_sorted_by_target_document_then_line():
    report = check(_three_way(), [_Everything()])
    assert [f.target.line for f in report.findings] == [3, 5]


def test_length_ratio_facts_are_computed_once_per_language_pair():
    alignment = _three_way()
    facts = compute_facts(alignment, build_pairs(alignment))
    median, mad, n = facts["length_ratio"][("fr", "ru")]
    assert n == 2 and 0.8 < median < 1.3 and mad >= 0


def test_signature_records_version_rules_glossaries_and_languages():
    glossary = Glossary(name="un-counter-terrorism", path="x.tbx", concepts=(), digest="abababab01")
    report = check(_three_way(), [MissingParagraph], glossaries=[glossary])
    assert report.signature.startswith("hexaglot:")
    assert "rules:1:ST01" in report.signature
    # one spelling of a glossary in every signature: the glossary's own (name@digest)
    assert f"glossaries:{glossary.signature()}|" in report.signature
    assert "glossaries:un-counter-terrorism@abababab01|" in report.signature
    assert "langs:fr>en,ru" in report.signature


def test_a_missing_cell_becomes_a_finding_whose_target_side_is_null():
    findings = run_example(MissingParagraph, {"fr": "Prie l'Office de faire rapport,", "es": ""})
    assert len(findings) == 1
    finding = findings[0]
    # the side is null when the unit is missing there
    assert finding.source.unit == "pp.1" and finding.target is None
    assert finding.as_dict()["target"] is None


def _missing_in_two_targets() -> Alignment:
    texts = {"fr": ["Rappelant sa résolution,", "1. Prie l'Office de continuer."],
             "en": ["Recalling its resolution,"], "es": ["Recordando su resolución,"]}
    docs = {lang: Document(path=f"{lang}.md", lang=lang, units=tuple(
        Unit(id=uid, role=role, text=text, lines=(3 + 2 * i, 3 + 2 * i), number=1 if role == "operative" else None)
        for i, (uid, role, text) in enumerate(zip(("pp.1", "op.1"), ("preambular", "operative"), paras))))
        for lang, paras in texts.items()}
    rows = (Row(cells={lang: Cell(("pp.1",), (3,), texts[lang][0]) for lang in texts}, score=1.0),
            Row(cells={"fr": Cell(("op.1",), (5,), texts["fr"][1]), "en": Cell((), (), ""), "es": Cell((), (), "")},
                score=1.0))
    return Alignment(languages=("fr", "en", "es"), pivot="fr", level="paragraph", rows=rows, documents=docs)


def test_an_omission_in_two_targets_is_two_findings_each_knowing_its_version():
    report = check(_missing_in_two_targets(), [MissingParagraph])
    assert [f.target for f in report.findings] == [None, None]
    assert len({f.id for f in report.findings}) == 2
    assert [report.version_of(f) for f in report.findings] == ["en", "es"]
    assert report.summary()["by_language"] == {"en": 1, "es": 1}
    # where the paragraph would go stays in the message
    assert "missing in the en version (it would be after line 3 of en.md)" in report.findings[0].message


def test_sentence_level_cells_resolve_to_sentence_units():
    text = "Prie l'Office de continuer. Il fait rapport<sup>2</sup>."
    unit = Unit(
        id="op.1", role="operative", text="Prie l'Office de continuer. Il fait rapport.", lines=(4, 5), number=1,
        sentences=(Sentence("Prie l'Office de continuer.", 0, 27, 4), Sentence("Il fait rapport.", 28, 44, 5)),
    )
    docs = {lang: Document(path=f"{lang}.md", lang=lang, units=(unit,)) for lang in ("fr", "en")}
    row = Row(cells={lang: Cell(("op.1.s2",), (5,), "Il fait rapport.") for lang in docs}, score=1.0)
    alignment = Alignment(languages=("fr", "en"), pivot="fr", level="sentence", rows=(row,), documents=docs)
    pair = build_pairs(alignment)[0]
    assert pair.source.units[0].id == "op.1.s2"
    assert pair.source.units[0].text == "Il fait rapport."
    assert pair.source.units[0].lines == (5, 5)
    assert text  # the marker form is what readers parse; here we only check offsets


def test_example_alignment_markup():
    alignment = example_alignment(
        {"role": "preambular", "fr": "Rappelant *la Stratégie*<sup>3</sup>, ¶ Notant,", "en": "Recalling"}
    )
    fr = alignment.documents["fr"]
    assert [u.id for u in fr.units] == ["pp.1", "pp.2"]
    assert fr.units[0].text == "Rappelant la Stratégie,"
    assert fr.units[0].italic[0].text == "la Stratégie"
    assert fr.units[0].footnotes[0].number == 3
    assert alignment.rows[0].cells["fr"].units == ("pp.1", "pp.2")


def test_duplicate_findings_are_reported_once():
    class Twice(_Everything):
        languages = ()

        def check(self, pair, context):
            yield self.finding(pair, "same")
            yield self.finding(pair, "same")

    report = check(example_alignment({"fr": "a", "en": "b"}), [Twice])
    assert len(report.findings) == 1


def test_parse_examples_reads_an_optional_role_line():
    from qa_rules.base import parse_examples

    doc = """Rule.

    Flags:
        role: operative
        fr: Prie,
        en: Requests,

        fr: Prie;
        en: Requests;

    Passes:
        fr: Prie;
        en: Requests;
    """
    import inspect

    parsed = parse_examples(inspect.cleandoc(doc))
    assert parsed["flags"] == [{"role": "operative", "fr": "Prie,", "en": "Requests,"}, {"fr": "Prie;", "en": "Requests;"}]
    assert parsed["passes"] == [{"fr": "Prie;", "en": "Requests;"}]


def _rows(fr_ids, en_ids):
    """Rows from per-row unit ids (None = empty cell) for fr and en."""
    texts = {"op.1": "1. Prie l'Office;", "op.2": "2. Invite les États;", "op.3": "3. Décide."}
    docs = {
        lang: Document(path=f"{lang}.md", lang=lang, units=tuple(
            Unit(id=uid, role="operative", text=texts[uid], lines=(i + 1, i + 1), number=i + 1)
            for i, uid in enumerate(texts)))
        for lang in ("fr", "en")
    }
    rows = []
    for fr, en in zip(fr_ids, en_ids):
        cells = {}
        if fr:
            cells["fr"] = Cell((fr,), (1,), texts[fr])
        if en:
            cells["en"] = Cell((en,), (1,), texts[en])
        rows.append(Row(cells=cells, score=0.5))
    return Alignment(languages=("fr", "en"), pivot="fr", level="paragraph", rows=tuple(rows), documents=docs)


def test_a_pair_cut_into_a_missing_and_an_extra_row_is_re_paired():
    alignment = _rows(["op.1", "op.2", None, "op.3"], ["op.1", None, "op.2", "op.3"])
    pairs = build_pairs(alignment)
    assert [(p.source.unit_id, p.target.unit_id) for p in pairs] == [("op.1", "op.1"), ("op.2", "op.2"), ("op.3", "op.3")]
    assert check(alignment, [MissingParagraph]).findings == ()


def test_different_units_on_either_side_stay_an_omission_and_an_addition():
    alignment = _rows(["op.1", "op.2", None], ["op.1", None, "op.3"])
    pairs = build_pairs(alignment)
    assert [(p.source.unit_id, p.target.unit_id) for p in pairs] == [("op.1", "op.1"), ("op.2", None), (None, "op.3")]


def test_a_version_outside_the_six_languages_gets_a_notice_for_the_rules_not_run():
    from qa_rules.numbers.nu01_mismatch import NumberMismatch

    report = check(example_alignment({"fr": "Note que 37 pays,", "de": "Stellt fest, dass 38 Länder,"}),
                   [NumberMismatch, MissingParagraph])
    assert report.findings == ()
    assert len(report.notices) == 1 and "NU01" in report.notices[0] and "de version" in report.notices[0]


def test_sentences_of_one_paragraph_regrouped_are_not_a_merge():
    from qa_rules.structure.st03_merged import MergedParagraphs

    unit = Unit(
        id="op.1", role="operative", text="Prie l'Office. Il fait rapport.", lines=(4, 4), number=1,
        sentences=(Sentence("Prie l'Office.", 0, 14, 4), Sentence("Il fait rapport.", 15, 31, 4)),
    )
    en = Unit(id="op.1", role="operative", text="Requests the Office to report.", lines=(4, 4), number=1,
              sentences=(Sentence("Requests the Office to report.", 0, 30, 4),))
    docs = {"fr": Document("fr.md", "fr", (unit,)), "en": Document("en.md", "en", (en,))}
    row = Row(cells={"fr": Cell(("op.1.s1", "op.1.s2"), (4, 4), unit.text), "en": Cell(("op.1.s1",), (4,), en.text)},
              score=1.0)
    alignment = Alignment(languages=("fr", "en"), pivot="fr", level="sentence", rows=(row,), documents=docs)
    assert check(alignment, [MergedParagraphs]).findings == ()


def test_document_find_resolves_sentence_ids():
    unit = Unit(
        id="op.1", role="operative", text="Prie l'Office de continuer. Il fait rapport.", lines=(4, 5), number=1,
        sentences=(Sentence("Prie l'Office de continuer.", 0, 27, 4), Sentence("Il fait rapport.", 28, 44, 5)),
    )
    bare = Unit(id="pp.1", role="preambular", text="Rappelant,", lines=(2, 2))
    doc = Document(path="fr.md", lang="fr", units=(bare, unit))
    assert doc.find("op.1") is unit
    second = doc.find("op.1.s2")
    assert (second.id, second.text, second.lines, second.sentences[0].start) == ("op.1.s2", "Il fait rapport.", (5, 5), 0)
    assert doc.find("op.1.s3") is None and doc.find("op.7") is None
    assert doc.find("pp.1.s1") is bare  # a unit without sentences is its own first sentence


def test_the_engine_reads_no_cli_package():
    import ast
    from pathlib import Path

    import qa_rules

    root = Path(qa_rules.__file__).parent
    for module in root.rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else (
                [a.name for a in node.names] if isinstance(node, ast.Import) else [])
            assert not any(n == "hexaglot" or n.startswith("hexaglot.") for n in names), module
