"""Issue 10: `gongwen new --from LAST.yaml` starts next year's data file from last year's."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.checks import check_file
from generator.kinds import check_path
from tests.conftest import ROOT, SEED

EXAMPLE = ROOT / "data" / "example-2021.yaml"
DEPARTMENT = ROOT / "data" / "department-2022.yaml"
MARK = "【待更新】"


def _new_from(tmp_path: Path, source: Path, text: str | None = None) -> tuple[Path, str]:
    """Last year's file copied into ``tmp_path`` (``text`` instead of its own, if given), and the
    draft `gongwen new --from` writes beside it."""
    last = tmp_path / source.name
    if text is None:
        shutil.copy(source, last)
    else:
        last.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "new", "--from", last.name], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    draft = tmp_path / "draft.yaml"
    draft.write_text(result.stdout, encoding="utf-8")
    return draft, result.stdout


def test_the_year_moves_on_and_the_organ_cover_and_版记_stay(tmp_path):
    draft, text = _new_from(tmp_path, EXAMPLE)
    data = yaml.safe_load(text)
    assert (data["format"], data["year"], data["organ"], data["previous"]) == (2021, 2023, "清源区人民政府",
                                                                              "example-2021.yaml")
    assert data["keywords"] == ["政府信息公开", "年度报告", "2023", "示例"]
    cover = data["cover"]
    assert cover["doc_number"] == {"code": "清政办", "year": 2024, "serial": 5}
    assert cover["title"] == "清源区人民政府办公室关于报送清源区2023年政府信息公开工作年度报告的报告"
    assert (cover["signers"], cover["addressee"], cover["note"]) == (["李明"], "市政府办公室", "此件主动公开")
    assert str(cover["date"]) == str(cover["imprint"]["print_date"]) == "2024-01-16"
    report = data["report"]
    assert report["title"] == "清源区2023年政府信息公开工作年度报告"
    assert report["imprint"]["copy_to"] == ["市人民政府办公室"] and str(report["date"]) == "2024-01-16"


def test_last_years_结转下年度_and_现行有效件数_are_carried_and_every_other_cell_is_blank(tmp_path):
    draft, text = _new_from(tmp_path, EXAMPLE)
    report = yaml.safe_load(text)["report"]
    assert report["applications"]["carried_over"] == {"natural_person": 11, "commercial": 1, "research": 0,
                                                      "public_interest": 0, "legal_service": 1, "other": 0,
                                                      "total": 13}
    assert report["proactive"]["regulations"]["normative_documents"] == {"issued": None, "repealed": None,
                                                                         "in_force": 41}
    assert report["applications"]["received"]["natural_person"] is None
    assert report["reviews"]["reconsideration"] == dict.fromkeys(("upheld", "corrected", "other", "pending", "total"))
    assert "      natural_person: 11 # 二、上年结转/自然人" in text


def test_上一年项目数量_is_last_years_plus_its_change_in_the_2019_format(tmp_path):
    last_year = SEED.read_text(encoding="utf-8").replace("year: 2020\n", "year: 2019\n", 1)
    draft, text = _new_from(tmp_path, SEED, last_year)
    proactive = yaml.safe_load(text)["report"]["proactive"]
    assert yaml.safe_load(text)["format"] == 2019
    seed = check_file(SEED).report.report.proactive
    for group, row in (("licensing", "administrative_license"), ("enforcement", "administrative_penalty"),
                       ("fees", "administrative_fees")):
        before = getattr(getattr(seed, group), row)
        assert proactive[group][row]["last_year"] == before.last_year + before.change
    assert proactive["regulations"]["rules"]["new_made"] is None


def test_the_2021_format_follows_a_2020_report(tmp_path):
    draft, text = _new_from(tmp_path, SEED)
    data = yaml.safe_load(text)
    assert (data["format"], data["year"]) == (2021, 2021)
    assert data["report"]["applications"]["carried_over"]["total"] == 16
    assert data["report"]["proactive"]["regulations"]["rules"]["in_force"] is None      # 2019 has no such cell


def test_last_years_prose_is_marked_and_is_an_error_until_it_is_rewritten(tmp_path):
    draft, text = _new_from(tmp_path, EXAMPLE)
    data = yaml.safe_load(text)
    assert data["report"]["overview"][0] == {"h2": "主动公开"}                        # headings stay as they were
    assert data["report"]["overview"][1]["p"].startswith(MARK + "2022年，我区围绕")
    assert data["cover"]["body"][0].startswith(MARK)
    checked = check_path(draft)
    marked = [f for f in checked.errors if MARK in str(f.message)]
    assert len(marked) == sum(MARK in line for line in text.splitlines() if not line.startswith("#")) == 12
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if f"- p: {MARK}2022年，我区围绕" in row)
    assert str(marked[2]) == (f"{draft}:{line}:10: 错误：一、总体情况第2项仍标有{MARK}（沿用的上一年文字）："
                              "请改写为本年内容并删去标记")
    rewritten = draft.read_text(encoding="utf-8").replace(MARK, "")
    draft.write_text(rewritten, encoding="utf-8")
    assert not any(MARK in str(f.message) for f in check_path(draft).findings)


def test_a_report_without_cover_keeps_its_sections_labels_and_ending(tmp_path):
    draft, text = _new_from(tmp_path, DEPARTMENT)
    report = yaml.safe_load(text)["report"]
    assert "cover" not in yaml.safe_load(text)
    assert report["sections"][3] == {"section": "reviews", "title": "因政府信息公开工作被申请行政复议和提起行政诉讼情况"}
    assert report["sections"][5]["content"][1]["p"].startswith(MARK)
    assert report["labels"]["applications"]["5.属于三类内部事务信息"] == "5、属于三类内容事务信息"
    assert report["signature"] == "清源区教育局" and str(report["date"]) == "2024-01-20" and "imprint" not in report
    assert "  problems:              # 五、存在的主要问题及整改措施\n" in text         # named as the report prints them
    assert "  other_matters:         # 七、其他需要报告的事项\n" in text
    assert check_file(draft).errors == []


def test_new_from_takes_year_format_and_organ_from_the_file(tmp_path):
    result = subprocess.run([sys.executable, "-m", "generator", "new", "--from", str(EXAMPLE), "--year", "2024"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and result.stderr == (
        "错误：gongwen new --from 从上一年的文件取年度、表格格式和报告机关，请去掉 --year、--format 和 --organ\n")


@pytest.mark.parametrize("args", [["new", "--year", "2024"], ["new", "--organ", "某某区人民政府"]])
def test_new_without_from_needs_year_and_organ(args):
    result = subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 2 and result.stderr == (
        "错误：gongwen new 需要 --year 和 --organ（或 --from LAST_YEAR.yaml）\n")


def test_a_row_that_did_not_apply_last_year_stays_not_applicable(tmp_path):
    """Issue 23: a 街道办事处 makes no 规章; its "/" row came back blank, as if not reported."""
    draft, text = _new_from(tmp_path, ROOT / "data" / "subdistrict-2021.yaml")
    proactive = yaml.safe_load(text)["report"]["proactive"]
    assert proactive["regulations"]["rules"] == {"issued": "/", "repealed": "/", "in_force": "/"}
    assert proactive["licensing"]["administrative_license"]["decisions"] is None
