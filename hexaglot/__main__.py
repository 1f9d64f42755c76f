"""``python -m hexaglot`` and the ``hexaglot`` console script.

``run`` imports the command line only once it is running, so Ctrl-C while the
imports are still loading ends with "interrupted" and exit 130, not a traceback.
"""

import sys


def run() -> None:
    try:
        from hexaglot.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("hexaglot: interrupted\n")
        raise SystemExit(130) from None
    main()


if __name__ == "__main__":
    run()
