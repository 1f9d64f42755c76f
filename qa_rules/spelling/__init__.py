"""QA rules: the spelling family (Hunspell dictionaries of the system)."""
