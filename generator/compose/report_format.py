"""The statutory format's layout data: section titles, table specs, narrative phrases."""

from __future__ import annotations

from functools import lru_cache

from generator.layout_spec import LAYOUTS_DIR, read_layout_file


@lru_cache(maxsize=None)
def load_report_format(year_format: int) -> dict:
    """layouts/annual_report_<format>.yaml (read once per process; callers must not mutate it)."""
    return read_layout_file(LAYOUTS_DIR / f"annual_report_{year_format}.yaml")
