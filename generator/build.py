"""Build one report: check, compose, lay out once, and write each requested format.

Outputs are written to temporary files beside the final ones and renamed only when every
requested format has been produced, so a failed or interrupted build leaves the previous
outputs as they were and nothing else. A disk that is full or read-only, a folder that cannot
be written, or a folder in the way of an output is one line and exit code 2.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING

from generator.errors import GongwenError, OutputError, UsageError
from generator.interrupts import signals_held

if TYPE_CHECKING:
    from generator.load.report_model import ReportFile

FORMATS = ("docx", "pdf", "ofd")
DEFAULT_FORMATS = ("docx", "pdf")     # the OFD (for the archive) only when asked for


class ChecksFailed(GongwenError):
    """The tables do not add up; the findings have been printed. Exit code 1."""

    exit_code = 1


def _warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def _say(line: str) -> None:
    print(line, file=sys.stderr)


def build(data: Path, output: Path, formats: tuple[str, ...], font_dir: Path | None,
          warn: Callable[[str], None] = _warn, force: bool = False, say: Callable[[str], None] = _say) -> list[Path]:
    """Load, check, compose, lay out and write; returns the files written. Findings of the
    checks go to ``say``; errors among them stop the build unless ``force``."""
    from generator.checks import check_file

    if font_dir is not None and not font_dir.is_dir():
        raise UsageError(f"{font_dir}: --font-dir is not a folder")
    checked = check_file(data)
    for finding in checked.findings:
        say(str(finding))
    if checked.errors and not force:
        raise ChecksFailed(f"{data}: {len(checked.errors)} error(s) in the tables; nothing written "
                           "(--force builds anyway)")
    return write_outputs(checked.report, data.stem, output, formats, font_dir, warn)


def write_outputs(report: ReportFile, stem: str, output: Path, formats: tuple[str, ...], font_dir: Path | None,
                  warn: Callable[[str], None] = _warn) -> list[Path]:
    """Compose, lay out and write a checked report as ``output/stem.<format>``; the web page
    builds from the data on the page this way, without a file of its own."""
    from generator.compose import compose
    from generator.font_files import FontFinder
    from generator.layout import FontSet, lay_out
    from generator.layout_spec import load_layout

    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{output}: cannot create the output folder ({error.strerror})") from None
    targets = _targets(output, stem, formats)
    layout = load_layout()
    document = compose(report, warn=warn, layout=layout)
    paged = lay_out(document, layout, FontSet(layout, FontFinder(font_dir), warn))
    finished: list[tuple[Path, Path]] = []
    try:
        for fmt, final in targets:
            with _temporary(final, finished) as handle:
                if fmt == "pdf":
                    from generator.writers.pdf import write_pdf
                    write_pdf(paged, layout, handle)
                elif fmt == "ofd":
                    from generator.writers.ofd import write_ofd
                    write_ofd(paged, layout, handle)
                else:
                    from generator.writers.docx import write_docx
                    write_docx(document, layout, handle, paged)
        with signals_held():
            for temporary, final in finished:
                os.chmod(temporary, _file_mode())
                os.replace(temporary, final)
    except BaseException as error:
        with signals_held():
            for temporary, _ in finished:
                temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            temporary = {str(temporary): final for temporary, final in finished}
            where = temporary.get(str(error.filename), error.filename or output)
            raise OutputError(f"{where}: cannot write it ({error.strerror or error}); nothing was replaced") from None
        raise
    return [final for _, final in targets]


def _targets(output: Path, stem: str, formats: tuple[str, ...]) -> list[tuple[str, Path]]:
    """The files to write, in a fixed order; refused before anything is written when one of
    them could not be replaced (a folder of that name is in the way)."""
    targets = [(fmt, output / f"{stem}.{fmt}") for fmt in FORMATS if fmt in formats]
    for _, final in targets:
        if final.is_dir():
            raise OutputError(f"{final}: is a folder, so the {final.suffix[1:].upper()} cannot be written there")
    return targets


def _file_mode() -> int:
    """Read and write for whom the umask allows (a temporary file starts as 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _temporary(final: Path, finished: list[tuple[Path, Path]]) -> IO[bytes]:
    """A temporary file beside ``final``; renamed over it once every format is written."""
    with signals_held():
        try:
            handle = tempfile.NamedTemporaryFile(dir=final.parent, prefix=f".{final.stem}.", suffix=final.suffix,
                                                 delete=False)
        except OSError as error:
            error.filename = str(final)
            raise
        finished.append((Path(handle.name), final))
    return handle
