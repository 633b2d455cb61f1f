"""Fixed wording from ``layouts/wording.yaml``, rendered with Jinja2."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from generator.layout_spec import LAYOUTS_DIR, read_layout_file

_DIGITS = "〇一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (heading numbers never go higher)."""
    if not 0 < n < 100:
        raise ValueError(f"heading number {n} is outside 1–99")
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[units] if units else "")


class Wording:
    """The phrase templates of one wording file."""

    def __init__(self, path: Path = LAYOUTS_DIR / "wording.yaml") -> None:
        self._data: dict[str, Any] = read_layout_file(path)
        self._env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
        self._env.filters["zh"] = chinese_numeral
        self._templates: dict[str, jinja2.Template] = {}

    def _template(self, source: str) -> jinja2.Template:
        """Compiled once per template (Jinja2 compiles to Python code: a millisecond each)."""
        if source not in self._templates:
            self._templates[source] = self._env.from_string(source)
        return self._templates[source]

    def render(self, phrase: str, /, **values: Any) -> str:
        return self._template(self._data[phrase]).render(**values)

    def heading_number(self, level: int, n: int) -> str:
        return self._template(self._data["heading_numbers"][level]).render(n=n)

    def run_in(self, title: str) -> str:
        """A run-in heading's title with its closing mark (not doubled)."""
        marks: str = self._data["sentence_marks"]
        return title if title[-1:] in marks else title + self._data["run_in_end"]
