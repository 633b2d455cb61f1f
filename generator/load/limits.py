"""The limits on a data file (``layouts/limits.yaml``), read once and typed.

They live in one data file so the README, the loader and the report model cannot disagree,
and so an office with an unusual report changes a number, not the code.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, PositiveInt

from generator.layout_spec import LAYOUTS_DIR, read_layout_file

LIMITS_FILE = LAYOUTS_DIR / "limits.yaml"


class Limits(BaseModel):
    """Upper bounds on a data file; each breach is one data error at file:line:column."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    file_bytes: PositiveInt
    nesting_depth: PositiveInt
    values: PositiveInt
    list_items: PositiveInt
    text_characters: PositiveInt
    number_characters: PositiveInt
    title_characters: PositiveInt
    section_headings: PositiveInt
    copy_to_names: PositiveInt


def load_limits(path: Path = LIMITS_FILE) -> Limits:
    return Limits.model_validate(read_layout_file(path))


LIMITS = load_limits()
