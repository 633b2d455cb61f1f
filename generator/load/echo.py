"""How a value from the data file is shown back in a message: short and printable.

A bad value may be a 100,000-digit number, a 10,000-character key or hold control characters;
echoed whole it would flood the terminal or garble it. So a message shows a value's kind
for lists and mappings, and at most ``WIDTH`` characters of anything else, with every
character that cannot be printed written as an escape.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from generator.load.characters import IN_VALUE

WIDTH = 40


def shorten(text: str, width: int = WIDTH) -> str:
    """``text`` cut to ``width`` characters (then "…"), unprintable characters escaped."""
    cut = text[:width] + ("…" if len(text) > width else "")
    return IN_VALUE.sub(lambda match: match.group().encode("unicode_escape", "backslashreplace").decode("ascii"), cut)


def echo(value: Any) -> str:
    """A value as a clerk would recognise it from the file: text quoted, numbers as written."""
    if isinstance(value, str):
        return f'"{shorten(value)}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "blank"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping (key: value)"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return shorten(str(value))


def field_path(location: Iterable[int | str]) -> str:
    """A location as the dotted path the README uses (``report.overview.0.p``), each step short
    and a deep path elided in the middle (its end says most)."""
    steps = [shorten(str(step)) for step in location]
    if len(steps) > 8:
        steps = [*steps[:3], "…", *steps[-4:]]
    return ".".join(steps) or "(top level)"
