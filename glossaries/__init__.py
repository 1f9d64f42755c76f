"""Bundled UN glossaries (package data of hexaglot, read through importlib.resources)."""
