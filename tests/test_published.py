"""``gongwen import REPORT.html|.docx|.pdf``: a published annual report read back into data.

The four 平潭 portal pages (tests/fixtures/published, their tables written down by hand before
the reader existed) import with every cell equal to the expectation and ``check`` finds what
was written down; the portal's menus stay out; label variants, blanks, "/" and units in cells
are read as printed, each guess a warning; a page that is no report is one line, exit 2.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.draft import rules
from generator.kinds import check_path
from generator.published import read_published
from generator.published.data_file import data_file

FIXTURES = Path(__file__).parent / "fixtures" / "published"
pytestmark = pytest.mark.usefixtures("english")

PAGES = sorted(FIXTURES.glob("pingtan-*.html"))


def cells(tree: dict, path: tuple = ()) -> dict[tuple, object]:
    """Every figure of a report tree by its path (prose notes left out)."""
    found = {}
    for key, value in tree.items():
        if key == "notes":
            continue
        if isinstance(value, dict):
            found.update(cells(value, (*path, key)))
        else:
            found[(*path, key)] = str(value) if isinstance(value, Decimal) else value
    return found


def table_cells(report: dict) -> dict[tuple, object]:
    return cells({key: report[key] for key in ("proactive", "applications", "reviews") if key in report})


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_real_page_imports_every_cell_as_written_down(page: Path) -> None:
    expected = yaml.safe_load(page.with_suffix(".expected.yaml").read_text("utf-8"))
    data = read_published(page).data
    assert (data["format"], data["year"], data["organ"], data["report"]["title"]) == \
        (expected["format"], expected["year"], expected["organ"], expected["title"])
    got, want = table_cells(data["report"]), table_cells(expected["report"])
    assert len(want) >= 199
    assert {path: got.get(path, "missing") for path in want} == want
    assert set(got) == set(want)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_real_page_checks_as_written_down(page: Path, tmp_path: Path, capsys) -> None:
    expected = yaml.safe_load(page.with_suffix(".expected.yaml").read_text("utf-8"))
    out = tmp_path / "report.yaml"
    assert main(["--lang", "en", "import", str(page), "-o", str(out)]) == 0
    findings = [(f.severity, str(f.message)) for f in check_path(out).findings]
    assert findings == [tuple(f) for f in expected["findings"]]
    text = out.read_text("utf-8")
    for portal_words in ("走进平潭", "网站标识码", "QQ空间", "当前位置", "文件下载", "主办单位", "_hmt", "来源："):
        assert portal_words not in text
    data = yaml.safe_load(text)["report"]
    headings = [block[key] for section in ("overview", "problems", "other_matters") for block in data[section]
                for key in ("h2", "h3", "h4") if key in block]
    assert headings and not any(rules.heading(heading) for heading in headings)   # the program numbers them


def test_real_page_prose_keeps_sections_and_headings() -> None:
    report = read_published(FIXTURES / "pingtan-2019.html").data["report"]
    assert report["title"] == "平潭综合实验区2019年政府信息公开工作年度报告"      # printed over two lines
    assert report["opening"][0].startswith("根据《中华人民共和国政府信息公开条例》")
    assert report["opening"][0].endswith("电子邮箱：pzxxgkb@163.com。")
    overview = report["overview"]
    assert [block for block in overview if "h2" in block] == [{"h2": "基本情况"}, {"h2": "主要做法"}]
    assert {"h3": "加强组织领导，健全工作机制"} in overview
    assert overview[7]["h4"] == "加强政策解读信息公开" and overview[7]["text"].startswith("充分利用政府网站")
    assert report["other_matters"] == [{"p": "无其他需要报告的事项"}]
    # the page closes its first paragraph of 五、 with "2020年，我们将采取以下措施加以改进：", no break before it
    assert report["problems"][0]["p"].endswith("但仍然有待完善。2020年，我们将采取以下措施加以改进：")
    assert report["problems"][1] == {"h2": "继续强化信息公开责任", "text": report["problems"][1]["text"]}
    report_2021 = read_published(FIXTURES / "pingtan-2021.html").data["report"]
    # "（一）存在的主要问题:…" has no full stop after its words: a sentence, kept with its number
    assert report_2021["problems"][0]["p"].startswith("（一）存在的主要问题:政策解读形式不够丰富")


def _page(tmp_path: Path, rows: str, heading: str = "二、主动公开政府信息情况") -> Path:
    page = tmp_path / "page.html"
    page.write_text(f"""<html><head><title>某县2024年政府信息公开工作年度报告_年报</title></head><body>
