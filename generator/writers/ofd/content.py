"""One page's Content.xml: glyph runs as TextObjects, rules as PathObjects, pictures as
ImageObjects, all in one body layer.

Each object's Boundary is its box on the page and its own coordinates start at the Boundary's
top-left corner; a reader may clip an object to its Boundary, so the box holds all the ink:
a text object's box is its font's glyph box around the run, grown by half the stroke of a
synthetic bold, a rule's box is the line grown by half its width (a square cap reaches that
far). Pictures come first, so a seal lies under the text as in the PDF. A group's objects (a
横排 page's turned content) keep their boxes' own coordinates: each object's Boundary is its turned
box on the page and its CTM turns the object into it.
"""

from __future__ import annotations

from lxml import etree

from generator.paged_document import GlyphRun, Group, Image, Ink, Item, Page, Rule, TextLine, Transform
from generator.writers.ofd.markup import PLACES, child, mm, number, numbers, root, serialize
from generator.writers.ofd.resources import Ids, Resources

CAPS = {"butt": "Butt", "square": "Square"}
SCALE_PLACES = 6                        # HScale is a ratio: 1 µm of a 36 pt glyph is 1e-4 of it


class PageContent:
    """Writes the pages of one document against its resources and ID counter."""

    def __init__(self, resources: Resources, ids: Ids) -> None:
        self.resources, self.ids = resources, ids

    def content(self, page: Page) -> bytes:
        element = root("Page")
        layer = child(child(element, "Content"), "Layer", ID=str(self.ids.next()), Type="Body")
        self._items(layer, page.items, IDENTITY)
        return serialize(element)

    def _items(self, layer: etree._Element, items: tuple[Item, ...], frame: Transform) -> None:
        for item in items:
            if isinstance(item, Image):
                self._image(layer, item, frame)
        for item in items:
            if isinstance(item, TextLine):
                for run in item.runs:
                    self._text(layer, run, frame)
            elif isinstance(item, Rule):
                self._rule(layer, item, frame)
            elif isinstance(item, Group):
                self._items(layer, item.items, _then(item.transform, frame))

    def _text(self, layer: etree._Element, run: GlyphRun, frame: Transform) -> None:
        font_id, font = self.resources.fonts[run.font]
        x_min, y_min, x_max, y_max = font.ink
        stroke = run.stroke
        em_width = run.size * run.scale
        left = run.x + min(x_min, 0.0) * em_width - stroke / 2
        top = run.baseline - y_max * run.size - stroke / 2
        right = run.x + sum(run.advances[:-1]) + max(x_max * em_width, run.advances[-1]) + stroke / 2
        bottom = run.baseline - y_min * run.size + stroke / 2
        attributes = {"ID": str(self.ids.next()), **_placed((left, top, right, bottom), frame),
                      "Font": str(font_id), "Size": number(mm(run.size))}
        if stroke:                      # synthetic bold, as in the PDF: the outline stroked as well
            attributes.update(LineWidth=number(mm(stroke)), Stroke="true")
        if run.scale != 1.0:
            attributes["HScale"] = number(run.scale, SCALE_PLACES)
        text = child(layer, "TextObject", **attributes)
        self._color(text, "FillColor", run.color)
        if stroke:
            self._color(text, "StrokeColor", run.color)
        child(text, "TextCode", run.text, X=number(mm(run.x - left)), Y=number(mm(run.baseline - top)),
              **({"DeltaX": _deltas(run.advances)} if len(run.text) > 1 else {}))

    def _rule(self, layer: etree._Element, rule: Rule, frame: Transform) -> None:
        half = rule.width / 2
        left, top = min(rule.x0, rule.x1) - half, min(rule.y0, rule.y1) - half
        right, bottom = max(rule.x0, rule.x1) + half, max(rule.y0, rule.y1) + half
        path = child(layer, "PathObject", ID=str(self.ids.next()), **_placed((left, top, right, bottom), frame),
                     LineWidth=number(mm(rule.width)), Cap=CAPS[rule.cap])
        self._color(path, "StrokeColor", rule.color)
        start, end = (mm(rule.x0 - left), mm(rule.y0 - top)), (mm(rule.x1 - left), mm(rule.y1 - top))
        child(path, "AbbreviatedData", f"M {numbers(*start)} L {numbers(*end)}")

    def _image(self, layer: etree._Element, image: Image, frame: Transform) -> None:
        """A picture fills the unit square of its object space; the CTM stretches that square
        over the Boundary."""
        box = (image.x, image.y, image.x + image.width, image.y + image.height)
        child(layer, "ImageObject", ID=str(self.ids.next()),
              **_placed(box, frame, (mm(image.width), 0.0, 0.0, mm(image.height), 0.0, 0.0)),
              ResourceID=str(self.resources.images[image.path]))

    def _color(self, parent: etree._Element, tag: str, ink: Ink) -> None:
        """An item's ink in the document's one RGB colour space."""
        value = " ".join(str(int(ink.rgb[i:i + 2], 16)) for i in (0, 2, 4))
        child(parent, tag, Value=value, ColorSpace=str(self.resources.color_space))


IDENTITY: Transform = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _then(inner: Transform, outer: Transform) -> Transform:
    """``inner`` followed by ``outer``: x = a·X + c·Y + e, y = b·X + d·Y + f, as OFD's CTM."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (A * a + C * b, B * a + D * b, A * c + C * d, B * c + D * d, A * e + C * f + E, B * e + D * f + F)


def _placed(box: tuple[float, float, float, float], frame: Transform,
            inner: Transform = IDENTITY) -> dict[str, str]:
    """Boundary and CTM of an object whose box (pt, in ``frame``'s coordinates) is given and whose
    own space maps into the box's top-left corner by ``inner`` (mm): the box turned by the frame
    is its Boundary on the page, and the CTM carries the object there."""
    left, top, right, bottom = box
    if frame == IDENTITY:
        attributes = {"Boundary": numbers(mm(left), mm(top), mm(right - left), mm(bottom - top))}
        return attributes | ({"CTM": numbers(*inner)} if inner != IDENTITY else {})
    a, b, c, d, e, f = frame
    corners = [(a * x + c * y + e, b * x + d * y + f) for x in (left, right) for y in (top, bottom)]
    x0, y0 = min(x for x, _ in corners), min(y for _, y in corners)
    x1, y1 = max(x for x, _ in corners), max(y for _, y in corners)
    # object (mm) → box corner (mm) → frame → page (mm) → the Boundary's corner
    to_box = (1.0, 0.0, 0.0, 1.0, mm(left), mm(top))
    to_page = (a, b, c, d, mm(e), mm(f))
    to_boundary = (1.0, 0.0, 0.0, 1.0, -mm(x0), -mm(y0))
    ctm = _then(_then(_then(inner, to_box), to_page), to_boundary)
    return {"Boundary": numbers(mm(x0), mm(y0), mm(x1 - x0), mm(y1 - y0)), "CTM": numbers(*ctm)}


def _deltas(advances: tuple[float, ...]) -> str:
    """DeltaX between the glyphs, taken from rounded offsets from the run's start, so rounding
    never adds up along a line."""
    offsets, total = [0.0], 0.0
    for advance in advances[:-1]:
        total += advance
        offsets.append(round(mm(total), PLACES))
    return numbers(*(b - a for a, b in zip(offsets, offsets[1:])))
