"""Every raw OOXML tweak the DOCX writer needs, as named helpers.

python-docx covers paragraphs, runs, tables and sections, but not the East Asian font slot,
the document grid, paragraph borders, fields, repeated header rows or character scaling;
those are built here and nowhere else, so the writer never assembles XML inline.

Word and WPS check each part against the schema (ISO/IEC 29500 transitional): a child out of
its parent's sequence, or an on/off value the schema does not allow, makes Word offer to
"repair" the file, which may change the layout. So every element is created through
``_child``, which puts it where ``CHILD_ORDER`` says, and on/off properties through
``_set_on_off``, which writes them as Word does.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

TWIPS_PER_PT = 20

# The child sequence of every element the helpers below write into, as the transitional schema
# of ISO/IEC 29500 (§17) declares it and the Open XML SDK checks it (w:tblBorders and
# w:tblCellMar also list the strict names start/end, which the SDK accepts beside left/right).
# A parent missing here, or a child missing from its parent's entry, raises: a guessed
# position is how elements ended up out of order.
CHILD_ORDER: dict[str, tuple[str, ...]] = {
    qn(parent): tuple(f"w:{child}" for child in children.split())
    for parent, children in {
        "w:pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
                 "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
                 "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
                 "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
                 "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
        "w:rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
                 "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
                 "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath "
                 "rPrChange",
        "w:pBdr": "top left bottom right between bar",
        "w:sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
                    "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection "
                    "bidi rtlGutter docGrid printerSettings sectPrChange",
        "w:tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
                   "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
                   "tblDescription tblPrChange",
        "w:tblBorders": "top left start bottom right end insideH insideV",
        "w:tblCellMar": "top left start bottom right end",
        "w:trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader "
                  "tblCellSpacing jc hidden ins del trPrChange",
        "w:tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText "
                  "vAlign hideMark cellIns cellDel cellMerge tcPrChange",
    }.items()
}

# Word 2010's copy of styles.xml with its text effects, in python-docx's default template.
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def _child(parent: etree._Element, tag: str) -> etree._Element:
    """The ``tag`` child of ``parent``, created at its place in the schema's sequence if missing
    (before the first later sibling present), so that the part stays valid whatever order the
    helpers run in."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    order = CHILD_ORDER[parent.tag]
    later = {qn(successor) for successor in order[order.index(tag) + 1:]}
    created = OxmlElement(tag)
    anchor = next((sibling for sibling in parent if sibling.tag in later), None)
    if anchor is None:
        parent.append(created)
    else:
        anchor.addprevious(created)
    return created


def _set_on_off(parent: etree._Element, tag: str, on: bool) -> None:
    """An on/off property as Word writes it: the bare element for on, w:val="0" for off. The
    SDK types some of them (w:cantSplit, w:tblHeader) as on/off-only, where "1" is invalid."""
    element = _child(parent, tag)
    if on:
        element.attrib.pop(qn("w:val"), None)
    else:
        element.set(qn("w:val"), "0")


def set_fonts(rpr: BaseOxmlElement, face: str) -> None:
    """All four rFonts slots name the Chinese face, no theme attributes, and the eastAsia hint:
    digits and “”—… then come from the same font as in the PDF (pitfalls: theme fonts beat
    names; quotes otherwise fall to a Latin font, whose wider digits also change line breaks)."""
    fonts = _child(rpr, "w:rFonts")
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), face)
    fonts.set(qn("w:hint"), "eastAsia")


def set_run_props(rpr: BaseOxmlElement, size_pt: float, color_rgb: str | None = None, bold: bool = False,
                  spacing_twips: int | None = None, scale_percent: int | None = None) -> None:
    """Size (both scripts), colour, bold, character spacing and horizontal scale."""
    if bold:
        _set_on_off(rpr, "w:b", True)
        _set_on_off(rpr, "w:bCs", True)
    if color_rgb:
        _child(rpr, "w:color").set(qn("w:val"), color_rgb)
    if spacing_twips is not None:
        _child(rpr, "w:spacing").set(qn("w:val"), str(spacing_twips))
    if scale_percent is not None:
        _child(rpr, "w:w").set(qn("w:val"), str(scale_percent))
    half_points = str(round(size_pt * 2))
    _child(rpr, "w:sz").set(qn("w:val"), half_points)
    _child(rpr, "w:szCs").set(qn("w:val"), half_points)


WORD_JOINER = "\u2060"


