"""The paged document: what the layout stage produces and every writer serialises.

Every page is a list of positioned items (glyph runs, rules, images, table cell boxes), and
the page decisions that a flowing format such as DOCX must follow (where each 版记 landed,
where the 署名 sits, how far the 发文机关标志 was narrowed) are recorded per part. Lengths are
in points; x runs right from the paper's left edge and y runs down from the paper's top edge,
as on a printed page and in OFD, so writers with an upward y flip it themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Union

from generator.document_model import Meta


@dataclass(frozen=True)
class Ink:
    """A colour as decided in layout: its CMYK ink for the print shop and its RGB value for a
    copy whose colours are sRGB; a writer paints the one its copy needs."""

    cmyk: tuple[float, float, float, float]
    rgb: str                            # "FF3333"


@dataclass(frozen=True)
class GlyphRun:
    """Glyphs of one font, size and colour on one baseline. Glyph i is drawn at
    ``x + sum(advances[:i])``; an advance includes tracking, justification and auto-space, so
    the glyphs sit exactly where the line breaker put them."""

    text: str
    font: str                           # key of PagedDocument.fonts
    size: float
    x: float
    baseline: float
    advances: tuple[float, ...]
    color: Ink
    stroke: float = 0.0                 # synthetic bold: the outline stroked as well, this wide (pt)
    scale: float = 1.0                  # horizontal scale of the glyphs (a narrowed 发文机关标志)


@dataclass(frozen=True)
class TextLine:
    """One line of text as a reader should get it back (``text``: what copy and paste returns,
    without the spaces that justification and auto-space make)."""

    text: str
    runs: tuple[GlyphRun, ...]


@dataclass(frozen=True)
class Rule:
    """A straight line of ``width`` from (x0, y0) to (x1, y1)."""

    x0: float
    y0: float
    x1: float
    y1: float
    width: float
    color: Ink
    cap: Literal["butt", "square"] = "butt"


@dataclass(frozen=True)
class Image:
    """A picture (a seal scan) in the box with top-left (x, y); drawn under the text."""

    path: Path
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class CellBox:
    """A table cell's box on this page (a span cut by a page break is cut with it)."""

    x: float
    y: float
    width: float
    height: float
    text: str


Transform = tuple[float, float, float, float, float, float]


@dataclass(frozen=True)
class Group:
    """Items set in a frame of their own and placed on the page by ``transform`` (a, b, c, d, e, f):
    the frame's point (X, Y) lands at x = a·X + c·Y + e, y = b·X + d·Y + f, as Typst's GroupItem
    carries its transform. A 横排 page's text and rules are one group, set on the sheet turned a
    quarter (§8); its page number stays outside, upright where every page has it."""

    items: tuple[Item, ...]
    transform: Transform


Item = Union[TextLine, Rule, Image, CellBox, Group]


@dataclass(frozen=True)
class Page:
    number: int                         # physical page, from 1
    part: int                           # index of the part (公文) it belongs to
    printed_number: int | None          # the "— N —" it carries; None on a page without body text
    items: tuple[Item, ...]

    def leaves(self) -> list[Item]:
        """The page's items, a group's in its place (in the group's own frame): what it draws."""
        return [leaf for item in self.items for leaf in (item.items if isinstance(item, Group) else (item,))]

    def lines(self) -> list[TextLine]:
        return [item for item in self.leaves() if isinstance(item, TextLine)]


@dataclass(frozen=True)
class ImprintPlacement:
    """Where a part's 版记 landed."""

    own_page: bool                      # its page holds no body text, so it carries no number
    blank_pages_before: int             # empty pages put in before it so that it lands on an even page
    space_above: float                  # free space between the last text and the 版记's first rule
    copy_to_hang: float                 # 抄送 continuation lines start this far right of the label


@dataclass(frozen=True)
class SealPlacement:
    """A seal image over a 署名: its box from the 版心's left edge and from the top of the 署名's
    line (the seal reaches above it), so a flowing format can anchor it to the 署名."""

    path: Path
    x: float
    y_from_signature: float
    diameter: float


@dataclass(frozen=True)
class OrganPlacement:
    """One organ of a sealed 联合行文's 署名: its x, its row (0 first) and the seal pressed on it."""

    x: float
    row: int
    seal: SealPlacement | None = None


@dataclass(frozen=True)
class SignerSealPlacement:
    """A 令's 签发人职务 and 成文日期 around the room for its 签名章: their lines' tops from the
    block's top (pt); their x are the placement's ``organ_x`` and ``date_x``."""

    title_top: float
    date_top: float


