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
    assert fr.unit("meta.1").text == "Conseil économique et social"  # the official text's first heading
    assert fr.unit("pp.1").text.startswith("Réaffirmant que le terrorisme sous toutes ses formes")
    assert fr.unit("pp.1").lines == (31, 31)


#: Text that runs across each cut of the official French, the two halves rejoined with one space
#: (first half's last words, second half's first words, as they stand in fr.md).
CUTS = {
    "pp.12": "qui préside le Groupe de travail sur la justice pénale, les ripostes juridiques",
    "op.10": "visant les auteurs d'infractions, notamment les combattants terroristes étrangers",
    "op.15": "à leur apporter un soutien, et à intégrer systématiquement la promotion",
    "op.20": "à continuer de fournir une assistance technique aux États Membres qui le demandent",
    "op.25": "l'Office des Nations Unies contre la drogue et le crime de fournir une assistance",
    "op.29": "le crime de fournir, dans le cadre de son mandat, une assistance technique",
    "op.34": "invite les États Membres à envisager de verser des contributions financières",
}


@pytest.mark.parametrize("unit_id", sorted(CUTS))
def test_french_cuts_rejoined(fr, unit_id):
    unit = fr.unit(unit_id)
    assert CUTS[unit_id] in unit.text
    assert unit.lines[1] - unit.lines[0] >= 2  # spans the cut
    # nothing of what stood between the halves (a page separator, footnote blocks) leaks into the text
    assert "---" not in unit.text
    for footnote in fr.by_role("footnote"):
        assert footnote.text not in unit.text, (unit_id, footnote.id)


def test_french_cut_lines_point_to_both_halves(fr):
    unit = fr.unit("pp.12")
    assert unit.lines == (55, 71)
    assert unit.line_at(unit.text.index("Groupe de travail")) == 55
    assert unit.line_at(unit.text.index("de travail sur")) == 71


def test_french_footnotes_and_markers(fr):
    assert fr.unit("fn.1").text == "Résolutions 53/243 A et B."
    assert fr.unit("fn.6").text == "E/CN.15/2023/5."
    assert fr.unit("fn.7").text == "Nations Unies, Recueil des Traités, vol. 2225, 2237, 2241 et 2326, n° 39574."
    assert fr.unit("fn.7").italic[0].text == "Recueil des Traités"
    assert fr.unit("fn.10").text == "Ibid., vol. 1577, n° 27531."
    # two markers in one paragraph, each right after the title it refers to, before the comma
    pp6 = fr.unit("pp.6")
    first, second = pp6.footnotes
    assert (first.number, first.line) == (1, 43) and (second.number, second.line) == (2, 43)
    assert pp6.text[:first.offset].endswith("en faveur d'une culture de paix")
    assert pp6.text[:second.offset].endswith("le dialogue entre les civilisations")
    assert pp6.text[second.offset:] == ","
    # a marker whose footnote text sits further down, below the next paragraph's first half
    (ref,) = fr.unit("op.28").footnotes
    assert (ref.number, ref.line) == (10, 159)
    assert fr.unit("op.28").text[:ref.offset].endswith("Convention relative aux droits de l'enfant")
    assert fr.unit("fn.10").lines == (163, 163)


def test_french_closing_ordinal_is_not_a_footnote(fr):
    closing = fr.by_role("closing")
    assert [u.id for u in closing] == ["closing.1", "closing.2"]
    assert closing[0].text == "43e séance plénière"  # 43<sup>e</sup>: an ordinal, not footnote 43
    assert closing[0].footnotes == ()
    assert closing[1].text == "25 juillet 2023"
    assert fr.unit("op.36").text.endswith("sur l'application de la présente résolution.")


def test_french_links_and_metadata(fr):
    assert "sa résolution 74/175 du 18 décembre 2019" in fr.unit("pp.8").text
    assert fr.unit("meta.9").text.endswith("(E/2023/30)]")
    assert fr.metadata == {}  # the official text as received: no header of ours in it


def test_french_sample_is_the_official_text_byte_for_byte(shared_data):
    official = shared_data / "un-official" / "E-RES-2023-26.fr.md"
    assert (SAMPLE_SET / "fr.md").read_bytes() == official.read_bytes()


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "fr"])
def test_working_translations_say_so(lang):
    note = _document(lang).metadata["hexaglot sample"]
    assert "working translation of the official French text" in note
    assert "not an official United Nations text" in note


