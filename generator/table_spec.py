"""A statutory table spec (``layouts/annual_report_*.yaml``) expanded into model cells, once.

The PDF and DOCX fill the figure cells with the report's numbers; the Excel workbook and the web
page put an input there instead. All of them read the spec through here, so a label, a span or
a data path changed in the layout reaches every way in and out alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.document_model import Cell, Table


@dataclass(frozen=True)
class FigureCell(Cell):
    """A figure cell of the spec, still empty: where its number lives in the report data."""

    row: str = ""               # dotted path of the figure row under ``report``, e.g. applications.received
    key: str = ""               # the figure's field in that row, e.g. natural_person
    name: str = ""              # the checks' name of the cell, e.g. 一、本年新收/自然人
    unit: str | None = None     # the row's field holding a unit printed after the figure (元)

    @property
    def path(self) -> tuple[str, ...]:
        """The figure's path from the top of a data file."""
        return ("report", *self.row.split("."), self.key)


def _figure_cells(item: dict, table: dict) -> list[FigureCell]:
    keys = item.get("keys", table.get("keys"))
    spans = item.get("spans", [1] * len(keys))
    names = table.get("key_names", {})
    return [FigureCell("", "number", col_span=span, row=item["data"], key=key,
                       name=f"{item['name']}/{names.get(key, key)}", unit=item.get("units", {}).get(key))
            for key, span in zip(keys, spans, strict=True)]


def spec_table(spec: dict) -> Table:
    """The table of ``spec`` with its labels and headers, and a blank FigureCell per figure."""
    rows: list[tuple[Cell, ...]] = []
    for row_spec in spec["rows"]:
        cells: list[Cell] = []
        for item in row_spec:
            if isinstance(item, str):
                cells.append(Cell(item, "label"))
            elif "data" in item:
                cells.extend(_figure_cells(item, spec))
            else:
                kind = "header" if item.get("header") else "label"
                cells.append(Cell(item["text"], kind, item.get("rs", 1), item.get("cs", 1)))
        rows.append(tuple(cells))
    return Table(widths=tuple(spec["widths"]), rows=tuple(rows), header_rows=spec.get("header_rows", 0))


def figure_cells(table: Table) -> list[FigureCell]:
    """The figure cells of an expanded spec, row by row in printed order."""
    return [cell for row in table.rows for cell in row if isinstance(cell, FigureCell)]
