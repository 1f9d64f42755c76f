"""Alignment of the planted drafts (samples/drafts) against the French pivot:
partial omissions and additions stay 1-1 pairs, merges are 2-1 beads, and a
target's pairing with the pivot does not depend on the other languages."""

from __future__ import annotations

import itertools
import json
import re

import pytest

from aligner.align import align_pair
from aligner.align.cost import PARAGRAPH_PRIORS, CostModel, CostParams, estimate_length_model
from aligner.align.features import segment
from aligner.align.rows import span_pairs
from aligner.readers import read_document

from conftest import SAMPLE_SET, SAMPLES

DRAFTS = SAMPLES / "drafts"


@pytest.fixture(scope="module")
def fr():
    return read_document(SAMPLE_SET / "fr.md")


@pytest.fixture(scope="module")
def en_draft():
    return read_document(DRAFTS / "en_draft.md")


def _beads_with(beads, uid):
    return [(b.src_ids, b.tgt_ids) for b in beads if uid in b.src_ids or uid in b.tgt_ids]


def test_pruned_cost_is_a_lower_bound_with_anchors_and_roles():
    # the programme passes a limit; a pruned bead must come back as a lower bound
    # of its exact cost above that limit, never as an overestimate (anchors and
    # roles used to be left out of the bound, so a good 2-1 bead lost)
    texts = ["Rappelant la résolution 60/288 et le document E/CN.15/2023/5 ;",
             "Consciente que les terroristes utilisent Internet (2021) ;",
             "Consciente également des infrastructures critiques ;",
             "Prie l'Office de continuer ;"]
    src = [segment(t, role) for t, role in zip(texts, ("preambular", "preambular", "preambular", "operative"))]
    tgt = [segment("Recalling resolution 60/288 and document E/CN.15/2023/5;", "preambular"),
           segment("Aware that terrorists use the Internet (2021), aware also of critical infrastructure;",
                   "preambular"),
           segment("Requests the Office to continue;", "operative")]
    params = CostParams(priors=PARAGRAPH_PRIORS, null_cost=0.5)
    model = CostModel(src, tgt, estimate_length_model(src, tgt), params, anchors=[(3, 2)])
    for i0, j0 in itertools.product(range(4), range(3)):
        for a, b in PARAGRAPH_PRIORS:
            i1, j1 = i0 + a, j0 + b
            if i1 > 4 or j1 > 3:
                continue
            exact = model.cost(i0, i1, j0, j1)
            for limit in (-30.0, -10.0, 0.0, 5.0, 10.0):
                pruned = model.cost(i0, i1, j0, j1, limit)
                assert pruned <= exact + 1e-9
                assert pruned == exact or pruned > limit


PLANTS = json.loads((DRAFTS / "plants.json").read_text(encoding="utf-8"))["plants"]
LANGS = tuple(sorted(PLANTS))


