"""glossary candidates proposes terms with their right equivalent: the gold lists of
tests/data/candidates_gold_*.tsv (written before the extractor was tuned), scored as
benchmarks/candidates.py scores them, and the faults it used to have (fragments, names'
capitals, partial renderings, Chinese words cut in two)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from conftest import REPO, load_script, missing

SAMPLES = REPO / "samples" / "E-RES-2023-26"


def _benchmark():
    return load_script("benchmarks/candidates.py", "candidates_benchmark")


def _alignment(lang: str, folder: Path = SAMPLES):
    from aligner.align import align_documents
    from aligner.readers import read_document

    return align_documents([read_document(str(folder / "fr.md")), read_document(str(folder / f"{lang}.md"))],
                           "paragraph")


def _jieba_or_skip():
    from qa_rules.glossary.chinese import available

    if available("auto") != "jieba":
        missing("jieba is not installed (pip install 'hexaglot[zh]')")


@pytest.fixture(scope="module")
def found():
    _jieba_or_skip()
    from qa_rules.glossary.candidates import candidates

    return {lang: candidates(_alignment(lang), (), limit=30) for lang in ("en", "es", "ru", "zh", "ar")}


def test_top_30_precision_against_the_gold_list(found):
    """The official French text (the sample set's fr.md is it, byte for byte) against each working
    version, no glossaries: measured 0.93 en, 0.97 es, 0.90 ru, 0.93 zh, 0.90 ar (0.93 pooled);
    0.87 (ru 0.80, zh 0.83, ar 0.83) before renderings were bounded by the words beside them and
    inflected Russian stems merged, 0.85 before renderings were tried up to 14 words, 0.34 before
    the C-value ranking."""
    bench = _benchmark()
    gold = bench.load_gold(REPO / "tests" / "data" / "candidates_gold_E-RES-2023-26.tsv")
    hits = {lang: sum(bench.right(c.source, c.target, lang, gold) for c in cands) for lang, cands in found.items()}
    assert all(len(cands) == 30 for cands in found.values())
    assert sum(hits.values()) / 150 >= 0.92, hits
    assert min(hits.values()) >= 27, hits


def test_the_gold_lists_score_inflected_forms_and_refuse_partial_renderings():
    bench = _benchmark()
    gold = bench.load_gold(REPO / "tests" / "data" / "candidates_gold_E-RES-2023-26.tsv")
    assert bench.right("combattants terroristes étrangers", "foreign terrorist fighters", "en", gold)
    assert bench.right("combattants terroristes étrangers", "иностранных боевиков-террористов", "ru", gold)
    assert not bench.right("justice pénale", "justice", "en", gold)
    assert not bench.right("justice pénale", "", "en", gold)
    assert not bench.right("internationaux relatifs", "international legal", "en", gold)


def test_no_fragment_verb_phrase_or_generic_phrase_is_proposed(found):
    sources = {c.source.casefold() for cands in found.values() for c in cands}
    for phrase in ("internationaux relatifs", "combattre le terrorisme", "assistance technique aux états",
                   "entités compétentes", "dispositions applicables", "enquêtes et des poursuites",
                   "coordination contre le terrorisme", "efforts déployés", "action menée",
                   "protocoles internationaux", "quatre piliers de la stratégie", "mettant l'accent"):
        assert phrase not in sources, phrase


def test_a_lower_case_expression_gets_a_lower_case_rendering():
    """justice pénale is criminal justice, not the Criminal Justice of the Commission's name."""
    from qa_rules.glossary.candidates import candidates

    targets = {c.source: c.target for c in candidates(_alignment("en"), (), limit=40)}
    assert targets["justice pénale"] == "criminal justice"
    assert targets["droit international"] == "international law"
    assert targets["entités des Nations Unies"] == "United Nations entities"  # a name leads: its capitals stay


def test_russian_and_arabic_renderings_are_whole_despite_inflection(found):
    ru = {c.source: c.target for c in found["ru"]}
    ar = {c.source: c.target for c in found["ar"]}
    assert ru["combattants terroristes étrangers"].casefold().startswith("иностранн")
    assert ru["justice pénale"] == "уголовного правосудия"
    assert ar["Office des Nations Unies contre la drogue et le crime"] == "مكتب الأمم المتحدة المعني بالمخدرات والجريمة"


def test_chinese_renderings_are_whole_words_with_jieba(found):
    zh = {c.source: c.target for c in found["zh"]}
    assert zh["combattants terroristes étrangers"] == "外国恐怖主义作战人员"
    targets = {c.target for c in found["zh"]}
    assert not targets & {"恐怖", "主义", "外国恐怖主义", "怖主义团"}
    assert not any("义有关的国" in t or t.startswith(("怖", "义")) for t in targets)


def test_without_jieba_chinese_falls_back_to_characters():
    from qa_rules.glossary.candidates import candidates

    cands = candidates(_alignment("zh"), (), limit=10, segmenter="characters")
    assert len(cands) == 10 and any(c.target for c in cands)
    with pytest.raises(ValueError, match="unknown Chinese segmenter"):
        candidates(_alignment("zh"), (), limit=1, segmenter="stroke")


def test_jieba_writes_no_cache_and_reads_none(tmp_path, monkeypatch):
    """jieba's own loader writes a 9 MB cache to the temporary folder and reads any file found
    there under that name on the next run: ours reads only the dictionary in jieba's package."""
    _jieba_or_skip()
    import qa_rules.glossary.chinese as chinese

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    (tmp_path / "jieba.cache").write_bytes(b"not a marshal file")
    chinese._jieba.cache_clear()
    try:
        assert chinese.splitter("jieba")("外国恐怖主义作战人员") == ["外国", "恐怖主义", "作战", "人员"]
    finally:
        chinese._jieba.cache_clear()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jieba.cache"]


def test_candidates_with_an_equivalent_come_first(found):
    for cands in found.values():
        flags = [bool(c.target) for c in cands]
        assert flags == sorted(flags, reverse=True)


def test_the_signature_says_how_chinese_was_cut():
    from click.testing import CliRunner

    from hexaglot.cli import cli
    from qa_rules.glossary.chinese import available

    runner = CliRunner()
    zh = runner.invoke(cli, ["glossary", "candidates", str(SAMPLES / "fr.md"), str(SAMPLES / "zh.md"), "--top", "1"])
    en = runner.invoke(cli, ["glossary", "candidates", str(SAMPLES / "fr.md"), str(SAMPLES / "en.md"), "--top", "1"])
    assert zh.exit_code == 0 and f"|zh_words:{available('auto')}" in zh.output
    assert en.exit_code == 0 and "zh_words" not in en.output


@pytest.mark.parametrize("lang, source, target", [
    # eleven words: cut at ten, the name was proposed without its head («Naciones Unidas contra...»)
    ("es", "Office des Nations Unies contre la drogue et le crime",
     "Oficina de las Naciones Unidas contra la Droga y el Delito"),
    # one hyphen-joined word for two: its length counts both («Организации Объединенных Наций» won)
    ("ru", "États Membres", "государства-члены"),
])
def test_long_names_and_hyphen_joined_words_are_rendered_whole(found, lang, source, target):
    proposed = {c.source: c.target for c in found[lang]}
    assert proposed[source].casefold().startswith(target.casefold()[:8])
    assert len(proposed[source].split()) == len(target.split())


def test_a_short_text_lists_only_candidates_it_can_render():
    """The development text cut into pieces of 16 rows (the size of a short resolution): 0.86 of
    what is proposed is right (203/237; 192/227 before renderings were bounded by the words beside
    them), 0.69 (186/270) when the candidates without an equivalent were listed too."""
    _jieba_or_skip()
    bench = _benchmark()
    gold = bench.load_gold(REPO / "tests" / "data" / "candidates_gold_E-RES-2023-26.tsv")
    right, proposed = 0, 0
    for lang in ("en", "es", "ru", "zh", "ar"):
        r, n = bench.in_pieces(_alignment(lang), lang, gold, 30)
        right, proposed = right + r, proposed + n
    assert right >= 198 and right / proposed >= 0.84, (right, proposed)
