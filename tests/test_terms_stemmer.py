"""The Snowball stemmers behind inflected glossary matching (PyStemmer, in C): the keys they
give, one stemmer per thread, and the English words nltk's older Snowball ran together."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qa_rules.glossary.normalise import word_key

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("word", "form", "lang"),
    [("fighters", "fighter", "en"), ("terroristes", "terroriste", "fr"), ("étrangères", "étranger", "fr"),
     ("terroristas", "terrorista", "es"), ("Rumanía", "Rumania", "es"), ("боевиков", "боевики", "ru")],
)
def test_inflected_forms_share_a_key(word, form, lang):
    assert word_key(word, lang) == word_key(form, lang)


def test_internal_is_not_international():
    """nltk's Snowball stemmed both to ``intern`` (and ``organization`` to ``organ``): a
    glossary's «international cooperation» matched «internal cooperation»."""
    assert word_key("internal", "en") != word_key("international", "en")
    assert word_key("international", "en") == word_key("internationally", "en")
    assert word_key("organ", "en") != word_key("organization", "en")
    assert word_key("organizations", "en") == word_key("organization", "en")


THREADS = """
import threading
from qa_rules.glossary.normalise import word_key
words = [("nationales", "fr"), ("naciones", "es"), ("fighters", "en"), ("боевиков", "ru")] * 50
expected = {"nationales": "national", "naciones": "nacion", "fighters": "fighter", "боевиков": "боевик"}
errors = []
def work(offset):
    for i in range(len(words)):
        word, lang = words[(i + offset) % len(words)]
        key = word_key.__wrapped__(word, lang)
        if key != expected[word]:
            errors.append((word, key))
threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert not errors, errors[:5]
print("ok")
"""


def test_threads_stem_at_once():
    done = subprocess.run([sys.executable, "-c", THREADS], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]
