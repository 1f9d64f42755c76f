"""``check --previous OLD_SOURCE OLD_TARGET``: recycled paragraphs keep their earlier wording (CO09)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from hexaglot.cli import cli
from qa_rules.consistency.co09_recycled import Earlier, RecycledText
from qa_rules.examples import run_example

from conftest import SAMPLE_SET

#: This year's English changes the wording of op.3 although its French is unchanged.
EN_EDIT = ("3. *Requests* the United Nations Office on Drugs and Crime to continue and to strengthen, upon request,",
           "3. *Requests* the United Nations Office on Drugs and Crime to keep up and to reinforce, upon request,")
#: This year's French changes op.4 slightly, and its English is the earlier one: not a departure.
FR_EDIT = ("en collaboration avec les autres entités compétentes du Pacte mondial",
           "en coopération avec les autres entités compétentes du Pacte mondial")


@pytest.fixture(scope="module")
def recycled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("previous")
    fr = (SAMPLE_SET / "fr.md").read_text(encoding="utf-8")
    en = (SAMPLE_SET / "en.md").read_text(encoding="utf-8")
    assert EN_EDIT[0] in en and FR_EDIT[0] in fr
    (folder / "fr.md").write_text(fr.replace(*FR_EDIT), encoding="utf-8")
    (folder / "en.md").write_text(en.replace(*EN_EDIT), encoding="utf-8")
    out = folder / "qa.json"
    result = CliRunner().invoke(cli, [
        "check", str(folder / "fr.md"), str(folder / "en.md"), "--select", "CO09", "--no-default-glossaries",
        "--previous", str(SAMPLE_SET / "fr.md"), str(SAMPLE_SET / "en.md"), "--format", "json", "-o", str(out),
        "--fail-on", "never"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


def test_departure_from_the_earlier_translation_is_reported(recycled):
    findings = [f for f in recycled["findings"] if f["rule"] == "CO09"]
    assert [f["target"]["unit"] for f in findings] == ["op.3"]
    (finding,) = findings
    assert finding["category"] == "consistency" and finding["severity"] == "warning"
    assert finding["expected"].startswith("Requests the United Nations Office on Drugs and Crime to continue and to "
                                          "strengthen, upon request,")
    assert finding["found"].startswith("Requests the United Nations Office on Drugs and Crime to keep up and to "
                                       "reinforce, upon request,")
    assert "source identical to the earlier text" in finding["message"]
    assert str(SAMPLE_SET / "en.md") in finding["message"]


def test_without_previous_the_rule_is_silent():
    example = {"fr": "Rappelant sa résolution 74/175 du 18 décembre 2019 relative à l'assistance technique,",
               "en": "Recalling its resolution 74/175 of 18 December 2019 on technical support,"}
    assert run_example(RecycledText(), example) == ()  # default config: no earlier version
    assert run_example(RecycledText(RecycledText.example_config()), example)


def test_threshold_is_configurable():
    earlier = Earlier("Prie l'Office de continuer à fournir une assistance technique aux États Membres,",
                      "Requests the Office to continue to provide technical assistance to Member States,",
                      "en", "old_en.md", "op.2", 9, "paragraph")
    example = {"fr": "Prie l'Office de continuer à fournir une assistance technique aux États Membres qui le demandent,",
               "en": "Requests the Office to continue providing technical assistance to requesting Member States,"}
    loose = RecycledText(RecycledText.Config(threshold=80.0, previous=(earlier,)))
    strict = RecycledText(RecycledText.Config(threshold=100.0, previous=(earlier,)))
    (finding,) = run_example(loose, example)
    assert finding.severity == "info" and "nearly identical" in finding.message
    assert finding.expected == earlier.target
    assert run_example(strict, example) == ()


def test_a_recycled_sentence_inside_a_new_paragraph():
    from aligner.model import Alignment, Cell, Document, Row, Sentence, Unit
    from qa_rules.engine import check

    old = "Prie l'Office de continuer à fournir une assistance technique aux États Membres."
    new = "Prend note du rapport du Secrétaire général sur la question."
    fr_text = f"{old} {new}"
    fr = Unit("op.2", "operative", fr_text, (4, 4), 2,
              sentences=(Sentence(old, 0, len(old), 4), Sentence(new, len(old) + 1, len(fr_text), 4)))
    en = Unit("op.2", "operative", "Asks the Office to keep giving technical help to Member States. "
                                   "Takes note of the report of the Secretary-General on the matter.", (4, 4), 2)
    docs = {"fr": Document("fr.md", "fr", (fr,)), "en": Document("en.md", "en", (en,))}
    row = Row({lang: Cell(("op.2",), (4,), doc.units[0].text) for lang, doc in docs.items()}, 1.0)
    alignment = Alignment(("fr", "en"), "fr", "paragraph", (row,), docs)
    earlier = Earlier(old, "Requests the Office to continue to provide technical assistance to Member States.",
                      "en", "old_en.md", "op.7.s1", 30, "sentence")
    (finding,) = check(alignment, [RecycledText(RecycledText.Config(previous=(earlier,)))]).findings
    assert finding.severity == "info" and finding.expected == earlier.target
    assert finding.source.unit == "op.2" and "sentence recycled" in finding.message
    en_ok = Unit("op.2", "operative", f"{earlier.target} Takes note of the report.", (4, 4), 2)
    docs["en"] = Document("en.md", "en", (en_ok,))
    row = Row({"fr": row.cells["fr"], "en": Cell(("op.2",), (4,), en_ok.text)}, 1.0)
    alignment = Alignment(("fr", "en"), "fr", "paragraph", (row,), docs)
    assert check(alignment, [RecycledText(RecycledText.Config(previous=(earlier,)))]).findings == ()
