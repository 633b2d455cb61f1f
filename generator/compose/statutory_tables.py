"""Statutory tables: a table spec from the layout + the report's figures → a model Table."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pydantic import BaseModel

from generator.document_model import Cell, Table
from generator.table_grid import place_cells
from generator.table_spec import FigureCell, spec_table


def format_figure(value: Any) -> str:
    """A number as printed; blank stays blank (never 0) and "/" stays "/"."""
    return "" if value is None else str(value)


def _lookup(data: BaseModel, path: str) -> BaseModel:
    node: Any = data
    for step in path.split("."):
        node = getattr(node, step)
    return node


def _filled(cell: FigureCell, data: BaseModel) -> Cell:
    row = _lookup(data, cell.row)
    text = format_figure(getattr(row, cell.key))
    if cell.unit and text not in ("", "/"):
        text = f"{text} {getattr(row, cell.unit)}"
    return Cell(text, "number", col_span=cell.col_span)


def build_table(spec: dict, data: BaseModel) -> Table:
    """Expand a table spec (layouts/annual_report_*.yaml) with the figures in ``data``."""
    template = spec_table(spec)
    rows = tuple(tuple(_filled(cell, data) if isinstance(cell, FigureCell) else cell for cell in row)
                 for row in template.rows)
    table = replace(template, rows=rows)
    place_cells(table)
    return table
