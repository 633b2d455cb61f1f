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
from generator.draft.reading import Line
from generator.draft.recognise import recognise

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