#: The closing lines of each version: the meeting line, then the date (Chinese writes the date
#: first in the file; closing.1 is the meeting line all the same).
CLOSINGS = {
    "fr": ("43e séance plénière", "25 juillet 2023"),
    "en": ("43rd plenary meeting", "25 July 2023"),
    "es": ("43ª sesión plenaria", "25 de julio de 2023"),
    "ru": ("43-е пленарное заседание", "25 июля 2023 года"),
    "zh": ("第43次全体会议", "2023年7月25日"),
    "ar": ("الجلسة العامة 43", "25 تموز/يوليه 2023"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_closing_lines(lang):
    doc = _document(lang)
    assert tuple(u.text for u in doc.by_role("closing")) == CLOSINGS[lang]
    meeting, date = doc.unit("closing.1"), doc.unit("closing.2")
    assert (date.lines[0] < meeting.lines[0]) == (lang == "zh")


#: Paragraphs cut by a page break or a blank line in each version (as their authors placed them).
CUT_UNITS = {
    "fr": {"pp.12", "op.10", "op.15", "op.20", "op.25", "op.29", "op.34"},
    "en": {"pp.10", "pp.18", "op.7", "op.12", "op.19", "op.25", "op.30"},
    "es": {"pp.5", "pp.16", "op.4", "op.11", "op.17", "op.23", "op.29"},
    "ru": {"pp.10", "pp.18", "op.8", "op.12", "op.19", "op.24", "op.30"},
    "zh": {"pp.10", "op.1", "op.9", "op.15", "op.22", "op.28", "op.34"},
    "ar": {"pp.8", "pp.17", "op.6", "op.12", "op.18", "op.29"},  # a page break also falls between op.23 and op.24
}

#: Text that runs across each cut of the five working translations, as the two halves stand in the
#: file (rejoined with one space, none in Chinese).
JOINS = {
    "en": {
        "pp.10": "committed themselves to taking to prevent and counter terrorism in all its forms",
        "pp.18": "that they need to prosecute and secure the conviction of foreign terrorist fighters",
        "op.7": "or in the name of religion or belief, and requests the United Nations Office",
        "op.12": "in order to promote the exchange of good practices and experience",
        "op.19": "giving serious reasons for considering that they have been guilty",
        "op.25": "to provide technical assistance in this regard to requesting States;",
        "op.30": "into criminal justice responses to terrorism, with a view to preventing",
    },
    "es": {
        "pp.5": "respetando plenamente los propósitos y principios enunciados en la Carta",
        "pp.16": "entre el terrorismo y la delincuencia organizada transnacional varían según el contexto",
        "op.4": "combatir el terrorismo se ajuste y responda a las necesidades prioritarias",
        "op.11": "que constituyen la base de toda estrategia de lucha contra el terrorismo",
        "op.17": "con las drogas u otras actividades ilícitas, el fraude, el blanqueo de dinero",
        "op.23": "sobre los pasajeros y los datos del registro de nombres de los pasajeros",
        "op.29": "tienen un importante papel que desempeñar en lo que respecta a promover",
    },
    "ru": {
        "pp.10": "по предупреждению преступности и уголовному правосудию Киотской декларации",
        "pp.18": "при получении и использовании допустимых доказательств",
        "op.8": "механизмов, позволяющих вовлекать молодежь в поощрение культуры мира",
        "op.12": "в рамках уголовных дел, связанных с терроризмом, и предоставлять Управлению",
        "op.19": "в отношении которого имеется достоверная и относящаяся к делу информация",
        "op.24": "помощь в эффективном осуществлении этих документов",
        "op.30": "в мерах уголовного правосудия, принимаемых в ответ на терроризм",
    },
    "zh": {
        "pp.10": "特别是会员国承诺为预防和打击一切形式和表现的恐怖主义而采取的措施，",
        "op.1": "提供技术援助，协助其加入这些国际法律文书并将其纳入国内法；",
        "op.9": "内容涉及为调查和起诉恐怖主义及相关犯罪而收集",
        "op.15": "在会员国提出请求时向其提供支持，并在《联合国全球反恐战略》",
        "op.22": "回返和转移的外国恐怖主义作战人员构成的威胁，特别是加强会员国之间的合作",
        "op.28": "对待涉嫌、被控告或被认定触犯法律的儿童",
        "op.34": "提供更多长期自愿资金捐助和实物援助，",
    },
    "ar": {
        "pp.8": "من أجل تمكينها من تنفيذ الاتفاقيات والبروتوكولات الدولية",
        "pp.17": "وإعادة إدماجهم، ومنهم الأطفال الذين ارتبطوا بمقاتلين إرهابيين أجانب",
        "op.6": "في مختلف أنحاء العالم، أيا كان مرتكبوها",
        "op.12": "ومنها بوابة إدارة المعارف لتبادل الموارد الإلكترونية",
        "op.18": "ترمي إلى تعزيز تدابير منع الجريمة والعدالة الجنائية",
        "op.29": "والمنظمات غير الحكومية والهيئات الدينية ووسائط الإعلام دورا مهما",
    },
}


@pytest.mark.parametrize("lang", sorted(JOINS))
def test_working_translations_cuts_rejoined(lang):
    doc = _document(lang)
    assert set(JOINS[lang]) == CUT_UNITS[lang]
    for unit_id, joined in JOINS[lang].items():
        unit = doc.unit(unit_id)
        assert joined in unit.text, unit_id
        assert "---" not in unit.text
        for footnote in doc.by_role("footnote"):
            assert footnote.text not in unit.text, (unit_id, footnote.id)
        # each of these cuts has page furniture (a `---` line) between its halves
        assert [cut.kind for cut in unit.cuts] == ["page"], unit_id


def test_arabic_page_break_between_two_paragraphs_is_not_a_cut():
    doc = _document("ar")
    op23, op24 = doc.unit("op.23"), doc.unit("op.24")
    lines = (SAMPLE_SET / "ar.md").read_text(encoding="utf-8").splitlines()
    assert "---" in [line.strip() for line in lines[op23.lines[1]:op24.lines[0] - 1]]
    assert op23.cuts == () == op24.cuts
    assert op23.text.endswith("2020؛")


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
    """Two cuts in the official French have only a blank line in them; five have page furniture
    (a `---` separator or a block of footnotes between the halves)."""
    kinds = {unit.id: [cut.kind for cut in unit.cuts] for unit in fr.units if unit.cuts}
    assert kinds == {"pp.12": ["page"], "op.10": ["page"], "op.15": ["page"], "op.20": ["blank"],
                     "op.25": ["blank"], "op.29": ["page"], "op.34": ["page"]}
    (cut,) = fr.unit("op.20").cuts
    assert cut.line == 141 and fr.unit("op.20").text[:cut.offset].endswith("crime à continuer de fournir")
    (cut,) = fr.unit("op.25").cuts
    assert cut.line == 153 and fr.unit("op.25").text[:cut.offset].endswith("des Nations Unies contre la")
