"""A lines file's declared language is checked on a sample spread through the file,
not on its whole text: as sure a verdict on a wrong file, for a fraction of the work."""

from __future__ import annotations

import aligner.readers as readers_module
from aligner.readers import LINES_SAMPLE_CHARS, language_sample, read_document


def _lines(path):
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _warnings(document):
    return [w for w in document.warnings if "reads as" in w]


def test_the_check_reads_a_sample_not_the_whole_file(shared_data, monkeypatch):
    seen = []
    real = readers_module.declared_language_warning

    def spy(declared, text):
        seen.append(text)
        return real(declared, text)

    monkeypatch.setattr(readers_module, "declared_language_warning", spy)
    document = read_document(shared_data / "textberg-dev" / "dev.de")
    whole = sum(len(u.text) for u in document.units)
    assert whole > 50 * LINES_SAMPLE_CHARS
    assert len(seen) == 1 and LINES_SAMPLE_CHARS // 2 <= len(seen[0]) < 2 * LINES_SAMPLE_CHARS
    assert not _warnings(document)


def test_a_wrong_file_is_still_caught(shared_data, tmp_path):
    data = shared_data / "textberg-dev"
    (tmp_path / "article.de").write_text((data / "dev.fr").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "article.fr").write_text((data / "dev.de").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "article.en").write_text((data / "dev.de").read_text(encoding="utf-8"), encoding="utf-8")
    assert "declared as de reads as fr" in _warnings(read_document(tmp_path / "article.de"))[0]
    assert "declared as fr reads as de" in _warnings(read_document(tmp_path / "article.fr"))[0]
    assert "declared as en reads as de" in _warnings(read_document(tmp_path / "article.en"))[0]
    assert not _warnings(read_document(data / "dev.fr"))


def test_a_file_is_judged_on_its_body_not_on_its_first_page(shared_data, tmp_path):
    """A French corpus file that opens with a long German quotation (about 4,000 characters,
    all the first 20,000 characters' n-grams the check scores) is French."""
    data = shared_data / "textberg-dev"
    german, french = _lines(data / "dev.de"), _lines(data / "dev.fr")
    (tmp_path / "quoted.fr").write_text("\n".join(german[:30] + french) + "\n", encoding="utf-8")
    assert sum(len(s) for s in german[:30]) > 3000
    assert not _warnings(read_document(tmp_path / "quoted.fr"))


def test_the_sample_takes_evenly_spaced_segments():
    texts = [f"segment {k:03d} " + "x" * 90 for k in range(100)]  # 100 segments of 102 characters
    sample = language_sample(texts, 1000)
    picked = [int(part.split()[0]) for part in sample.split("segment ")[1:]]
    assert picked == list(range(0, 100, 10))
    assert language_sample(texts[:5], 1000) == " ".join(texts[:5])  # short: all of it


def test_a_german_file_declared_german_is_confirmed_without_the_ngram_profiles(shared_data, monkeypatch):
    """Its commonest words say German: langdetect's profiles (about 26 MB and a tenth of a
    second) are not read, and the verdict is the profiles' own (no warning)."""
    import aligner.langid as langid

    def no_profiles():
        raise AssertionError("the n-gram profiles were read")

    monkeypatch.setattr(langid, "_profiles", no_profiles)
    document = read_document(shared_data / "textberg-dev" / "dev.de")
    assert not _warnings(document)
