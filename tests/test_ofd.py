"""The OFD copy (GB/T 33190-2016) of every data file. No OFD renderer exists here, so it is
checked by the standard's schemas, by an independent reader (ofdkit) and against the same
build's PDF: the same characters at the same places, the same rules in the same colours, the
same pages and metadata; the fonts are parsed, and each page is drawn from its own parts
(tests/ofd_render.py) and laid over the PDF's rendering."""

from __future__ import annotations

import dataclasses
import subprocess
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import ofdkit
import pdfplumber
import pytest
from fontTools.ttLib import TTFont
from lxml import etree
from PIL import Image, ImageChops, ImageDraw, ImageFilter
from pypdf import PdfReader

from generator.build import build
from generator.compose import compose
from generator.font_files import FontFinder
from generator.layout import FontSet, lay_out
from generator.layout_spec import MM_PER_PT, Layout
from generator.load import load_report
from generator.paged_document import Image as PagedImage
from generator.writers.ofd import write_ofd
from tests.conftest import ROOT, SEED, composed, require_tool
from tests.ofd_render import NS, OfdPackage, color, floats, glyphs, path_points

SCHEMAS = ROOT / "tests" / "fixtures" / "ofd-schema"
DATA_FILES = sorted((ROOT / "data").glob("*.yaml"))
TOLERANCE_MM = 0.1


@dataclass(frozen=True)
class PdfGlyph:
    text: str
    x: float            # origin, mm from the left edge
    baseline: float     # mm from the top edge
    size: float         # mm


@dataclass(frozen=True)
class PdfRule:
    points: tuple[tuple[float, float], ...]     # mm, y down
    width: float                                # mm
    color: tuple[float, ...]                    # as painted (CMYK)


@dataclass(frozen=True)
class Built:
    data: Path
    ofd: Path
    pdf: Path
    glyphs: list[list[PdfGlyph]]                # per page, in drawing order
    rules: list[list[PdfRule]]


def _read_pdf(path: Path) -> tuple[list[list[PdfGlyph]], list[list[PdfRule]]]:
    """pdfplumber's chars by their text matrix (the glyph origin) and its lines."""
    glyph_pages, rule_pages = [], []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            # pdfminer gives a turned glyph's advance as its size; its em height lies across the page
            glyph_pages.append([PdfGlyph(c["text"], c["matrix"][4] * MM_PER_PT,
                                         (page.height - c["matrix"][5]) * MM_PER_PT,
                                         (c["size"] if c["upright"] else c["width"]) * MM_PER_PT)
                                for c in page.chars])
            rule_pages.append([PdfRule(tuple((x * MM_PER_PT, y * MM_PER_PT) for x, y in line["pts"]),
                                       line["linewidth"] * MM_PER_PT, tuple(line["stroking_color"]))
                               for line in page.lines])
    return glyph_pages, rule_pages


@pytest.fixture(scope="module", params=DATA_FILES, ids=lambda path: path.stem)
def built(request, tmp_path_factory) -> Built:
    out = tmp_path_factory.mktemp(request.param.stem)
    paths = {p.suffix: p for p in build(request.param, out, ("pdf", "ofd"), None,
                                        warn=lambda message: None, say=lambda line: None)}
    return Built(request.param, paths[".ofd"], paths[".pdf"], *_read_pdf(paths[".pdf"]))


def _rgb(layout: Layout, name: str) -> tuple[int, ...]:
    value = layout.colors[name].rgb
    return tuple(int(value[i:i + 2], 16) for i in (0, 2, 4))


def _schema_errors(package: zipfile.ZipFile) -> list[str]:
    schemas = {name: etree.XMLSchema(etree.parse(str(SCHEMAS / f"{name}.xsd")))
               for name in ("OFD", "Document", "Page", "Res")}
    errors = []
    for name in package.namelist():
        if name.endswith(".xml"):
            part = etree.fromstring(package.read(name))
            schema = schemas[etree.QName(part).localname]
            if not schema.validate(part):
                errors += [f"{name}:{error.line}: {error.message}" for error in schema.error_log]
    return errors


