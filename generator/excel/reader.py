"""Read a filled workbook back: every figure found by its row and column labels.

A clerk may insert a row for notes, widen a column, or save the file from WPS or LibreOffice,
which rewrite it; the cell addresses may move, the labels do not. So each figure of the table
spec is looked up by the labels that name its row (三、本年度办理结果 › （三）不予公开 ›
1.属于国家秘密) and its column (申请人情况 › 法人或其他组织 › 商业企业), computed the same way
on the spec's own grid and on the sheet's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from generator.document_fields import DOCUMENT_FIELDS
from generator.errors import DataError, SourcePosition, UsageError
from generator.field_labels import printed_name
from generator.i18n import message
from generator.excel.cell_values import figure_value, format_unit
from generator.figure_kinds import figure_kind
from generator.excel.sheets import DOCUMENT_SHEET, FORMAT_LABEL, TableSheet, table_sheets
from generator.checks.findings import Finding
from generator.load.clerk_values import whole_number
from generator.load.echo import echo
from generator.load.report_model import amount_value, count_value

MAX_BYTES = 10 * 1024 * 1024        # a filled workbook is some 30 KB
Point = tuple[int, int]             # (row, column), both from 0 on the spec's grid, from 1 on a sheet
Key = tuple[tuple[str, ...], tuple[str, ...]]       # (row labels, column labels)


@dataclass(frozen=True)
class ReadValue:
    """One value as the workbook holds it: a figure or a document field."""

    value: Any                      # as the data holds it (None: blank; "/": not applicable)
    where: str                      # tables.xlsx:表二!D7
    name: str                       # 一、本年新收/自然人, 报送报告·成文日期


@dataclass(frozen=True)
class ReadFigure(ReadValue):
    """A figure, with what the template's formulas and number formats add."""

    formula: bool                   # the cell computes its value (a total of the template)
    saved: Any                      # the value the spreadsheet program saved with the formula
    unit: tuple[str, str] | None    # the row's unit field and the unit the number format shows (元)


@dataclass(frozen=True)
class Workbook:
    """What a filled workbook says: the table format, document data and figures by data path."""

    path: Path
    year_format: int
    document: dict[tuple[str, ...], ReadValue]
    figures: dict[tuple[str, ...], ReadFigure]
    problems: list[Finding]         # every cell that holds no figure, or stands where no figure does

    @property
    def values(self) -> dict[tuple[str, ...], ReadValue]:
        """Every value read, by its path in the data."""
        return {**self.document, **self.figures}


class _Grid:
    """A table's cells by position: each covered slot points to the cell that covers it."""

    def __init__(self, texts: dict[Point, str | None], origin: dict[Point, Point], headers: set[str],
                 labels: set[str]) -> None:
        self.texts, self.origin, self.headers, self.labels = texts, origin, headers, labels
        self.rows = sorted({row for row, _ in texts})

    def text(self, point: Point) -> str | None:
        return self.texts.get(self.origin.get(point, point))

    def row_points(self, row: int) -> list[Point]:
        return sorted(point for point in self.texts if point[0] == row)

    def is_header_row(self, row: int) -> bool:
        texts = [self.text(point) for point in self.row_points(row)]
        return any(texts) and all(text in self.headers for text in texts if text)

    def _named(self, points: Iterable[Point], names: set[str]) -> tuple[str, ...]:
        """The texts among ``names`` of the cells covering ``points``, each covering cell once."""
        seen: list[Point] = []
        for point in points:
            origin = self.origin.get(point, point)
            if self.text(point) in names and origin not in seen:
                seen.append(origin)
        return tuple(self.texts[origin] for origin in seen)

    def key(self, point: Point) -> Key:
        """The labels of the point's row, and the headers over its column in the nearest block
        of header rows above it."""
        row, col = point
        above = [r for r in self.rows if r < row]
        block: list[int] = []
        for r in reversed(above):
            if self.is_header_row(r):
                block.insert(0, r)
            elif block:
                break
        columns = self._named(((r, col) for r in block), self.headers)
        return self._named(self.row_points(row), self.labels), columns


