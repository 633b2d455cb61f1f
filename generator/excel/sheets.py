"""Where the workbook puts things: one sheet per statutory table, laid out as it prints.

The table's grid starts below a title row; grid row r, column c is sheet row ``r + FIRST_ROW``,
column ``c + 1``. Only the template writes by address; the reader finds cells by their labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from openpyxl.utils import get_column_letter

from generator.compose.report_format import load_report_format
from generator.compose.sections import table_headings
from generator.compose.wording import chinese_numeral
from generator.document_model import Table
from generator.load.report_model import ReportFile
from generator.table_grid import Placement, place_cells
from generator.table_spec import FigureCell, spec_table

DOCUMENT_SHEET = "文件信息"
FORMAT_LABEL = "表格格式"           # the row of the document sheet naming the table format
FIRST_ROW = 3                       # row 1: the section title, row 2: blank


@dataclass(frozen=True)
class TableSheet:
    """One statutory table on its own sheet."""

    name: str                       # 表一 …
    title: str                      # 二、主动公开政府信息情况
    table: Table

    @cached_property
    def placements(self) -> list[Placement]:
        return place_cells(self.table)

    @property
    def figures(self) -> list[tuple[FigureCell, str]]:
        """Every figure cell with its address (D7), in printed order."""
        return [(p.cell, address(p.row, p.col)) for p in self.placements if isinstance(p.cell, FigureCell)]

    @property
    def labels(self) -> set[str]:
        """The texts of the label cells, which name rows."""
        return {p.cell.text for p in self.placements if p.cell.kind == "label"}

    @property
    def headers(self) -> set[str]:
        """The texts of the header cells, which name columns."""
        return {p.cell.text for p in self.placements if p.cell.kind == "header"}


def address(row: int, col: int) -> str:
    """The sheet address of grid row ``row``, column ``col`` (both from 0)."""
    return f"{get_column_letter(col + 1)}{row + FIRST_ROW}"


def table_sheets(year_format: int, data: ReportFile | None = None) -> list[TableSheet]:
    """The format's tables, each titled by the section it fills as the report ``data`` prints
    it (numbered and titled by compose: a report with sections of its own has its own), or
    as the format does. The table's name is the section's report field."""
    headings = table_headings(data, year_format)
    return [TableSheet(f"表{chinese_numeral(i + 1)}", headings[name], spec_table(table))
            for i, (name, table) in enumerate(load_report_format(year_format)["tables"].items())]