def test_every_part_is_valid_against_the_standards_schemas(built):
    with zipfile.ZipFile(built.ofd) as package:
        names = package.namelist()
        assert {"OFD.xml", "Doc_0/Document.xml", "Doc_0/PublicRes.xml"} <= set(names)
        assert sum(name.endswith("/Content.xml") for name in names) == len(built.glyphs)
        assert _schema_errors(package) == []


def test_an_independent_reader_gets_every_run_of_the_pdf_back(built):
    """ofdkit reads the file: per page the runs' text is the PDF's glyphs' text, and each run
    starts, in its size, at the PDF glyph's origin."""
    with ofdkit.open(built.ofd) as document:
        assert len(document.pages) == len(built.glyphs)
        for number, (page, pdf_glyphs) in enumerate(zip(document.pages, built.glyphs), start=1):
            runs = page.runs
            assert "".join(run.text for run in runs) == "".join(g.text for g in pdf_glyphs), f"page {number}"
            start = 0
            for run in runs:
                first = pdf_glyphs[start]
                assert (run.x, run.y, run.size) == pytest.approx((first.x, first.baseline, first.size),
                                                                 abs=TOLERANCE_MM), f"page {number}: {run.text}"
                start += len(run.text)
        assert document.warnings == []


def test_every_glyph_sits_where_the_pdf_puts_it(built):
    ofd = OfdPackage(built.ofd)
    for index, pdf_glyphs in enumerate(built.glyphs):
        placed = [glyph for text in ofd.objects(index, "TextObject") for glyph in glyphs(text)]
        assert [char for char, _, _ in placed] == [g.text for g in pdf_glyphs]
        far = [(char, x - g.x, y - g.baseline) for (char, x, y), g in zip(placed, pdf_glyphs)
               if abs(x - g.x) > TOLERANCE_MM or abs(y - g.baseline) > TOLERANCE_MM]
        assert far == [], f"page {index + 1}"


def test_fonts_are_embedded_subsets_of_exactly_the_glyphs_drawn(built):
    ofd = OfdPackage(built.ofd)
    drawn: dict[str, set[str]] = {}
    for index in range(len(ofd.pages)):
        for text in ofd.objects(index, "TextObject"):
            drawn.setdefault(text.get("Font"), set()).update(char for char, _, _ in glyphs(text))
    declared = ofd.xml("Doc_0/PublicRes.xml").findall(".//ofd:Font", NS)
    assert {font.get("ID") for font in declared} == set(drawn)
    for declaration in declared:
        font = TTFont(BytesIO(ofd.fonts[declaration.get("ID")]))
        cmap = font.getBestCmap()
        characters = drawn[declaration.get("ID")]
        assert {ord(char) for char in characters} <= set(cmap), declaration.get("FontName")
        order = font.getGlyphOrder()
        assert set(order) == {order[0]} | {cmap[ord(char)] for char in characters}   # .notdef and the used
        assert declaration.get("FamilyName") == font["name"].getBestFamilyName()
        assert declaration.get("FontName") == font["name"].getDebugName(6)
    assert any(font.get("FontName") == "FandolFang-Regular" for font in declared)


def _layout_color(layout: Layout, cmyk: tuple[float, ...]) -> str:
    return next(name for name, value in layout.colors.items() if value.cmyk == pytest.approx(cmyk))


def test_rules_are_the_pdfs_rules_in_the_layouts_colours(built, layout):
    ofd = OfdPackage(built.ofd)
    for index, pdf_rules in enumerate(built.rules):
        paths = ofd.objects(index, "PathObject")
        assert len(paths) == len(pdf_rules), f"page {index + 1}"
        for path, rule in zip(paths, pdf_rules):
            assert path_points(path) == [pytest.approx(point, abs=TOLERANCE_MM) for point in rule.points]
            assert float(path.get("LineWidth")) == pytest.approx(rule.width, abs=0.001)
            assert color(path.find("ofd:StrokeColor", NS)) == _rgb(layout, _layout_color(layout, rule.color))


