"""Bundled sample documents (package data of hexaglot, read through importlib.resources)."""
