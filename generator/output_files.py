"""Output files put in place all together or not at all (``gongwen build``, ``gongwen sign``),
and a single file replaced in one step (a data file saved, a workbook, a cache file).

Each output is written to a temporary file beside its final name, and the temporary files are
renamed over the final ones only when every one of them has been written, so a failed or
interrupted run leaves the previous outputs as they were and nothing else. A disk that is full
or read-only, or a folder that cannot be written, is one line and exit code 2.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from generator.errors import OutputError
from generator.i18n import message
from generator.os_reasons import os_reason
from generator.interrupts import signals_held


def _file_mode(final: Path) -> int:
    """The permissions of the file replaced, or for a new file read and write for whom the umask
    allows (a temporary file starts as 0600)."""
    try:
        return final.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def replaced_together(outputs: Path) -> Iterator[Callable[[Path], IO[bytes]]]:
    """Yield ``create(final)``, which opens a temporary file beside ``final`` to write into.
    When the block ends, every file created is renamed over its final name; when it raises,
    they are all removed, and an OSError becomes an OutputError naming the file it names (or
    else ``outputs``: the output folder or file). SIGINT and SIGTERM wait while files are
    created, renamed or removed."""
    finished: list[tuple[Path, Path]] = []

    def create(final: Path) -> IO[bytes]:
        with signals_held():
            try:
                handle = tempfile.NamedTemporaryFile(dir=final.parent, prefix=f".{final.stem}.",
                                                     suffix=final.suffix, delete=False)
            except OSError as error:
                error.filename = str(final)
                raise
            finished.append((Path(handle.name), final))
        return handle

    try:
        yield create
        with signals_held():
            for temporary, final in finished:
                os.chmod(temporary, _file_mode(final))
                os.replace(temporary, final)
    except BaseException as error:
        with signals_held():
            for temporary, _ in finished:
                temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            finals = {str(temporary): final for temporary, final in finished}
            where = finals.get(str(error.filename), error.filename or outputs)
            raise OutputError(message("{path}: cannot write it ({reason}); nothing was replaced", path=where,
                                      reason=os_reason(error))) from None
        raise


def write_atomically(path: Path, content: str | bytes) -> None:
    """Replace ``path`` with ``content`` (text as UTF-8) in one step: a reader sees the old file
    or the new one, never half of it, and a failed write leaves the old file. A new file follows
    the umask; an existing one keeps its permissions."""
    with replaced_together(path) as create, create(path) as handle:
        handle.write(content.encode("utf-8") if isinstance(content, str) else content)
