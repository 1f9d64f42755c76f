"""Structure rules: missing, extra, merged and split paragraphs, numbering, footnotes."""
