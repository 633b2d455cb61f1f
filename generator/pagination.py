"""Page decisions made once, by the PDF layout, and followed by every writer.

Where a part's 版记 lands (on the last page of text, or on a page of its own, even after an
inserted blank page) depends on how the text breaks into pages; the PDF layout knows, so it
records the decision here and the DOCX writer reproduces it instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ImprintPlacement:
    own_page: bool            # the 版记's page holds no body text, so it carries no page number
    blank_pages_before: int   # empty pages put in before it so that it lands on an even page
    space_above_pt: float     # free space between the last text and the 版记's first rule
