"""The Excel way in: ``gongwen xlsx-template`` and ``gongwen import``, both formats, with
workbooks written by us, changed as a clerk would, and saved by LibreOffice Calc."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.build import build
from generator.checks import check_file
from tests.conftest import ROOT, SEED, libreoffice_convert, squeeze

EXAMPLE = ROOT / "data" / "example-2021.yaml"


def _gongwen(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def _export(data: Path, workbook: Path) -> Path:
    result = _gongwen("xlsx-template", "--from", data, "-o", workbook)
    assert result.returncode == 0, result.stderr
    return workbook


def _import_into(workbook: Path, data: Path, folder: Path, *options: str) -> tuple[Path, subprocess.CompletedProcess]:
    copy = folder / data.name
    shutil.copy(data, copy)
    return copy, _gongwen(*options, "import", workbook, "--into", copy)


def _pdf_text(data: Path, folder: Path) -> str:
    import pdfplumber
    pdf = build(data, folder, ("pdf",), None, warn=lambda _: None, say=lambda _: None)[0]
    with pdfplumber.open(pdf) as document:
        return squeeze("".join(page.extract_text() or "" for page in document.pages))


def _completed(data: Path) -> dict:
    return check_file(data).report.model_dump()


@pytest.fixture(scope="module")
def calc_saved(tmp_path_factory) -> dict[str, Path]:
    """The seed's and the 2021 example's workbooks, saved again by LibreOffice Calc (one run)."""
    ours, theirs = tmp_path_factory.mktemp("ours"), tmp_path_factory.mktemp("calc")
    saved = {}
    for data in (SEED, EXAMPLE):
        saved[data.stem] = libreoffice_convert(_export(data, ours / f"{data.stem}.xlsx"), theirs,
                                               "xlsx:Calc MS Excel 2007 XML")
    return saved


def test_template_is_laid_out_as_the_printed_tables(tmp_path):
    result = _gongwen("xlsx-template", "--format", "2021", "--year", "2024", "--organ", "某某区人民政府",
                      "-o", tmp_path / "tables.xlsx")
    assert result.returncode == 0, result.stderr
    workbook = load_workbook(tmp_path / "tables.xlsx")
    assert workbook.sheetnames == ["文件信息", "表一", "表二", "表三"]
    applications = workbook["表二"]
    assert applications["A1"].value == "三、收到和处理政府信息公开申请情况"
    merged = {str(r) for r in applications.merged_cells.ranges}
    assert {"A3:C5", "D3:J3", "D4:D5", "E4:I4", "J4:J5", "A8:A29"} <= merged      # as standards.md B.6
    assert applications.protection.sheet
    assert applications["D3"].protection.locked and not applications["D6"].protection.locked
    assert applications["J6"].value == '=IF(COUNTBLANK(D6:I6)>0,"",SUM(D6:I6))'        # 总计 column
    assert applications["D29"].value == '=IF(COUNTBLANK(D8:D28)>0,"",SUM(D8:D28))'      # （七）总计
    assert applications["B29"].value == "（七）总计"
    rule = next(v for v in applications.data_validations.dataValidation if "D6" in str(v.sqref))
    assert rule.formula1 == 'OR(D6="/",AND(ISNUMBER(D6),D6=INT(D6),D6>=0))'
    reviews = workbook["表三"]
    assert reviews["E6"].value == '=IF(COUNTBLANK(A6:D6)>0,"",SUM(A6:D6))'             # section 四's 总计
    document = {row[0].value: row[1].value for row in workbook["文件信息"].iter_rows()}
    assert document["表格格式"] == 2021 and document["报告年度"] == 2024 and document["报告机关"] == "某某区人民政府"


# what may be in Latin letters in the workbook: commands, their options, file names, formats
_COMMANDS = re.compile(r"gongwen [a-z-]+|--?[a-z]+\b|[\w.-]+\.(?:ya?ml|xlsx)\b")


def _workbook_words(workbook) -> list[str]:
    """Every text a clerk reads in the workbook: cells, comments, validation titles, prompts and
    error messages."""
    words = []
    for sheet in workbook.worksheets:
        words.append(sheet.title)
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and not cell.value.startswith("="):
                    words.append(cell.value)
                if cell.comment is not None:
                    words.append(cell.comment.text)
        for rule in sheet.data_validations.dataValidation:
            words.extend(text for text in (rule.errorTitle, rule.error, rule.promptTitle, rule.prompt) if text)
    return words


def test_the_workbook_speaks_chinese(tmp_path):
    workbook = load_workbook(_export(SEED, tmp_path / "tables.xlsx"))
    words = _workbook_words(workbook)
    english = {word for text in words for word in re.findall(r"[A-Za-z]+", _COMMANDS.sub(" ", text))}
    assert not english, f"English in the workbook: {sorted(english)}"
    rules = workbook["表二"].data_validations.dataValidation
    d6 = next(rule for rule in rules if "D6" in str(rule.sqref))
    assert d6.errorTitle == "填写有误" and d6.error == "一、本年新收/自然人：请填写不小于 0 的整数，不适用的填 /"
    assert d6.showInputMessage and d6.prompt == d6.error
    assert "填写说明" in words and any("gongwen import tables.xlsx -o report.yaml" in text for text in words)


def test_the_workbook_in_english_on_request_imports_the_same(tmp_path):
    """The instructions and messages follow --lang; the labels the import reads by stay as the
    tables print them, so a workbook written in either language reads back the same."""
    english = subprocess.run([sys.executable, "-m", "generator", "--lang", "en", "xlsx-template", "--from", EXAMPLE,
                              "-o", tmp_path / "en.xlsx"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert english.returncode == 0, english.stderr
    words = _workbook_words(load_workbook(tmp_path / "en.xlsx"))
    assert "How to fill in this workbook" in words and "Not accepted" in words
    copy, result = _import_into(tmp_path / "en.xlsx", EXAMPLE, tmp_path)
    assert result.returncode == 0, result.stderr
    assert _completed(copy) == _completed(EXAMPLE)


@pytest.mark.parametrize("data", [SEED, EXAMPLE], ids=["2019", "2021"])
def test_round_trip_keeps_the_data(data, tmp_path):
    """Exported with --from and imported --into a copy: the same report; a file that lists
    every total (the seed) comes back byte for byte."""
    copy, result = _import_into(_export(data, tmp_path / "tables.xlsx"), data, tmp_path)
    assert result.returncode == 0, result.stderr
    assert _completed(copy) == _completed(data)
    if data == SEED:
        assert copy.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")


def test_libreoffice_saved_seed_builds_the_same_pdf(calc_saved, tmp_path, seed_body_text):
    workbook = calc_saved["changle-2020"]
    assert load_workbook(workbook, data_only=True)["表二"]["J6"].value == 202      # Calc computed the totals
    copy, result = _import_into(workbook, SEED, tmp_path)
    assert result.returncode == 0, result.stderr
    assert copy.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")
    text = _pdf_text(copy, tmp_path / "out")
    assert text == _pdf_text(SEED, tmp_path / "seed-out")
    assert "58812595.00元" in text and "609.00" in text


def test_libreoffice_saved_2021_workbook_imports(calc_saved, tmp_path):
    copy, result = _import_into(calc_saved["example-2021"], EXAMPLE, tmp_path)
    assert result.returncode == 0, result.stderr
    assert _completed(copy) == _completed(EXAMPLE)
    assert "# 行政事业性收费（万元）" in copy.read_text(encoding="utf-8")          # comments kept


def test_blank_stays_blank_and_slash_stays_slash(tmp_path):
    _gongwen("xlsx-template", "--year", "2024", "--organ", "某某区人民政府", "-o", tmp_path / "t.xlsx")
    workbook = load_workbook(tmp_path / "t.xlsx")
    sheet = workbook["表二"]
    for column, value in zip("DEFGHI", (5, "/", 0, 1, 0, None)):
        sheet[f"{column}6"] = value                     # 一、本年新收: 其他 left blank
    for column, value in zip("DEFGHI", (5, "/", 0, 1, 0, 2)):
        sheet[f"{column}7"] = value                     # 二、上年结转: all filled
    workbook.save(tmp_path / "t.xlsx")
    result = _gongwen("import", tmp_path / "t.xlsx", "-o", tmp_path / "new.yaml")
    assert result.returncode == 0, result.stderr
    applications = _completed(tmp_path / "new.yaml")["report"]["applications"]
    assert applications["received"] == {"natural_person": 5, "commercial": "/", "research": 0, "public_interest": 1,
                                        "legal_service": 0, "other": None, "total": None}
    assert applications["carried_over"]["total"] == 8           # "/" counts as nothing
    assert applications["results"]["disclosed"]["natural_person"] is None


def _calc_total_off_by_one(tmp_path: Path) -> Path:
    """A workbook whose 一、本年新收 总计 formula Calc saved with a wrong value."""
    _export(EXAMPLE, tmp_path / "t.xlsx")
    workbook = load_workbook(tmp_path / "t.xlsx")
    workbook["表二"]["J6"] = "=SUM(D6:I6)+1"
    workbook["表二"]["E7"] = 1.5
    workbook.save(tmp_path / "t.xlsx")
    return libreoffice_convert(tmp_path / "t.xlsx", tmp_path / "calc", "xlsx:Calc MS Excel 2007 XML")


def test_errors_name_the_sheet_and_cell(tmp_path):
    workbook = _calc_total_off_by_one(tmp_path)
    copy, result = _import_into(workbook, EXAMPLE, tmp_path)
    assert result.returncode == 1
    assert f"{workbook}:表二!E7: 错误：二、上年结转（商业企业）：应填整数" in result.stderr
    assert copy.read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8")      # nothing written
    fixed = load_workbook(workbook)
    fixed["表二"]["E7"] = 1
    fixed.save(tmp_path / "fixed.xlsx")        # openpyxl keeps the formula, drops Calc's saved values
    copy, result = _import_into(tmp_path / "fixed.xlsx", EXAMPLE, tmp_path)
    assert result.returncode == 0, result.stderr


def test_a_saved_total_that_disagrees_is_reported(tmp_path):
    workbook = load_workbook(_calc_total_off_by_one(tmp_path))
    workbook["表二"]["E7"] = 1
    workbook.save(tmp_path / "calc" / "t.xlsx")
    converted = libreoffice_convert(tmp_path / "calc" / "t.xlsx", tmp_path / "again", "xlsx:Calc MS Excel 2007 XML")
    _, result = _import_into(converted, EXAMPLE, tmp_path)
    assert result.returncode == 1
    assert f"{converted}:表二!J6: 错误：一、本年新收（总计）为260，但六类申请人各栏之和为259" in result.stderr


def _insert_row(sheet, row: int) -> None:
    """Insert a row as Excel does: cells and merged ranges below it move down."""
    ranges = list(sheet.merged_cells.ranges)
    for merged in ranges:
        sheet.unmerge_cells(str(merged))
    sheet.insert_rows(row)
    for merged in ranges:
        if merged.min_row >= row:
            merged.shift(0, 1)
        elif merged.max_row >= row:
            merged.expand(down=1)
        sheet.merge_cells(str(merged))


def test_rows_are_found_by_their_labels(tmp_path):
    workbook = load_workbook(_export(EXAMPLE, tmp_path / "t.xlsx"))
    _insert_row(workbook["表二"], 9)               # inside 三、本年度办理结果, before （二）
    _insert_row(workbook["表一"], 3)
    workbook["表一"]["A3"] = "（单位：件）"
    workbook.save(tmp_path / "t.xlsx")
    copy, result = _import_into(tmp_path / "t.xlsx", EXAMPLE, tmp_path)
    assert result.returncode == 0, result.stderr
    assert _completed(copy) == _completed(EXAMPLE)


def test_a_changed_label_is_named(tmp_path):
    workbook = load_workbook(_export(EXAMPLE, tmp_path / "t.xlsx"))
    workbook["表二"]["B8"] = "（一）公开"
    workbook.save(tmp_path / "t.xlsx")
    _, result = _import_into(tmp_path / "t.xlsx", EXAMPLE, tmp_path)
    assert result.returncode == 1
    assert f"{tmp_path / 't.xlsx'}:表二: 错误：在“三、本年度办理结果 › （一）予以公开 › 申请人情况 › 自然人”下找不到三、（一）予以公开（自然人）的单元格" in result.stderr


@pytest.mark.parametrize("args, code, words", [
    (["import", str(EXAMPLE), "-o", "x.yaml"], 2, "gongwen import 读取填好的表格工作簿（.xlsx）或已发布的报告"),
    (["import", "notes.xlsx", "-o", "x.yaml"], 2, "无法作为 Excel 工作簿（.xlsx）读取"),
    (["import", "missing.xlsx", "-o", "x.yaml"], 2, "文件不存在"),
    (["xlsx-template", "--year", "2024", "-o", "x.xlsx"], 2, "请给出 --year 和 --organ"),
])
def test_unusable_arguments(args, code, words, tmp_path):
    (tmp_path / "notes.xlsx").write_text("not a workbook", encoding="utf-8")
    for language, start in (("zh", "错误："), ("en", "error: ")):     # Chinese by default, English on request
        result = subprocess.run([sys.executable, "-m", "generator", "--lang", language, *args], cwd=tmp_path,
                                capture_output=True, text=True, timeout=60,
                                env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
        assert result.returncode == code and "Traceback" not in result.stderr
        assert result.stderr.startswith(start) and len(result.stderr.splitlines()) == 1
        assert language == "en" or words in result.stderr


def test_import_needs_a_target_and_the_same_format(tmp_path):
    workbook = _export(EXAMPLE, tmp_path / "t.xlsx")
    assert _gongwen("import", workbook).returncode == 2
    _, result = _import_into(workbook, SEED, tmp_path)
    assert result.returncode == 1 and "工作簿是2021年表格格式" in result.stderr
