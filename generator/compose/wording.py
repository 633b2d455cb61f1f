"""Fixed wording from ``layouts/wording.yaml``, rendered with Jinja2."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from generator.layout_spec import LAYOUTS_DIR, read_layout_file

_DIGITS = "〇一二三四五六七八九"
_PLACES = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))
_GROUPS = ((10 ** 8, "亿"), (10 ** 4, "万"))


def chinese_numeral(n: int) -> str:
    """A count in Chinese numerals, as heading numbers are written: 1 → 一, 10 → 十, 12 → 十二,
    101 → 一百零一, 110 → 一百一十, 1000 → 一千, 10001 → 一万零一, 100000 → 十万."""
    if n < 1:
        raise ValueError(f"heading number {n} is not a positive count")
    return _spell(n, leading=True)


def _spell(n: int, leading: bool) -> str:
    """``n`` ≥ 1; ``leading``: nothing is written before it, so 10–19 start with 十, not 一十."""
    for size, name in _GROUPS:
        if n >= size:
            high, low = divmod(n, size)
            text = _spell(high, leading) + name
            if low:
                text += ("零" if low < size // 10 else "") + _spell(low, leading=False)
            return text
    text, zero = "", False
    for place, name in _PLACES:
        digit, n = divmod(n, place)
        if digit == 0:
            zero = zero or bool(text)
            continue
        if zero:
            text += "零"
            zero = False
        text += ("" if leading and not text and place == 10 and digit == 1 else _DIGITS[digit]) + name
    return text


class Wording:
    """The phrase templates of one wording file (``default_wording()`` for the layout's own)."""

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
        """A run-in heading's title with its closing mark, unless it ends with one already
        ("存在的主要问题：" stays as it is, never "：。")."""
        marks: str = self._data["closing_marks"]
        return title if title[-1:] in marks else title + self._data["run_in_end"]


@lru_cache(maxsize=1)
def default_wording() -> Wording:
    """layouts/wording.yaml, read and its templates compiled once per process (a Wording holds
    nothing that changes as it is used)."""
    return Wording()
