"""hexaglot: QA, alignment and terminology for multilingual United Nations documents."""

__version__ = "0.1.0"
