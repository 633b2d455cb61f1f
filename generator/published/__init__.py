"""A published annual report (a portal's web page, a DOCX or a text PDF) read back into data.

Each source kind has a reader of its own that turns the file into ``Block``s, paragraphs and
tables in reading order (generator.published.html, .docx, .pdf); generator.published.structure
finds the title, the sections, the prose and the ending in them, generator.published.tables reads
the three statutory tables by their labels, and generator.published.data_file writes the result
as a data file with every guess listed on top. ``gongwen import`` and ``gongwen audit`` use it.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import UsageError
from generator.i18n import message
from generator.published.blocks import Block
from generator.published.structure import Published, read_blocks

SUFFIXES = (".html", ".htm", ".pdf", ".docx")
MAX_BYTES = 50 * 1024 * 1024        # a published report is at most a few MB; a scanned one more


def is_published(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def read_published(path: Path) -> Published:
    """The report in ``path``, as data; UsageError (one line) for a file that cannot be read."""
    if not path.is_file():
        raise UsageError(message("{path}: no such file", path=path))
    if path.stat().st_size > MAX_BYTES:
        raise UsageError(message("{path}: larger than {size} bytes; is this the published report?", path=path,
                                 size=f"{MAX_BYTES:,}"))
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        from generator.published.html import html_blocks
        title, blocks = html_blocks(path)
    elif suffix == ".docx":
        from generator.published.docx import docx_blocks
        title, blocks = None, docx_blocks(path)
    elif suffix == ".pdf":
        from generator.published.pdf import pdf_blocks
        title, blocks = None, pdf_blocks(path)
    else:
        raise UsageError(message("{path}: a published report is a web page (.html), a PDF or a Word document (.docx)",
                                 path=path))
    return read_blocks(str(path), blocks, title)


__all__ = ["SUFFIXES", "Block", "Published", "is_published", "read_published"]
