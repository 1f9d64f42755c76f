"""Large and hostile inputs: the readers do work linear in what they read, and refuse early
what is not a document. No test here times anything: each counts work (characters cleaned,
characters split into sentences, characters handed to a regular expression), and the one
subprocess has a timeout only as a guard against a hang."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

import aligner.segment as segment
import aligner.structure as structure
from aligner.errors import InputError
from aligner.readers.lines import parse_lines
from aligner.structure import MAX_PARAGRAPH_CHARS, parse_structure
from hexaglot.cli import cli

HEAD = "## 2023/26. Assistance technique\n\n*L'Assemblée générale*,\n\n"
PARAGRAPH = ("*Rappelant* sa résolution [74/175](#) du 18 décembre 2019, intitulée « Assistance technique », "
             "et la Stratégie<sup>1</sup> adoptée le 8 septembre 2006. Elle prie le Secrétaire général, par. 5,")
TAIL = "\n\n52<sup>e</sup> séance plénière\n25 juillet 2023\n\n<sup>1</sup> Résolution 60/288.\n"


def _sub_paragraphs(count: int) -> str:
    """One operative paragraph followed by ``count`` unnumbered ones (read as its sub-paragraphs)."""
    return HEAD + "1. *Prie* le Secrétaire général :\n\n" + "".join(
        f"{PARAGRAPH} alinéa {i};\n\n" for i in range(count)) + TAIL


def _preamble(count: int) -> str:
    return HEAD + "".join(f"{PARAGRAPH} considérant {i},\n\n" for i in range(count)) + "1. Décide.\n" + TAIL


class _Counter:
    """Wraps a function and adds up the characters it was given."""

    def __init__(self, function, size):
        self.function, self.size, self.chars, self.calls = function, size, 0, 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        self.chars += self.size(*args)
        return self.function(*args, **kwargs)


def _count_cleaning_and_splitting(monkeypatch, text: str) -> tuple[int, int]:
    cleaned = _Counter(structure.clean_inline, lambda pieces: sum(len(p.text) for p in pieces))
    split = _Counter(structure.split_sentences, lambda text, lang: len(text))
    monkeypatch.setattr(structure, "clean_inline", cleaned)
    monkeypatch.setattr(structure, "split_sentences", split)
    parse_structure(text, "fr.md", "fr")
    return cleaned.chars, split.chars


@pytest.mark.parametrize("make", [_sub_paragraphs, _preamble], ids=["sub-paragraphs", "preamble"])
def test_markup_cleaning_and_sentence_splitting_are_linear(monkeypatch, make):
    """Each character is cleaned and split a bounded number of times: an operative paragraph
    was rebuilt from all its pieces for every sub-paragraph joined to it (quadratic)."""
    small = make(100)
    large = make(200)
    assert len(large) < MAX_PARAGRAPH_CHARS  # under the paragraph limit in the sub-paragraph case
    cleaned_small, split_small = _count_cleaning_and_splitting(monkeypatch, small)
    cleaned_large, split_large = _count_cleaning_and_splitting(monkeypatch, large)
    assert cleaned_large <= 4 * len(large)
    assert split_large <= 2 * len(large)
    assert cleaned_large <= 2.2 * cleaned_small and split_large <= 2.2 * split_small


def test_numbered_units_are_counted_not_searched(monkeypatch):
    """pp.N, meta.N and closing.N were numbered by listing every unit of the role so far."""
    calls = _Counter(structure._Builder.units_by_role, lambda self, role: 1)
    monkeypatch.setattr(structure._Builder, "units_by_role", lambda self, role: calls(self, role))
    document = parse_structure(_preamble(400), "fr.md", "fr")
    assert len(document.by_role("preambular")) == 400
    assert calls.calls <= 2


def test_repeated_numbers_find_their_suffix_without_retrying_each(monkeypatch):
    text = HEAD + "".join("1. Décide.\n\n" for _ in range(60)) + TAIL
    document = parse_structure(text, "fr.md", "fr")
    ids = [u.id for u in document.by_role("operative")]
    assert ids[:3] == ["op.1", "op.1b", "op.1c"] and len(set(ids)) == 60


class _CountingRe:
    """Stands in for the ``re`` module: adds up the characters given to its search functions."""

    def __init__(self, real):
        self.real, self.chars = real, 0

    def __getattr__(self, name):
        attribute = getattr(self.real, name)
        if name not in ("search", "match", "fullmatch", "findall", "finditer", "sub", "split"):
            return attribute

        def counted(pattern, string, *args, **kwargs):
            self.chars += len(string)
            return attribute(pattern, string, *args, **kwargs)
        return counted


def test_sentence_splitting_does_not_rescan_the_text_before_each_full_stop(monkeypatch):
    """The word before a full stop was found by a regex search over all the text before it."""
    import re

    counting = _CountingRe(re)
    monkeypatch.setattr(segment, "re", counting)
    text = "Il note les progrès accomplis. " * 4000
    spans = segment.split_sentences(text, "fr")
    assert len(spans) == 4000
    assert counting.chars <= 2 * len(text)


def test_sentence_splitting_keeps_abbreviations_initials_and_titles():
    """The bounded look-back reads the same words the whole-prefix search did."""
    def split(text, lang):
        return [text[a:b] for a, b in segment.split_sentences(text, lang)]

    assert split("Voir p. ex. Le texte. Puis M. J. Smith. Fin.", "fr") == ["Voir p. ex. Le texte.", "Puis M. J. Smith.",
                                                                            "Fin."]
    assert split("2023/26. Assistance technique. Elle prie.", "fr") == ["2023/26. Assistance technique.", "Elle prie."]
    assert split("в 2019 г. Генеральная Ассамблея, т. е. Совет. Он", "ru") == [
        "в 2019 г. Генеральная Ассамблея, т. е. Совет.", "Он"]
    assert split("  «Texte.» Autre.", "fr") == ["«Texte.»", "Autre."]


def test_an_overlong_paragraph_is_refused_early_with_its_line(monkeypatch):
    """5 MB with no paragraph break: refused at the paragraph's first line, after cleaning
    little more than the limit (it used to become one unit every QA rule searched)."""
    text = HEAD + "\n".join(f"texte sans fin de paragraphe {i}" for i in range(150_000)) + "\n"
    cleaned = _Counter(structure.clean_inline, lambda pieces: sum(len(p.text) for p in pieces))
    monkeypatch.setattr(structure, "clean_inline", cleaned)
    with pytest.raises(InputError) as caught:
        parse_structure(text, "fr.md", "fr")
    assert caught.value.line == 5
    assert "more than 50,000 characters" in caught.value.problem
    assert cleaned.chars < 10_000  # refused in the first pass, before any paragraph is cleaned


def test_sub_paragraphs_joined_past_the_limit_are_refused_at_their_operative():
    text = _sub_paragraphs(MAX_PARAGRAPH_CHARS // len(PARAGRAPH) + 10)
    with pytest.raises(InputError) as caught:
        parse_structure(text, "fr.md", "fr")
    assert caught.value.line == 5


def test_a_paragraph_just_under_the_limit_is_read():
    words = "mot " * ((MAX_PARAGRAPH_CHARS - 200) // 4)
    document = parse_structure(HEAD + f"1. Décide {words.strip()}.\n" + TAIL, "fr.md", "fr")
    assert len(document.by_role("operative")[0].text) > MAX_PARAGRAPH_CHARS - 300


def test_lines_format_refuses_an_overlong_line():
    with pytest.raises(InputError) as caught:
        parse_lines("une phrase\n" + "x" * (MAX_PARAGRAPH_CHARS + 1) + "\n", "dev.fr", "fr")
    assert caught.value.line == 2


def test_cli_says_one_line_and_exits_2_on_an_overlong_paragraph(tmp_path):
    path = tmp_path / "fr.md"
    path.write_text(HEAD + "x" * (MAX_PARAGRAPH_CHARS + 10) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["segment", str(path)])
    assert result.exit_code == 2
    assert "Traceback" not in (result.output or "")
    message = [line for line in result.output.splitlines() if line.startswith("hexaglot: error:")]
    assert message and f"{path}:5:" in message[0] and "xxxxxxxx" not in message[0]


def test_no_body_is_refused_before_the_front_page_is_read(monkeypatch):
    """A long text with no opener and no numbered paragraph has no body: refused at once."""
    text = "".join(f"ligne de texte numéro {i}\n\n" for i in range(3000))
    split = _Counter(structure.split_sentences, lambda text, lang: len(text))
    monkeypatch.setattr(structure, "split_sentences", split)
    with pytest.raises(InputError, match="no recognisable structure"):
        parse_structure(text, "fr.md", "fr")
    assert split.calls == 0


def test_an_italic_left_open_is_reported_once_for_the_whole_paragraph():
    """It was repeated for each sub-paragraph, and kept when a sub-paragraph closed it."""
    text = HEAD + "1. *Prie instamment les États;\n\nA) de coopérer;\n\nB) de rendre compte.\n" + TAIL
    document = parse_structure(text, "fr.md", "fr")
    assert [w for w in document.warnings if "never closed" in w] == ["op.1: an italic mark (*) is never closed"]
    assert sum("read as part of it" in w for w in document.warnings) == 2
    closed = parse_structure(HEAD + "1. *Prie instamment les États;\n\nA) de coopérer* ;\n" + TAIL, "fr.md", "fr")
    assert not [w for w in closed.warnings if "never closed" in w]


_PATHOLOGICAL = r'''
import sys
from aligner.readers.markup import Piece, clean_inline
from aligner.structure import parse_structure
from aligner.errors import InputError
n = 40_000  # each of these took minutes or hours: backtracking quadratic or cubic in n
head = "## 2023/26. T\n\n"
for line in ("# a" + " " * n + "b",                      # heading: lazy text before closing hashes
             "<!-- a: b" + " " * n + "c -->",             # comment key: value
             "L'Assemblée générale" + " " * n + "x",      # opener line
             "[a](" * (n // 4),                           # link targets never closed
             "texte <sup>" + " " * n + "x"):             # footnote marker
    try:
        parse_structure(head + line + "\n\n1. Décide.\n", "fr.md", "fr")
    except InputError:
        pass
clean_inline([Piece("<sup>1" + " " * n + "x", 1)])
print("done")
'''


def test_lines_full_of_spaces_or_open_links_do_not_backtrack():
    """Regexes that could split one run of characters two ways, on long lines (hang guard only)."""
    result = subprocess.run([sys.executable, "-c", _PATHOLOGICAL], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "done"
