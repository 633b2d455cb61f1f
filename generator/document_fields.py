"""The document data a clerk fills in besides prose and tables: organ, year, 发文字号, dates …

One list for the Excel workbook's 文件信息 sheet and the web page's form, keyed by the report
model's field paths, so both offer the same fields under the same labels and read them back
the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from generator.load.clerk_values import clerk_date, whole_number

YEAR_MARK = "年"             # a year as a clerk writes it in a cell: 2024年
NAME_SEPARATOR = "、"       # between the names of a list field (签发人, 抄送机关) in one cell or input


@dataclass(frozen=True)
class DocumentField:
    path: tuple[str, ...]
    label: str
    kind: Literal["text", "int", "date", "names"]

    def show(self, value: Any) -> Any:
        """The value as a cell or an input holds it (a list of names as one text)."""
        if self.kind == "names" and isinstance(value, list):
            return NAME_SEPARATOR.join(value)
        return value

    def parse(self, value: Any) -> Any:
        """A cell's or an input's value back as the data holds it; blank → None (left as it is).
        A value that is not of the kind is passed on as it is, for the model to refuse by name."""
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "":
            return None
        if self.kind == "names" and isinstance(value, str):
            return [name.strip() for name in value.split(NAME_SEPARATOR) if name.strip()]
        if self.kind == "int" and isinstance(value, float) and value.is_integer():
            return int(value)
        if self.kind == "int" and isinstance(value, str):      # "2024", "２０２４"; a year as "2024年"
            return whole_number(value.removesuffix(YEAR_MARK) if self.path[-1] == "year" else value)
        if self.kind == "date" and isinstance(value, dt.datetime):
            return value.date()
        if self.kind == "date" and isinstance(value, str):
            try:
                return clerk_date(value)
            except ValueError:
                return value
        return value


DOCUMENT_FIELDS = (
    DocumentField(("organ",), "报告机关", "text"),
    DocumentField(("year",), "报告年度", "int"),
    DocumentField(("cover", "issuer_mark"), "报送报告·发文机关标志", "text"),
    DocumentField(("cover", "doc_number", "code"), "报送报告·发文字号·机关代字", "text"),
    DocumentField(("cover", "doc_number", "year"), "报送报告·发文字号·年份", "int"),
    DocumentField(("cover", "doc_number", "serial"), "报送报告·发文字号·序号", "int"),
    DocumentField(("cover", "signers"), "报送报告·签发人（多人以“、”分隔）", "names"),
    DocumentField(("cover", "title"), "报送报告·标题", "text"),
    DocumentField(("cover", "addressee"), "报送报告·主送机关", "text"),
    DocumentField(("cover", "signature"), "报送报告·署名", "text"),
    DocumentField(("cover", "date"), "报送报告·成文日期", "date"),
    DocumentField(("cover", "note"), "报送报告·附注", "text"),
    DocumentField(("cover", "imprint", "copy_to"), "报送报告·抄送机关（以“、”分隔）", "names"),
    DocumentField(("cover", "imprint", "printer"), "报送报告·印发机关", "text"),
    DocumentField(("cover", "imprint", "print_date"), "报送报告·印发日期", "date"),
    DocumentField(("report", "title"), "年度报告·标题", "text"),
    DocumentField(("report", "signature"), "年度报告·署名", "text"),
    DocumentField(("report", "date"), "年度报告·成文日期", "date"),
    DocumentField(("report", "imprint", "copy_to"), "年度报告·抄送机关（以“、”分隔）", "names"),
    DocumentField(("report", "imprint", "printer"), "年度报告·印发机关", "text"),
    DocumentField(("report", "imprint", "print_date"), "年度报告·印发日期", "date"),
)


_MISSING = object()


def _find(data: Any, path: tuple[str, ...]) -> Any:
    node = data
    for step in path:
        if not isinstance(node, dict) or step not in node:
            return _MISSING
        node = node[step]
    return node


def lookup(data: Any, path: tuple[str, ...]) -> Any:
    """The value at ``path`` in plain data (mappings), or None where any step is missing."""
    found = _find(data, path)
    return None if found is _MISSING else found


def present(data: Any, path: tuple[str, ...]) -> bool:
    """Whether plain data lists ``path`` at all (a blank value counts; a left-out key does not)."""
    return _find(data, path) is not _MISSING
