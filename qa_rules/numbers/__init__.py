"""Numbers rules: values compared across locales, number words, ordinals, percentages."""
