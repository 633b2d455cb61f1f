"""The draft reader on real published 公文 (tests/fixtures/drafts: each NAME.txt as a clerk
would paste it, NAME.expected.yaml its structure written down by hand before the reader ran),
element by element; each builds to PDF and DOCX. Then each recognition rule on its own, with a
control case that must not match."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from generator.draft import read_draft, rules
from generator.draft.recognise import Draft, recognise

FIXTURES = Path(__file__).parent / "fixtures" / "drafts"
DRAFTS = sorted(FIXTURES.glob("*.txt"))
ELEMENTS = ("kind", "joint", "doc_number", "title", "addressees", "headings", "attachment_names", "signatures",
            "date", "note", "copy_to", "printer", "print_date", "attachments")

# (fixture, element) → why the reader gets it wrong; each is xfail(strict=True)
WRONG: dict[tuple[str, str], str] = {}

_KINDS = ["通知", "通报", "批复", "意见", "决定", "通告", "公告", "请示", "报告", "函", "纪要"]


def _headings(blocks: list[dict]) -> list[list]:
    """Each heading at its level, as the fixtures write it: the words before the run-on's
    separator (a "：" closing a heading is that separator, kept in the data to be printed)."""
    found = []
    for block in blocks:
        for level in range(1, 5):
            if f"h{level}" in block:
                found.append([level, block[f"h{level}"].removesuffix("：")])
    return found


def recognised(path: Path) -> dict:
    draft = read_draft(path)
    data = draft.data
    imprint = data.get("imprint") or {}
    number = data.get("doc_number")

    def given(key: str):
        return None if ("imprint", key) in draft.guessed else imprint.get(key)
    print_date = given("print_date")
    return {
        "kind": data["kind"],
        "joint": len(data.get("signatures", [])) > 1,
        "doc_number": f"{number['code']}〔{number['year']}〕{number['serial']}号" if number else None,
        "title": data["title"],
        "addressees": [name for name in re.split(r"[、，,]", data.get("addressee") or "") if name],
        "headings": _headings(data["body"]),
        "attachment_names": draft.listed,
        "signatures": data.get("signatures", []),
        "date": data["date"].isoformat() if data.get("date") else None,
        "note": data.get("note"),
        "copy_to": imprint.get("copy_to", []),
        "printer": given("printer"),
        "print_date": print_date.isoformat() if isinstance(print_date, dt.date) else print_date,
        "attachments": [{"title": attachment["title"], "headings": _headings(attachment["body"]),
                         "has_table": any("table" in block for block in attachment["body"])}
                        for attachment in data.get("attachments", []) if "body" in attachment],
    }


def _cases():
    for path in DRAFTS:
        for element in ELEMENTS:
            reason = WRONG.get((path.stem, element))
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            yield pytest.param(path, element, marks=marks, id=f"{path.stem}-{element}")


_RECOGNISED: dict[Path, dict] = {}


@pytest.mark.parametrize(("path", "element"), list(_cases()))
def test_real_draft_element(path: Path, element: str) -> None:
    expected = yaml.safe_load(path.with_name(f"{path.stem}.expected.yaml").read_text(encoding="utf-8"))
    if path not in _RECOGNISED:
        _RECOGNISED[path] = recognised(path)
    want = expected[element]
    if element == "date" and isinstance(want, dt.date):
        want = want.isoformat()
    if element == "attachments":
        want = [{**a, "headings": [list(h) for h in a["headings"]]} for a in want]
    if element == "headings":
        want = [list(h) for h in want]
    assert _RECOGNISED[path][element] == want


def test_every_fixture_has_its_structure() -> None:
    assert len(DRAFTS) >= 12
    for path in DRAFTS:
        assert path.with_name(f"{path.stem}.expected.yaml").is_file(), path


@pytest.mark.parametrize("path", DRAFTS, ids=[path.stem for path in DRAFTS])
def test_real_draft_builds(path: Path, tmp_path: Path) -> None:
    from generator.build import build
    written = build(path, tmp_path, ("docx", "pdf"), None, warn=lambda text: None, say=lambda line: None)
    assert sorted(p.name for p in written) == [f"{path.stem}.docx", f"{path.stem}.pdf"]
    assert all(p.stat().st_size > 0 for p in written)


# ---- each rule on its own, with a control case -------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("岚综管综〔2015〕188号", ("岚综管综", 2015, 188, "〔〕")),
    ("某政办[2021]12号", ("某政办", 2021, 12, "[]")),
    ("某政办（2021）12号", ("某政办", 2021, 12, "（）")),
    ("根据某政办〔2021〕12号文件精神，现通知如下：", None),          # control: a sentence citing one
])
def test_doc_number_line(text, expected):
    number = rules.doc_number(text)
    assert (number and (number.code, number.year, number.serial, number.brackets)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("一、总体要求", (1, "总体要求")),
    ("（一）加强组织领导", (2, "加强组织领导")),
    ("(二)明确责任", (2, "明确责任")),
    ("1.对接有关院校", (3, "对接有关院校")),
    ("2、已联合区公安局", (3, "已联合区公安局")),
    ("（1）按时报送", (4, "按时报送")),
    ("１．全角数字", (3, "全角数字")),
    ("（２）全角数字", (4, "全角数字")),
    ("1.5亿元资金已下达。", None),            # controls: a number that is part of the words
    ("1、2月份全区完成投资。", None),
    ("一、二季度完成招标。", None),
    ("2021年全区完成投资。", None),
    ("各单位要高度重视。", None),
])
def test_heading_line(text, expected):
    assert rules.heading(text) == expected


@pytest.mark.parametrize(("words", "expected"), [
    ("加强组织领导。各单位要……", ("加强组织领导", "各单位要……")),
    ("知识产权保护方面5项：三合一审判；", ("知识产权保护方面5项：", "三合一审判；")),
    ("军民深度融合方面6项。", ("军民深度融合方面6项", None)),
    ("按照《通知（试行）。》要求办理", ("按照《通知（试行）。》要求办理", None)),   # control: 。 inside brackets
    ("对接有关院校、科研机构，帮助企业开展产学研对接；", ("对接有关院校、科研机构，帮助企业开展产学研对接；", None)),
])
def test_heading_runs_on_after_its_first_sentence(words, expected):
    assert rules.run_on(words) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("2021年6月3日", (dt.date(2021, 6, 3), True)),
    ("2021-6-3", (dt.date(2021, 6, 3), False)),
    ("2021.06.03", (dt.date(2021, 6, 3), False)),
    ("一九九六年二月六日", (dt.date(1996, 2, 6), False)),
    ("二〇〇四年四月二十七日", (dt.date(2004, 4, 27), False)),
    ("２０２１年６月３日", (dt.date(2021, 6, 3), True)),
    ("2021年2月30日", None),                              # controls: no such day; a sentence with a date
    ("2021年6月3日前报送。", None),
])
def test_date_line(text, expected):
    assert rules.date_line(text) == expected


def test_attachment_lines():
    assert rules.attachment_list("附件：1.汇总表") == "1.汇总表"
    assert rules.attachment_list("附：内地西藏初中班（校）扩大招生计划表") == "内地西藏初中班（校）扩大招生计划表"
    assert rules.attachment_list("附件") is None                       # control: an attachment's head
    assert [rules.attachment_head(t) for t in ("附件", "附件2", "附件：", "附：", "附件：汇总表")] == [0, 2, 0, 0, None]
    assert rules.attachment_item("2.协同攻关技术需求征集表") == (2, "协同攻关技术需求征集表")


def test_note_copy_to_and_printed_lines():
    assert rules.note("（此件公开发布）") == "此件公开发布"
    assert rules.note("（联系人：张三，联系电话：12345678）") == "联系人：张三，联系电话：12345678"
    assert rules.note("（一）加强领导") is None                                      # control
    assert rules.organs(rules.copy_to("抄送：区自然资源局，区应急管理局。")) == ["区自然资源局", "区应急管理局"]
    assert rules.copy_to("抄送单位要认真落实。") is None                            # control
    assert rules.printed_line("某某区人民政府办公室　　2021年6月3日印发") == ("某某区人民政府办公室", dt.date(2021, 6, 3))
    assert rules.printed_line("2021年6月3日印发的通知要求") is None                  # control


def test_kind_of_title():
    assert rules.kind_of_title("关于同意某事的复函", _KINDS) == "函"
    assert rules.kind_of_title("关于进一步加强电梯质量安全工作的实施意见", _KINDS) == "意见"
    assert rules.kind_of_title("关于某事的通知（征求意见稿）", _KINDS) == "通知"
    assert rules.kind_of_title("关于某事的情况说明", _KINDS) is None                  # control
    assert rules.joined_title(["2008年北京奥运会首都国际机场", "协 调 委 员 会 组 建 方 案"]) == \
        "2008年北京奥运会首都国际机场协调委员会组建方案"


def test_signature_lines():
    assert rules.signature_line("国务院　中央军委") == ["国务院", "中央军委"]
    assert rules.signature_line("某某区人民政府办公室") == ["某某区人民政府办公室"]
    assert rules.signature_line("特此通知。") is None                                # controls
    assert rules.signature_line("此复") is None
    assert rules.signature_line("附件：汇总表") is None


def _read(text: str, name: str = "d.txt") -> Draft:
    from generator.draft.reading import _text_lines
    return recognise(name, _text_lines(text.splitlines()), _KINDS)


_SMALL = """某政办〔2021〕12号
某某区人民政府办公室关于做好某项工作的通知
各镇人民政府，区直各单位：
为做好某项工作，现将有关事项通知如下：
一、总体要求
（一）加强组织领导。各单位要高度重视。
1.按时报送材料
二、工作安排
附件：1.工作安排表
      2.联系人名单
