"""What every reader of a published report gives: its paragraphs and tables in reading order,
each with the place a message names (the page of a PDF, the paragraph or table of a page)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_BLANKS = re.compile(r"[\s\u00a0\u3000\u2060\u200b\ufeff]+")


@dataclass(frozen=True)
class Block:
    """A paragraph (``text``) or a table (``rows``: each row's cells as printed, a cell spanning
    several columns or rows given once, where it starts)."""

    where: str                                          # 第2页, 第14段, 表2: as the user finds it
    text: str = ""
    rows: tuple[tuple[str, ...], ...] | None = None
    page: int | None = None                             # a PDF's page

    @property
    def is_table(self) -> bool:
        return self.rows is not None


def clean(text: str) -> str:
    """A paragraph's text: runs of blanks as one space, none at either end, none between two
    Chinese characters (a line break of the source, a &nbsp; of the portal's editor)."""
    text = _BLANKS.sub(" ", text).strip()
    return re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", text)


def compact(text: str) -> str:
    """A label or a figure without any blank and in half-width forms (NFKC), for comparison:
    "社会 公益 组织" and "社会公益组织", "１．" and "1."."""
    return _BLANKS.sub("", unicodedata.normalize("NFKC", text))


TABLE_WORDS = ("第二十条", "申请人情况", "行政复议")     # each statutory table has one of them


def statutory(text: str) -> bool:
    """Whether a table's text is that of a statutory table."""
    words = compact(text)
    return any(word in words for word in TABLE_WORDS)
