"""The web page saves every data file in `data/`, the variants too (no cover, own sections and
labels, a date alone as ending), without changing the document it builds: the form as the page
shows it, posted back unchanged, writes a file that builds the same text."""

from __future__ import annotations

import shutil
import warnings

import lxml.html
import pdfplumber
import pytest

from generator.build import build
from generator.load import load_report
from tests.conftest import ANNUAL_REPORTS, DATA_FILES as ALL_DATA_FILES, ROOT, SEED

with warnings.catch_warnings():
    warnings.simplefilter("ignore")             # Starlette's TestClient warns about httpx
    from fastapi.testclient import TestClient

from generator.web.app import create_app

DATA_FILES = [path.name for path in ANNUAL_REPORTS]
OTHER_KINDS = [path.name for path in ALL_DATA_FILES if path not in ANNUAL_REPORTS]     # 通知, 请示 …


def _form_values(html: str) -> dict[str, list[str]]:
    """What the browser would send for the report form as it is shown."""
    values: list[tuple[str, str]] = []
    for element in lxml.html.fromstring(html).get_element_by_id("report").iter("input", "textarea", "select"):
        name = element.get("name")
        if name is None:
            continue
        if element.tag == "select":
            options = [o for o in element.iter("option") if o.get("selected") is not None] or list(element.iter("option"))
            values.append((name, options[0].get("value", "") if options else ""))
        elif element.tag == "textarea":
            values.append((name, element.text or ""))
        elif element.get("type") == "checkbox":
            if element.get("checked") is not None:
                values.append((name, element.get("value") or "on"))
        else:
            values.append((name, element.get("value") or ""))
    form: dict[str, list[str]] = {}
    for name, value in values:
        form.setdefault(name, []).append(value)
    return form


def _text(pdf) -> str:
    with pdfplumber.open(pdf) as document:
        return "".join(page.extract_text() for page in document.pages)


def _shown_form(client, name: str) -> tuple[dict[str, list[str]], str]:
    """The form the page shows for ``name``, and the version of the file it was loaded at."""
    shown = client.get(f"/edit/{name}")
    assert shown.status_code == 200
    return _form_values(shown.text), lxml.html.fromstring(shown.text).get_element_by_id("report").get("data-version")


def _save_as_shown(client, name: str):
    """Post the page's form for ``name`` back as it is shown."""
    form, loaded = _shown_form(client, name)
    return form, client.post(f"/edit/{name}/save", data=form, headers={"X-Gongwen-Version": loaded})


@pytest.mark.parametrize("name", OTHER_KINDS)
def test_saving_any_kind_unchanged_keeps_its_text(tmp_path, name):
    """Every element of any kind's file is on the page and comes back as it was, to the byte."""
    shutil.copy(ROOT / "data" / name, tmp_path / name)
    form, saved = _save_as_shown(TestClient(create_app(tmp_path)), name)
    assert saved.status_code == 200 and "已保存" in saved.text
    assert any(key.startswith("b:body") for key in form)
    assert (tmp_path / name).read_bytes() == (ROOT / "data" / name).read_bytes()


@pytest.mark.parametrize("name", DATA_FILES)
def test_saving_a_file_unchanged_keeps_its_document(tmp_path, name):
    folder = tmp_path / "served"
    folder.mkdir()
    shutil.copy(ROOT / "data" / name, folder / name)
    shutil.copy(ROOT / "data" / "report.schema.json", folder)
    for other in (ROOT / "data").glob("*.yaml"):          # a `previous:` file it names
        if not (folder / other.name).exists() and other.name in (ROOT / "data" / name).read_text(encoding="utf-8"):
            shutil.copy(other, folder / other.name)
    form, saved = _save_as_shown(TestClient(create_app(folder)), name)
    assert sum(key.startswith("t:") for key in form) > 50           # the three tables' figures are posted
    assert saved.status_code == 200 and "已保存" in saved.text
    quiet = {"warn": lambda message: None, "say": lambda line: None, "force": True}
    before = build(ROOT / "data" / name, tmp_path / "before", ("pdf",), None, **quiet)[0]
    after = build(folder / name, tmp_path / "after", ("pdf",), None, **quiet)[0]
    assert _text(after) == _text(before)


