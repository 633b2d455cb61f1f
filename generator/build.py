"""Build one report: check, compose, lay out once, and write each requested format.

Outputs are written to temporary files beside the final ones and renamed only when every
requested format has been produced (generator.output_files), so a failed or interrupted build
leaves the previous outputs as they were and nothing else. A disk that is full or read-only, a
folder that cannot be written, or a folder in the way of an output is one line and exit code 2.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import GongwenError, OutputError, UsageError
from generator.i18n import message
from generator.kinds import ANNUAL_REPORT
from generator.os_reasons import os_reason
from generator.output_files import replaced_together

if TYPE_CHECKING:
    from generator.document_model import Document
    from generator.font_files import FontFinder
    from generator.kinds import Kind
    from generator.layout.memo import TextMemo
    from generator.layout_spec import Layout
    from generator.paged_document import PagedDocument
    from generator.load.gongwen_model import Gongwen
    from generator.load.report_model import ReportFile
    from generator.parallel_pdf import PdfWorker

# format → the output file's ending; the archive copies (PDF/A, OFD) only when asked for
EXTENSIONS = {"docx": ".docx", "pdf": ".pdf", "pdfa": ".pdfa.pdf", "ofd": ".ofd"}
FORMATS = tuple(EXTENSIONS)
DEFAULT_FORMATS = ("docx", "pdf")
PARTS = ("all", "report")


class ChecksFailed(GongwenError):
    """The tables do not add up; the findings have been printed. Exit code 1."""

    exit_code = 1


def _warn(text: object) -> None:
    print(message("warning: {text}", text=text), file=sys.stderr)


def _say(line: str) -> None:
    print(line, file=sys.stderr)


def build(data: Path, output: Path, formats: tuple[str, ...], font_dir: Path | None,
          warn: Callable[[str], None] = _warn, force: bool = False, say: Callable[[str], None] = _say,
          seal: Path | None = None, parts: str = "all", pdf_worker: PdfWorker | None = None) -> list[Path]:
    """Load, check, compose, lay out and write; returns the files written. Findings of the
    checks go to ``say``; errors among them stop the build unless ``force``. ``seal``: the
    office's seal scan, pressed on every 署名. ``parts="report"``: the report alone, for the
    government portal, written as NAME.report.pdf etc. beside the full copy. ``pdf_worker``:
    a process that writes the print PDF while this one writes the other formats."""
    from generator.kinds import check_path

    if font_dir is not None and not font_dir.is_dir():
        raise UsageError(message("{path}: --font-dir is not a folder", path=font_dir))
    if seal is not None:
        from generator.seal_image import check_seal_image
        seal = check_seal_image(seal)
    checked = check_path(data)
    if parts != "all" and checked.kind.name != ANNUAL_REPORT:
        raise UsageError(message("--parts {parts} is for an annual report; {path} is a {kind}", parts=parts,
                                 path=data, kind=checked.kind.name))
    for finding in checked.findings:
        say(str(finding))
    if checked.errors and not force:
        raise ChecksFailed(message("{path}: {count} error(s) in the tables; nothing written (--force builds anyway)",
                                   path=data, count=len(checked.errors)))
    stem = data.stem if parts == "all" else f"{data.stem}.{parts}"
    return write_outputs(checked.data, stem, output, formats, font_dir, warn, seal, parts, pdf_worker,
                         kind=checked.kind)


def write_outputs(report: ReportFile | Gongwen, stem: str, output: Path, formats: tuple[str, ...],
                  font_dir: Path | None, warn: Callable[[str], None] = _warn, seal: Path | None = None,
                  parts: str = "all", pdf_worker: PdfWorker | None = None, kind: Kind | None = None) -> list[Path]:
    """Compose, lay out and write a checked document of ``kind`` (by default an annual report)
    as ``output/stem.<format>``; the web page builds from the data on the page this way,
    without a file of its own."""
    from generator.font_files import FontFinder
    from generator.layout_spec import load_layout

    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(message("{path}: cannot create the output folder ({reason})", path=output,
                                  reason=os_reason(error))) from None
    targets = _targets(output, stem, formats)
    layout = load_layout()
    document, paged = composed_and_laid_out(report, layout, FontFinder(font_dir), warn, seal, parts, kind)
    with replaced_together(output) as create:
        for fmt, final in sorted(targets, key=lambda target: target[0] != "pdf"):     # a worker starts first
            with create(final) as handle:
                if fmt == "pdf" and pdf_worker is not None:
                    pdf_worker.start(paged, Path(handle.name))
                elif fmt == "pdf":
                    from generator.writers.pdf import write_pdf
                    write_pdf(paged, handle)
                elif fmt == "pdfa":
                    from generator.writers.pdf.archive import write_pdfa
                    write_pdfa(paged, handle)
                elif fmt == "ofd":
                    from generator.writers.ofd import write_ofd
                    write_ofd(paged, handle)
                else:
                    from generator.writers.docx import write_docx
                    write_docx(document, layout, handle, paged)
        if pdf_worker is not None and pdf_worker.started:
            pdf_worker.finish()
    return [final for _, final in targets]


def composed_and_laid_out(report: ReportFile | Gongwen, layout: Layout, finder: FontFinder,
                          warn: Callable[[str], None], seal: Path | None = None, parts: str = "all",
                          kind: Kind | None = None, memo: TextMemo | None = None) -> tuple[Document, PagedDocument]:
    """The document model of ``report`` and its pages (the web page's preview lays out with a
    ``memo`` that a long-running worker keeps from one build to the next)."""
    from generator.kinds import annual_report
    from generator.layout import FontSet, lay_out

    document = (kind or annual_report()).compose(report, warn, layout)
    if parts != "all":
        document = replace(document, parts=tuple(part for part in document.parts if part.kind == parts))
    return document, lay_out(document, layout, FontSet(layout, finder, warn), seal_image=seal, memo=memo)


def _targets(output: Path, stem: str, formats: tuple[str, ...]) -> list[tuple[str, Path]]:
    """The files to write, in a fixed order; refused before anything is written when one of
    them could not be replaced (a folder of that name is in the way)."""
    targets = [(fmt, output / f"{stem}{EXTENSIONS[fmt]}") for fmt in FORMATS if fmt in formats]
    for _, final in targets:
        if final.is_dir():
            raise OutputError(message("{path}: is a folder, so the {kind} cannot be written there", path=final,
                                      kind=final.suffix[1:].upper()))
    return targets
