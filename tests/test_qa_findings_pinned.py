"""Every rule's findings on fixed inputs, pinned: a change made for speed (caches, indexes,
rules skipped when their trigger is absent) must leave what the rules find exactly as it was.

The inputs: the official French text against each of the five drafts (planted errors of
every family), the six sample versions with English as the source (the warnings a working
version as source gives), and A/RES/55/100 exactly as OPUS tokenises it (French against the
five other languages: spaces around every punctuation mark, systematic patterns). Every rule
runs, with the bundled glossaries. The pinned findings are in
``tests/data/qa_pinned_findings.json``; when a rule is meant to find something else, write
them again (``python -m tests.test_qa_findings_pinned --write``) and say why in the commit.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache

import pytest

from aligner.align import align_documents
from aligner.model import Alignment
from aligner.readers import read_document
from qa_rules.config import configure, select_rules
from qa_rules.engine import check
from qa_rules.glossary import load_glossaries
from tests.conftest import REPO, SAMPLE_SET, SAMPLES, SHARED_DATA, load_script, missing

PINNED = REPO / "tests" / "data" / "qa_pinned_findings.json"
OPUS = SHARED_DATA / "opus-un-6way" / "A-RES-55-100.jsonl"
TARGETS = ("en", "es", "ru", "zh", "ar")
CASES = tuple(f"drafts-{lang}" for lang in TARGETS) + ("samples-en-pivot",) + tuple(f"opus-{lang}" for lang in TARGETS)


@lru_cache(maxsize=1)
def _setup():
    return configure(select_rules([], []), {}), tuple(load_glossaries([], include_default=True))


def _opus_alignment(lang: str) -> Alignment:
    """The speed benchmark's own tokenised input, so the findings pinned are those it times."""
    module = load_script("benchmarks/qa_speed.py", "qa_speed_benchmark")
    return module.tokenised_alignment(lang)


def _alignment(case: str) -> Alignment:
    kind, _, lang = case.partition("-")
    if kind == "drafts":
        fr = read_document(SAMPLE_SET / "fr.md", lang="fr")
        return align_documents([fr, read_document(SAMPLES / "drafts" / f"{lang}_draft.md", lang=lang)])
    if kind == "samples":
        order = ("en", "fr", "es", "ru", "zh", "ar")
        return align_documents([read_document(SAMPLE_SET / f"{code}.md", lang=code) for code in order])
    return _opus_alignment(lang)


def findings_of(case: str) -> list[dict]:
    """The findings of every rule on ``case``, in report order, as the JSON report writes them
    (file names only: the pinned file does not depend on where the repository is)."""
    rules, glossaries = _setup()
    report = check(_alignment(case), rules, glossaries)
    return [_file_names_only(finding.as_dict()) for finding in report.findings]


def _file_names_only(record: dict) -> dict:
    """``record`` with each path cut to its file name, in the findings folded under it too."""
    for key in ("source", "target"):
        if record[key]:
            record[key]["path"] = record[key]["path"].replace("\\", "/").rsplit("/", 1)[-1]
    for place in record["places"]:
        place["path"] = place["path"].replace("\\", "/").rsplit("/", 1)[-1]
    for consequence in record.get("consequences", ()):
        _file_names_only(consequence)
    return record


@pytest.mark.parametrize("case", CASES)
def test_findings_are_the_pinned_ones(case):
    if case.startswith("opus") and not OPUS.is_file():
        missing(f"{OPUS} is absent")
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))[case]
    assert findings_of(case) == pinned


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python -m tests.test_qa_findings_pinned --write")
    PINNED.write_text(json.dumps({case: findings_of(case) for case in CASES}, ensure_ascii=False, indent=1) + "\n",
                      encoding="utf-8")
