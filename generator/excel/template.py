"""``gongwen xlsx-template``: the statutory tables as a workbook to fill in, from the table specs.

Each table is on its own sheet as it prints: merged headers, labels locked (the sheet is
protected without a password, so nothing is hidden from a clerk who knows how to lift it),
the figure cells unlocked and validated (a whole number, or "/" for not applicable), and the
totals the checks define written as formulas. A sum over a blank cell stays blank, as in the
program: a formula shows "" until every cell it adds up is filled.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from generator.checks.arithmetic import MAY_BE_NEGATIVE
from generator.checks.table_rows import table_rows
from generator.checks.totals import total_parts
from generator.compose.report_format import load_report_format
from generator.document_fields import DOCUMENT_FIELDS, lookup
from generator.excel.cell_values import cell_value, number_format
from generator.figure_kinds import figure_kind
from generator.i18n import N_, Message, _, message
from generator.load.report_model import ReportFile
from generator.excel.sheets import DOCUMENT_SHEET, FIRST_ROW, FORMAT_LABEL, TableSheet, address, table_sheets
from generator.table_spec import FigureCell

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_INPUT = PatternFill("solid", fgColor="FFF8DC")       # cells to fill in
_TOTAL = PatternFill("solid", fgColor="E8E8E8")       # computed
_FONT = Font(name="仿宋_GB2312", size=11)
_BOLD = Font(name="黑体", size=11)
_UNLOCKED = Protection(locked=False)
LINE_POINTS = 15
_TOTAL_WIDTH = {"min": 80, "per_column": 10}          # characters across a table
_NOTE = Font(name="仿宋_GB2312", size=11, color="555555")
# how to fill the workbook in, below the document fields of 文件信息 (its first sheet)
_INSTRUCTIONS = (
    message("How to fill in this workbook"),
    message("Fill in the pale yellow cells. Grey cells are totals: their formulas add them up, do not type in them."),
    message("A figure is a whole number (an amount may have decimals). Type / where a cell does not apply; "
            "leave a cell blank when there is no figure: a blank is not 0, and a total over it stays blank."),
    message("Several 签发人 or 抄送机关 go in one cell, separated by “、”. Dates as 2024-01-20."),
    message("The labels are locked so that the import finds every figure by its row and column labels; "
            "widening a column is allowed."),
)
# the last sentence names the workbook: how to read it back in
_IMPORT = N_("When done, save the workbook and read it in: gongwen import {workbook} -o report.yaml "
             "(or --into last year's file, to keep its text), then gongwen check report.yaml.")


def write_template(data: dict[str, Any], target: Path | BinaryIO, report: ReportFile | None = None) -> None:
    """The workbook for the report ``data`` (plain data of a validated report: ``model_dump``);
    its figures filled in where the data has them. ``report``: the validated report, when in the
    same format, whose section numbers and titles head the table sheets."""
    year_format = data["format"]
    workbook = Workbook()
    _document_sheet(workbook.active, data, target.name if isinstance(target, Path) else "tables.xlsx")
    parts = total_parts(table_rows(load_report_format(year_format)["tables"]))
    sheets = table_sheets(year_format, report)
    addresses = {cell.path: (sheet.name, where) for sheet in sheets for cell, where in sheet.figures}
    for sheet in sheets:
        _table_sheet(workbook.create_sheet(sheet.name), sheet, data, parts, addresses, year_format)
    workbook.save(target)


def _document_sheet(ws: Worksheet, data: dict[str, Any], name: str) -> None:
    ws.title = DOCUMENT_SHEET
    ws.append([_("Item"), _("Value")])
    ws.append([FORMAT_LABEL, data["format"]])
    for field in DOCUMENT_FIELDS:
        ws.append([field.label, field.show(lookup(data, field.path))])
        value = ws.cell(ws.max_row, 2)
        value.protection = _UNLOCKED
        value.fill = _INPUT
        if field.kind == "date":
            value.number_format = "yyyy-mm-dd"
            _validate(ws, value.coordinate, _("Type a date, such as 2024-01-20"), type="date", operator="greaterThan",
                      formula1="1")
        elif field.kind == "int":
            _validate(ws, value.coordinate, _("Type a whole number"), type="whole", operator="greaterThanOrEqual",
                      formula1="1")
    for row in ws.iter_rows():
        for cell in row:
            cell.font, cell.border = (_BOLD if cell.row == 1 else _FONT), _BORDER
            cell.alignment = Alignment(vertical="center", wrap_text=True)
    _instructions(ws, ws.max_row + 2, [*_INSTRUCTIONS, message(_IMPORT, workbook=name)])
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 90
    ws.protection.sheet = True
    ws.sheet_properties.pageSetUpPr.fitToPage = True     # printed: labels and values on one page across
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0


def _instructions(ws: Worksheet, first_row: int, sentences: Sequence[Message]) -> None:
    """How to fill the workbook in, one sentence a row across both columns (the import reads
    the document fields by their labels, so these rows are not read)."""
    for offset, sentence in enumerate(sentences):
        row = first_row + offset
        cell = ws.cell(row, 1, str(sentence))
        cell.font = _BOLD if offset == 0 else _NOTE
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        if offset:
            ws.row_dimensions[row].height = LINE_POINTS * math.ceil(display_width(str(sentence)) / 125) + 6


def _validate(ws: Worksheet, where: str, error: str, prompt: str = "", **rule: str) -> None:
    """Refuse in Excel, WPS or LibreOffice what the import would refuse, with ``error``;
    ``prompt`` shows beside the cell while it is selected."""
    validation = DataValidation(allow_blank=True, showErrorMessage=True, errorTitle=_("Not accepted")[:32],
                                error=error[:255], showInputMessage=bool(prompt), prompt=prompt[:255] or None,
                                **rule)
    validation.add(where)
    ws.add_data_validation(validation)


def _figure_rule(where: str, kind: str, may_be_negative: bool) -> str:
    """A custom validation: "/" or a number (whole for a count), not negative unless allowed."""
    number = f"ISNUMBER({where})" + ("" if kind == "amount" else f",{where}=INT({where})")
    sign = "" if may_be_negative else f",{where}>=0"
    return f'OR({where}="/",AND({number}{sign}))'


def _sum_formula(cells: Sequence[str]) -> str:
    """=SUM over ``cells``, blank while any of them is blank (a sum over a blank stays blank)."""
    if _contiguous(cells):
        span = f"{cells[0]}:{cells[-1]}"
        return f'=IF(COUNTBLANK({span})>0,"",SUM({span}))'
    blanks = ",".join(f'{cell}=""' for cell in cells)
    return f'=IF(OR({blanks}),"",SUM({",".join(cells)}))'


def _contiguous(cells: Sequence[str]) -> bool:
    points = [coordinate_to_tuple(cell) for cell in cells]
    rows, cols = {r for r, _ in points}, {c for _, c in points}
    line = sorted(c for _, c in points) if len(rows) == 1 else sorted(r for r, _ in points)
    return (len(rows) == 1 or len(cols) == 1) and line == list(range(line[0], line[0] + len(line)))


def _given_total(value: Any, parts: list[Any]) -> bool:
    """Whether a total the data gives must be written as it is: a formula would show another
    number (its parts disagree with it, or are not all filled in)."""
    if value is None:
        return False
    if any(part is None for part in parts):
        return True
    return value != "/" and value != sum(0 if part == "/" else part for part in parts)


def _table_sheet(ws: Worksheet, sheet: TableSheet, data: dict[str, Any], parts: dict[tuple[str, ...], tuple],
                 addresses: dict[tuple[str, ...], tuple[str, str]], year_format: int) -> None:
    columns = len(sheet.table.widths)
    ws.cell(1, 1, sheet.title).font = Font(name="黑体", size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
    widths = _column_widths(sheet.table.widths)
    for col, width in enumerate(widths):
        ws.column_dimensions[get_column_letter(col + 1)].width = width
    heights: dict[int, int] = {}
    for placed in sheet.placements:
        cell = ws[address(placed.row, placed.col)]
        if isinstance(placed.cell, FigureCell):
            _figure(ws, cell, placed.cell, data, parts, addresses, year_format)
        else:
            cell.value = placed.cell.text
            cell.font = _BOLD if placed.cell.kind == "header" else _FONT
            horizontal = "center" if placed.cell.kind == "header" else "left"
            cell.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=True)
            if placed.cell.row_span == 1:
                width = sum(widths[placed.col:placed.last_col + 1])
                heights[placed.row] = max(heights.get(placed.row, 1), math.ceil(display_width(cell.value) / width))
        for row in range(placed.row, placed.last_row + 1):
            for col in range(placed.col, placed.last_col + 1):
                ws[address(row, col)].border = _BORDER
        if placed.cell.row_span > 1 or placed.cell.col_span > 1:
            ws.merge_cells(f"{address(placed.row, placed.col)}:{address(placed.last_row, placed.last_col)}")
    for row, lines in heights.items():
        ws.row_dimensions[row + FIRST_ROW].height = lines * LINE_POINTS + 6
    ws.protection.sheet = True
    ws.protection.formatColumns = ws.protection.formatRows = False   # widening a column stays allowed
    ws.page_setup.orientation = "landscape"        # printed for review: the table across one page
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0


def _figure(ws: Worksheet, cell: Any, figure: FigureCell, data: dict[str, Any], parts: dict[tuple[str, ...], tuple],
            addresses: dict[tuple[str, ...], tuple[str, str]], year_format: int) -> None:
    value = lookup(data, figure.path)
    cell.alignment = Alignment(horizontal="center", vertical="center")
    cell.font = _FONT
    if figure.path in parts:
        cell.fill = _TOTAL
        part_values = [lookup(data, part) for part in parts[figure.path]]
        cell.value = cell_value(value) if _given_total(value, part_values) else \
            _sum_formula([addresses[part][1] for part in parts[figure.path]])
        return
    kind = figure_kind(year_format, figure.path)
    unit = lookup(data, (*figure.path[:-1], figure.unit)) if figure.unit else None
    cell.value = cell_value(value)
    cell.number_format = number_format(value, unit)
    cell.fill = _INPUT
    cell.protection = _UNLOCKED
    may_be_negative = figure.key in MAY_BE_NEGATIVE
    if kind == "amount":
        rule = message("{cell}: type a number (not negative), or / where it does not apply", cell=figure.name)
    elif may_be_negative:
        rule = message("{cell}: type a whole number (negative for a decrease), or / where it does not apply",
                       cell=figure.name)
    else:
        rule = message("{cell}: type a whole number (not negative), or / where it does not apply", cell=figure.name)
    _validate(ws, cell.coordinate, str(rule), prompt=str(rule),
              type="custom", formula1=_figure_rule(cell.coordinate, kind, may_be_negative))


def _column_widths(relative: Sequence[float]) -> list[float]:
    """Column widths in characters, in the spec's proportions."""
    across = max(_TOTAL_WIDTH["min"], _TOTAL_WIDTH["per_column"] * len(relative))
    return [round(across * width / sum(relative), 1) for width in relative]


def display_width(text: str) -> int:
    """Width in Excel's character units: a Chinese character is two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

