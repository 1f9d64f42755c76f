"""One module per ``hexaglot`` command; ``hexaglot.cli`` lists them."""
