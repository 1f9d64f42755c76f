"""setup.cfg lists packages explicitly: every package directory must be in it."""

from __future__ import annotations

import configparser
import re

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


def _config() -> configparser.ConfigParser:
    config = configparser.ConfigParser()
    config.read(REPO / "setup.cfg", encoding="utf-8")
    return config


def _listed(value: str) -> list[str]:
    return [item.strip() for item in value.replace("\n", ",").split(",") if item.strip()]


def test_each_top_level_package_ships_its_py_typed_marker():
    """PEP 561: type checkers use hexaglot's inline hints only if py.typed is installed too."""
    package_data = _config()["options.package_data"]
    for root in ROOTS:
        assert (REPO / root / "py.typed").is_file(), f"{root}/py.typed is missing"
        assert "py.typed" in _listed(package_data.get(root, "")), \
            f"setup.cfg [options.package_data] does not install {root}/py.typed"


def test_the_licence_file_matches_the_declared_licence():
    metadata = _config()["metadata"]
    assert metadata["license"].strip() == "MIT"
    assert _listed(metadata.get("license_files", "")) == ["LICENSE"]
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "Permission is hereby granted, free of charge" in text
    classifiers = _listed(metadata["classifiers"])
    assert "License :: OSI Approved :: MIT License" in classifiers


def test_classifiers_name_the_supported_pythons_and_languages():
    metadata = _config()["metadata"]
    classifiers = _listed(metadata["classifiers"])
    assert classifiers == sorted(classifiers), "keep the classifiers sorted"
    minimum = _config()["options"]["python_requires"].strip().removeprefix(">=")
    versions = [c.rsplit(" :: ", 1)[1] for c in classifiers
                if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)]
    assert versions and versions[0] == minimum, f"python_requires says {minimum}, classifiers say {versions}"
    languages = {c.rsplit(" :: ", 1)[1] for c in classifiers if c.startswith("Natural Language :: ")}
    assert languages == {"Arabic", "Chinese (Simplified)", "English", "French", "Russian", "Spanish"}
