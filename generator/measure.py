"""Text width in 字 (the width of one Chinese character), the unit GB/T 9704 measures in.

Compose breaks titles by this count, before any font is chosen (the layout stage measures the
real glyphs, with the same auto-space). Wide and ambiguous East Asian characters (Chinese,
full-width punctuation, “”) count 1; digits and Latin letters count ½.
"""

from __future__ import annotations

import unicodedata


def is_full_width(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("F", "W", "A")


def width_in_chars(text: str, autospace_em: float = 0.0) -> float:
    """Width in 字, with ``autospace_em`` at every boundary between a Chinese character and a
    digit or Latin letter (the space Word, LibreOffice and our PDF put there)."""
    width = sum(1.0 if is_full_width(c) else 0.5 for c in text)
    boundaries = sum(1 for a, b in zip(text, text[1:])
                     if (is_ideograph(a) and _alnum(b)) or (_alnum(a) and is_ideograph(b)))
    return width + boundaries * autospace_em


def _alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def is_ideograph(char: str) -> bool:
    """A Chinese character proper (CJK unified ideographs, extensions, compatibility), not
    punctuation: the characters Word and LibreOffice space off from digits and Latin letters."""
    code = ord(char)
    return (0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF
            or 0x20000 <= code <= 0x3FFFF)
