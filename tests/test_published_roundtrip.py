"""The round trip: every annual-report data file in data/, built to DOCX and PDF (the report
alone, as a portal publishes it), imported back gives the same data: every table cell equal to
what the build printed (totals included), the prose text equal section by section, the labels,
section titles and ending equal; and ``check`` says the same of it. The same holds after
LibreOffice saves the DOCX again and after LibreOffice exports the PDF (one data file here; all
of them with GONGWEN_TEST_LAYOUT=1, as ``make test-layout`` runs)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import ANNUAL_REPORTS, libreoffice_convert
from generator.build import build
from generator.kinds import check_path
from generator.published import read_published
from generator.published.data_file import data_file
from test_published import table_cells

SLOW = os.environ.get("GONGWEN_TEST_LAYOUT") == "1"
LIBREOFFICE_REPORTS = ANNUAL_REPORTS if SLOW else [path for path in ANNUAL_REPORTS if path.stem == "example-2021"]


def prose(report: dict) -> dict[str, list[str]]:
    """Each prose section's blocks as text: a heading's words and its run-on text, a lead and
    its paragraph (a published page does not mark where a lead sentence ends)."""
    sections = ("opening", "overview", "problems", "other_matters")
    notes = {f"{key}.notes": (report.get(key) or {}).get("notes") or [] for key in ("proactive", "applications",
                                                                                   "reviews")}
    return {key: [block if isinstance(block, str) else
                  "".join(block.get(part) or "" for part in ("h2", "h3", "h4", "lead", "p", "text"))
                  for block in blocks]
            for key, blocks in ({key: report.get(key) or [] for key in sections} | notes).items()}


def labels(tables: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """The labels printed otherwise than the standard."""
    return {table: {standard: printed for standard, printed in printed_as.items() if printed != standard}
            for table, printed_as in tables.items() if printed_as}


def pruned(value):
    """``value`` without the fields left unset (None), as a data file leaves them out."""
    if isinstance(value, dict):
        return {key: pruned(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [pruned(item) for item in value]
    return value


@pytest.fixture(scope="module", params=ANNUAL_REPORTS, ids=[path.stem for path in ANNUAL_REPORTS])
def built(request, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp(request.param.stem)
    written = build(request.param, out, ("docx", "pdf"), None, warn=lambda _: None, say=lambda _: None,
                    force=True, parts="report")
    checked = check_path(request.param)
    return {"data": request.param, "expected": checked.data.model_dump(), "findings": checked.findings,
            **{path.suffix[1:]: path for path in written}}


def assert_same_report(source: Path, expected: dict, findings: list, tmp_path: Path) -> None:
    published = read_published(source)
    got, want = published.data["report"], expected["report"]
    assert (published.data["format"], published.data["year"]) == (expected["format"], expected["year"])
    printed = {path: value for path, value in table_cells(want).items() if value is not None}
    assert {path: table_cells(got).get(path) for path in printed} == printed
    assert all(value is None for path, value in table_cells(got).items() if path not in printed)
    assert prose(got) == prose(want)
    assert got["title"] == want["title"]
    assert labels(got.get("labels") or {}) == labels(want["labels"])
    sections = [entry["section"] if list(entry) == ["section"] else entry for entry in pruned(want.get("sections") or [])]
    assert sections == (got.get("sections") or [])
    for key in ("signature", "date", "imprint"):
        assert got.get(key) == want.get(key), key
    assert published.unread == []
    written = tmp_path / "imported.yaml"
    written.write_text(data_file(published), "utf-8")
    assert sorted(str(f.message) for f in check_path(written).findings) == sorted(str(f.message) for f in findings)


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_our_outputs_import_back_to_the_same_data(built: dict, kind: str, tmp_path: Path) -> None:
    assert_same_report(built[kind], built["expected"], built["findings"], tmp_path)


@pytest.mark.parametrize("data", LIBREOFFICE_REPORTS, ids=[path.stem for path in LIBREOFFICE_REPORTS])
def test_libreoffice_resaved_docx_and_exported_pdf_import_back(data: Path, tmp_path: Path) -> None:
    written = build(data, tmp_path / "ours", ("docx",), None, warn=lambda _: None, say=lambda _: None, force=True,
                    parts="report")
    docx = tmp_path / "source" / written[0].name
    docx.parent.mkdir()
    shutil.copy(written[0], docx)
    resaved = libreoffice_convert(docx, tmp_path / "resaved", "docx:MS Word 2007 XML")
    exported = libreoffice_convert(docx, tmp_path / "exported", "pdf")
    checked = check_path(data)
    for source in (resaved, exported):
        assert_same_report(source, checked.data.model_dump(), checked.findings, tmp_path)


def test_full_copy_reads_the_report_and_leaves_the_cover_memo(tmp_path: Path) -> None:
    data = next(path for path in ANNUAL_REPORTS if path.stem == "example-2021")
    docx, = build(data, tmp_path, ("docx",), None, warn=lambda _: None, say=lambda _: None, force=True)
    checked = check_path(data)
    assert_same_report(docx, checked.data.model_dump(), checked.findings, tmp_path)
    assert [(text.msgid, text.fields) for _, text in read_published(docx).warnings] == \
        [("{count} paragraph(s) above the report's title left out (a cover memo is not read)", {"count": 9})]
