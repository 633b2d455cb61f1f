"""What each 文种 implies for its layout and checks, from ``layouts/kinds.yaml``, typed and read
once: compose and the checks are handed a ``KindSpec`` and never read the file themselves."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from generator.layout_spec import LAYOUTS_DIR, read_layout_file


class KindSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    direction: Literal["up", "down", "level"]
    one_addressee: bool = False
    format: Literal["文件", "信函", "纪要", "令"] = "文件"       # GB/T 9704 §7 or the special formats of §10
    example: str                                            # its invented example in data/


@cache
def kind_specs() -> dict[str, KindSpec]:
    """Every general 文种 by name, in the file's order."""
    kinds = read_layout_file(LAYOUTS_DIR / "kinds.yaml")["kinds"]
    return {name: KindSpec(name=name, **values) for name, values in kinds.items()}
