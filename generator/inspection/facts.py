"""What a PDF shows, read back with pdfplumber: text lines with their fonts, sizes, colours and
positions, and the rules (drawn lines) of each page, in millimetres from the paper's top-left."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pdfplumber

from generator.layout_spec import MM_PER_PT
from generator.measure import is_full_width

FACE_KEYWORDS = (          # PostScript name fragment → face, most specific first
    ("SongBold", "xiaobiaosong"), ("Song-Bold", "xiaobiaosong"), ("XBS", "xiaobiaosong"),
    ("Fang", "fangsong"), ("FS", "fangsong"), ("Kai", "kaiti"), ("KAI", "kaiti"),
    ("Hei", "heiti"), ("SimHei", "heiti"), ("Song", "songti"), ("Sun", "songti"), ("HanaMin", "fallback"),
)


def face_of(fontname: str) -> str:
    name = fontname.split("+", 1)[-1]
    return next((face for key, face in FACE_KEYWORDS if key in name), name)


@dataclass(frozen=True)
class Char:
    text: str
    face: str
    size: float
    x0: float           # mm from the left paper edge
    x1: float
    top: float          # em box top, mm from the top paper edge
    bottom: float
    baseline: float
    color: tuple[float, ...]

    @property
    def centre_y(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True)
class TextLine:
    chars: tuple[Char, ...]

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.chars)

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return self.chars[-1].x1

    @property
    def top(self) -> float:
        return min(c.top for c in self.chars)

    @property
    def bottom(self) -> float:
        return max(c.bottom for c in self.chars)

    @property
    def baseline(self) -> float:
        return self.chars[0].baseline

    @property
    def size(self) -> float:
        return max(c.size for c in self.chars)

    @property
    def faces(self) -> set[str]:
        return {c.face for c in self.chars}

    @property
    def full_width_only(self) -> bool:
        return all(is_full_width(c.text) for c in self.chars)


@dataclass(frozen=True)
class Rule:
    x0: float
    x1: float
    y: float
    width_mm: float
    color: tuple[float, ...]


Box = tuple[float, float, float, float]     # x0, top, x1, bottom in mm


@dataclass(frozen=True)
class FoundTable:
    bbox: Box
    cells: tuple[Box, ...]
    rows: tuple[tuple[str | None, ...], ...]
    row_boxes: tuple[Box, ...]

    def holds(self, line: TextLine) -> bool:
        x0, top, x1, bottom = self.bbox
        return x0 - 0.1 <= line.x0 and line.x1 <= x1 + 0.1 and top - 0.1 <= line.top and line.bottom <= bottom + 0.1


@dataclass(frozen=True)
class Page:
    number: int               # 1-based physical page
    width: float
    height: float
    lines: tuple[TextLine, ...]             # upright text
    rules: tuple[Rule, ...]
    tables: tuple[FoundTable, ...]          # upright tables
    turned: tuple[TextLine, ...] = ()       # 横排 text, in the turned frame: mm from the turned sheet's top-left
    turned_other_way: int = 0               # characters turned with their top toward the paper's right edge


def _mm(pt: float) -> float:
    return pt * MM_PER_PT


def _color(value) -> tuple[float, ...]:
    if value is None:
        return ()
    return tuple(round(float(v), 3) for v in (value if isinstance(value, (tuple, list)) else (value,)))


def _lines(chars: list[Char]) -> tuple[TextLine, ...]:
    """Chars sharing a baseline form a line, left to right; lines run top to bottom. Table
    cells on one baseline are split where a gap wider than two characters opens."""
    rows: dict[float, list[Char]] = {}
    for char in chars:
        rows.setdefault(round(char.baseline, 1), []).append(char)
    lines: list[TextLine] = []
    for baseline in sorted(rows):
        row = sorted(rows[baseline], key=lambda c: c.x0)
        current = [row[0]]
        for char in row[1:]:
            if char.x0 - current[-1].x1 > 2 * _mm(char.size):
                lines.append(TextLine(tuple(current)))
                current = []
            current.append(char)
        lines.append(TextLine(tuple(current)))
    return tuple(lines)


def _turned(c: dict) -> Char:
    """A character of a 横排 page in its turned frame (the sheet turned a quarter clockwise): its
    run goes up the paper, so x in the frame is the height above the paper's foot, and y is the
    distance from the paper's left edge; pdfminer's "size" of a turned glyph is its advance."""
    return Char(c["text"], face_of(c["fontname"]), round(c["width"], 2), _mm(c["y0"]), _mm(c["y1"]),
                _mm(c["x0"]), _mm(c["x1"]), _mm(c["matrix"][4]), _color(c["non_stroking_color"]))


def _turn(c: dict) -> str:
    """"upright", "turned" (its top toward the paper's left edge, as §8 wants) or "other"."""
    a, b, cc, d = (round(v, 3) for v in c["matrix"][:4])
    if b == 0 and cc == 0 and a > 0 and d > 0:
        return "upright"
    return "turned" if a == 0 and d == 0 and b > 0 and cc < 0 else "other"


def read_pdf(path: Path) -> list[Page]:
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            shown = [c for c in page.chars if c["text"].strip()]
            turns = [_turn(c) for c in shown]
            chars = [Char(c["text"], face_of(c["fontname"]), round(c["size"], 2), _mm(c["x0"]), _mm(c["x1"]),
                          _mm(c["top"]), _mm(c["bottom"]), _mm(page.height - c["matrix"][5]),
                          _color(c["non_stroking_color"]))
                     for c, turn in zip(shown, turns) if turn == "upright"]
            turned = [_turned(c) for c, turn in zip(shown, turns) if turn == "turned"]
            # a 横排 page's rules and table are its turned table's, read through its text in the frame
            rules = () if turned else tuple(
                Rule(_mm(l["x0"]), _mm(l["x1"]), _mm(l["top"]), _mm(l["linewidth"]), _color(l["stroking_color"]))
                for l in page.lines if abs(l["top"] - l["bottom"]) < 0.01)
            tables = () if turned else tuple(
                FoundTable(tuple(_mm(v) for v in t.bbox), tuple(tuple(_mm(v) for v in cell) for cell in t.cells),
                           tuple(tuple(r) for r in t.extract()), tuple(tuple(_mm(v) for v in row.bbox) for row in t.rows))
                for t in page.find_tables())
            pages.append(Page(page.page_number, _mm(page.width), _mm(page.height), _lines(chars),
                              rules, tables, _lines(turned), turns.count("other")))
    return pages
