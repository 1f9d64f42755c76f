"""The alignment engine on plain segments: costs, anchors, band, lexicon, errors."""

from __future__ import annotations

import random

import pytest

import aligner.align.segments as segments_module
from aligner.align import SENTENCE_BEADS, align_documents, align_segments
from aligner.align.anchors import fill_gaps, lexical_anchors, longest_chain, same_key_pairs, shifted_numbering
from aligner.align.cost import estimate_length_model
from aligner.align.dp import Band, band_from_anchors, best_path
from aligner.align.features import keys, segment
from aligner.align.lexicon import _classes, glossary_keys, learn_lexicon
from aligner.align.score import parse_beads, score_beads
from aligner.errors import InputError
from aligner.model import Document, Unit


def test_keys_cross_scripts_and_accents():
    assert "#2019" in keys("第2019号决议") and "#2019" in keys("résolution ٢٠١٩")
    assert "exped" in keys("Expedition") and "exped" in keys("expédition")
    assert "unodc" in keys("联合国毒品和犯罪问题办公室（UNODC）")
    assert not [k for k in keys("le la de et un") if not k.startswith("$")]


def test_longest_chain_is_monotone_and_maximal():
    points = [(0, 0), (1, 5), (2, 1), (3, 2), (4, 3), (5, 4), (6, 0)]
    assert longest_chain(points) == [(0, 0), (2, 1), (3, 2), (4, 3), (5, 4)]


def test_best_path_inside_a_band():
    src = [segment(t) for t in ("Un texte court.", "Un deuxième texte un peu plus long, avec 12 mots.", "Fin 2023.")]
    tgt = [segment(t) for t in ("A short text.", "A second text, a bit longer, with 12 words.", "End 2023.")]
    beads = align_segments(src, tgt, SENTENCE_BEADS)
    assert [(b.src, b.tgt) for b in beads] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    band = band_from_anchors([(1, 1)], 3, 3, margin=0)
    assert band.lo[0] == 0 and band.hi[3] == 3 and band.area() < 16
    path = best_path(3, 3, ((1, 1), (1, 0), (0, 1)), lambda i0, i1, j0, j1, limit: 0.0 if i1 - i0 == j1 - j0 else 5.0,
                     band)
    assert [(p[0], p[2]) for p in path] == [(0, 0), (1, 1), (2, 2)]


def test_merges_and_splits_found_from_numbers():
    src = [segment(t) for t in ("Il y avait 14 guides et 3 porteurs.", "Ils partirent le 12 mai vers 8848 m.",
                                "Puis 25 jours de marche en 1956.")]
    tgt = [segment(t) for t in ("Es gab 14 Führer und 3 Träger, sie brachen am 12. Mai auf, Ziel 8848 m.",
                                "Dann folgten 25 Tage", "Marsch im Jahr 1956.")]
    beads = align_segments(src, tgt, SENTENCE_BEADS)
    assert [(b.src, b.tgt) for b in beads] == [((0, 1), (0,)), ((2,), (1, 2))]


def test_empty_side_gives_null_beads():
    beads = align_segments([segment("Seul.")], [], SENTENCE_BEADS)
    assert [(b.src, b.tgt) for b in beads] == [((0,), ())]


def test_length_ratio_comes_from_the_documents():
    fr = [segment("Assistance technique fournie par l'Office des Nations Unies contre la drogue et le crime")]
    zh = [segment("联合国毒品和犯罪问题办公室提供的技术援助")]
    assert estimate_length_model(fr, zh).ratio < 0.35


