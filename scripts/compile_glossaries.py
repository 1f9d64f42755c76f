"""Write the bundled glossaries' compact index, ``glossaries/bundled-index.json``, from their TBX files.

Usage (from the repository root), after editing a bundled TBX file::

    python scripts/compile_glossaries.py           # write the index
    python scripts/compile_glossaries.py --check   # exit 1 if the index is not the one the files give

The index holds each glossary as ``qa_rules.glossary.tbx.read_tbx`` reads it, with the SHA-1 of
the file it was read from (``qa_rules.glossary.bundled_index``); ``check`` loads it instead of
parsing the TBX, and only for files whose bytes still have that hash.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from qa_rules.glossary import DEFAULT_GLOSSARIES, read_bundled_tbx  # noqa: E402
from qa_rules.glossary.bundled_index import INDEX_FILE, index_text  # noqa: E402

FOLDER = REPO / "glossaries"


def expected_index() -> str:
    """The index the bundled TBX files give now."""
    entries = []
    for file_name in DEFAULT_GLOSSARIES:
        data = (FOLDER / file_name).read_bytes()
        entries.append((file_name, data, read_bundled_tbx(file_name, data)))
    return index_text(entries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only say whether the index is up to date")
    args = parser.parse_args()
    target = FOLDER / INDEX_FILE
    text = expected_index()
    if args.check:
        current = target.read_text(encoding="utf-8") if target.is_file() else ""
        if current != text:
            sys.exit(f"{target.relative_to(REPO)} is stale: run python scripts/compile_glossaries.py")
        print(f"{target.relative_to(REPO)} is up to date")
        return
    temporary = target.with_suffix(".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(target)
    print(f"wrote {target.relative_to(REPO)} ({len(text.encode('utf-8')):,} bytes)")


if __name__ == "__main__":
    main()
