"""Command line: ``gongwen build DATA.yaml -o OUTDIR`` (also ``python -m generator``).

Every failure is one line on stderr and an exit code: 1 for wrong data, 2 for unusable
arguments, unreadable files or a machine without the fonts. Outputs are written to temporary
files and renamed only when every requested format has been produced, so a failed run never
leaves a half-written file behind.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path
from typing import Any

from generator.build import DEFAULT_FORMATS, FORMATS, PARTS
from generator.errors import DataError, GongwenError, UsageError
from generator.font_files import FONT_DIR_ENV
from generator.argparse_words import speak_our_language
from generator.i18n import LANG_ENV, LANGUAGES, _, message, set_language
from generator.interrupts import SIGINT_EXIT, SIGTERM_EXIT, Terminated, handle_termination
from generator.signing.password import PASSWORD_ENV


class _Parser(argparse.ArgumentParser):
    def error(self, text: str) -> None:
        raise UsageError(message("{command}: {problem}", command=self.prog, problem=text))


def _language_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=tuple(LANGUAGES),
                        help=_("the language of messages and help (default: zh; also ${env})").format(env=LANG_ENV))


def _choose_language(argv: list[str] | None) -> None:
    """``--lang`` is read before the parser is made, since the parser's help is in it."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    chosen = early.parse_known_args(argv)[0].lang
    if chosen is not None:
        try:
            set_language(chosen)
        except ValueError:
            raise UsageError(message("--lang must be one of: {names}", names=", ".join(LANGUAGES))) from None


def _issuing_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--issuer", help=_("the organ that issues the report (署名, 印发机关), e.g. "
                                           "某某区人民政府办公室 (default: read from --organ)"))
    parser.add_argument("--mark", help=_("the 发文机关标志 of the report's cover memo (default: the issuer and 文件)"))


def _year_in_range(year: int | None, model_year: Any) -> None:
    """``--year`` within the bounds the data model sets for a year (a date must exist)."""
    from generator.load.report_model import bounds
    low, high = bounds(model_year)
    if year is not None and not low <= year <= high:
        raise UsageError(message("--year must be a year from {low} to {high}", low=low, high=high))


