"""A finding of the checks: an error stops the build, a warning is printed and the build goes on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.errors import SourcePosition
from generator.i18n import Message, N_, message

# the line's word for each severity, in the catalog
_LINES = {"error": N_("{position}: error: {text}"), "warning": N_("{position}: warning: {text}")}


@dataclass(frozen=True)
class Finding:
    """What a check found, as data: its wording (a catalog ``Message``) is rendered only when
    printed, so the command line, the web page and the workbook say the same words."""

    severity: Literal["error", "warning"]
    position: SourcePosition
    message: Message | str

    def __str__(self) -> str:
        return str(message(_LINES[self.severity], position=self.position, text=self.message))

    @property
    def sort_key(self) -> tuple[int, int]:
        return (self.position.line or 0, self.position.column or 0)
