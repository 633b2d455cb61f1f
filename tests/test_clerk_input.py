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


def test_an_impossible_date_is_named_as_printed(tmp_path, capsys):
    path = _write(tmp_path, _seed_with("  date: 2021-02-04", "  date: 2021-2-30"))
    code, out = _check(capsys, path)
    assert code == 1
    assert out.strip() == f"{path}:25:9: 错误：报送报告·成文日期：2021年2月30日不存在"


def test_a_text_that_is_no_date_says_what_a_date_is(tmp_path, capsys):
    path = _write(tmp_path, _seed_with("  date: 2021-02-04", "  date: 明年一月"))
    code, out = _check(capsys, path)
    assert code == 1 and "input is too short" not in out and "invalid" not in out
    assert "2021年2月4日" in out and "报送报告·成文日期" in out


# ---- the Chinese keyboard ------------------------------------------------------------------

def test_full_width_digits_in_a_figure_and_a_year_are_the_numbers(tmp_path):
    text = _seed_with("received: {natural_person: 198", "received: {natural_person: ３５")
    text = _seed_with("year: 2020", "year: ２０２０", text)
    checked = check_path(_write(tmp_path, text))
    assert checked.errors == []
    assert checked.data.report.applications.received.natural_person == 35 and checked.data.year == 2020


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
    path = _write(tmp_path, _seed_with("  addressee: ", "  addressee: \u3000"))
    assert check_path(path).data.cover.addressee.startswith("\u3000")


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
    paragraph = yaml.safe_load(SEED_TEXT)["report"]["overview"][1]["p"]
    path = _write(tmp_path, _seed_with(paragraph, f"{paragraph} #第二句不见了"))
    code, out = _check(capsys, path)
    warning = next(line for line in out.splitlines() if "#第二句不见了" in line)
    assert "提示" in warning and "一、总体情况" in warning


def test_the_files_own_comments_after_fields_are_not_questioned(tmp_path, capsys):
    path = _write(tmp_path, _seed_with("  addressee: 市政府办公厅", "  addressee: 市政府办公厅  # 主送机关"))
    code, out = _check(capsys, path)
    assert code == 0 and "主送机关" not in out


# ---- all the errors at once ----------------------------------------------------------------

def test_a_misspelt_key_is_named_with_the_key_it_was_meant_to_be(tmp_path, capsys):
    path = _write(tmp_path, _seed_with("  addressee: ", "  adressee: "))
    code, out = _check(capsys, path)
    assert code == 1
    assert out.strip() == f"{path}:21:13: 错误：报送报告：不认识的项"adressee"，是不是 addressee？"