def joined(text: str, keep_after: frozenset[str]) -> str:
    """``text`` with a word joiner after each of ``keep_after`` that stands between two letters
    or digits ("0591-23165370"), so that Word and LibreOffice keep the run whole, as the PDF's
    line breaker does (LibreOffice 7.4 breaks after a w:noBreakHyphen)."""
    if not any(char in text for char in keep_after):
        return text
    return _joining(keep_after).sub(lambda match: match.group(1) + WORD_JOINER, text)


@functools.cache
def _joining(keep_after: frozenset[str]) -> re.Pattern[str]:
    """The pattern of ``keep_after``'s characters between two letters or digits, made once."""
    marks = "".join(re.escape(char) for char in sorted(keep_after))
    return re.compile(f"(?<=[0-9A-Za-z])([{marks}])(?=[0-9A-Za-z])")


def set_exact_line(ppr: BaseOxmlElement, line_pt: float, before_pt: float = 0, after_pt: float = 0) -> None:
    spacing = _child(ppr, "w:spacing")
    spacing.set(qn("w:before"), str(round(before_pt * TWIPS_PER_PT)))
    spacing.set(qn("w:after"), str(round(after_pt * TWIPS_PER_PT)))
    spacing.set(qn("w:line"), str(round(line_pt * TWIPS_PER_PT)))
    spacing.set(qn("w:lineRule"), "exact")


def tighten_lines(paragraph: BaseOxmlElement, line_pt: float, ratio: float, style_spacing: tuple[float, float]) -> None:
    """A paragraph of a page whose line spacing was tightened (§7.3.5): exact lines of ``line_pt``
    off the grid; its space before and after as it sets them, or its style's (``style_spacing``,
    pt) scaled by ``ratio``, the tightened pitch to the grid's."""
    ppr = paragraph.get_or_add_pPr()
    spacing = _child(ppr, "w:spacing")
    for attribute, style_pt in zip(("w:before", "w:after"), style_spacing):
        if spacing.get(qn(attribute)) is None:
            spacing.set(qn(attribute), str(round(style_pt * ratio * TWIPS_PER_PT)))
    spacing.set(qn("w:line"), str(round(line_pt * TWIPS_PER_PT)))
    spacing.set(qn("w:lineRule"), "exact")
    set_snap_to_grid(ppr, False)


def set_chinese_line_breaking(ppr: BaseOxmlElement) -> None:
    """禁则 on, and w:overflowPunct on, Word's own default (允许标点溢出边界).

    LibreOffice 7.4 reads overflowPunct inverted (writerfilter: hanging = value == 0), so on
    (the bare element, which it reads as 1) is the value with which LibreOffice, like our PDF,
    keeps "，" inside the 版心 and pushes the previous character down instead. Auto-space between
    Chinese and digits stays on (Word's default; LibreOffice ignores w:autoSpaceDE/DN anyway),
    and the PDF sets the same space."""
    for tag in ("w:kinsoku", "w:overflowPunct"):
        _set_on_off(ppr, tag, True)


def set_snap_to_grid(ppr: BaseOxmlElement, snap: bool) -> None:
    """Text larger than the grid pitch (title, 发文机关标志) must not snap to two grid lines."""
    _set_on_off(ppr, "w:snapToGrid", snap)


def set_outline_level(ppr: BaseOxmlElement, level: int) -> None:
    """Heading level for Word's navigation pane (0-based)."""
    _child(ppr, "w:outlineLvl").set(qn("w:val"), str(level))