def test_two_versions_aligned_alone_give_one_row_per_bead_as_scored(shared_data):
    """The rows of a two-version alignment are its beads (what TMX, TSV and the benchmark read):
    on the Text+Berg dev article they score as the beads do (strict F1 0.874; rows that split a
    2-1 bead into a spanning cell and a lone sentence scored 0.71)."""
    from aligner.readers import read_document

    data = shared_data / "textberg-dev"
    de = read_document(data / "dev.de", input_format="lines")
    fr = read_document(data / "dev.fr", input_format="lines")
    index_de = {u.id: k for k, u in enumerate(de.units)}
    index_fr = {u.id: k for k, u in enumerate(fr.units)}
    rows = align_documents([de, fr], level="sentence").rows
    beads = [(tuple(index_de[u] for u in row.cells["de"].units), tuple(index_fr[u] for u in row.cells["fr"].units))
             for row in rows]
    gold = parse_beads((data / "dev.defr").read_text(encoding="utf-8").splitlines())
    assert score_beads(beads, gold)["strict"].f1 > 0.87


def test_long_input_uses_a_band_not_the_full_matrix(shared_data, monkeypatch):
    data = shared_data / "textberg-dev"
    de = [segment(l.strip()) for l in (data / "dev.de").read_text(encoding="utf-8").splitlines() if l.strip()] * 2
    fr = [segment(l.strip()) for l in (data / "dev.fr").read_text(encoding="utf-8").splitlines() if l.strip()] * 2
    areas = []
    real = segments_module.plain_path

    def spy(model, shapes, band=None):  # lines input: the plain programme
        areas.append((band or Band.full(len(model.src), len(model.tgt))).area())
        return real(model, shapes, band)

    monkeypatch.setattr(segments_module, "plain_path", spy)
    beads = align_segments(de, fr, SENTENCE_BEADS)
    full = (len(de) + 1) * (len(fr) + 1)
    assert areas and max(areas) < 0.05 * full
    gold = parse_beads((data / "dev.defr").read_text().splitlines())
    gold2 = gold + [(tuple(i + 468 for i in s), tuple(j + 554 for j in t)) for s, t in gold]
    assert score_beads([(b.src, b.tgt) for b in beads], gold2)["strict"].f1 > 0.8


def test_lexical_anchors_pair_repeated_keys_in_order():
    src = [segment(f"Abschnitt {k} mit Zahl {100 + k} und Everest") for k in range(6)]
    tgt = [segment(f"Section {k} avec nombre {100 + k} et Everest") for k in range(6)]
    assert lexical_anchors(src, tgt) == [(k, k) for k in range(6)]


def test_a_repeated_number_pairs_its_kth_occurrence_with_the_kth():
    # an annex restarting at op.1: its op.1 faces the other version's annex op.1
    src = ["title", "op.1", "op.2", None, "op.1", "op.2"]
    tgt = ["title", "op.1", "op.2", "op.1", "op.2", "op.3"]
    assert same_key_pairs(src, tgt) == [(0, 0), (1, 1), (2, 2), (4, 3), (5, 4)]


def test_a_run_of_numbers_shifted_by_one_is_found_and_a_chance_fit_inside_it_too():
    """op.1-op.12 on both sides, the version's op.5 onwards translating the French op.6 onwards
    (op.5 deleted, the rest renumbered): each same-numbered pair from op.5 costs 4, its
    neighbour one paragraph off costs 0; op.9 against op.9 fits by chance (cost 0, as good as
    its shifted neighbour). Before op.5 the same-numbered pairs are the right ones."""
    pairs = [(i, i) for i in range(12)]

    def cost(i: int, j: int) -> float:
        if i == j:
            return 0.0 if i < 4 or i == 8 else 4.0
        return 0.0 if i >= 4 and j == i - 1 else 6.0

    assert shifted_numbering(pairs, cost, 12) == {(i, i) for i in range(4, 12)}
    # the same pairs fitting best as numbered: nothing is shifted
    assert shifted_numbering(pairs, lambda i, j: 0.0 if i == j else 6.0, 12) == set()
    # a run shorter than the window says nothing
    assert shifted_numbering(pairs[4:8], cost, 12) == set()
    # two paragraphs deleted before op.5: the version's op.5 translates the French op.7
    assert shifted_numbering(pairs, lambda i, j: (0.0 if i == j else 6.0) if i < 4
                             else (0.0 if j == i - 2 else 4.0), 12) == {(i, i) for i in range(4, 12)}


