"""Issue 23: a clerk's way of writing is accepted, a clerk's slip is caught, and nothing changes
the document silently. Each test reproduces what the issue saw (each failed before the fix)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.kinds import check_path
from tests.conftest import ROOT, SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
QINGSHI = (ROOT / "data" / "example-qingshi.yaml").read_text(encoding="utf-8")


def _write(tmp_path: Path, text: str, name: str = "data.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _seed_with(old: str, new: str, text: str = SEED_TEXT) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def _check(capsys, path: Path) -> tuple[int, str]:
    code = main(["check", str(path)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


# ---- dates as clerks write them ------------------------------------------------------------

@pytest.mark.parametrize("written", ["2021-2-4", "2021年2月4日", "2021/2/4", "2021.2.4", "２０２１年２月４日",
                                     "2021 年 2 月 4 日"])
def test_a_date_written_as_offices_write_it_is_the_date(tmp_path, written):
    path = _write(tmp_path, _seed_with("  date: 2021-02-04", f"  date: {written}"))
    checked = check_path(path)
    assert checked.errors == []
    assert checked.data.cover.date == dt.date(2021, 2, 4)


def test_the_same_dates_in_a_general_公文(tmp_path):
    path = _write(tmp_path, re.sub(r"(?m)^date: .*$", "date: 2025年1月20日", QINGSHI, count=1))
    assert check_path(path).data.date == dt.date(2025, 1, 20)


def test_a_misspelt_key_in_a_general_公文_is_named_with_the_nearest(tmp_path, capsys):
    path = _write(tmp_path, QINGSHI.replace("\naddressee:", "\nadressee:", 1))
    code, out = _check(capsys, path)
    assert code == 1 and out.strip().endswith('错误：文件顶层：不认识的项"adressee"，是不是"addressee"？')


@pytest.mark.parametrize("old, new, error", [
    ("  date: 2021-02-04", "  date: 2021-2-30", "25:9: 错误：报送报告·成文日期：2021年2月30日不存在"),
    # a misspelt key is named at its line, with the key it was meant to be (not as a required key missing)
    ("  addressee: ", "  adressee: ", '21:13: 错误：报送报告：不认识的项"adressee"，是不是"addressee"？'),
])
def test_one_line_names_the_slip_as_printed(tmp_path, capsys, old, new, error):
    path = _write(tmp_path, _seed_with(old, new))
    code, out = _check(capsys, path)
    assert code == 1
    assert out.strip() == f"{path}:{error}"


def test_a_text_that_is_no_date_says_what_a_date_is(tmp_path, capsys):
    path = _write(tmp_path, _seed_with("  date: 2021-02-04", "  date: 明年一月"))
    code, out = _check(capsys, path)
    assert code == 1 and "input is too short" not in out and "invalid" not in out
    assert "2021年2月4日" in out and "报送报告·成文日期" in out


# ---- the Chinese keyboard ------------------------------------------------------------------

def test_full_width_digits_in_a_figure_and_a_year_are_the_numbers(tmp_path):
    text = _seed_with("received: {natural_person: 198", "received: {natural_person: １９８")
    text = _seed_with("year: 2020", "year: ２０２０", text)
    checked = check_path(_write(tmp_path, text))
    assert checked.errors == []
    assert checked.data.report.applications.received.natural_person == 198 and checked.data.year == 2020


def test_a_full_width_colon_after_a_key_is_read_and_noted(tmp_path, capsys):
    path = _write(tmp_path, _seed_with("  addressee: ", "  addressee："))
    code, out = _check(capsys, path)
    assert code == 0, out
    assert f"{path}:21:12: 提示：" in out and "addressee" in out and "：" in out
    assert check_path(path).data.cover.addressee == check_path(SEED).data.cover.addressee


def test_full_width_spaces_that_indent_are_read_as_two_spaces_and_noted(tmp_path, capsys):
    text = _seed_with("  addressee: ", "\u3000addressee: ")
    path = _write(tmp_path, text)
    code, out = _check(capsys, path)
    assert code == 0, out
    assert f"{path}:21:1: 提示：" in out and "U+3000" in out
    assert check_path(path).data.cover == check_path(SEED).data.cover


def test_a_full_width_space_in_the_text_is_the_texts_own(tmp_path):
    path = _write(tmp_path, _seed_with("  addressee: 市政府", "  addressee: 市政府\u3000"))
    assert check_path(path).data.cover.addressee == "市政府\u3000办公厅"


# ---- nothing changes silently ----------------------------------------------------------------

def test_a_comment_glued_to_a_value_is_questioned(tmp_path, capsys):
    signature = yaml.safe_load(SEED_TEXT)["cover"]["signature"]
    path = _write(tmp_path, _seed_with(f"  signature: {signature}", f"  signature: {signature}# 署名"))
    code, out = _check(capsys, path)
    assert code == 0
    warning = next(line for line in out.splitlines() if "#" in line)
    assert "提示" in warning and "报送报告·署名" in warning and f"{signature}# 署名" in warning


def test_a_quoted_hash_is_meant(tmp_path, capsys):
    signature = yaml.safe_load(SEED_TEXT)["cover"]["signature"]
    path = _write(tmp_path, _seed_with(f"  signature: {signature}", f"  signature: \"{signature}#1\""))
    code, out = _check(capsys, path)
    assert code == 0 and "#" not in out


def test_prose_cut_short_by_a_comment_is_questioned(tmp_path, capsys):
    paragraph = re.search(r"(?m)^    - p: (.+)$", SEED_TEXT)[1]
    path = _write(tmp_path, _seed_with(paragraph, f"{paragraph} #第二句不见了"))
    code, out = _check(capsys, path)
    warning = next(line for line in out.splitlines() if "#第二句不见了" in line)
    assert "提示" in warning and "一、总体情况" in warning


def test_the_files_own_comments_after_fields_are_not_questioned(tmp_path, capsys):
    path = _write(tmp_path, _seed_with("  addressee: 市政府办公厅", "  addressee: 市政府办公厅  # 主送机关"))
    code, out = _check(capsys, path)
    assert code == 0 and "主送机关" not in out


# ---- what the skeleton leaves to write -------------------------------------------------------

def test_an_untouched_skeleton_names_each_placeholder_and_empty_table(tmp_path, capsys):
    assert main(["new", "--year", "2024", "--organ", "某某区人民政府"]) == 0
    path = _write(tmp_path, capsys.readouterr().out)
    code, out = _check(capsys, path)
    assert code == 1
    errors = [line for line in out.splitlines() if "错误" in line]
    assert sum("在此填写。" in line for line in errors) == 3
    assert sum("表格一个数字也没有填" in line for line in errors) == 3
    assert main(["build", str(path), "-o", str(tmp_path / "out"), "--format", "docx"]) == 1
    assert not (tmp_path / "out" / "data.docx").exists()


def test_text_still_marked_to_do_stops_the_build(tmp_path, capsys):
    path = _write(tmp_path, _seed_with("  title: ", "  title: 【待更新】"))
    code, out = _check(capsys, path)
    assert code == 1 and "错误" in next(line for line in out.splitlines() if "【待更新】" in line)


# ---- skeletons for every kind of office ------------------------------------------------------

@pytest.mark.parametrize("organ, issuer, title", [
    ("某某区青松街道办事处", "某某区青松街道办事处", "某某区青松街道办事处2024年政府信息公开工作年度报告"),
    ("某某镇人民政府", "某某镇人民政府", "某某镇2024年政府信息公开工作年度报告"),
    ("某某区教育局", "某某区教育局", "某某区教育局2024年政府信息公开工作年度报告"),
    ("某某县人民政府", "某某县人民政府办公室", "某某县2024年政府信息公开工作年度报告"),
])
def test_the_skeleton_is_issued_by_the_organ_its_name_says(capsys, organ, issuer, title):
    assert main(["new", "--year", "2024", "--organ", organ]) == 0
    captured = capsys.readouterr()
    data = yaml.safe_load(captured.out)
    assert data["cover"]["issuer_mark"] == f"{issuer}文件"
    assert data["cover"]["signature"] == data["report"]["signature"] == data["cover"]["imprint"]["printer"] == issuer
    assert data["report"]["title"] == title and data["cover"]["title"].startswith(f"{issuer}关于报送")
    assert "人民政府办公室" not in captured.out or organ.endswith("县人民政府")
    assert organ in captured.err and "--issuer" in captured.err         # says what it assumed


def test_the_issuer_and_mark_can_be_given(capsys):
    assert main(["new", "--year", "2024", "--organ", "某某区青松街道办事处", "--issuer", "青松街道党政办",
                 "--mark", "青松街道办事处文件"]) == 0
    captured = capsys.readouterr()
    cover = yaml.safe_load(captured.out)["cover"]
    assert (cover["issuer_mark"], cover["signature"]) == ("青松街道办事处文件", "青松街道党政办")
    assert captured.err == ""


def test_the_workbook_template_of_a_街道办事处(tmp_path, capsys):
    from openpyxl import load_workbook
    assert main(["xlsx-template", "--year", "2024", "--organ", "某某区青松街道办事处", "-o",
                 str(tmp_path / "t.xlsx")]) == 0
    sheet = load_workbook(tmp_path / "t.xlsx")["文件信息"]
    values = [cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert "某某区青松街道办事处文件" in values and not any("人民政府办公室" in value for value in values)


@pytest.mark.parametrize("year", ["-5", "99999999999999999999", "0"])
def test_a_year_out_of_range_is_one_line(capsys, year):
    assert main(["new", "--year", year, "--organ", "某某区人民政府"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "错误：--year 应是 2019 至 2999 之间的年份"


# ---- the workbook: every cell at once, nothing dropped ---------------------------------------

def _template(tmp_path: Path, capsys):
    from openpyxl import load_workbook
    assert main(["xlsx-template", "--year", "2024", "--organ", "某某区人民政府", "-o", str(tmp_path / "t.xlsx")]) == 0
    capsys.readouterr()
    return load_workbook(tmp_path / "t.xlsx")


def _import(tmp_path: Path, workbook, capsys) -> tuple[int, str]:
    workbook.save(tmp_path / "filled.xlsx")
    code = main(["import", str(tmp_path / "filled.xlsx"), "-o", str(tmp_path / "new.yaml")])
    return code, capsys.readouterr().err


def test_every_cell_error_of_the_workbook_in_one_run(tmp_path, capsys):
    workbook = _template(tmp_path, capsys)
    sheet = workbook["表二"]
    for column in "DEFGHI":
        sheet[f"{column}7"] = 0
    sheet["D6"], sheet["E6"], sheet["F6"], sheet["G6"], sheet["H6"], sheet["I6"] = "35件", 1.5, "无", "—", "３", "／"
    code, err = _import(tmp_path, workbook, capsys)
    assert code == 1 and not (tmp_path / "new.yaml").exists()
    where = f"{tmp_path / 'filled.xlsx'}:表二!"
    assert f'{where}D6: 错误：一、本年新收（自然人）：应填整数、留空或填“/”，现为"35件"' in err
    assert f"{where}E6: 错误：一、本年新收（商业企业）：应填整数、留空或填“/”，现为1.5" in err
    assert f'{where}F6: 错误：一、本年新收（科研机构）："无"不是数字：没有的填 0，不适用的填“/”，不统计的留空' in err
    assert f"{where}G6:" in err and f"{where}H6:" not in err and f"{where}I6:" not in err


def test_a_row_the_table_lacks_is_an_error_at_its_cell(tmp_path, capsys):
    from openpyxl.worksheet.cell_range import CellRange
    workbook = _template(tmp_path, capsys)
    sheet = workbook["表一"]
    merged = [CellRange(str(cells)) for cells in sheet.merged_cells.ranges]
    for cells in merged:
        sheet.unmerge_cells(cells.coord)
    sheet.move_range(f"A10:D{sheet.max_row}", rows=1, translate=True)       # a row inserted, as Excel does
    for cells in merged:
        cells.shift(row_shift=1 if cells.min_row >= 10 else 0)
        sheet.merge_cells(cells.coord)
    sheet["A10"], sheet["B10"] = "其他对外管理服务事项", 4
    code, err = _import(tmp_path, workbook, capsys)
    assert code == 1
    line = next(line for line in err.splitlines() if "!B10" in line)
    assert "错误" in line and "其他对外管理服务事项" in line and "会丢失" in line


@pytest.mark.parametrize("year, read", [("2024年", 2024), ("２０２４", 2024)])
def test_a_year_as_a_clerk_writes_it_in_the_workbook(tmp_path, capsys, year, read):
    workbook = _template(tmp_path, capsys)
    workbook["文件信息"]["B4"] = year
    workbook["文件信息"]["B13"] = "2025年1月20日"
    code, err = _import(tmp_path, workbook, capsys)
    data = yaml.safe_load((tmp_path / "new.yaml").read_text(encoding="utf-8"))
    assert "Traceback" not in err and data["year"] == read
    assert workbook["文件信息"]["A13"].value == "报送报告·成文日期" and data["cover"]["date"] == dt.date(2025, 1, 20)


def test_a_year_that_is_no_number_is_refused_at_its_cell(tmp_path, capsys):
    workbook = _template(tmp_path, capsys)
    workbook["文件信息"]["B4"] = "二〇二四"
    code, err = _import(tmp_path, workbook, capsys)
    assert code == 1
    assert err.strip().startswith(f"{tmp_path / 'filled.xlsx'}:文件信息!B4: 错误：报告年度：")


# ---- one line, never a traceback -------------------------------------------------------------

def test_a_pipe_with_no_writer_is_refused_at_once(tmp_path, capsys):
    import os
    os.mkfifo(tmp_path / "fifo.yaml")
    code, out = _check(capsys, tmp_path / "fifo.yaml")
    assert code == 2 and "管道" in out
