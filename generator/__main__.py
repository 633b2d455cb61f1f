"""The ``gongwen`` command (also ``python -m generator``).

Importing the program takes a noticeable moment (pydantic, lxml, reportlab); Ctrl-C during
it must end the run as Ctrl-C later does, with exit code 130 and no traceback. A KeyboardInterrupt
raised inside a class's creation comes back wrapped in another error, so while the command line
is imported (nothing is written yet, so nothing needs cleaning up) Ctrl-C ends the process at once.
"""

from __future__ import annotations

import os
import signal
import sys


def _exit_now(signum: int, frame: object) -> None:
    os._exit(128 + signum)


def main() -> int:
    previous = signal.signal(signal.SIGINT, _exit_now)
    try:
        from generator.cli import main as run
    finally:
        signal.signal(signal.SIGINT, previous)
    try:
        return run(parallel=True)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
