"""``python -m hexaglot`` runs the command line."""

from hexaglot.cli import main

if __name__ == "__main__":
    main()
