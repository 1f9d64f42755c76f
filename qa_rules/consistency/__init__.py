"""QA rules: the consistency family."""
