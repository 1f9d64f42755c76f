"""``python -m hexaglot`` and the ``hexaglot`` console script.

``run`` imports the command line only once it is running, so Ctrl-C while the
imports are still loading ends with "interrupted" and exit 130, not a traceback.

A finished command ends the process without the interpreter's teardown (``leave``): freeing
every object one by one (the rules, glossaries, dictionaries and caches a check loaded) took
about 0.09 s of a six-language check's 1.2 s, for memory the operating system takes back at
once. What a normal exit does that matters still happens first: the ``atexit`` handlers run
and the standard streams are flushed; where a thread that is not a daemon is still running,
the process exits normally and waits for it.
"""

import sys


def run() -> None:
    from hexaglot import collector

    collector.pause()  # until the command has loaded what it keeps (``hexaglot.collector``)
    try:
        from hexaglot.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("hexaglot: interrupted\n")
        raise SystemExit(130) from None
    try:
        main()
    except SystemExit as done:
        leave(done.code)
    leave(0)


def leave(code: object) -> None:
    """End the process with ``code`` as ``SystemExit(code)`` would (``None`` is 0, a number is
    the status, anything else is printed on stderr and the status is 1), skipping the
    interpreter's teardown (see the module)."""
    import os
    import threading

    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        sys.stderr.write(f"{code}\n")
        status = 1
    if any(not t.daemon for t in threading.enumerate() if t is not threading.main_thread()):
        raise SystemExit(status)  # a normal exit waits for it
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (``| head``) or a closed stream
            pass
    os._exit(status & 0xFF)


if __name__ == "__main__":
    run()
