"""nltk is imported with scipy.stats blocked (qa_rules.glossary.normalise._import_snowball):
the stemmer still works and scipy.stats is still importable afterwards.

Each case runs in a fresh interpreter: in this one nltk may already be imported.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

STEMS = """
import sys
from qa_rules.glossary.normalise import _import_snowball
assert "nltk" not in sys.modules and "scipy.stats" not in sys.modules
Snowball = _import_snowball()
assert Snowball("english").stem("fighters") == "fighter"
assert Snowball("french").stem("terroristes") == "terror"
assert Snowball("russian").stem("боевиков") == "боевик"
assert "scipy.stats" not in sys.modules  # the block is lifted, not left as None
print("ok")
"""

SCIPY_AFTER = """
from qa_rules.glossary.normalise import _import_snowball
_import_snowball()
import scipy.stats
assert scipy.stats.fisher_exact([[8, 2], [1, 5]]).pvalue < 0.05
print("ok")
"""

THREADS = """
import sys, threading
from qa_rules.glossary.normalise import _import_snowball
results, errors = [], []
def work():
    try:
        results.append(_import_snowball())
    except BaseException as exc:  # any failure is the test's answer
        errors.append(repr(exc))
threads = [threading.Thread(target=work) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert not errors, errors
assert len(set(results)) == 1 and results[0]("spanish").stem("terroristas") == "terror"
assert "scipy.stats" not in sys.modules
print("ok")
"""


def _run(code: str) -> None:
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


def test_the_stemmer_imported_without_scipy_stems():
    _run(STEMS)


@pytest.mark.skipif(importlib.util.find_spec("scipy") is None, reason="scipy is not installed")
def test_scipy_stats_is_importable_after_the_stemmer():
    _run(SCIPY_AFTER)


def test_concurrent_first_imports_all_get_the_stemmer():
    _run(THREADS)