def set_bottom_border(ppr: BaseOxmlElement, color_rgb: str, width_pt: float, space_pt: float) -> None:
    """A rule under the paragraph, ``space_pt`` below its text, across the paragraph's width."""
    borders = _child(ppr, "w:pBdr")
    bottom = _child(borders, "w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(round(width_pt * 8)))        # eighths of a point
    bottom.set(qn("w:space"), str(round(space_pt)))
    bottom.set(qn("w:color"), color_rgb)


def set_double_border(ppr: BaseOxmlElement, side: str, style: str, color_rgb: str, width_pt: float,
                      space_pt: float) -> None:
    """A double rule on ``side`` ("top" or "bottom") of the paragraph: ``style`` thickThinSmallGap
    (thick over thin) or thinThickSmallGap, ``width_pt`` wide in all, ``space_pt`` from the text."""
    borders = _child(ppr, "w:pBdr")
    border = _child(borders, f"w:{side}")
    border.set(qn("w:val"), style)
    border.set(qn("w:sz"), str(round(width_pt * 8)))
    border.set(qn("w:space"), str(round(space_pt)))
    border.set(qn("w:color"), color_rgb)


def set_indents(ppr: BaseOxmlElement, left_pt: float, right_pt: float) -> None:
    """Left and right indents (negative: the paragraph reaches into the margins)."""
    ind = _child(ppr, "w:ind")
    ind.set(qn("w:left"), str(round(left_pt * TWIPS_PER_PT)))
    ind.set(qn("w:right"), str(round(right_pt * TWIPS_PER_PT)))


def set_title_page(sect_pr: BaseOxmlElement) -> None:
    """The section's first page has a header and footer of its own (w:titlePg)."""
    _set_on_off(sect_pr, "w:titlePg", True)


def drop_doc_grid(sect_pr: BaseOxmlElement) -> None:
    """No line grid: LibreOffice fits a grid's whole lines into the text area, which a letter's
    first page (from 30 mm, its lines placed by its head rather than the grid) does not hold."""
    for grid in sect_pr.findall(qn("w:docGrid")):
        sect_pr.remove(grid)


def set_doc_grid(sect_pr: BaseOxmlElement, line_pitch_twips: int) -> None:
    """A lines-only grid: 22 lines a page in Word and LibreOffice alike (LibreOffice 7.4 gives
    each character two cells under Word's linesAndChars grid, so characters are fitted by
    −0.25 pt spacing in the styles instead)."""
    grid = _child(sect_pr, "w:docGrid")
    for attribute in list(grid.attrib):
        del grid.attrib[attribute]
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(line_pitch_twips))


def set_page_number_start(sect_pr: BaseOxmlElement, start: int = 1) -> None:
    number = _child(sect_pr, "w:pgNumType")
    number.set(qn("w:start"), str(start))


def continue_page_numbers(sect_pr: BaseOxmlElement) -> None:
    """The section numbers its pages on from the section before (a copied sectPr restarts them)."""
    for number in sect_pr.findall(qn("w:pgNumType")):
        sect_pr.remove(number)


def add_page_field(paragraph) -> None:
    """A PAGE field (begin, instruction, separator, placeholder result, end) at the paragraph's end.
    Each part goes into a new, empty run, whose content the schema takes in any order."""
    def run_with(child: BaseOxmlElement):
        run = paragraph.add_run()
        run._r.append(child)
        return run

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    run_with(instruction)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run("1")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


@dataclass(frozen=True)
class GridCell:
    """A table cell as a rectangle of the column grid, with its paragraph style and text."""

    row: int
    col: int
    last_row: int
    last_col: int
    style_id: str
    text: str


def add_grid_rows(table, rows: int, cells: list[GridCell], widths_twips: list[int], header_rows: int,
                  kept: set[int] = frozenset()) -> None:
    """Every row of a table whose merged cells are given as grid rectangles, in one pass. A cell
    is a w:tc with w:gridSpan, and w:vMerge restart when it spans rows; each row it reaches below
    gets a w:tc with w:vMerge continue and an empty paragraph. This is the markup Word writes and
    python-docx's cell.merge makes, without merge's lookups (a second for the three tables). The
    ``kept`` rows (a caption, a block's column heads) keep with the next: their paragraphs carry
    w:keepNext, which Word and LibreOffice honour between table rows."""
    in_row: dict[int, list[tuple[int, GridCell, bool]]] = {}
    for cell in cells:
        for row in range(cell.row, cell.last_row + 1):
            in_row.setdefault(row, []).append((cell.col, cell, row > cell.row))
    tbl = table._tbl
    for row in range(rows):
        tr = OxmlElement("w:tr")
        tr_pr = OxmlElement("w:trPr")
        tr.append(tr_pr)
        tr_pr.append(OxmlElement("w:cantSplit"))           # on/off elements, bare for on as Word writes them
        if row < header_rows:
            tr_pr.append(OxmlElement("w:tblHeader"))
        for _, cell, continued in sorted(in_row.get(row, []), key=lambda item: item[0]):
            tr.append(_grid_tc(cell, continued, sum(widths_twips[cell.col:cell.last_col + 1]),
                               row in kept and row >= header_rows))
        tbl.append(tr)


