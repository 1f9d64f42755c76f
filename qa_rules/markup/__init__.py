"""QA rules: the markup family."""
