"""``gongwen serve`` in a real browser: Debian's chromium driven by Playwright (it never
downloads a browser of its own). A clerk breaks a total, sees the message beside the cell, fixes
it, previews, downloads the DOCX and PDF, and saves; the saved file builds the same document."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.checks import check_report
from generator.i18n import message
from generator.load import validate
from generator.load.yaml_source import YamlSource
from tests.browser import assert_no_english, chromium, served_folder
from tests.conftest import ROOT, SEED, squeeze

CELL = "report.applications.received.natural_person"
TOTAL = "report.applications.received.total"
EXAMPLE = ROOT / "data" / "example-2021.yaml"


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> tuple[str, Path]:
    """The server, serving a folder holding a copy of the seed."""
    folder = tmp_path_factory.mktemp("served")
    shutil.copy(SEED, folder / SEED.name)
    with served_folder(folder) as url:
        yield url, folder


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as context:
        yield context.new_page()


def _expected_finding(old: str, new: str, at: str):
    """The error of ``gongwen check`` about the seed with ``old`` replaced by ``new``, at the
    value ``at`` on the line of ``new``."""
    text = SEED.read_text(encoding="utf-8").replace(old, new, 1)
    line = next(number for number, line in enumerate(text.splitlines(), 1) if new in line)
    column = text.splitlines()[line - 1].index(at) + 1
    source = YamlSource(str(SEED), text)
    checked = check_report(source, validate(source))
    return next(f for f in checked.findings
                if f.severity == "error" and (f.position.line, f.position.column) == (line, column))


def _pdf_text(pdf: Path) -> str:
    from pypdf import PdfReader
    return "".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_clerk_edits_checks_downloads_and_saves(served, page, tmp_path):
    url, folder = served
    page.goto(f"{url}/")
    page.click(f"text={SEED.name}")
    page.wait_for_selector("#findings .summary")
    assert page.inner_text("#findings .summary").startswith("0 处错误")
    shots = tmp_path / "shots"
    shots.mkdir()

    page.fill(f"input[name='t:{CELL}']", "199")
    message_box = page.locator(f"[data-msg='{TOTAL}']")
    finding = _expected_finding("received: {natural_person: 198", "received: {natural_person: 199", "202")
    expected = str(message("error: {text}", text=finding.message))       # as check words it, 错误：…
    assert expected.startswith("错误：") and "为202，但六类申请人各栏之和为203" in expected
    message_box.get_by_text(expected).wait_for()
    assert "bad" in page.get_attribute(f"input[name='t:{CELL}']", "class")
    page.locator("table.statutory").nth(1).scroll_into_view_if_needed()
    page.screenshot(path=shots / "error.png")

    page.fill(f"input[name='t:{CELL}']", "198")
    page.wait_for_function(f"!document.querySelector(\"[data-msg='{TOTAL}']\").textContent")
    assert page.inner_text("#findings .summary").startswith("0 处错误")

    page.click("button:has-text('预览')")
    page.wait_for_selector("#preview img", timeout=60_000)
    assert page.locator("#preview img").count() >= 10
    page.screenshot(path=shots / "preview.png")
    assert all((shots / name).stat().st_size > 50_000 for name in ("error.png", "preview.png"))

    files = {}
    for fmt in ("docx", "pdf"):
        page.click("summary:has-text('下载')")
        with page.expect_download(timeout=60_000) as download:
            page.click(f"text=下载 {fmt.upper()}")
        files[fmt] = tmp_path / download.value.suggested_filename
        download.value.save_as(files[fmt])
    import docx
    docx_text = squeeze("".join(p.text for p in docx.Document(files["docx"]).paragraphs))
    assert "福州市长乐区2020年政府信息公开工作年度报告" in docx_text
    pdf_text = _pdf_text(files["pdf"])
    assert "福州市长乐区2020年政府信息公开工作年度报告" in squeeze(pdf_text)

    page.click("button:has-text('保存')")
    page.get_by_text("已保存").wait_for()
    assert page.url.endswith(f"/edit/{SEED.name}")          # the downloads never left the page
    saved = folder / SEED.name
    assert saved.read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")
    from generator.build import build
    rebuilt = build(saved, tmp_path / "rebuilt", ("pdf",), None, warn=lambda _: None, say=lambda _: None)[0]
    assert _pdf_text(rebuilt) == pdf_text


def test_clerk_starts_a_new_report(served, page):
    url, folder = served
    page.goto(f"{url}/")
    page.fill("input[name=name]", "../outside")
    page.fill("input[name=organ]", "某某区人民政府")
    page.fill("input[name=year]", "2024")
    page.click("button:has-text('新建')")
    page.locator(".message.error").wait_for()            # refused, and the form keeps what was typed
    assert (page.input_value("input[name=name]"), page.input_value("input[name=organ]"),
            page.input_value("input[name=year]")) == ("../outside", "某某区人民政府", "2024")
    page.fill("input[name=name]", "new-2024")
    page.click("button:has-text('新建')")
    page.wait_for_selector("#findings .summary")
    assert (folder / "new-2024.yaml").exists()
    assert page.locator("table.statutory").count() == 3
    assert page.input_value("input[name='f:organ']") == "某某区人民政府"
    page.goto(f"{url}/")                                  # any other kind, from the same skeletons as gongwen new
    page.select_option("select[name=kind]", "请示")
    page.fill("input[name=name]", "qingshi")
    page.fill("input[name=organ]", "某某区人民政府")
    page.click("button:has-text('新建')")
    page.wait_for_selector("#findings .summary")
    assert "请示" in page.inner_text(".bar .file") and (folder / "qingshi.yaml").exists()
    page.goto(f"{url}/edit/..%2F..%2Fetc%2Fpasswd")
    assert "root:" not in page.content()


def test_the_page_speaks_chinese(served, page):
    url, folder = served
    shutil.copy(EXAMPLE, folder / "clean-2021.yaml")
    page.goto(f"{url}/")
    assert_no_english(page, "the folder's page")
    # the browser's own words, which a Debian chromium without its translations says in English
    page.click("button:has-text('上传')")
    assert page.eval_on_selector("input[type=file]", "input => input.validationMessage") == "请选择要上传的数据文件（.yaml）"
    page.click("button:has-text('新建')")
    assert page.eval_on_selector("input[name=name]", "input => input.validationMessage") == "请填写此项"
    page.set_input_files("input[type=file]", str(EXAMPLE))
    assert page.inner_text(".file-pick .file-name") == EXAMPLE.name
    assert page.eval_on_selector("input[type=file]", "input => input.validationMessage") == ""
    page.goto(f"{url}/edit/notes.txt")
    page.get_by_text("「notes.txt」不是数据文件名").wait_for()
    assert_no_english(page, "a refusal")
    page.goto(f"{url}/nowhere")
    page.get_by_text("没有这个页面").wait_for()
    assert_no_english(page, "an unknown address")

    page.goto(f"{url}/edit/clean-2021.yaml")
    page.wait_for_selector("#findings .summary")
    page.locator("button.add").first.click()
    page.wait_for_function("document.querySelectorAll('.cover-panel .block').length > 0")
    assert_no_english(page, "the editing page")

    typed = page.input_value(f"input[name='t:{CELL}']")
    page.fill(f"input[name='t:{CELL}']", "99999")
    page.locator(f"[data-msg='{TOTAL}'] .error").wait_for()
    assert page.locator("#findings li.error").count() >= 1
    assert_no_english(page, "a total that does not add up")
    page.click("summary:has-text('下载')")
    page.click("button:has-text('下载 PDF/A')")
    page.get_by_text("表格数据有错误").wait_for()
    page.fill(f"input[name='t:{CELL}']", typed)                # fixed: the toolbar's message goes with the error
    page.get_by_text("表格数据有错误").wait_for(state="detached")
    page.fill(f"input[name='t:{CELL}']", "99999")
    page.locator(f"[data-msg='{TOTAL}'] .error").wait_for()
    page.click("button:has-text('预览')")
    page.wait_for_selector("#preview img", timeout=60_000)
    page.click("button:has-text('保存')")
    page.get_by_text("已保存").wait_for()
    assert_no_english(page, "after preview and save")
    assert page.locator("#preview img").first.get_attribute("alt") == "第 1 页"
