"""#5: the statutory tables' arithmetic (勾稽), narrative and cross-year checks, with the exact
messages a clerk reads, and the check / new / schema commands."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.checks import check_file
from tests.conftest import ROOT, SEED

EXAMPLE = ROOT / "data" / "example-2021.yaml"


def _variant(tmp_path: Path, source: Path, old: str, new: str, name: str = "case.yaml") -> tuple[Path, str]:
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path, text


def _line_col(text: str, fragment: str, value: str) -> str:
    """line:column of ``value`` inside the first ``fragment`` (where a finding points)."""
    before = text[:text.index(fragment) + fragment.index(value)]
    return f"{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10))}"


def _messages(path: Path, severity: str) -> list[str]:
    return [str(f) for f in check_file(path).findings if f.severity == severity]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


# ---- passing cases ---------------------------------------------------------------------------

@pytest.mark.parametrize("path", [SEED, EXAMPLE, ROOT / "data" / "synthetic-long.yaml"])
def test_the_data_files_add_up(path):
    assert _messages(path, "error") == []


def test_left_out_totals_are_computed(tmp_path):
    report = check_file(EXAMPLE).report.report
    assert report.applications.results.total.natural_person == 234        # （七）总计, not in the file
    assert report.applications.results.total.total == 256
    assert report.applications.carried_over.total == 10                    # 总计 column, not in the file
    assert report.reviews.litigation_direct.total == 3


def test_a_blank_cell_stays_blank_and_blocks_its_sums(tmp_path):
    path, _ = _variant(tmp_path, EXAMPLE, "carried_over: {natural_person: 9,", "carried_over: {natural_person: ,")
    report = check_file(path).report.report
    assert report.applications.carried_over.natural_person is None
    assert report.applications.carried_over.total is None
    assert _messages(path, "error") == []


# ---- the five errors -------------------------------------------------------------------------

def test_rule_1_received_plus_carried_over_equals_results_plus_carried_forward(tmp_path):
    path, text = _variant(tmp_path, EXAMPLE, "carried_forward: {natural_person: 11,", "carried_forward: {natural_person: 12,")
    forward = "carried_forward: {natural_person: 12, commercial: 1, research: 0, public_interest: 0, legal_service: 1, other: 0, total: 13}"
    assert _messages(path, "error") == [
        f"{path}:{_line_col(text, 'natural_person: 236', '236')}: 错误：自然人栏：一、本年新收 + 二、上年结转 = "
        "236 + 9 = 245，但三、（七）总计 + 四、结转下年度继续办理 = 234 + 12 = 246，两者应相等",
        f"{path}:{_line_col(text, forward, '13')}: 错误：四、结转下年度继续办理（总计）为13，但六类申请人各栏之和为14",
    ]


def test_rule_2_results_total_is_the_sum_of_the_result_rows(tmp_path):
    path, text = _variant(tmp_path, EXAMPLE, "      # （七）总计 left out: computed from the rows above",
                          "      total: {natural_person: 189}")
    assert (f"{path}:{_line_col(text, 'natural_person: 189', '189')}: 错误：三、（七）总计（自然人）为189，"
            f"但（一）至（六）项之和为234") in _messages(path, "error")


def test_rule_3_the_total_column_is_the_sum_of_the_applicant_columns(tmp_path):
    path, text = _variant(tmp_path, EXAMPLE, "other: 1, total: 131}", "other: 1, total: 130}")
    assert (f"{path}:{_line_col(text, 'total: 130', '130')}: 错误：三、（一）予以公开（总计）为130，但六类申请人"
            "各栏之和为131") in _messages(path, "error")


def test_rule_4_reviews_total(tmp_path):
    path, text = _variant(tmp_path, EXAMPLE, "pending: 1, total: 5}", "pending: 1, total: 6}")
    assert _messages(path, "error") == [
        f"{path}:{_line_col(text, 'total: 6', '6')}: 错误：行政复议（总计）为6，但结果维持、结果纠正、其他结果、尚未审结"
        "之和为5"]


def test_rule_5_no_negative_counts_but_change_may_be_negative(tmp_path):
    path, text = _variant(tmp_path, EXAMPLE, "{decisions: 892}", "{decisions: -892}")
    assert _messages(path, "error") == [
        f"{path}:{_line_col(text, '-892', '-892')}: 错误：（六）行政处罚（本年处理决定数量）为-892，件数不能为负数"]
    assert _messages(SEED, "error") == []          # the seed's 本年增/减 of -738 is allowed


def test_all_errors_at_once_sorted_by_line(tmp_path):
    path, text = _variant(tmp_path, EXAMPLE, "{decisions: 892}", "{decisions: -892}")
    path.write_text(text.replace("pending: 1, total: 5}", "pending: 1, total: 6}"), encoding="utf-8")
    findings = check_file(path).findings
    assert len(findings) == 2
    assert [f.position.line for f in findings] == sorted(f.position.line for f in findings)


# ---- warnings --------------------------------------------------------------------------------

def test_the_seed_narrative_mismatches_are_reported():
    table = "三、收到和处理政府信息公开申请情况的表格中"
    assert _messages(SEED, "warning") == [
        f"{SEED}:49:13: 提示：一、总体情况写的是“…量，2020年长乐区依申请办结194条（含2019年结转6条），其中191条按时办结，"
        f"3条由于程序原因延期办结。”，其中“含2019年结转6条”，但{table}二、上年结转（总计）为8",
        f"{SEED}:49:13: 提示：一、总体情况写的是“…中，告知补正12条，同意公开答复80条，区分处理后公开48条，属于已主动公开答复22条，"
        f"不予公开答复3条，无法提供28条…”，其中“区分处理后公开48条”，但{table}三、（二）部分公开（总计）为47",
        f"{SEED}:49:13: 提示：一、总体情况写的是“…后公开48条，属于已主动公开答复22条，不予公开答复3条，无法提供28条，不予处理1条。”，"
        f"其中“不予公开答复3条”，但{table}三、（三）不予公开（总计）为1",
    ]


def test_cross_year_carried_over_and_documents_in_force(tmp_path):
    (tmp_path / "last.yaml").write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("year: 2022", "year: 2021")
        .replace("carried_forward: {natural_person: 11, commercial: 1, research: 0, public_interest: 0, legal_service: 1, "
                 "other: 0, total: 13}", "carried_forward: {natural_person: 8, commercial: 1, research: 0, "
                 "public_interest: 0, legal_service: 0, other: 0, total: 9}")
        .replace("{issued: 6, repealed: 2, in_force: 41}", "{issued: 5, repealed: 1, in_force: 36}"),
        encoding="utf-8")
    path, text = _variant(tmp_path, EXAMPLE, "year: 2022\n", "year: 2022\nprevious: last.yaml\n", "this.yaml")
    carried = "carried_over: {natural_person: 9, commercial: 1"
    assert _messages(path, "warning") == [
        f"{path}:{_line_col(text, 'in_force: 41', '41')}: 提示：（一）行政规范性文件（现行有效件数）为41，但上年的"
        "36 + 本年制发6 − 本年废止2 = 40",
        f"{path}:{_line_col(text, carried, '{')}: 提示：二、上年结转（总计）为10，但上年报告（last.yaml）的"
        "四、结转下年度继续办理为9",        # a computed total points at its row
        f"{path}:{_line_col(text, carried, '9')}: 提示：二、上年结转（自然人）为9，但上年报告（last.yaml）的"
        "四、结转下年度继续办理为8",
    ]


# ---- commands --------------------------------------------------------------------------------

def test_check_command_exit_codes(tmp_path):
    clean = _run("check", str(SEED))
    assert clean.returncode == 0 and "0 处错误，3 处提示" in clean.stdout
    path, _ = _variant(tmp_path, EXAMPLE, "other: 1, total: 131}", "other: 1, total: 130}")
    assert _run("check", str(path)).returncode == 1
    assert _run("check", str(tmp_path / "missing.yaml")).returncode == 2


def test_build_stops_on_errors_unless_forced(tmp_path):
    path, _ = _variant(tmp_path, EXAMPLE, "other: 1, total: 131}", "other: 1, total: 130}")
    out = tmp_path / "out"
    stopped = _run("build", str(path), "-o", str(out))
    assert stopped.returncode == 1 and "total: 130" not in stopped.stderr
    assert "三、（一）予以公开（总计）为130" in stopped.stderr
    assert not out.exists() or list(out.iterdir()) == []
    forced = _run("build", str(path), "-o", str(out), "--force", "--format", "pdf")
    assert forced.returncode == 0 and "三、（一）予以公开（总计）为130" in forced.stderr
    assert (out / "case.pdf").exists()


@pytest.mark.parametrize("year_format, rows", [(2019, 26), (2021, 28)])
def test_new_writes_a_complete_skeleton_that_check_accepts(tmp_path, year_format, rows):
    result = _run("new", "--format", str(year_format), "--year", "2024", "--organ", "某某区人民政府")
    assert result.returncode == 0
    draft = tmp_path / "draft.yaml"
    draft.write_text(result.stdout, encoding="utf-8")
    data = yaml.safe_load(result.stdout)
    applications = data["report"]["applications"]
    cells = sum(1 for row in applications.values() if isinstance(row, dict) for key in row
                if key in ("natural_person", "total"))
    assert cells > 0
    assert "# 三、（三）1.属于国家秘密/自然人" in result.stdout
    checked = _run("check", str(draft))        # the placeholders and the empty tables are still to fill in
    assert checked.returncode == 1 and checked.stdout.count("在此填写。") == 3
    assert checked.stdout.count("表格一个数字也没有填") == 3
    filled = result.stdout.replace("natural_person:    # 一、本年新收/自然人", "natural_person: 5  # 一、本年新收/自然人")
    draft.write_text(filled, encoding="utf-8")
    assert _run("check", str(draft)).stdout.count("表格一个数字也没有填") == 2


def test_schema_is_exported_and_committed_copy_is_current():
    result = _run("schema")
    schema = json.loads(result.stdout)
    assert "ReportFile2021" in json.dumps(schema["$defs"]) or "oneOf" in result.stdout
    committed = (ROOT / "data" / "report.schema.json").read_text(encoding="utf-8")
    assert committed == result.stdout, "run: gongwen schema > data/report.schema.json"
