"""``pip install .`` into a fresh virtual environment, then ``hexaglot demo`` from another directory.

The venv sees the system site-packages (the dependencies are already there),
and the project is installed from a copy of the working tree with ``--no-deps``
and pip's build isolation, as a user's ``pip install .`` does: the build
backend named in pyproject.toml comes from the package index, so the build does
not depend on what the interpreter running the tests happens to have (a base
Python has setuptools 65 and no ``wheel``, which cannot build this project in
place). The demo must read the six bundled versions through importlib.resources,
from the installed copy, not from the checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import REPO

#: pip install plus the full demo (which grows with alignment, QA and reports) takes > 20 s.
pytestmark = pytest.mark.slow

IGNORE = shutil.ignore_patterns(".git", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
                                ".hypothesis", "out", ".venv*")


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    base = tmp_path_factory.mktemp("install")
    source = base / "src"
    shutil.copytree(REPO, source, ignore=IGNORE)
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PIP_REQUIRE_VIRTUALENV")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    result = subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "-q", str(source)],
                            cwd=base, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    return venv, elsewhere, env


def test_demo_runs_from_another_directory(installed):
    venv, elsewhere, env = installed
    result = subprocess.run([str(venv / "bin" / "hexaglot"), "demo"], cwd=elsewhere, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "6 versions (fr, ar, zh, en, ru, es)" in result.stdout
    for lang in ("fr", "ar", "zh", "en", "ru", "es"):
        assert f"│ {lang} " in result.stdout
    assert "≠" not in result.stdout.split("Structure of", 1)[1].split("\n", 1)[1]
    # the drafts and the glossaries are package data too: all five drafts checked, the terms counted
    assert "QA of the drafts (fr -> en, es, ru, zh, ar)" in result.stdout
    assert "«combattants terroristes étrangers»: 8 in fr, matched 8/8 in each version" in result.stdout


def test_installed_copy_is_used_and_samples_are_package_data(installed):
    venv, elsewhere, env = installed
    code = ("import hexaglot, hexaglot.resources as r; print(hexaglot.__file__); "
            "print(r.sample_sets()); print(r.sample_file('E-RES-2023-26', 'zh'))")
    result = subprocess.run([str(venv / "bin" / "python"), "-c", code], cwd=elsewhere, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    module_file, sets, zh = result.stdout.splitlines()
    assert str(venv) in module_file
    assert "E-RES-2023-26" in sets
    assert str(venv) in zh


def test_python_dash_m_and_segment_from_the_installed_copy(installed):
    venv, elsewhere, env = installed
    result = subprocess.run([str(venv / "bin" / "python"), "-m", "hexaglot", "--version"], cwd=elsewhere, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "hexaglot" in result.stdout
