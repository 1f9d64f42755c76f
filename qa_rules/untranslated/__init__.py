"""QA rules: the untranslated family."""
