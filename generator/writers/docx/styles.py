"""Named paragraph and character styles, one per layout role, so that a clerk's edits keep the
format: 正文, 一级标题 … 四级标题, 标题, 主送机关, 署名, 成文日期, 附注, 发文机关标志, 发文字号,
版记, 表格文字, 页码; character styles 强调 (一是……), 正文文字 (text run on after a heading) and
签发人姓名. Indents and spacing come from the layout."""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from generator.layout.placement import page_number_side
from generator.layout_spec import Layout, mm_to_pt
from generator.writers.docx import ooxml


@dataclass(frozen=True)
class StyleSpec:
    name: str
    role: str
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY
    first_line_indent: str | None = None    # the layout.body field giving it in 字
    outline_level: int | None = None
    keep_with_next: bool = False


# Headings keep with the next paragraph by their style, as a clerk's new heading should; the
# writer turns it off where a heading runs on into text.
PARAGRAPH_STYLES = {
    "body": StyleSpec("正文", "body", first_line_indent="paragraph_indent_chars"),
    "heading1": StyleSpec("一级标题", "heading1", first_line_indent="paragraph_indent_chars", outline_level=0,
                          keep_with_next=True),
    "heading2": StyleSpec("二级标题", "heading2", first_line_indent="paragraph_indent_chars", outline_level=1,
                          keep_with_next=True),
    "heading3": StyleSpec("三级标题", "heading3", first_line_indent="paragraph_indent_chars", outline_level=2,
                          keep_with_next=True),
    "heading4": StyleSpec("四级标题", "heading4", first_line_indent="paragraph_indent_chars", outline_level=3,
                          keep_with_next=True),
    "title": StyleSpec("标题", "title", WD_ALIGN_PARAGRAPH.CENTER),
    "addressee": StyleSpec("主送机关", "addressee"),
    "signature": StyleSpec("署名", "signature", WD_ALIGN_PARAGRAPH.LEFT, keep_with_next=True),
    "date": StyleSpec("成文日期", "date", WD_ALIGN_PARAGRAPH.LEFT),
    "note": StyleSpec("附注", "note", WD_ALIGN_PARAGRAPH.LEFT, first_line_indent="note_indent_chars"),
    "masthead": StyleSpec("发文机关标志", "masthead", WD_ALIGN_PARAGRAPH.CENTER),
    "doc_number": StyleSpec("发文字号", "doc_number", WD_ALIGN_PARAGRAPH.LEFT),
    "imprint": StyleSpec("版记", "imprint", WD_ALIGN_PARAGRAPH.LEFT),
    "table": StyleSpec("表格文字", "table", WD_ALIGN_PARAGRAPH.CENTER),
    "table_header": StyleSpec("表头文字", "table_header", WD_ALIGN_PARAGRAPH.CENTER),
    "page_number_odd": StyleSpec("页码（单页）", "page_number", WD_ALIGN_PARAGRAPH.RIGHT),
    "page_number_even": StyleSpec("页码（双页）", "page_number", WD_ALIGN_PARAGRAPH.LEFT),
}
# Styles of elements the annual report never prints: a general 公文's DOCX has them too (the
# annual report's keeps the style set it has always had, so its files stay as they were).
GENERAL_STYLES = {
    "copy_number": StyleSpec("份号", "copy_number", WD_ALIGN_PARAGRAPH.LEFT),
    "secrecy": StyleSpec("密级和保密期限", "secrecy", WD_ALIGN_PARAGRAPH.LEFT),
    "urgency": StyleSpec("紧急程度", "urgency", WD_ALIGN_PARAGRAPH.LEFT),
    "attachment_note": StyleSpec("附件说明", "attachment_note"),
    "attachment_label": StyleSpec("附件标识", "attachment_label", WD_ALIGN_PARAGRAPH.LEFT, keep_with_next=True),
    "attendance": StyleSpec("出席名单", "attendance_names"),
}
CHARACTER_STYLES = {"lead": "强调", "body_text": "正文文字", "signer_name": "签发人姓名"}
GENERAL_CHARACTER_STYLES = {"attendance_label": "出席标识", "doc_number_text": "发文字号文字"}
CHARACTER_ROLES = {"body_text": "body", "doc_number_text": "doc_number"}     # a character style's role, where its name differs