def test_the_second_pass_learns_no_words_from_the_beads_beside_a_gap():
    """Where a paragraph is missing, the beads beside the gap are the ones whose place is in
    doubt: the words they pair, learned as translations, would confirm the first pass's guess."""
    from aligner.align.segments import _away_from_gaps

    path = [(0, 1, 0, 1, -5.0), (1, 2, 1, 2, -5.0), (2, 3, 2, 2, 5.0), (3, 4, 2, 3, -5.0),
            (4, 5, 3, 4, -5.0), (5, 7, 4, 5, -3.0)]
    assert _away_from_gaps(path) == [(0, 1, 0, 1, -5.0), (4, 5, 3, 4, -5.0), (5, 7, 4, 5, -3.0)]
    assert _away_from_gaps(path[:2]) == path[:2]


def test_fill_gaps_keeps_the_anchors_and_adds_points_inside_the_gaps_only():
    anchors = [(10, 10), (20, 22)]
    points = [(2, 3), (10, 11), (12, 9), (15, 16), (25, 24), (19, 30)]
    # (10, 11) shares a row with an anchor, (12, 9) and (19, 30) leave the box between the anchors
    assert fill_gaps(anchors, points) == [(2, 3), (10, 10), (15, 16), (20, 22), (25, 24)]
    assert fill_gaps([], points) == longest_chain(points)


def test_learned_lexicon_links_translated_words():
    pairs = [("der Gletscher ist gross", "le glacier est grand"), ("ein Gletscher und Fels", "un glacier et rocher"),
             ("Fels und Schnee", "rocher et neige"), ("viel Schnee heute", "beaucoup de neige aujourd'hui"),
             ("der Gipfel", "le sommet"), ("Gipfel im Schnee", "sommet dans la neige")]
    src = [segment(a) for a, _ in pairs]
    tgt = [segment(b) for _, b in pairs]
    lexicon = learn_lexicon(src, tgt, [([k], [k]) for k in range(len(pairs))], max_share=1.0)
    assert ("gletscher", "glacier") in lexicon and ("schnee", "neige") in lexicon and ("gipfel", "sommet") in lexicon


def test_words_in_the_same_beads_are_counted_as_one_class():
    occurrences = {"glacier": [0, 3], "sommet": [0, 3], "neige": [1, 3], "rocher": [2], "le": [0, 1, 2, 3]}
    classes, in_bag = _classes(occurrences, low=2, high=3, bags=4)
    assert sorted(classes) == [("glacier", (0, 3)), ("neige", (1, 3))]
    assert sorted(len(k) for k in in_bag) == [0, 1, 1, 2]


def reference_lexicon(src, tgt, links, min_count=2, min_dice=0.5, max_share=0.08):
    """The lexicon's definition, word by word: Dice over beads, frequency limits,
    each word's best partner in both directions (ties to the first in word order)."""
    bags = [({w for i in s for w in src[i].tokens if not w.isdigit()},
             {w for j in t for w in tgt[j].tokens if not w.isdigit()}) for s, t in links if s and t]
    if len(bags) < 5:
        return {}
    cap = max(min_count, int(max_share * len(bags)))
    fs = {w: sum(w in a for a, _ in bags) for a, _ in bags for w in a}
    ft = {w: sum(w in b for _, b in bags) for _, b in bags for w in b}
    scored = {}
    for a in fs:
        for b in ft:
            if min_count <= fs[a] <= cap and min_count <= ft[b] <= cap:
                c = sum(a in x and b in y for x, y in bags)
                if c >= min_count and 2.0 * c / (fs[a] + ft[b]) >= min_dice:
                    scored[(a, b)] = 2.0 * c / (fs[a] + ft[b])
    best_s = {a: max(d for (x, _), d in scored.items() if x == a) for a, _ in scored}
    best_t = {b: max(d for (_, y), d in scored.items() if y == b) for _, b in scored}
    first_s = {a: min(b for (x, b), d in scored.items() if x == a and d == best_s[a]) for a in best_s}
    first_t = {b: min(a for (a, y), d in scored.items() if y == b and d == best_t[b]) for b in best_t}
    return {(a, b): d for (a, b), d in scored.items() if first_s[a] == b and first_t[b] == a}


