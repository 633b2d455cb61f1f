"""Reading our OFD packages in the tests: the parts, every glyph's position, and a small page
painter that draws what the parts say with Pillow (the embedded font subsets at the
TextCodes' positions, the paths, the pictures), so a page can be looked at and compared with
the PDF's rendering; no OFD renderer exists on this machine.

It reads what our writer uses: TextObject (Boundary, Size, HScale, fill colour, Stroke and
LineWidth, TextCode X/Y/DeltaX), PathObject with ``M x y L x y`` data, ImageObject.
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

from lxml import etree
from PIL import Image, ImageDraw, ImageFont

NS = {"ofd": "http://www.ofdspec.org/2016"}


def floats(text: str | None) -> list[float]:
    return [float(value) for value in (text or "").split()]


def on_page(graphic: etree._Element, x: float, y: float) -> tuple[float, float]:
    """A point of an object's own space on the page (mm): through its CTM (a turned 横排 page's
    objects have one), then from the Boundary's corner."""
    left, top = floats(graphic.get("Boundary"))[:2]
    a, b, c, d, e, f = floats(graphic.get("CTM")) or [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    return left + a * x + c * y + e, top + b * x + d * y + f


def glyphs(text_object: etree._Element) -> list[tuple[str, float, float]]:
    """Each character of a TextObject with its origin on the page (mm): the TextCode's X/Y, then
    DeltaX from glyph to glyph, in the object's space, placed on the page."""
    placed = []
    for code in text_object.iterfind("ofd:TextCode", NS):
        x, y = float(code.get("X")), float(code.get("Y"))
        for char, delta in zip(code.text, floats(code.get("DeltaX")) + [0.0]):
            placed.append((char, *on_page(text_object, x, y)))
            x += delta
    return placed


def path_points(path_object: etree._Element) -> list[tuple[float, float]]:
    """The points of a PathObject's ``M … L …`` data on the page (mm)."""
    values = [float(token) for token in path_object.findtext("ofd:AbbreviatedData", namespaces=NS).split()
              if token not in ("M", "L")]
    return [on_page(path_object, x, y) for x, y in zip(values[::2], values[1::2])]


def color(element: etree._Element | None) -> tuple[int, ...]:
    return (0, 0, 0) if element is None else tuple(int(v) for v in floats(element.get("Value")))


class OfdPackage:
    """An OFD file's parts, its first document's pages and resources."""

    def __init__(self, path: Path) -> None:
        self.zip = zipfile.ZipFile(path)
        self.document = self.xml("Doc_0/Document.xml")
        self.width, self.height = floats(self.document.findtext(".//ofd:PhysicalBox", namespaces=NS))[2:]
        self.pages = [f"Doc_0/{page.get('BaseLoc')}" for page in self.document.iterfind("ofd:Pages/ofd:Page", NS)]
        self.fonts: dict[str, bytes] = {}
        self.images: dict[str, bytes] = {}
        for location in self.document.xpath("ofd:CommonData/ofd:PublicRes|ofd:CommonData/ofd:DocumentRes",
                                            namespaces=NS):
            res = self.xml(f"Doc_0/{location.text}")
            base = f"Doc_0/{res.get('BaseLoc')}"
            for font in res.iterfind(".//ofd:Font", NS):
                self.fonts[font.get("ID")] = self.zip.read(f"{base}/{font.findtext('ofd:FontFile', namespaces=NS)}")
            for media in res.iterfind(".//ofd:MultiMedia", NS):
                self.images[media.get("ID")] = self.zip.read(f"{base}/{media.findtext('ofd:MediaFile', namespaces=NS)}")

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.zip.read(name))

    def objects(self, index: int, tag: str = "*") -> list[etree._Element]:
        """Page ``index``'s graphic objects (all, or those of one tag), in drawing order."""
        return self.xml(self.pages[index]).findall(f"ofd:Content/ofd:Layer/ofd:{tag}", NS)

    def paint(self, index: int, dpi: float) -> Image.Image:
        scale = dpi / 25.4                      # pixels per mm
        page = Image.new("RGB", (round(self.width * scale), round(self.height * scale)), "white")
        draw = ImageDraw.Draw(page)
        for element in self.objects(index):
            tag = etree.QName(element).localname
            if tag == "ImageObject":
                left, top = floats(element.get("Boundary"))[:2]
                width, _, _, height, _, _ = floats(element.get("CTM"))
                picture = Image.open(BytesIO(self.images[element.get("ResourceID")])).convert("RGBA")
                picture = picture.resize((round(width * scale), round(height * scale)))
                page.paste(picture, (round(left * scale), round(top * scale)), picture)
            elif tag == "PathObject":
                draw.line([(x * scale, y * scale) for x, y in path_points(element)],
                          width=max(1, round(float(element.get("LineWidth")) * scale)),
                          fill=color(element.find("ofd:StrokeColor", NS)))
            elif tag == "TextObject":
                self._text(page, element, scale)
        return page

    def _text(self, page: Image.Image, element: etree._Element, scale: float) -> None:
        """Each glyph drawn into a mask of its own at full width, squeezed by HScale about its
        origin, then pasted at its position in the fill colour."""
        size = float(element.get("Size")) * scale
        font = ImageFont.truetype(BytesIO(self.fonts[element.get("Font")]), size=max(1, round(size)))
        hscale = float(element.get("HScale", "1"))
        stroke = round(float(element.get("LineWidth", "0")) * scale / 2) if element.get("Stroke") == "true" else 0
        fill = Image.new("RGB", (1, 1), color(element.find("ofd:FillColor", NS)))
        box = round(size * 2)
        turned = floats(element.get("CTM"))[:1] == [0.0]    # a 横排 page's text runs up the paper
        for char, x, y in glyphs(element):
            mask = Image.new("L", (box, box), 0)
            ImageDraw.Draw(mask).text((box / 4, box * 3 / 4), char, font=font, fill=255, anchor="ls",
                                      stroke_width=stroke, stroke_fill=255)
            mask = mask.resize((max(1, round(box * hscale)), box))
            origin = (box / 4 * hscale, box * 3 / 4)
            if turned:                  # a quarter turn counterclockwise: (u, v) → (v, width − u)
                origin = (origin[1], mask.width - origin[0])
                mask = mask.rotate(90, expand=True)
            page.paste(fill.resize(mask.size), (round(x * scale - origin[0]), round(y * scale - origin[1])), mask)