def _spec_grid(sheet: TableSheet) -> _Grid:
    texts: dict[Point, str | None] = {}
    origin: dict[Point, Point] = {}
    for placed in sheet.placements:
        for row in range(placed.row, placed.last_row + 1):
            for col in range(placed.col, placed.last_col + 1):
                origin[(row, col)] = (placed.row, placed.col)
                texts[(row, col)] = None
        texts[(placed.row, placed.col)] = placed.cell.text or None
    return _Grid(texts, origin, sheet.headers, sheet.labels)


def _sheet_grid(ws: Worksheet, sheet: TableSheet) -> _Grid:
    texts: dict[Point, str | None] = {}
    for row in ws.iter_rows():
        for cell in row:
            value = cell.value
            texts[(cell.row, cell.column)] = value.strip() if isinstance(value, str) else \
                (None if value is None else str(value))
    origin: dict[Point, Point] = {}
    for merged in ws.merged_cells.ranges:
        for row in range(merged.min_row, merged.max_row + 1):
            for col in range(merged.min_col, merged.max_col + 1):
                origin[(row, col)] = (merged.min_row, merged.min_col)
    return _Grid(texts, origin, sheet.headers, sheet.labels)


def _open(path: Path, data_only: bool) -> Any:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise UsageError(message("{path}: larger than {size} bytes; a filled workbook is far smaller "
                                     "(is this the right file?)", path=path, size=f"{MAX_BYTES:,}"))
        return load_workbook(path, data_only=data_only)
    except FileNotFoundError:
        raise UsageError(message("{path}: no such file", path=path)) from None
    except UsageError:
        raise
    except Exception:               # openpyxl and zipfile raise many kinds on a file that is no workbook
        raise UsageError(message("{path}: cannot read as an Excel workbook (.xlsx)", path=path)) from None


def read_workbook(path: Path) -> Workbook:
    """The workbook's format, document data and figures; DataError naming the sheet and cell
    for what cannot be read."""
    formulas, saved = _open(path, data_only=False), _open(path, data_only=True)

    def where(sheet: str, address: str = "") -> SourcePosition:
        return SourcePosition(f"{path}:{sheet}" + (f"!{address}" if address else ""))

    year_format, document = _document(formulas, where)
    figures: dict[tuple[str, ...], ReadFigure] = {}
    problems: list[Finding] = []
    for sheet in table_sheets(year_format):
        if sheet.name not in formulas.sheetnames:
            raise DataError(SourcePosition(str(path)), message(
                "no sheet {sheet} ({title}); write a new workbook with gongwen xlsx-template", sheet=sheet.name,
                title=sheet.title))
        figures.update(_figures(formulas[sheet.name], saved[sheet.name], sheet, year_format, where, problems))
    return Workbook(path, year_format, document, figures, problems)


def _document(workbook: Any, where: Callable[..., SourcePosition]) -> tuple[int, dict]:
    if DOCUMENT_SHEET not in workbook.sheetnames:
        raise DataError(where(DOCUMENT_SHEET), message("no sheet {sheet}; write a new workbook with gongwen "
                                                       "xlsx-template", sheet=DOCUMENT_SHEET))
    ws = workbook[DOCUMENT_SHEET]
    by_label = {label.value.strip(): value for label, value in ws.iter_rows(min_col=1, max_col=2)
                if isinstance(label.value, str)}
    format_cell = by_label.get(FORMAT_LABEL)
    if format_cell is None or format_cell.value not in (2019, 2021, "2019", "2021"):
        raise DataError(where(DOCUMENT_SHEET, format_cell.coordinate if format_cell else "A"),
                        message("{label} must be 2019 or 2021", label=FORMAT_LABEL))
    document = {}
    for field in DOCUMENT_FIELDS:
        cell = by_label.get(field.label)
        if cell is not None:
            document[field.path] = ReadValue(field.parse(cell.value), str(where(DOCUMENT_SHEET, cell.coordinate)),
                                             field.label)
    return int(format_cell.value), document


