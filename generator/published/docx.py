"""A report published as a Word document (made by this program, by Word or by WPS): its body's
paragraphs and tables in order. A table row gives each cell once (a cell merged across columns
or down rows is where it starts); the number Word's automatic lists print before a paragraph is
put back, since it tells a heading's level. Headers, footers and text boxes are no part of it."""

from __future__ import annotations

from pathlib import Path

from generator.draft.reading import INVISIBLE, list_number, open_docx
from generator.i18n import message
from generator.published.blocks import Block

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _cell_text(tc) -> str:
    return "".join("".join(t.text or "" for t in p.iter(f"{_W}t")) for p in tc.iter(f"{_W}p")).translate(INVISIBLE)


def _rows(table) -> tuple[tuple[str, ...], ...]:
    rows = []
    for tr in table._tbl.tr_lst:
        cells = []
        for tc in tr.tc_lst:
            merge = tc.find(f"{_W}tcPr/{_W}vMerge")
            if merge is not None and merge.get(f"{_W}val", "continue") == "continue":
                continue                                    # the lower part of a cell merged down rows
            cells.append(_cell_text(tc).strip())
        rows.append(tuple(cells))
    return tuple(rows)


def docx_blocks(path: Path) -> list[Block]:
    from docx.table import Table
    document = open_docx(path)
    blocks: list[Block] = []
    paragraphs = tables = 0
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            tables += 1
            blocks.append(Block(str(message("table {number}", number=tables)), rows=_rows(item)))
            continue
        text = (list_number(document, item) + item.text).translate(INVISIBLE)
        for line in text.split("\n"):                   # a line break inside a paragraph starts a line
            if line.strip():
                paragraphs += 1
                blocks.append(Block(str(message("paragraph {number}", number=paragraphs)), text=line.strip()))
    return blocks