def style_spacing(layout: Layout) -> dict[str, tuple[float, float]]:
    """Space before and after (pt) of the styles that carry the standard's 空行."""
    pitch, masthead, body = layout.line_pitch_pt, layout.masthead, layout.body
    return {
        "masthead": (mm_to_pt(masthead.mark_top_mm), 0.0),             # 标志 35 mm below the 版心 top
        "doc_number": (masthead.doc_number_gap_lines * pitch,            # 空二行 above the 发文字号,
                       body.title_gap_lines * pitch),                    # 空二行 under the red rule
        "title": (0.0, body.after_title_lines * pitch),                  # 空一行 under the title
        "signature": (body.signature_gap_lines * pitch, 0.0),            # 空一行 above the 署名
    }


def _side_indents(layout: Layout) -> dict[str, tuple[float, float]]:
    """Left and right indents (pt): page numbers 一字 in from their side."""
    number = page_number_side(layout)
    return {"page_number_odd": (0.0, number), "page_number_even": (number, 0.0)}


def add_styles(doc: Document, layout: Layout, general: bool = False) -> dict[str, str]:
    """Create every style (``general``: those of a general 公文's elements too); returns role →
    style id."""
    spacing, indents = style_spacing(layout), _side_indents(layout)
    body = layout.role("body")
    ooxml.set_east_asian_layout_defaults(doc.styles.element, layout.face_of("body").docx,
                                         body.size_pt)
    names: dict[str, str] = {}
    for role, spec in {**PARAGRAPH_STYLES, **(GENERAL_STYLES if general else {})}.items():
        style = doc.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
        style.quick_style = True
        role_data = layout.role(spec.role)
        _run_format(style, layout, spec.role)
        ppr = style.element.get_or_add_pPr()
        line = role_data.line_pitch_pt or layout.line_pitch_pt
        if spec.role == "masthead":
            line = role_data.size_pt
        ooxml.set_chinese_line_breaking(ppr)
        ooxml.set_snap_to_grid(ppr, role_data.grid)
        ooxml.set_exact_line(ppr, line, *spacing.get(role, (0.0, 0.0)))
        fmt = style.paragraph_format
        fmt.alignment = spec.align
        fmt.widow_control = False
        if spec.first_line_indent:
            fmt.first_line_indent = Pt(getattr(layout.body, spec.first_line_indent) * layout.char_pitch_pt)
        if role in indents:
            fmt.left_indent, fmt.right_indent = (Pt(v) for v in indents[role])
        if spec.outline_level is not None:
            ooxml.set_outline_level(ppr, spec.outline_level)
        fmt.keep_with_next = spec.keep_with_next
        names[role] = style.style_id
    for role, name in {**CHARACTER_STYLES, **(GENERAL_CHARACTER_STYLES if general else {})}.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        _run_format(style, layout, CHARACTER_ROLES.get(role, role))
        names[role] = style.style_id
    return names


def _run_format(style, layout: Layout, role: str) -> None:
    """Font, size, colour, bold and the grid's character spacing (−5 twips: 28 × 15.75 pt fit
    the 442.2 pt 版心 in LibreOffice and Word alike)."""
    data = layout.role(role)
    rpr = style.element.get_or_add_rPr()
    ooxml.set_fonts(rpr, layout.face_of(role).docx)
    ooxml.set_run_props(rpr, data.size_pt, layout.colors[data.color].rgb, data.bold,
                        round(layout.tracking_pt(role) * ooxml.TWIPS_PER_PT))
