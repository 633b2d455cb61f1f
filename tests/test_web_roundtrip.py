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
from tests.conftest import ANNUAL_REPORTS, ROOT

with warnings.catch_warnings():
    warnings.simplefilter("ignore")             # Starlette's TestClient warns about httpx
    from fastapi.testclient import TestClient

from generator.web.app import create_app

DATA_FILES = [path.name for path in ANNUAL_REPORTS]     # the page edits annual reports


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


@pytest.mark.parametrize("name", DATA_FILES)
def test_saving_a_file_unchanged_keeps_its_document(tmp_path, name):
    folder = tmp_path / "served"
    folder.mkdir()
    shutil.copy(ROOT / "data" / name, folder / name)
    shutil.copy(ROOT / "data" / "report.schema.json", folder)
    for other in (ROOT / "data").glob("*.yaml"):          # a `previous:` file it names
        if not (folder / other.name).exists() and other.name in (ROOT / "data" / name).read_text(encoding="utf-8"):
            shutil.copy(other, folder / other.name)
    client = TestClient(create_app(folder))
    shown = client.get(f"/edit/{name}")
    assert shown.status_code == 200
    form = _form_values(shown.text)
    assert sum(key.startswith("t:") for key in form) > 50           # the three tables' figures are posted
    loaded = lxml.html.fromstring(shown.text).get_element_by_id("report").get("data-version")
    saved = client.post(f"/edit/{name}/save", data=form, headers={"X-Gongwen-Version": loaded})
    assert saved.status_code == 200 and "已保存" in saved.text
    quiet = {"warn": lambda message: None, "say": lambda line: None, "force": True}
    before = build(ROOT / "data" / name, tmp_path / "before", ("pdf",), None, **quiet)[0]
    after = build(folder / name, tmp_path / "after", ("pdf",), None, **quiet)[0]
    assert _text(after) == _text(before)
