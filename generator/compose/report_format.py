"""The statutory format's layout data: section titles and table specs."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from generator.layout_spec import LAYOUTS_DIR, read_layout_file
from generator.load.report_model import ApplicantCounts, ReportFile


@lru_cache(maxsize=None)
def load_report_format(year_format: int) -> dict:
    """layouts/annual_report_<format>.yaml (read once per process; callers must not mutate it)."""
    return read_layout_file(LAYOUTS_DIR / f"annual_report_{year_format}.yaml")


def lookup(data: BaseModel, path: str) -> Any:
    """The value at a dotted path of the layout (``applications.results.other``) in the report."""
    node: Any = data
    for step in path.split("."):
        node = getattr(node, step)
    return node


def report_tables(report: ReportFile) -> dict[str, dict]:
    """The table specs ``report`` prints, by name: its format's, except a table whose row group
    the data gives as one row (``when_one_row``: a 2021 report keeping the 2019 single （六）
    row), which is the same table of the format named there."""
    tables = dict(load_report_format(report.format)["tables"])
    for name, spec in tables.items():
        one_row = spec.get("when_one_row")
        if one_row and isinstance(lookup(report.report, one_row["data"]), ApplicantCounts):
            tables[name] = load_report_format(one_row["format"])["tables"][name]
    return tables