def test_the_red_rule_lies_under_the_document_number_across_the_text_width(built, layout):
    ofd = OfdPackage(built.ofd)
    red = _rgb(layout, "red")
    rules = [path for path in ofd.objects(0, "PathObject") if color(path.find("ofd:StrokeColor", NS)) == red]
    masthead = composed(built.data).parts[0].masthead
    # a report alone has no 版头, a 令 no rule (§10.2); a letter has two red double lines (§10.1)
    assert len(rules) == (0 if masthead is None or masthead.order_number else 4 if masthead.letter else 1)
    if len(rules) != 1:
        return
    (x0, y0), (x1, y1) = path_points(rules[0])
    number = next(text for text in ofd.objects(0, "TextObject") if "〔" in text.findtext("ofd:TextCode", namespaces=NS))
    assert y0 == y1 > glyphs(number)[0][2]
    assert x1 - x0 == pytest.approx(layout.page.text_width_mm, abs=TOLERANCE_MM)
    assert rules[0].get("Cap") == "Butt"


def test_the_narrowed_masthead_is_scaled_to_the_text_width_in_red(built, layout):
    ofd = OfdPackage(built.ofd)
    if composed(built.data).parts[0].masthead is None:     # no 版头: nothing red on its first page
        assert all(color(text.find("ofd:FillColor", NS)) != _rgb(layout, "red")
                   for text in ofd.objects(0, "TextObject"))
        return
    marks = [text for text in ofd.objects(0, "TextObject") if color(text.find("ofd:FillColor", NS)) == _rgb(layout, "red")]
    assert marks                        # the mark (a 联合行文's names and "文件") is all that is red
    left = min(glyphs(mark)[0][1] for mark in marks)
    right = max(glyphs(mark)[-1][1] + float(mark.get("Size")) * float(mark.get("HScale", "1")) for mark in marks)
    assert all(float(mark.get("HScale", "1")) <= 1 for mark in marks)
    assert right - left <= layout.page.text_width_mm + TOLERANCE_MM
    scale = float(marks[0].get("HScale", "1"))
    if scale < 1:                       # narrowed exactly to the 版心
        assert right - left == pytest.approx(layout.page.text_width_mm, abs=TOLERANCE_MM)


def test_bold_runs_are_stroked_in_their_own_colour_as_the_pdf_strokes_them(built, layout):
    ofd = OfdPackage(built.ofd)
    bold = [text for index in range(len(ofd.pages)) for text in ofd.objects(index, "TextObject")
            if text.get("Stroke") == "true"]
    leads = [run for part in composed(built.data).parts for block in part.blocks
             for run in getattr(block, "runs", ()) if run.role == "lead"]
    assert bool(bold) == bool(leads)    # the 一是 leads
    for text in bold:
        assert color(text.find("ofd:StrokeColor", NS)) == color(text.find("ofd:FillColor", NS))
        assert float(text.get("LineWidth")) == pytest.approx(
            float(text.get("Size")) * layout.calibration.pdf.bold_stroke_em, abs=0.001)


def test_docinfo_is_the_data_and_the_pdfs_metadata(built):
    pdf = PdfReader(built.pdf).metadata
    with ofdkit.open(built.ofd) as document:
        info = document.info
    meta = composed(built.data).meta        # the author and date from the data (the cover's, if any)
    assert info.title == meta.title == pdf.title
    assert info.author == meta.author == pdf.author
    assert info.subject == pdf.subject
    assert info.keywords == meta.keywords
    assert ", ".join(info.keywords) == pdf["/Keywords"]
    assert info.creation_date == meta.created.date().isoformat()
    assert info.creator == "gongwen"
    assert len(info.doc_id) == 32


def test_same_data_gives_the_same_bytes(tmp_path):
    first, second = (build(SEED, tmp_path / name, ("ofd",), None, warn=lambda message: None,
                           say=lambda line: None)[0] for name in ("a", "b"))
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as package:
        entries = package.infolist()
    assert [entry.filename for entry in entries] == sorted(entry.filename for entry in entries)
    assert {entry.date_time for entry in entries} == {(2021, 2, 4, 0, 0, 0)}


