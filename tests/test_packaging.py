"""setup.cfg lists packages explicitly: every package directory must be in it."""

from __future__ import annotations

import configparser

from conftest import REPO

ROOTS = ("aligner", "qa_rules", "hexaglot")


def _declared() -> set[str]:
    config = configparser.ConfigParser()
    config.read(REPO / "setup.cfg", encoding="utf-8")
    return {line.strip() for line in config["options"]["packages"].splitlines() if line.strip()}


def _on_disk() -> set[str]:
    found = set()
    for root in ROOTS:
        for init in (REPO / root).rglob("__init__.py"):
            if "__pycache__" in init.parts:
                continue
            found.add(".".join(init.parent.relative_to(REPO).parts))
    return found


def test_every_package_directory_is_in_setup_cfg():
    missing = sorted(_on_disk() - _declared())
    assert not missing, f"add these to setup.cfg [options] packages =: {', '.join(missing)}"


def test_declared_packages_exist():
    mapped = {"hexaglot.samples": REPO / "samples", "hexaglot.glossaries": REPO / "glossaries"}
    for name in _declared():
        folder = mapped.get(name, REPO.joinpath(*name.split(".")))
        assert (folder / "__init__.py").is_file(), f"setup.cfg names {name} but {folder}/__init__.py is absent"
