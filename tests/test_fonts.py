"""The office's own fonts: --font-dir (or GONGWEN_FONT_DIR) comes before the project's fonts."""

from __future__ import annotations

import pdfplumber

from generator.build import build
from generator.font_files import project_font_dir
from tests.conftest import SEED


def test_a_font_in_the_users_folder_draws_its_role(tmp_path):
    """A file named like the office font (仿宋_GB2312.ttf) is used for 仿宋 text; here it is the
    project's Kai face under that name, so the body comes out in Kai."""
    fonts = tmp_path / "office-fonts"
    fonts.mkdir()
    (fonts / "仿宋_GB2312.ttf").symlink_to(project_font_dir() / "FandolKai-Regular.ttf")
    pdf = next(p for p in build(SEED, tmp_path / "out", ("pdf",), fonts, warn=lambda m: None, say=lambda l: None))
    with pdfplumber.open(pdf) as document:
        body = [c for c in document.pages[2].chars if c["size"] == 16 and c["text"] == "根"]
    assert body and all("FandolKai" in c["fontname"] for c in body)


def test_the_environment_variable_works_like_the_option(tmp_path, monkeypatch):
    fonts = tmp_path / "office-fonts"
    fonts.mkdir()
    (fonts / "SIMHEI.TTF").symlink_to(project_font_dir() / "FandolSong-Regular.ttf")   # names match case-insensitively
    monkeypatch.setenv("GONGWEN_FONT_DIR", str(fonts))
    pdf = next(p for p in build(SEED, tmp_path / "out", ("pdf",), None, warn=lambda m: None, say=lambda l: None))
    with pdfplumber.open(pdf) as document:
        heading = [c for page in document.pages for c in page.chars if c["text"] == "总" and c["size"] == 16]
    assert any("FandolSong-Regular" in c["fontname"] for c in heading)     # 一、总体情况 is 黑体
