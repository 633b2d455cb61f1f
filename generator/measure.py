"""Text width in 字 (the width of one Chinese character), the unit GB/T 9704 measures in.

The DOCX writer places the 署名 and 成文日期 by this count, as a clerk counts 字 (the PDF
writer measures the real glyphs). Wide and ambiguous East Asian characters (Chinese,
full-width punctuation, “”) count 1; digits and Latin letters count ½.
"""

from __future__ import annotations

import unicodedata


def is_full_width(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("F", "W", "A")


def width_in_chars(text: str) -> float:
    return sum(1.0 if is_full_width(c) else 0.5 for c in text)
