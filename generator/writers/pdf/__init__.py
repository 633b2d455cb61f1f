"""PDF writer: paged document → print-ready PDF (reportlab's canvas), fonts embedded as subsets.

A thin serialiser: every glyph, rule and page decision comes from the layout stage. Each text
line is marked with its ActualText, so extraction (pdftotext, copy and paste) gives back the
characters as written, without spaces for the justification and auto-space gaps.
"""

from __future__ import annotations

import calendar
import time
from pathlib import Path
from typing import BinaryIO, Literal

from reportlab import rl_config
from reportlab.lib.colors import CMYKColor, Color, HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from generator.document_model import Meta
from generator.paged_document import GlyphRun, Group, Image, Ink, Item, PagedDocument, Rule, TextLine

__all__ = ["write_pdf", "register_fonts"]

LINE_CAPS = {"butt": 0, "square": 2}
SAME_SPACING = 1e-6

ColorSpace = Literal["cmyk", "rgb"]

# Streams are compressed binary, not also ASCII85-encoded (a quarter larger, for 7-bit mail
# transports nobody uses); the setting is reportlab's own, for the whole process.
rl_config.useA85 = 0


def _registered(path: Path) -> str:
    """Register a font file once per process under its path (two folders may hold files of the
    same name); the PDF names the subset after the font's own PostScript name. The subsets hold
    only the glyphs drawn (asciiReadable off: no 96 ASCII glyphs kept in every subset)."""
    name = str(path)
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, name, asciiReadable=0))
    return name


def register_fonts(paths: list[Path]) -> None:
    """Read font files now (a batch does, before its workers start)."""
    for path in paths:
        _registered(path)


def _begin_actual_text(text: PDFTextObject, actual: str) -> None:
    """BDC with /ActualText: reportlab has no API for marked content, so the operator goes into
    the text object's content stream directly."""
    text._code.append(f"/Span <</ActualText <FEFF{actual.encode('utf-16-be').hex().upper()}>>> BDC")


def _end_marked_content(text: PDFTextObject) -> None:
    text._code.append("EMC")


