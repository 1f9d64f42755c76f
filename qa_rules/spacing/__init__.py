"""QA rules: the spacing family."""