@dataclass(frozen=True)
class SignaturePlacement:
    """署名 and 成文日期, x from the 版心's left edge (§7.3.5); the seal pressed on them."""

    organ_x: float
    date_x: float
    gap_lines: int = 1                  # blank lines between the body and the 署名
    seal: SealPlacement | None = None
    page_break_before: bool = False     # the 署名 opens a page (a seal that would not fit below moved it)
    organs: tuple[OrganPlacement, ...] = ()     # a sealed 联合行文: each organ under its own seal, in rows
    row_lines: int = 0                  # and the rows this many lines apart
    signer_seal: SignerSealPlacement | None = None     # a 令's 签名章, 职务 and date instead of a 署名


@dataclass(frozen=True)
class HangingIndent:
    """A paragraph whose first line starts at ``first`` and whose continuation lines start at
    ``hang``, both from the 版心's left edge (an item of the 附件说明, a 纪要's 出席 line)."""

    first: float
    hang: float


@dataclass(frozen=True)
class JointMark:
    """A 联合行文's stacked mark as laid out, x from the 版心's left edge (pt): the names' column
    (each name spread to its width), "文件" beside it, the rows' pitch, the horizontal scale."""

    names_x: float
    names_width: float
    word_x: float
    pitch: float                # from one name's em box top to the next's
    scale: float


@dataclass(frozen=True)
class MastheadPlacement:
    """Where the 版头's parts landed: the mark's scale (≤ 1: narrowed to fit), a 联合行文's
    stacked mark, and the x of the 签发人 names (later rows start under the first name)."""

    mark_scale: float = 1.0
    joint: JointMark | None = None
    signer_x: float = 0.0               # the first 签发人 row ("签发人：" and its names)
    signer_names_x: float = 0.0


@dataclass(frozen=True)
class Tightening:
    """§7.3.5 done as the standard says: the 署名 and 成文日期 found no room under the body's last
    line, so the text of that page, blocks ``first_block`` to ``last_block`` of the part (the 署名,
    its date and the 附注 among them), was set at the tighter ``line_pitch`` (pt) to keep them on it."""

    first_block: int
    last_block: int
    line_pitch: float


@dataclass(frozen=True)
class Carry:
    """§7.3.5's last resort: the line spacing could not be tightened enough, so the body's last
    lines went over with the 署名: blocks ``first_block`` to ``last_block`` keep with it, the
    first split after ``kept_characters`` of its characters (spaces not counted; 0: moved whole)."""

    first_block: int
    last_block: int
    kept_characters: int


@dataclass(frozen=True)
class PartLayout:
    """The page decisions of one part, for writers of flowing formats."""

    first_page: int
    last_page: int
    imprint: ImprintPlacement | None        # None: the part has no 版记
    signatures: tuple[SignaturePlacement, ...] = ()    # in block order
    masthead: MastheadPlacement = MastheadPlacement()
    hanging: tuple[HangingIndent, ...] = ()     # the 附件说明's names and a 纪要's lists, in order
    first_page_numbered: bool = True    # a letter's first page carries no number (§7.5, §10.1)
    turned_starts: tuple[int, ...] = ()     # the pages where its 横排 attachments start, in order
    tightening: Tightening | None = None    # the line spacing tightened to keep a 署名 with its text
    carry: Carry | None = None              # or the body's last lines carried over with it
    widow_controlled: tuple[int, ...] = ()  # blocks broken only with two lines on either side (w:widowControl)


@dataclass(frozen=True)
class TurnedPages:
    """The 横排 pages' frame (§8), for a flowing format's landscape section: the sheet turned a
    quarter clockwise, so its top lies along the paper's left edge; the 版心's margins in that
    frame (pt); and the box of the page number, which stays upright on the paper where every page
    has it: in the turned frame its text runs down the page, at ``number_x`` (its em box's left)
    for ``number_size``, between ``number_y0`` and ``number_y1`` (odd pages end there, even pages
    start there, as upright pages keep one 字 from the 版心's edges)."""

    width: float
    height: float
    top: float
    right: float
    bottom: float
    left: float
    number_x: float
    number_size: float
    number_y0: float
    number_y1: float
    transform: Transform                # the turned frame → the paper

    @property
    def text_width(self) -> float:
        """The turned 版心's width (the upright 版心's height)."""
        return self.width - self.left - self.right

    @property
    def text_height(self) -> float:
        return self.height - self.top - self.bottom


@dataclass(frozen=True)
class PagedDocument:
    meta: Meta
    width: float
    height: float
    pages: tuple[Page, ...]
    parts: tuple[PartLayout, ...]
    fonts: dict[str, Path] = field(default_factory=dict)   # the font files the runs use
    turned: TurnedPages | None = None                       # the 横排 pages' frame, if any page is turned
