"""The metrics of one font file (advance widths, em box), read with fontTools once and cached.

A CJK font holds tens of thousands of glyphs; reading its cmap and widths takes a tenth of a
second, every build. The few numbers the layout needs are therefore kept in a small cache file
per font (in $XDG_CACHE_HOME/gongwen/font-metrics), keyed by the font file's path, size and
time, so a build reads them in a millisecond. The cache is only a copy: when it cannot be read
or written the font itself is read, and the numbers are the same.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from array import array
from functools import lru_cache
from pathlib import Path

from generator.errors import OutputError
from generator.output_files import write_atomically

CACHE_VERSION = 1


class FontMetrics:
    """Advance widths (in 1/1000 em) per character, and the em box of one font file."""

    def __init__(self, widths: dict[int, float], default_width: float, em_ascent: float) -> None:
        self.widths, self.default_width, self.em_ascent = widths, default_width, em_ascent

    def width(self, char: str) -> float:
        return self.widths.get(ord(char), self.default_width)

    @classmethod
    def read(cls, path: Path) -> FontMetrics:
        from fontTools.ttLib import TTFont

        font = TTFont(str(path), lazy=True)
        scale = 1000 / font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        glyphs = font.getGlyphOrder()
        widths = {code: metrics[name][0] * scale for code, name in font.getBestCmap().items() if name != glyphs[0]}
        for a, b in ((0x20, 0xA0), (0xA0, 0x20)):       # the no-break space draws as a space
            if a in widths:
                widths.setdefault(b, widths[a])
        os2 = font["OS/2"] if "OS/2" in font else None
        descent = os2.sTypoDescender if os2 is not None else font["head"].yMin
        font.close()
        # A PDF reader takes the em box as `size` tall from the descent below the baseline
        # (pdfminer does); text is placed by that box, so measured positions agree.
        return cls(widths, metrics[glyphs[0]][0] * scale, 1 + descent * scale / 1000)

    def dumps(self) -> bytes:
        codes = array("I", self.widths.keys())
        widths = array("d", self.widths.values())
        return marshal.dumps((CACHE_VERSION, self.default_width, self.em_ascent, codes.tobytes(), widths.tobytes()))

    @classmethod
    def loads(cls, data: bytes) -> FontMetrics:
        version, default_width, em_ascent, codes, widths = marshal.loads(data)
        if version != CACHE_VERSION:
            raise ValueError("old cache")
        return cls(dict(zip(array("I", codes), array("d", widths))), default_width, em_ascent)


def cache_dir() -> Path:
    home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(home) / "gongwen" / "font-metrics"


def _cache_file(path: Path, size: int, mtime_ns: int) -> Path:
    key = hashlib.sha256(f"{path.resolve()}|{size}|{mtime_ns}|{CACHE_VERSION}".encode()).hexdigest()[:20]
    return cache_dir() / f"{path.stem}-{key}.bin"


@lru_cache(maxsize=None)
def _cached(path: Path, size: int, mtime_ns: int) -> FontMetrics:
    cache = _cache_file(path, size, mtime_ns)
    try:
        return FontMetrics.loads(cache.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    metrics = FontMetrics.read(path)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(cache, metrics.dumps())
    except (OSError, OutputError):
        pass                        # a read-only home: read the font again next time
    return metrics


def font_metrics(path: Path) -> FontMetrics:
    """The metrics of the font file at ``path``: once per process, and from the cache file when
    the font has not changed since it was written."""
    stat = path.stat()
    return _cached(path, stat.st_size, stat.st_mtime_ns)
