"""LibreOffice lays out the DOCX line for line like the PDF (#20), on the text where the two used
to part: numbers with hyphens, closing marks before digits, e-mail addresses and URLs, each at
every position near a line's end, in one document of the general format; and every data file,
every line of every page, table cells compared as their characters."""

from __future__ import annotations

import copy
import os

import pytest
import yaml

from generator.build import build
from tests.conftest import NOTICE, ROOT, first_line_difference, libreoffice_pdf

TOKENS = ["0591-23165370", "2021-2022", "12-34", "ab-cd", "A-12", "：2021年", "；2021年", "！2021年", "？2021年",
          "，2020年", "。2020年", "、2020年", "）2020年", "zwgk@example.gov.cn", "www.example.gov.cn/zwgk/index.html"]


def test_text_that_used_to_break_differently_breaks_alike(tmp_path):
    """Each token starting at each of the last nine characters of a line: 135 paragraphs."""
    data = copy.deepcopy(NOTICE)
    data["body"] = [{"p": "各" * (start - 2) + token + "，各单位要认真落实。"} for token in TOKENS
                    for start in range(20, 29)]
    path = tmp_path / "breaks.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    outputs = {p.suffix: p for p in build(path, tmp_path, ("docx", "pdf"), None, warn=lambda m: None,
                                          say=lambda m: None)}
    assert first_line_difference(outputs[".pdf"], libreoffice_pdf(outputs[".docx"], tmp_path / "lo")) == ""


@pytest.mark.parametrize("name", sorted(path.stem for path in (ROOT / "data").glob("*.yaml")))
def test_every_data_file_line_for_line(tmp_path, name):
    outputs = {p.suffix: p for p in build(ROOT / "data" / f"{name}.yaml", tmp_path, ("docx", "pdf"), None,
                                          warn=lambda m: None, say=lambda m: None, force=True)}
    assert first_line_difference(outputs[".pdf"], libreoffice_pdf(outputs[".docx"], tmp_path / "lo")) == ""


FILLER = "为进一步做好政府信息公开工作，我区坚持以公开为常态、不公开为例外，"
SLOW = os.environ.get("GONGWEN_TEST_LAYOUT") == "1"


@pytest.mark.parametrize("lines", range(23) if SLOW else [2, 7, 11, 17])
def test_the_seed_lengthened_line_by_line(tmp_path, lines):
    """The seed with its opening lengthened by 0 to 22 lines moves every table break and page end
    through a whole page: a cut span's label, a caption row at a page's foot, a row just above
    it, a 署名 carried over. (A sample in make test; every length in make test-layout.)"""
    data = yaml.safe_load((ROOT / "data" / "changle-2020.yaml").read_text(encoding="utf-8"))
    data["report"]["opening"][0] += (FILLER * 30)[:lines * 28]
    path = tmp_path / f"seed-plus-{lines}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    outputs = {p.suffix: p for p in build(path, tmp_path, ("docx", "pdf"), None, warn=lambda m: None,
                                          say=lambda m: None, force=True)}
    assert first_line_difference(outputs[".pdf"], libreoffice_pdf(outputs[".docx"], tmp_path / "lo")) == ""
