"""A clerk's draft (.txt, .md or .docx) → its lines, each with the line number a message names.

A plain-text draft is read line by line (UTF-8, as a data file is). A Markdown draft loses its
``#`` heading marks, ``**`` and list bullets, and a GFM pipe table becomes one table line. A
Word draft is read for its paragraphs and tables in order, its own formatting ignored; there a
"line" is a paragraph (or a table), counted from 1 in the order they stand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.errors import UsageError
from generator.i18n import message
from generator.load.reading import read_text

SUFFIXES = (".txt", ".md", ".docx")


@dataclass(frozen=True)
class Line:
    """One line of the draft: its number, its text without the blanks around it, whether it
    was indented (a wrapped 附件说明 item), and, for a table, its rows of cells."""

    number: int
    text: str
    indented: bool = False
    rows: tuple[tuple[str, ...], ...] | None = None
    gap: bool = False           # a blank line stands above it

    @property
    def blank(self) -> bool:
        return not self.text and self.rows is None


def read_lines(path: Path) -> list[Line]:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _docx_lines(path)
    text = read_text(path)
    if suffix == ".md":
        return _markdown_lines(text)
    return _text_lines(text.splitlines())


def _stripped(number: int, raw: str) -> Line:
    text = raw.rstrip()
    body = text.lstrip(" \t　")
    return Line(number, body.strip(), indented=bool(body) and len(body) < len(text) and "\t" not in text[:1])


INVISIBLE = str.maketrans("", "", "\u2060\u200b\ufeff")    # word joiner, zero-width space, BOM


def _line(number: int, raw: str) -> Line:
    """A draft's line, the invisible joiners a DOCX may hold ("0591-\u206023165370") taken out."""
    raw = raw.translate(INVISIBLE)
    if "\t" in raw.strip(" 　\r\n") or raw.startswith("\t") and raw.strip():
        # a table pasted from Word: cells separated by tabs (kept as a tab-separated line)
        return Line(number, raw.rstrip("\r\n "))
    return _stripped(number, raw)


def _text_lines(raws: list[str]) -> list[Line]:
    return [_line(number, raw) for number, raw in enumerate(raws, start=1)]


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_BULLET = re.compile(r"^\s*[-*+]\s+")
_MD_EMPHASIS = re.compile(r"\*\*|__")
_MD_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_MD_RULE_ROW = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _markdown_lines(text: str) -> list[Line]:
    raws = text.splitlines()
    lines: list[Line] = []
    number = 0
    while number < len(raws):
        raw = raws[number]
        if _MD_PIPE_ROW.match(raw) and number + 1 < len(raws) and _MD_RULE_ROW.match(raws[number + 1]):
            rows = [_pipe_cells(raw)]
            end = number + 2
            while end < len(raws) and _MD_PIPE_ROW.match(raws[end]):
                rows.append(_pipe_cells(raws[end]))
                end += 1
            lines.append(Line(number + 1, "", rows=tuple(rows)))
            lines += [Line(skipped + 1, "") for skipped in range(number + 1, end)]
            number = end
            continue
        raw = _MD_EMPHASIS.sub("", _MD_BULLET.sub("", _MD_HEADING.sub("", raw)))
        lines.append(_stripped(number + 1, raw.replace("\\", "")))
        number += 1
    return lines


def _pipe_cells(row: str) -> tuple[str, ...]:
    return tuple(_MD_EMPHASIS.sub("", cell).strip() for cell in row.strip().strip("|").split("|"))


def open_docx(path: Path):
    """The Word document at ``path`` (python-docx); a one-line UsageError for a file that is not one."""
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise UsageError(message("{path}: cannot read as a Word document (.docx): {reason}", path=path,
                                 reason=error.__class__.__name__)) from None


def _docx_lines(path: Path) -> list[Line]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
    document = open_docx(path)
    lines: list[Line] = []
    for number, block in enumerate(document.iter_inner_content(), start=1):
        if isinstance(block, Table):
            rows = []
            for row in block.rows:
                cells, previous = [], None
                for cell in row.cells:          # a cell merged across columns is listed again
                    same = previous is not None and cell._tc is previous
                    cells.append("" if same else "\n".join(p.text for p in cell.paragraphs).translate(INVISIBLE).strip())
                    previous = cell._tc
                rows.append(tuple(cells))
            lines.append(Line(number, "", rows=tuple(rows)))
        elif isinstance(block, Paragraph):
            # a line break inside a paragraph (Shift+Enter) starts a line of its own, same number
            for index, part in enumerate(block.text.split("\n")):
                lines.append(_line(number, (list_number(document, block) if index == 0 else "") + part))
    return lines


_QN = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHINESE_FORMATS = ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "taiwaneseCounting",
                    "chineseLegalSimplified")


def list_number(document, paragraph) -> str:
    """The number Word writes before a paragraph of an automatic list ("一、", "（一）", "1."),
    which its text lacks: its shape is what tells the heading's level (the program renumbers)."""
    num_pr = paragraph._p.find(f"{_QN}pPr/{_QN}numPr")
    if num_pr is None:
        return ""
    try:
        num_id = num_pr.find(f"{_QN}numId").get(f"{_QN}val")
        level = num_pr.find(f"{_QN}ilvl")
        level = level.get(f"{_QN}val") if level is not None else "0"
        numbering = document.part.numbering_part.element
        num = next(n for n in numbering.iterfind(f"{_QN}num") if n.get(f"{_QN}numId") == num_id)
        abstract_id = num.find(f"{_QN}abstractNumId").get(f"{_QN}val")
        abstract = next(a for a in numbering.iterfind(f"{_QN}abstractNum") if a.get(f"{_QN}abstractNumId") == abstract_id)
        lvl = next(l for l in abstract.iterfind(f"{_QN}lvl") if l.get(f"{_QN}ilvl") == level)
        fmt = lvl.find(f"{_QN}numFmt").get(f"{_QN}val")
        text = lvl.find(f"{_QN}lvlText").get(f"{_QN}val")
    except (AttributeError, StopIteration, NotImplementedError, KeyError):
        return ""
    if fmt == "bullet":
        return ""
    return re.sub(r"%\d", "一" if fmt in _CHINESE_FORMATS else "1", text)
