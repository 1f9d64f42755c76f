"""A malformed glossary is refused with one line naming the file, the line and the problem,
by every command that loads it; pattern terms cannot make a check run away.

- a ``pattern`` term that does not compile, or whose shape lets Python's
  backtracking engine take exponential (or high polynomial) time, is refused
  when the glossary is loaded (``check``, ``glossary validate``, ``stats``,
  ``lookup``), in TBX, CSV and XLSX;
- patterns are matched in bounded windows, so no search reads more than
  ``WINDOW_CHARS`` characters, whatever the text;
- an unterminated CSV quote is refused at the line where the quoted field begins;
- a concept id repeated in a wide table (one row per concept) is refused with both lines.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st
from openpyxl import Workbook

from aligner.errors import InputError
from hexaglot.cli import cli
from qa_rules.glossary import bundled_glossaries, read_glossary
from qa_rules.glossary.matcher import Matcher
from qa_rules.glossary.model import Concept, Glossary, Term
from qa_rules.glossary.patterns import (
    MAX_MATCH_CHARS,
    STRIDE_CHARS,
    WINDOW_CHARS,
    find_pattern,
    pattern_problem,
)
from qa_rules.glossary.validate import validate

REPO = Path(__file__).resolve().parent.parent

#: Shapes that backtrack exponentially (or worse than quadratically) in Python's ``re``.
RUNAWAY = (
    r"(a+)+$",
    r"(a|a)*b",
    r"(\w+\s?)*x",
    r"(aa?)*b",
    r"(x+x+)+y",
    r"(?:(?:a|b)+)+c",
    r"(a*)*b",
    r"(.*a){1,20}",
    r"(?i:(ab|AB))*c",
    r"([^,]+,?)+;",
    r"\w*\w*x",
    r"(\w+)(\w+)x",
    r"\d+\.?\d+%",
)
INVALID = (r"abc(", r"a{2,1}", r"(?<=a+)b", r"[z-a]", r"*x")
#: Real pattern terms and safe shapes close to the refused ones.
SAFE = (
    r"États? membres?\b(?! de l['’]Union européenne)",
    r"مؤتمر الأمم المتحدة (?:\S+ ){1,3}لمنع الجريمة والعدالة الجنائية",
    r"A/RES/\d+/\d+",
    r"S/RES/\d{3,4} \(\d{4}\)",
    r"(?:de |des )*Nations Unies",
    r"(?:Conseil|Comité)+",
    r"([^,]+,)*",
    r"(?:\d{1,3},)*\d{3}",
    r"(?:a++)+b",
    r"(?>a+)+b",
    r"\s*\w+",
    r"(ab|cd)*e",
)


@pytest.mark.parametrize("pattern", RUNAWAY + INVALID)
def test_a_runaway_or_invalid_pattern_is_refused(pattern):
    assert pattern_problem(pattern) is not None


@pytest.mark.parametrize("pattern", SAFE)
def test_a_safe_pattern_passes(pattern):
    assert pattern_problem(pattern) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab()[]|*+?{},^$\\.wsd-:?!<=>i", max_size=40))
def test_any_text_gets_a_verdict_without_crashing(text):
    problem = pattern_problem(text)
    assert problem is None or ("\n" not in problem and problem)
    if problem is None:
        re.compile(text)


def test_a_pattern_longer_than_a_term_is_refused():
    assert "longer than" in pattern_problem("x" * 1000)


def test_the_bundled_glossaries_load_and_their_patterns_pass():
    files = sorted((REPO / "glossaries").glob("*.tbx")) + sorted((REPO / "glossaries").glob("*.csv"))
    assert files
    patterns = 0
    for path in files:
        glossary = read_glossary(path)
        for concept in glossary.concepts:
            for term in concept.terms:
                if term.match == "pattern":
                    patterns += 1
                    assert pattern_problem(term.text) is None, (path.name, term.text)
    assert patterns >= 2  # the bundled glossary has pattern terms in TBX and CSV
    assert bundled_glossaries()


# -- glossary files with a bad pattern, through every command ---------------------------


def _csv(tmp_path: Path, pattern: str) -> tuple[Path, int]:
    path = tmp_path / "bad.csv"
    quoted = '"' + pattern.replace('"', '""') + '"'
    path.write_text("concept_id,lang,term,status,match\n"
                    "council,en,Security Council,preferred,\n"
                    f"symbol,en,{quoted},preferred,pattern\n", encoding="utf-8")
    return path, 3


def _tbx(tmp_path: Path, pattern: str) -> tuple[Path, int]:
    path = tmp_path / "bad.tbx"
    escaped = pattern.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>test</p>'
        "</sourceDesc></fileDesc></martifHeader>\n<text><body>\n"
        '<termEntry id="council"><langSet xml:lang="en"><tig><term>Security Council</term></tig>'
        "</langSet></termEntry>\n"
        '<termEntry id="symbol"><langSet xml:lang="en"><tig>\n'
        f"<term>{escaped}</term>\n"
        '<termNote type="x-matchType">pattern</termNote></tig></langSet></termEntry>\n'
        "</body></text></martif>\n", encoding="utf-8")
    return path, 6


def _xlsx(tmp_path: Path, pattern: str) -> tuple[Path, int]:
    path = tmp_path / "bad.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["concept_id", "lang", "term", "match"])
    sheet.append(["council", "en", "Security Council", ""])
    sheet.append(["symbol", "en", pattern, "pattern"])
    book.save(path)
    return path, 3


def _document(tmp_path: Path, words: str = "") -> tuple[str, str]:
    """A two-paragraph resolution in French and English; ``words`` ends each first paragraph."""
    source, target = tmp_path / "doc.fr.md", tmp_path / "doc.en.md"
    source.write_text(f"# RÉSOLUTION 1/1\n\nLe Conseil de sécurité,\n\n1. Décide de se réunir {words};\n\n"
                      "2. Prie le Secrétaire général de faire rapport.\n", encoding="utf-8")
    target.write_text(f"# RESOLUTION 1/1\n\nThe Security Council,\n\n1. Decides to meet {words};\n\n"
                      "2. Requests the Secretary-General to report.\n", encoding="utf-8")
    return str(source), str(target)


def _commands(tmp_path: Path, glossary: Path) -> dict[str, list[str]]:
    source, target = _document(tmp_path)
    return {
        "check": ["check", source, target, "--glossary", str(glossary)],
        "validate": ["glossary", "validate", str(glossary)],
        "stats": ["glossary", "stats", target, "--glossary", str(glossary)],
        "lookup": ["glossary", "lookup", "Security Council", "--glossary", str(glossary)],
    }


def _refused(args: list[str]) -> str:
    """The one stderr line of a command that must exit 2."""
    result = CliRunner().invoke(cli, args)
    assert "Traceback" not in result.output
    assert result.exit_code == 2, (result.exit_code, result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize("command", ("check", "validate", "stats", "lookup"))
@pytest.mark.parametrize("write", (_csv, _tbx, _xlsx), ids=("csv", "tbx", "xlsx"))
@pytest.mark.parametrize("pattern", (r"(a+)+$", r"(\w+\s?)*x", r"abc("), ids=("nested", "words", "invalid"))
def test_a_glossary_with_a_bad_pattern_is_refused_by_every_command(tmp_path, command, write, pattern):
    path, line = write(tmp_path, pattern)
    message = _refused(_commands(tmp_path, path)[command])
    assert re.search(re.escape(str(path)) + rf"( \(sheet \w+\))?:{line}: ", message), message
    assert "pattern term" in message and pattern in message
    assert ("not a valid regular expression" if pattern == "abc(" else "time") in message


def test_an_invalid_regex_is_not_dropped_silently_by_check(tmp_path):
    """Before, ``check`` compiled the pattern, dropped it on ``re.error`` and exited 0."""
    path, _ = _csv(tmp_path, r"A/RES/(\d+")
    message = _refused(_commands(tmp_path, path)["check"])
    assert "missing ), unterminated subpattern" in message


def test_check_with_a_runaway_pattern_on_a_text_that_triggers_it_ends(tmp_path):
    """The text holds the 40 ``a`` that make ``(a+)+b`` try 2^40 ways; the timeout only
    guards against a hang, the outcome is the refusal."""
    path, _ = _csv(tmp_path, r"(a+)+b")
    source, target = _document(tmp_path, "a" * 40)
    done = subprocess.run([sys.executable, "-m", "hexaglot", "check", source, target, "--glossary", str(path)],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and "bad.csv:3:" in done.stderr


# -- the matcher and validate, on glossaries built in memory ----------------------------


def _glossary(pattern: str) -> Glossary:
    concept = Concept("symbol", (Term(pattern, "en", match="pattern"),))
    return Glossary(name="memory", path="memory.tbx", concepts=(concept,))


@pytest.mark.parametrize("pattern", (r"abc(", r"(a|a)*b"))
def test_the_matcher_refuses_a_bad_pattern_instead_of_dropping_or_running_it(pattern):
    glossary = _glossary(pattern)
    with pytest.raises(InputError) as caught:
        Matcher("en", ((t, c, glossary.name) for c in glossary.concepts for t in c.terms))
    assert "pattern term" in caught.value.problem


@pytest.mark.parametrize("pattern", (r"abc(", r"(a+)+$", r"\w*\w*x"))
def test_validate_reports_a_bad_pattern_as_an_error(pattern):
    problems = [p for p in validate(_glossary(pattern)) if p.kind == "bad-pattern"]
    assert len(problems) == 1 and problems[0].level == "error"


# -- bounded matching --------------------------------------------------------------------


class _Recorder:
    """A compiled pattern that records the span of text each search may read."""

    def __init__(self, pattern: str) -> None:
        self.pattern = re.compile(pattern)
        self.spans: list[tuple[int, int]] = []

    def finditer(self, text, pos=0, endpos=None):
        endpos = len(text) if endpos is None else endpos
        self.spans.append((pos, endpos))
        return self.pattern.finditer(text, pos, endpos)


def test_the_matcher_never_lets_a_pattern_read_more_than_a_window():
    glossary = _glossary(r"A/RES/\d+/\d+")
    matcher = Matcher("en", ((t, c, glossary.name) for c in glossary.concepts for t in c.terms))
    recorder = _Recorder(r"A/RES/\d+/\d+")
    matcher._patterns = [(recorder, *entry[1:]) for entry in matcher._patterns]
    text = ("The General Assembly, recalling its resolution A/RES/55/100 of 4 December 2000, " * 400)
    matches = matcher.find(text)
    assert len(matches) == 400 and {m.text for m in matches} == {"A/RES/55/100"}
    assert recorder.spans and max(end - start for start, end in recorder.spans) <= WINDOW_CHARS
    assert len(recorder.spans) <= len(text) // STRIDE_CHARS + 1


def test_a_lookahead_is_honoured_across_window_edges():
    pattern = re.compile(r"États? membres?\b(?! de l['’]Union européenne)")
    for shift in range(0, 2 * STRIDE_CHARS, 7):
        eu = "x" * shift + " les États membres de l'Union européenne " + "y" * 600
        un = "x" * shift + " les États membres de l'Organisation " + "y" * 600
        assert list(find_pattern(pattern, eu)) == []
        assert [m.group() for m in find_pattern(pattern, un)] == ["États membres"]


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="ab ,x", max_size=1500),
       pattern=st.sampled_from((r"ab+a", r"\bba", r"a b(?! a)", r"(?<=b)a+", r"x(?:a|b)*?x", r"^a")))
def test_windows_find_what_finditer_finds(text, pattern):
    compiled = re.compile(pattern)
    expected = [m.span() for m in compiled.finditer(text) if m.end() > m.start()]
    if any(end - start > MAX_MATCH_CHARS for start, end in expected):
        return  # longer matches are dropped by design
    assert [m.span() for m in find_pattern(compiled, text)] == expected


# -- CSV structure ------------------------------------------------------------------------


@pytest.mark.parametrize("body, line", (
    ('x,en,"Security Council\ny,en,General Assembly\nz,en,Secretariat\n', 2),
    ('x,en,"multi\nline note"\ny,en,"General Assembly\nz,en,Secretariat\n', 4),
    ('x,en,Council\ny,"en,General Assembly\nz,en,Secretariat\nw,en,Court\n', 3),
))
@pytest.mark.parametrize("command", ("check", "validate", "stats"))
def test_an_unterminated_quote_is_refused_where_the_field_begins(tmp_path, body, line, command):
    path = tmp_path / "open.csv"
    path.write_text("concept_id,lang,term\n" + body, encoding="utf-8")
    message = _refused(_commands(tmp_path, path)[command])
    assert f"open.csv:{line}: a quoted field that begins on this line is never closed" in message


def test_a_quote_closed_lines_later_is_refused_too(tmp_path):
    path = tmp_path / "late.csv"
    path.write_text('concept_id,lang,term\nx,en,"Council\ny,en,Assembly\nz,en,"Court"\n', encoding="utf-8")
    message = _refused(["glossary", "validate", str(path)])
    assert "late.csv:" in message and "not valid CSV" in message


def test_a_multi_line_quoted_field_still_reads(tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text('concept_id,lang,term,term_note\nx,en,Council,"two\nlines"\ny,en,Assembly,\n',
                    encoding="utf-8")
    assert [c.id for c in read_glossary(path).concepts] == ["x", "y"]


@pytest.mark.parametrize("command", ("check", "validate", "stats", "lookup"))
def test_a_repeated_concept_id_in_a_wide_csv_is_refused_with_both_lines(tmp_path, command):
    path = tmp_path / "wide.csv"
    path.write_text("id,en,fr\ncouncil,Security Council,Conseil de sécurité\nga,General Assembly,"
                    "Assemblée générale\ncouncil,Economic and Social Council,Conseil économique et social\n",
                    encoding="utf-8")
    message = _refused(_commands(tmp_path, path)[command])
    assert message.startswith(f"hexaglot: error: {path}:4: concept id 'council' is used on lines 2 and 4")


def test_a_repeated_concept_id_in_a_wide_xlsx_is_refused_with_both_lines(tmp_path):
    path = tmp_path / "wide.xlsx"
    book = Workbook()
    sheet = book.active
    for row in (["id", "en", "fr"], ["c1", "Council", "Conseil"], ["c1", "Assembly", "Assemblée"]):
        sheet.append(row)
    book.save(path)
    message = _refused(["glossary", "validate", str(path)])
    assert "is used on lines 2 and 3" in message


def test_rows_without_id_in_a_wide_csv_are_distinct_concepts(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text("en,fr\nSecurity Council,Conseil de sécurité\nGeneral Assembly,Assemblée générale\n",
                    encoding="utf-8")
    assert len(read_glossary(path).concepts) == 2


def test_an_error_never_echoes_the_first_line_of_a_file_that_is_not_a_glossary(tmp_path):
    """``--glossary /etc/passwd`` by mistake: the message says what is wrong, not what the file holds."""
    from aligner.errors import InputError
    from qa_rules.glossary import read_glossary

    secret = tmp_path / "accounts.csv"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\nsecret=hunter2\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_glossary(secret)
    assert "root:x" not in str(caught.value) and "column 1" in str(caught.value)
    coded = tmp_path / "coded.csv"
    coded.write_text("id,fr,xx\nc1,terrorisme,terror\n", encoding="utf-8")
    with pytest.raises(InputError, match="'xx'"):
        read_glossary(coded)


def test_excerpt_is_short_quoted_and_printable():
    from aligner.errors import excerpt

    assert excerpt("xx") == "'xx'"
    long = excerpt("a\x1b[2J" + "b" * 100)
    assert "\x1b" not in long and long.endswith("(105 characters)") and len(long) < 50
