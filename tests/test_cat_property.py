"""Property tests: any text in an XLIFF or TMX segment is read back as that text, never a crash."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aligner.readers.bilingual import read_bilingual

TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
               | st.sampled_from(" \n\t"), max_size=80)


def expected(text: str) -> str:
    return re.sub(r"[ \t]*\n\s*", " ", text).strip()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(source=TEXT, target=TEXT, code=st.sampled_from(["", '<x id="1"/>', '<ph id="2">&lt;b&gt;</ph>']))
def test_xliff_text_round_trips(tmp_path, source, target, code):
    path = tmp_path / "p.xlf"
    path.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="fr" target-language="en"><body><trans-unit id="1">'
        f"<source>{escape(source)}{code}</source><target>{escape(target)}</target>"
        "</trans-unit></body></file></xliff>",
        encoding="utf-8",
    )
    alignment = read_bilingual(path)
    if not expected(source):
        assert alignment.rows == ()
        return
    (row,) = alignment.rows
    assert row.cells["fr"].text == expected(source)
    assert row.cells["en"].text == expected(target)
    fr = alignment.documents["fr"].units[0]
    assert len(fr.markup) == (1 if code else 0)
    assert all(0 <= s.start <= s.end <= len(fr.text) for s in fr.markup)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TEXT, min_size=2, max_size=2))
def test_tmx_text_round_trips(tmp_path, texts):
    path = tmp_path / "p.tmx"
    tuvs = "".join(f'<tuv xml:lang="{lang}"><seg>{escape(t)}</seg></tuv>' for lang, t in zip(("fr", "ru"), texts))
    path.write_text(f'<tmx version="1.4"><header srclang="fr"/><body><tu>{tuvs}</tu></body></tmx>', encoding="utf-8")
    alignment = read_bilingual(path)
    assert alignment.languages == ("fr", "ru")
    if expected(texts[0]):
        assert [alignment.rows[0].cells[lang].text for lang in ("fr", "ru")] == [expected(t) for t in texts]
