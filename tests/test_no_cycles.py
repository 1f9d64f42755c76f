"""Aligning and checking documents leave no garbage in reference cycles.

What a run makes and drops (cost models, segments, matches, pairs) is then freed by reference
counting the moment it is dropped, not when the garbage collector next runs: memory stays flat
over long documents and batches, and a one-shot command may pause the collector while it loads
(``hexaglot.collector``) without holding on to more memory. Each test warms the caches first (a
second run makes no new long-lived objects), then counts what ``gc.collect`` finds unreachable
after the same work done again with the collector off.
"""

from __future__ import annotations

import gc

import pytest

from hexaglot.collector import paused

LANGS = ("fr", "en", "es", "ru", "zh", "ar")


def unreachable_after(work) -> int:
    work()  # imports, caches, compiled patterns: kept for the process's life, not garbage
    gc.collect()
    with paused():
        work()
        return gc.collect()


@pytest.mark.parametrize("level", ["paragraph", "sentence"])
def test_aligning_six_versions_leaves_no_cycles(sample_set, level):
    from aligner.align import align_documents
    from aligner.readers import read_document

    paths = [sample_set / f"{lang}.md" for lang in LANGS]

    def work():
        align_documents([read_document(path) for path in paths], level=level)

    assert unreachable_after(work) == 0


def test_aligning_lines_leaves_no_cycles(tmp_path):
    """The sentence aligner's own models (lines in, no structure): the cost model's null-bead
    costs once held the model in a cycle with its cost function."""
    from aligner.align import align_documents
    from aligner.readers import read_document

    de = tmp_path / "a.de"
    fr = tmp_path / "a.fr"
    de.write_text("".join(f"Der Satz Nummer {k} ist kurz.\n" for k in range(40)), encoding="utf-8")
    fr.write_text("".join(f"La phrase numéro {k} est courte.\n" for k in range(38)), encoding="utf-8")

    def work():
        docs = [read_document(de, input_format="lines", lang="de"), read_document(fr, input_format="lines", lang="fr")]
        align_documents(docs, level="sentence")

    assert unreachable_after(work) == 0


def test_checking_six_versions_leaves_no_cycles(sample_set):
    from qa_rules.run import check_files

    paths = [str(sample_set / f"{lang}.md") for lang in LANGS]
    assert unreachable_after(lambda: check_files(paths)) == 0


def test_reading_a_cat_file_leaves_no_cycles(tmp_path):
    from aligner.readers.bilingual import read_bilingual

    units = "".join(f'<trans-unit id="u{k}"><source>Le paragraphe {k} du texte.</source>'
                    f"<target>Paragraph {k} of the text.</target></trans-unit>" for k in range(200))
    path = tmp_path / "pair.xlf"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
                    'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" source-language="fr" '
                    f'target-language="en" datatype="plaintext"><body>{units}</body></file></xliff>\n',
                    encoding="utf-8")
    assert unreachable_after(lambda: read_bilingual(str(path))) == 0