def _say_issuing(organ: str, issuer: str | None, mark: str | None) -> None:
    """Say, on stderr, who was taken to issue ``organ``'s report when it was read from the name."""
    from generator.organ_types import issuing
    issued = issuing(organ, issuer, mark)
    if issued.organ_type is not None:
        print(message("{organ} is read as a {type}: the report is issued by {issuer} ({mark}); give --issuer and "
                      "--mark if it is otherwise", organ=organ, type=issued.organ_type, issuer=issued.issuer,
                      mark=issued.mark), file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    speak_our_language()
    parser = _Parser(prog="gongwen", description=_("公文 of every kind (通知, 请示, 函 … and the 政府信息公开工作年度报告): "
                                                    "YAML data or a clerk's draft → GB/T 9704 DOCX and PDF"))
    _language_option(parser)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser, metavar=_("COMMAND"))
    build = commands.add_parser("build", help=_("render data files to DOCX and PDF (and the archive's PDF/A and OFD "
                                              "copies with --format pdfa, ofd)"))
    build.add_argument("data", type=Path, nargs="+", metavar="DATA.yaml",
                       help=_("report data (YAML) or a clerk's draft (.txt, .md, .docx); several files or folders "
                              "build in one run"))
    build.add_argument("-o", "--output", type=Path, default=Path("out"), help=_("output folder (default: out)"))
    build.add_argument("--format", choices=FORMATS, action="append",
                       help=_("write only this format (repeatable; default: docx and pdf; pdfa writes NAME.pdfa.pdf)"))
    build.add_argument("--font-dir", type=Path,
                       help=_("folder with the office's own fonts (仿宋_GB2312.ttf …); also ${env}").format(env=FONT_DIR_ENV))
    build.add_argument("--force", action="store_true",
                       help=_("build even when the tables do not add up (the errors are still printed)"))
    build.add_argument("--jobs", type=int, help=_("reports built at once (default: one per core)"))
    build.add_argument("--seal", type=Path, help=_("the office's seal scan (PNG or JPEG), pressed on every 署名"))
    build.add_argument("--parts", choices=PARTS, default="all",
                       help=_("report: the annual report alone, for the portal (NAME.report.pdf …; default: all)"))
    check = commands.add_parser("check", help=_("check the data's tables and numbers; write nothing"))
    check.add_argument("data", type=Path, metavar="DATA.yaml", help=_("report data (YAML) or a clerk's draft"))
    check.add_argument("--verbose", action="store_true",
                       help=_("also list the figures of the prose that name no table cell (not read)"))
    draft = commands.add_parser("draft", help=_("read a clerk's draft (.txt, .md, .docx) and write what was "
                                                "recognised as a data file to review"))
    draft.add_argument("draft", type=Path, metavar="DRAFT.docx",
                       help=_("the draft: plain text, Markdown or Word (.docx)"))
    draft.add_argument("-o", "--output", type=Path, help=_("the data file to write (default: standard output)"))
    new = commands.add_parser("new", help=_("print a complete data skeleton to fill in"))
    new.add_argument("--kind", help=_("the kind of document: 通知, 请示, 报告, 函, 批复, 意见, 纪要, 令 … "
                                      "(default: the 政府信息公开工作年度报告)"))
    new.add_argument("--format", type=int, choices=(2019, 2021), help=_("table format (default: from --year)"))
    new.add_argument("--year", type=int, help=_("the year the report covers (another kind: the year of its date)"))
    new.add_argument("--organ", help=_("the government the report is about, e.g. 某某区人民政府 (another kind: "
                                       "the issuing organ, e.g. 某某区人民政府办公室)"))
    _issuing_options(new)
    new.add_argument("--from", dest="last_year", type=Path, metavar="LAST_YEAR.yaml",
                     help=_("start from last year's data file: the year moves on, its prose is marked to do"))
    template = commands.add_parser("xlsx-template", help=_("write the statutory tables as an Excel workbook to fill in"))
    template.add_argument("--format", type=int, choices=(2019, 2021), help=_("table format (default: from --year)"))
    template.add_argument("--year", type=int, help=_("the year the report covers (default: --from's)"))
    template.add_argument("--organ", help=_("the government the report is about (default: --from's)"))
    _issuing_options(template)
    template.add_argument("--from", dest="source", type=Path,
                          help=_("fill the workbook in from this data file (to review it, or start from last year's)"))
    template.add_argument("-o", "--output", type=Path, required=True, help=_("the workbook to write (.xlsx)"))
    workbook = commands.add_parser("import", help=_("read a filled workbook, or a published report, into a data file"))
    workbook.add_argument("workbook", type=Path, metavar="FILE",
                          help=_("a workbook written by gongwen xlsx-template, filled in (.xlsx), or a report as its "
                                 "office published it: a web page (.html), a Word document (.docx) or a text PDF"))
    workbook.add_argument("-o", "--output", type=Path, help=_("the data file to write (default: the --into file)"))
    workbook.add_argument("--into", type=Path, help=_("merge into this data file, keeping its prose and comments"))
    audit = commands.add_parser("audit", help=_("import published reports and check them all: one workbook of "
                                                "findings, for the office that reviews others' reports"))
    audit.add_argument("reports", type=Path, nargs="+", metavar="REPORT",
                       help=_("published reports (.html, .pdf, .docx), or folders of them"))
    audit.add_argument("-o", "--output", type=Path, required=True, help=_("the workbook to write (.xlsx)"))
    serve = commands.add_parser("serve", help=_("edit, check, preview and save the report on a local web page"))
    serve.add_argument("folder", type=Path, nargs="?", default=Path("."), help=_("the folder of data files (default: .)"))
    serve.add_argument("--port", type=int, default=8000, help=_("port on 127.0.0.1 (default: 8000)"))
    commands.add_parser("schema", help=_("print the JSON Schema of the data files"))
    inspect = commands.add_parser("inspect", help=_("measure a PDF against GB/T 9704-2012, rule by rule"))
    inspect.add_argument("pdf", type=Path, help=_("a PDF written by gongwen build"))
    # no abbreviations: "--password SECRET" must be refused, not taken for --password-file
    sign = commands.add_parser("sign", help=_("sign a PDF with the office's certificate (PAdES; a PDF/A stays PDF/A)"),
                               allow_abbrev=False)
    sign.add_argument("pdf", type=Path, help=_("the PDF to sign (NAME.pdf or the archive copy NAME.pdfa.pdf)"))
    sign.add_argument("--p12", type=Path, required=True, help=_("the office's key and certificate (PKCS#12: .p12, .pfx)"))
    sign.add_argument("--password-file", type=Path,
                      help=_("a file whose first line is the .p12's password (else ${env})").format(env=PASSWORD_ENV))
    sign.add_argument("-o", "--output", type=Path, required=True, help=_("the signed PDF to write"))
    for command in commands.choices.values():       # --lang before or after the command
        _language_option(command)
    return parser


def inspect(pdf: Path) -> int:
    """Print every rule with expected and measured values; 1 when any rule fails."""
    if not pdf.is_file():
        raise UsageError(message("{path}: no such file", path=pdf))
    from generator.inspection import format_findings, inspect_pdf
    from generator.layout_spec import load_layout
    try:
        findings = inspect_pdf(pdf, load_layout())
    except Exception as error:      # pdfminer/pypdf raise many kinds on a file that is no PDF
        raise UsageError(message("{path}: cannot read as PDF ({error})", path=pdf,
                                 error=error.__class__.__name__)) from None
    format_findings(findings)
    failed = sum(not f.ok for f in findings)
    print(message("{passed} passed, {failed} failed", passed=len(findings) - failed, failed=failed))
    return 1 if failed else 0


