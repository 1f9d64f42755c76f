"""A command imports and loads only what its run needs, and loads it once.

Each case runs the command line in a fresh interpreter and lists the heavy packages it
imported: pandas (0.7 s), nltk (0.3 s), numpy, dask and others are for runs that use them
(corpus statistics, ``batch --scheduler``, XLSX and DOCX files), never for ``--help`` or for
checking Markdown. No timing is asserted: the machine's load would decide the outcome.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import REPO, SAMPLE_SET

#: Packages that cost a tenth of a second or more to import.
HEAVY = ("pandas", "nltk", "numpy", "scipy", "dask", "distributed", "openpyxl", "docx", "lxml", "rich",
         "sacrebleu", "langdetect", "Stemmer")

PROBE = """
import contextlib, io, json, sys
from hexaglot.cli import main
args, watched = json.loads(sys.argv[1]), set(json.loads(sys.argv[2]))
sys.argv = ["hexaglot"] + args
try:
    with contextlib.redirect_stdout(io.StringIO()):
        main()
except SystemExit:
    pass
heavy = sorted({m.split(".")[0] for m in sys.modules} & watched)
factory = sys.modules.get("langdetect.detector_factory")
langid = sys.modules.get("aligner.langid")
print(json.dumps({
    "heavy": heavy,
    "commands": sorted(m for m in sys.modules if m.startswith("hexaglot.commands.") and m != "hexaglot.commands._common"),
    "langdetect_factory": factory is not None and factory._factory is not None,
    "profile_loads": langid._profiles.cache_info().misses if langid else 0,
}))
"""

SIX = [str(SAMPLE_SET / f"{lang}.md") for lang in ("fr", "en", "es", "ru", "zh", "ar")]


def _run(args: list[str]) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args), json.dumps(HEAVY)], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_help_imports_nothing_heavy():
    found = _run(["--help"])
    assert found["heavy"] == []


def test_check_of_markdown_imports_only_what_it_uses():
    """The bundled glossaries need the stemmers, and come from their compact index, not from
    parsing their TBX with lxml; the declared languages of the three Latin-script versions are
    confirmed by their commonest words, so langdetect and its profiles are not loaded at all
    (before: lxml and langdetect imported, and langdetect's 55 profiles read)."""
    found = _run(["check", "--format", "json", *SIX])
    assert found["heavy"] == ["Stemmer"]
    assert found["commands"] == ["hexaglot.commands.check"]
    assert found["profile_loads"] == 0


def test_a_version_its_words_do_not_confirm_reads_langdetects_profiles_once(tmp_path):
    """Spanish text saved as en.md: the n-gram profiles decide, read once by hexaglot
    (langdetect's own factory, a second reading, is never built)."""
    (tmp_path / "en.md").write_text((SAMPLE_SET / "es.md").read_text(encoding="utf-8"), encoding="utf-8")
    found = _run(["check", "--format", "json", "--no-default-glossaries", SIX[0], str(tmp_path / "en.md")])
    assert found["heavy"] == ["langdetect"]
    assert found["profile_loads"] == 1
    assert found["langdetect_factory"] is False


def test_check_without_glossaries_needs_neither_lxml_nor_stemmers():
    found = _run(["check", "--no-default-glossaries", *SIX])
    assert found["heavy"] == []


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json", "html"])
def test_align_to_text_formats_imports_no_pandas(fmt):
    found = _run(["align", "--format", fmt, SIX[0], SIX[1]])
    assert "pandas" not in found["heavy"] and "numpy" not in found["heavy"]
    assert found["commands"] == ["hexaglot.commands.align"]
