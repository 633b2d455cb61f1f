"""#3: every GB/T 9704 rule the checker measures holds on the seed and on the long synthetic
report; and the checker itself fails a PDF that breaks a rule."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from generator.compose import compose
from generator.document_model import Paragraph
from generator.font_files import FontFinder
from generator.inspection import inspect_pdf
from generator.layout import FontSet, lay_out
from generator.load import load_report
from generator.writers.pdf import write_pdf
from tests.conftest import PAGE_NUMBER_LINE, ROOT, squeeze

SYNTHETIC = ROOT / "data" / "synthetic-long.yaml"


def _failures(findings):
    return [f"{f.rule}: expected {f.expected}, measured {f.measured}" for f in findings if not f.ok]


def test_seed_pdf_meets_every_rule(seed_outputs, layout):
    findings = inspect_pdf(seed_outputs["pdf"], layout)
    assert len(findings) > 50
    assert _failures(findings) == []


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory, layout):
    warnings: list[str] = []
    document = compose(load_report(SYNTHETIC), warn=warnings.append, layout=layout)
    path = tmp_path_factory.mktemp("synthetic") / "synthetic-long.pdf"
    write_pdf(lay_out(document, layout, FontSet(layout, FontFinder(), warnings.append)), path)
    return path, document, warnings


def test_synthetic_pdf_meets_every_rule(synthetic, layout):
    path, _, _ = synthetic
    assert _failures(inspect_pdf(path, layout)) == []


def test_synthetic_exercises_what_it_is_for(synthetic, layout):
    path, document, _ = synthetic
    findings = {str(f.rule): f for f in inspect_pdf(path, layout)}
    assert len(document.parts[0].blocks[0].lines) == 3                       # three-line title
    assert str(findings["跨页表格在续页重复表头"].measured) != "0处中0处"
    continuations = [r for r in findings if "抄送机关转行后" in r]
    assert continuations                                                     # 抄送 wraps
    assert "加盖印章" in str(findings["第1份公文 署名/成文日期（§7.3.5）"].measured)            # the seal flag


def test_rare_characters_fall_back_with_a_warning(synthetic):
    path, _, warnings = synthetic
    for char in "㛃䶮":
        assert any(char in str(w) and "HanaMinA" in str(w) for w in warnings), warnings
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        fonts = {c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars if c["text"] in "㛃䶮"}
    assert fonts == {"HanaMinA"}


def test_pdftotext_gives_the_text_back(synthetic):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path, document, _ = synthetic
    output = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    text = squeeze("".join(line for line in output.replace("\f", "\n").splitlines()
                           if not PAGE_NUMBER_LINE.match(line.strip())))
    paragraphs = [squeeze("".join(r.text for r in block.runs))
                  for part in document.parts for block in part.blocks if isinstance(block, Paragraph)]
    assert len(paragraphs) > 20
    assert [p for p in paragraphs if p not in text] == []


def test_the_checker_fails_a_pdf_off_the_standard(tmp_path, layout, seed_document):
    shifted = layout.model_copy(update={"page": layout.page.model_copy(update={"left_mm": 29.5})})
    path = tmp_path / "shifted.pdf"
    write_pdf(lay_out(seed_document, shifted, FontSet(shifted, FontFinder(), lambda message: None)), path)
    failures = _failures(inspect_pdf(path, layout))
    assert any("版心左边缘" in f for f in failures), failures
