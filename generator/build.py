"""Build one report: check, compose, lay out once, and write each requested format.

Outputs are written to temporary files beside the final ones and renamed only when every
requested format has been produced, so a failed build never leaves a half-written file behind.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from generator.errors import GongwenError, UsageError

FORMATS = ("docx", "pdf")


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
    from generator.compose import compose
    from generator.font_files import FontFinder
    from generator.layout import FontSet, lay_out
    from generator.layout_spec import load_layout

    if font_dir is not None and not font_dir.is_dir():
        raise UsageError(f"{font_dir}: --font-dir is not a folder")
    checked = check_file(data)
    for finding in checked.findings:
        say(str(finding))
    if checked.errors and not force:
        raise ChecksFailed(f"{data}: {len(checked.errors)} error(s) in the tables; nothing written "
                           "(--force builds anyway)")
    layout = load_layout()
    document = compose(checked.report, warn=warn, layout=layout)
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"{output}: cannot create the output folder ({error.strerror})") from None
    paged = lay_out(document, layout, FontSet(layout, FontFinder(font_dir), warn))
    finished: list[tuple[Path, Path]] = []
    try:
        if "pdf" in formats:
            from generator.writers.pdf import write_pdf
            with _output(output, data.stem, "pdf", finished) as handle:
                write_pdf(paged, layout, handle)
        if "docx" in formats:
            from generator.writers.docx import write_docx
            with _output(output, data.stem, "docx", finished) as handle:
                write_docx(document, layout, handle, paged)
    except BaseException:
        for temporary, _ in finished:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, final in finished:
        os.replace(temporary, final)
    return [final for _, final in finished]


def _output(folder: Path, stem: str, fmt: str, finished: list[tuple[Path, Path]]) -> IO[bytes]:
    """A temporary file beside the final one; renamed over it once every format is written."""
    handle = tempfile.NamedTemporaryFile(dir=folder, prefix=f".{stem}.", suffix=f".{fmt}", delete=False)
    finished.append((Path(handle.name), folder / f"{stem}.{fmt}"))
    return handle
