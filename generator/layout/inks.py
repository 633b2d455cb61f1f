"""The layout's colours as the inks page items carry (as Typst's TextItem carries its fill): the
layout stage decides every item's ink once, and the writers paint what they are given."""

from __future__ import annotations

from generator.layout_spec import Layout
from generator.paged_document import Ink


def ink(layout: Layout, name: str) -> Ink:
    """The ink of the layout's colour ``name`` ("black", "red"): its CMYK for print, its RGB for
    a copy in sRGB (the PDF/A, the OFD)."""
    color = layout.colors[name]
    return Ink(color.cmyk, color.rgb)