@pytest.mark.parametrize("seed", range(40))
def test_learned_lexicon_by_classes_is_the_lexicon_word_by_word(seed):
    rnd = random.Random(seed)
    words_s, words_t = [f"mot{k}" for k in range(30)], [f"word{k}" for k in range(30)]
    src, tgt = [], []
    for _ in range(rnd.randint(5, 30)):
        picked = rnd.sample(range(30), rnd.randint(1, 6))
        src.append(segment(" ".join(words_s[k] for k in picked)))
        tgt.append(segment(" ".join(words_t[k] if rnd.random() < 0.8 else rnd.choice(words_t) for k in picked)))
    links = [([k], [k]) for k in range(len(src))]
    share = rnd.choice([0.08, 0.3, 1.0])
    assert learn_lexicon(src, tgt, links, max_share=share) == reference_lexicon(src, tgt, links, max_share=share)


def test_glossary_pairs_become_shared_keys():
    src, tgt = glossary_keys([segment("les combattants terroristes étrangers")], [segment("外国恐怖主义作战人员")],
                             [("combattants terroristes étrangers", "外国恐怖主义作战人员")])
    assert set(src[0].keys) & set(tgt[0].keys)


def _doc(path: str, lang: str, texts: list[str]) -> Document:
    units = tuple(Unit(id=f"seg.{k}", role="segment", text=t, lines=(k, k)) for k, t in enumerate(texts, start=1))
    return Document(path=path, lang=lang, units=units, input_format="lines")


def test_documents_of_the_same_language_are_refused():
    with pytest.raises(InputError, match="same language"):
        align_documents([_doc("a.fr", "fr", ["Un."]), _doc("b.fr", "fr", ["Deux."])])
    with pytest.raises(InputError, match="at least two"):
        align_documents([_doc("a.fr", "fr", ["Un."])])


def test_rows_join_through_the_pivot_with_gaps():
    fr = _doc("a.fr", "fr", ["Le 12 mai 1956, Everest.", "Voir la note 44 de la page 318 (Lhotse, 8501 m).",
                             "Fin en 1957 au Makalu."])
    de = _doc("a.de", "de", ["Am 12. Mai 1956, Everest.", "Ende 1957 am Makalu."])
    en = _doc("a.en", "en", ["On 12 May 1956, Everest.", "See note 44 on page 318 (Lhotse, 8501 m).",
                             "End in 1957 on Makalu."])
    alignment = align_documents([fr, de, en], level="sentence")
    table = [{lang: cell.units for lang, cell in row.cells.items()} for row in alignment.rows]
    assert table[0] == {"fr": ("seg.1",), "de": ("seg.1",), "en": ("seg.1",)}
    assert table[-1] == {"fr": ("seg.3",), "de": ("seg.2",), "en": ("seg.3",)}
    assert {"fr": ("seg.2",), "de": (), "en": ("seg.2",)} in table
    assert all(row.cells["de"].text == "" for row in alignment.rows if not row.cells["de"].units)


def _structured(lang: str, paragraphs: list[tuple[str, list[str]]]) -> Document:
    from aligner.model import Sentence

    units = []
    for k, (uid, sentences) in enumerate(paragraphs, start=1):
        text = " ".join(sentences)
        spans, start = [], 0
        for s in sentences:
            spans.append(Sentence(text=s, start=start, end=start + len(s), line=k))
            start += len(s) + 1
        role, _, number = uid.partition(".")
        units.append(Unit(id=uid, role={"op": "operative", "pp": "preambular"}[role], text=text, lines=(k, k),
                          number=int(number) if role == "op" else None, sentences=tuple(spans)))
    return Document(path=f"doc.{lang}", lang=lang, units=tuple(units))