<div class="nav"><a href="/">首页</a></div><div class="article">
<p>某县2024年政府信息公开工作年度报告</p><p>本报告根据条例编制。</p>
<p>一、总体情况</p><p>全年主动公开政府信息100条。</p>
<p>{heading}</p><table>{rows}</table>
<p>三、收到和处理政府信息公开申请情况</p><p>四、政府信息公开行政复议、行政诉讼情况</p>
<p>五、存在的主要问题及改进情况</p><p>无。</p><p>六、其他需要报告的事项</p><p>无。</p></div></body></html>""",
                    "utf-8")
    return page


def test_labels_typos_blanks_and_units_are_read_as_printed(tmp_path: Path) -> None:
    rows = ("<tr><td colspan=4>第二十条第（一）项</td></tr>"
            "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
            "<tr><td>规 章</td><td>0</td><td>/</td><td></td></tr>"
            "<tr><td>行政规范性文 件</td><td>５</td><td>1</td><td>30</td></tr>"
            "<tr><td>行政处发</td><td colspan=3>12</td></tr>"
            "<tr><td>行政事业性收费</td><td colspan=3>126.40万元</td></tr>")
    published = read_published(_page(tmp_path, rows))
    report = published.data["report"]
    assert published.data["format"] == 2021
    assert report["proactive"]["regulations"]["rules"] == {"issued": 0, "repealed": "/", "in_force": None}
    assert report["proactive"]["regulations"]["normative_documents"] == {"issued": 5, "repealed": 1, "in_force": 30}
    assert report["proactive"]["enforcement"]["administrative_penalty"] == {"decisions": 12}
    assert report["proactive"]["fees"]["administrative_fees"] == {"amount": Decimal("126.40"), "amount_unit": "万元"}
    assert report["labels"] == {"proactive": {"行政处罚": "行政处发"}}
    out = tmp_path / "report.yaml"
    out.write_text(data_file(published), "utf-8")
    assert [str(f.message) for f in check_path(out).findings if "行政处发" in str(f.message)] == \
        ['labels.proactive: prints "行政处发" where the standard has "行政处罚" ("罚" → "发")']
    unread = [str(text) for _, text in published.unread]
    assert any("行政强制" in text for text in unread)          # a row the page lacks is named


def test_page_that_is_no_report_is_one_line(tmp_path: Path, capsys) -> None:
    page = tmp_path / "news.html"
    page.write_text("<html><body><p>一、新闻</p><p>某县召开会议。</p></body></html>", "utf-8")
    assert main(["--lang", "en", "import", str(page), "-o", str(tmp_path / "out.yaml")]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "no statutory table" in error and "0 table(s)" in error
    assert not (tmp_path / "out.yaml").exists()


def test_a_2021_report_keeping_the_single_other_processing_row(tmp_path: Path) -> None:
    rows = ("<tr><td>行政规范性文件</td><td>5</td><td>1</td><td>30</td></tr><tr><td colspan=10>申请人情况</td></tr>"
            "<tr><td>三、本年度办理结果</td><td colspan=2>（六）其他处理</td>"
            "<td>3</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td><td>4</td></tr>")
    published = read_published(_page(tmp_path, rows))
    assert published.data["format"] == 2021
    assert published.data["report"]["applications"]["results"]["other"] == {
        "natural_person": 3, "commercial": 0, "research": 0, "public_interest": 0, "legal_service": 0, "other": 1,
        "total": 4}
    unread = " ".join(str(text) for _, text in published.unread)
    assert "三、（六）" not in unread and "一、本年新收" in unread     # its three rows are not missing; 一、 is


def test_word_document_that_is_no_report_is_one_line(tmp_path: Path, capsys) -> None:
    from generator.build import build
    notice, = build(Path(__file__).parent.parent / "data" / "example-tongzhi.yaml", tmp_path, ("docx",), None,
                    warn=lambda _: None, say=lambda _: None)
    assert main(["--lang", "en", "import", str(notice), "-o", str(tmp_path / "out.yaml")]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "no statutory table" in error and "3 table(s)" in error
    assert not (tmp_path / "out.yaml").exists()


def test_page_in_gbk_reads_as_in_utf8(tmp_path: Path) -> None:
    """Portals not in UTF-8 write GBK, saying so in a <meta> or not at all."""
    text = (FIXTURES / "pingtan-2025.html").read_text("utf-8")
    expected = table_cells(read_published(FIXTURES / "pingtan-2025.html").data["report"])
    for name, page in (("declared.html", text.replace('charset="utf-8"', 'charset="gbk"')),
                       ("undeclared.html", text.replace('<meta charset="utf-8"/>', ""))):
        (tmp_path / name).write_bytes(page.encode("gbk"))
        data = read_published(tmp_path / name).data
        assert data["report"]["title"] == "平潭综合实验区2025年度政府信息公开工作年度报告"
        assert table_cells(data["report"]) == expected


def test_a_file_of_another_kind_is_named_for_what_import_reads(tmp_path: Path, capsys) -> None:
    """A Markdown draft given to import is refused in one line that says what import reads
    (it used to get the workbook reader's "cannot read as an Excel workbook")."""
    draft = tmp_path / "report.md"
    draft.write_text("# 某某区2024年政府信息公开工作年度报告\n", encoding="utf-8")
    assert main(["--lang", "en", "import", str(draft), "-o", str(tmp_path / "out.yaml")]) == 2
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and "(.xlsx)" in error and "(.html)" in error and "(.docx)" in error
    assert not (tmp_path / "out.yaml").exists()


@pytest.mark.parametrize("page", PAGES[-1:], ids=lambda path: path.stem)
def test_an_imported_report_builds_a_pdf_that_meets_every_rule(page: Path, tmp_path: Path, layout) -> None:
    """A published report imported builds at once into a PDF that passes every rule of gongwen
    inspect: its properties too, though a published page names no keywords (the built PDF's
    were blank, and inspect failed it)."""
    from generator.build import build
    from generator.inspection import inspect_pdf
    data = tmp_path / f"{page.stem}.yaml"
    assert main(["import", str(page), "-o", str(data)]) == 0
    pdf = build(data, tmp_path, ("pdf",), None, warn=lambda _: None, say=lambda _: None)[0]
    assert [f"{f.rule}: {f.measured}" for f in inspect_pdf(pdf, layout) if not f.ok] == []
