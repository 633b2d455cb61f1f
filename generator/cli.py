"""Command line: ``gongwen build DATA.yaml -o OUTDIR`` (also ``python -m generator``).

Every failure is one line on stderr and an exit code: 1 for wrong data, 2 for unusable
arguments, unreadable files or a machine without the fonts. Outputs are written to temporary
files and renamed only when every requested format has been produced, so a failed run never
leaves a half-written file behind.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from generator.compose import compose
from generator.errors import GongwenError, UsageError
from generator.font_files import FONT_DIR_ENV, FontFinder
from generator.layout import FontSet, lay_out
from generator.layout_spec import load_layout
from generator.checks import check_file
from generator.load.report_model import default_format

FORMATS = ("docx", "pdf", "ofd")
DEFAULT_FORMATS = ("docx", "pdf")     # the OFD (for the archive) only when asked for


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        raise UsageError(f"{self.prog}: {message}")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="gongwen", description="政府信息公开工作年度报告: YAML data → GB/T 9704 DOCX and PDF")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    build = commands.add_parser("build", help="render a data file to DOCX and PDF (and OFD with --format ofd)")
    build.add_argument("data", type=Path, help="report data (YAML)")
    build.add_argument("-o", "--output", type=Path, default=Path("out"), help="output folder (default: out)")
    build.add_argument("--format", choices=FORMATS, action="append",
                       help="write only this format (repeatable; default: docx and pdf)")
    build.add_argument("--font-dir", type=Path,
                       help=f"folder with the office's own fonts (仿宋_GB2312.ttf …); also ${FONT_DIR_ENV}")
    build.add_argument("--force", action="store_true",
                       help="build even when the tables do not add up (the errors are still printed)")
    check = commands.add_parser("check", help="check the data's tables and numbers; write nothing")
    check.add_argument("data", type=Path, help="report data (YAML)")
    new = commands.add_parser("new", help="print a complete data skeleton to fill in")
    new.add_argument("--format", type=int, choices=(2019, 2021), help="table format (default: from --year)")
    new.add_argument("--year", type=int, required=True, help="the year the report covers")
    new.add_argument("--organ", required=True, help="the government the report is about, e.g. 某某区人民政府")
    commands.add_parser("schema", help="print the JSON Schema of the data files")
    inspect = commands.add_parser("inspect", help="measure a PDF against GB/T 9704-2012, rule by rule")
    inspect.add_argument("pdf", type=Path, help="a PDF written by gongwen build")
    return parser


class ChecksFailed(GongwenError):
    """The tables do not add up; the findings have been printed. Exit code 1."""

    exit_code = 1


def _warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def _say(line: str) -> None:
    print(line, file=sys.stderr)


def build(data: Path, output: Path, formats: tuple[str, ...], font_dir: Path | None,
          warn: Callable[[str], None] = _warn, force: bool = False, say: Callable[[str], None] = _say) -> list[Path]:
    """Load, check, compose and write; returns the files written. Findings of the checks go to
    ``say``; errors among them stop the build unless ``force``."""
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
        if "ofd" in formats:
            from generator.writers.ofd import write_ofd
            with _output(output, data.stem, "ofd", finished) as handle:
                write_ofd(paged, layout, handle)
    except BaseException:
        for temporary, _ in finished:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, final in finished:
        os.replace(temporary, final)
    return [final for _, final in finished]


def inspect(pdf: Path) -> int:
    """Print every rule with expected and measured values; 1 when any rule fails."""
    if not pdf.is_file():
        raise UsageError(f"{pdf}: no such file")
    from generator.inspection import format_findings, inspect_pdf
    try:
        findings = inspect_pdf(pdf, load_layout())
    except Exception as error:      # pdfminer/pypdf raise many kinds on a file that is no PDF
        raise UsageError(f"{pdf}: cannot read as PDF ({error.__class__.__name__})") from None
    format_findings(findings)
    failed = sum(not f.ok for f in findings)
    print(f"{len(findings) - failed} passed, {failed} failed")
    return 1 if failed else 0


def _output(folder: Path, stem: str, fmt: str, finished: list[tuple[Path, Path]]):
    """A temporary file beside the final one; renamed over it once every format is written."""
    handle = tempfile.NamedTemporaryFile(dir=folder, prefix=f".{stem}.", suffix=f".{fmt}", delete=False)
    finished.append((Path(handle.name), folder / f"{stem}.{fmt}"))
    return handle


def check(data: Path) -> int:
    checked = check_file(data)
    for finding in checked.findings:
        print(finding)
    warnings = len(checked.findings) - len(checked.errors)
    print(f"{data}: {len(checked.errors)} error(s), {warnings} warning(s)")
    return 1 if checked.errors else 0


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
        if args.command == "inspect":
            return inspect(args.pdf)
        if args.command == "check":
            return check(args.data)
        if args.command == "new":
            from generator.skeleton import skeleton
            sys.stdout.write(skeleton(args.format or default_format(args.year), args.year, args.organ))
            return 0
        if args.command == "schema":
            from generator.skeleton import json_schema
            sys.stdout.write(json_schema())
            return 0
        formats = tuple(dict.fromkeys(args.format)) if args.format else DEFAULT_FORMATS
        for path in build(args.data, args.output, formats, args.font_dir, force=args.force):
            print(path)
        return 0
    except GongwenError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
