"""Shared fixtures: the seed rendered once per test session, and helpers for outside tools."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
import yaml

from generator import i18n
from generator.build import build
from generator.compose import compose
from generator.document_model import Document
from generator.layout_spec import Layout, load_layout
from generator.load import load_report

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "changle-2020.yaml"
FONTS_CONF = ROOT / "fonts" / "fonts.conf"


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (make test installs it where it can: tests/install_test_tools.sh)")
    return path


@functools.cache
def _docx_validator():
    """openxml-audit's port of the Open XML SDK validator, as `openxml-audit -f office2016`
    runs it, every finding kept; built once, since it loads the schemas."""
    from openxml_audit import FileFormat, OpenXmlValidator
    return OpenXmlValidator(file_format=FileFormat.OFFICE_2016, max_errors=0)


def docx_findings(path: Path) -> list[str]:
    """Every finding (error or warning) openxml-audit reports on a DOCX, one line each."""
    result = _docx_validator().validate(path)
    return [f"{e.severity.value}: {e.part_uri} {e.path}: {' '.join(e.description.split())}" for e in result.errors]


def assert_valid_docx(path: Path) -> None:
    """Fail, listing every finding, unless the DOCX is valid OOXML for Word 2016: Word and WPS
    offer to "repair" a file the Open XML SDK rejects, and the repair may change the layout.
    For every test that writes a DOCX (import it from tests.conftest)."""
    findings = docx_findings(path)
    assert not findings, f"{path.name}: {len(findings)} openxml-audit finding(s) (office2016):\n" + "\n".join(findings)


@pytest.fixture
def english():
    """Messages in English, for tests that compare them with the English msgids (``--lang en``
    sets the language for the whole process: set back after)."""
    i18n.set_language("en")
    yield
    i18n._language = None


def squeeze(text: str) -> str:
    """Text without any whitespace, for comparing what a PDF extracts with what we wrote."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="session")
def layout() -> Layout:
    return load_layout()


# A small 通知 of the general format, for documents built inline (each test changes what it tests).
NOTICE = {
    "kind": "通知",
    "issuers": ["某某区人民政府办公室"],
    "doc_number": {"code": "某政办", "year": 2024, "serial": 3},
    "title": "某某区人民政府办公室关于做好某项工作的通知",
    "addressee": "各镇人民政府",
    "body": [{"p": "为做好某项工作，现将有关事项通知如下。"}, {"h1": "工作要求"}, {"p": "各单位要认真落实。"}],
    "signatures": ["某某区人民政府办公室"],
    "date": "2024-05-08",
    "imprint": {"copy_to": ["区委办公室"], "printer": "某某区人民政府办公室", "print_date": "2024-05-08"},
}


def composed(path: Path) -> Document:
    """The document a data file of any kind composes to, as `gongwen build` composes it."""
    from generator.kinds import check_path
    checked = check_path(path)
    return checked.kind.compose(checked.data, lambda message: None, load_layout())


@pytest.fixture(scope="session")
def seed_document() -> Document:
    return compose(load_report(SEED))


@pytest.fixture(scope="session")
def seed_outputs(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("seed")
    warnings: list[str] = []
    paths = build(SEED, out, ("docx", "pdf"), None, warn=warnings.append)
    return {path.suffix[1:]: path for path in paths}


@pytest.fixture(scope="session")
def seed_pdf(seed_outputs):
    with pdfplumber.open(seed_outputs["pdf"]) as pdf:
        yield pdf


@pytest.fixture(scope="session")
def seed_pages_text(seed_pdf) -> list[str]:
    return [page.extract_text() or "" for page in seed_pdf.pages]


PAGE_NUMBER_LINE = re.compile(r"^—\s*\d+\s*—$")


@pytest.fixture(scope="session")
def seed_body_text(seed_pages_text) -> str:
    """All pages' text without page-number lines and whitespace, so split paragraphs rejoin."""
    lines = [line for page in seed_pages_text for line in page.splitlines()
             if not PAGE_NUMBER_LINE.match(line.strip())]
    return squeeze("".join(lines))


def libreoffice_convert(source: Path, folder: Path, target: str) -> Path:
    """Convert a file with LibreOffice headless (``target`` as for --convert-to: "pdf", or
    "xlsx:Calc MS Excel 2007 XML" to save a workbook as Calc saves it) into ``folder``, which must
    not hold ``source``; the project's fonts found via fonts/fonts.conf, a private profile."""
    soffice = require_tool("soffice")
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)}
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{folder}/lo-profile", "--headless", "--convert-to", target,
         "--outdir", str(folder), str(source)], capture_output=True, text=True, env=env, timeout=300)
    converted = folder / f"{source.stem}.{target.split(':')[0]}"
    if target.startswith("xlsx") and "could not be loaded" in result.stderr + result.stdout:
        pytest.skip("LibreOffice Calc is not installed (make test installs it: tests/install_test_tools.sh)")
    assert result.returncode == 0 and converted.exists(), result.stdout + result.stderr
    return converted


def libreoffice_pdf(docx: Path, folder: Path) -> Path:
    """Convert a DOCX with LibreOffice headless, finding the project's fonts via fonts/fonts.conf."""
    return libreoffice_convert(docx, folder, "pdf")


def missing_table_text(pdf_path: Path, tables) -> list[str]:
    """Labels of the model ``tables`` that pdfplumber finds in no ruled table cell of the PDF, and
    figure rows that end no row of a found table (an empty list: everything printed)."""
    cells: set[str] = set()
    rows: list[list[str]] = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            for found in page.extract_tables():
                for row in found:
                    cells.update(squeeze(c) for c in row if c)
                    rows.append([squeeze(c) for c in row if c])
    missing = []
    for table in tables:
        for row in table.rows:
            missing += [c.text for c in row if c.kind != "number" and squeeze(c.text) not in cells]
            figures = [squeeze(c.text) for c in row if c.kind == "number"]
            if figures and not any(r[-len(figures):] == figures for r in rows):
                missing.append(" ".join(figures))
    return missing


