"""Statutory tables: a table spec from the layout + the report's figures → a model Table."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from pydantic import BaseModel

from generator.compose.report_format import lookup
from generator.document_model import Cell, Table
from generator.table_grid import place_cells
from generator.table_spec import FigureCell, spec_table


def format_figure(value: Any) -> str:
    """A number as printed; blank stays blank (never 0) and "/" stays "/"."""
    return "" if value is None else str(value)


def _filled(cell: FigureCell, data: BaseModel) -> Cell:
    """A figure cell with its number; a unit is printed right after its figure exactly as the
    office wrote it ("251000元"), never with a space the office did not write."""
    row = lookup(data, cell.row)
    text = format_figure(getattr(row, cell.key))
    unit = getattr(row, cell.unit) if cell.unit else None
    if unit and text not in ("", "/"):
        text += unit
    return Cell(text, "number", col_span=cell.col_span)


def table_labels(spec: dict) -> Iterator[str]:
    """Every label and header text of a table spec (the standard wording), in print order."""
    for row in spec_table(spec).rows:
        yield from (cell.text for cell in row if not isinstance(cell, FigureCell))


def build_table(spec: dict, data: BaseModel, labels: Mapping[str, str] | None = None) -> Table:
    """Expand a table spec (layouts/annual_report_*.yaml) with the figures in ``data``; ``labels``
    maps a standard label to the wording the office prints instead."""
    labels = labels or {}
    template = spec_table(spec)
    rows = tuple(tuple(_filled(cell, data) if isinstance(cell, FigureCell)
                       else replace(cell, text=labels.get(cell.text, cell.text)) for cell in row)
                 for row in template.rows)
    table = replace(template, rows=rows)
    place_cells(table)
    return table
