"""The format-neutral document model: what compose produces and every writer consumes.

It knows the parts of a 公文 (版头, title, headings with levels, tables with spans, 署名,
版记…) but nothing of report data, DOCX or PDF. Text is final: numbers, colons and brackets
are already in place, so writers only place and style it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, Union


@dataclass(frozen=True)
class Run:
    """A stretch of text in one role (``None`` = the block's own role)."""

    text: str
    role: str | None = None


@dataclass(frozen=True)
class Flag:
    """One of 份号, 密级和保密期限 and 紧急程度, stacked flush left from the 版心's first line (§7.2.1–7.2.3)."""

    text: str
    role: Literal["copy_number", "secrecy", "urgency"]


@dataclass(frozen=True)
class Masthead:
    """版头: 发文机关标志, 发文字号, and for upward documents the 签发人 line. A 联合行文's mark
    stacks its organs' names (``joint``, the lead organ first) with ``mark_word`` ("文件") beside
    them, centred on them (§7.2.4)."""

    issuer_mark: str                    # the mark on one line ("" when ``joint`` stacks it)
    doc_number: str
    signer_label: str | None = None     # "签发人：" for upward documents, None for downward ones
    signer_names: tuple[str, ...] = ()  # rows of names, two a row (§7.2.6), or blank room for a name by hand
    joint: tuple[str, ...] = ()
    mark_word: str = ""
    flags: tuple[Flag, ...] = ()
    letter: bool = False                # 信函格式 (§10.1): the mark 30 mm from the paper's top, red double lines
    order_number: str | None = None     # 命令（令）格式 (§10.2): the 令号 under the mark, no 发文字号, no rule


@dataclass(frozen=True)
class Title:
    """标题, already broken into balanced lines (both writers print these lines as they are)."""

    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "".join(self.lines)


@dataclass(frozen=True)
class Addressee:
    """主送机关, ending with "：", flush left."""

    text: str


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph, first line indented two characters."""

    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Heading:
    """A numbered heading; it may run on into ``run_in`` text (body role) in the same paragraph.
    ``keep_with_next``: on the same page as the first line of what follows."""

    level: int
    number: str
    text: str
    run_in: str | None = None
    keep_with_next: bool = False


@dataclass(frozen=True)
class Cell:
    """One table cell; spans are in grid columns/rows, covered grid slots are simply absent."""

    text: str
    kind: Literal["header", "label", "number"]
    row_span: int = 1
    col_span: int = 1


@dataclass(frozen=True)
class Table:
    """A table on a grid of ``len(widths)`` columns; ``header_rows`` repeat on a page break."""

    widths: tuple[float, ...]
    rows: tuple[tuple[Cell, ...], ...]
    header_rows: int = 0


@dataclass(frozen=True)
class Signature:
    """署名 and 成文日期 (§7.3.5); ``seal`` leaves room for a seal (date 右空四字). A published
    report may print only one of them (None: not printed; the other keeps its place).
    ``joint``: the other organs of a 联合行文, each on its own line below the lead organ's."""

    organ: str | None
    date: str | None
    seal: bool = False
    keep_with_next: bool = False        # the 附注 that follows stays on the date's page
    joint: tuple[str, ...] = ()


@dataclass(frozen=True)
class SignerSeal:
    """The 签发人签名章 (§7.3.5.3): room for the stamp 右空四字, the 签发人职务 左空二字 beside it,
    the 成文日期 空一行 below."""

    title: str
    date: str | None


@dataclass(frozen=True)
class AttachmentNote:
    """附件说明 (§7.3.4): ``label`` ("附件：") then the names, each after its number ("1.", or
    none for a single attachment); a wrapped name aligns under the first character of the name."""

    label: str
    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Attendance:
    """A 纪要's 出席, 请假 and 列席 lines (§10.3): each label ("出席：") then the names, wrapped
    names aligned after the colon."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class AttachmentHead:
    """An attachment's first lines (§8), on a new page: ``label`` ("附件1") flush left on line 1,
    its title centred from line 3. A ``landscape`` (横排) attachment is set with the sheet turned
    a quarter, its pages' tops toward the paper's left edge (§8)."""

    label: str
    title: Title
    landscape: bool = False


@dataclass(frozen=True)
class Note:
    """附注, already in brackets: （此件主动公开）."""

    text: str


@dataclass(frozen=True)
class CopyTo:
    """抄送 line of the 版记: its label, and the names that wrap aligned after the label."""

    label: str
    names: str

    @property
    def text(self) -> str:
        return self.label + self.names


@dataclass(frozen=True)
class Imprint:
    """版记 at the bottom of a part's last (even) page; a letter's (§10.1) has only its 抄送,
    without the 印发 line and rules (``printer`` None), on its last page, odd or even."""

    printer: str | None
    print_date: str | None
    copy_to: CopyTo | None = None


Block = Union[Title, Addressee, Paragraph, Heading, Table, Signature, Note, AttachmentNote, AttachmentHead, Attendance,
              SignerSeal]


@dataclass(frozen=True)
class Part:
    """One 公文 in the file: starts on a new odd page, numbers its pages from 1, ends with its 版记
    (on an even page), or without one (a published report) on its last page of text."""

    blocks: tuple[Block, ...]
    imprint: Imprint | None
    masthead: Masthead | None = None
    kind: Literal["cover", "report", "document"] = "report"     # the 报送报告, the annual report, any other 公文


@dataclass(frozen=True)
class Meta:
    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    created: dt.datetime


@dataclass(frozen=True)
class Document:
    meta: Meta
    parts: tuple[Part, ...] = field(default_factory=tuple)
