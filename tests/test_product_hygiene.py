"""What ships or sits in the repository reads as a product to a stranger.

No tracked file names a path on one particular machine (a home or build folder)
or the way the work on the project was organised (tracker numbers, who decided
what, what "went in" when). Data from outside the repository is named by a path
relative to it (``../shared/data/...``) or by a public URL.

The patterns are assembled from pieces so that this file does not match itself.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import REPO

SLASH = "/"


def _rooted(folder: str) -> str:
    """An absolute path starting with ``/folder/`` (not ``../folder/`` nor ``x/folder/``)."""
    return r"(?<![\w.~/-])" + SLASH + folder + SLASH


#: (what it is, pattern). Case-insensitive; each must be a whole-word match.
MARKERS: tuple[tuple[str, str], ...] = (
    ("a machine path", _rooted("work")),
    ("a machine path", _rooted("root")),
    ("a machine path", _rooted("tmp") + r"\w"),
    ("a machine path", _rooted("home") + r"\w+" + SLASH),
    ("a machine path", _rooted("Users") + r"\w+" + SLASH),
    ("a tracker number", r"\b" + "iss" + r"ue\s*#?\d+\b"),
    ("a tracker number", r"\b" + "iss" + r"ues\s+\d+\s*(?:,|and|to|-)\s*\d+\b"),
    ("work organisation", r"\b" + "land" + r"ed\b"),
    ("work organisation", r"\bthe\s+" + "le" + r"ad\b(?!\s+(?:paragraph|sentence|article|term|text|language))"),
    ("work organisation", r"\b" + "le" + r"ad\s+engineer"),
    ("work organisation", r"\bhard\s+" + "st" + r"op\b"),
    ("work organisation", r"\bfiled\s+by\s+a\s+" + "sess" + r"ion\b"),
    ("work organisation", r"\b(?:this|the\s+issue's|an?\s+issue's)\s+" + "go" + r"als?\b"),
    ("work organisation", r"\bthe\s+" + "iss" + r"ue(?:'s)?\s+(?:own|pins|asks|says|describes|example|goals?)\b"),
)

COMPILED = tuple((what, re.compile(pattern, re.IGNORECASE)) for what, pattern in MARKERS)


def _tracked_files() -> list[str]:
    try:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        pytest.skip("not a git checkout: the tracked files are unknown")
    return [name for name in listed.stdout.decode("utf-8", "surrogateescape").split("\0") if name]


def _text(name: str) -> str | None:
    path = REPO / name
    if not path.is_file():  # deleted in the work tree, or a submodule
        return None
    data = path.read_bytes()
    if b"\0" in data[:8192]:
        return None
    return data.decode("utf-8", "replace")


def _markers(text: str) -> list[tuple[int, str, str]]:
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        for what, pattern in COMPILED:
            match = pattern.search(line)
            if match:
                found.append((number, what, match.group()))
                break
    return found


def test_no_tracked_file_names_a_machine_path_or_the_project_organisation():
    problems = []
    for name in _tracked_files():
        text = _text(name)
        if text is None:
            continue
        for number, what, token in _markers(text):
            problems.append(f"{name}:{number}: {what}: {token!r}")
    assert not problems, "write these for a stranger reading the product:\n" + "\n".join(problems)


def test_file_names_themselves_are_clean():
    problems = [f"{name}: {what}" for name in _tracked_files() for _, what, _ in _markers(name)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("text", [
    "See " + SLASH + "work" + SLASH + "shared/data/README.md",
    "cd " + SLASH + "root" + SLASH + "hexaglot",
    "written to " + SLASH + "tmp" + SLASH + "hx/out.json",
    "from " + SLASH + "home" + SLASH + "ana/corpus",
    "# " + "Iss" + "ue 4: the side is null",
    "fixed in " + "iss" + "ue #12",
    "the sample has not " + "land" + "ed yet",
    "once " + "the le" + "ad declares them all in",
    "filed by a " + "sess" + "ion",
    "The " + "iss" + "ue's own example",
    "Categories measured at the " + "iss" + "ue's goals",
])
def test_the_markers_are_caught(text):
    assert _markers(text), text


@pytest.mark.parametrize("text", [
    "Documents issued by the Secretariat",
    "the issue of technical assistance provided in the area of counter-terrorism",
    "key " + "iss" + "ues 3 and conclusion",  # a UNODC module's section title (built from pieces, as above)
    "at its seventy-eighth session",
    "the test session's heap",
    "Real external data comes from `../shared/data/` (see its README)",
    "python scripts/convert_opus_un.py [../shared/data/opus-un-6way/A-RES-55-100.jsonl]",
    "https://unodc.org/e4j/ar/cybercrime/module-7/key-issues/conclusion.html",
    "samples/drafts/en_draft.md",
    "-o /dev/null and /dev/stdout are written through",
    "the leading role played by the United Nations Office on Drugs and Crime",
    "landlocked developing countries",
    "the lead paragraph",
])
def test_legitimate_text_passes(text):
    assert not _markers(text), _markers(text)
