"""A place in the data named as the clerk sees it: the label of the workbook and the web page.

Messages never show a YAML path such as ``cover.signers`` to a clerk, who has only seen the
workbook's 文件信息 sheet or the web page's form: they name ``报送报告·签发人``, a section as it
prints (``一、总体情况第3段``) and a table cell by its printed row and column
(``三、（七）总计（自然人）``). One mapping serves every message: the document fields' labels
(``document_fields``, shared by the workbook and the page), the statutory sections' and tables'
printed names (the table formats in ``layouts/``), and ``layouts/field_labels.yaml`` for the
rest. In English (``--lang en``) a place is the data path, as maintainers read it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from generator.i18n import Message, language, message
from generator.layout_spec import LAYOUTS_DIR, read_layout_file

LABELS_FILE = LAYOUTS_DIR / "field_labels.yaml"
FORMATS = (2021, 2019)
# a hint after a label, for the one who fills it in ("（多人以“、”分隔）"), is not part of its name
# the fields of a prose block (a paragraph, a heading): "一、总体情况第3项" names the block
_BLOCK_FIELDS = {"p", "h2", "h3", "h4", "lead", "text"}
_HINT = re.compile(r"（[^（）]*分隔）$")


def cell_name(row: str, column: str) -> Message:
    """A table cell as printed: its row and its column (三、（七）总计（自然人））."""
    return message("{row}/{column}", row=row, column=column)


def printed_name(name: str) -> Message | str:
    """A cell's name as the table specs write it (``一、本年新收/自然人``), worded as printed."""
    row, slash, column = name.rpartition("/")
    return cell_name(row, column) if slash else name


@cache
def _labels(language_name: str) -> dict[tuple[str, ...], str]:
    """The labels, with the cells' names in ``language_name`` (the language in force)."""
    from generator.checks.table_rows import table_rows
    from generator.compose.report_format import load_report_format
    from generator.compose.wording import chinese_numeral
    from generator.document_fields import DOCUMENT_FIELDS

    labels: dict[tuple[str, ...], str] = {}
    for year_format in reversed(FORMATS):          # the 2021 wording wins where the two differ
        spec = load_report_format(year_format)
        for number, (key, title) in enumerate(spec["sections"].items(), 1):
            labels[("report", key)] = f"{chinese_numeral(number)}、{title}"
        for rows in table_rows(spec["tables"]).values():
            for row in rows:
                labels[row.path] = row.name
                for key in row.keys:
                    labels[(*row.path, key)] = str(cell_name(row.name, row.key_names.get(key, key)))
    labels.update({tuple(key.split(".")): label for key, label in read_layout_file(LABELS_FILE).items()})
    labels.update({field.path: _HINT.sub("", field.label) for field in DOCUMENT_FIELDS})
    return labels


def label(location: Iterable[int | str]) -> str:
    """The clerk's name for the value at ``location`` (a data path of keys and list indexes)."""
    from generator.load.echo import shorten
    steps = tuple(shorten(str(step)) for step in location)
    if not steps:
        return str(message("the file's top level"))
    labels = _labels(language())
    for length in range(len(steps), 0, -1):
        known = labels.get(steps[:length])
        if known is None:
            continue
        rest = steps[length:]
        if rest and rest[0].isdigit():              # an item of a list: a paragraph, a name …
            field = labels.get((*steps[:length], "*", *rest[1:]))      # a field of any item ("*")
            known = str(message("{place}, item {number}", place=known, number=int(rest[0]) + 1))
            rest = (field,) if field else rest[2:] if len(rest) > 1 and rest[1] in _BLOCK_FIELDS else rest[1:]
        return "·".join((known, *rest)) if rest else known
    if len(steps) > 8:                              # a deep path elided in the middle, as field_path does
        steps = (*steps[:3], "…", *steps[-4:])
    return "·".join(steps)


@dataclass(frozen=True)
class Place:
    """A place in the data, rendered when printed: the clerk's label, or in English the data
    path (``report.overview.0.p``)."""

    location: tuple[int | str, ...]
    english: str | None = None          # the English name, when it is not the data path

    def __str__(self) -> str:
        from generator.load.echo import field_path
        if language() == "en":
            return field_path(self.location) if self.english is None else self.english
        return label(self.location)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)
