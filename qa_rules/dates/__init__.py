"""Dates rules: full, partial and range dates compared as dates across the six languages."""
