"""QA rules: the punctuation family."""
