"""The office's seal scan, given with ``--seal``: checked once, before anything is built.

No seal art ships with the program; an office presses its own seal by giving its scan. A scan
that cannot be read, is not cropped to the seal (not about square), or is far larger than a
seal needs is refused with one line, exit code 2.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import UsageError
from generator.i18n import message

MAX_BYTES = 10 * 1024 * 1024
MAX_SIDE_PX = 6000           # 45 mm at 3,000 dpi
SQUARE_TOLERANCE = 0.1       # width and height may differ by a tenth


def check_seal_image(path: Path) -> Path:
    """``path`` resolved, if it holds a usable seal scan."""
    from PIL import Image, UnidentifiedImageError

    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UsageError(message("{path}: the seal image is {size} MB; at most {most} MB is accepted", path=path,
                                     size=size // 1024 // 1024, most=MAX_BYTES // 1024 // 1024))
        with Image.open(path) as image:
            width, height = image.size
            image.verify()
    except FileNotFoundError:
        raise UsageError(message("{path}: no such seal image", path=path)) from None
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError):
        raise UsageError(message("{path}: cannot read the seal image (PNG or JPEG expected)", path=path)) from None
    if max(width, height) > MAX_SIDE_PX:
        raise UsageError(message("{path}: the seal image is {width}×{height} pixels; at most {most} a side", path=path,
                                 width=width, height=height, most=MAX_SIDE_PX))
    if abs(width - height) > SQUARE_TOLERANCE * max(width, height):
        raise UsageError(message("{path}: the seal image is {width}×{height} pixels; crop it to the seal, about square",
                                 path=path, width=width, height=height))
    return path.resolve()
