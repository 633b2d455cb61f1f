"""Statutory tables: a table spec from the layout + the report's figures → a model Table."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from pydantic import BaseModel

from generator.compose.report_format import lookup
from generator.document_model import Cell, Table
from generator.table_grid import place_cells


def format_figure(value: Any) -> str:
    """A number as printed; blank stays blank (never 0) and "/" stays "/"."""
    return "" if value is None else str(value)


def _figure_cells(spec: dict, data: BaseModel, default_keys: list[str] | None) -> list[Cell]:
    """One row of figures; a unit is printed right after its figure exactly as the office wrote
    it ("251000元"), never with a space the office did not write."""
    row = lookup(data, spec["data"])
    keys = spec.get("keys", default_keys)
    spans = spec.get("spans", [1] * len(keys))
    units = spec.get("units", {})
    cells = []
    for key, span in zip(keys, spans, strict=True):
        text = format_figure(getattr(row, key))
        unit = getattr(row, units[key]) if key in units else None
        if unit and text not in ("", "/"):
            text += unit
        cells.append(Cell(text, "number", col_span=span))
    return cells


def table_labels(spec: dict) -> Iterator[str]:
    """Every label and header text of a table spec (the standard wording), in print order."""
    for row_spec in spec["rows"]:
        for item in row_spec:
            if isinstance(item, str):
                yield item
            elif "text" in item:
                yield item["text"]


def build_table(spec: dict, data: BaseModel, labels: Mapping[str, str] | None = None) -> Table:
    """Expand a table spec (layouts/annual_report_*.yaml) with the figures in ``data``; ``labels``
    maps a standard label to the wording the office prints instead."""
    labels = labels or {}
    header_rows = spec.get("header_rows", 0)
    rows: list[tuple[Cell, ...]] = []
    for row_spec in spec["rows"]:
        cells: list[Cell] = []
        for item in row_spec:
            if isinstance(item, str):
                cells.append(Cell(labels.get(item, item), "label"))
            elif "data" in item:
                cells.extend(_figure_cells(item, data, spec.get("keys")))
            else:
                kind = "header" if item.get("header") else "label"
                text = item["text"]
                cells.append(Cell(labels.get(text, text), kind, item.get("rs", 1), item.get("cs", 1)))
        rows.append(tuple(cells))
    table = Table(widths=tuple(spec["widths"]), rows=tuple(rows), header_rows=header_rows)
    place_cells(table)
    return table