@pytest.mark.parametrize("name", ["changle-2020.yaml", "department-2022.yaml"])
def test_an_ending_left_blank_is_left_out(tmp_path, name):
    """署名, date and 版记 are each optional: blanked on the page, they leave the file (all of the
    版记 blank: the 版记 as a whole), rather than stay as they were or leave a 版记 without its
    required parts; a section list back in the statutory order and labels back to the standard
    wording leave the file too."""
    shutil.copy(ROOT / "data" / name, tmp_path / name)
    client = TestClient(create_app(tmp_path))
    form, loaded = _shown_form(client, name)
    assert name != SEED.name or form["f:report.imprint.printer"] != [""]      # the seed's report has a 版记
    for field in ("f:report.signature", "f:report.date", "f:report.imprint.printer", "f:report.imprint.print_date"):
        form[field] = [""]
    form["n:report.imprint.copy_to"] = [""]
    for own in [index for index, id_ in enumerate(form["s:id"]) if id_.startswith("own-")][::-1]:
        form["s:id"].pop(own)
        form["s:title"].pop(own)
    form["s:title"] = ["" for _ in form["s:title"]]                       # the standard titles
    form = {key: [key.partition(":")[2].partition(":")[2]] if key.startswith("l:") else value
            for key, value in form.items()}                                # the standard labels
    saved = client.post(f"/edit/{name}/save", data=form, headers={"X-Gongwen-Version": loaded})
    assert saved.status_code == 200 and "已保存" in saved.text
    report = load_report(tmp_path / name).report
    assert (report.signature, report.date, report.imprint, report.sections) == (None, None, None, None)
    assert report.labels.model_dump() == {"proactive": {}, "applications": {}, "reviews": {}}
    text = (tmp_path / name).read_text(encoding="utf-8").split("report:", 1)[1]
    assert "labels:" not in text and "sections:" not in text and "signature:" not in text and "imprint:" not in text


def test_a_save_over_a_file_changed_since_is_refused(tmp_path):
    """A page saves only over the version of the file it loaded: changed since (another tab, an
    editor), the save is refused and the file keeps the other change; the text view of a broken
    file gives back the text as typed with the refusal."""
    name = "subdistrict-2021.yaml"
    shutil.copy(ROOT / "data" / name, tmp_path / name)
    client = TestClient(create_app(tmp_path))
    form, loaded = _shown_form(client, name)
    changed = (tmp_path / name).read_text(encoding="utf-8") + "# 编辑器里加的一行\n"
    (tmp_path / name).write_text(changed, encoding="utf-8")
    assert client.get(f"/edit/{name}/version").text != loaded
    refused = client.post(f"/edit/{name}/save", data=form, headers={"X-Gongwen-Version": loaded, "HX-Request": "true"})
    assert refused.status_code == 409 and "未保存" in refused.text
    assert (tmp_path / name).read_text(encoding="utf-8") == changed

    (tmp_path / "broken.yaml").write_text("report: [\n", encoding="utf-8")
    shown = client.get("/edit/broken.yaml")
    version = lxml.html.fromstring(shown.text).get_element_by_id("text-form").xpath("input[@name='version']")[0].get("value")
    (tmp_path / "broken.yaml").write_text("report: [ \n", encoding="utf-8")
    typed = (ROOT / "data" / name).read_text(encoding="utf-8")
    answer = client.post("/edit/broken.yaml/text", data={"text": typed, "version": version})
    assert answer.status_code == 422 and "未保存" in answer.text
    assert lxml.html.fromstring(answer.text).get_element_by_id("file-text").text == typed
    assert (tmp_path / "broken.yaml").read_text(encoding="utf-8") == "report: [ \n"
