"""Both statutory formats print with their own labels and merged cells (standards.md B.5–B.7)."""

from __future__ import annotations

import docx
import pytest

from generator.build import build
from generator.document_model import Table
from tests.conftest import ROOT, missing_table_text, squeeze
from tests.test_docx_output import EXPECTED_SPANS, _spans

EXPECTED_2021 = {
    "proactive": {(0, 0, 1, 4), (4, 0, 1, 4), (5, 1, 1, 3), (6, 1, 1, 3), (7, 0, 1, 4), (8, 1, 1, 3),
                  (9, 1, 1, 3), (10, 1, 1, 3), (11, 0, 1, 4), (12, 1, 1, 3), (13, 1, 1, 3)},
    "applications": {(0, 0, 3, 3), (0, 3, 1, 7), (1, 3, 2, 1), (1, 4, 1, 5), (1, 9, 2, 1),
                     (3, 0, 1, 3), (4, 0, 1, 3), (5, 0, 22, 1), (5, 1, 1, 2), (6, 1, 1, 2),
                     (7, 1, 8, 1), (15, 1, 3, 1), (18, 1, 5, 1), (23, 1, 3, 1), (26, 1, 1, 2), (27, 0, 1, 3)},
    "reviews": EXPECTED_SPANS["reviews"],
}
SIZES_2021 = {"proactive": (14, 4), "applications": (28, 10), "reviews": (4, 15)}


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    out = tmp_path_factory.mktemp("example")
    paths = build(ROOT / "data" / "example-2021.yaml", out, ("docx", "pdf"), None,
                  warn=lambda message: None, say=lambda line: None)
    return {p.suffix: p for p in paths}


def test_2021_tables_have_the_merged_cells_of_the_standard(example):
    tables = [t for t in docx.Document(str(example[".docx"])).tables if len(t.columns) > 1]
    for name, table in zip(("proactive", "applications", "reviews"), tables, strict=True):
        spans, size = _spans(table._tbl)
        assert size == SIZES_2021[name], name
        assert spans == EXPECTED_2021[name], name


def test_2021_labels_and_figures_print_in_the_pdf(example):
    from generator.compose import compose
    from generator.checks import check_file
    document = compose(check_file(ROOT / "data" / "example-2021.yaml").report)
    tables = [b for b in document.parts[1].blocks if isinstance(b, Table)]
    labels = {squeeze(c.text) for t in tables for row in t.rows for c in row if c.kind != "number"}
    assert {"本年制发件数", "现行有效件数", "行政规范性文件", "本年收费金额（单位：万元）"} <= labels
    assert "第二十条第（九）项" not in labels                      # deleted in 2021
    assert missing_table_text(example[".pdf"], tables) == []
    # （七）总计 is left out of the data: computed, printed
    total = next(row for row in tables[1].rows if row[0].text == "（七）总计")
    assert [c.text for c in total[1:]] == ["234", "12", "1", "2", "4", "3", "256"]
