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
from tests.conftest import ANNUAL_REPORTS, DATA_FILES as ALL_DATA_FILES, ROOT

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


def _save_as_shown(client, name: str):
    """Post the page's form for ``name`` back as it is shown, with the version it was loaded at."""
    shown = client.get(f"/edit/{name}")
    assert shown.status_code == 200
    loaded = lxml.html.fromstring(shown.text).get_element_by_id("report").get("data-version")
    return _form_values(shown.text), client.post(f"/edit/{name}/save", data=_form_values(shown.text),
                                                  headers={"X-Gongwen-Version": loaded})


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