def page_starts(pdf_path: Path, length: int = 12) -> list[str]:
    """The first characters of each page's text, whitespace removed."""
    with pdfplumber.open(pdf_path) as pdf:
        return [squeeze(reading_text(page))[:length] for page in pdf.pages]


def lines_and_cells(pdf_path: Path) -> list[tuple[list[str], str]]:
    """Per page, every line of text outside the ruled tables (spaces removed) and the characters
    inside them, sorted: a merged label a few points lower in one renderer is no difference, a
    character on another page or line is. A 横排 page gives its turned text's characters, sorted
    (its page number left out)."""
    pages = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            turned = [c for c in page.chars if not c["upright"]]
            if len(turned) * 2 > len(page.chars) or page.width > page.height:    # ours turned, or a landscape page
                text = turned if len(turned) * 2 > len(page.chars) else [c for c in page.chars if c["upright"]]
                pages.append(([], "".join(sorted(c["text"] for c in text if c["text"].strip()))))
                continue
            boxes = [table.bbox for table in page.find_tables()]

            def inside(char: dict) -> bool:
                return any(x0 - 1 <= char["x0"] and char["x1"] <= x1 + 1 and top - 1 <= char["top"] and
                           char["bottom"] <= bottom + 1 for x0, top, x1, bottom in boxes)
            outside = page.filter(lambda o: o.get("object_type") != "char" or not inside(o))
            pages.append(([line["text"].replace(" ", "") for line in outside.extract_text_lines()],
                          "".join(sorted(c["text"] for c in page.chars if inside(c) and c["text"].strip()))))
    return pages


def first_line_difference(ours: Path, theirs: Path) -> str:
    """Where LibreOffice's rendering first differs from our PDF, line by line ("" if nowhere)."""
    a, b = lines_and_cells(ours), lines_and_cells(theirs)
    for number, ((lines, cells), (their_lines, their_cells)) in enumerate(zip(a, b), start=1):
        if lines != their_lines:
            at = next((i for i, (x, y) in enumerate(zip(lines, their_lines)) if x != y), min(len(lines), len(their_lines)))
            return f"page {number} line {at + 1}: ours {lines[at:at + 1]}, LibreOffice's {their_lines[at:at + 1]}"
        if cells != their_cells:
            return f"page {number}: the tables' characters differ"
    return f"page counts differ: ours {len(a)}, LibreOffice {len(b)}" if len(a) != len(b) else ""


def reading_text(page) -> str:
    """A page's text as its reader reads it: the upright text, or on a 横排 page whose text runs
    up the paper (ours: the sheet is turned to read it) that text, line by line from the paper's
    left edge. The few characters the other way (a page number) are left out."""
    turned = [c for c in page.chars if not c["upright"]]
    if len(turned) * 2 <= len(page.chars):
        return page.filter(lambda o: o.get("object_type") != "char" or o["upright"]).extract_text() or ""
    lines: dict[int, list[dict]] = {}
    for char in turned:
        lines.setdefault(round(char["matrix"][4]), []).append(char)
    return "\n".join("".join(c["text"] for c in sorted(lines[x], key=lambda c: c["matrix"][5])) for x in sorted(lines))


DATA_FILES = sorted((ROOT / "data").glob("*.yaml"))


def is_annual_report(path: Path) -> bool:
    """A data file of the annual report (no ``kind:``, or 年度报告), not of another 公文 kind."""
    from generator.kinds import ANNUAL_REPORT
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data.get("kind", ANNUAL_REPORT) == ANNUAL_REPORT


ANNUAL_REPORTS = [path for path in DATA_FILES if is_annual_report(path)]


@pytest.fixture(scope="session", params=DATA_FILES, ids=[path.stem for path in DATA_FILES])
def data_copies(request, tmp_path_factory) -> dict[str, Path]:
    """Each data file's print PDF and PDF/A archive copy, from one build (built anyway when its
    tables do not add up)."""
    out = tmp_path_factory.mktemp(request.param.stem)
    pdf, pdfa = build(request.param, out, ("pdf", "pdfa"), None, warn=lambda message: None, say=lambda line: None,
                      force=True)
    return {"pdf": pdf, "pdfa": pdfa}


PREFLIGHT_JARS = ("preflight", "pdfbox2", "fontbox2", "xmpbox", "commons-logging", "javax.activation", "jaxb-api")


def preflight(pdf: Path) -> tuple[bool, str]:
    """Apache PDFBox Preflight's verdict on ``pdf`` as PDF/A-1b (Debian's libpdfbox2-java, installed
    by tests/install_test_tools.sh): valid or not, and its report, one finding a line."""
    java = require_tool("java")
    jars = [Path("/usr/share/java") / f"{name}.jar" for name in PREFLIGHT_JARS]
    missing = [jar.name for jar in jars if not jar.is_file()]
    if missing:
        pytest.skip(f"PDFBox Preflight is not installed ({', '.join(missing)}; make test installs it where it can: "
                    "tests/install_test_tools.sh)")
    result = subprocess.run([java, "-cp", ":".join(map(str, jars)), "org.apache.pdfbox.preflight.Validator_A1b",
                             str(pdf)], capture_output=True, text=True, timeout=300)
    return result.returncode == 0, (result.stdout + result.stderr).strip()
