"""#19: every figure a report's prose states, held against its tables.

Each pattern real reports use has a case that must warn and a control that must stay silent
(on the 2021 example's tables); then the published reports of tests/fixtures/reports/, held
against the hand marks written before the reader ran on them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
import yaml

from generator.checks import check_file
from generator.checks.claims import Claim, ParagraphReader
from generator.checks.narrative import ClaimJudge, Paragraph
from generator.checks.prose_lexicon import load_lexicon
from generator.compose.report_format import load_report_format
from tests.conftest import ROOT

EXAMPLE = ROOT / "data" / "example-2021.yaml"
REPORTS = ROOT / "tests" / "fixtures" / "reports"
EXPECTED = yaml.safe_load((REPORTS / "expected.yaml").read_text(encoding="utf-8"))


def _judge(report: dict, year_format: int) -> ClaimJudge:
    spec = load_report_format(year_format)
    headings = {key: f"{number}、{title}" for number, (key, title) in zip("一二三四五六", spec["sections"].items())}
    return ClaimJudge(report, spec["tables"], headings, load_lexicon())


EXAMPLE_JUDGE = _judge(check_file(EXAMPLE).report.model_dump()["report"], 2021)


def _warnings(text: str, judge: ClaimJudge = EXAMPLE_JUDGE) -> list[str]:
    paragraph = Paragraph("一、总体情况", (), text)
    return [str(warning) for claim in ParagraphReader(judge.lexicon, text).claims()
            if (warning := judge.verdict(paragraph, claim)) is not None]


# The example's tables: 新收 259, 上年结转 10, 予以公开 131, 部分公开 41, （七）总计 256,
# 结转下年度 13; 行政复议 5 (维持 3, 纠正 1), 行政诉讼 3 + 2 (维持 2 + 1); 行政规范性文件 制发 6,
# 现行有效 41; 行政许可 15230, 行政处罚 892, 收费 126.45 万元.
@pytest.mark.parametrize("wrong, right", [
    # the verb varies
    ("全年受理政府信息公开申请258件。", "全年受理政府信息公开申请259件。"),
    ("本年新收政府信息公开申请260件。", "本年新收政府信息公开申请259件。"),
    ("依申请办结255件。", "依申请办结256件。"),
    ("共答复政府信息公开申请250件。", "共答复政府信息公开申请256件。"),
    # sums: 予以公开 + 部分公开
    ("收到申请后，予以公开及部分公开170件。", "收到申请后，予以公开及部分公开172件。"),
    # counts that include the carry-over: 收到 = 新收 + 上年结转
    ("共收到政府信息公开申请270件（含上年结转10件）。", "共收到政府信息公开申请269件（含上年结转10件）。"),
    ("共收到政府信息公开申请259件（含上年结转9件）。", "共收到政府信息公开申请259件（含上年结转10件）。"),
    # per-column claims, after 其中 or 涉及
    ("本年新收申请259件，其中自然人230件、法人或其他组织23件。", "本年新收申请259件，其中自然人236件、法人或其他组织23件。"),
    ("本年新收申请259件，其中自然人236件、法人或其他组织22件。", "本年新收申请259件，其中自然人236件、法人或其他组织23件。"),
    ("本年新收申请259件，涉及自然人200件。", "本年新收申请259件，涉及自然人236件。"),
    # section 四: several counts, then 均获维持
    ("被申请行政复议5件、被提起行政诉讼5件，均获维持。", "被申请行政复议5件、被提起行政诉讼5件。"),
    ("行政复议5件，其中纠错2件。", "行政复议5件，其中纠错1件。"),
    # shares: the share must agree with the count and the total
    ("本年度部分公开41件，占20%。", "本年度部分公开41件，占16%。"),
    ("本年度部分公开41件，占16.5%。", "本年度部分公开41件，占16.0%。"),
    # 第二十条 items
    ("制发行政规范性文件7件。", "制发行政规范性文件6件。"),
    ("现行有效行政规范性文件40件。", "现行有效行政规范性文件41件。"),
    ("作出行政许可决定15231件，行政处罚892件。", "作出行政许可决定15230件，行政处罚892件。"),
    ("作出行政许可决定15230件，行政处罚890件。", "作出行政许可决定15230件，行政处罚892件。"),
    ("收取行政事业性收费126.4万元。", "收取行政事业性收费126.45万元。"),
    # the claims of no case
    ("全年无被申请行政复议的情况。", "全年无行政许可事项变更情况。"),
])
def test_a_figure_that_disagrees_warns_and_its_control_does_not(wrong, right):
    assert _warnings(wrong)
    assert _warnings(right) == []


def test_each_upheld_count_is_held_against_its_outcome_column():
    [reconsideration, litigation] = _warnings("行政复议5件、行政诉讼5件，均获维持。")
    assert "“行政复议5件……均获维持”" in reconsideration and "行政复议（结果维持）" in reconsideration
    assert reconsideration.endswith("3") and "5" not in reconsideration.rsplit("维持", 1)[1]
    assert "复议后起诉（结果维持）" in litigation and litigation.endswith("3")


@pytest.mark.parametrize("text", [
    "在收到的依申请中，告知补正12条。",                          # words that name no cell
    "主动公开政府信息1198条，其中：行政许可类信息161条。",          # a kind of information, not the row
    "全年认定主动公开公文412件、不予公开公文18件。",               # documents, not applications
    "全年共编发公报24期，刊登规范性文件等112件，部门规范性文件45件。",  # the gazette's items
    "申请数量较去年回落12.3%。",                                 # a change, not a share
    "全年受理政务服务事项3070项。",                              # 受理 without an application
    "因本机关不掌握等原因无法提供46件。",                          # an open list (等)
    "主动公开政府信息32条，占比达99.6%。",                        # a share of what no cell holds
])
def test_figures_whose_words_name_no_cell_are_left_alone(text):
    claims = ParagraphReader(load_lexicon(), text).claims()
    assert claims and all(not claim.readings for claim in claims)


def _with_opening(tmp_path, sentence: str):
    text = EXAMPLE.read_text(encoding="utf-8")
    opening = text.index("  opening:\n    - ") + len("  opening:\n    - ")
    path = tmp_path / "case.yaml"
    path.write_text(text[:opening] + sentence + text[opening:], encoding="utf-8")
    return check_file(path), f"{path}:{text[:opening].count(chr(10)) + 1}:7"


def test_the_opening_is_read_and_the_figures_left_alone_are_listed(tmp_path):
    checked, where = _with_opening(tmp_path, "本年度共受理政府信息公开申请250件，网站访问量1200次。")
    [warning] = [str(f) for f in checked.findings if "受理" in str(f)]
    assert "年度报告·开头" in warning and "250" in warning and warning.endswith("259")
    assert [str(note) for note in checked.notes if "1200" in str(note)] == [
        f"{where}：未核对：“网站访问量1200次”（年度报告·开头；文字未指明表格中的单元格，或所指单元格为空）"]
    control, _ = _with_opening(tmp_path, "本年度共受理政府信息公开申请259件，网站访问量1200次。")
    assert not [f for f in control.findings if "受理" in str(f)]


def test_an_office_own_section_is_read(tmp_path):
    department = ROOT / "data" / "department-2022.yaml"
    text = department.read_text(encoding="utf-8").replace("全年发布招生类信息86条", "全年收到政府信息公开申请99件", 1)
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    [warning] = [str(f) for f in check_file(path).findings if "99件" in str(f)]
    assert "六、教育领域信息公开专项工作情况写的是" in warning and "一、本年新收（总计）" in warning


# ---- published reports -----------------------------------------------------------------------

def _fixture_report(tables: dict, year_format: int) -> dict:
    spec = load_report_format(year_format)["tables"]
    report: dict = {}
    for path, figures in tables.items():
        node = report
        steps = path.split(".")
        for step in steps[:-1]:
            node = node.setdefault(step, {})
        keys = spec["applications" if steps[0] == "applications" else "reviews"].get("keys")
        node[steps[-1]] = dict(zip(keys, figures)) if isinstance(figures, list) else figures
    return report


def _mark(marks: list[dict], text: str, claim: Claim) -> dict:
    """The hand mark whose words hold the claim's figure, ending nearest after it (the longest
    of those: "共收到依申请公开0件" rather than "公开0件")."""
    upheld = "……" in claim.words
    figure = load_lexicon().figure.match(text, claim.start)
    end = figure.end() if figure else claim.start + 1
    fits = [(start + len(mark["at"]) - end, -len(mark["at"]), i) for i, mark in enumerate(marks)
            if mark.get("upheld", False) == upheld
            for start in range(len(text)) if text.startswith(mark["at"], start)
            and start <= claim.start and start + len(mark["at"]) >= end]
    assert fits, f"no hand mark for {claim.words!r}"
    return marks[min(fits)[2]]


def _read_report(name: str) -> list[tuple[Claim, dict, str | None, bool]]:
    """Each claim of a published report: its hand mark, its warning, and whether it was read."""
    fixture = yaml.safe_load((REPORTS / f"{name}.yaml").read_text(encoding="utf-8"))
    judge = _judge(_fixture_report(fixture["tables"], fixture["format"]), fixture["format"])
    results = []
    for item in fixture["prose"]:
        paragraph = Paragraph(item["place"], (), item["text"])
        for claim in ParagraphReader(judge.lexicon, item["text"]).claims():
            warning = judge.verdict(paragraph, claim)
            results.append((claim, _mark(EXPECTED[name], item["text"], claim),
                            None if warning is None else str(warning), not judge.unread(claim)))
    return results


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_published_reports_against_the_hand_marks(name):
    results = _read_report(name)
    # every hand-marked figure was found, once
    assert sorted(id(mark) for _, mark, _, _ in results if "……" not in mark["at"]) == sorted(
        id(mark) for mark in EXPECTED[name])
    for claim, mark, warning, _ in results:
        if mark["mark"] == "contradicts":
            assert warning is not None, f"{name}: {claim.words} not warned"
        else:
            assert warning is None, f"{name}: {warning}"


def test_the_seed_keeps_its_three_warnings_worded_with_sentence_cells_and_figures():
    warnings = [str(f) for f in check_file(ROOT / "data" / "changle-2020.yaml").findings]
    assert len(warnings) == 3
    assert all("一、总体情况" in w and "三、收到和处理政府信息公开申请情况" in w for w in warnings)
    for quoted, cell, figure in (("2019年结转6条", "二、上年结转", "8"), ("区分处理后公开48条", "三、（二）部分公开", "47"),
                                 ("不予公开答复3条", "三、（三）不予公开", "1")):
        assert any(quoted in w and cell in w and w.endswith(figure) for w in warnings), quoted


def test_the_share_figures_of_a_report_count_as_claims():
    shares = [claim for claim, *_ in _read_report("shanghai-office-2019") if claim.unit == "share" and claim.readings]
    assert [claim.figure for claim in shares] == [Decimal("33.9"), Decimal("4.34"), Decimal("19.6")]
