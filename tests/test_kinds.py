"""Every kind of 公文 through the registry: its skeleton, its checks (each with a control that
stays silent), and the general elements as they land on the page and in the DOCX, on small
documents built inline."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
import yaml

from generator.build import build
from generator.errors import DataError
from generator.inspection import inspect_pdf
from generator.inspection.facts import read_pdf
from generator.kinds import ANNUAL_REPORT, check_path, kinds
from generator.kinds.spec import kind_specs
from generator.layout_spec import load_layout
from tests.conftest import NOTICE as BASE
from tests.conftest import ROOT, assert_valid_docx, libreoffice_pdf, squeeze

LAYOUT = load_layout()
PITCH_MM = LAYOUT.line_pitch_pt * 25.4 / 72
CHAR_MM = LAYOUT.char_pitch_pt * 25.4 / 72
TOP, LEFT, RIGHT = LAYOUT.page.top_mm, LAYOUT.page.left_mm, LAYOUT.page.left_mm + LAYOUT.page.text_width_mm


def _file(tmp_path: Path, name: str = "doc", **changes) -> Path:
    data = copy.deepcopy(BASE)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _warnings(path: Path) -> list[str]:
    return [str(finding.message) for finding in check_path(path).findings]


def _built(path: Path, formats=("pdf",)) -> dict[str, Path]:
    written = build(path, path.parent / "out", formats, None, warn=lambda message: None, say=lambda line: None)
    return {p.suffix: p for p in written}


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "GONGWEN_LANG"}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=120)


# ---- the registry ------------------------------------------------------------------------

def test_every_kind_has_its_invented_example_in_data():
    for name, kind in kinds().items():
        example = ROOT / "data" / kind.example
        assert example.is_file(), name
        assert check_path(example).kind.name == name
        if name != ANNUAL_REPORT:
            assert "EXAMPLE — invented" in example.read_text(encoding="utf-8")


def test_a_file_without_kind_is_an_annual_report():
    assert check_path(ROOT / "data" / "changle-2020.yaml").kind.name == ANNUAL_REPORT


def test_an_unknown_kind_is_named_at_its_line_with_the_kinds_there_are(tmp_path):
    path = _file(tmp_path, kind="通告书")
    with pytest.raises(DataError) as raised:
        check_path(path)
    assert raised.value.position.line == 1
    assert "通告书" in str(raised.value) and "通知" in str(raised.value) and "请示" in str(raised.value)


@pytest.mark.parametrize("name", list(kind_specs()))
def test_the_skeleton_of_every_kind_checks_clean_and_builds(tmp_path, name):
    result = _run("new", "--kind", name, "--organ", "某某区人民政府办公室", "--year", "2025")
    assert result.returncode == 0, result.stderr
    path = tmp_path / "skeleton.yaml"
    path.write_text(result.stdout, encoding="utf-8")
    checked = check_path(path)
    assert checked.kind.name == name and checked.findings == []
    outputs = _built(path, ("pdf", "docx"))
    assert [f.rule for f in inspect_pdf(outputs[".pdf"], LAYOUT) if not f.ok] == []
    assert_valid_docx(outputs[".docx"])


def test_a_new_user_prints_a_qingshi_in_two_commands(tmp_path):
    new = subprocess.run(f"{sys.executable} -m generator new --kind 请示 > 请示.yaml", shell=True, cwd=tmp_path,
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert new.returncode == 0, new.stderr
    built = _run("build", "请示.yaml", "-o", "out", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    pages = read_pdf(tmp_path / "out" / "请示.pdf")
    text = "".join(line.text for page in pages for line in page.lines)
    assert "签发人" in text and "请示" in text and "妥否，请批示。" in text


# ---- checks, each with its control -------------------------------------------------------

@pytest.mark.parametrize(("changes", "control", "words"), [
    ({"kind": "请示", "title": "某某区人民政府办公室关于某事的请示"},
     {"kind": "请示", "title": "某某区人民政府办公室关于某事的请示", "signers": ["张三"]}, "签发人"),
    ({"kind": "请示", "title": "关于某事的请示", "signers": ["张三"], "addressee": "市人民政府、市财政局"},
     {"kind": "请示", "title": "关于某事的请示", "signers": ["张三"], "addressee": "市人民政府"}, "只主送一个机关"),
    ({"title": "某某区人民政府办公室关于做好某项工作的安排"}, {}, "文种"),
    ({"secrecy": "秘密★1年"}, {"secrecy": "秘密★1年", "copy_number": "000001"}, "份号"),
    ({"imprint": {"printer": "某某区人民政府办公室", "print_date": "2024-05-07"}},
     {"imprint": {"printer": "某某区人民政府办公室", "print_date": "2024-05-08"}}, "印发日期"),
    ({"issuers": ["甲局", "乙局"], "signatures": ["甲局"]},
     {"issuers": ["甲局", "乙局"], "signatures": ["甲局", "乙局"]}, "联合行文"),
])
def test_each_check_warns_and_its_control_stays_silent(tmp_path, changes, control, words):
    warned = _warnings(_file(tmp_path, "warned", **changes))
    assert len(warned) == 1 and words in warned[0], warned
    assert _warnings(_file(tmp_path, "control", **control)) == []


def test_a_file_format_imprint_names_its_printer_but_a_letters_need_not(tmp_path):
    [error] = check_path(_file(tmp_path, "tongzhi", imprint={"copy_to": ["某局"]})).errors
    assert "印发机关" in str(error.message)
    letter = _file(tmp_path, "han", kind="函", title="关于某事的函", imprint={"copy_to": ["某局"]})
    assert check_path(letter).findings == []


# ---- the elements on the page ------------------------------------------------------------

def _lines(pdf: Path):
    return [(page.number, line) for page in read_pdf(pdf) for line in page.lines]


def _line(lines, start: str):
    return next((number, line) for number, line in lines if line.text.startswith(start))


def test_the_attachment_note_hangs_its_names_and_the_attachments_open_new_pages(tmp_path):
    long_name = "某某区2024年度重点工作任务分解及责任单位和完成时限一览表（按牵头单位排列）"
    path = _file(tmp_path, attachments=[
        {"title": long_name, "body": [{"table": {"columns": ["序号", "任务"], "rows": [[1, "任务一"]]}}]},
        {"title": "联系人名单", "body": [{"p": "张三，电话：12345678。"}]}])
    lines = _lines(_built(path)[".pdf"])
    _, first = _line(lines, "附件：1.")
    _, second = _line(lines, "2.联系人名单")
    label = LAYOUT.body.paragraph_indent_chars * CHAR_MM
    assert first.x0 == pytest.approx(LEFT + label, abs=0.2)
    assert second.x0 == pytest.approx(first.chars[3].x0, abs=0.2)          # under the first name's number
    continuation = next(line for _, line in lines if line.top > first.top and line.bottom < second.top)
    assert continuation.x0 == pytest.approx(first.chars[5].x0, abs=0.2)    # under the name's first character
    for number in (1, 2):
        page, head = _line(lines, f"附件{number}")
        assert head.top == pytest.approx(TOP + (PITCH_MM - 16 * 25.4 / 72) / 2, abs=0.2)   # line 1
        assert head.x0 == pytest.approx(LEFT, abs=0.2)
        title = next(line for p, line in lines if p == page and line.top > head.bottom)
        assert title.top - (PITCH_MM - 22 * 25.4 / 72) / 2 == pytest.approx(TOP + 2 * PITCH_MM, abs=0.2)   # line 3
    pages = read_pdf(_built(path)[".pdf"])
    numbers = [line.text for page in pages for line in page.lines if line.text.startswith("—")]
    assert numbers == [f"—{n}—" for n in range(1, len(numbers) + 1)]    # numbered on through the attachments


def test_flags_stack_top_left_in_the_standards_order(tmp_path):
    path = _file(tmp_path, copy_number="000042", secrecy="秘密★1年", urgency="特急")
    lines = [line for number, line in _lines(_built(path)[".pdf"]) if number == 1]
    assert [line.text for line in lines[:3]] == ["000042", "秘密★1年", "特急"]
    for index, line in enumerate(lines[:3]):
        assert line.x0 == pytest.approx(LEFT, abs=0.2)
        assert line.top - (PITCH_MM - 16 * 25.4 / 72) / 2 == pytest.approx(TOP + index * PITCH_MM, abs=0.2)


def test_several_signers_stand_two_a_row_with_the_number_on_the_last(tmp_path):
    path = _file(tmp_path, kind="请示", title="关于某事的请示", issuers=["甲局", "乙局"], signatures=["甲局", "乙局"],
                 signers=["张三", "李四", "王五"])
    lines = [line for number, line in _lines(_built(path)[".pdf"]) if number == 1]
    first = next(line for line in lines if line.text.startswith("签发人："))
    second = next(line for line in lines if line.text == "王五")
    number = next(line for line in lines if "〔2024〕" in line.text)
    assert first.text == "签发人：张三李四" and first.x1 == pytest.approx(RIGHT - CHAR_MM, abs=0.3)
    assert second.x0 == pytest.approx(first.chars[4].x0, abs=0.2)           # under the first name
    assert number.baseline == pytest.approx(second.baseline, abs=0.1) and number.x0 == pytest.approx(LEFT + CHAR_MM,
                                                                                                      abs=0.3)


def test_a_joint_mark_stacks_the_organs_with_wenjian_beside_them(tmp_path):
    path = _file(tmp_path, issuers=["某某区教育局", "某某区财政局"], signatures=["某某区教育局", "某某区财政局"],
                 title="某某区教育局　某某区财政局关于某事的通知")
    pdf = _built(path, ("pdf", "docx"))
    lines = [line for number, line in _lines(pdf[".pdf"]) if number == 1]
    names = [line for line in lines if line.text in ("某某区教育局", "某某区财政局")]
    word = next(line for line in lines if line.text == "文件")
    assert len(names) == 4      # the mark's two and the 署名's two
    mark = sorted(names, key=lambda line: line.top)[:2]
    assert mark[0].x0 == pytest.approx(mark[1].x0, abs=0.1) and mark[0].x1 == pytest.approx(mark[1].x1, abs=0.1)
    assert (word.top + word.bottom) / 2 == pytest.approx((mark[0].top + mark[1].bottom) / 2, abs=0.2)
    signatures = sorted(names, key=lambda line: line.top)[2:]
    assert signatures[0].x0 == pytest.approx(signatures[1].x0, abs=0.1)
    assert signatures[1].baseline - signatures[0].baseline == pytest.approx(PITCH_MM, abs=0.05)
    table = docx.Document(str(pdf[".docx"])).tables[0]
    assert [row.cells[1].text for row in table.rows] == ["某某区教育局", "某某区财政局"]
    assert table.rows[0].cells[1].paragraphs[0].alignment == 4          # distributed (分散对齐)


def test_a_letter_has_its_head_its_unnumbered_first_page_and_a_bare_copy_to(tmp_path):
    body = [{"p": "现将有关事项函告如下。" * 12} for _ in range(5)]
    path = _file(tmp_path, kind="函", title="某某区人民政府办公室关于某事的函", body=body,
                 imprint={"copy_to": ["某局"]})
    outputs = _built(path, ("pdf", "docx"))
    pages = read_pdf(outputs[".pdf"])
    assert len(pages) == 2
    numbers = [[line.text for line in page.lines if line.text.startswith("—")] for page in pages]
    assert numbers == [[], ["—2—"]]
    assert not any(line.text.endswith("印发") for page in pages for line in page.lines)
    assert [f.rule for f in inspect_pdf(outputs[".pdf"], LAYOUT) if not f.ok] == []
    document = docx.Document(str(outputs[".docx"]))
    sect = document.sections[0]._sectPr
    assert sect.find(docx.oxml.ns.qn("w:titlePg")) is not None and sect.find(docx.oxml.ns.qn("w:docGrid")) is None
    assert_valid_docx(outputs[".docx"])


def test_minutes_list_those_present_with_names_after_the_colon(tmp_path):
    present = [f"某某{n}" for n in range(1, 16)]
    path = _file(tmp_path, kind="纪要", title="某某会议纪要", mark_word="会议纪要", signatures=[], date=None,
                 addressee=None, present=present, absent=["某甲"])
    lines = _lines(_built(path)[".pdf"])
    _, first = _line(lines, "出席：")
    rest = next(line for _, line in lines if line.top > first.top and not line.text.startswith("请假"))
    assert first.x0 == pytest.approx(LEFT + 2 * CHAR_MM, abs=0.2)
    assert rest.x0 == pytest.approx(first.chars[3].x0, abs=0.2)
    assert _line(lines, "请假：某甲")


def test_the_attachment_head_breaks_the_page_in_the_docx_too(tmp_path):
    path = _file(tmp_path, attachments=[{"title": "名单", "body": [{"p": "张三"}]}])
    document = docx.Document(str(_built(path, ("docx",))[".docx"]))
    head = next(p for p in document.paragraphs if p.text == "附件")
    assert head.paragraph_format.page_break_before
    note = next(p for p in document.paragraphs if p.text.startswith("附件："))
    assert squeeze(note.text) == "附件：名单"


@pytest.mark.parametrize(("name", "heads"), [("example-tongzhi", ("附件：1.", "2.")), ("example-jiyao", ("出席：", "列席："))])
def test_libreoffice_starts_a_hanging_text_where_the_pdf_does(tmp_path, name, heads):
    """The DOCX's tab after "出席：" or "附件：1." reaches the hanging indent in LibreOffice: the
    names start where the PDF starts them, not at the next default tab stop."""
    outputs = build(ROOT / "data" / f"{name}.yaml", tmp_path, ("pdf", "docx"), None, warn=lambda message: None,
                    say=lambda line: None)
    ours = {p.suffix: p for p in outputs}
    theirs = libreoffice_pdf(ours[".docx"], tmp_path / "libreoffice")
    for head in heads:
        starts = [next(line.chars[len(head)].x0 for _, line in _lines(pdf) if line.text.startswith(head))
                  for pdf in (ours[".pdf"], theirs)]
        assert starts[1] == pytest.approx(starts[0], abs=0.3), head


def test_the_web_page_edits_every_kind():
    """Each kind's example opens on the page with its elements as inputs, and checks clean."""
    import lxml.html
    from fastapi.testclient import TestClient

    from generator.web.app import create_app
    client = TestClient(create_app(ROOT / "data"))
    for kind in kinds().values():
        data = yaml.safe_load((ROOT / "data" / kind.example).read_text(encoding="utf-8"))
        shown = client.get(f"/edit/{kind.example}")
        assert shown.status_code == 200, kind.name
        inputs = {element.get("name"): element.get("value") for element in lxml.html.fromstring(shown.text).iter("input")}
        if kind.name != ANNUAL_REPORT:
            assert inputs.get("f:title") == (data.get("title") or "") and "e:body" in inputs, kind.name
        assert "0 处错误" in client.post(f"/edit/{kind.example}/check", data={}).text, kind.name


