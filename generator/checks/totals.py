"""Which statutory cells are totals, and of which cells: the rules of ``arithmetic`` as data.

The checks compute a left-out total and check a given one; the Excel template writes the same
totals as formulas, and its import recomputes them. Stating the rules once keeps the three from
drifting apart.
"""

from __future__ import annotations

from generator.checks.table_rows import TableRow

APPLICANTS = ("natural_person", "commercial", "research", "public_interest", "legal_service", "other")
OUTCOMES = ("upheld", "corrected", "other", "pending")
RESULTS = ("report", "applications", "results")
TOTAL_ROW = (*RESULTS, "total")          # 三、（七）总计
ROW_PARTS = {"applications": APPLICANTS, "reviews": OUTCOMES}     # the 总计 column of these tables

Path = tuple[str, ...]


def result_rows(applications: list[TableRow]) -> list[TableRow]:
    """三、（一）–（六）: the rows that （七）总计 adds up."""
    return [row for row in applications if row.path[:3] == RESULTS and row.path != TOTAL_ROW]


def total_parts(rows: dict[str, list[TableRow]]) -> dict[Path, tuple[Path, ...]]:
    """Every total cell → the cells it adds up. （七）总计's own 总计 is its row's sum, which equals
    the sum of the rows' 总计 whenever the other rules hold."""
    parts: dict[Path, tuple[Path, ...]] = {}
    applications = rows["applications"]
    total_row = next(row for row in applications if row.path == TOTAL_ROW)
    for key in total_row.keys:
        parts[(*TOTAL_ROW, key)] = tuple((*row.path, key) for row in result_rows(applications))
    for table, keys in ROW_PARTS.items():
        for row in rows[table]:
            parts[(*row.path, "total")] = tuple((*row.path, key) for key in keys)
    return parts
