"""Resolve a table's spanning cells onto its column grid, once, for every writer.

Like pandoc's GridTable: rows list only the cells that start there; this places each cell at
its grid row and column and proves the spans tile the grid exactly (no hole, no overlap), so a
layout mistake fails at compose time instead of as a garbled table in one writer.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.document_model import Cell, Table


@dataclass(frozen=True)
class Placement:
    cell: Cell
    row: int
    col: int

    @property
    def last_row(self) -> int:
        return self.row + self.cell.row_span - 1

    @property
    def last_col(self) -> int:
        return self.col + self.cell.col_span - 1


def place_cells(table: Table) -> list[Placement]:
    """Grid positions of every cell, row by row; raises ValueError if spans do not tile the grid."""
    columns = len(table.widths)
    taken: set[tuple[int, int]] = set()
    placements: list[Placement] = []
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            if c + cell.col_span > columns:
                raise ValueError(f"table row {r + 1}: cell {cell.text!r} runs past column {columns}")
            if cell.row_span > len(table.rows) - r:
                raise ValueError(f"table row {r + 1}: cell {cell.text!r} spans past the last row")
            for dr in range(cell.row_span):
                for dc in range(cell.col_span):
                    if (r + dr, c + dc) in taken:
                        raise ValueError(f"table row {r + 1}: cell {cell.text!r} overlaps another")
                    taken.add((r + dr, c + dc))
            placements.append(Placement(cell, r, c))
            c += cell.col_span
    missing = len(table.rows) * columns - len(taken)
    if missing:
        raise ValueError(f"table leaves {missing} grid slots without a cell")
    return placements


def heading_rows(placements: list[Placement]) -> set[int]:
    """Rows holding header cells only (column heads, a 第二十条 caption): a page never ends after
    one, in the PDF's breaks and, by keep-with-next, in the DOCX's renderer."""
    kinds: dict[int, set[str]] = {}
    for placed in placements:
        kinds.setdefault(placed.row, set()).add(placed.cell.kind)
    return {row for row, found in kinds.items() if found == {"header"}}
