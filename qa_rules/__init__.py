"""An alignment in, findings out: the rule engine, the rule families, glossary matching."""
