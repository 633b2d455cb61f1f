"""Build many reports in one run: a district's own report and those of its departments and towns.

The fonts are read once, in the parent, before the worker processes are forked, so every worker
starts with them; the reports are shared out over every core. One bad file does not stop the
others: each report's outcome is collected, shown as it finishes (a progress bar on a terminal,
a plain line otherwise) and summed up at the end.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from generator.build import build
from generator.errors import GongwenError, UsageError
from generator.i18n import _, message
from generator.progress import ProgressLines


@dataclass
class Outcome:
    data: Path
    files: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)     # findings and warnings, one line each
    error: str | None = None


def data_files(arguments: list[Path]) -> list[Path]:
    """The data files named, a folder standing for the *.yaml files in it."""
    files: list[Path] = []
    for argument in arguments:
        if argument.is_dir():
            found = sorted(argument.glob("*.yaml"))
            if not found:
                raise UsageError(message("{path}: no .yaml data file in this folder", path=argument))
            files += found
        else:
            files.append(argument)
    stems: dict[str, Path] = {}
    for path in files:
        if path.stem in stems and stems[path.stem] != path:
            raise UsageError(message("{path} and {other} would write the same output files", path=path,
                                     other=stems[path.stem]))
        stems[path.stem] = path
    return list(dict.fromkeys(files))


def _build_one(data: Path, output: Path, formats: tuple[str, ...], font_dir: Path | None,
               force: bool, seal: Path | None, parts: str) -> Outcome:
    outcome = Outcome(data)
    try:
        outcome.files = build(data, output, formats, font_dir,
                              warn=lambda text: outcome.notes.append(str(message("{position}: warning: {text}",
                                                                                 position=data, text=text))),
                              force=force, say=outcome.notes.append, seal=seal, parts=parts)
    except GongwenError as error:
        outcome.error = str(error)
    except Exception as error:          # a bug must not take the other reports down with it
        outcome.error = str(message("{path}: internal error ({error})", path=data,
                                    error=f"{error.__class__.__name__}: {error}"))
    return outcome


def _prewarm(formats: tuple[str, ...], font_dir: Path | None) -> None:
    """Read each face's fonts now, so that the forked workers share them."""
    from generator.font_files import FontFinder
    from generator.layout import FontSet
    from generator.layout_spec import load_layout

    layout = load_layout()
    finder = FontFinder(font_dir)
    fonts = FontSet(layout, finder, lambda message: None)
    for role in layout.roles:
        fonts.style(role)
    if {"pdf", "pdfa"} & set(formats):
        from generator.writers.pdf import register_fonts
        register_fonts(finder.primaries(layout.faces.values()))
    from generator.writers import docx  # noqa: F401  (imported once, before the fork)


class _Report(ProgressLines):
    """Shows each finished report: a rich progress bar on a terminal, plain lines otherwise."""

    def __init__(self, total: int) -> None:
        super().__init__(total, _("building"))

    def finished(self, outcome: Outcome) -> None:
        for note in outcome.notes:
            self.line(note)
        if outcome.error:
            self.line(str(message("[{done}/{total}] {path}: error: {text}", done=self.done + 1, total=self.total,
                                  path=outcome.data, text=outcome.error)))
        else:
            self.line(str(message("[{done}/{total}] {path}: {files}", done=self.done + 1, total=self.total,
                                  path=outcome.data, files=", ".join(str(f) for f in outcome.files))))
        self.advance()


def build_all(data: list[Path], output: Path, formats: tuple[str, ...], font_dir: Path | None, force: bool,
              jobs: int | None = None, seal: Path | None = None, parts: str = "all",
              out: Callable[[str], None] = print) -> int:
    """Build every data file; returns 0 when all were built, 1 when any failed."""
    files = data_files(data)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(files)))
    _prewarm(formats, font_dir)
    report = _Report(len(files))
    outcomes: dict[Path, Outcome] = {}
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = [pool.submit(_build_one, path, output, formats, font_dir, force, seal, parts)
                       for path in files]
            for future in as_completed(futures):
                outcome = future.result()
                outcomes[outcome.data] = outcome
                report.finished(outcome)
    finally:
        report.close()
    failed = [outcomes[path] for path in files if outcomes[path].error]
    for path in files:
        for written in outcomes[path].files:
            out(str(written))
    print(message("{built} of {count} report(s) built", built=len(files) - len(failed), count=len(files)),
          file=sys.stderr)
    for outcome in failed:
        print(message("failed: {text}", text=outcome.error), file=sys.stderr)
    return 1 if failed else 0