def test_a_sealed_joint_document_puts_each_organ_under_its_own_seal(tmp_path):
    from tests.test_seal import make_test_seal
    scan = make_test_seal(tmp_path)
    organs = ["某某区教育局", "某某区财政局", "某某区人力资源和社会保障局"]
    body = [{"p": "各单位要按照有关规定认真做好各项工作，确保按时完成任务，并及时报送工作进展情况。" * 2}] * 9
    path = _file(tmp_path, issuers=organs, signatures=organs, seal=True, body=body)
    written = build(path, tmp_path / "out", ("pdf", "docx"), None, warn=lambda message: None, say=lambda line: None,
                    seal=scan)
    outputs = {p.suffix: p for p in written}
    import pdfplumber
    with pdfplumber.open(outputs[".pdf"]) as pdf:
        page = next(page for page in pdf.pages if page.images)
        seals = sorted(((image["x0"], image["top"], image["x1"], image["bottom"]) for image in page.images),
                       key=lambda box: (box[1], box[0]))
        found = {organ: page.search(organ) for organ in organs}
        lines = page.extract_text_lines()
    assert len(seals) == 3
    for a, b in zip(seals, seals[1:]):          # side by side, or a row below: never crossing nor touching
        assert a[2] < b[0] or a[3] < b[1]
    for organ, seal in zip(organs, seals):     # each 署名 centred under its own seal, a little below its centre
        line = next(match for match in found[organ] if seal[1] < match["top"] < seal[3])
        assert (line["x0"] + line["x1"]) / 2 == pytest.approx((seal[0] + seal[2]) / 2, abs=0.5)
        assert (seal[1] + seal[3]) / 2 < line["bottom"] < seal[3]
    date = next(line for line in lines if line["text"].startswith("2024"))
    assert (date["x0"] + date["x1"]) / 2 == pytest.approx((seals[-1][0] + seals[-1][2]) / 2, abs=0.5)
    assert [f.rule for f in inspect_pdf(outputs[".pdf"], LAYOUT) if not f.ok] == []
    anchors = docx.Document(str(outputs[".docx"])).element.body.findall(".//" + docx.oxml.ns.qn("wp:anchor"))
    assert len(anchors) == 3


