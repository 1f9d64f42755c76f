"""Terminology rules: glossary terms in aligned pairs (TE01..)."""
