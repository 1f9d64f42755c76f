"""Shared fixtures: where the bundled samples and the external data live."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SAMPLE_SET = SAMPLES / "E-RES-2023-26"
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture
def shared_data() -> Path:
    """``../shared/data`` (real external data); skips with a reason if absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"external data folder {SHARED_DATA} is absent")
    return SHARED_DATA


@pytest.fixture
def sample_set() -> Path:
    return SAMPLE_SET