def test_an_order_has_its_mark_its_number_and_room_for_the_signature_seal(tmp_path):
    path = _file(tmp_path, kind="令", mark_word="令", order_number=7, signers=["王清"], signer_title="区长",
                 title=None, doc_number=None, addressee=None, signatures=None)
    outputs = _built(path, ("pdf", "docx"))
    lines = [line for number, line in _lines(outputs[".pdf"]) if number == 1]
    mark, number = lines[0], lines[1]
    assert mark.text == "某某区人民政府办公室令" and mark.top == pytest.approx(TOP + LAYOUT.order.mark_top_mm, abs=0.2)
    assert number.text == "第7号" and (number.x0 + number.x1) / 2 == pytest.approx((LEFT + RIGHT) / 2, abs=0.2)
    title = next(line for line in lines if line.text == "区长")
    date = next(line for line in lines if line.text.startswith("2024"))
    seal = LAYOUT.order
    room_left = RIGHT - seal.seal_right_chars * CHAR_MM - seal.seal_width_mm
    assert title.x1 == pytest.approx(room_left - seal.title_gap_chars * CHAR_MM, abs=0.3)     # 左空二字 from the seal
    assert date.x1 == pytest.approx(RIGHT - seal.seal_right_chars * CHAR_MM, abs=0.3)         # 右空四字
    gap = date.top - title.bottom           # the seal's room, its height, then 空一行, between them
    assert gap > seal.seal_height_mm / 2 + PITCH_MM / 2
    assert [f.rule for f in inspect_pdf(outputs[".pdf"], LAYOUT) if not f.ok] == []
    assert_valid_docx(outputs[".docx"])


def test_an_order_without_its_number_or_the_signers_title_is_an_error(tmp_path):
    path = _file(tmp_path, kind="令", mark_word="令", title=None, doc_number=None)
    errors = [str(error.message) for error in check_path(path).errors]
    assert len(errors) == 2 and "令号" in errors[0] + errors[1] and "签发人职务" in errors[0] + errors[1]
    assert [str(e.message) for e in check_path(_file(tmp_path, "untitled", title=None)).errors] == [
        "通知应当有标题（title）"]