def test_sentence_level_aligns_sentences_inside_paragraphs():
    fr = _structured("fr", [
        ("pp.1", ["Rappelant sa résolution 74/175 du 18 décembre 2019.", "Notant le rapport E/CN.15/2023/5."]),
        ("op.1", ["Prie l'Office de poursuivre son assistance en 2024.", "Invite les États Membres à verser 12 contributions.",
                  "Décide d'examiner la question en 2025."]),
    ])
    en = _structured("en", [
        ("pp.1", ["Recalling its resolution 74/175 of 18 December 2019.", "Noting the report E/CN.15/2023/5."]),
        ("op.1", ["Requests the Office to continue its assistance in 2024 and invites Member States to make "
                  "12 contributions.", "Decides to consider the question in 2025."]),
    ])
    aligned = align_documents([fr, en], level="sentence")
    rows = [(row.cells["fr"].units, row.cells["en"].units) for row in aligned.pair_rows["en"]]
    # two versions aligned alone: a bead is a row, the English 2-1 included
    assert [(row.cells["fr"].units, row.cells["en"].units) for row in aligned.rows] == rows
    assert all(row.cells["en"].span == 1 and not row.cells["en"].continues for row in aligned.rows)
    assert rows == [(("pp.1.s1",), ("pp.1.s1",)), (("pp.1.s2",), ("pp.1.s2",)),
                    (("op.1.s1", "op.1.s2"), ("op.1.s1",)), (("op.1.s3",), ("op.1.s2",))]


def test_a_band_without_a_path_is_widened():
    from aligner.align.segments import _best_path

    # a band that cuts the grid in two: rows 0-2 see column 0 only, rows 3-6 column 6 only
    band = Band(lo=(0, 0, 0, 6, 6, 6, 6), hi=(0, 0, 0, 6, 6, 6, 6))
    with pytest.raises(ValueError):
        best_path(6, 6, SENTENCE_BEADS, lambda *a: 0.0, band)
    path = _best_path(6, 6, SENTENCE_BEADS, lambda *a: 0.0, band)
    assert path[0][0] == 0 and path[-1][1] == 6 and path[-1][3] == 6


def test_the_second_pass_band_hugs_the_first_path():
    from aligner.align.dp import band_around_path

    path = [(0, 1, 0, 1, 0.0), (1, 3, 1, 2, 0.0), (3, 3, 2, 3, 0.0), (3, 4, 3, 4, 0.0)]
    band = band_around_path(path, 4, 4, 1)
    # row r: the columns of the beads that span it (rows i0..i1, columns j0..j1), one more each side
    assert band.lo == (0, 0, 0, 0, 2) and band.hi == (2, 3, 3, 4, 4)


def test_the_second_pass_runs_in_a_narrow_band_on_the_article(shared_data, monkeypatch):
    data = shared_data / "textberg-dev"
    de = [segment(l.strip()) for l in (data / "dev.de").read_text(encoding="utf-8").splitlines() if l.strip()]
    fr = [segment(l.strip()) for l in (data / "dev.fr").read_text(encoding="utf-8").splitlines() if l.strip()]
    bands = []
    real = segments_module.plain_path

    def spy(model, shapes, band=None):
        bands.append(band)
        return real(model, shapes, band)

    monkeypatch.setattr(segments_module, "plain_path", spy)
    align_segments(de, fr, SENTENCE_BEADS)
    first, second = bands
    assert second.area() < 0.6 * first.area()
    assert second.area() < 9 * (len(de) + 1)  # 2 columns either side of a path about 1.2 columns a row
