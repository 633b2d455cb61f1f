"""A finding of the checks: an error stops the build, a warning is printed and the build goes on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.errors import SourcePosition


@dataclass(frozen=True)
class Finding:
    severity: Literal["error", "warning"]
    position: SourcePosition
    message: str

    def __str__(self) -> str:
        return f"{self.position}: {self.severity}: {self.message}"

    @property
    def sort_key(self) -> tuple[int, int]:
        return (self.position.line or 0, self.position.column or 0)
