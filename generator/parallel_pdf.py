"""Write the PDF in a second process that starts before the data is even read.

A new `gongwen build` spends most of its time starting up: importing the libraries, reading the
data and the fonts. The PDF writer needs reportlab and the font files read, and nothing of the
data until the pages are laid out; so the command forks at once, the child imports reportlab and
reads the fonts while the parent checks, composes and lays out, and the parent then hands the
paged document over and writes the DOCX while the child writes the PDF. A machine with two cores
builds the report in a little more than half the time.

The parent owns the output files (it creates the temporary file the child writes into, renames
or removes it) and ends the child whatever happens; the child never prints: its outcome, or its
error as one line and an exit code, goes back through the pipe.
"""

from __future__ import annotations

import os
import signal
from multiprocessing import Pipe
from multiprocessing.connection import Connection
from pathlib import Path

from generator.errors import GongwenError
from generator.i18n import message
from generator.os_reasons import os_reason


class PdfWorkerError(GongwenError):
    """The PDF could not be written; carries the child's message and exit code."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class PdfWorker:
    """A forked child that writes one PDF when the parent sends it the paged document."""

    def __init__(self, font_dir: Path | None) -> None:
        parent_end, child_end = Pipe()
        self.pid = os.fork()
        if self.pid == 0:
            parent_end.close()
            _child(child_end, font_dir)         # never returns
        child_end.close()
        self.connection = parent_end
        self.started = False

    def start(self, paged: object, target: Path) -> None:
        """Hand the paged document over; the child writes the PDF to ``target``."""
        self.connection.send((paged, str(target)))
        self.started = True

    def finish(self) -> None:
        """Wait for the PDF; raises the child's error, if it had one."""
        try:
            outcome = self.connection.recv()
        except EOFError:
            outcome = (message("the PDF writer ended unexpectedly"), 2)
        if outcome is not None:
            said, code = outcome
            raise PdfWorkerError(said, code)

    def close(self) -> None:
        """End the child: told to stop if it never got a document, killed if still writing."""
        if not self.started:
            try:
                self.connection.send(None)
            except OSError:
                pass
        else:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.connection.close()
        os.waitpid(self.pid, 0)


def _child(connection: Connection, font_dir: Path | None) -> None:
    """Import reportlab, read the fonts, then write the PDF handed over, and exit."""
    outcome: tuple[str, int] | None = None
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)         # the parent ends the child
        from generator.font_files import FontFinder
        from generator.layout_spec import load_layout
        from generator.writers.pdf import register_fonts, write_pdf

        layout = load_layout()
        finder = FontFinder(font_dir)
        register_fonts(finder.primaries(layout.faces.values()))
        job = connection.recv()
        if job is not None:
            paged, target = job
            with open(target, "wb") as handle:
                write_pdf(paged, handle)
    except EOFError:
        os._exit(0)
    except GongwenError as error:
        outcome = (str(error), error.exit_code)
    except OSError as error:
        outcome = (message("{path}: cannot write it ({reason})", path=error.filename or message("the PDF"),
                           reason=os_reason(error)), 2)
    except BaseException as error:      # a bug: reported as one line, never as a traceback
        outcome = (message("the PDF writer failed ({error})", error=f"{error.__class__.__name__}: {error}"), 1)
    try:
        connection.send(outcome)
    except OSError:
        pass
    os._exit(0)