def _figures(ws: Worksheet, saved_ws: Worksheet, sheet: TableSheet, year_format: int,
             where: Callable[..., SourcePosition], problems: list[Finding]) -> dict[tuple[str, ...], ReadFigure]:
    """Every figure of ``sheet``, found by its labels. A value the report model refuses is a
    problem at its cell (and read as blank), and so is a number in a row or column the table
    does not have: every such cell is reported in one run, none is dropped unseen."""
    spec, grid = _spec_grid(sheet), _sheet_grid(ws, sheet)
    found: dict[Key, list[Point]] = {}
    for point, text in grid.texts.items():
        if point in grid.origin and grid.origin[point] != point or text in grid.labels or text in grid.headers:
            continue
        if grid.is_header_row(point[0]) or not any(grid.text(p) for p in grid.row_points(point[0])):
            continue
        found.setdefault(grid.key(point), []).append(point)
    figures = {}
    for cell, _ in sheet.figures:
        spec_point = next((p.row, p.col) for p in sheet.placements if p.cell is cell)
        key = spec.key(spec_point)
        points = found.pop(key, [])
        if len(points) != 1:
            labels = " › ".join(key[0] + key[1])
            if points:
                problem = message("more than one cell ({cells}) for {cell} under the labels {labels}: were labels "
                                  "changed or rows removed?", cells=", ".join(f"{get_column_letter(c)}{r}" for r, c in points),
                                  cell=printed_name(cell.name), labels=labels)
            else:
                problem = message("no cell for {cell} under the labels {labels}: were labels changed or rows removed?",
                                  cell=printed_name(cell.name), labels=labels)
            raise DataError(where(sheet.name), problem)
        point = points[0]
        target = ws.cell(*point)
        stored = target.value
        formula = isinstance(stored, str) and stored.startswith("=")
        saved_value = saved_ws.cell(*point).value if formula else None
        kind = figure_kind(year_format, cell.path)
        value = None if formula else figure_value(stored, kind, target.number_format)
        try:
            (amount_value if kind == "amount" else count_value)(value)
        except ValueError as error:
            problems.append(Finding("error", where(sheet.name, target.coordinate), message(
                "{place}: {problem}", place=printed_name(cell.name), problem=error.args[0])))
            value = None
        figures[cell.path] = ReadFigure(
            value=value,
            where=str(where(sheet.name, target.coordinate)),
            name=cell.name,
            formula=formula,
            saved=figure_value(saved_value, kind, target.number_format),
            unit=(cell.unit, unit) if cell.unit and (unit := format_unit(target.number_format)) else None)
    problems += _stray_numbers(ws, grid, [point for points in found.values() for point in points], sheet, where)
    return figures


def _stray_numbers(ws: Worksheet, grid: _Grid, points: list[Point], sheet: TableSheet,
                   where: Callable[..., SourcePosition]) -> list[Finding]:
    """A problem at every number the import would drop: in a row or column the table lacks (a
    row a clerk inserted for an item of the office's own)."""
    problems = []
    for point in sorted(points):
        value = ws.cell(*point).value
        if isinstance(value, bool) or not isinstance(whole_number(value) if isinstance(value, str) else value,
                                                     (int, float)):
            continue
        row = next((text for p in grid.row_points(point[0]) if (text := grid.text(p)) and p != point), "")
        problems.append(Finding("error", where(sheet.name, ws.cell(*point).coordinate), message(
            "{value} stands in a row or column the table {title} does not have ({row}): it would be lost; write it "
            "in a row of the statutory table, or delete it", value=echo(value), title=sheet.title, row=row)))
    return problems