def expected_beads(fr_doc, lang: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The draft's beads as its structure plants make them: a dropped operative
    paragraph is a 1-0 bead, two merged preambular paragraphs one 2-1 bead (the
    draft's later preambular paragraphs numbered one less), an operative
    paragraph given its predecessor's number paired with the reader's ``op.Nb``;
    every other paragraph, cut short, lengthened, left in French or not, 1-1."""
    dropped, merged, renumbered = set(), {}, {}
    for plant in PLANTS[lang]:
        if plant["category"] != "structure":
            continue
        text = plant["description"]
        if m := re.match(r"operative paragraph (\d+)\b.*\bdropped", text):
            dropped.add(f"op.{m[1]}")
        elif m := re.match(r"preambular paragraphs (\d+) and (\d+)\b.*\bmerged", text):
            merged[int(m[1])] = int(m[2])
        elif m := re.match(r"operative paragraph (\d+) numbered (\d+)", text):
            renumbered[f"op.{m[1]}"] = f"op.{m[2]}b"
        else:
            assert text.startswith("footnote marker"), text  # a marker: no paragraph moves
    out, shift = [], 0
    for unit in fr_doc.units:
        uid = unit.id
        if uid in dropped:
            out.append(((uid,), ()))
        elif unit.role == "preambular":
            n = int(uid.split(".")[1])
            if n in merged:
                out.append(((uid, f"pp.{merged[n]}"), (f"pp.{n - shift}",)))
                shift += 1
            elif n - 1 not in merged:
                out.append(((uid,), (f"pp.{n - shift}",)))
        else:
            out.append(((uid,), (renumbered.get(uid, uid),)))
    return out


def test_every_draft_has_structure_plants():
    # the expectations below must not be vacuous: each draft drops an operative
    # paragraph and merges two preambular ones
    for lang in LANGS:
        shapes = {(len(s), len(t)) for s, t in expected_beads(read_document(SAMPLE_SET / "fr.md"), lang)}
        assert {(1, 0), (2, 1), (1, 1)} <= shapes, lang


@pytest.mark.parametrize("lang", LANGS)
def test_each_draft_is_aligned_as_its_plants_say(fr, lang):
    """Dropped paragraph 1-0, merged paragraphs 2-1, repeated number 1-1 with the
    copy's id, everything else 1-1 (samples/drafts/plants.json)."""
    beads = align_pair(fr, read_document(DRAFTS / f"{lang}_draft.md"))
    assert [(b.src_ids, b.tgt_ids) for b in beads] == expected_beads(fr, lang)


def _length_plants(lang: str) -> list[str]:
    """Paragraphs of a draft cut short or given an extra clause (plants of category 'length')."""
    out = []
    for plant in PLANTS[lang]:
        if plant["category"] == "length":
            m = re.search(r"(operative|preambular) paragraph (\d+)", plant["description"])
            out.append(("op." if m[1] == "operative" else "pp.") + m[2])
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_partial_omissions_and_additions_stay_1_1_pairs(fr, lang):
    beads = align_pair(fr, read_document(DRAFTS / f"{lang}_draft.md"))
    uids = _length_plants(lang)
    assert len(uids) == 3
    for uid in uids:
        assert _beads_with(beads, uid) == [((uid,), (uid,))], uid


def test_partial_omissions_and_additions_are_mostly_marked_for_review(fr):
    """Goal: every paragraph cut short or given a clause scores below 0.5 (a reviewer
    looks at it). Not met yet: 11 of the 15 planted ones are; a fifth of a paragraph
    left out (es op.8, 0.8 of its length; ar op.8) or a clause added to a Chinese or
    Russian paragraph (zh op.4, ru op.29) still scores above 0.5. The floor is held."""
    marked = []
    for lang in LANGS:
        scores = {b.src_ids: b.score for b in align_pair(fr, read_document(DRAFTS / f"{lang}_draft.md"))}
        marked += [(lang, uid) for uid in _length_plants(lang) if scores[(uid,)] < 0.5]
    assert len(marked) >= 11, marked
    assert {("en", "op.22"), ("ru", "op.34"), ("zh", "op.19"), ("ar", "op.30")} <= set(marked)  # cut to a third or less


def test_partial_omissions_stay_paired_at_sentence_level(fr, en_draft):
    beads = align_pair(fr, en_draft, level="sentence")
    for uid in _length_plants("en"):
        got = [b for b in beads if any(s.startswith(uid + ".") for s in b.src_ids + b.tgt_ids)]
        assert got and all(b.src_ids and b.tgt_ids for b in got), uid


# --- several targets: each one's pairing with the pivot does not depend on the others ----------


@pytest.fixture(scope="module")
def drafts():
    return {lang: read_document(DRAFTS / f"{lang}_draft.md") for lang in LANGS}


@pytest.fixture(scope="module")
def together(fr, drafts):
    from aligner.align import align_documents

    return align_documents([fr] + [drafts[lang] for lang in LANGS])


def _pairing(alignment, lang):
    return [tuple(row.cells[k].units for k in (alignment.pivot, lang)) + (row.score,)
            for row in alignment.pair_rows[lang]]


@pytest.mark.parametrize("lang", LANGS)
def test_a_targets_pairing_is_the_same_alone_and_with_others(fr, drafts, together, lang):
    from aligner.align import align_documents

    alone = align_documents([fr, drafts[lang]])
    assert _pairing(together, lang) == _pairing(alone, lang)
    # aligned alone, the rows are that pairing itself, once each merge's span is joined
    assert span_pairs(alone.rows, "fr", lang) == alone.pair_rows[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_a_merge_in_one_target_spans_the_pivots_rows_without_coarsening_them(together, lang):
    # ru merges pp.19+pp.20, es pp.2+pp.3, ar pp.11+pp.12: each pivot unit keeps its row (so the
    # other languages keep theirs), every bead's target units sit in the row of its first pivot
    # unit, and that cell spans exactly the rows down to its last one
    row_of = {}
    for n, row in enumerate(together.rows):
        for k, cell in row.cells.items():
            for uid in cell.units:
                assert (k, uid) not in row_of, (k, uid)
                row_of[(k, uid)] = n
    assert all(len(row.cells["fr"].units) == 1 for row in together.rows if row.cells["fr"].units)
    spans = 0
    for pair in together.pair_rows[lang]:
        src, tgt = pair.cells["fr"].units, pair.cells[lang].units
        if not src or not tgt:
            continue
        top, bottom = row_of[("fr", src[0])], row_of[("fr", src[-1])]
        assert {row_of[(lang, u)] for u in tgt} == {top}, (src, tgt)
        assert together.rows[top].cells[lang].span == bottom - top + 1
        for covered in together.rows[top + 1:bottom + 1]:
            assert covered.cells[lang].continues == together.rows[top].cells[lang].units
        spans += bottom > top
    assert spans >= 1 or lang not in ("ru", "es", "ar")


def test_check_findings_for_english_do_not_depend_on_other_drafts():
    # end to end: the English draft checked alone or with the Spanish and Russian
    # drafts gives the same findings for English (op.15 used to become a false
    # ST01 + ST02 once a Russian insertion row fell between its two halves)
    import json
    import subprocess
    import sys

    def english(*targets):
        out = subprocess.run([sys.executable, "-m", "hexaglot", "check", str(SAMPLE_SET / "fr.md"),
                              *(str(DRAFTS / f"{t}_draft.md") for t in targets), "--format", "json"],
                             capture_output=True, text=True, cwd=SAMPLES.parent, check=False)
        assert out.stdout, out.stderr[-800:]  # the check itself must run
        findings = json.loads(out.stdout)["findings"]
        return sorted((f["rule"], (f.get("target") or {}).get("line")) for f in findings
                      if (f.get("target") or {}).get("lang") == "en")

    alone = english("en")
    assert alone and alone == english("en", "es", "ru")
