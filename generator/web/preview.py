"""The preview, built in the builder's worker process (``builder``): the pages as images.

A preview lays the document out (with the worker's ``TextMemo``: only the text that changed is
set again) and names each page by a digest of everything drawn on it. Only the pages the clerk
has in view are drawn, each as a PDF of that one page rendered by pdfium, and an image is kept
by its digest: a page that an edit did not change is never drawn again, and the page shows
the others when they are scrolled to (``page_image``). Downloads are built elsewhere
(``generator.web.copies``), handed over whole.
"""

from __future__ import annotations

import base64
import io
import signal
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from generator.i18n import set_language

if TYPE_CHECKING:
    from multiprocessing.sharedctypes import SynchronizedArray

    from generator.load.gongwen_model import Gongwen
    from generator.load.report_model import ReportFile
    from generator.paged_document import Page, PagedDocument

PREVIEW_SCALE = 0.75           # 54 dpi: a page 446 px wide, enough to see the layout
MAX_IN_VIEW = 4               # pages drawn with a preview's answer; the rest when scrolled to
KEPT_PAGES = 300               # pages and their images kept by digest (an image about 110 KB)


@dataclass(frozen=True)
class Pages:
    """A preview: every page's digest, in order, and the images of the pages asked for."""

    digests: tuple[str, ...]
    images: dict[int, bytes]            # page number (from 1) → PNG
    warnings: tuple[str, ...]


class _Stale(Exception):
    """A newer edit of the same file has asked for a preview."""


class _Worker:
    """What the worker process keeps from one build to the next."""

    def __init__(self, newest: SynchronizedArray) -> None:
        from generator.font_files import FontFinder
        from generator.layout.memo import TextMemo
        from generator.layout_spec import load_layout

        self.newest = newest
        self.layout, self.finder, self.memo = load_layout(), FontFinder(None), TextMemo()
        # the pages of the latest previews, by digest: a page scrolled to after a newer edit is still drawn
        self.pages: OrderedDict[str, tuple[PagedDocument, Page]] = OrderedDict()
        self.images: OrderedDict[str, bytes] = OrderedDict()

    def preview(self, slot: int, number: int, report: ReportFile | Gongwen, kind: str,
                view: tuple[int, ...]) -> Pages:
        from generator.build import composed_and_laid_out
        from generator.kinds import kind_named

        warnings: list[str] = []
        self.current(slot, number)
        _, paged = composed_and_laid_out(report, self.layout, self.finder, warnings.append, kind=kind_named(kind),
                                         memo=self.memo)
        self.current(slot, number)
        digests = tuple(_digest(page) for page in paged.pages)
        for digest, page in zip(digests, paged.pages):
            self.pages[digest] = (paged, page)
            self.pages.move_to_end(digest)
        _trim(self.pages)
        images = {n: self.image(paged, paged.pages[n - 1], digests[n - 1]) for n in view if 1 <= n <= len(digests)}
        return Pages(digests, images, tuple(str(warning) for warning in warnings))

    def current(self, slot: int, number: int) -> None:
        if self.newest[slot] != number:
            raise _Stale

    def image(self, paged: PagedDocument, page: Page, digest: str) -> bytes:
        """The page drawn: a PDF of this one page (the writer draws each page on its own), as PNG."""
        import pypdfium2

        from generator.writers.pdf import write_pdf
        if digest in self.images:
            self.images.move_to_end(digest)
            return self.images[digest]
        pdf_bytes = io.BytesIO()
        write_pdf(replace(paged, pages=(page,)), pdf_bytes)
        pdf = pypdfium2.PdfDocument(pdf_bytes.getvalue())
        try:
            png = io.BytesIO()
            pdf[0].render(scale=PREVIEW_SCALE).to_pil().save(png, "PNG", compress_level=1)   # quick, and 15% larger
        finally:
            pdf.close()
        self.images[digest] = png.getvalue()
        _trim(self.images)
        return self.images[digest]


def _trim(kept: OrderedDict) -> None:
    while len(kept) > KEPT_PAGES:
        kept.popitem(last=False)


def pages_in_view(view: str) -> tuple[int, ...]:
    """The page numbers a preview request names ("3,4"); the first page when none."""
    numbers = tuple(int(n) for n in view.split(",") if n.strip().isdigit())
    return numbers[:MAX_IN_VIEW] or (1,)


def data_url(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _digest(page: Page) -> str:
    """Everything drawn on the page, every position exact, as a hash (the page's dataclasses
    hash all their fields; a hash is the worker's own, so it is never compared across workers)."""
    return f"{hash(page) & 0xFFFF_FFFF_FFFF_FFFF:016x}"


_worker: _Worker | None = None


def start_worker(newest: SynchronizedArray) -> None:
    """In the worker process, as it starts: the newest ticket of each file, shared with the
    server. Ctrl-C at the terminal reaches the worker too; the server ends it (no traceback)."""
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker = _Worker(newest)


def warm_up() -> None:
    """Read the fonts' metrics and register them for the PDF writer before the first preview."""
    from generator.layout import FontSet
    from generator.writers.pdf import register_fonts
    fonts = FontSet(_worker.layout, _worker.finder, lambda _: None)
    register_fonts(sorted({path for _, path in fonts.setting}))


def preview_pages(language: str, slot: int, number: int, report: ReportFile | Gongwen, kind: str,
                  view: tuple[int, ...]) -> Pages | None:
    """A preview of ``report``, a document of ``kind`` (None: made stale by a newer one of its file)."""
    set_language(language)
    try:
        return _worker.preview(slot, number, report, kind, view)
    except _Stale:
        return None


def page_image(digest: str) -> bytes | None:
    """A page of a recent preview, drawn (None: not one of those kept)."""
    if digest in _worker.images:
        return _worker.images[digest]
    return _worker.image(*_worker.pages[digest], digest) if digest in _worker.pages else None
