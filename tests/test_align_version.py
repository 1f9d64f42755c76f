"""The signature's version is the installed hexaglot's, read without importing
``hexaglot`` or the package metadata machinery (tens of milliseconds)."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

import hexaglot
from aligner.align import version as version_module


def test_the_version_is_the_installed_packages():
    version_module.tool_version.cache_clear()
    assert version_module._declared_version() == hexaglot.__version__ == version("hexaglot")
    assert version_module.tool_version() == hexaglot.__version__


def test_signing_an_alignment_imports_neither_hexaglot_nor_the_metadata():
    code = ("import sys\n"
            "from aligner.align import signature\n"
            "sig = signature(('fr', 'en'), 'fr', 'paragraph')\n"
            "loaded = [m for m in ('hexaglot', 'importlib.metadata') if m in sys.modules]\n"
            "assert sig.startswith('hexaglot 0.') and not loaded, (sig, loaded)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr[-500:]


def test_without_a_version_line_the_metadata_says_it(monkeypatch):
    version_module.tool_version.cache_clear()
    monkeypatch.delitem(sys.modules, "hexaglot")
    monkeypatch.setattr(version_module, "_declared_version", lambda: None)
    try:
        assert version_module.tool_version() == version("hexaglot")
    finally:
        version_module.tool_version.cache_clear()
