"""The layout specification: GB/T 9704 geometry, typefaces, text roles, line-breaking rules and
renderer calibrations, read from ``layouts/*.yaml`` as typed data.

The layout stage, both writers and ``gongwen inspect`` take every measure from here, so a
number changes in one place and everything moves together.
"""

from __future__ import annotations

from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator


def _layouts_dir() -> Path:
    """``layouts/`` is mapped into the package by the wheel build (pyproject.toml); in a source
    checkout it is the top-level folder."""
    installed = Path(__file__).resolve().parent / "layouts"
    return installed if installed.is_dir() else Path(__file__).resolve().parent.parent / "layouts"


LAYOUTS_DIR = _layouts_dir()
MM_PER_PT = 25.4 / 72


def mm_to_pt(mm: float) -> float:
    return mm / MM_PER_PT


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Page(_Data):
    width_mm: float
    height_mm: float
    top_mm: float
    left_mm: float
    text_width_mm: float
    text_height_mm: float

    @property
    def bottom_mm(self) -> float:
        return self.height_mm - self.top_mm - self.text_height_mm

    @property
    def right_mm(self) -> float:
        return self.width_mm - self.left_mm - self.text_width_mm


class Grid(_Data):
    lines_per_page: int
    chars_per_line: int
    line_pitch_pt: float


class Color(_Data):
    cmyk: tuple[float, float, float, float]
    rgb: str = Field(pattern=r"^[0-9A-F]{6}$")


class Face(_Data):
    docx: str
    files: list[str] = Field(min_length=1)


class Role(_Data):
    face: str
    size_pt: float
    line_pitch_pt: float | None = None
    color: Literal["black", "red"] = "black"
    bold: bool = False
    grid: bool = False        # body text on the 28-character grid: tracked by grid.char_spacing_pt


class Masthead(_Data):
    mark_top_mm: float
    doc_number_gap_lines: int
    rule_gap_mm: float
    rule_width_pt: float
    side_indent_chars: int
    signer_room_chars: int
    signers_per_line: int
    joint_pitch_em: float
    mark_word_gap_em: float


class LetterLayout(_Data):
    mark_top_mm: float
    rule_gap_mm: float
    rule_length_mm: float
    foot_rule_mm: float
    thick_pt: float
    thin_pt: float
    double_gap_pt: float
    first_element_mm: float
    title_gap_lines: int


class OrderLayout(_Data):
    mark_top_mm: float
    number_gap_lines: int
    body_gap_lines: int
    seal_gap_lines: int
    seal_right_chars: int
    seal_width_mm: float
    seal_height_mm: float
    title_gap_chars: int
    date_gap_lines: int


class Body(_Data):
    title_gap_lines: int
    after_title_lines: int
    paragraph_indent_chars: int
    signature_gap_lines: int
    signature_right_chars: int
    date_offset_chars: int
    note_indent_chars: int
    seal_date_right_chars: int
    lines_after_heading: int
    attachment_note_gap_lines: int
    attachment_title_line: int
    attendance_gap_lines: int


class SignatureFit(_Data):
    line_pitch_min_pt: float
    line_pitch_step_pt: float
    carried_lines: int


class SealLayout(_Data):
    diameter_mm: float
    gap_lines: int
    centre_above_lines: float
    joint_per_row: int
    joint_gap_mm: float


class TableLayout(_Data):
    cell_padding_pt: float
    rule_width_pt: float


class ImprintLayout(_Data):
    side_indent_chars: int
    outer_rule_mm: float
    inner_rule_mm: float


class PageNumber(_Data):
    below_text_mm: float
    side_indent_chars: int
    prefix: str
    suffix: str


class DocxCalibration(_Data):
    imprint_slack_pt: float
    after_table_pt: float
    structural_line_pt: float
    tightened_page_spare_pt: float


class PdfCalibration(_Data):
    bold_stroke_em: float


class Calibration(_Data):
    """layouts/renderer_calibration.yaml: how the renderers are tuned to agree."""

    char_spacing_pt: float
    autospace_em: float
    table_rule_in_row: float
    table_empty_slot_pt: float
    hanging_tab_slack_pt: float
    hanging_fit_spare_pt: float
    docx: DocxCalibration
    pdf: PdfCalibration


class LineBreaking(_Data):
    """layouts/line_breaking.yaml: the 禁则 character sets."""

    no_line_start: frozenset[str]
    no_line_end: frozenset[str]
    soft_break_after: frozenset[str]
    long_run: int
    keep_after: frozenset[str]
    digits_may_follow: frozenset[str]

    @field_validator("no_line_start", "no_line_end", "soft_break_after", "keep_after", "digits_may_follow",
                     mode="before")
    @classmethod
    def _characters(cls, value: object) -> object:
        return frozenset(value) if isinstance(value, str) else value


class Layout(_Data):
    """layouts/gbt9704.yaml as typed data, with the calibration and line-breaking files."""

    page: Page
    grid: Grid
    colors: dict[str, Color]
    faces: dict[str, Face]
    roles: dict[str, Role]
    masthead: Masthead
    letter: LetterLayout
    order: OrderLayout
    body: Body
    signature_fit: SignatureFit
    seal: SealLayout
    tables: TableLayout
    imprint: ImprintLayout
    page_number: PageNumber
    calibration: Calibration
    line_breaking: LineBreaking

    def role(self, name: str) -> Role:
        return self.roles[name]

    def face_of(self, role: str) -> Face:
        return self.faces[self.roles[role].face]

    @cached_property
    def char_pitch_pt(self) -> float:
        """Body character pitch: 版心 width / characters per line (15.79 pt)."""
        return mm_to_pt(self.page.text_width_mm) / self.grid.chars_per_line

    def tracking_pt(self, role: str) -> float:
        """Space added after every character of ``role`` (negative: condensed)."""
        return self.calibration.char_spacing_pt if self.roles[role].grid else 0.0

    def advance_pt(self, role: str) -> float:
        """Advance of one full-width character of ``role`` before justification."""
        return self.roles[role].size_pt + self.tracking_pt(role)

    def chars_per_line(self, role: str) -> float:
        """字 of ``role`` that fit the 版心 width (20.1 for the 2号 title)."""
        return mm_to_pt(self.page.text_width_mm) / self.advance_pt(role)

    @property
    def line_pitch_pt(self) -> float:
        return self.grid.line_pitch_pt


# libyaml's parser where PyYAML was built with it (the wheels are): eight times faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_layout_file(path: Path) -> Any:
    """One of the layout's YAML files, parsed."""
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=SAFE_LOADER)


@lru_cache(maxsize=None)
def load_layout(folder: Path = LAYOUTS_DIR) -> Layout:
    """The layout, read once per process (it is frozen)."""
    data = read_layout_file(folder / "gbt9704.yaml")
    data["calibration"] = read_layout_file(folder / "renderer_calibration.yaml")
    data["line_breaking"] = read_layout_file(folder / "line_breaking.yaml")
    return Layout.model_validate(data)
