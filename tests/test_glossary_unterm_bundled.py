"""The bundled ``unterm-countries`` glossary is what its script makes of the UNTERM export.

``scripts/convert_unterm_countries.py`` is how the glossary is refreshed; if the importer
learns to keep more of UNTERM (a field, a term type) and the bundled files are not written
again, users check against a glossary that the importer would no longer produce.
"""

from __future__ import annotations

from conftest import REPO, load_script
from qa_rules.glossary import write_glossary


def test_bundled_countries_glossary_is_the_scripts_output(shared_data, tmp_path):
    script = load_script("scripts/convert_unterm_countries.py", "convert_unterm_countries")
    glossary = script.convert(shared_data / "unterm" / "countries.ttl")
    for name in ("unterm-countries.tbx", "unterm-countries.csv"):
        write_glossary(glossary, tmp_path / name)
        fresh = (tmp_path / name).read_bytes()
        bundled = (REPO / "glossaries" / name).read_bytes()
        assert fresh == bundled, (
            f"glossaries/{name} is stale: run python scripts/convert_unterm_countries.py, "
            "then python scripts/compile_glossaries.py")
