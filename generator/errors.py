"""Errors a user can act on. The CLI prints them as one line and exits with their code."""

from __future__ import annotations

from dataclasses import dataclass


class GongwenError(Exception):
    """Base of every error the CLI reports without a traceback."""

    exit_code = 1


@dataclass
class SourcePosition:
    """Where in a data file a finding points: 1-based line and column."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class DataError(GongwenError):
    """The data file is wrong (syntax, missing field, wrong type): exit code 1."""

    exit_code = 1

    def __init__(self, position: SourcePosition, message: object) -> None:
        super().__init__(position, message)
        self.position = position
        self.message = message          # a catalog Message, rendered when printed

    def __str__(self) -> str:
        return f"{self.position}: {self.message}"


class LayoutError(GongwenError):
    """The data cannot be laid out on pages (a 版记 taller than a page): exit code 1."""

    exit_code = 1


class UsageError(GongwenError):
    """Unusable arguments or an unreadable file: exit code 2."""

    exit_code = 2


class OutputError(GongwenError):
    """The outputs cannot be written (a full or read-only disk, a folder in the way): exit code 2."""

    exit_code = 2


class SetupError(GongwenError):
    """The machine lacks something the program needs (fonts not installed): exit code 2."""

    exit_code = 2