def _element(tag: str, **attributes: str) -> etree._Element:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _grid_tc(cell: GridCell, continued: bool, width_twips: int, keep_with_next: bool = False) -> etree._Element:
    """One w:tc, its children appended in the schema's order (tcPr: tcW, gridSpan, vMerge,
    vAlign; then the paragraph): built whole here, it needs no lookup of where they go."""
    tc_pr = OxmlElement("w:tcPr")
    tc_pr.append(_element("w:tcW", type="dxa", w=str(width_twips)))
    if cell.last_col > cell.col:
        tc_pr.append(_element("w:gridSpan", val=str(cell.last_col - cell.col + 1)))
    tc = OxmlElement("w:tc")
    tc.append(tc_pr)
    if continued:
        tc_pr.append(_element("w:vMerge"))
        tc.append(OxmlElement("w:p"))
        return tc
    if cell.last_row > cell.row:
        tc_pr.append(_element("w:vMerge", val="restart"))
    tc_pr.append(_element("w:vAlign", val="center"))
    p_pr = OxmlElement("w:pPr")
    p_pr.append(_element("w:pStyle", val=cell.style_id))
    if keep_with_next:
        p_pr.append(OxmlElement("w:keepNext"))
    run = OxmlElement("w:r")
    if cell.text:
        text = OxmlElement("w:t")
        text.text = cell.text
        if cell.text != cell.text.strip():
            text.set(qn("xml:space"), "preserve")
        run.append(text)
    paragraph = OxmlElement("w:p")
    paragraph.append(p_pr)
    paragraph.append(run)
    tc.append(paragraph)
    return tc


def add_picture_behind_text(document: DocxDocument, run, image: Path | BinaryIO, width: int, height: int, x: int,
                            y: int, name: str, from_page: bool = False) -> None:
    """A picture floating behind the text (a seal), ``x`` from the left margin and ``y`` from the
    top of the run's paragraph (``from_page``: of the paper) (EMU). python-docx adds pictures
    inline only: its inline drawing is made into a wp:anchor with the same graphic, in the
    schema's order of children."""
    inline = document.part.new_pic_inline(str(image) if isinstance(image, Path) else image, width, height)
    anchor = OxmlElement("wp:anchor")
    for attribute, value in (("distT", "0"), ("distB", "0"), ("distL", "0"), ("distR", "0"), ("simplePos", "0"),
                             ("relativeHeight", "0"), ("behindDoc", "1"), ("locked", "1"), ("layoutInCell", "1"),
                             ("allowOverlap", "1")):
        anchor.set(attribute, value)
    simple = OxmlElement("wp:simplePos")
    simple.set("x", "0")
    simple.set("y", "0")
    anchor.append(simple)
    for axis, relative, offset in (("wp:positionH", "margin", x), ("wp:positionV", "page" if from_page else "paragraph", y)):
        position = OxmlElement(axis)
        position.set("relativeFrom", relative)
        pos_offset = OxmlElement("wp:posOffset")
        pos_offset.text = str(int(offset))
        position.append(pos_offset)
        anchor.append(position)
    anchor.append(inline.find(qn("wp:extent")))
    effect = OxmlElement("wp:effectExtent")
    for side in ("l", "t", "r", "b"):
        effect.set(side, "0")
    anchor.append(effect)
    anchor.append(OxmlElement("wp:wrapNone"))
    for child in ("wp:docPr", "wp:cNvGraphicFramePr", "a:graphic"):
        anchor.append(inline.find(qn(child)))
    anchor.find(qn("wp:docPr")).set("name", name)
    drawing = OxmlElement("w:drawing")
    drawing.append(anchor)
    run._r.append(drawing)


TEXT_BOX = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><mc:AlternateContent>
<mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0"
 relativeHeight="1" behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>
<wp:positionH relativeFrom="page"><wp:posOffset>{x}</wp:posOffset></wp:positionH>
<wp:positionV relativeFrom="page"><wp:posOffset>{y}</wp:posOffset></wp:positionV>
<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>
<wp:docPr id="{id}" name="{name}"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>
<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>
<wps:txbx><w:txbxContent><w:p/></w:txbxContent></wps:txbx>
<wps:bodyPr rot="0" vert="vert" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr" anchorCtr="0">
<a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
</mc:AlternateContent></w:r>"""


def add_turned_text_box(paragraph, x: int, y: int, width: int, height: int, shape_id: int,
                        name: str) -> BaseOxmlElement:
    """A text box floating at (``x``, ``y``) from the paper's corner, ``width`` × ``height``
    (EMU), whose text is turned a quarter clockwise (its lines run down the page), as Word writes
    one: python-docx has no text boxes. Returns the box's empty paragraph, to be filled."""
    run = etree.fromstring(TEXT_BOX.format(x=x, y=y, cx=width, cy=height, id=shape_id, name=name).replace("\n", ""))
    paragraph._p.append(run)
    return run.find(f".//{qn('w:txbxContent')}/{qn('w:p')}")


