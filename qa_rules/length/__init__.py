"""QA rules: the length family."""
