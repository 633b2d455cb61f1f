"""Issue 9, the seal: `gongwen build --seal SEAL.png` presses the office's scan on every 署名 as
GB/T 9704 §7.3.5.1 places it, under the text, in the PDF, the OFD and (anchored behind the
text) the DOCX, where LibreOffice puts it within 1 mm of the PDF's place."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from lxml import etree
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader

from generator.build import build
from generator.cli import main
from generator.font_files import project_font_dir
from generator.inspection import inspect_pdf
from generator.layout_spec import MM_PER_PT
from tests.conftest import ROOT, SEED, assert_valid_docx, libreoffice_pdf

DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")


def make_test_seal(folder: Path) -> Path:
    """A round red test seal marked 测试专用章, on a transparent background."""
    size, red = 600, (214, 32, 32, 255)
    picture = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((12, 12, size - 12, size - 12), outline=red, width=24)
    font = ImageFont.truetype(str(project_font_dir() / "FandolHei-Regular.ttf"), 88)
    draw.text((size / 2, size / 2), "测试专用章", fill=red, anchor="mm", font=font)
    path = folder / "测试专用章.png"
    picture.save(path)
    return path


SEALED = [SEED, ROOT / "data" / "example-2021.yaml", ROOT / "data" / "synthetic-long.yaml"]


@pytest.fixture(scope="module", params=SEALED, ids=lambda path: path.stem)
def sealed(tmp_path_factory, request) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("sealed")
    seal = make_test_seal(folder)
    paths = build(request.param, folder / "out", ("docx", "pdf", "ofd"), None, warn=lambda m: None,
                  say=lambda m: None, seal=seal)
    return {path.suffix[1:]: path for path in paths} | {"seal": seal}


def _mm(value: float) -> float:
    return value * MM_PER_PT


def _seals(pdf_path: Path) -> list[tuple[int, tuple[float, float, float, float]]]:
    with pdfplumber.open(pdf_path) as pdf:
        return [(page.page_number, tuple(_mm(image[k]) for k in ("x0", "top", "x1", "bottom")))
                for page in pdf.pages for image in page.images]


def test_the_seal_sits_as_the_standard_places_it(sealed, layout):
    pitch = _mm(layout.line_pitch_pt)
    diameter = layout.seal.diameter_mm
    seals = _seals(sealed["pdf"])
    with pdfplumber.open(sealed["pdf"]) as pdf:
        dates = [page.page_number for page in pdf.pages for line in page.extract_text_lines()
                 if DATE.match(line["text"].replace(" ", ""))]
    assert [page for page, _ in seals] == dates and len(dates) == 2     # the memo's 署名 and the report's
    with pdfplumber.open(sealed["pdf"]) as pdf:
        for number, (x0, top, x1, bottom) in seals:
            assert x1 - x0 == pytest.approx(diameter, abs=0.05) and bottom - top == pytest.approx(diameter, abs=0.05)
            lines = {}
            for char in pdf.pages[number - 1].chars:
                lines.setdefault(round(char["top"], 1), []).append(char)
            texts = sorted((min(c["top"] for c in cs), "".join(c["text"] for c in sorted(cs, key=lambda c: c["x0"])),
                            cs) for cs in lines.values())
            date_index = next(i for i, (_, text, _) in enumerate(texts) if DATE.match(text))
            organ_top, date_top = texts[date_index - 1][0], texts[date_index][0]
            date_chars = texts[date_index][2]
            date_x0, date_x1 = _mm(min(c["x0"] for c in date_chars)), _mm(max(c["x1"] for c in date_chars))
            # upright and centred over the date (and the 署名, centred on it)
            assert (x0 + x1) / 2 == pytest.approx((date_x0 + date_x1) / 2, abs=0.5)
            # the date 右空四字
            right = layout.page.left_mm + layout.page.text_width_mm
            assert right - date_x1 == pytest.approx(layout.body.seal_date_right_chars * _mm(layout.char_pitch_pt),
                                                     abs=0.5)
            # the 署名 and the date a little below the seal's centre
            lines_middle = (_mm(organ_top) + _mm(date_top) + _mm(16)) / 2
            assert 0 < lines_middle - (top + bottom) / 2 <= pitch
            # its top within one line below the body; when the 署名 opens a page, inside the 版心
            above = [_mm(top_) + _mm(16) for top_, text, _ in texts[:date_index - 1]]
            if above:
                assert 0 <= top - max(above) <= pitch
            else:
                assert layout.page.top_mm <= top <= layout.page.top_mm + 2 * pitch
            assert bottom <= layout.page.top_mm + layout.page.text_height_mm      # never below the 版心
    findings = {str(f.rule): f for f in inspect_pdf(sealed["pdf"], layout)}
    assert [f for f in findings.values() if not f.ok] == []
    assert "加盖印章：日期右空四字" in str(findings["第1份公文 署名/成文日期（§7.3.5）"].measured)


def test_the_seal_is_drawn_under_the_text(sealed):
    for page in PdfReader(sealed["pdf"]).pages:
        content = page.get_contents().get_data()
        if b" Do" in content:
            assert content.index(b" Do") < content.index(b"BT")


def test_libreoffice_puts_the_docx_seal_where_the_pdf_has_it(sealed, tmp_path):
    assert_valid_docx(sealed["docx"])
    document = zipfile.ZipFile(sealed["docx"]).read("word/document.xml")
    anchors = etree.fromstring(document).findall(".//{*}anchor")
    assert len(anchors) == 2 and all(anchor.get("behindDoc") == "1" for anchor in anchors)
    ours, theirs = _seals(sealed["pdf"]), _seals(libreoffice_pdf(sealed["docx"], tmp_path))
    assert [page for page, _ in theirs] == [page for page, _ in ours]
    for (_, a), (_, b) in zip(ours, theirs):
        assert max(abs(p - q) for p, q in zip(a, b)) < 1.0, (a, b)


def test_the_ofd_carries_the_seal_at_the_same_place(sealed):
    with zipfile.ZipFile(sealed["ofd"]) as ofd:
        boxes = []
        for name in sorted(n for n in ofd.namelist() if n.endswith("Content.xml")):
            for image in etree.fromstring(ofd.read(name)).iter("{*}ImageObject"):
                boxes.append([float(v) for v in image.get("Boundary").split()])
    ours = [box for _, box in _seals(sealed["pdf"])]
    assert len(boxes) == len(ours)
    for (x, y, w, h), (x0, top, x1, bottom) in zip(boxes, ours):
        assert max(abs(x - x0), abs(y - top), abs(x + w - x1), abs(y + h - bottom)) < 0.1


def test_a_seal_scan_that_cannot_serve_is_refused_in_one_line(tmp_path, capsys):
    (tmp_path / "text.png").write_text("not a picture")
    Image.new("RGB", (600, 300), "white").save(tmp_path / "wide.png")
    for name, words in (("missing.png", "印章图片不存在"), ("text.png", "无法读取印章图片"),
                        ("wide.png", "请裁剪到印章本身")):
        assert main(["build", str(SEED), "-o", str(tmp_path / "out"), "--seal", str(tmp_path / name)]) == 2
        last = capsys.readouterr().err.splitlines()[-1]
        assert last.startswith("错误：") and words in last, last
    assert not (tmp_path / "out").exists()