class _Painter:
    def __init__(self, canvas: Canvas, paged: PagedDocument, space: ColorSpace) -> None:
        self.canvas, self.height, self.space = canvas, paged.height, space
        self.fonts = {key: _registered(path) for key, path in paged.fonts.items()}
        self._paints: dict[Ink, Color] = {}

    def paint(self, ink: Ink) -> Color:
        """The item's CMYK ink for the print shop, or its RGB value for a copy whose output
        intent is sRGB (the PDF/A archive copy: one colour family, matching the intent)."""
        if ink not in self._paints:
            self._paints[ink] = CMYKColor(*ink.cmyk) if self.space == "cmyk" else HexColor(f"#{ink.rgb}")
        return self._paints[ink]

    def line(self, line: TextLine) -> None:
        canvas = self.canvas
        strokes = [run.stroke for run in line.runs if run.stroke]
        if strokes:
            canvas.setLineWidth(max(strokes))
        text = canvas.beginText()
        _begin_actual_text(text, line.text)
        scale = None
        for run in line.runs:
            if run.scale != scale:          # Tz persists across text objects: set it on every line
                scale = run.scale
                text.setHorizScale(scale * 100)
            self._run(text, run)
        _end_marked_content(text)
        canvas.drawText(text)

    def _run(self, text: PDFTextObject, run: GlyphRun) -> None:
        font = self.fonts[run.font]
        text.setFont(font, run.size)
        color = self.paint(run.color)
        text.setFillColor(color)
        if run.stroke:
            text.setStrokeColor(color)
            text.setTextRenderMode(2)
        else:
            text.setTextRenderMode(0)
        # Glyphs whose advances exceed their natural widths by the same amount share one
        # character spacing (Tc), so a justified line takes a few text operations, not one per
        # glyph. Each piece starts at its own text matrix, and so does each piece of a 256-glyph
        # subset: pdfminer drops the Tc after a string's last glyph, so only positions set
        # explicitly read back exactly.
        spacing = [advance / run.scale - pdfmetrics.stringWidth(char, font, run.size)
                   for char, advance in zip(run.text, run.advances)]
        subsets = [subset for subset, encoded in pdfmetrics.getFont(font).splitString(run.text, self.canvas._doc)
                   for _ in encoded]
        x, start = run.x, 0
        for end in range(1, len(run.text) + 1):
            if end < len(run.text) and subsets[end] == subsets[start] and \
                    abs(spacing[end] - spacing[start]) < SAME_SPACING:
                continue
            text.setTextOrigin(x, self.height - run.baseline)
            text.setCharSpace(spacing[start])
            text.textOut(run.text[start:end])
            x += sum(run.advances[start:end])
            start = end

    def rule(self, rule: Rule) -> None:
        canvas = self.canvas
        canvas.setStrokeColor(self.paint(rule.color))
        canvas.setLineWidth(rule.width)
        canvas.setLineCap(LINE_CAPS[rule.cap])
        canvas.line(rule.x0, self.height - rule.y0, rule.x1, self.height - rule.y1)

    def items(self, items: tuple[Item, ...]) -> None:
        for item in items:              # pictures first, so a seal lies under the text
            if isinstance(item, Image):
                self.image(item)
        for item in items:
            if isinstance(item, TextLine):
                self.line(item)
            elif isinstance(item, Rule):
                self.rule(item)
            elif isinstance(item, Group):
                self.group(item)

    def group(self, group: Group) -> None:
        """A group's items drawn as on a page of their own, the canvas moved by its transform.
        The painter flips y about the page height, so the transform (y down) is conjugated by
        that flip: the frame's (X, H − Y) lands at the page's (x, H − y)."""
        a, b, c, d, e, f = group.transform
        height = self.height
        self.canvas.saveState()
        self.canvas.transform(a, -b, -c, d, c * height + e, height - d * height - f)
        self.items(group.items)
        self.canvas.restoreState()

    def image(self, image: Image) -> None:
        self.canvas.drawImage(_opaque(image.path), image.x, self.height - image.y - image.height,
                              image.width, image.height)


def _opaque(path: Path) -> ImageReader:
    """The picture on white, without an alpha channel: it is drawn under the text, so nothing
    shows through it, and PDF/A-1 allows no transparency."""
    from PIL import Image as PILImage

    with PILImage.open(path) as picture:
        picture.load()
        if picture.mode in ("RGBA", "LA", "P"):
            rgba = picture.convert("RGBA")
            flat = PILImage.new("RGB", rgba.size, "white")
            flat.paste(rgba, mask=rgba.getchannel("A"))
            return ImageReader(flat)
        return ImageReader(picture.convert("RGB"))


def _stamp_creation_date(canvas: Canvas, meta: Meta) -> None:
    """The creation date comes from the data, not the clock: same data, same bytes."""
    stamp = canvas._doc._timeStamp
    stamp.t = calendar.timegm(meta.created.timetuple())
    stamp.lt = time.gmtime(stamp.t)
    stamp.YMDhms = tuple(stamp.lt)[:6]


def write_pdf(paged: PagedDocument, target: Path | BinaryIO, colors: ColorSpace = "cmyk") -> None:
    """Write the PDF to ``target`` (a path or a binary file object), every colour painted in
    ``colors``: CMYK for the print PDF, RGB for the archive copy (generator.writers.pdf.archive)."""
    meta = paged.meta
    first_font = _registered(next(iter(paged.fonts.values())))
    canvas = Canvas(str(target) if isinstance(target, Path) else target, pagesize=(paged.width, paged.height),
                    invariant=1, pageCompression=1, initialFontName=first_font)
    canvas.setTitle(meta.title)
    canvas.setAuthor(meta.author)
    canvas.setSubject(meta.subject)
    canvas.setKeywords(", ".join(meta.keywords))
    canvas.setCreator("gongwen")
    canvas.setProducer("gongwen (reportlab)")
    _stamp_creation_date(canvas, meta)
    painter = _Painter(canvas, paged, colors)
    for page in paged.pages:
        painter.items(page.items)
        canvas.showPage()
    canvas.save()
