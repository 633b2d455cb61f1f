"""``gongwen audit FILES… | FOLDER -o review.xlsx``: the reviewing office's job in one command.

Each published report (web page, DOCX or text PDF) is imported (generator.published) and given
every check of ``gongwen check``; one that cannot be read is a row saying why, and the run goes
on. The workbook has a summary sheet, a row per report (organ, year, format, pages, errors,
warnings, what could not be read), and a findings sheet, a row per finding: the report, the
section, the cell as printed, the figures and the sentence quoted, then the whole message. The
same reports give the same workbook, byte for byte. Exit 1 when any report has an error.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from generator.checks.findings import Finding
from generator.errors import GongwenError, UsageError
from generator.excel.template import LINE_POINTS, display_width
from generator.i18n import Message, N_, _, message
from generator.output_files import write_atomically
from generator.progress import ProgressLines
from generator.writers.zip_dates import stable_zip

STAMP = dt.datetime(2000, 1, 1)       # the workbook's own dates: the same reports, the same bytes
_FIGURES = {"given": N_("printed"), "computed": N_("computed"), "value": N_("in the table"),
            "count": N_("in the table"), "total": N_("total"), "share": N_("share (%)"), "claim": N_("the text says"),
            "left": N_("一 + 二"), "right": N_("（七） + 四")}
_SEVERITIES = {"error": N_("error"), "warning": N_("warning")}     # the findings sheet's level column
_CELL_FIELDS = ("cells", "cell", "column", "row")
_WRAPPED = Alignment(wrap_text=True, vertical="top")


@dataclass
class FindingRow:
    severity: str                   # "error" or "warning", as a Finding's
    section: str
    cell: str
    figures: str
    sentence: str
    text: str


@dataclass
class ReportRow:
    path: Path
    name: str = ""                  # as the workbook shows it
    organ: str = ""
    year: int | None = None
    year_format: int | None = None
    pages: int | None = None
    findings: list[FindingRow] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)

    def count(self, severity: str) -> int:
        return sum(f.severity == severity for f in self.findings)


def report_files(arguments: list[Path]) -> dict[Path, str]:
    """The reports named, each with the name the workbook shows (its path under the folder
    named); a folder stands for every web page, DOCX and PDF in it and below."""
    from generator.published import SUFFIXES
    files: dict[Path, str] = {}
    for argument in arguments:
        if argument.is_dir():
            found = sorted(p for p in argument.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                raise UsageError(message("{path}: no report (.html, .htm, .pdf, .docx) in this folder", path=argument))
            files.update((path, path.relative_to(argument).as_posix()) for path in found if path not in files)
        elif argument.exists():
            files.setdefault(argument, argument.name)
        else:
            raise UsageError(message("{path}: no such file", path=argument))
    return files


def _words(value: Any) -> str:
    return "" if value is None else str(value)


def finding_row(finding: Finding) -> FindingRow:
    """A finding of the checks taken apart into the columns a reviewer sorts by, from the fields
    its message names (one without them keeps its whole text in the last column)."""
    text = finding.message
    fields = text.fields if isinstance(text, Message) else {}
    cell = next((_words(fields[name]) for name in _CELL_FIELDS if name in fields), "")
    figures = "；".join(f"{_(label)} {_words(fields[name])}" for name, label in _FIGURES.items() if name in fields)
    return FindingRow(finding.severity, _words(fields.get("place")), cell, figures, _words(fields.get("sentence")),
                      str(text))


def audit_one(path: Path, name: str) -> ReportRow:
    """One report imported and checked; what stops it is its row's unread note, not the run's end."""
    from generator.kinds import kind_of
    from generator.load.yaml_source import YamlSource
    from generator.published import read_published
    from generator.published.data_file import data_file
    row = ReportRow(path, name)
    try:
        published = read_published(path)
        data = published.data
        row.organ, row.year, row.year_format, row.pages = data["organ"], data["year"], data["format"], published.pages
        row.findings += [FindingRow("warning", where, "", "", "", str(text)) for where, text in published.warnings]
        row.unread += [f"{where}: {text}" if where else str(text) for where, text in published.unread]
        source = YamlSource(str(path), data_file(published))
        checked = kind_of(source).check(source)
        row.findings += [finding_row(finding) for finding in checked.findings]
    except GongwenError as error:
        said = str(error.message) if hasattr(error, "message") else str(error)
        row.unread.append(said.removeprefix(str(path)).lstrip(":：").strip())
    except Exception as error:      # noqa: BLE001  a file no reader foresaw must not end the others' review
        row.unread.append(str(message("cannot be read ({error})", error=error.__class__.__name__)))
    return row


def _sheet(ws: Any, headings: list[str], rows: list[list[Any]], widths: list[int]) -> None:
    """A sheet of ``rows`` under bold headings; each row as tall as its longest text wraps to
    (a spreadsheet program keeps the height a file gives it)."""
    ws.append(headings)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    for number, row in enumerate(rows, start=2):
        ws.append(row)
        lines = max(math.ceil(display_width(str(value)) / width) for value, width in zip(row, widths)
                    if value is not None) if any(value is not None for value in row) else 1
        ws.row_dimensions[number].height = max(1, lines) * LINE_POINTS
        for cell in ws[number]:
            cell.alignment = _WRAPPED
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    ws.page_setup.orientation = "landscape"         # printed for review: every column across one page
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_title_rows = "1:1"


def workbook_bytes(rows: list[ReportRow]) -> bytes:
    book = Workbook()
    summary = book.active
    summary.title = _("summary")
    _sheet(summary, [_("report"), _("organ"), _("year"), _("table format"), _("pages"), _("errors"), _("warnings"),
                     _("not read")],
           [[r.name, r.organ, r.year, r.year_format, r.pages, r.count("error"), r.count("warning"),
             "\n".join(r.unread)] for r in rows],
           [40, 24, 8, 10, 8, 8, 8, 60])
    _sheet(book.create_sheet(_("findings")),
           [_("report"), _("severity"), _("section"), _("cell as printed"), _("figures"), _("sentence quoted"),
            _("finding")],
           [[r.name, _(_SEVERITIES[f.severity]), f.section, f.cell, f.figures, f.sentence, f.text] for r in rows for f in r.findings],
           [30, 8, 20, 30, 24, 40, 80])
    book.properties.created = book.properties.modified = STAMP
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()       # save_workbook would stamp the clock's time
    return stable_zip(raw.getvalue(), STAMP)


def audit(arguments: list[Path], output: Path) -> int:
    files = report_files(arguments)
    progress = ProgressLines(len(files), _("auditing"))
    rows: list[ReportRow] = []
    try:
        for path, name in files.items():
            row = audit_one(path, name)
            rows.append(row)
            state = "; ".join(row.unread) if row.unread else ""
            progress.line(str(message("[{done}/{total}] {path}: {errors} error(s), {warnings} warning(s){unread}",
                                      done=progress.done + 1, total=len(files), path=path,
                                      errors=row.count("error"), warnings=row.count("warning"),
                                      unread=f"; {state}" if state else "")))
            progress.advance()
    finally:
        progress.close()
    write_atomically(output, workbook_bytes(rows))
    print(output)
    failed = sum(1 for r in rows if r.count("error") or r.unread)
    print(message("{count} report(s), {failed} with errors or not read", count=len(rows), failed=failed))
    return 1 if failed else 0
