"""Ctrl-C and SIGTERM end a run cleanly: exit 130 and 143, no traceback, no temporary file.

SIGTERM is turned into an exception like Ctrl-C's KeyboardInterrupt, so the clean-up that a
failed build runs (removing its temporary outputs) runs for a terminated one too. While the
outputs are being created or put in place, both signals are held back for the moment it takes,
so a build ends either with all its new files in place or with none of them.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

SIGINT_EXIT = 130
SIGTERM_EXIT = 143
HELD = {signal.SIGINT, signal.SIGTERM}


class Terminated(BaseException):
    """SIGTERM arrived (a BaseException, like KeyboardInterrupt: no `except Exception` eats it)."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated()


def handle_termination() -> None:
    signal.signal(signal.SIGTERM, _terminate)


@contextmanager
def signals_held() -> Iterator[None]:
    """Delay SIGINT and SIGTERM until the block is done; they are delivered right after."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