def sign(pdf: Path, p12: Path, password_file: Path | None, output: Path) -> int:
    """Sign ``pdf`` into ``output``; every refusal is one line and exit 2, and leaves no file."""
    if not pdf.is_file():
        raise UsageError(message("{path}: no such file", path=pdf))
    from generator.signing.credentials import office_signer
    from generator.signing.pades import sign_pdf
    from generator.signing.password import read_password
    sign_pdf(pdf, output, office_signer(p12, read_password(password_file)))
    print(output)
    return 0


def new(last_year: Path | None, year_format: int | None, year: int | None, organ: str | None,
        kind_name: str | None, issuer: str | None = None, mark: str | None = None) -> str:
    """A skeleton of ``--kind`` (default: the annual report) for ``--year`` and ``--organ``, or
    next year's report started from ``--from``."""
    from generator.kinds import ANNUAL_REPORT, NewDocument, kind_named
    from generator.load.report_model import DocumentNumber, ReportFile2019
    if last_year is not None:
        if (year_format, year, organ, kind_name, issuer, mark) != (None,) * 6:
            raise UsageError(message("gongwen new --from takes the year, format and organ from last year's file: "
                                     "leave out --year, --format and --organ"))
        from generator.next_year import next_year
        return next_year(last_year)
    try:
        kind = kind_named(kind_name or ANNUAL_REPORT)
    except ValueError as error:
        raise UsageError(str(error)) from None
    _year_in_range(year, (ReportFile2019 if kind.name == ANNUAL_REPORT else DocumentNumber).model_fields["year"])
    if kind.name != ANNUAL_REPORT:
        if year_format is not None or issuer is not None or mark is not None:
            raise UsageError(message("--format, --issuer and --mark are for the annual report; a {kind} names its "
                                     "issuers in the file", kind=kind.name))
        import datetime as dt
        return kind.skeleton(NewDocument(organ or "某某区人民政府办公室", year or dt.date.today().year))
    if year is None or organ is None:
        raise UsageError(message("gongwen new needs --year and --organ (or --from LAST_YEAR.yaml)"))
    _say_issuing(organ, issuer, mark)
    return kind.skeleton(NewDocument(organ, year, year_format, issuer, mark))


def draft(path: Path, output: Path | None) -> int:
    """Write the draft's data file, then print the reader's guesses and the checks' findings
    (on stderr: the data file may be going to stdout)."""
    from generator.draft import is_draft, read_draft
    from generator.kinds import check_path
    from generator.draft.data_file import data_file
    from generator.output_files import write_atomically
    if not is_draft(path):
        raise UsageError(message("{path}: a draft is a .txt, .md or .docx file", path=path))
    text = data_file(read_draft(path))
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomically(output, text.encode("utf-8"))
        print(output)
    checked = check_path(path)
    for finding in checked.findings:
        print(finding, file=sys.stderr)
    return 1 if checked.errors else 0


def check(data: Path, verbose: bool = False) -> int:
    from generator.kinds import check_path
    checked = check_path(data)
    for finding in checked.findings:
        print(finding)
    for note in checked.notes if verbose else ():
        print(note)
    warnings = len(checked.findings) - len(checked.errors)
    print(message("{path}: {errors} error(s), {warnings} warning(s)", path=data, errors=len(checked.errors),
                  warnings=warnings))
    return 1 if checked.errors else 0


def xlsx_template(year_format: int | None, year: int | None, organ: str | None, source: Path | None,
                  output: Path, issuer: str | None = None, mark: str | None = None) -> int:
    """Write the workbook, filled in from ``source`` when given (its year and organ, unless
    given too; figures the other table format lacks stay blank)."""
    from generator.excel.template import write_template
    from generator.load import load_report, validate
    from generator.load.report_model import default_format
    from generator.load.yaml_source import YamlSource
    from generator.load.report_model import ReportFile2019
    from generator.organ_types import issuing
    from generator.skeleton import skeleton
    from generator.output_files import write_atomically
    _year_in_range(year, ReportFile2019.model_fields["year"])
    report = None
    if source is not None:
        report = load_report(source)
        data = report.model_dump()
    elif year is None or organ is None:
        raise UsageError(message("gongwen xlsx-template: give --year and --organ, or --from DATA.yaml"))
    else:
        _say_issuing(organ, issuer, mark)
        text = skeleton(year_format or default_format(year), year, organ, issuing(organ, issuer, mark))
        data = validate(YamlSource("gongwen new", text)).model_dump()
    data.update({key: value for key, value in (("year", year), ("organ", organ)) if value is not None})
    data["format"] = year_format or (default_format(year) if year else data["format"])
    workbook = io.BytesIO()
    write_template(data, workbook, report if report is not None and report.format == data["format"] else None)
    write_atomically(output, workbook.getvalue())        # a write that fails is an OutputError
    print(output)
    return 0