某某区人民政府办公室
2021年6月3日
（此件公开发布）
附件1
工作安排表
序号\t工作事项\t责任单位
1\t某某工作\t某某局
附件2
联系人名单
请各单位填写。
抄送：区委办，区人大办。
某某区人民政府办公室　　2021年6月3日印发
"""


def test_a_whole_draft():
    draft = _read(_SMALL)
    data = draft.data
    assert data["doc_number"] == {"code": "某政办", "year": 2021, "serial": 12}
    assert data["issuers"] == data["signatures"] == ["某某区人民政府办公室"]
    assert data["addressee"] == "各镇人民政府，区直各单位"
    assert data["body"][1:] == [{"h1": "总体要求"}, {"h2": "加强组织领导", "text": "各单位要高度重视。"},
                                {"h3": "按时报送材料"}, {"h1": "工作安排"}]
    assert draft.listed == ["工作安排表", "联系人名单"]
    assert data["attachments"][0]["body"] == [{"table": {"columns": ["序号", "工作事项", "责任单位"],
                                                         "rows": [["1", "某某工作", "某某局"]]}}]
    assert data["attachments"][1] == {"title": "联系人名单", "body": [{"p": "请各单位填写。"}]}
    assert data["note"] == "此件公开发布"
    assert data["imprint"] == {"copy_to": ["区委办", "区人大办"], "printer": "某某区人民政府办公室",
                               "print_date": dt.date(2021, 6, 3)}
    assert draft.places[("body", 2)] == 6 and draft.places[("date",)] == 12


def test_without_doc_number_no_banner():
    draft = _read(_SMALL.split("\n", 1)[1])
    assert "issuers" not in draft.data and "doc_number" not in draft.data
    assert any("版头" in str(text) for _, text in draft.warnings)


def test_a_title_without_kind_is_an_error_at_its_line():
    from generator.errors import DataError
    with pytest.raises(DataError) as caught:
        _read("\n某某区人民政府办公室关于某事的说明\n各单位：\n现说明如下。\n")
    assert str(caught.value.position) == "d.txt:2"


def test_flattened_table_is_kept_as_paragraphs_with_a_warning():
    cells = "\n".join(["序号", "单位", "人数", "1", "甲局", "3", "2", "乙局", "4"])
    draft = _read(f"关于某事的通知\n各单位：\n现将名单通知如下：\n{cells}\n某局\n2021年6月3日\n")
    assert sum("p" in block for block in draft.data["body"]) == 10
    assert any("flattened" in text.msgid if hasattr(text, "msgid") else "flattened" in str(text)
               for _, text in draft.warnings)


def test_errors_of_the_model_point_at_the_draft_line(tmp_path):
    from generator.errors import DataError
    from generator.kinds import check_path
    path = tmp_path / "q.txt"
    path.write_text("关于某事的请示\n市人民政府：\n现请示如下。\n某局\n2021年6月3日\n（此件公开发布）\n"
                    "抄送：市委办。\n", encoding="utf-8")
    checked = check_path(path)
    assert checked.kind.name == "请示"
    assert all(finding.position.path == str(path) and finding.position.line for finding in checked.findings)
    path.write_text("关于某事的请示\n市人民政府：\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        check_path(path)
    assert str(caught.value.position).startswith(f"{path}:")


def test_markdown_draft(tmp_path):
    path = tmp_path / "d.md"
    path.write_text("# 关于某事的通知\n\n各单位：\n\n现通知如下：\n\n## 一、**总体要求**\n\n- 各单位要高度重视。\n\n"
                    "| 序号 | 单位 |\n|---|---|\n| 1 | 甲局 |\n\n某局\n\n2021年6月3日\n", encoding="utf-8")
    data = read_draft(path).data
    assert data["title"] == "关于某事的通知"
    assert data["body"] == [{"p": "现通知如下："}, {"h1": "总体要求"}, {"p": "各单位要高度重视。"},
                            {"table": {"columns": ["序号", "单位"], "rows": [["1", "甲局"]]}}]
    assert data["signatures"] == ["某局"]


def test_docx_draft(tmp_path):
    import docx
    document = docx.Document()
    for text in ("关于某事的通知", "各单位：", "现通知如下：", "一、总体要求"):
        document.add_paragraph(text)
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, (("序号", "单位"), ("1", "甲局"))):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    for text in ("某局", "2021年6月3日"):
        document.add_paragraph(text, style="Heading 1")        # its own formatting is ignored
    path = tmp_path / "d.docx"
    document.save(path)
    draft = read_draft(path)
    assert draft.data["body"] == [{"p": "现通知如下："}, {"h1": "总体要求"},
                                  {"table": {"columns": ["序号", "单位"], "rows": [["1", "甲局"]]}}]
    assert draft.places[("body", 2)] == 5 and draft.data["date"] == dt.date(2021, 6, 3)


def test_gongwen_draft_command_writes_a_data_file(tmp_path, capsys):
    from generator.cli import main
    target = tmp_path / "d.yaml"
    assert main(["draft", str(DRAFTS[0]), "-o", str(target)]) == 0
    assert main(["build", str(target), "-o", str(tmp_path), "--format", "pdf"]) == 0
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["kind"] == "函"


def test_a_draft_copied_from_a_printed_copy():
    """A 版头 line, a 主送 wrapped onto two lines, paragraphs broken at the page's width, page
    numbers, "附件：" above its items, and "附件2：title" heading an attachment."""
    text = """某某区人民政府办公室文件
