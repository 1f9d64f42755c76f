"""References rules: document symbols, resolution numbers, treaty citations."""
