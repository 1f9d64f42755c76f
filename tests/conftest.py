"""Shared fixtures: where the bundled samples and the external data live."""

from __future__ import annotations

import importlib.util
import os
import sys
from types import ModuleType
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SAMPLE_SET = SAMPLES / "E-RES-2023-26"
SHARED_DATA = REPO.parent / "shared" / "data"


def load_script(relative: str, name: str) -> ModuleType:
    """A benchmark or script of the repository (``benchmarks/x.py``), run as module ``name``
    (registered, since dataclasses resolve annotations through ``sys.modules``)."""
    spec = importlib.util.spec_from_file_location(name, REPO / relative)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def missing(reason: str) -> None:
    """Skip a test whose data is absent, except in CI (``CI`` set), where absent
    data is a broken checkout and the test fails instead of passing unseen."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: data the suite needs must be present)")
    pytest.skip(reason)


@pytest.fixture
def shared_data() -> Path:
    """``../shared/data`` (real external data); skips with a reason if absent, fails in CI."""
    if not SHARED_DATA.is_dir():
        missing(f"external data folder {SHARED_DATA} is absent")
    return SHARED_DATA


@pytest.fixture
def sample_set() -> Path:
    return SAMPLE_SET


@pytest.fixture
def dictionaries():
    """The five Hunspell dictionaries the official languages other than Chinese need (the README's
    test command installs them)."""
    from qa_rules.spelling import common

    for lang in ("en", "fr", "es", "ru", "ar"):
        found = common.speller(lang)
        if isinstance(found, str):
            missing(f"spelling: {found}")