def _ink_outside(ours: Image.Image, theirs: Image.Image) -> float:
    """The share of ``ours``'s dark pixels with no dark pixel of ``theirs`` within one pixel."""
    dark = [image.convert("L").point(lambda value: 255 if value < 160 else 0) for image in (ours, theirs)]
    outside = ImageChops.subtract(dark[0], dark[1].filter(ImageFilter.MaxFilter(3)))
    return outside.histogram()[255] / max(1, dark[0].histogram()[255])


def test_pages_drawn_from_the_ofds_own_parts_look_like_the_pdf(built, tmp_path):
    """The first page (masthead, red rule) and the page with most rules (a table), drawn from the
    embedded subsets and the parts' positions, cover the PDF's rendering and nothing else."""
    pdftoppm = require_tool("pdftoppm")
    ofd = OfdPackage(built.ofd)
    table_page = max(range(len(ofd.pages)), key=lambda index: len(ofd.objects(index, "PathObject")))
    for index in sorted({0, table_page}):
        ours = ofd.paint(index, dpi=100)
        prefix = tmp_path / f"page-{index}"
        subprocess.run([pdftoppm, "-r", "100", "-png", "-singlefile", "-f", str(index + 1), "-l", str(index + 1),
                        str(built.pdf), str(prefix)], check=True)
        theirs = Image.open(f"{prefix}.png").crop((0, 0, *ours.size))
        # the test's painter draws small glyphs a little bolder than poppler: on a page mostly of
        # 五号 table text (the 通知 example's 横排 attachment) 4.5% of its ink lies at such edges,
        # and shifting it a pixel either way only adds more
        assert _ink_outside(ours, theirs) < 0.05, f"page {index + 1}: OFD ink where the PDF has none"
        assert _ink_outside(theirs, ours) < 0.03, f"page {index + 1}: PDF ink the OFD lacks"


@pytest.fixture(scope="module")
def seed_paged(layout):
    return lay_out(compose(load_report(SEED), layout=layout), layout,
                   FontSet(layout, FontFinder(None), lambda message: None))


def test_a_picture_becomes_an_image_object_under_the_text(seed_paged, layout, tmp_path):
    """The seal scan (not drawn by the layout yet) as a PagedDocument item: a MultiMedia
    resource and an ImageObject stretched over its box, first on its page."""
    seal = tmp_path / "seal.png"
    picture = Image.new("RGBA", (200, 200), (0, 0, 0, 0))
    ImageDraw.Draw(picture).ellipse((10, 10, 190, 190), outline=(230, 0, 18, 255), width=12)
    picture.save(seal)
    item = PagedImage(seal, x=340.0, y=500.0, width=127.56, height=127.56)      # 45 mm
    first = seed_paged.pages[0]
    paged = dataclasses.replace(seed_paged, pages=(dataclasses.replace(first, items=first.items + (item,)),)
                                + seed_paged.pages[1:])
    target = tmp_path / "seal.ofd"
    write_ofd(paged, target)
    with zipfile.ZipFile(target) as package:
        assert _schema_errors(package) == []
    ofd = OfdPackage(target)
    image = ofd.objects(0)[0]
    assert etree.QName(image).localname == "ImageObject"
    assert floats(image.get("Boundary")) == pytest.approx([340 * MM_PER_PT, 500 * MM_PER_PT, 45, 45], abs=0.01)
    assert image.get("CTM") == "45 0 0 45 0 0"
    media = ofd.xml("Doc_0/DocumentRes.xml").find(".//ofd:MultiMedia", NS)
    assert (media.get("ID"), media.get("Type"), media.get("Format")) == (image.get("ResourceID"), "Image", "PNG")
    assert ofd.images[image.get("ResourceID")] == seal.read_bytes()
    drawn = ofd.paint(0, dpi=100).getpixel((round((340 + 10) * MM_PER_PT * 100 / 25.4),
                                            round((500 + 63.78) * MM_PER_PT * 100 / 25.4)))
    assert drawn[0] > 200 and drawn[1] < 60         # the ring's red on its left edge