def set_table_width(table, widths_twips: list[int]) -> None:
    """tblW and every gridCol, consistently (WPS reads gridCol, Word tblW), at a fixed layout."""
    tbl = table._tbl
    tbl_pr = tbl.tblPr
    width = _child(tbl_pr, "w:tblW")
    width.set(qn("w:w"), str(sum(widths_twips)))
    width.set(qn("w:type"), "dxa")
    _child(tbl_pr, "w:tblLayout").set(qn("w:type"), "fixed")
    for grid_col, twips in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths_twips, strict=True):
        grid_col.set(qn("w:w"), str(twips))


def set_table_geometry(table, widths_twips: list[int]) -> None:
    """The table's width and every tcW of cells python-docx made (Word reads tcW; the rows of
    add_grid_rows carry theirs already)."""
    set_table_width(table, widths_twips)
    for row in table.rows:
        for tc in row._tr.findall(qn("w:tc")):
            col = _grid_index(tc)
            span = tc.grid_span
            tc_w = _child(tc.get_or_add_tcPr(), "w:tcW")
            tc_w.set(qn("w:w"), str(sum(widths_twips[col:col + span])))
            tc_w.set(qn("w:type"), "dxa")


def _grid_index(tc) -> int:
    index = 0
    for sibling in tc.itersiblings(preceding=True):
        if sibling.tag == qn("w:tc"):
            index += sibling.grid_span
    return index


def set_table_borders(table, outer_pt: float, inner_pt: float, color_rgb: str = "000000",
                      sides: tuple[str, ...] = ("top", "left", "bottom", "right", "insideH", "insideV")) -> None:
    """Single-line borders on the given sides: ``outer_pt`` wide around, ``inner_pt`` between cells."""
    borders = _child(table._tbl.tblPr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = _child(borders, f"w:{side}")
        if side in sides:
            width = inner_pt if side.startswith("inside") else outer_pt
            element.set(qn("w:val"), "single")
            element.set(qn("w:sz"), str(round(width * 8)))
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), color_rgb)
        else:
            element.set(qn("w:val"), "nil")


def set_cell_margins(table, twips: int) -> None:
    """Cell margins on all sides, and the table indented by the left one: Word (before
    compatibility mode 15) and LibreOffice align the cell text, not the border, with the
    margin, so this puts the table's border on the 版心 edge as in the PDF."""
    tbl_pr = table._tbl.tblPr
    margins = _child(tbl_pr, "w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        element = _child(margins, f"w:{side}")
        element.set(qn("w:w"), str(twips))
        element.set(qn("w:type"), "dxa")
    indent = _child(tbl_pr, "w:tblInd")
    indent.set(qn("w:w"), str(twips))
    indent.set(qn("w:type"), "dxa")


def set_east_asian_layout_defaults(styles_element: BaseOxmlElement, face: str, size_pt: float) -> None:
    """docDefaults without theme fonts and without the template's 10 pt after-paragraph space."""
    defaults = styles_element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, face)
    set_run_props(rpr, size_pt)
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:eastAsia"), "zh-CN")
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = _child(ppr, "w:spacing")
    for attribute in list(spacing.attrib):
        del spacing.attrib[attribute]
    spacing.set(qn("w:after"), "0")


def set_zoom_percent(settings: BaseOxmlElement, percent: int = 100) -> None:
    """The schema requires w:percent on w:zoom; the template's has only w:val="bestFit"."""
    settings.find(qn("w:zoom")).set(qn("w:percent"), str(percent))


def drop_styles_with_effects(document: DocxDocument) -> None:
    """Drop the template's stylesWithEffects part (with its relationship; the content-type entry
    follows the parts saved). Word 2010+ does not need it, and this copy disagrees with the
    styles.xml we write, which Word may take for unreadable content."""
    part = document.part
    for r_id in [r_id for r_id, rel in part.rels.items() if rel.reltype == STYLES_WITH_EFFECTS]:
        part.drop_rel(r_id)
