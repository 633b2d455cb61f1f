"""``gongwen audit FOLDER -o review.xlsx``: each report imported and checked, one that cannot be
read stopping none, the workbook read back with openpyxl; exit 1 when any report has an error."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from reportlab.pdfgen import canvas

from generator.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "published"
pytestmark = pytest.mark.usefixtures("english")



def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for page in sorted(FIXTURES.glob("pingtan-*.html")):
        shutil.copy(page, folder / page.name)
    tampered = (FIXTURES / "pingtan-2024.html").read_text("utf-8").replace("<p>217</p>", "<p>216</p>", 1)
    (folder / "tampered-2024.html").write_text(tampered, "utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    scan = canvas.Canvas(str(folder / "scan.pdf"))
    scan.rect(100, 100, 300, 500, fill=1)           # a page of image, no text
    scan.showPage()
    scan.save()
    (folder / "notes.txt").write_text("not a report", "utf-8")     # not a report's suffix: left alone
    return folder


def test_audit_writes_the_review_workbook(tmp_path: Path, capsys) -> None:
    folder = _folder(tmp_path)
    review = tmp_path / "review.xlsx"
    assert main(["--lang", "en", "audit", str(folder), "-o", str(review)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 7 and lines[0].startswith("[1/7]")
    book = openpyxl.load_workbook(review)
    assert book.sheetnames == ["summary", "findings"]
    summary = {Path(row[0]).name: row for row in book["summary"].iter_rows(min_row=2, values_only=True)}
    assert set(summary) == {"broken.pdf", "scan.pdf", "tampered-2024.html", "pingtan-2019.html", "pingtan-2021.html",
                            "pingtan-2024.html", "pingtan-2025.html"}
    for year in (2019, 2021, 2024, 2025):
        _, organ, got_year, year_format, _, errors, _, unread = summary[f"pingtan-{year}.html"]
        assert (organ, got_year, year_format, errors, unread) == \
            ("平潭综合实验区", year, 2019 if year == 2019 else 2021, 0, None)
    assert summary["tampered-2024.html"][5] == 2
    assert "cannot read as PDF" in summary["broken.pdf"][7]
    assert "scanned PDF" in summary["scan.pdf"][7] and "1 page(s)" in summary["scan.pdf"][7]
    findings = [row for row in book["findings"].iter_rows(min_row=2, values_only=True)
                if row[0].endswith("tampered-2024.html") and row[1] == "error"]
    assert sorted(row[3:5] for row in findings) == [("一、本年新收/总计", "printed 218；computed 217"),
                                                    ("自然人", "一 + 二 216；（七） + 四 217")]


def test_audit_gives_the_same_bytes_twice(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(FIXTURES / "pingtan-2025.html", folder)
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    assert main(["audit", str(folder), "-o", str(first)]) == 0
    assert main(["audit", str(folder / "pingtan-2025.html"), "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()


def test_audit_of_nothing_is_one_line(tmp_path: Path, capsys) -> None:
    assert main(["--lang", "en", "audit", str(tmp_path), "-o", str(tmp_path / "review.xlsx")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert not (tmp_path / "review.xlsx").exists()
