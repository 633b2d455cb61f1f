"""Editing on the page, in Debian's chromium: a clerk adds, renames, moves and deletes a section,
rewords a table label, switches the cover off or on, undoes and redoes; saves, and the saved file
builds the document the page downloaded; downloads every copy without leaving the page; is
warned before leaving unsaved edits; two tabs on one file never overwrite each other; a file
that does not load opens as text; any kind's file is edited the same way."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from generator.build import build
from generator.compose.wording import default_wording
from generator.load import load_report
from tests.browser import assert_no_english, chromium, served_folder
from tests.conftest import ROOT, SEED, squeeze

DEPARTMENT = ROOT / "data" / "department-2022.yaml"      # no cover, a section and labels of its own
NO_COVER = ROOT / "data" / "subdistrict-2021.yaml"        # no cover, no ending
NOTICE = ROOT / "data" / "example-tongzhi.yaml"           # a 通知 with two attachments
QUIET = {"warn": lambda _: None, "say": lambda _: None, "force": True}


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> tuple[str, Path]:
    folder = tmp_path_factory.mktemp("served")
    with served_folder(folder) as url:
        yield url, folder


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as context:
        yield context


@pytest.fixture
def page(browser):
    page = browser.new_page()
    yield page
    page.close()


def _copy(folder: Path, source: Path, name: str) -> str:
    shutil.copy(source, folder / name)
    return name


def _open(page, url: str, name: str) -> None:
    page.goto(f"{url}/edit/{name}")
    page.wait_for_selector("#findings .summary")


def _download(page, label: str, folder: Path) -> Path:
    page.click("summary:has-text('下载')")
    with page.expect_download(timeout=60_000) as download:
        page.click(f"button.download:has-text('{label}')")
    path = folder / download.value.suggested_filename
    download.value.save_as(path)
    return path


def _pdf_text(pdf: Path) -> str:
    import pdfplumber
    with pdfplumber.open(pdf) as document:
        return squeeze("".join(page.extract_text() or "" for page in document.pages))


def _numbers(page) -> list[str]:
    return page.locator("#sections > .report-section .number").all_inner_texts()


def _wait_numbered(page, count: int) -> None:
    """Until the page shows ``count`` sections, numbered 一、… as compose numbers them."""
    wording = default_wording()
    expected = [wording.heading_number(1, n) for n in range(1, count + 1)]
    page.wait_for_function("expected => JSON.stringify([...document.querySelectorAll("
                           "'#sections > .report-section .number')].map(n => n.textContent)) === JSON.stringify(expected)",
                           arg=expected)


@pytest.mark.parametrize("source", [SEED, DEPARTMENT, NO_COVER], ids=lambda path: path.stem)
def test_sections_labels_cover_undo_save_and_every_copy(served, page, tmp_path, source):
    url, folder = served
    name = _copy(folder, source, f"edit-{source.name}")
    _open(page, url, name)
    sections = page.locator("#sections > .report-section")
    count = sections.count()
    _wait_numbered(page, count)

    # add a section of the office's own: it is numbered after the last
    page.click("button.add-section")
    added = sections.nth(count)
    added.locator(".section-title").fill("专项工作情况")
    added.locator("button.add").click()
    added.locator(".block textarea").fill("全年开展政务公开专项工作3次。")
    _wait_numbered(page, count + 1)
    assert _numbers(page)[-1] == default_wording().heading_number(1, count + 1)
    # rename it and move it up to be the third section: the sections after it renumber
    added.locator(".section-title").fill("专项工作开展情况")
    moved = added.element_handle()             # the same element, wherever it moves
    for _ in range(count - 2):
        moved.query_selector(".section-up").click()
    titles = sections.locator(".section-title").evaluate_all("els => els.map(e => e.value)")
    assert titles.index("专项工作开展情况") == 2
    page.wait_for_function("document.querySelectorAll('#sections > .report-section .number')[2].textContent === '三、'"
                           " && document.querySelector('#findings .summary')")

    # reword a label of the applications table: the standard wording shows beside it
    label = page.locator(".report-section[data-id=applications] textarea.label").nth(2)
    standard = label.get_attribute("data-standard")
    label.fill(f"{standard}（本单位）")
    assert "reworded" in page.locator(".report-section[data-id=applications] th").nth(2).get_attribute("class")
    page.locator("#findings li.warning", has_text=f"{standard}（本单位）").first.wait_for()

    # the cover off (or on, for a file without one); undo and redo, by button and by key
    had_cover = page.is_checked("#cover-on")
    page.click("#cover-on")
    assert page.is_disabled("#cover input[name='f:cover.title']") == had_cover
    page.click("#undo")
    assert page.is_checked("#cover-on") == had_cover
    page.keyboard.press("Control+Y")
    assert page.is_checked("#cover-on") != had_cover
    page.click("#undo")
    page.click("#redo")
    assert page.is_checked("#cover-on") != had_cover
    assert page.input_value(".report-section[data-id=applications] textarea.label >> nth=2") == f"{standard}（本单位）"
    page.wait_for_selector("#findings .summary")

    # every copy, without leaving the page
    copies = {label: _download(page, label, tmp_path) for label in
              ("下载 DOCX", "下载 PDF", "下载 PDF/A", "下载 OFD", "门户网站版", "表格工作簿")}
    assert page.url == f"{url}/edit/{name}"
    assert "专项工作开展情况" in sections.locator(".section-title").evaluate_all("els => els.map(e => e.value)")
    assert page.input_value(".report-section[data-id=applications] textarea.label >> nth=2") == f"{standard}（本单位）"
    shown = _pdf_text(copies["下载 PDF"])
    assert "三、专项工作开展情况" in shown and "全年开展政务公开专项工作3次。" in shown
    assert copies["下载 PDF/A"].name.endswith(".pdfa.pdf") and copies["下载 PDF/A"].read_bytes().startswith(b"%PDF")
    assert zipfile.ZipFile(copies["下载 OFD"]).namelist()
    import docx
    document = docx.Document(copies["下载 DOCX"])
    assert "专项工作开展情况" in "".join(p.text for p in document.paragraphs)
    assert f"{standard}（本单位）" in {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    portal = _pdf_text(copies["门户网站版"])
    assert copies["门户网站版"].name.endswith(".report.pdf") and "三、专项工作开展情况" in portal
    import openpyxl
    workbook = openpyxl.load_workbook(copies["表格工作簿"])
    assert workbook["表二"]["A1"].value.startswith("四、")          # the applications table, numbered as printed

    # save: the file builds the document the page downloaded
    page.click("#save")
    page.get_by_text("已保存").wait_for()
    saved = load_report(folder / name)
    assert (saved.cover is None) == had_cover
    text = (folder / name).read_text(encoding="utf-8")
    assert had_cover or text.index("\ncover:") < text.index("\nreport:")       # a cover switched on goes first
    assert saved.report.sections[2].section is None and saved.report.sections[2].title == "专项工作开展情况"
    assert f"{standard}（本单位）" in saved.report.labels.applications.values()
    rebuilt = build(folder / name, tmp_path / "rebuilt", ("pdf",), None, **QUIET)[0]
    assert rebuilt.read_bytes() == copies["下载 PDF"].read_bytes()

    # delete the section; undo brings it back, redo takes it away again
    sections.nth(2).locator(".section-remove").click()
    _wait_numbered(page, count)
    page.keyboard.press("Control+Z")
    _wait_numbered(page, count + 1)
    assert page.input_value("#sections > .report-section >> nth=2 >> .section-title") == "专项工作开展情况"
    page.click("#redo")
    _wait_numbered(page, count)
    page.click("#save")
    page.get_by_text("已保存").wait_for()
    assert all(entry.title != "专项工作开展情况" for entry in load_report(folder / name).report.sections or [])


def test_leaving_with_unsaved_edits_warns(served, page):
    url, folder = served
    name = _copy(folder, NO_COVER, "leave.yaml")
    _open(page, url, name)
    dialogs = []

    def stay(dialog) -> None:
        dialogs.append(dialog.type)
        dialog.dismiss()
    page.on("dialog", stay)
    page.fill("input[name='f:report.title']", "某某街道办事处2021年政府信息公开工作年度报告（修改）")
    page.click("a.home")
    page.wait_for_timeout(300)
    assert dialogs == ["beforeunload"] and page.url.endswith(f"/edit/{name}")
    page.click("#save")
    page.get_by_text("已保存").wait_for()
    page.click("a.home")
    page.wait_for_url(f"{url}/")
    assert dialogs == ["beforeunload"]


def test_two_tabs_never_overwrite_each_other(served, browser):
    url, folder = served
    name = _copy(folder, NO_COVER, "two-tabs.yaml")
    first, second = browser.new_page(), browser.new_page()
    for tab in (first, second):
        _open(tab, url, name)
    first.fill("input[name='f:report.title']", "第一个标签页的标题")
    first.click("#save")
    first.get_by_text("已保存").wait_for()
    second.locator("#changed").wait_for(state="visible", timeout=10_000)      # told, before it saves
    second.fill("input[name='f:report.title']", "第二个标签页的标题")
    second.click("#save")
    second.get_by_text("未保存").wait_for()
    assert load_report(folder / name).report.title == "第一个标签页的标题"
    second.click("#changed .reload")
    second.wait_for_selector("#findings .summary")
    assert second.input_value("input[name='f:report.title']") == "第一个标签页的标题"
    second.fill("input[name='f:report.title']", "第二个标签页的标题")         # reloaded, it saves
    second.click("#save")
    second.get_by_text("已保存").wait_for()
    assert load_report(folder / name).report.title == "第二个标签页的标题"

    # a change made in an editor meanwhile is offered for reload
    (folder / name).write_text((folder / name).read_text(encoding="utf-8") + "# 编辑器里加的注释\n", encoding="utf-8")
    assert second.locator("#changed").is_hidden()                          # its own save told it nothing
    second.locator("#changed").wait_for(state="visible", timeout=10_000)
    first.close()
    second.close()


def test_a_file_that_does_not_load_opens_as_text(served, page):
    url, folder = served
    good = NO_COVER.read_text(encoding="utf-8")
    lines = good.splitlines(keepends=True)
    broken_line = next(number for number, line in enumerate(lines) if line.startswith("  title:"))
    lines[broken_line] = lines[broken_line].replace("  title:", "  title: [unclosed", 1)
    (folder / "broken.yaml").write_text("".join(lines), encoding="utf-8")
    page.goto(f"{url}/edit/broken.yaml")
    page.locator(".text-view .message.error").wait_for()
    marked = page.locator(".line-numbers li").evaluate_all("items => items.findIndex(i => i.className === 'error-line')")
    assert marked + 1 == int(page.locator("#text-form").get_attribute("data-line")) > 0
    assert abs(marked - broken_line) <= 2
    # a fix that still fails keeps what was typed
    page.fill("#file-text", good.replace("report:", "report: [", 1))
    page.click("button:has-text('保存并打开')")
    page.locator(".text-view .message.error").wait_for()
    assert page.input_value("#file-text") == good.replace("report:", "report: [", 1)
    page.fill("#file-text", good)
    page.click("button:has-text('保存并打开')")
    page.wait_for_selector("#findings .summary")
    assert (folder / "broken.yaml").read_text(encoding="utf-8") == good


def test_any_kind_is_edited_the_same_way(served, page, tmp_path):
    url, folder = served
    name = _copy(folder, NOTICE, "notice.yaml")
    _open(page, url, name)
    assert page.inner_text("#findings .summary").startswith("0 处错误")
    assert_no_english(page, "a 通知's page")
    page.fill("input[name='f:title']", "某某区教育局关于做好2025年秋季学期开学工作的通知")
    body = page.locator("[data-name=body]")
    page.click("[data-add-block=body]")
    body.locator(".block textarea").last.fill("各单位要于9月1日前报送开学工作情况。")
    copy_to = page.locator("[data-names='n:imprint.copy_to']")
    copy_to.locator(".add-name").click()
    copy_to.locator("input[name='n:imprint.copy_to']").last.fill("区教育督导室")
    page.click("button.add-section")
    attachment = page.locator("#sections > .attachment").last
    attachment.locator(".section-title").fill("开学工作检查表")
    attachment.locator("button.add").click()
    attachment.locator(".block textarea").fill("检查内容见下。")
    page.wait_for_timeout(600)
    page.click("button:has-text('预览')")
    page.wait_for_selector("#preview img", timeout=60_000)
    shown = _download(page, "下载 PDF", tmp_path)
    page.click("#save")
    page.get_by_text("已保存").wait_for()
    text = _pdf_text(build(folder / name, tmp_path / "built", ("pdf",), None, **QUIET)[0])
    for words in ("各单位要于9月1日前报送开学工作情况。", "区教育督导室", "开学工作检查表", "检查内容见下。",
                  "某某区教育局关于做好2025年秋季学期开学工作的通知"):
        assert squeeze(words) in text
    assert _pdf_text(shown) == text


def test_seal_and_workbook_uploads(served, page, tmp_path):
    from PIL import Image, ImageDraw
    url, folder = served
    name = _copy(folder, SEED, "sealed.yaml")
    _open(page, url, name)
    seal = Image.new("RGBA", (400, 400), (0, 0, 0, 0))
    ImageDraw.Draw(seal).ellipse((10, 10, 390, 390), outline=(220, 0, 0, 255), width=18)
    buffer = io.BytesIO()
    seal.save(buffer, "PNG")
    page.set_input_files("form[data-upload='/seal'] input[type=file]",
                         files=[{"name": "seal.png", "mimeType": "image/png", "buffer": buffer.getvalue()}])
    page.click("button:has-text('上传印章')")
    page.get_by_text("印章扫描件已保存").wait_for()
    page.click("summary:has-text('下载')")
    page.check("#sealed")
    page.click("summary:has-text('下载')")
    sealed = _download(page, "下载 PDF", tmp_path)
    import pdfplumber
    with pdfplumber.open(sealed) as pdf:
        assert sum(len(p.images) for p in pdf.pages) >= 2          # the cover's 署名 and the report's

    workbook_path = _download(page, "表格工作簿", tmp_path)
    import openpyxl

    from generator.excel.sheets import table_sheets
    sheet = table_sheets(2019)[0]               # 二、主动公开: no total adds its figures up
    figure, cell = sheet.figures[0]
    workbook = openpyxl.load_workbook(workbook_path)
    workbook[sheet.name][cell] = 197
    workbook.save(workbook_path)
    page.set_input_files("form[data-upload$='/import'] input[type=file]", str(workbook_path))
    page.click("button:has-text('上传工作簿')")
    page.locator("#status .message.ok").wait_for()
    page.locator("#changed").wait_for(state="visible", timeout=10_000)
    from generator.compose.report_format import lookup
    row = lookup(load_report(folder / name).report, figure.row)
    assert getattr(row, figure.key) == 197
