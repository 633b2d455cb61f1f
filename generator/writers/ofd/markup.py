"""What every OFD part shares: the namespace, element building, lengths in mm and numbers.

OFD measures in millimetres with y down the page, as the paged document does in points, so
a length converts by one factor and no coordinate flips. Numbers are written with three
decimals (1 µm) at most, which keeps the parts short and their bytes stable.
"""

from __future__ import annotations

from lxml import etree

from generator.layout_spec import MM_PER_PT

NAMESPACE = "http://www.ofdspec.org/2016"
PLACES = 3


def root(tag: str, **attributes: str) -> etree._Element:
    """The root element of a part, declaring the ``ofd`` prefix readers expect."""
    return etree.Element(_qualified(tag), attributes, nsmap={"ofd": NAMESPACE})


def child(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    """A sub-element in the OFD namespace; attributes in the order given."""
    element = etree.SubElement(parent, _qualified(tag), attributes)
    element.text = text
    return element


def serialize(element: etree._Element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8")


def mm(points: float) -> float:
    return points * MM_PER_PT


def number(value: float, places: int = PLACES) -> str:
    """``value`` rounded (a length in mm to 1 µm), without trailing zeros (``210``, ``5.292``)."""
    text = f"{value:.{places}f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def numbers(*values: float) -> str:
    """An ST_Array, ST_Pos or ST_Box: numbers separated by spaces."""
    return " ".join(number(value) for value in values)


def _qualified(tag: str) -> str:
    return f"{{{NAMESPACE}}}{tag}"
