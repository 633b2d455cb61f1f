"""Automatic heading numbers: 一、（一）1.（1）, restarting below each higher level."""

from __future__ import annotations


class HeadingCounter:
    """Counts headings per level; a heading resets every deeper level."""

    def __init__(self, deepest: int = 4) -> None:
        self._counts = [0] * (deepest + 1)

    def next(self, level: int) -> int:
        if not 1 <= level < len(self._counts):
            raise ValueError(f"heading level {level} is outside 1–{len(self._counts) - 1}")
        self._counts[level] += 1
        for deeper in range(level + 1, len(self._counts)):
            self._counts[deeper] = 0
        return self._counts[level]
