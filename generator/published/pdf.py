"""A report published as a text PDF (made by this program, by LibreOffice, by WPS or Word).

Tables are found by their ruling lines (pdfplumber) and read cell by cell; the text outside them
is read line by line, each line's characters as the PDF holds them (no spaces guessed from the
gaps of justified text). Lines become paragraphs as a reader sees them: a paragraph starts on an
indented or centred line, or after a line that stops short of the right margin; a paragraph
broken by a page goes on. Page numbers (— 1 —) are left out. A PDF without text is a scan.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from statistics import median

from generator.draft import rules
from generator.errors import UsageError
from generator.i18n import message
from generator.published.blocks import Block, clean

INDENT = 0.8                    # characters: a line starting this far right of the margin starts a paragraph
SHORT = 1.5                     # characters: a line ending this far left of the margin ends its paragraph


@dataclass
class _Line:
    page: int
    text: str
    x0: float
    x1: float
    size: float


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _page_items(page, number: int) -> list[tuple[float, _Line | Block]]:
    """The page's lines outside its tables and its tables, each with its top."""
    found = page.find_tables()
    boxes = [table.bbox for table in found]
    items: list[tuple[float, _Line | Block]] = []
    for index, table in enumerate(found, start=1):
        # a cell's lines joined as they were typed; a space only where the PDF has one
        rows = tuple(tuple(cell.replace("\n", "").strip() for cell in row if cell is not None)
                     for row in table.extract(x_tolerance=1))
        items.append((table.bbox[1], Block(str(message("page {number}", number=number)), rows=rows, page=number)))
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    for line in outside.extract_text_lines(x_tolerance=1, return_chars=True):
        chars = line["chars"]
        text = "".join(char["text"] for char in chars).strip()
        if text and not rules.page_number(text):
            items.append((line["top"], _Line(number, text, line["x0"], line["x1"],
                                             median(char["size"] for char in chars))))
    return sorted(items, key=lambda item: item[0])


def _paragraphs(items: list[_Line | Block]) -> list[Block]:
    lines = [item for item in items if isinstance(item, _Line)]
    if not lines:
        return [item for item in items if isinstance(item, Block)]
    margin = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    blocks: list[Block] = []
    current: list[_Line] = []

    def close() -> None:
        if current:
            where = str(message("page {number}", number=current[0].page))
            blocks.append(Block(where, text=clean("".join(line.text for line in current)), page=current[0].page))
            current.clear()

    for item in items:
        if isinstance(item, Block):
            close()
            blocks.append(item)
            continue
        starts = item.x0 > margin + INDENT * item.size
        if current and (starts or current[-1].x1 < right - SHORT * current[-1].size):
            close()
        current.append(item)
    close()
    return blocks


def pdf_blocks(path: Path) -> list[Block]:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException
    try:
        with pdfplumber.open(str(path)) as pdf:
            pages = len(pdf.pages)
            if not any(page.chars for page in pdf.pages):
                raise UsageError(message("{path}: a scanned PDF: its {pages} page(s) hold images and no text, and "
                                         "reading scans (OCR) is not done; ask for the report as a text PDF, a Word "
                                         "document or its web page", path=path, pages=pages))
            items = [item for number, page in enumerate(pdf.pages, start=1) for _, item in _page_items(page, number)]
    except UsageError:
        raise
    except (PdfminerException, PDFSyntaxError, ValueError, KeyError, TypeError, OSError) as error:
        raise UsageError(message("{path}: cannot read as PDF ({error})", path=path,
                                 error=error.__class__.__name__)) from None
    return _paragraphs(items)
