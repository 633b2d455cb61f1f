"""Issue 10: real reports as they are printed. Each variant data file's expected findings, to
the letter; what each variant prints; and the message for each variant written wrongly, at its
file:line:column in a clerk's words."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from generator.build import build
from generator.checks import check_file
from generator.compose import compose
from generator.compose.wording import Wording
from generator.document_model import Document, Heading, Imprint, Paragraph, Part, Run, Signature, Table
from generator.errors import DataError
from generator.font_files import FontFinder
from generator.inspection.facts import read_pdf
from generator.layout import FontSet, lay_out
from generator.layout_spec import MM_PER_PT
from generator.load import load_report
from tests.conftest import ROOT, SEED, squeeze

DEPARTMENT = ROOT / "data" / "department-2022.yaml"       # no cover, own titles, own section, labels
DATE_ONLY = ROOT / "data" / "date-only-2020.yaml"         # ending: the date alone; run-in headings
SUBDISTRICT = ROOT / "data" / "subdistrict-2021.yaml"     # no ending at all; single （六） row; unit


def _variant(tmp_path: Path, source: Path, old: str, new: str) -> tuple[Path, str]:
    text = source.read_text(encoding="utf-8")
    assert old in text, old
    text = text.replace(old, new, 1)
    path = tmp_path / "variant.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def _at(path: Path, text: str, fragment: str, value: str | None = None) -> str:
    """file:line:column of ``value`` inside the first ``fragment`` (where a message points)."""
    before = text[:text.index(fragment) + fragment.index(value or fragment)]
    return f"{path}:{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10))}"


PROACTIVE = "表格文字（二、主动公开政府信息情况）"          # report.labels.proactive as the clerk sees it
APPLICATIONS = "表格文字（三、收到和处理政府信息公开申请情况）"
SECTIONS = "年度报告·章节（sections）"

def _findings(path: Path) -> list[str]:
    return [str(f) for f in check_file(path).findings]


def _load_error(path: Path) -> str:
    with pytest.raises(DataError) as raised:
        load_report(path)
    return str(raised.value)


def _pdf_text(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [squeeze(page.extract_text() or "") for page in pdf.pages]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """Each variant data file as a PDF."""
    out = tmp_path_factory.mktemp("variants")
    return {path.stem: build(path, out, ("pdf",), None, warn=lambda message: None, say=lambda line: None)[0]
            for path in (DEPARTMENT, DATE_ONLY, SUBDISTRICT)}


# ---- the data files' findings ------------------------------------------------------------------

def test_the_department_report_shows_each_label_of_its_own_with_the_difference():
    text = DEPARTMENT.read_text(encoding="utf-8")
    assert _findings(DEPARTMENT) == [
        f"{_at(DEPARTMENT, text, ': 规范性文件', '规范性文件')}: 提示：{PROACTIVE}：印作“规范性文件”，"
        "标准原文为“行政规范性文件”（− \"行政\"）",
        f"{_at(DEPARTMENT, text, ': 第二十条 第（一）项', '第二十条')}: 提示：{PROACTIVE}：印作"
        "“第二十条 第（一）项”，标准原文为“第二十条第（一）项”（+ \" \"）",
        f"{_at(DEPARTMENT, text, ': 1、属于国家秘密', '1、')}: 提示：{APPLICATIONS}：印作“1、属于国家秘密”，"
        "标准原文为“1.属于国家秘密”（\".\" → \"、\"）",
        f"{_at(DEPARTMENT, text, ': 2、其他', '2、')}: 提示：{APPLICATIONS}：印作"
        "“2、其他法律行政法规禁止公开”，标准原文为“2.其他法律行政法规禁止公开”（\".\" → \"、\"）",
        f"{_at(DEPARTMENT, text, ': 5、属于', '5、')}: 提示：{APPLICATIONS}：印作“5、属于三类内容事务信息”，"
        "标准原文为“5.属于三类内部事务信息”（\".\" → \"、\", \"部\" → \"容\"）",
    ]


@pytest.mark.parametrize("path", [DATE_ONLY, SUBDISTRICT])
def test_the_other_variant_files_check_clean(path):
    assert _findings(path) == []


# ---- no cover; the report's ending as far as the data gives it ---------------------------------

def test_without_a_cover_the_file_is_the_report_alone_numbered_from_1(built):
    document = compose(check_file(DEPARTMENT).report)
    assert len(document.parts) == 1 and document.parts[0].masthead is None
    assert document.meta.author == "清源区教育局"
    pages = _pdf_text(built["department-2022"])
    assert pages[0].startswith("清源区教育局2022年政府信息公开工作年度报告") and pages[0].endswith("—1—")


def test_a_report_without_a_版记_ends_on_its_last_page_of_text_odd_or_even(built):
    pages = _pdf_text(built["department-2022"])
    assert len(pages) % 2 == 1                              # no blank page to reach an even one
    assert pages[-1].endswith("清源区教育局2023年1月20日—5—")


def test_a_date_alone_ends_the_report_右空二字(built, layout):
    report = compose(check_file(DATE_ONLY).report).parts[1]
    assert report.blocks[-1] == Signature(None, "2021年1月25日") and report.imprint is None
    date = [line for line in read_pdf(built["date-only-2020"])[-1].lines if line.text == "2021年1月25日"]
    right = layout.page.left_mm + layout.page.text_width_mm
    assert len(date) == 1 and (right - date[0].x1) / (layout.char_pitch_pt * MM_PER_PT) == pytest.approx(2, abs=0.05)
    assert squeeze(_pdf_text(built["date-only-2020"])[-1]).endswith("2020年，我区未收取信息处理费。2021年1月25日—6—")


def test_a_report_may_end_with_nothing(built):
    report = compose(check_file(SUBDISTRICT).report).parts[0]
    assert not any(isinstance(block, Signature) for block in report.blocks) and report.imprint is None
    assert _pdf_text(built["subdistrict-2021"])[-1].endswith("2021年，街道未收取信息处理费。—4—")


def test_a_file_dated_nowhere_is_created_on_1_january_after_its_year():
    assert compose(check_file(SUBDISTRICT).report).meta.created.isoformat() == "2022-01-01T00:00:00"


# ---- sections: titles of the office's own, sections of its own, another order ------------------

def _level_1(path: Path) -> list[str]:
    blocks = compose(check_file(path).report).parts[-1].blocks
    return [b.number + b.text for b in blocks if isinstance(b, Heading) and b.level == 1]


def test_section_titles_and_sections_of_the_offices_own_are_numbered_in_print_order():
    assert _level_1(DEPARTMENT) == [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况", "五、存在的主要问题及整改措施",
        "六、教育领域信息公开专项工作情况", "七、其他需要报告的事项"]
    assert _level_1(SEED)[4] == "五、存在的主要问题及改进情况"          # the standard wording by default


def test_statutory_sections_may_be_printed_in_another_order(tmp_path):
    path, _ = _variant(tmp_path, DEPARTMENT, "    - overview\n    - proactive\n    - applications\n",
                       "    - overview\n    - applications\n    - proactive\n")
    headings = _level_1(path)
    assert headings[1:3] == ["二、收到和处理政府信息公开申请情况", "三、主动公开政府信息情况"]
    blocks = compose(check_file(path).report).parts[0].blocks
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables[0].widths) == 10 and len(tables[1].widths) == 4     # each table moves with its section


@pytest.mark.parametrize("old, new, fragment, at, message", [
    ("    - other_matters\n", "", "    - overview", "-",
     f"{SECTIONS}：缺少 other_matters：六个法定部分（overview, proactive, applications, reviews, problems, "
     "other_matters）须按印出的顺序各列一次"),
    ("    - other_matters\n", "    - other_matters\n    - overview\n", "    - overview", "-",
     f"{SECTIONS}：overview 列了不止一次：每个法定部分只列一次"),
    ("    - other_matters\n", "    - other_mattres\n", "    - other_mattres", "other",
     f"{SECTIONS}第7项：\"other_mattres\"不是法定部分：请写 overview, proactive, applications, "
     "reviews, problems, other_matters 之一，或用 title: … 和 content: … 写自设的部分"),
    ("      content:\n        - h2: 招生", "      contents:\n        - h2: 招生", "        - h2: 招生", "-",
     f'{SECTIONS}第6项：不认识的项"contents"，是不是"content"？'),
    ("      title: 存在的主要问题及整改措施\n", "      title: 存在的主要问题及整改措施\n      content: [{p: 多余}]\n",
     "    - section: problems", "section", f"{SECTIONS}第5项：content: 只用于自设的部分；法定部分 problems 的文字"
     "仍写在 report.problems 下"),
    ("    - title: 教育领域信息公开专项工作情况\n", "    - section: 教育领域信息公开专项工作情况\n",
     "    - section: 教育领域", "教育", f"{SECTIONS}第6项·section：只能是'overview', 'proactive', "
     "'applications', 'reviews', 'problems' 或 'other_matters'"),
    ("    - title: 教育领域信息公开专项工作情况\n      content:\n", "    - content:\n", "    - content:", "content",
     f"{SECTIONS}第6项：自设的部分须写 title:（标题）和 content:（段落和标题）；法定部分用 section: 指明"
     "（overview、proactive 等）"),
])
def test_a_sections_list_written_wrongly_is_named_at_its_place(tmp_path, old, new, fragment, at, message):
    """Each message points at the entry or value concerned (a list-wide one at the list's start)."""
    path, text = _variant(tmp_path, DEPARTMENT, old, new)
    assert _load_error(path) == f"{_at(path, text, fragment, at)}: {message}"


# ---- labels as the office approved them --------------------------------------------------------

def test_labels_print_as_the_office_wrote_them(built):
    tables = [b for b in compose(check_file(DEPARTMENT).report).parts[0].blocks if isinstance(b, Table)]
    labels = [cell.text for table in tables for row in table.rows for cell in row if cell.kind != "number"]
    assert {"规范性文件", "第二十条 第（一）项", "1、属于国家秘密", "5、属于三类内容事务信息"} <= set(labels)
    assert not {"行政规范性文件", "1.属于国家秘密"} & set(labels)
    text = "".join(_pdf_text(built["department-2022"]))
    assert "1、属于国家秘密" in text and "规范性文件" in text


def test_a_label_that_is_no_label_of_its_table_is_an_error_with_the_nearest(tmp_path):
    path, text = _variant(tmp_path, DEPARTMENT, "      1.属于国家秘密: 1、属于国家秘密", "      1.属于国家秘: 1、属于国家秘密")
    errors = [str(f) for f in check_file(path).errors]
    assert errors == [f"{_at(path, text, '1.属于国家秘: 1、', '1、')}: 错误：{APPLICATIONS}：“1.属于国家秘”不是"
                      "三、收到和处理政府信息公开申请情况表格中的文字，改了也不起作用；请按标准原文写出要改的文字，"
                      "最接近的是“1.属于国家秘密”"]


def test_labels_of_another_format_are_no_labels(tmp_path):
    """"行政规范性文件" is the 2021 wording; the 2019 table says "规范性文件"."""
    path, text = _variant(tmp_path, DATE_ONLY, "  opening:\n",
                          "  labels:\n    proactive: {行政规范性文件: 规范性文件}\n  opening:\n")
    assert [str(f) for f in check_file(path).findings] == [
        f"{_at(path, text, '{行政规范性文件: 规范性文件}', '规范性文件}')}: 错误：{PROACTIVE}：“行政规范性文件”不是"
        "二、主动公开政府信息情况表格中的文字，改了也不起作用；请按标准原文写出要改的文字，最接近的是“规范性文件”"]


# ---- a 2021 report that keeps the 2019 single （六） row -----------------------------------------

def test_the_single_其他处理_row_prints_as_in_the_2019_format(built):
    table = [b for b in compose(check_file(SUBDISTRICT).report).parts[0].blocks if isinstance(b, Table)][1]
    row = next(row for row in table.rows if row[0].text == "（六）其他处理")
    assert [c.text for c in row] == ["（六）其他处理", "1", "0", "0", "0", "0", "0", "1"]
    assert len(table.rows) == 26 and table.rows[5][0].row_span == 20          # 三、 spans 20 rows, not 22
    assert "（六）其他处理100000" in "".join(_pdf_text(built["subdistrict-2021"]))


def test_the_single_row_is_checked_like_any_result_row(tmp_path):
    path, text = _variant(tmp_path, SUBDISTRICT, "other: {natural_person: 1, commercial: 0",
                          "other: {natural_person: 2, commercial: 0")
    received = "received:     {natural_person: 6"
    assert [str(f) for f in check_file(path).errors] == [
        f"{_at(path, text, received, '{')}: 错误：总计栏：一、本年新收 + 二、上年结转 = 6 + 1 = 7，但三、（七）总计 + "
        "四、结转下年度继续办理 = 7 + 1 = 8，两者应相等",       # a computed total points at its row
        f"{_at(path, text, received, '6')}: 错误：自然人栏：一、本年新收 + 二、上年结转 = 6 + 1 = 7，但三、（七）总计 + "
        "四、结转下年度继续办理 = 7 + 1 = 8，两者应相等"]


FORMS = ("（六）其他处理应按2021年格式写三行（no_correction:、unpaid_fee:、other:，各有申请人各栏），"
         "或按2019年格式写一行申请人各栏（natural_person: … total:）")


@pytest.mark.parametrize("new, at, message", [
    ("other: 1", "1", f"三、（六）其他处理：{FORMS}"),
    ("other: {natural_person: 1, no_correction: {natural_person: 0}}", "{",
     f"三、（六）其他处理：{FORMS}"),
    ("other: {natural_person: one}", "one", "三、（六）其他处理（自然人）：应填整数、留空或填“/”，"
     "现为\"one\""),
    ("other: {no_correction: 1}", "1", "三、（六）1.逾期不补正：应填键值对（键: 值）"),
])
def test_其他处理_written_wrongly_says_what_the_format_expects(tmp_path, new, at, message):
    old = "other: {natural_person: 1, commercial: 0, research: 0, public_interest: 0, legal_service: 0, other: 0}"
    path, text = _variant(tmp_path, SUBDISTRICT, old, new)
    assert _load_error(path) == f"{_at(path, text, new, at)}: {message}"


# ---- units, run-in headings --------------------------------------------------------------------

def test_units_print_as_written_without_a_space(built):
    assert "251000元" in "".join(_pdf_text(built["date-only-2020"]))
    assert "0.85万元" in "".join(_pdf_text(built["subdistrict-2021"]))
    seed_tables = [b for b in compose(check_file(SEED).report).parts[1].blocks if isinstance(b, Table)]
    assert seed_tables[0].rows[-1][-1].text == "58812595.00元"


@pytest.mark.parametrize("title, printed", [("存在的主要问题：", "存在的主要问题："), ("公开形式", "公开形式。"),
                                            ("是否整改？", "是否整改？"), ("措施;", "措施;")])
def test_a_run_in_heading_ends_with_one_closing_mark(title, printed):
    assert Wording().run_in(title) == printed


def test_run_in_headings_at_every_level_keep_their_closing_colon():
    headings = [b for b in compose(check_file(DATE_ONLY).report).parts[1].blocks if isinstance(b, Heading)]
    run_in = {b.level for b in headings if b.run_in}
    assert run_in == {2, 3, 4} and not any(b.keep_with_next for b in headings if b.run_in)
    assert headings[1].number + headings[1].text == "（一）主动公开情况："


# ---- what section 四's prose says against its table --------------------------------------------

def test_section_四_prose_is_checked_against_its_table(tmp_path):
    path, text = _variant(tmp_path, DEPARTMENT, "被申请行政复议2件，均获维持；被提起行政诉讼1件",
                          "被申请行政复议3件，均获维持；被提起行政诉讼2件")
    where = _at(path, text, "    notes:\n      - p: 2022年", "2022年")
    heading = "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况"
    said, table = f"{heading}写的是“2022年，我局因政府信息公开工作被申请行政复议3件，均获维持；”", f"但{heading}的表格中"
    assert [str(f) for f in check_file(path).findings if "写的是" in str(f.message)] == [
        f"{where}: 提示：{said}，其中“我局因政府信息公开工作被申请行政复议3件”，{table}行政复议（总计）为2",
        f"{where}: 提示：{said}，其中“我局因政府信息公开工作被申请行政复议3件……均获维持”，{table}行政复议（结果维持）为2",
        f"{where}: 提示：{heading}写的是“被提起行政诉讼2件，法院判决驳回原告诉讼请求。”，其中“被提起行政诉讼2件”，"
        f"{table}行政诉讼 未经复议直接起诉（总计）＋行政诉讼 复议后起诉（总计）为1",
    ]


def test_a_claim_of_no_case_is_checked_and_so_is_the_overview(tmp_path):
    path, text = _variant(tmp_path, SUBDISTRICT, "reconsideration:                  {upheld: 0,",
                          "reconsideration:                  {upheld: 1,")
    path.write_text(text.replace("    - p: 建立信息发布“三审”制度，", "    - p: 全年行政复议纠错1件。建立信息发布“三审”制度，"),
                    encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    table = "但四、政府信息公开行政复议、行政诉讼情况的表格中"
    assert [str(f) for f in check_file(path).findings] == [
        f"{_at(path, text, '- p: 全年行政复议', '全年')}: 提示：一、总体情况写的是“全年行政复议纠错1件。”，"
        f"其中“全年行政复议纠错1件”，{table}行政复议（结果纠正）为0",
        f"{_at(path, text, '- p: 2021年，街道无', '2021')}: 提示：四、政府信息公开行政复议、行政诉讼情况写的是"
        f"“2021年，街道无被申请行政复议、提起行政诉讼情况。”，其中“无被申请行政复议”，{table}行政复议（总计）为1",
    ]


def test_a_part_after_one_without_版记_still_starts_on_a_new_sheet(layout):
    """Each part starts on an odd page; one without a 版记 leaves the back of its last sheet blank."""
    meta = compose(check_file(SUBDISTRICT).report).meta
    first = Part((Paragraph((Run("第一件。"),)),), None)
    second = Part((Paragraph((Run("第二件。"),)),), Imprint("某某区人民政府办公室", "2024年1月2日印发"))
    paged = lay_out(Document(meta, (first, second)), layout, FontSet(layout, FontFinder(), lambda message: None))
    assert [(page.part, page.printed_number) for page in paged.pages] == [(0, 1), (0, None), (1, 1), (1, None)]
    assert paged.parts[0].imprint is None and paged.parts[1].first_page == 3