def import_published(report: Path, output: Path | None, into: Path | None) -> int:
    """Write the published report's data file, then print the reader's guesses and the checks'
    findings on it (on stderr); 1 when the report has an error or something could not be read."""
    from generator.kinds import check_path
    from generator.output_files import write_atomically
    from generator.published import read_published
    from generator.published.data_file import data_file, reader_findings
    if into is not None or output is None:
        raise UsageError(message("gongwen import REPORT: give -o DATA.yaml (a published report starts a new data "
                                 "file; --into is for a workbook)"))
    published = read_published(report)
    write_atomically(output, data_file(published).encode("utf-8"))
    print(output)
    found = reader_findings(published)
    for finding in found:
        print(finding, file=sys.stderr)
    checked = check_path(output)
    for finding in checked.findings:
        print(finding, file=sys.stderr)
    return 1 if checked.errors or any(f.severity == "error" for f in found) else 0


def import_xlsx(workbook: Path, output: Path | None, into: Path | None) -> int:
    from generator.excel.importer import import_workbook
    from generator.published import is_published
    if is_published(workbook):
        return import_published(workbook, output, into)
    if workbook.suffix.lower() != ".xlsx":
        raise UsageError(message("{path}: gongwen import reads a filled workbook (.xlsx) or a published report: a web "
                                 "page (.html), a PDF or a Word document (.docx)", path=workbook))
    target = output or into
    if target is None:
        raise UsageError(message("gongwen import: give -o REPORT.yaml (a new data file) or --into DATA.yaml"))
    import_workbook(workbook, target, into, say=lambda line: print(line, file=sys.stderr))
    print(target)
    return 0


def _printable_streams() -> None:
    """Messages quote Chinese text; on a terminal that cannot show it (PYTHONIOENCODING=ascii, a
    GBK console) it is written as escapes instead of ending the run with a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def main(argv: list[str] | None = None, parallel: bool = False) -> int:
    """The command line; ``parallel``: a single build writes its PDF in a second process
    (the `gongwen` command does; in-process callers such as the tests do not fork)."""
    _printable_streams()
    handle_termination()
    try:
        _choose_language(argv)
        args = _parser().parse_args(argv)
        if args.command == "inspect":
            return inspect(args.pdf)
        if args.command == "draft":
            return draft(args.draft, args.output)
        if args.command == "check":
            return check(args.data, args.verbose)
        if args.command == "sign":
            return sign(args.pdf, args.p12, args.password_file, args.output)
        if args.command == "new":
            sys.stdout.write(new(args.last_year, args.format, args.year, args.organ, args.kind, args.issuer, args.mark))
            return 0
        if args.command == "xlsx-template":
            return xlsx_template(args.format, args.year, args.organ, args.source, args.output, args.issuer, args.mark)
        if args.command == "import":
            return import_xlsx(args.workbook, args.output, args.into)
        if args.command == "audit":
            from generator.audit import audit
            return audit(args.reports, args.output)
        if args.command == "serve":
            if not args.folder.is_dir():
                raise UsageError(message("{path}: not a folder", path=args.folder))
            from generator.web import serve
            serve(args.folder, args.port)
            return 0
        if args.command == "schema":
            from generator.skeleton import json_schema
            sys.stdout.write(json_schema())
            return 0
        formats = tuple(dict.fromkeys(args.format)) if args.format else DEFAULT_FORMATS
        if len(args.data) > 1 or args.data[0].is_dir():
            from generator.batch import build_all
            return build_all(args.data, args.output, formats, args.font_dir, args.force, args.jobs, args.seal,
                             args.parts)
        worker = None
        if parallel and "pdf" in formats and hasattr(os, "fork"):
            from generator.parallel_pdf import PdfWorker
            worker = PdfWorker(args.font_dir)           # before the heavy imports: they overlap
        try:
            from generator.build import build
            written = build(args.data[0], args.output, formats, args.font_dir, force=args.force, seal=args.seal,
                            parts=args.parts, pdf_worker=worker)
        finally:
            if worker is not None:
                worker.close()
        for path in written:
            print(path)
        return 0
    except DataError as error:          # file:line:column first, as the findings of the checks
        print(message("{position}: error: {text}", position=error.position, text=error.message), file=sys.stderr)
        return error.exit_code
    except GongwenError as error:
        print(message("error: {text}", text=error), file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return SIGINT_EXIT
    except Terminated:
        return SIGTERM_EXIT


if __name__ == "__main__":
    sys.exit(main())