某政办〔2021〕12号
某某区人民政府办公室关于做好某项工作的通知
各镇人民政府、街道办事处，
区直各单位：
为切实做好某项工作，根据上级有关文件精神，经区人民政府
同意，现将有关事项通知如下：
— 1 —
一、总体要求
施工地点：平潭综合实验区竹屿湖中路北侧、瑶竹南路西侧
施工内容：商业S1#楼5区筏板浇筑
附件：
1.工作安排表
2.联系人名单
某某区人民政府办公室
2021年6月3日
附件2：联系人名单
请各单位填写。
"""
    draft = _read(text)
    data = draft.data
    assert data["issuers"] == ["某某区人民政府办公室"] and data["doc_number"]["serial"] == 12
    assert data["title"] == "某某区人民政府办公室关于做好某项工作的通知"
    assert data["addressee"] == "各镇人民政府、街道办事处，区直各单位"
    assert data["body"] == [{"p": "为切实做好某项工作，根据上级有关文件精神，经区人民政府同意，现将有关事项通知如下："},
                            {"h1": "总体要求"}, {"p": "施工地点：平潭综合实验区竹屿湖中路北侧、瑶竹南路西侧"},
                            {"p": "施工内容：商业S1#楼5区筏板浇筑"}]        # control: label lines stay apart
    assert draft.listed == ["工作安排表", "联系人名单"]
    assert data["attachments"][1] == {"title": "联系人名单", "body": [{"p": "请各单位填写。"}]}
    assert (8, "a page number, left out") in [(line, getattr(text, "msgid", str(text)))
                                               for line, text in draft.warnings]


def test_docx_automatic_numbering_tells_the_level(tmp_path):
    """A paragraph of Word's automatic list lacks its number in its text: the list level's
    format ("（%1）" in Chinese counting) gives it back, and so the heading's level."""
    import docx
    from docx.oxml import parse_xml
    document = docx.Document()
    for text in ("关于某事的通知", "各单位：", "现通知如下："):
        document.add_paragraph(text)
    numbering = document.part.numbering_part.element
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering.append(parse_xml(f'<w:abstractNum {ns} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                               '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {ns} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    item = document.add_paragraph("加强组织领导。各单位要高度重视。")
    item._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {ns}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'))
    document.add_paragraph("各单位要按时报送。")          # control: no list, no number
    for text in ("某局", "2021年6月3日"):
        document.add_paragraph(text)
    path = tmp_path / "d.docx"
    document.save(path)
    assert read_draft(path).data["body"] == [{"p": "现通知如下："}, {"h2": "加强组织领导", "text": "各单位要高度重视。"},
                                             {"p": "各单位要按时报送。"}]


def test_addressee_line():
    assert rules.addressee_line("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：")
    assert rules.addressee_line("各片区管理局，区直各单位，各区属事业单位，各区属国企:")
    assert not rules.addressee_line("为加强管理，现将有关事项通告如下：")          # controls
    assert not rules.addressee_line("签发人：张三")
    assert not rules.addressee_line("附件：汇总表")


def test_a_notice_to_the_public_has_no_addressee():
    draft = _read("某某区人民政府关于某路段封闭施工的通告\n为加强管理，现将有关事项通告如下：\n一、封闭时间\n"
                  "二、绕行路线\n特此通告。\n某某区人民政府\n2021年6月3日\n")
    assert draft.data["kind"] == "通告" and "addressee" not in draft.data
    assert draft.data["body"][0] == {"p": "为加强管理，现将有关事项通告如下："}
    assert draft.data["signatures"] == ["某某区人民政府"]


@pytest.mark.parametrize("path", DRAFTS, ids=[path.stem for path in DRAFTS])
def test_real_draft_as_docx_reads_the_same(path: Path, tmp_path: Path) -> None:
    """Each real draft typed into Word, a paragraph a line, its formatting of no account
    (every paragraph set in a heading style), reads as the plain text does."""
    import docx
    document = docx.Document()
    for line in path.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line, style="Heading 2" if len(line) % 2 else None)
    target = tmp_path / f"{path.stem}.docx"
    document.save(target)
    assert recognised(target) == recognised(path)


@pytest.mark.parametrize("path", DRAFTS, ids=[path.stem for path in DRAFTS])
def test_real_draft_as_markdown_reads_the_same(path: Path, tmp_path: Path) -> None:
    """Each real draft saved as Markdown, its title marked "# " and its 一、 headings "## ",
    with blank lines between paragraphs, reads as the plain text does."""
    lines = path.read_text(encoding="utf-8").splitlines()
    marked = [f"# {line}" if number == 0 else f"## {line}" if rules.heading(line) and rules.heading(line)[0] == 1
              else line for number, line in enumerate(lines)]
    target = tmp_path / f"{path.stem}.md"
    target.write_text("\n\n".join(marked) + "\n", encoding="utf-8")
    assert recognised(target) == recognised(path)


def test_a_blank_line_ends_a_paragraph():
    long = "为切实做好某项工作，根据上级有关文件精神，经区人民政府研究决定"
    draft = _read(f"关于某事的通知\n各单位：\n{long}\n\n现通知如下：\n某局\n2021年6月3日\n")
    assert draft.data["body"] == [{"p": long}, {"p": "现通知如下："}]


def test_the_end_as_clerks_also_write_it():
    """A 附件说明 put below the date, a 主题词 line, a 抄送 wrapped onto a second line."""
    draft = _read("关于某事的通知\n各单位：\n现通知如下。\n某局\n2021年6月3日\n附件：1.甲表\n2.乙表\n（此件公开发布）\n"
                  "主题词：教育　通知\n抄送：区委办，区人大办，\n区政协办。\n某局办公室　2021年6月4日印发\n")
    assert draft.listed == ["甲表", "乙表"]
    assert draft.data["note"] == "此件公开发布" and draft.data["keywords"] == ["教育", "通知"]
    assert draft.data["imprint"] == {"copy_to": ["区委办", "区人大办", "区政协办"], "printer": "某局办公室",
                                     "print_date": dt.date(2021, 6, 4)}
    assert not [text for _, text in draft.warnings if "left out" in getattr(text, "msgid", str(text))]


def test_a_long_numbered_sentence_is_a_heading_with_a_warning_at_levels_1_and_2():
    long = "同意广东省气象局与香港天文台合建3个自动气象站，与澳门地球物理气象台合建2个自动气象站，所需经费自筹解决"
    draft = _read(f"关于某事的复函\n某局：\n现函复如下：\n一、{long}。\n二、加强领导。要高度重视。\n1.{long}。\n"
                  "国务院办公厅\n2021年6月3日\n")
    headings = [block for block in draft.data["body"] if "p" not in block]
    assert headings == [{"h1": long}, {"h1": "加强领导", "text": "要高度重视。"}, {"h3": long}]
    warned = [line for line, text in draft.warnings if "numbered sentence" in getattr(text, "msgid", "")]
    assert warned == [4]                # controls: a short heading (line 5), a long 1. (line 6, 仿宋 as text)


def test_minutes_without_addressee_signature_or_date():
    """An invented 纪要 (none of the real drafts is one): no 主送, no 署名, no date line; its
    opening sentence starts with a date and ends in 如下：, and is text."""
    draft = _read("区政府第5次常务会议纪要\n\n2021年6月3日上午，区长某某主持召开区政府第5次常务会议。现纪要如下：\n"
                  "一、关于某项工作\n会议同意。\n出席：张三、李四\n请假：王五\n")
    assert draft.data["kind"] == "纪要" and "addressee" not in draft.data and "date" not in draft.data
    assert draft.data["body"][1:] == [{"h1": "关于某项工作"}, {"p": "会议同意。"}]
    assert (draft.data["present"], draft.data["absent"]) == (["张三", "李四"], ["王五"])
    assert rules.attendance("列席人员：区政府办公室，区住建局") == ("attending", ["区政府办公室", "区住建局"])
    assert rules.attendance("出席会议的同志要认真落实。") is None                       # control


def test_gongwen_draft_to_standard_output_keeps_the_findings_apart(capsys):
    from generator.cli import main
    assert main(["draft", str(FIXTURES / "gov-lianhe-1996-wujing.txt")]) == 0
    out, err = capsys.readouterr()
    assert yaml.safe_load(out)["signatures"] == ["国务院", "中央军委"]
    assert "gov-lianhe-1996-wujing.txt:7:" in err
    assert main(["draft", str(FIXTURES / "README.md").replace(".md", ".yaml")]) == 2      # not a draft


def test_an_organ_line_above_the_doc_number_is_the_banner():
    draft = _read("某某区人民政府\n某政纪〔2021〕5号\n区政府第5次常务会议纪要\n现纪要如下：\n一、关于某项工作\n")
    assert draft.data["issuers"] == ["某某区人民政府"] and draft.data["mark_word"] == "纪要"
    assert draft.data["title"] == "区政府第5次常务会议纪要"
    control = _read("国务院办公厅关于推广第二批\n支持创新相关改革举措的通知\n国办发〔2018〕126号\n各省：\n现通知如下。\n"
                    "国务院办公厅\n2018年12月23日\n")       # a title above the 发文字号, as gov.cn prints it
    assert control.data["title"] == "国务院办公厅关于推广第二批支持创新相关改革举措的通知"
