"""#14: every DOCX we write is valid OOXML, so Word and WPS open it without offering a repair.

The check is openxml-audit (a port of the Open XML SDK's validator, Office 2016 rules) on the
DOCX of every data file; new data files are picked up by themselves. On/off properties are
also held to the way Word writes them.
"""

from __future__ import annotations

import json
import zipfile
from importlib.resources import files
from pathlib import Path

import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from generator.build import build
from generator.writers.docx import ooxml
from tests.conftest import ROOT, assert_valid_docx

DATA_FILES = sorted((ROOT / "data").glob("*.yaml"))
WORDPROCESSINGML_SCHEMA = "data/openxml/schemas/schemas_openxmlformats_org_wordprocessingml_2006_main.json"


@pytest.fixture(scope="module", params=DATA_FILES, ids=lambda path: path.stem)
def data_docx(request, tmp_path_factory) -> Path:
    """The DOCX of one data file (built even if its tables do not add up: validity does not
    depend on the figures)."""
    out = tmp_path_factory.mktemp(request.param.stem)
    [docx_path] = build(request.param, out, ("docx",), None, warn=lambda message: None, force=True,
                        say=lambda line: None)
    return docx_path


def test_docx_is_valid_ooxml(data_docx):
    assert_valid_docx(data_docx)


def _on_off_tags() -> frozenset[str]:
    """The WordprocessingML elements the schema types as on/off (CT_OnOff, CT_OnOffOnly), read
    from the schema data openxml-audit ships, so the list is the SDK's, not ours."""
    schema = json.loads((files("openxml_audit") / WORDPROCESSINGML_SCHEMA).read_text(encoding="utf-8"))
    names = (entry["Name"].split("/") for entry in schema["Types"])
    return frozenset(qn(element) for type_name, element in names
                     if type_name in ("w:CT_OnOff", "w:CT_OnOffOnly") and element.startswith("w:"))


def test_on_off_properties_are_written_as_word_writes_them(data_docx):
    """True is the bare element, false w:val="0": what Word writes, and valid for the SDK's
    on/off-only elements too, where "1" is not."""
    on_off = _on_off_tags()
    written = []
    with zipfile.ZipFile(data_docx) as package:
        for name in package.namelist():
            if name.endswith(".xml"):
                root = etree.fromstring(package.read(name))
                written += [f"{name}: {etree.QName(element).localname} w:val={element.get(qn('w:val'))!r}"
                            for element in root.iter(*on_off) if element.get(qn("w:val"), "0") != "0"]
    assert written == []


def test_helpers_insert_at_the_schema_position_whatever_the_call_order():
    """Called in reverse order on a paragraph that already holds its w:sectPr (the paragraph
    that closes a section), the helpers still leave the children in the schema's sequence."""
    ppr = OxmlElement("w:pPr")
    ppr.append(OxmlElement("w:sectPr"))
    ooxml.set_outline_level(ppr, 0)
    ooxml.set_exact_line(ppr, 28.95)
    ooxml.set_snap_to_grid(ppr, False)
    ooxml.set_chinese_line_breaking(ppr)
    ooxml.set_bottom_border(ppr, "FF0000", 1.0, 4.0)
    assert [etree.QName(child).localname for child in ppr] == [
        "pBdr", "kinsoku", "overflowPunct", "snapToGrid", "spacing", "outlineLvl", "sectPr"]


def test_a_misordered_element_fails_the_check(seed_outputs, tmp_path):
    """The check is not vacuous: w:tblLook moved before w:tblW (out of the schema's order) is
    reported, with the part it is in."""
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(seed_outputs["docx"]) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                root = etree.fromstring(data)
                look = root.find(f".//{qn('w:tblPr')}/{qn('w:tblLook')}")
                look.getparent().insert(0, look)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info, data)
    with pytest.raises(AssertionError, match="/word/document.xml"):
        assert_valid_docx(broken)
